package engine

// window_tree.go computes min and max over arbitrary frames in O(log n)
// aggregate steps per row. A segment tree holds, per node, the aggregate's
// result over the node's rows; for min and max a result is itself a valid
// input (stepping the results of two halves gives the result of the whole),
// so a frame is answered by stepping the O(log n) nodes that cover it into
// a fresh accumulator. An EXCLUDE clause splits a frame into at most three
// ranges.

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// extremeTree is a segment tree of partial min/max results.
type extremeTree struct {
	wc   *windowCall
	size int
	node []value.Value // node[size+j] is row j; node[k] combines 2k and 2k+1
}

// newExtremeTree builds the tree over the rows' first arguments; rows that
// FILTER rejects (keep[j] false) count as NULL, which min and max skip.
func newExtremeTree(e *env, wc *windowCall, args [][]value.Value, keep []bool) (*extremeTree, error) {
	t := &extremeTree{wc: wc, size: len(args)}
	t.node = make([]value.Value, 2*t.size)
	for j, a := range args {
		if keep == nil || keep[j] {
			t.node[t.size+j] = a[0]
		}
	}
	for k := t.size - 1; k >= 1; k-- {
		acc := wc.newAcc()
		if err := stepValues(acc, t.node[2*k], t.node[2*k+1]); err != nil {
			return nil, err
		}
		v, err := acc.Result()
		if err != nil {
			return nil, err
		}
		t.node[k] = v
		if err := e.tick(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func stepValues(acc aggregator, vals ...value.Value) error {
	for _, v := range vals {
		if err := acc.Step([]value.Value{v}); err != nil {
			return err
		}
	}
	return nil
}

// stepRange steps the nodes covering rows [s, e) into acc.
func (t *extremeTree) stepRange(acc aggregator, s, e int) error {
	for l, r := s+t.size, e+t.size; l < r; l, r = l>>1, r>>1 {
		if l&1 == 1 {
			if err := stepValues(acc, t.node[l]); err != nil {
				return err
			}
			l++
		}
		if r&1 == 1 {
			r--
			if err := stepValues(acc, t.node[r]); err != nil {
				return err
			}
		}
	}
	return nil
}

// frameResult returns the aggregate over row i's frame [s, e) less the
// rows EXCLUDE removes.
func (t *extremeTree) frameResult(info *partitionInfo, i, s, e int) (value.Value, error) {
	acc := t.wc.newAcc()
	lo, hi := e, e // the excluded range within the frame, empty by default
	fs := &t.wc.frame
	if fs.excludes() {
		g := info.peer[i]
		lo, hi = max(s, info.groupStart[g]), min(e, info.groupStart[g+1])
		if fs.exclude == parser.ExcludeCurrentRow {
			lo, hi = max(s, i), min(e, i+1)
		}
		if lo >= hi {
			lo, hi = e, e
		}
	}
	if err := t.stepRange(acc, s, lo); err != nil {
		return value.Null(), err
	}
	if err := t.stepRange(acc, hi, e); err != nil {
		return value.Null(), err
	}
	if fs.exclude == parser.ExcludeTies && i >= s && i < e {
		if err := t.stepRange(acc, i, i+1); err != nil {
			return value.Null(), err
		}
	}
	return acc.Result()
}
