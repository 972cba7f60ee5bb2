package engine

import "github.com/quereus/quereus/engine/parser"

// walkExpr calls fn for x and every sub-expression, not descending into
// subqueries. fn returning false prunes the walk below that node.
func walkExpr(x parser.Expr, fn func(parser.Expr) bool) {
	if x == nil || !fn(x) {
		return
	}
	switch x := x.(type) {
	case *parser.Paren:
		walkExpr(x.X, fn)
	case *parser.Unary:
		walkExpr(x.X, fn)
	case *parser.Binary:
		walkExpr(x.L, fn)
		walkExpr(x.R, fn)
	case *parser.Like:
		walkExpr(x.X, fn)
		walkExpr(x.Pattern, fn)
		walkExpr(x.Escape, fn)
	case *parser.IsNull:
		walkExpr(x.X, fn)
	case *parser.IsBool:
		walkExpr(x.X, fn)
	case *parser.Between:
		walkExpr(x.X, fn)
		walkExpr(x.Lo, fn)
		walkExpr(x.Hi, fn)
	case *parser.In:
		walkExpr(x.X, fn)
		for _, it := range x.List {
			walkExpr(it, fn)
		}
	case *parser.Case:
		walkExpr(x.Base, fn)
		for _, w := range x.Whens {
			walkExpr(w.Cond, fn)
			walkExpr(w.Result, fn)
		}
		walkExpr(x.Else, fn)
	case *parser.Cast:
		walkExpr(x.X, fn)
	case *parser.Collate:
		walkExpr(x.X, fn)
	case *parser.FuncCall:
		for _, a := range x.Args {
			walkExpr(a, fn)
		}
		walkExpr(x.Filter, fn)
	case *parser.Tuple:
		for _, it := range x.Items {
			walkExpr(it, fn)
		}
	}
}

// hasSubquery reports whether x contains a subquery.
func hasSubquery(x parser.Expr) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		switch n := n.(type) {
		case *parser.Subquery, *parser.Exists:
			found = true
		case *parser.In:
			if n.Select != nil || n.Table != nil {
				found = true
			}
		}
		return !found
	})
	return found
}

// isAggregateCall reports whether f names an aggregate function.
func isAggregateCall(f *parser.FuncCall) bool {
	if f.Over != nil || f.OverName != "" {
		return false
	}
	n := len(f.Args)
	if f.Star {
		n = 0
	}
	d, ok := lookupFunc(f.Name, n)
	return ok && d.isAggregate()
}

// containsAggregate reports whether x calls an aggregate outside subqueries.
func containsAggregate(x parser.Expr) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if f, ok := n.(*parser.FuncCall); ok && isAggregateCall(f) {
			found = true
		}
		return !found
	})
	return found
}

// splitAnd flattens a conjunction.
func splitAnd(x parser.Expr, out []parser.Expr) []parser.Expr {
	if x == nil {
		return out
	}
	if p, ok := x.(*parser.Paren); ok {
		return splitAnd(p.X, out)
	}
	if b, ok := x.(*parser.Binary); ok && b.Op == parser.OpAnd {
		return splitAnd(b.R, splitAnd(b.L, out))
	}
	return append(out, x)
}
