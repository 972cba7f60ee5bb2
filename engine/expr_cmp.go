package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// comparisonCollation resolves the collation of a comparison symmetrically
// by provenance rank: explicit COLLATE beats a declared column collation
// beats the default.
func comparisonCollation(a, b *cexpr) (string, error) {
	switch {
	case a.rank > b.rank:
		return a.coll, nil
	case b.rank > a.rank:
		return b.coll, nil
	case a.rank == 0:
		return "", nil
	case strings.EqualFold(a.coll, b.coll):
		return a.coll, nil
	case a.rank == 3:
		return "", fmt.Errorf("conflicting COLLATE clauses in comparison: %s vs %s", a.coll, b.coll)
	}
	return "", fmt.Errorf("ambiguous collation for comparison: %s vs %s", a.coll, b.coll)
}

// coerceOperands wraps the text side of a number/text comparison so it is
// compared as a number (plan-time numeric coercion).
func coerceOperands(a, b *cexpr) (evalFn, evalFn) {
	num := func(cl typeClass) bool { return cl == classInteger || cl == classReal || cl == classNumeric }
	af, bf := a.fn, b.fn
	if num(a.class) && b.class == classText {
		bf = numericView(bf)
	} else if num(b.class) && a.class == classText {
		af = numericView(af)
	}
	return af, bf
}

func numericView(f evalFn) evalFn {
	return func(e *env, row value.Row) (value.Value, error) {
		v, err := f(e, row)
		if err != nil || v.Kind() != value.KindText {
			return v, err
		}
		return textToNumber(v.Text()), nil
	}
}

// cmpOp is a comparison operator reduced to its test on compare's result.
func cmpTest(op parser.BinaryOp) func(int) bool {
	switch op {
	case parser.OpLt:
		return func(c int) bool { return c < 0 }
	case parser.OpLe:
		return func(c int) bool { return c <= 0 }
	case parser.OpGt:
		return func(c int) bool { return c > 0 }
	case parser.OpGe:
		return func(c int) bool { return c >= 0 }
	case parser.OpNe:
		return func(c int) bool { return c != 0 }
	}
	return func(c int) bool { return c == 0 }
}

func (c *compiler) comparison(op parser.BinaryOp, a, b *cexpr) (*cexpr, error) {
	coll, err := comparisonCollation(a, b)
	if err != nil {
		return nil, err
	}
	af, bf := coerceOperands(a, b)
	compareValues := semanticComparer(a, b)
	switch op {
	case parser.OpIs, parser.OpIsNotDistinct, parser.OpIsNot, parser.OpIsDistinct:
		eq := op == parser.OpIs || op == parser.OpIsNotDistinct
		return derived(func(e *env, row value.Row) (value.Value, error) {
			l, err := af(e, row)
			if err != nil {
				return l, err
			}
			r, err := bf(e, row)
			if err != nil {
				return r, err
			}
			same := l.IsNull() && r.IsNull() || !l.IsNull() && !r.IsNull() && compareValues(l, r, coll) == 0
			return value.Bool(same == eq), nil
		}, classBoolean, a, b), nil
	}
	test := cmpTest(op)
	return derived(func(e *env, row value.Row) (value.Value, error) {
		l, err := af(e, row)
		if err != nil || l.IsNull() {
			return value.Null(), err
		}
		r, err := bf(e, row)
		if err != nil || r.IsNull() {
			return value.Null(), err
		}
		return value.Bool(test(compareValues(l, r, coll))), nil
	}, classBoolean, a, b), nil
}

