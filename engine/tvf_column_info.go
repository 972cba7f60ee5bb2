package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// tvf_column_info.go implements column_info(name): per output column of a
// table or view, whether it is updatable and the base table column it
// writes through to. The analysis is static and conservative, over the
// view's AST:
//
//   - a table's columns are updatable and their own base, except generated
//     columns;
//   - a view body must be a single SELECT without DISTINCT, GROUP BY,
//     aggregates or window functions, over base tables (or such views)
//     combined by joins that have a join condition (a cross or comma join
//     makes every column read-only);
//   - an output column is updatable when it is a column reference (through
//     COLLATE and CAST), or a column plus or minus a constant (invertible).
//
// Anything else reports 'NO' with a NULL base.

var columnInfoCols = typedCols("schema:TEXT", "name:TEXT", "cid:INTEGER", "column_name:TEXT",
	"is_updatable:TEXT", "base_table:TEXT", "base_column:TEXT")

// maxLineageDepth bounds view-over-view tracing.
const maxLineageDepth = 16

// lineage is where an output column writes through to; table is "" for a
// read-only column.
type lineage struct{ table, column string }

func columnInfoFunction() *tableFunction {
	return &tableFunction{cols: columnInfoCols, nargs: func(n int) bool { return n == 1 },
		call: func(e *env, args []value.Value) ([]value.Row, error) {
			if args[0].Kind() != value.KindText {
				return nil, fmt.Errorf("column_info() requires a table or view name string argument")
			}
			name := args[0].Text()
			cat := e.conn.catalog()
			var names []string
			var lin []lineage
			if t := cat.Table(name); t != nil {
				name = t.Name
				for _, col := range t.Columns {
					names = append(names, col.Name)
					if col.Generated == nil {
						lin = append(lin, lineage{t.Name, col.Name})
					} else {
						lin = append(lin, lineage{})
					}
				}
			} else if v := cat.View(name); v != nil {
				name = v.Name
				comp := &compiler{conn: e.conn, cat: cat, params: newParamSet()}
				plan, err := comp.query(&scope{noRow: true}, v.Select)
				if err != nil {
					return nil, err
				}
				for i, oc := range plan.cols {
					if i < len(v.Columns) {
						names = append(names, v.Columns[i])
					} else {
						names = append(names, oc.name)
					}
				}
				lin = viewLineage(cat, v, 0)
				if len(lin) != len(names) {
					lin = make([]lineage, len(names))
				}
			} else {
				return nil, fmt.Errorf("Table or view '%s' not found", name)
			}
			rows := make([]value.Row, len(names))
			for i, n := range names {
				upd, bt, bc := value.Text("NO"), value.Null(), value.Null()
				if lin[i].table != "" {
					upd, bt, bc = value.Text("YES"), value.Text(lin[i].table), value.Text(lin[i].column)
				}
				rows[i] = value.Row{value.Text(schema.MainSchema), value.Text(name), value.Int(int64(i)),
					value.Text(n), upd, bt, bc}
			}
			return rows, nil
		}}
}

// lineageSource is one FROM item: its qualifier and its columns' names
// and lineage.
type lineageSource struct {
	alias string
	names []string
	lin   []lineage
}

// viewLineage traces each output column of view v; nil when the body has
// no recoverable lineage.
func viewLineage(cat catalogView, v *schema.View, depth int) []lineage {
	if depth > maxLineageDepth || v.Select == nil || v.Select.With != nil {
		return nil
	}
	core, ok := v.Select.Body.(*parser.SelectCore)
	if !ok || core.Distinct || len(core.GroupBy) > 0 || core.Having != nil || len(core.Windows) > 0 || core.From == nil {
		return nil
	}
	var sources []lineageSource
	if !collectSources(cat, core.From, depth, &sources) {
		return nil
	}
	var out []lineage
	for _, rc := range core.Columns {
		if rc.Star {
			for _, s := range sources {
				if rc.Table == "" || strings.EqualFold(rc.Table, s.alias) {
					out = append(out, s.lin...)
				}
			}
			continue
		}
		if containsAggregate(rc.Expr) {
			return nil
		}
		out = append(out, exprLineage(rc.Expr, sources))
	}
	return out
}

// collectSources lists the FROM items; false when the shape has no
// write-through (a join without a condition, an unknown source kind).
func collectSources(cat catalogView, te parser.TableExpr, depth int, out *[]lineageSource) bool {
	switch te := te.(type) {
	case *parser.ParenTable:
		return collectSources(cat, te.Inner, depth, out)
	case *parser.Join:
		if te.Natural || te.On == nil && len(te.Using) == 0 {
			return false
		}
		return collectSources(cat, te.Left, depth, out) && collectSources(cat, te.Right, depth, out)
	case *parser.TableRef:
		alias := te.Alias
		if alias == "" {
			alias = te.Name
		}
		if t := cat.Table(te.Name); t != nil {
			s := lineageSource{alias: alias}
			for _, col := range t.Columns {
				s.names = append(s.names, col.Name)
				if col.Generated == nil {
					s.lin = append(s.lin, lineage{t.Name, col.Name})
				} else {
					s.lin = append(s.lin, lineage{})
				}
			}
			*out = append(*out, s)
			return true
		}
		if v := cat.View(te.Name); v != nil {
			lin := viewLineage(cat, v, depth+1)
			if lin == nil || len(v.Columns) > 0 && len(v.Columns) != len(lin) {
				return false
			}
			s := lineageSource{alias: alias, lin: lin}
			core := v.Select.Body.(*parser.SelectCore)
			names := v.Columns
			if len(names) == 0 {
				for _, rc := range core.Columns {
					if rc.Star {
						return false
					}
					names = append(names, resultName(rc))
				}
			}
			s.names = names
			*out = append(*out, s)
			return true
		}
	}
	return false
}

// exprLineage traces one output expression.
func exprLineage(x parser.Expr, sources []lineageSource) lineage {
	for {
		switch y := x.(type) {
		case *parser.Paren:
			x = y.X
			continue
		case *parser.Collate:
			x = y.X
			continue
		case *parser.Cast:
			x = y.X
			continue
		case *parser.Binary:
			if y.Op != parser.OpAdd && y.Op != parser.OpSub {
				return lineage{}
			}
			if isConstant(y.R) {
				x = y.L
				continue
			}
			if y.Op == parser.OpAdd && isConstant(y.L) {
				x = y.R
				continue
			}
			return lineage{}
		case *parser.ColumnRef:
			found := lineage{}
			n := 0
			for _, s := range sources {
				if y.Table != "" && !strings.EqualFold(y.Table, s.alias) {
					continue
				}
				for i, name := range s.names {
					if strings.EqualFold(name, y.Column) && i < len(s.lin) {
						found = s.lin[i]
						n++
					}
				}
			}
			if n != 1 {
				return lineage{}
			}
			return found
		}
		return lineage{}
	}
}

// isConstant reports whether x is a numeric literal (possibly negated).
func isConstant(x parser.Expr) bool {
	if u, ok := x.(*parser.Unary); ok && (u.Op == parser.OpNeg || u.Op == parser.OpPlus) {
		x = u.X
	}
	if p, ok := x.(*parser.Paren); ok {
		return isConstant(p.X)
	}
	l, ok := x.(*parser.Literal)
	return ok && (l.Kind == parser.LitInteger || l.Kind == parser.LitReal)
}
