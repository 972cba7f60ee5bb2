package engine

import (
	"sort"

	"github.com/quereus/quereus/storage/value"
)

// sortKey is one ORDER BY term over a column of the rows being sorted.
type sortKey struct {
	col       int
	desc      bool
	nullsLast bool
	coll      string
	// timespan orders TIMESPAN values by elapsed time (semanticCompare).
	timespan bool
}

// sortNode materializes and sorts its input.
type sortNode struct {
	in   node
	keys []sortKey
}

func (n *sortNode) explain(out *[]string, depth int) {
	n.in.explain(out, depth)
	addExplain(out, depth, "USE TEMP B-TREE FOR ORDER BY")
}

func (n *sortNode) open(e *env) (rowIter, error) {
	rows, err := drainNode(e, n.in)
	if err != nil {
		return nil, err
	}
	sortRows(rows, n.keys)
	return &sliceIter{rows: rows}, nil
}

func sortRows(rows []value.Row, keys []sortKey) {
	sort.SliceStable(rows, func(i, j int) bool { return compareRows(rows[i], rows[j], keys) < 0 })
}

func compareRows(a, b value.Row, keys []sortKey) int {
	for _, k := range keys {
		x, y := a[k.col], b[k.col]
		if x.IsNull() || y.IsNull() {
			if x.IsNull() && y.IsNull() {
				continue
			}
			// NULLs first ascending / last descending by default.
			first := x.IsNull()
			if k.nullsLast {
				first = !first
			}
			if first {
				return -1
			}
			return 1
		}
		c := semanticCompare(x, y, k.coll, k.timespan)
		if c != 0 {
			if k.desc {
				return -c
			}
			return c
		}
	}
	return 0
}
