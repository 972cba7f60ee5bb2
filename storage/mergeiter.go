package storage

import (
	"bytes"

	"github.com/cockroachdb/pebble/v2"
)

// txnIter merges a snapshot iterator with the write set, in one direction,
// within physical bounds [lo, hi). At equal keys the write set wins: a put
// replaces the snapshot's value, a tombstone hides it, and an absent entry
// (an undone write) lets it through. Writes made through the transaction
// while the iterator is open are seen if they land ahead of its position
// (the write-set cursor repositions after the current key whenever the
// B-tree has changed since the last step).
type txnIter struct {
	t       *txn
	snap    *pebble.Iterator
	pool    *sharedSnapshot // snap came from its pool and goes back there
	ws      btIter
	lo, hi  []byte
	plen    int
	reverse bool

	started          bool
	valid            bool // positioned on an entry
	snapValid        bool
	wsValid          bool
	stepSnap, stepWS bool // advance before the next comparison
	fromWS           bool // current entry comes from the write set
	key, val         []byte
	err              error
	closed, released bool
	empty            bool // Rebound to an empty range
}

// Rebounder is an Iterator that can start over on another range of its
// store without being rebuilt, as the iterators of transactional views can:
// a join re-scanning its right side per outer row rebinds one iterator.
type Rebounder interface {
	// Rebound restarts the iterator over [lower, upper) (nil: the store's
	// ends) in its direction; the next Next returns the first entry.
	Rebound(lower, upper []byte)
}

var _ Rebounder = (*txnIter)(nil)

// Rebound keeps the Pebble iterator and moves its bounds (SetBounds is far
// cheaper than a new iterator); the write-set cursor is re-seeked on the
// next step like a new iterator's.
func (m *txnIter) Rebound(lower, upper []byte) {
	prefix := m.lo[:m.plen]
	lo := append(append(make([]byte, 0, len(prefix)+len(lower)), prefix...), lower...)
	var hi []byte
	if upper != nil {
		hi = append(append(make([]byte, 0, len(prefix)+len(upper)), prefix...), upper...)
	} else {
		hi = prefixEnd(prefix)
	}
	m.started, m.valid, m.fromWS = false, false, false
	m.snapValid, m.wsValid, m.stepSnap, m.stepWS = false, false, false, false
	m.key, m.val = nil, nil
	m.empty = string(lo) >= string(hi)
	if m.empty || m.closed || m.released {
		return
	}
	m.lo, m.hi = lo, hi
	m.snap.SetBounds(lo, hi)
}

func (m *txnIter) Next() bool {
	m.valid = m.next()
	return m.valid
}

func (m *txnIter) next() bool {
	if m.closed || m.released || m.err != nil || m.empty {
		return false
	}
	if !m.started {
		m.started = true
		if m.reverse {
			m.snapValid = m.snap.Last()
			m.ws.seekLT(m.hi)
		} else {
			m.snapValid = m.snap.First()
			m.ws.seekGE(m.lo)
		}
		m.wsValid = m.wsInBounds()
	} else {
		if m.ws.stale() {
			// The transaction wrote since the last step and the B-tree
			// changed shape: find the first entry past the current key
			// (before advancing the snapshot, which owns that key's bytes).
			m.repositionWS()
			m.stepWS = false
		}
		if m.stepWS {
			m.advanceWS()
		}
		if m.stepSnap {
			m.advanceSnap()
		}
	}
	m.stepSnap, m.stepWS = false, false
	for {
		if !m.snapValid && !m.wsValid {
			m.err = m.snap.Error()
			return false
		}
		// c < 0: the write-set entry comes first; c > 0: the snapshot's.
		var c int
		switch {
		case !m.snapValid:
			c = -1
		case !m.wsValid:
			c = 1
		default:
			c = bytes.Compare(m.ws.key, m.snap.Key())
			if m.reverse {
				c = -c
			}
		}
		if c > 0 {
			m.key, m.fromWS, m.stepSnap = m.snap.Key(), false, true
			return true
		}
		e := m.ws.entry()
		switch e.state {
		case statePut:
			m.key, m.val, m.fromWS = e.key(), e.value(), true
			m.stepWS, m.stepSnap = true, c == 0
			return true
		case stateDeleted:
			if c == 0 {
				m.advanceSnap()
			}
		}
		m.advanceWS() // a tombstone, or an absent entry letting the snapshot through
	}
}

func (m *txnIter) advanceSnap() {
	if m.reverse {
		m.snapValid = m.snap.Prev()
	} else {
		m.snapValid = m.snap.Next()
	}
}

func (m *txnIter) advanceWS() {
	if m.reverse {
		m.ws.prev()
	} else {
		m.ws.next()
	}
	m.wsValid = m.wsInBounds()
}

// repositionWS moves the write-set cursor just past the current key.
func (m *txnIter) repositionWS() {
	if m.reverse {
		m.ws.seekLT(m.key)
	} else {
		m.ws.seekGT(m.key)
	}
	m.wsValid = m.wsInBounds()
}

func (m *txnIter) wsInBounds() bool {
	if !m.ws.valid {
		return false
	}
	if m.reverse {
		return bytes.Compare(m.ws.key, m.lo) >= 0
	}
	return bytes.Compare(m.ws.key, m.hi) < 0
}

// Key and Value return nil unless positioned by a successful Next.
func (m *txnIter) Key() []byte {
	if !m.valid {
		return nil
	}
	return m.key[m.plen:]
}

func (m *txnIter) Value() []byte {
	if !m.valid {
		return nil
	}
	if m.fromWS {
		return m.val
	}
	v, err := m.snap.ValueAndErr()
	if err != nil && m.err == nil {
		m.err = err
	}
	return v
}

func (m *txnIter) Err() error { return m.err }

func (m *txnIter) Close() error {
	if m.closed {
		return nil
	}
	m.closed, m.valid = true, false
	if m.released {
		return nil
	}
	m.t.untrackIter(m)
	return m.closeSnap()
}

// closeSnap gives the Pebble iterator back to its snapshot's pool, or
// closes it.
func (m *txnIter) closeSnap() error {
	if m.pool != nil {
		return m.pool.putIter(m.snap)
	}
	return m.snap.Close()
}

// release closes the Pebble iterator when the transaction ends; the
// iterator then reports no more entries.
func (m *txnIter) release() {
	if !m.released && !m.closed {
		m.released, m.valid = true, false
		_ = m.closeSnap()
	}
}
