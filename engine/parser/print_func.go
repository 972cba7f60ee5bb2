package parser

import "strings"

// funcCall renders a function call. Naming mode drops FILTER and an
// aggregate's ORDER BY, as Quereus does, and writes count() as count(*).
func (p *printer) funcCall(f *FuncCall) {
	if f.Schema != "" {
		p.ident(f.Schema)
		p.str(".")
	}
	p.funcName(f.Name)
	p.str("(")
	switch {
	case f.Star:
		p.str("*")
	case len(f.Args) == 0 && p.naming && strings.EqualFold(f.Name, "count"):
		p.str("*")
	default:
		if f.Distinct {
			p.str("distinct ")
		}
		p.exprList(f.Args)
		if len(f.OrderBy) > 0 && !p.naming {
			p.str(" order by ")
			p.orderTerms(f.OrderBy)
		}
	}
	p.str(")")
	if f.Filter != nil && !p.naming {
		p.str(" filter (where ")
		p.expr(f.Filter)
		p.str(")")
	}
	switch {
	case f.Over != nil:
		p.str(" over (")
		p.windowSpec(f.Over)
		p.str(")")
	case f.OverName != "":
		p.str(" over ")
		p.ident(f.OverName)
	}
}

// bareCallable lists keywords Quereus accepts bare as function names.
var bareCallable = map[string]bool{
	"key": true, "action": true, "set": true, "default": true, "check": true,
	"unique": true, "references": true, "on": true, "cascade": true,
	"restrict": true, "like": true, "replace": true,
}

func (p *printer) funcName(name string) {
	if p.naming {
		lower := strings.ToLower(name)
		if bareCallable[lower] {
			p.str(lower)
		} else {
			p.ident(lower)
		}
		return
	}
	// Any non-reserved word may name a function in this parser.
	if isBareIdent(name) && !reservedKeyword[lookupKeyword(name)] {
		p.str(name)
		return
	}
	p.quoteIdent(name)
}

func (p *printer) windowSpec(w *WindowSpec) {
	sep := ""
	if w.Base != "" {
		p.ident(w.Base)
		sep = " "
	}
	if len(w.PartitionBy) > 0 {
		p.str(sep + "partition by ")
		p.exprList(w.PartitionBy)
		sep = " "
	}
	if len(w.OrderBy) > 0 {
		p.str(sep + "order by ")
		p.orderTerms(w.OrderBy)
		sep = " "
	}
	if f := w.Frame; f != nil {
		p.str(sep)
		p.str([...]string{FrameRows: "rows", FrameRange: "range", FrameGroups: "groups"}[f.Unit])
		if f.HasEnd {
			p.str(" between ")
			p.frameBound(f.Start)
			p.str(" and ")
			p.frameBound(f.End)
		} else {
			p.str(" ")
			p.frameBound(f.Start)
		}
		if f.Exclude != ExcludeDefault {
			p.str(" exclude ")
			p.str([...]string{ExcludeNoOthers: "no others", ExcludeCurrentRow: "current row",
				ExcludeGroup: "group", ExcludeTies: "ties"}[f.Exclude])
		}
	}
}

func (p *printer) frameBound(b FrameBound) {
	switch b.Kind {
	case BoundUnboundedPreceding:
		p.str("unbounded preceding")
	case BoundUnboundedFollowing:
		p.str("unbounded following")
	case BoundCurrentRow:
		p.str("current row")
	case BoundPreceding:
		p.operand(b.Offset, precAdd)
		p.str(" preceding")
	case BoundFollowing:
		p.operand(b.Offset, precAdd)
		p.str(" following")
	}
}

func (p *printer) orderTerms(terms []*OrderTerm) {
	for i, t := range terms {
		if i > 0 {
			p.str(", ")
		}
		p.expr(t.X)
		switch {
		case t.Dir == SortDesc:
			p.str(" desc")
		case t.Dir == SortAsc && !p.naming:
			p.str(" asc")
		}
		switch t.Nulls {
		case NullsFirst:
			p.str(" nulls first")
		case NullsLast:
			p.str(" nulls last")
		}
	}
}
