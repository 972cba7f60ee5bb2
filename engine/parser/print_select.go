package parser

// StmtString renders s as SQL text in lowercase-keyword style that parses
// back to an equal AST (source positions aside). The engine stores DDL in
// the catalog in this form.
func StmtString(s Stmt) string {
	p := &printer{}
	p.stmt(s)
	return p.b.String()
}

func (p *printer) selectStmt(s *Select) {
	if s == nil {
		return
	}
	if s.With != nil {
		p.with(s.With)
		p.str(" ")
	}
	p.selectBody(s.Body)
	if len(s.WithSchema) > 0 {
		p.str(" with schema ")
		p.identList(s.WithSchema)
	}
	if len(s.OrderBy) > 0 {
		p.str(" order by ")
		p.orderTerms(s.OrderBy)
	}
	switch {
	case s.Limit != nil && s.Offset != nil && s.Offset.Pos() >= 0 && s.Offset.Pos() < s.Limit.Pos():
		// Written `LIMIT offset, limit`: keep that order (parameters are
		// numbered in text order).
		p.str(" limit ")
		p.expr(s.Offset)
		p.str(", ")
		p.expr(s.Limit)
	default:
		if s.Limit != nil {
			p.str(" limit ")
			p.expr(s.Limit)
		}
		if s.Offset != nil {
			p.str(" offset ")
			p.expr(s.Offset)
		}
	}
	if len(s.Defaults) > 0 {
		p.str(" with defaults (")
		p.setClauses(s.Defaults)
		p.str(")")
	}
}

func (p *printer) with(w *With) {
	p.str("with ")
	if w.Recursive {
		p.str("recursive ")
	}
	for i, c := range w.CTEs {
		if i > 0 {
			p.str(", ")
		}
		p.ident(c.Name)
		if len(c.Columns) > 0 {
			p.str(" (")
			p.identList(c.Columns)
			p.str(")")
		}
		p.str(" as ")
		switch c.Materialized {
		case MatMaterialized:
			p.str("materialized ")
		case MatNotMaterialized:
			p.str("not materialized ")
		}
		p.str("(")
		p.stmt(c.Query)
		p.str(")")
	}
}

func (p *printer) selectBody(b SelectBody) {
	switch b := b.(type) {
	case *SelectCore:
		p.selectCore(b)
	case *Values:
		p.str("values ")
		p.rows(b.Rows)
	case *Compound:
		p.compoundOperand(b.Left, false)
		p.str(" ")
		p.str([...]string{Union: "union", UnionAll: "union all", Intersect: "intersect",
			Except: "except", Diff: "diff"}[b.Op])
		for _, f := range b.Existence {
			p.str(" exists " + f.Side + " as ")
			p.ident(f.Name)
			if f != b.Existence[len(b.Existence)-1] {
				p.str(",")
			}
		}
		p.str(" ")
		p.compoundOperand(b.Right, true)
	case *Select:
		p.str("(")
		p.selectStmt(b)
		p.str(")")
	}
}

// compoundOperand prints an operand of a set operation; a compound on the
// right (which the parser never builds) is parenthesized.
func (p *printer) compoundOperand(b SelectBody, right bool) {
	if c, ok := b.(*Compound); ok && right {
		p.str("(")
		p.selectBody(c)
		p.str(")")
		return
	}
	p.selectBody(b)
}

func (p *printer) rows(rows [][]Expr) {
	for i, r := range rows {
		if i > 0 {
			p.str(", ")
		}
		p.str("(")
		p.exprList(r)
		p.str(")")
	}
}

func (p *printer) selectCore(c *SelectCore) {
	p.str("select ")
	if c.Distinct {
		p.str("distinct ")
	} else if c.All {
		p.str("all ")
	}
	p.resultColumns(c.Columns)
	if c.From != nil {
		p.str(" from ")
		p.tableExpr(c.From)
	}
	if c.Where != nil {
		p.str(" where ")
		p.expr(c.Where)
	}
	if len(c.GroupBy) > 0 {
		p.str(" group by ")
		p.exprList(c.GroupBy)
	}
	if c.Having != nil {
		p.str(" having ")
		p.expr(c.Having)
	}
	if len(c.Windows) > 0 {
		p.str(" window ")
		for i, w := range c.Windows {
			if i > 0 {
				p.str(", ")
			}
			p.ident(w.Name)
			p.str(" as (")
			p.windowSpec(w.Spec)
			p.str(")")
		}
	}
}

