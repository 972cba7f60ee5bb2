package storage

import (
	"sync"

	"github.com/cockroachdb/pebble/v2"
)

// sharedSnapshot is a Pebble snapshot shared by every transaction that
// starts reading while no commit happens in between. Creating and closing
// a Pebble snapshot each take Pebble's database mutex, and closing the
// oldest one runs a compaction-picking pass: for short read-only
// transactions (an autocommit point select) that was the largest single
// cost. Two transactions that read the commit counter at the same value
// see the same committed state, so they may read one snapshot.
type sharedSnapshot struct {
	snap *pebble.Snapshot
	seq  uint64 // db.commitSeq read before the snapshot was taken
	refs int    // transactions reading it; guarded by snapshotCache.mu

	// pool keeps the iterators its readers closed, for reuse (iterpool.go).
	pool iterPool
}

// snapshotCache holds the newest shared snapshot. A snapshot is closed when
// its last reader releases it, unless it is still current (no commit since),
// in which case it stays for the next reader. A current snapshot left idle
// is closed by the next acquire after a commit, or by Close; so an idle
// snapshot pins at most the versions overwritten by commits since the last
// transaction began.
type snapshotCache struct {
	mu  sync.Mutex
	cur *sharedSnapshot
}

// acquireSnapshot returns a snapshot of the committed state (shared when
// nothing committed since the current one was taken) and one reference to it.
// The commit counter is read before a new snapshot is taken, so a commit
// racing with it can only make the recorded counter too old (a spurious
// stale report later), never too new (a missed one).
func (db *DB) acquireSnapshot() *sharedSnapshot {
	c := &db.snaps
	c.mu.Lock()
	defer c.mu.Unlock()
	seq := db.commitSeq.Load()
	if s := c.cur; s != nil {
		if s.seq == seq {
			s.refs++
			return s
		}
		c.cur = nil
		if s.refs == 0 {
			s.close()
		}
	}
	s := &sharedSnapshot{snap: db.pdb.NewSnapshot(), seq: seq, refs: 1}
	c.cur = s
	return s
}

// releaseSnapshot drops one reference to s, closing it when unused and no
// longer current.
func (db *DB) releaseSnapshot(s *sharedSnapshot) {
	c := &db.snaps
	c.mu.Lock()
	defer c.mu.Unlock()
	s.refs--
	if s.refs > 0 {
		return
	}
	if c.cur == s {
		if s.seq == db.commitSeq.Load() {
			return // still current: kept for the next reader
		}
		c.cur = nil
	}
	s.close()
}

// closeSnapshots closes the idle current snapshot (Close, after every
// transaction has finished).
func (db *DB) closeSnapshots() {
	c := &db.snaps
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.cur; s != nil && s.refs == 0 {
		s.close()
	}
	c.cur = nil
}
