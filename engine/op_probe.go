package engine

import (
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/rowenc"
	"github.com/quereus/quereus/storage/value"
)

// pointProbe is the right side of an index nested-loop join whose access
// path is a primary-key point lookup keyed on left columns. Instead of
// re-opening the scan for every left row (resolving the store, building
// bounds, a Get with its own Pebble iterator, a fresh row), the join binds
// the probe to each left row: it keeps one store Lookup, one key buffer and
// one row buffer for the whole execution. The row it yields is overwritten
// by the next bind, which is safe because the join copies it into the
// combined row at once.
type pointProbe struct {
	n     *scanNode
	look  storage.Lookup
	key   []byte
	row   value.Row
	ready bool // row is the pending result of the last bind
}

// newPointProbe returns a probe for n, or nil when n is not a point lookup.
func newPointProbe(e *env, n node) (*pointProbe, error) {
	s, ok := n.(*scanNode)
	if !ok || s.path.in != nil || !s.path.isPointLookup() {
		return nil, nil
	}
	ds, err := s.db.dataStore(s.t)
	if err != nil {
		return nil, err
	}
	return &pointProbe{n: s, look: storage.NewLookup(e.store(ds))}, nil
}

// bind looks up the row for the current outer row (on e's outer stack).
func (p *pointProbe) bind(e *env) error {
	p.ready = false
	key, empty, err := p.n.path.appendEqPrefix(p.key[:0], e)
	if err != nil || empty {
		return err
	}
	p.key = key
	raw, found, err := p.look.Get(key)
	if err != nil || !found {
		return err
	}
	if p.row, err = decodeRowInto(p.row, raw, len(p.n.t.Columns), p.n.need); err != nil {
		return err
	}
	p.ready = true
	return nil
}

func (p *pointProbe) Next() (value.Row, error) {
	if !p.ready {
		return nil, nil
	}
	p.ready = false
	return p.row, nil
}

// Close ends one left row's use; release frees the lookup.
func (p *pointProbe) Close()   {}
func (p *pointProbe) release() { p.look.Close() }

// decodeRowInto is decodeRow reusing dst's storage (nil for a new row) and
// decoding only the needed columns (need nil: all; see scanNode.need).
func decodeRowInto(dst value.Row, b []byte, ncols int, need []bool) (value.Row, error) {
	row, err := rowenc.DecodeRowNeeded(dst, b, need)
	if err != nil {
		return nil, err
	}
	for len(row) < ncols {
		row = append(row, value.Value{})
	}
	if ncols > 0 && ncols < len(row) {
		row = row[:ncols]
	}
	return row, nil
}
