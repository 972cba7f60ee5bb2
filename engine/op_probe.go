package engine

import (
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// rightProbe is the right side of a nested-loop join bound to each left
// row in turn (on e's outer stack) instead of being re-opened per row.
// Close ends one left row's use; release frees the probe.
type rightProbe interface {
	rowIter
	bind(e *env) error
	release()
}

// newRightProbe returns a probe for the right side n of a join, or nil when
// n is not a table scan (or is an IN-list scan): a pointProbe for a
// primary-key point lookup, else a rangeProbe.
func newRightProbe(e *env, n node) (rightProbe, error) {
	s, ok := n.(*scanNode)
	if !ok || s.path.in != nil {
		return nil, nil
	}
	ds, err := s.db.dataStore(s.t)
	if err != nil {
		return nil, err
	}
	data := e.store(ds)
	if s.path.isPointLookup() {
		return &pointProbe{n: s, look: storage.NewLookup(data)}, nil
	}
	src := data
	if s.path.index != nil {
		is, err := s.db.indexStore(s.t, s.path.index)
		if err != nil {
			return nil, err
		}
		src = e.store(is)
	}
	return &rangeProbe{n: s, data: data, src: src}, nil
}

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
	if p.row, err = p.n.decode(p.row, raw, rowShape{}); err != nil {
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

func (p *pointProbe) Close()   {}
func (p *pointProbe) release() { p.look.Close() }

// rangeProbe is the right side of a nested-loop join scanning a key range
// per left row (an index or primary-key prefix keyed on left columns). It
// keeps one scan for the whole execution, its store iterator rebound to each
// left row's range (storage.Rebounder) and its row fetches going through one
// Lookup, instead of resolving stores and building iterators per left row.
type rangeProbe struct {
	n         *scanNode
	data, src storage.KVStore
	scan      *scanIter // nil until the first non-empty range
	empty     bool      // the current left row's range is empty
}

func (p *rangeProbe) bind(e *env) error {
	lower, upper, empty, err := p.n.path.bounds(e)
	if err != nil {
		return err
	}
	p.empty = empty
	if empty {
		return nil
	}
	if p.scan != nil {
		if rb, ok := p.scan.it.(storage.Rebounder); ok {
			rb.Rebound(lower, upper)
			return nil
		}
		p.scan.Close()
		p.scan = nil
	}
	it, err := p.src.Iterate(storage.IterOptions{Lower: lower, Upper: upper, Reverse: p.n.path.reverse})
	if err != nil {
		return err
	}
	p.scan = p.n.newScanIter(e, it, p.data, rowShape{})
	return nil
}

func (p *rangeProbe) Next() (value.Row, error) {
	if p.empty || p.scan == nil {
		return nil, nil
	}
	return p.scan.Next()
}

func (p *rangeProbe) Close() {}

func (p *rangeProbe) release() {
	if p.scan != nil {
		p.scan.Close()
	}
}
