package engine

// window_frame.go plans and computes window frames. A frame is computed per
// row of a sorted partition as a half-open range of row indexes
// [start, end); EXCLUDE then removes the current row, its peer group or its
// ties from that range (see frameSpec.excluded).
//
// Units: ROWS counts rows; GROUPS counts peer groups (rows equal under the
// window's ORDER BY); RANGE compares the single ORDER BY value with the
// current row's, plus or minus the offset. A row whose ORDER BY value is
// NULL has the NULL peer group as its offset-RANGE frame, and NULL rows are
// never inside another row's offset-RANGE frame. CURRENT ROW in RANGE and
// GROUPS mode means the whole peer group. Without a frame clause the frame
// is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, which is the whole
// partition when there is no ORDER BY (all rows are peers).

import (
	"fmt"
	"math"
	"sort"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// frameBound is one end of a planned frame.
type frameBound struct {
	kind   parser.BoundKind
	offset *cexpr // BoundPreceding / BoundFollowing
}

// frameSpec is a planned frame clause.
type frameSpec struct {
	unit       parser.FrameUnit
	start, end frameBound
	exclude    parser.FrameExclude
	// orderDesc is the direction of the single ORDER BY term (RANGE offsets).
	orderDesc bool
}

// boundRank orders bound kinds from the partition's start to its end.
func boundRank(k parser.BoundKind) int {
	switch k {
	case parser.BoundUnboundedPreceding:
		return 0
	case parser.BoundPreceding:
		return 1
	case parser.BoundCurrentRow:
		return 2
	case parser.BoundFollowing:
		return 3
	}
	return 4
}

// planFrame validates spec's frame clause and compiles its offsets.
func (c *compiler) planFrame(spec *parser.WindowSpec, g *windowGroup) (frameSpec, error) {
	fs := frameSpec{unit: parser.FrameRange, start: frameBound{kind: parser.BoundUnboundedPreceding}, end: frameBound{kind: parser.BoundCurrentRow}}
	f := spec.Frame
	if f == nil {
		return fs, nil
	}
	fs.unit, fs.exclude = f.Unit, f.Exclude
	if len(spec.OrderBy) > 0 {
		fs.orderDesc = spec.OrderBy[0].Dir == parser.SortDesc
	}
	end := parser.FrameBound{Kind: parser.BoundCurrentRow}
	if f.HasEnd {
		end = f.End
	}
	switch {
	case f.Start.Kind == parser.BoundUnboundedFollowing:
		return fs, fmt.Errorf("frame start cannot be UNBOUNDED FOLLOWING")
	case end.Kind == parser.BoundUnboundedPreceding:
		return fs, fmt.Errorf("frame end cannot be UNBOUNDED PRECEDING")
	case boundRank(f.Start.Kind) > boundRank(end.Kind):
		return fs, fmt.Errorf("frame starting from %s cannot end with %s", boundName(f.Start.Kind), boundName(end.Kind))
	}
	hasOffset := false
	for _, b := range []parser.FrameBound{f.Start, end} {
		if b.Kind == parser.BoundPreceding || b.Kind == parser.BoundFollowing {
			hasOffset = true
		}
	}
	switch {
	case f.Unit == parser.FrameRange && hasOffset && len(g.order) != 1:
		return fs, fmt.Errorf("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column")
	case f.Unit == parser.FrameGroups && len(g.order) == 0:
		return fs, fmt.Errorf("GROUPS mode requires an ORDER BY clause")
	}
	var err error
	if fs.start, err = c.planBound(f.Start); err != nil {
		return fs, err
	}
	if fs.end, err = c.planBound(end); err != nil {
		return fs, err
	}
	return fs, nil
}

func boundName(k parser.BoundKind) string {
	switch k {
	case parser.BoundUnboundedPreceding:
		return "UNBOUNDED PRECEDING"
	case parser.BoundPreceding:
		return "PRECEDING"
	case parser.BoundCurrentRow:
		return "CURRENT ROW"
	case parser.BoundFollowing:
		return "FOLLOWING"
	}
	return "UNBOUNDED FOLLOWING"
}

func (c *compiler) planBound(b parser.FrameBound) (frameBound, error) {
	fb := frameBound{kind: b.Kind}
	if b.Kind != parser.BoundPreceding && b.Kind != parser.BoundFollowing {
		return fb, nil
	}
	if b.Offset == nil {
		return fb, fmt.Errorf("Invalid window frame offset")
	}
	if lit, ok := b.Offset.(*parser.Literal); ok {
		if _, err := frameOffset(literalValue(lit)); err != nil {
			return fb, err
		}
	}
	ce, err := c.expr(&scope{}, b.Offset)
	if err != nil {
		return fb, err
	}
	fb.offset = ce
	return fb, nil
}

// frameOffset checks a frame offset: a non-negative integer.
func frameOffset(v value.Value) (int64, error) {
	switch v.Kind() {
	case value.KindInteger:
		if v.Int() >= 0 {
			return v.Int(), nil
		}
	case value.KindBigInt:
		if v.Big().Sign() > 0 {
			return math.MaxInt64, nil
		}
	case value.KindReal:
		if f := v.Float(); f >= 0 && f == math.Trunc(f) {
			return int64(min(f, math.MaxInt64/2)), nil
		}
	}
	return 0, fmt.Errorf("Invalid window frame offset: %s", types.ToText(v))
}

// offsets evaluates the start and end offsets of fs (0 for bounds without
// one).
func (fs *frameSpec) offsets(e *env) (start, end int64, err error) {
	eval := func(b frameBound) (int64, error) {
		if b.offset == nil {
			return 0, nil
		}
		v, err := b.offset.fn(e, nil)
		if err != nil {
			return 0, err
		}
		return frameOffset(v)
	}
	if start, err = eval(fs.start); err != nil {
		return 0, 0, err
	}
	end, err = eval(fs.end)
	return start, end, err
}

// partitionInfo is what frame computation needs of a sorted partition.
type partitionInfo struct {
	n    int
	peer []int // peer group number per row
	// groupStart[g] is the first row of peer group g; groupStart[len-1] = n.
	groupStart []int
	// order holds each row's first ORDER BY value (RANGE offsets).
	order []value.Value
}

func newPartitionInfo(peer []int, order []value.Value) *partitionInfo {
	p := &partitionInfo{n: len(peer), peer: peer, order: order}
	for i := range peer {
		if i == 0 || peer[i] != peer[i-1] {
			p.groupStart = append(p.groupStart, i)
		}
	}
	p.groupStart = append(p.groupStart, len(peer))
	return p
}

// frames computes every row's [start, end) under fs with the evaluated
// offsets so and eo.
func (fs *frameSpec) frames(p *partitionInfo, so, eo int64) ([][2]int, error) {
	out := make([][2]int, p.n)
	var rng *rangeAxis
	if fs.unit == parser.FrameRange && (fs.start.offset != nil || fs.end.offset != nil) {
		var err error
		if rng, err = newRangeAxis(p, fs.orderDesc); err != nil {
			return nil, err
		}
	}
	for i := range out {
		s := fs.bound(p, rng, i, fs.start.kind, so, true)
		e := fs.bound(p, rng, i, fs.end.kind, eo, false)
		s = max(0, min(s, p.n))
		e = max(s, min(e, p.n))
		out[i] = [2]int{s, e}
	}
	return out, nil
}

// bound returns row i's frame start (isStart) or exclusive end.
func (fs *frameSpec) bound(p *partitionInfo, rng *rangeAxis, i int, kind parser.BoundKind, off int64, isStart bool) int {
	g := p.peer[i]
	groups := len(p.groupStart) - 1
	switch kind {
	case parser.BoundUnboundedPreceding:
		return 0
	case parser.BoundUnboundedFollowing:
		return p.n
	case parser.BoundCurrentRow:
		if fs.unit == parser.FrameRows {
			if isStart {
				return i
			}
			return i + 1
		}
		if isStart {
			return p.groupStart[g]
		}
		return p.groupStart[g+1]
	}
	if fs.unit == parser.FrameRange {
		delta := float64(off)
		if kind == parser.BoundPreceding {
			delta = -delta
		}
		return rng.bound(i, delta, isStart)
	}
	delta := clampOffset(off)
	if kind == parser.BoundPreceding {
		delta = -delta
	}
	if fs.unit == parser.FrameGroups {
		t := g + delta
		if !isStart {
			t++
		}
		return p.groupStart[max(0, min(t, groups))]
	}
	if isStart { // ROWS
		return i + delta
	}
	return i + delta + 1
}

// clampOffset keeps offsets in int range for index arithmetic.
func clampOffset(off int64) int {
	if off > math.MaxInt32 {
		return math.MaxInt32
	}
	return int(off)
}

// rangeAxis locates RANGE offset bounds: the partition's non-NULL ORDER BY
// values, as numbers ascending along the sort (negated for DESC).
type rangeAxis struct {
	p      *partitionInfo
	lo, hi int // the non-NULL rows [lo, hi)
	w      []float64
}

func newRangeAxis(p *partitionInfo, desc bool) (*rangeAxis, error) {
	r := &rangeAxis{p: p, w: make([]float64, p.n)}
	r.lo, r.hi = 0, p.n
	for r.lo < p.n && p.order[r.lo].IsNull() {
		r.lo++
	}
	for r.hi > r.lo && p.order[r.hi-1].IsNull() {
		r.hi--
	}
	for j := r.lo; j < r.hi; j++ {
		n, ok := types.ToNumber(p.order[j], false)
		if !ok {
			return nil, fmt.Errorf("RANGE with offset requires a numeric ORDER BY value")
		}
		f := n.Float()
		if n.Kind() == value.KindInteger {
			f = float64(n.Int())
		}
		if desc {
			f = -f
		}
		r.w[j] = f
	}
	return r, nil
}

// bound returns the RANGE frame start (or exclusive end) of row i for the
// value offset delta (negative: PRECEDING).
func (r *rangeAxis) bound(i int, delta float64, isStart bool) int {
	if i < r.lo || i >= r.hi {
		g := r.p.peer[i]
		if isStart {
			return r.p.groupStart[g]
		}
		return r.p.groupStart[g+1]
	}
	target := r.w[i] + delta
	n := r.hi - r.lo
	if isStart {
		return r.lo + sort.Search(n, func(k int) bool { return r.w[r.lo+k] >= target })
	}
	return r.lo + sort.Search(n, func(k int) bool { return r.w[r.lo+k] > target })
}

// excluded reports whether EXCLUDE removes row j from row i's frame.
func (fs *frameSpec) excluded(p *partitionInfo, i, j int) bool {
	switch fs.exclude {
	case parser.ExcludeCurrentRow:
		return j == i
	case parser.ExcludeGroup:
		return p.peer[j] == p.peer[i]
	case parser.ExcludeTies:
		return j != i && p.peer[j] == p.peer[i]
	}
	return false
}

// excludes reports whether the frame has an EXCLUDE clause that removes rows.
func (fs *frameSpec) excludes() bool {
	return fs.exclude != parser.ExcludeDefault && fs.exclude != parser.ExcludeNoOthers
}
