package engine

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// outer_agg.go compiles outer aggregates: an aggregate call inside a
// subquery, in a place where the subquery itself does not aggregate (its
// WHERE, say), belongs to the nearest enclosing grouped query:
//
//	select k from t group by k
//	having sum(t.amt) > (select count(*) from lim where lim.cap = sum(t.amt))
//
// The call is registered with that query's aggregate builder, so it is
// computed per group, and the subquery reads it from the group's row like
// any other correlated reference.

// outerAggregate compiles f against the nearest enclosing scope that
// aggregates; ok is false when there is none (f is then misused).
func (c *compiler) outerAggregate(sc *scope, f *parser.FuncCall) (ce *cexpr, ok bool, err error) {
	depth := 0
	for s := sc; s != nil; s = s.parent {
		if s.agg != nil && s != sc {
			ref, ok, err := s.agg.aggregate(c, f)
			if !ok || err != nil {
				return nil, ok, err
			}
			d := depth
			out := &cexpr{class: ref.class, typ: ref.typ, coll: ref.coll, rank: ref.rank, col: -1, depth: d}
			out.fn = func(e *env, _ value.Row) (value.Value, error) {
				n := len(e.outer) - d
				if n < 0 {
					return value.Null(), nil
				}
				return ref.fn(e, e.outer[n])
			}
			return out, true, nil
		}
		if s.boundary != nil && s.parent != nil {
			*s.boundary = true
		}
		if !s.noRow {
			depth++
		}
	}
	return nil, false, nil
}

// underAggregation reports whether a scope enclosing sc aggregates (so an
// aggregate call in sc's query may be an outer aggregate).
func underAggregation(sc *scope) bool {
	for s := sc; s != nil; s = s.parent {
		if s.agg != nil {
			return true
		}
	}
	return false
}
