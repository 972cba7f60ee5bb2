package engine

// op_window.go executes window functions. The windowNode materializes its
// input, appends nWin NULL columns to every row, and then, for each group of
// calls sharing a PARTITION BY / ORDER BY, stably sorts the rows by
// partition and order keys, splits them into partitions and fills the
// calls' columns. Rows come out in the order of the last group's sort.

import (
	"slices"
	"strings"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// windowNode computes the window calls of one SELECT core.
type windowNode struct {
	in     node
	nWin   int
	groups []*windowGroup
}

func (n *windowNode) explain(out *[]string, depth int) { n.in.explain(out, depth) }

func (n *windowNode) open(e *env) (rowIter, error) {
	in, err := drainNode(e, n.in)
	if err != nil {
		return nil, err
	}
	rows := make([]value.Row, len(in))
	for i, r := range in {
		row := make(value.Row, len(r)+n.nWin)
		copy(row, r)
		for k := len(r); k < len(row); k++ {
			row[k] = value.Null()
		}
		rows[i] = row
	}
	for _, g := range n.groups {
		if err := g.run(e, rows, n.nWin); err != nil {
			return nil, err
		}
	}
	return &sliceIter{rows: rows}, nil
}

// run sorts rows by g's keys (in place) and fills g's window columns.
func (g *windowGroup) run(e *env, rows []value.Row, nWin int) error {
	if len(rows) == 0 {
		return nil
	}
	base := len(rows[0]) - nWin
	np := len(g.partition)
	keyExprs := append(append(make([]*cexpr, 0, np+len(g.order)), g.partition...), g.order...)
	keys := make([]value.Row, len(rows))
	for i, r := range rows {
		k := make(value.Row, 0, len(keyExprs))
		for j, ce := range keyExprs {
			v, err := ce.fn(e, r)
			if err != nil {
				return err
			}
			k = append(k, semanticKey(v, g.timespan[j]))
		}
		keys[i] = k
		if err := e.tick(); err != nil {
			return err
		}
	}
	if len(g.keys) > 0 {
		idx := make([]int, len(rows))
		for i := range idx {
			idx[i] = i
		}
		// The index tie-break keeps equal rows in input order (a stable sort).
		slices.SortFunc(idx, func(a, b int) int {
			if c := compareRows(keys[a], keys[b], g.keys); c != 0 {
				return c
			}
			return a - b
		})
		sortedRows, sortedKeys := make([]value.Row, len(rows)), make([]value.Row, len(rows))
		for i, j := range idx {
			sortedRows[i], sortedKeys[i] = rows[j], keys[j]
		}
		copy(rows, sortedRows)
		keys = sortedKeys
	}
	partKeys, orderKeys := g.keys[:np], g.keys[np:]
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && compareRows(keys[start], keys[end], partKeys) == 0 {
			end++
		}
		if err := g.runPartition(e, rows[start:end], keys[start:end], orderKeys, base); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// runPartition computes g's calls over one sorted partition.
func (g *windowGroup) runPartition(e *env, rows, keys []value.Row, orderKeys []sortKey, base int) error {
	peer := make([]int, len(rows))
	for i := 1; i < len(rows); i++ {
		peer[i] = peer[i-1]
		if compareRows(keys[i-1], keys[i], orderKeys) != 0 {
			peer[i]++
		}
	}
	var order []value.Value
	if len(g.order) > 0 {
		order = make([]value.Value, len(rows))
		for i, k := range keys {
			order[i] = k[len(g.partition)]
		}
	}
	info := newPartitionInfo(peer, order)
	for _, wc := range g.calls {
		vals, err := wc.compute(e, rows, info)
		if err != nil {
			return err
		}
		for i, v := range vals {
			rows[i][base+wc.idx] = v
		}
	}
	return nil
}

// compute returns wc's value for every row of a sorted partition.
func (wc *windowCall) compute(e *env, rows []value.Row, info *partitionInfo) ([]value.Value, error) {
	args := make([][]value.Value, len(rows))
	var keep []bool
	if wc.filter != nil {
		keep = make([]bool, len(rows))
	}
	for i, r := range rows {
		vals := make([]value.Value, len(wc.args))
		for j, a := range wc.args {
			v, err := a.fn(e, r)
			if err != nil {
				return nil, err
			}
			vals[j] = v
		}
		args[i] = vals
		if keep != nil {
			v, err := wc.filter.fn(e, r)
			if err != nil {
				return nil, err
			}
			t, known := truth(v)
			keep[i] = known && t
		}
	}
	out := make([]value.Value, len(rows))
	var frames [][2]int
	if wc.agg != nil || wc.win.UsesFrame {
		so, eo, err := wc.frame.offsets(e)
		if err != nil {
			return nil, err
		}
		if frames, err = wc.frame.frames(info, so, eo); err != nil {
			return nil, err
		}
	}
	if wc.agg != nil {
		return out, wc.aggregate(e, args, keep, info, frames, out)
	}
	if wc.win.UsesFrame && wc.frame.excludes() {
		return out, wc.excludedFrameValues(e, args, info, frames, out)
	}
	return out, wc.win.Compute(&functions.Partition{Args: args, Peer: info.peer, Frames: frames}, out)
}

// excludedFrameValues computes a frame-reading window function (first_value,
// last_value, nth_value) under EXCLUDE: each row's frame, less the excluded
// rows, becomes a partition of its own whose last row is the current row's
// arguments.
func (wc *windowCall) excludedFrameValues(e *env, args [][]value.Value, info *partitionInfo, frames [][2]int, out []value.Value) error {
	for i := range out {
		var sub [][]value.Value
		for j := frames[i][0]; j < frames[i][1]; j++ {
			if !wc.frame.excluded(info, i, j) {
				sub = append(sub, args[j])
			}
		}
		n := len(sub)
		sub = append(sub, args[i])
		p := &functions.Partition{Args: sub, Peer: make([]int, len(sub)), Frames: make([][2]int, len(sub))}
		for k := range p.Frames {
			p.Frames[k] = [2]int{0, n}
		}
		vals := make([]value.Value, len(sub))
		if err := wc.win.Compute(p, vals); err != nil {
			return err
		}
		out[i] = vals[n]
		if err := e.tick(); err != nil {
			return err
		}
	}
	return nil
}

// aggregate computes an aggregate window call per frame. A frame whose start
// never moves is accumulated incrementally; a sliding frame uses the
// aggregate's Inverse when it has one (EXCLUDE inverts the excluded rows
// out per row); min and max answer any frame from a segment tree
// (window_tree.go); anything else (a non-invertible aggregate over a sliding
// frame) is recomputed per row. DISTINCT counts each value's rows in the
// accumulator: a value is stepped on its first row and inverted on its
// last.
func (wc *windowCall) aggregate(e *env, args [][]value.Value, keep []bool, info *partitionInfo, frames [][2]int, out []value.Value) error {
	acc, seen := wc.newAcc(), map[string]int{}
	step := func(j int, inverse bool) error {
		if err := e.tick(); err != nil {
			return err
		}
		if keep != nil && !keep[j] {
			return nil
		}
		if wc.distinct {
			if args[j][0].IsNull() {
				return nil
			}
			k := string(rowKey(args[j]))
			if inverse {
				if seen[k]--; seen[k] > 0 {
					return nil
				}
			} else if seen[k]++; seen[k] > 1 {
				return nil
			}
		}
		if inverse {
			return acc.(functions.Inverter).Inverse(args[j])
		}
		return acc.Step(args[j])
	}
	fixedStart, monotonic := true, true
	for i := 1; i < len(frames); i++ {
		fixedStart = fixedStart && frames[i][0] == frames[0][0]
		monotonic = monotonic && frames[i][0] >= frames[i-1][0] && frames[i][1] >= frames[i-1][1]
	}
	_, invertible := acc.(functions.Inverter)
	var err error
	switch {
	case !wc.frame.excludes() && fixedStart && monotonic:
		pos := 0
		if len(frames) > 0 {
			pos = frames[0][0]
		}
		for i := range out {
			for ; pos < frames[i][1]; pos++ {
				if err := step(pos, false); err != nil {
					return err
				}
			}
			if out[i], err = acc.Result(); err != nil {
				return err
			}
		}
	case monotonic && invertible:
		lo, hi := 0, 0
		for i := range out {
			s, end := frames[i][0], frames[i][1]
			if s >= hi {
				acc, seen, lo, hi = wc.newAcc(), map[string]int{}, s, s
			}
			for ; hi < end; hi++ {
				if err := step(hi, false); err != nil {
					return err
				}
			}
			for ; lo < s; lo++ {
				if err := step(lo, true); err != nil {
					return err
				}
			}
			if out[i], err = wc.resultExcluding(acc, step, info, i, s, end); err != nil {
				return err
			}
		}
	case orderInsensitive[strings.ToLower(wc.agg.def.Name)]:
		tree, err := newExtremeTree(e, wc, args, keep)
		if err != nil {
			return err
		}
		for i := range out {
			if out[i], err = tree.frameResult(info, i, frames[i][0], frames[i][1]); err != nil {
				return err
			}
		}
	default:
		for i := range out {
			acc, seen = wc.newAcc(), map[string]int{}
			for j := frames[i][0]; j < frames[i][1]; j++ {
				if wc.frame.excluded(info, i, j) {
					continue
				}
				if err := step(j, false); err != nil {
					return err
				}
			}
			if out[i], err = acc.Result(); err != nil {
				return err
			}
		}
	}
	return nil
}

// orderInsensitive lists the aggregates without Inverse whose result over
// a frame may be assembled from results over its parts (window_tree.go).
var orderInsensitive = map[string]bool{"min": true, "max": true}

// resultExcluding returns acc's result for row i's frame [s, end) less the
// rows EXCLUDE removes: they are inverted out of acc for the result and
// stepped back in afterwards.
func (wc *windowCall) resultExcluding(acc aggregator, step func(j int, inverse bool) error, info *partitionInfo, i, s, end int) (value.Value, error) {
	if !wc.frame.excludes() {
		return acc.Result()
	}
	g := info.peer[i]
	lo, hi := max(s, info.groupStart[g]), min(end, info.groupStart[g+1])
	if wc.frame.exclude == parser.ExcludeCurrentRow {
		lo, hi = max(s, i), min(end, i+1)
	}
	var removed []int
	for j := lo; j < hi; j++ {
		if wc.frame.excluded(info, i, j) {
			if err := step(j, true); err != nil {
				return value.Null(), err
			}
			removed = append(removed, j)
		}
	}
	v, err := acc.Result()
	for _, j := range removed {
		if err2 := step(j, false); err == nil {
			err = err2
		}
	}
	return v, err
}

// newAcc makes a fresh accumulator, typed and collated after its argument.
func (wc *windowCall) newAcc() aggregator {
	acc := wc.agg.newAgg()
	if len(wc.args) == 0 {
		return acc
	}
	if t, ok := acc.(functions.Typed); ok && wc.args[0].typ != "" {
		if typ, err := types.FromDeclared(wc.args[0].typ); err == nil {
			t.SetArgType(typ)
		}
	}
	if c, ok := acc.(functions.Collated); ok && wc.args[0].coll != "" {
		c.SetCollation(lookupCollation(wc.args[0].coll))
	}
	return acc
}
