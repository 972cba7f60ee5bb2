package storage

import (
	"sync"

	"github.com/cockroachdb/pebble/v2"
)

// iterPool keeps the Pebble iterators of a shared snapshot that its
// transactions have closed, so the next transaction reading the same
// snapshot rebinds one (SetBounds) instead of building a new one.
//
// Why: a short read-only transaction (an autocommit query) opens a few
// iterators (an index scan, the row fetches of a join's sides) and closes
// them at once. Building a Pebble iterator assembles a merging iterator over
// every memtable and level, and closing one tears it down; for an indexed
// join that was about a tenth of the query. Transactions that share a
// snapshot (snapshots.go) read the same committed state, so an iterator one
// of them closed reads exactly what a new one would.
//
// Soundness: an iterator of a Pebble snapshot sees the snapshot's sequence
// number only, whatever happens to the database later; it pins the
// memtables and tables it was built over, so nothing it reads goes away.
// Only iterators of the snapshot itself are pooled (never ones reading the
// live database under the write lock), and only while they report no
// error. SetBounds copies the bounds and unpositions the iterator; every
// user positions it absolutely before reading (First, Last, SeekPrefixGE).
//
// Lifetime: a transaction returns its iterators (Close, or the
// transaction's end) before it releases its snapshot reference, so a
// snapshot is never closed while an iterator of it is in use; closing the
// snapshot closes its idle iterators first. An idle current snapshot
// therefore also pins the memtables and tables of its idle iterators' read
// state, until the first read after the next commit closes it (or Close).
type iterPool struct {
	mu     sync.Mutex
	idle   []*pebble.Iterator
	closed bool
}

// maxIdleIters bounds the idle iterators kept per snapshot: enough for a
// few concurrent readers' scans and lookups.
const maxIdleIters = 8

// newIter returns an iterator of s bounded by [lo, hi): an idle one
// rebound, else a new one.
func (s *sharedSnapshot) newIter(lo, hi []byte) (*pebble.Iterator, error) {
	p := &s.pool
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		it := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		it.SetBounds(lo, hi)
		return it, nil
	}
	p.mu.Unlock()
	return s.snap.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
}

// putIter gives back an iterator from newIter: kept for reuse when healthy
// and there is room, else closed.
func (s *sharedSnapshot) putIter(it *pebble.Iterator) error {
	if it.Error() == nil {
		p := &s.pool
		p.mu.Lock()
		if !p.closed && len(p.idle) < maxIdleIters {
			p.idle = append(p.idle, it)
			p.mu.Unlock()
			return nil
		}
		p.mu.Unlock()
	}
	return it.Close()
}

// close closes the idle iterators, then the snapshot (its last reference
// is gone).
func (s *sharedSnapshot) close() {
	p := &s.pool
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, it := range idle {
		_ = it.Close()
	}
	_ = s.snap.Close()
}

// idleIters reports how many iterators s keeps (tests).
func (s *sharedSnapshot) idleIters() int {
	s.pool.mu.Lock()
	defer s.pool.mu.Unlock()
	return len(s.pool.idle)
}
