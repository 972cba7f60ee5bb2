package storage

import (
	"context"
	"encoding/binary"
	"fmt"
)

// commitCtxCheckEvery is how many write-set entries the commit copies into
// the batch between checks of the context.
const commitCtxCheckEvery = 4096

// batchRecordSlack covers what Pebble reserves beyond a record's exact size
// while writing it (a kind byte and two maximal uvarint32 lengths).
const batchRecordSlack = 1 + 2*binary.MaxVarintLen32

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
	// The statistics records, when due, go first: the __stats__ store sorts
	// before every other store the write set can hold, so the batch is
	// built in key order (the write set follows in key order). Pebble sorts
	// a batch too large for the memtable by key, and an already sorted one
	// takes it a single linear pass. Planning them first also sizes the
	// batch exactly, so it never grows (a copy of the whole batch).
	sb := db.pdb.NewBatch()
	defer sb.Close()
	flushed, err := db.stats.planCommit(sb, db.statsStore, deltas, false)
	if err != nil {
		return err
	}
	if !sb.Empty() {
		size += sb.Len() - 12
	}
	// Pebble reserves room for the largest length varints before writing
	// each record and doubles the batch (copying it) when that reservation
	// does not fit, so the last record needs that slack beyond the exact
	// size: without it a big commit allocated and copied twice its size.
	b := db.pdb.NewBatchWithSize(size + batchRecordSlack)
	defer b.Close()
	if !sb.Empty() {
		if err := b.Apply(sb, nil); err != nil {
			return err
		}
	}

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
