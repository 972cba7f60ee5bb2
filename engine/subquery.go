package engine

import (
	"fmt"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// subPlan is a planned subquery expression.
type subPlan struct {
	plan       *queryPlan
	cols       []outCol
	correlated bool
}

// subquery plans sel as a subquery of scope sc.
func (c *compiler) subquery(sc *scope, sel *parser.Select) (*subPlan, error) {
	sp := &subPlan{}
	inner := &scope{parent: sc, noRow: true, boundary: &sp.correlated}
	plan, err := c.query(inner, sel)
	if err != nil {
		return nil, err
	}
	sp.plan, sp.cols = plan, plan.cols
	return sp, nil
}

// rows runs the subquery for the current row (cached when uncorrelated).
func (sp *subPlan) rows(e *env, row value.Row) ([]value.Row, error) {
	if !sp.correlated {
		if rows, ok := e.cache[sp].([]value.Row); ok {
			return rows, nil
		}
	}
	e.push(row)
	it, err := sp.plan.root.open(e)
	var rows []value.Row
	if err == nil {
		rows, err = drain(e, it)
	}
	e.pop()
	if err != nil {
		return nil, err
	}
	if !sp.correlated {
		e.cache[sp] = rows
	}
	return rows, nil
}

// first runs the subquery until its first row (and a second, when
// checking for more than one).
func (sp *subPlan) first(e *env, row value.Row, two bool) (value.Row, bool, error) {
	if !sp.correlated {
		rows, err := sp.rows(e, row)
		if err != nil || len(rows) == 0 {
			return nil, false, err
		}
		return rows[0], len(rows) > 1, nil
	}
	e.push(row)
	defer e.pop()
	it, err := sp.plan.root.open(e)
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	r, err := it.Next()
	if err != nil || r == nil || !two {
		return r, false, err
	}
	r2, err := it.Next()
	return r, r2 != nil, err
}

func (c *compiler) exists(sc *scope, x *parser.Exists) (*cexpr, error) {
	sp, err := c.subquery(sc, x.Select)
	if err != nil {
		return nil, err
	}
	return &cexpr{fn: func(e *env, row value.Row) (value.Value, error) {
		r, _, err := sp.first(e, row, false)
		return value.Bool(r != nil), err
	}, class: classBoolean, col: -1}, nil
}

func (c *compiler) scalarSubquery(sc *scope, x *parser.Subquery) (*cexpr, error) {
	sp, err := c.subquery(sc, x.Select)
	if err != nil {
		return nil, err
	}
	if len(sp.cols) != 1 {
		return nil, fmt.Errorf("sub-select returns %d columns - expected 1", len(sp.cols))
	}
	return &cexpr{fn: func(e *env, row value.Row) (value.Value, error) {
		r, more, err := sp.first(e, row, true)
		if err != nil || r == nil {
			return value.Null(), err
		}
		if more {
			return value.Null(), fmt.Errorf("Scalar subquery returned more than one row")
		}
		return r[0], nil
	}, class: classOf(sp.cols[0].typ), typ: sp.cols[0].typ, col: -1}, nil
}

func (c *compiler) funcCall(sc *scope, x *parser.FuncCall) (*cexpr, error) {
	if x.Over != nil || x.OverName != "" {
		return nil, fmt.Errorf("window functions are not supported")
	}
	n := len(x.Args)
	if x.Star {
		n = 0
	}
	def, ok := lookupFunc(x.Name, n)
	if !ok {
		return nil, errNoFunc(x.Name, n)
	}
	if def.isAggregate() {
		return nil, fmt.Errorf("misuse of aggregate function %s()", x.Name)
	}
	args := make([]*cexpr, len(x.Args))
	for i, a := range x.Args {
		ce, err := c.expr(sc, a)
		if err != nil {
			return nil, err
		}
		args[i] = ce
	}
	var coll *cexpr
	if def.collated() {
		var err error
		if coll, err = argsCollation(args); err != nil {
			return nil, err
		}
	}
	call := def.scalar
	if coll != nil && coll.coll != "" {
		c := lookupCollation(coll.coll)
		call = func(vals []value.Value) (value.Value, error) { return def.def.Call(c, vals) }
	}
	ce := derived(func(e *env, row value.Row) (value.Value, error) {
		vals := make([]value.Value, len(args))
		for i, a := range args {
			v, err := a.fn(e, row)
			if err != nil {
				return v, err
			}
			vals[i] = v
		}
		return call(vals)
	}, classAny, args...)
	if coll != nil {
		ce.coll, ce.rank = coll.coll, coll.rank
	}
	if err := typeCall(ce, def.def, args); err != nil {
		return nil, err
	}
	if !def.deterministic {
		ce.konst = false
		c.nondeterministic = true
	}
	return ce, nil
}
