package engine

import (
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/keyenc"
	"github.com/quereus/quereus/storage/value"
)

func addExplain(out *[]string, depth int, s string) {
	*out = append(*out, strings.Repeat("  ", depth)+s)
}

// oneRowNode yields a single empty row (SELECT without FROM).
type oneRowNode struct{}

func (oneRowNode) open(*env) (rowIter, error)       { return &sliceIter{rows: []value.Row{{}}}, nil }
func (oneRowNode) explain(out *[]string, depth int) {}

// rowsNode yields rows computed from expressions (VALUES).
type rowsNode struct {
	rows [][]*cexpr
}

func (n *rowsNode) explain(out *[]string, depth int) {}

func (n *rowsNode) open(e *env) (rowIter, error) {
	out := make([]value.Row, len(n.rows))
	for i, r := range n.rows {
		row := make(value.Row, len(r))
		for j, ce := range r {
			v, err := ce.fn(e, nil)
			if err != nil {
				return nil, err
			}
			row[j] = v
		}
		out[i] = row
	}
	return &sliceIter{rows: out}, nil
}

// filterNode keeps rows whose predicate is true.
type filterNode struct {
	in   node
	pred *cexpr
}

func (n *filterNode) explain(out *[]string, depth int) { n.in.explain(out, depth) }

func (n *filterNode) open(e *env) (rowIter, error) {
	it, err := n.in.open(e)
	if err != nil {
		return nil, err
	}
	return &filterIter{e: e, in: it, pred: n.pred}, nil
}

type filterIter struct {
	e    *env
	in   rowIter
	pred *cexpr
}

func (f *filterIter) Next() (value.Row, error) {
	for {
		r, err := f.in.Next()
		if r == nil || err != nil {
			return nil, err
		}
		v, err := f.pred.fn(f.e, r)
		if err != nil {
			return nil, err
		}
		if t, _ := truth(v); t {
			return r, nil
		}
	}
}
func (f *filterIter) Close() { f.in.Close() }

// projectNode computes output expressions.
type projectNode struct {
	in    node
	exprs []*cexpr
	// layout, for a projection of bare columns straight off a table scan,
	// maps the scanned columns to output positions (columnLayout): the scan
	// then decodes rows in the output shape.
	layout []int
}

// newProjectNode projects exprs over in, planning the scan's decoding into
// the output shape when the projection allows it.
func newProjectNode(in node, exprs []*cexpr) *projectNode {
	n := &projectNode{in: in, exprs: exprs}
	if s, ok := in.(*scanNode); ok {
		n.layout = columnLayout(exprs, len(s.t.Columns))
	}
	return n
}

func (n *projectNode) explain(out *[]string, depth int) { n.in.explain(out, depth) }

func (n *projectNode) open(e *env) (rowIter, error) {
	if s, ok := n.in.(*scanNode); ok && !s.reuseRows && n.layout != nil {
		// The scan yields the projected rows themselves.
		return s.openShaped(e, rowShape{proj: n.layout, width: len(n.exprs)})
	}
	it, err := n.in.open(e)
	if err != nil {
		return nil, err
	}
	reuse := len(n.exprs) <= maxInPlaceProjection && yieldsFreshRows(it)
	return &projectIter{e: e, in: it, exprs: n.exprs, inPlace: reuse}, nil
}

// columnLayout maps the columns of an ncols-wide row to their positions in
// the projection exprs (-1: not projected) when every expression is a bare
// column reference of the row and no column appears twice; else nil. A scan
// can then decode straight into the projected row (scanIter.proj).
func columnLayout(exprs []*cexpr, ncols int) []int {
	if len(exprs) == 0 {
		return nil
	}
	pos := make([]int, ncols)
	for i := range pos {
		pos[i] = -1
	}
	for i, ce := range exprs {
		if ce.col < 0 || ce.depth != 0 || ce.col >= ncols || pos[ce.col] >= 0 {
			return nil
		}
		pos[ce.col] = i
	}
	return pos
}

// maxInPlaceProjection bounds the projections computed in place (through a
// fixed-size scratch array).
const maxInPlaceProjection = 16

// yieldsFreshRows reports whether every row it returns is a new row that
// nothing else keeps: a table scan's decoded rows, possibly filtered.
func yieldsFreshRows(it rowIter) bool {
	if f, ok := it.(*filterIter); ok {
		it = f.in
	}
	s, ok := it.(*scanIter)
	return ok && !s.n.reuseRows
}

// allowRowReuse marks the operators that produce n's rows as free to hand
// out one reused row buffer, for a consumer that is done with a row when it
// asks for the next: an aggregate (it copies the values it keeps), or a
// nested-loop join's inputs (it copies both sides into the joined row, and
// reads the left row only until it moves to the next one). Filters pass
// rows through, so the mark goes through them; it stops at any other
// operator. A RIGHT or FULL join keeps right rows and emits them late, so
// it neither reuses its output nor gets reused inputs.
func allowRowReuse(n node) {
	switch n := n.(type) {
	case *filterNode:
		allowRowReuse(n.in)
	case *scanNode:
		n.reuseRows = true
	case *joinNode:
		if n.kind != parser.JoinRight && n.kind != parser.JoinFull {
			n.reuseOut = true
		}
	}
}

