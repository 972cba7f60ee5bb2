package storage

import (
	"bytes"

	"github.com/cockroachdb/pebble/v2"
)

// probe answers a transaction's existence checks (txnStore.Has) on one
// store's committed state with one Pebble iterator kept open for the
// transaction, instead of one Pebble Get per check.
//
// Why: a bulk INSERT checks every new primary key for an existing row, in
// ascending key order more often than not. A Get builds and tears down a
// lookup iterator over every memtable and level each time; a kept iterator
// answers an ascending SeekGE at or before its current position, or past
// the end of the store once it is exhausted, without touching the levels
// at all (Pebble treats such a seek as a no-op), and otherwise seeks
// forward by stepping (TrySeekUsingNext).
//
// When: the first check on a store in a transaction, and any check whose
// key is below the previous one, still use Get: a single check (an
// autocommit insert) would pay for creating an iterator it uses once, and a
// random-order check benefits from Get's bloom filters where a seek does
// not. Only a check at or above the previous key uses the iterator.
//
// Soundness: a Pebble iterator reads the state as of its creation. The
// reader is either the transaction's snapshot (immutable) or, for a
// transaction holding the write lock without one, the live database. Every
// write to a table or index store's committed range (a transaction commit,
// a raw store write, a store drop) increments db.commitSeq after it is
// applied; the probe records commitSeq before creating its iterator and
// recreates the iterator when the counter moved, so a check never misses a
// write that completed before it started. The __stats__ store, whose
// records are also written without that counter, never uses a probe.
type probe struct {
	it     *pebble.Iterator
	reader pebble.Reader // what it reads: the snapshot or the live DB
	seq    uint64        // db.commitSeq read before it was created
	last   []byte        // the previous checked physical key
	used   bool          // last holds a key
}

// has reports whether the committed state read by r holds pk, a physical
// key of s.
func (p *probe) has(db *DB, s *store, r pebble.Reader, pk []byte) (bool, error) {
	ascending := p.used && bytes.Compare(pk, p.last) >= 0
	p.last = append(p.last[:0], pk...)
	p.used = true
	if !ascending || s == db.statsStore {
		return hasIn(r, pk)
	}
	live := r == pebble.Reader(db.pdb)
	if p.it != nil && (p.reader != r || live && db.commitSeq.Load() != p.seq) {
		p.close()
	}
	if p.it == nil {
		seq := db.commitSeq.Load()
		it, err := r.NewIter(&pebble.IterOptions{LowerBound: s.prefix, UpperBound: s.end})
		if err != nil {
			return false, err
		}
		p.it, p.reader, p.seq = it, r, seq
	}
	if p.it.SeekGE(pk) {
		return bytes.Equal(p.it.Key(), pk), nil
	}
	return false, p.it.Error()
}

// close releases the iterator (the transaction ends, or it went stale).
func (p *probe) close() {
	if p.it != nil {
		_ = p.it.Close()
		p.it, p.reader = nil, nil
	}
}
