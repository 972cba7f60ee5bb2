package engine

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// joinNode is a nested-loop join. The right side is re-opened for every
// left row with that row pushed on the outer stack, so its access path can
// seek on left columns (index nested loop). RIGHT and FULL joins
// materialize the right side once to track unmatched rows.
type joinNode struct {
	left, right   node
	kind          parser.JoinKind
	on            *cexpr // over the combined row; nil = always true
	nLeft, nRight int
	// flags are existence columns appended to each row: true = "did the
	// right side match", false = "did the left side match".
	flags []bool
	// reuseOut: the consumer drops each row before asking for the next
	// (allowRowReuse), so joined rows are built in one buffer.
	reuseOut bool
}

func (n *joinNode) explain(out *[]string, depth int) {
	n.left.explain(out, depth)
	n.right.explain(out, depth)
}

func (n *joinNode) open(e *env) (rowIter, error) {
	l, err := n.left.open(e)
	if err != nil {
		return nil, err
	}
	j := &joinIter{n: n, e: e, left: l}
	if n.kind != parser.JoinRight && n.kind != parser.JoinFull {
		if j.probe, err = newRightProbe(e, n.right); err != nil {
			l.Close()
			return nil, err
		}
	}
	if n.kind == parser.JoinRight || n.kind == parser.JoinFull {
		it, err := n.right.open(e)
		if err != nil {
			l.Close()
			return nil, err
		}
		if j.rightRows, err = drain(e, it); err != nil {
			l.Close()
			return nil, err
		}
		j.rightMatched = make([]bool, len(j.rightRows))
	}
	return j, nil
}

type joinIter struct {
	n       *joinNode
	e       *env
	left    rowIter
	cur     value.Row // current left row
	right   rowIter
	matched bool
	// probe, when set, answers the right side for every left row (a table
	// scan keyed on left columns) instead of re-opening it.
	probe        rightProbe
	rightRows    []value.Row
	rightMatched []bool
	ri           int
	tail         int       // emitting unmatched right rows
	out          value.Row // the reused output row (joinNode.reuseOut)
	leftDone     bool
}

func (j *joinIter) combine(l, r value.Row) value.Row {
	n := j.n.nLeft + j.n.nRight + len(j.n.flags)
	var out value.Row
	if j.n.reuseOut && len(j.out) == n {
		out = j.out
		// A missing (or short) side must leave NULLs, not the last row's values.
		if len(l) < j.n.nLeft {
			clear(out[len(l):j.n.nLeft])
		}
		if len(r) < j.n.nRight {
			clear(out[j.n.nLeft+len(r) : j.n.nLeft+j.n.nRight])
		}
	} else {
		out = make(value.Row, n)
		if j.n.reuseOut {
			j.out = out
		}
	}
	copy(out, l)
	copy(out[j.n.nLeft:], r)
	for i, right := range j.n.flags {
		if right {
			out[j.n.nLeft+j.n.nRight+i] = value.Bool(r != nil)
		} else {
			out[j.n.nLeft+j.n.nRight+i] = value.Bool(l != nil)
		}
	}
	return out
}

func (j *joinIter) Next() (value.Row, error) {
	for {
		if j.leftDone {
			return j.nextUnmatchedRight()
		}
		if j.cur == nil {
			l, err := j.left.Next()
			if err != nil {
				return nil, err
			}
			if l == nil {
				j.leftDone = true
				continue
			}
			j.cur, j.matched, j.ri = l, false, 0
			if j.probe != nil {
				j.e.push(l)
				err = j.probe.bind(j.e)
				j.e.pop()
				if err != nil {
					return nil, err
				}
				j.right = j.probe
			} else if j.rightRows == nil {
				j.e.push(l)
				j.right, err = j.n.right.open(j.e)
				j.e.pop()
				if err != nil {
					return nil, err
				}
			}
		}
		r, idx, err := j.nextRight()
		if err != nil {
			return nil, err
		}
		if r == nil {
			cur, matched := j.cur, j.matched
			j.cur = nil
			if j.right != nil {
				j.right.Close()
				j.right = nil
			}
			if !matched && (j.n.kind == parser.JoinLeft || j.n.kind == parser.JoinFull) {
				return j.combine(cur, nil), nil
			}
			continue
		}
		row := j.combine(j.cur, r)
		if j.n.on != nil {
			v, err := j.n.on.fn(j.e, row)
			if err != nil {
				return nil, err
			}
			if t, _ := truth(v); !t {
				continue
			}
		}
		j.matched = true
		if idx >= 0 {
			j.rightMatched[idx] = true
		}
		return row, nil
	}
}

func (j *joinIter) nextRight() (value.Row, int, error) {
	if j.rightRows != nil || j.right == nil {
		if j.ri >= len(j.rightRows) {
			return nil, -1, nil
		}
		j.ri++
		return j.rightRows[j.ri-1], j.ri - 1, nil
	}
	if err := j.e.tick(); err != nil {
		return nil, -1, err
	}
	// The right side may read left columns lazily (LATERAL subqueries):
	// keep the left row on the outer stack while it produces rows.
	j.e.push(j.cur)
	r, err := j.right.Next()
	j.e.pop()
	return r, -1, err
}

func (j *joinIter) nextUnmatchedRight() (value.Row, error) {
	for j.tail < len(j.rightMatched) {
		i := j.tail
		j.tail++
		if !j.rightMatched[i] {
			return j.combine(nil, j.rightRows[i]), nil
		}
	}
	return nil, nil
}

func (j *joinIter) Close() {
	if j.right != nil {
		j.right.Close()
	}
	if j.probe != nil {
		j.probe.release()
	}
	j.left.Close()
}