type projectIter struct {
	e     *env
	in    rowIter
	exprs []*cexpr
	// inPlace: the input rows are fresh (yieldsFreshRows), so the output
	// overwrites the input row when it fits, saving an allocation per row.
	inPlace bool
}

func (p *projectIter) Next() (value.Row, error) {
	r, err := p.in.Next()
	if r == nil || err != nil {
		return r, err
	}
	if p.inPlace && len(p.exprs) <= len(r) {
		var tmp [maxInPlaceProjection]value.Value
		for i, ce := range p.exprs {
			if tmp[i], err = ce.fn(p.e, r); err != nil {
				return nil, err
			}
		}
		out := r[:len(p.exprs):len(p.exprs)]
		copy(out, tmp[:len(p.exprs)])
		return out, nil
	}
	out := make(value.Row, len(p.exprs))
	for i, ce := range p.exprs {
		if out[i], err = ce.fn(p.e, r); err != nil {
			return nil, err
		}
	}
	return out, nil
}
func (p *projectIter) Close() { p.in.Close() }

// trimNode cuts rows to their first n columns (drops sort helpers).
type trimNode struct {
	in node
	n  int
}

func (t *trimNode) explain(out *[]string, depth int) { t.in.explain(out, depth) }

func (t *trimNode) open(e *env) (rowIter, error) {
	it, err := t.in.open(e)
	if err != nil {
		return nil, err
	}
	return &mapIter{in: it, fn: func(r value.Row) value.Row { return r[:t.n] }}, nil
}

type mapIter struct {
	in rowIter
	fn func(value.Row) value.Row
}

func (m *mapIter) Next() (value.Row, error) {
	r, err := m.in.Next()
	if r == nil || err != nil {
		return nil, err
	}
	return m.fn(r), nil
}
func (m *mapIter) Close() { m.in.Close() }

// limitNode applies LIMIT / OFFSET.
type limitNode struct {
	in            node
	limit, offset *cexpr
}

func (n *limitNode) explain(out *[]string, depth int) { n.in.explain(out, depth) }

func (n *limitNode) open(e *env) (rowIter, error) {
	lim, off := int64(-1), int64(0)
	if n.limit != nil {
		v, err := n.limit.fn(e, nil)
		if err != nil {
			return nil, err
		}
		if !v.IsNull() {
			// A negative LIMIT means no rows (Quereus), not SQLite's "no limit".
			lim = max(toInteger(v).Int64(), 0)
		}
	}
	if n.offset != nil {
		v, err := n.offset.fn(e, nil)
		if err != nil {
			return nil, err
		}
		off = toInteger(v).Int64()
	}
	it, err := n.in.open(e)
	if err != nil {
		return nil, err
	}
	return &limitIter{in: it, lim: lim, off: off}, nil
}

type limitIter struct {
	in       rowIter
	lim, off int64
}

func (l *limitIter) Next() (value.Row, error) {
	for l.off > 0 {
		r, err := l.in.Next()
		if r == nil || err != nil {
			return nil, err
		}
		l.off--
	}
	if l.lim == 0 {
		return nil, nil
	}
	r, err := l.in.Next()
	if r != nil && l.lim > 0 {
		l.lim--
	}
	return r, err
}
func (l *limitIter) Close() { l.in.Close() }

// distinctNode drops rows whose first n columns repeat.
type distinctNode struct {
	in    node
	n     int
	parts []keyPart // per-column collations
}

func (d *distinctNode) explain(out *[]string, depth int) { d.in.explain(out, depth) }

func (d *distinctNode) open(e *env) (rowIter, error) {
	it, err := d.in.open(e)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	return &filterFuncIter{in: it, keep: func(r value.Row) bool {
		k := string(appendKey(nil, r[:d.n], d.parts))
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}}, nil
}

type filterFuncIter struct {
	in   rowIter
	keep func(value.Row) bool
}

func (f *filterFuncIter) Next() (value.Row, error) {
	for {
		r, err := f.in.Next()
		if r == nil || err != nil {
			return nil, err
		}
		if f.keep(r) {
			return r, nil
		}
	}
}
func (f *filterFuncIter) Close() { f.in.Close() }

// collPart is an ascending key part under a collation.
func collPart(coll string) keyPart {
	return keyPart{coll: coll, kc: keyenc.Column{Collation: lookupCollation(coll)}}
}

// rowKey encodes values so that equal values (5 and 5.0, NULL and NULL)
// give equal bytes: the grouping / DISTINCT identity.
func rowKey(vals []value.Value) []byte {
	parts := make([]keyPart, len(vals))
	return appendKey(nil, vals, parts)
}

// materialNode runs its input once per execution and replays the rows
// (CTEs referenced several times, uncorrelated derived tables).
type materialNode struct {
	in node
}

func (m *materialNode) explain(out *[]string, depth int) { m.in.explain(out, depth) }

func (m *materialNode) open(e *env) (rowIter, error) {
	if rows, ok := e.cache[m].([]value.Row); ok {
		return &sliceIter{rows: rows}, nil
	}
	rows, err := drainNode(e, m.in)
	if err != nil {
		return nil, err
	}
	e.cache[m] = rows
	return &sliceIter{rows: rows}, nil
}