func (c *compiler) tupleCompare(sc *scope, x *parser.Binary, l *parser.Tuple) (*cexpr, error) {
	r, ok := x.R.(*parser.Tuple)
	if !ok || len(r.Items) != len(l.Items) {
		return nil, fmt.Errorf("row value misused")
	}
	if x.Op != parser.OpEq && x.Op != parser.OpEqEq && x.Op != parser.OpNe {
		return nil, fmt.Errorf("row value comparison supports only = and !=")
	}
	var parts []*cexpr
	for i := range l.Items {
		p, err := c.expr(sc, &parser.Binary{Op: parser.OpEq, L: l.Items[i], R: r.Items[i]})
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	all := parts[0]
	for _, p := range parts[1:] {
		all = logical(parser.OpAnd, all, p)
	}
	if x.Op == parser.OpNe {
		inner := all
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := inner.fn(e, row)
			if err != nil || v.IsNull() {
				return v, err
			}
			return value.Bool(!v.Bool()), nil
		}, classBoolean, inner), nil
	}
	return all, nil
}

func (c *compiler) between(sc *scope, x *parser.Between) (*cexpr, error) {
	lo, err := c.expr(sc, &parser.Binary{Op: parser.OpGe, L: x.X, R: x.Lo})
	if err != nil {
		return nil, err
	}
	hi, err := c.expr(sc, &parser.Binary{Op: parser.OpLe, L: x.X, R: x.Hi})
	if err != nil {
		return nil, err
	}
	both := logical(parser.OpAnd, lo, hi)
	if !x.Not {
		return both, nil
	}
	return derived(func(e *env, row value.Row) (value.Value, error) {
		v, err := both.fn(e, row)
		if err != nil || v.IsNull() {
			return v, err
		}
		return value.Bool(!v.Bool()), nil
	}, classBoolean, both), nil
}

func (c *compiler) like(sc *scope, x *parser.Like) (*cexpr, error) {
	if x.Escape != nil {
		return nil, fmt.Errorf("ESCAPE is not supported")
	}
	a, err := c.expr(sc, x.X)
	if err != nil {
		return nil, err
	}
	p, err := c.expr(sc, x.Pattern)
	if err != nil {
		return nil, err
	}
	if x.Op != parser.OpLike && x.Op != parser.OpGlob {
		return nil, fmt.Errorf("REGEXP and MATCH are not supported")
	}
	glob, not := x.Op == parser.OpGlob, x.Not
	var fixed *types.Pattern
	if p.konst {
		pv, err := p.fn(nil, nil)
		if err == nil && !pv.IsNull() {
			if fixed, err = compilePattern(glob, toText(pv)); err != nil {
				return nil, err
			}
		}
	}
	return derived(func(e *env, row value.Row) (value.Value, error) {
		s, err := a.fn(e, row)
		if err != nil || s.IsNull() {
			return value.Null(), err
		}
		pat := fixed
		if pat == nil {
			pv, err := p.fn(e, row)
			if err != nil || pv.IsNull() {
				return value.Null(), err
			}
			if pat, err = compilePattern(glob, toText(pv)); err != nil {
				return value.Null(), err
			}
		}
		return value.Bool(pat.Match(toText(s)) != not), nil
	}, classBoolean, a, p), nil
}

func (c *compiler) caseExpr(sc *scope, x *parser.Case) (*cexpr, error) {
	var err error
	type arm struct{ cond, res *cexpr }
	arms := make([]arm, len(x.Whens))
	ops := []*cexpr{}
	for i, w := range x.Whens {
		cond := w.Cond
		if x.Base != nil {
			cond = &parser.Binary{Op: parser.OpEq, L: x.Base, R: w.Cond}
		}
		if arms[i].cond, err = c.expr(sc, cond); err != nil {
			return nil, err
		}
		if arms[i].res, err = c.expr(sc, w.Result); err != nil {
			return nil, err
		}
		ops = append(ops, arms[i].cond, arms[i].res)
	}
	var els *cexpr
	if x.Else != nil {
		if els, err = c.expr(sc, x.Else); err != nil {
			return nil, err
		}
		ops = append(ops, els)
	}
	class := classAny
	if len(arms) > 0 {
		class = arms[0].res.class
	}
	return derived(func(e *env, row value.Row) (value.Value, error) {
		for _, a := range arms {
			cv, err := a.cond.fn(e, row)
			if err != nil {
				return cv, err
			}
			if t, _ := truth(cv); !t {
				continue
			}
			return a.res.fn(e, row)
		}
		if els != nil {
			return els.fn(e, row)
		}
		return value.Null(), nil
	}, class, ops...), nil
}