func (p *printer) resultColumns(cols []*ResultColumn) {
	for i, c := range cols {
		if i > 0 {
			p.str(", ")
		}
		switch {
		case c.Star && c.Table != "":
			if c.Schema != "" {
				p.ident(c.Schema)
				p.str(".")
			}
			p.ident(c.Table)
			p.str(".*")
		case c.Star:
			p.str("*")
		default:
			p.expr(c.Expr)
			if c.Alias != "" {
				p.str(" as ")
				p.ident(c.Alias)
			}
			if len(c.Inverse) > 0 {
				p.str(" with inverse (")
				p.setClauses(c.Inverse)
				p.str(")")
			}
		}
	}
}

func (p *printer) tableExpr(t TableExpr) {
	switch t := t.(type) {
	case *TableRef:
		if t.Committed {
			p.str("committed.")
		}
		if t.Schema != "" {
			p.ident(t.Schema)
			p.str(".")
		}
		p.ident(t.Name)
		p.alias(t.Alias, nil)
	case *SubqueryTable:
		if t.Lateral {
			p.str("lateral ")
		}
		p.str("(")
		if t.DML != nil {
			p.stmt(t.DML)
		} else {
			p.selectStmt(t.Select)
		}
		p.str(")")
		p.alias(t.Alias, t.Columns)
	case *FuncTable:
		if t.Schema != "" {
			p.ident(t.Schema)
			p.str(".")
		}
		p.ident(t.Name)
		p.str("(")
		p.exprList(t.Args)
		p.str(")")
		p.alias(t.Alias, t.Columns)
	case *ParenTable:
		p.str("(")
		p.tableExpr(t.Inner)
		p.str(")")
	case *Join:
		p.join(t)
	}
}

func (p *printer) alias(alias string, cols []string) {
	if alias == "" {
		return
	}
	p.str(" as ")
	p.ident(alias)
	if len(cols) > 0 {
		p.str(" (")
		p.identList(cols)
		p.str(")")
	}
}

func (p *printer) join(j *Join) {
	p.tableExpr(j.Left)
	if j.Kind == JoinComma {
		p.str(", ")
	} else {
		p.str(" ")
		if j.Natural {
			p.str("natural ")
		}
		switch j.Kind {
		case JoinLeft:
			p.str("left ")
		case JoinRight:
			p.str("right ")
		case JoinFull:
			p.str("full ")
		case JoinCross:
			p.str("cross ")
		case JoinInner:
			if j.Inner {
				p.str("inner ")
			}
		}
		if j.Outer {
			p.str("outer ")
		}
		p.str("join ")
	}
	if st, ok := j.Right.(*SubqueryTable); j.Lateral && !(ok && st.Lateral) {
		p.str("lateral ")
	}
	if _, nested := j.Right.(*Join); nested {
		p.str("(")
		p.tableExpr(j.Right)
		p.str(")")
	} else {
		p.tableExpr(j.Right)
	}
	if j.On != nil {
		p.str(" on ")
		p.expr(j.On)
	} else if len(j.Using) > 0 {
		p.str(" using (")
		p.identList(j.Using)
		p.str(")")
	}
	for i, f := range j.Existence {
		if i > 0 {
			p.str(",")
		}
		p.str(" exists " + f.Side + " as ")
		p.ident(f.Name)
	}
}

func (p *printer) setClauses(list []*SetClause) {
	for i, s := range list {
		if i > 0 {
			p.str(", ")
		}
		if s.Parenthesized || len(s.Columns) != 1 {
			p.str("(")
			p.identList(s.Columns)
			p.str(")")
		} else {
			p.ident(s.Columns[0])
		}
		p.str(" = ")
		p.expr(s.Value)
	}
}
