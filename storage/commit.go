package storage

import (
	"context"
	"encoding/binary"
	"fmt"
)

// commitCtxCheckEvery is how many write-set entries the commit copies into
// the batch between checks of the context.
const commitCtxCheckEvery = 4096

// apply writes a committing transaction's write set (and, when due, the
// statistics) as one Pebble batch. The caller holds the write lock. Writes
// to stores dropped since they were buffered are skipped: their key ranges
// are gone and their ids are never reused. Holding ddlMu, no store can be
// dropped while the batch is built.
func (db *DB) apply(ctx context.Context, ws *writeSet, deltas map[string]int64) error {
	db.ddlMu.Lock()
	defer db.ddlMu.Unlock()

	// Size the batch exactly (one allocation): per entry a kind byte, the
	// uvarint key length, the key, and for a put the uvarint value length
	// and the value; plus Pebble's 12-byte header.
	size := 12
	it := ws.iter()
	for it.first(); it.valid; it.next() {
		e := it.entry()
		switch e.state {
		case statePut:
			v := len(e.kv) - int(e.klen)
			size += 1 + uvarintLen(uint64(e.klen)) + int(e.klen) + uvarintLen(uint64(v)) + v
		case stateDeleted:
			size += 1 + uvarintLen(uint64(e.klen)) + int(e.klen)
		}
	}
	b := db.pdb.NewBatchWithSize(size)
	defer b.Close()

	var lastID uint64
	var live bool
	n := 0
	for it.first(); it.valid; it.next() {
		e := it.entry()
		if e.state == stateAbsent {
			continue
		}
		key := e.key()
		id, w := binary.Uvarint(key)
		if w <= 0 {
			return fmt.Errorf("storage: internal error: write-set key %x lacks a store prefix", key)
		}
		if n == 0 || id != lastID {
			lastID, live = id, db.dir.isLive(id)
		}
		n++
		if n%commitCtxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("storage: commit abandoned, transaction rolled back: %w", err)
			}
		}
		if !live {
			continue
		}
		var err error
		if e.state == statePut {
			err = b.Set(key, e.value(), nil)
		} else {
			err = b.Delete(key, nil)
		}
		if err != nil {
			return err
		}
	}

	// The batch now holds everything: free the write set before Pebble
	// copies the batch again (WAL, memtable), lowering a big commit's peak.
	// A failed commit rolls the transaction back, so nothing is lost.
	*ws = writeSet{}

	flushed, err := db.stats.planCommit(b, db.statsStore, deltas, false)
	if err != nil {
		return err
	}
	if !b.Empty() {
		if err := b.Commit(db.writeOpts); err != nil {
			return fmt.Errorf("storage: commit: %w", err)
		}
		db.commitSeq.Add(1)
	}
	db.stats.applyCommit(deltas, flushed)
	return nil
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