// in compiles IN over a list or subquery.
func (c *compiler) in(sc *scope, x *parser.In) (*cexpr, error) {
	if x.Table != nil {
		x = &parser.In{X: x.X, Not: x.Not, Select: &parser.Select{Body: &parser.SelectCore{
			Columns: []*parser.ResultColumn{{Star: true}}, From: &parser.TableRef{Schema: x.Table.Schema, Name: x.Table.Name}}}}
	}
	a, err := c.expr(sc, x.X)
	if err != nil {
		return nil, err
	}
	not := x.Not
	finish := func(found, sawNull bool) value.Value {
		switch {
		case found:
			return value.Bool(!not)
		case sawNull:
			return value.Null()
		}
		return value.Bool(not)
	}
	if x.Select != nil {
		sub, err := c.subquery(sc, x.Select)
		if err != nil {
			return nil, err
		}
		if len(sub.cols) != 1 {
			return nil, fmt.Errorf("sub-select returns %d columns - expected 1", len(sub.cols))
		}
		coll, err := comparisonCollation(a, &cexpr{coll: sub.cols[0].coll, rank: rankOf(sub.cols[0].coll)})
		if err != nil {
			return nil, err
		}
		subCE := &cexpr{typ: sub.cols[0].typ, class: classOf(sub.cols[0].typ)}
		compareValues := semanticComparer(a, subCE)
		// Text probed against a numeric subquery column compares as a number
		// (the plan-time numeric coercion of comparisons).
		probe, _ := coerceOperands(a, subCE)
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := probe(e, row)
			if err != nil || v.IsNull() {
				return value.Null(), err
			}
			rows, err := sub.rows(e, row)
			if err != nil {
				return value.Null(), err
			}
			sawNull := false
			for _, r := range rows {
				if r[0].IsNull() {
					sawNull = true
					continue
				}
				rv := r[0]
				if isNumeric(v) && rv.Kind() == value.KindText {
					rv = textToNumber(rv.Text())
				}
				if compareValues(v, rv, coll) == 0 {
					return finish(true, false), nil
				}
			}
			return finish(false, sawNull), nil
		}, classBoolean, a), nil
	}
	items := make([]*cexpr, len(x.List))
	colls := make([]string, len(x.List))
	fns := make([]evalFn, len(x.List))
	cmps := make([]func(l, r value.Value, coll string) int, len(x.List))
	for i, it := range x.List {
		if items[i], err = c.expr(sc, it); err != nil {
			return nil, err
		}
		cmps[i] = semanticComparer(a, items[i])
		if colls[i], err = comparisonCollation(a, items[i]); err != nil {
			return nil, err
		}
		var af evalFn
		af, fns[i] = coerceOperands(a, items[i])
		_ = af
	}
	aNum := a.class == classText
	_ = aNum
	return derived(func(e *env, row value.Row) (value.Value, error) {
		v, err := a.fn(e, row)
		if err != nil || v.IsNull() {
			return value.Null(), err
		}
		sawNull := false
		for i, f := range fns {
			iv, err := f(e, row)
			if err != nil {
				return iv, err
			}
			if iv.IsNull() {
				sawNull = true
				continue
			}
			lv := v
			if isNumeric(iv) && lv.Kind() == value.KindText && items[i].class != classText && items[i].class != classAny {
				lv = textToNumber(lv.Text())
			}
			if cmps[i](lv, iv, colls[i]) == 0 {
				return finish(true, false), nil
			}
		}
		return finish(false, sawNull), nil
	}, classBoolean, append(items, a)...), nil
}

func rankOf(coll string) int {
	if coll == "" {
		return 0
	}
	return 2
}
