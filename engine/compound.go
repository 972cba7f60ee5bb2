package engine

import (
	"fmt"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

var compoundNames = map[parser.CompoundOp]string{parser.Union: "UNION", parser.UnionAll: "UNION ALL",
	parser.Intersect: "INTERSECT", parser.Except: "EXCEPT", parser.Diff: "DIFF"}

// rightAssoc re-associates a compound chain to the right, as Quereus
// parses it: A UNION B EXCEPT C is A UNION (B EXCEPT C).
func rightAssoc(b *parser.Compound) *parser.Compound {
	for {
		l, ok := b.Left.(*parser.Compound)
		if !ok {
			return b
		}
		b = &parser.Compound{Loc: l.Loc, Op: l.Op, Left: l.Left, Right: &parser.Compound{Loc: b.Loc, Op: b.Op, Left: l.Right, Right: b.Right}}
	}
}

func (c *compiler) compound(sc *scope, b *parser.Compound) (*queryPlan, error) {
	b = rightAssoc(b)
	l, err := c.body(sc, b.Left)
	if err != nil {
		return nil, err
	}
	r, err := c.body(sc, b.Right)
	if err != nil {
		return nil, err
	}
	if len(l.cols) != len(r.cols) {
		return nil, fmt.Errorf("column count mismatch: SELECTs to the left and right of %s do not have the same number of result columns", compoundNames[b.Op])
	}
	cols := append([]outCol(nil), l.cols...)
	parts := make([]keyPart, len(cols))
	for i := range cols {
		cols[i].notNull = cols[i].notNull && r.cols[i].notNull
		if cols[i].coll == "" {
			cols[i].coll = r.cols[i].coll
		}
		parts[i] = typedPart(cols[i].coll, cols[i].typ)
	}
	return &queryPlan{root: &compoundNode{left: l.root, right: r.root, op: b.Op, parts: parts}, cols: cols}, nil
}

// compoundNode evaluates a set operation; all but UNION ALL deduplicate.
type compoundNode struct {
	left, right node
	op          parser.CompoundOp
	parts       []keyPart // per-column collations for deduplication
}

func (n *compoundNode) explain(out *[]string, depth int) {
	n.left.explain(out, depth)
	n.right.explain(out, depth)
}

func (n *compoundNode) open(e *env) (rowIter, error) {
	lrows, err := drainNode(e, n.left)
	if err != nil {
		return nil, err
	}
	rrows, err := drainNode(e, n.right)
	if err != nil {
		return nil, err
	}
	if n.op == parser.UnionAll {
		return &sliceIter{rows: append(lrows, rrows...)}, nil
	}
	rset := map[string]bool{}
	for _, r := range rrows {
		rset[string(appendKey(nil, r, n.parts))] = true
	}
	lset := map[string]bool{}
	seen := map[string]bool{}
	var out []value.Row
	emit := func(r value.Row, k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	for _, r := range lrows {
		k := string(appendKey(nil, r, n.parts))
		lset[k] = true
		switch n.op {
		case parser.Union:
			emit(r, k)
		case parser.Intersect:
			if rset[k] {
				emit(r, k)
			}
		case parser.Except, parser.Diff:
			if !rset[k] {
				emit(r, k)
			}
		}
	}
	if n.op == parser.Union || n.op == parser.Diff {
		for _, r := range rrows {
			k := string(appendKey(nil, r, n.parts))
			if n.op == parser.Diff && lset[k] {
				continue
			}
			emit(r, k)
		}
	}
	return &sliceIter{rows: out}, nil
}
