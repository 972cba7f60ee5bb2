package storage

// writeSet is a transaction's buffered writes: an ordered map from full
// physical key (store prefix + logical key) to a value or a tombstone,
// plus an undo log for savepoints.
//
// Memory: key and value bytes are copied into an arena (one slice per
// write, carved from large chunks); the B-tree stores 24-byte entries
// inline in its nodes, naming their bytes by arena position and holding
// the key's first 8 bytes (no pointers, so the garbage collector does not
// scan them, and most key comparisons never read the arena); the undo log
// stores one 24-byte entry per write made while a savepoint is active. A
// write costs about len(key)+len(value)+40..80 bytes, so a million
// 10-byte-key, 100-byte-value rows fit in a few hundred MiB (see
// TestLargeTransactionMemory and BenchmarkLargeTxn).
type writeSet struct {
	tree btree // holds the arena its entries point into
	// undo holds, for every write made while a savepoint mark is active, the
	// entry as it was before that write (stateAbsent for a new key).
	undo []wsEntry
}

// entryState is the state of one write-set entry.
type entryState uint8

const (
	// stateAbsent: no write (reads fall through to the snapshot). Entries
	// return to this state when the write that created them is undone.
	stateAbsent entryState = iota
	statePut
	stateDeleted
)

// wsEntry is one key's state: the key followed by the value at pos in the
// write set's arena. 24 bytes, no pointers: the key length (at most
// MaxKeySize plus a store prefix, far below 2^30) shares its word with the
// state.
type wsEntry struct {
	pfx  uint64 // keyPrefix(key): settles most comparisons inline
	pos  apos
	ks   uint32 // key length | state << ksStateShift
	vlen uint32
}

const ksStateShift = 30

func makeEntry(key []byte, pos apos, vlen int, state entryState) wsEntry {
	return wsEntry{pfx: keyPrefix(key), pos: pos, ks: uint32(len(key)) | uint32(state)<<ksStateShift, vlen: uint32(vlen)}
}

func (e *wsEntry) klen() uint32      { return e.ks & (1<<ksStateShift - 1) }
func (e *wsEntry) state() entryState { return entryState(e.ks >> ksStateShift) }

// wsView is an entry with its bytes resolved: kv is the key followed by
// the value.
type wsView struct {
	kv    []byte
	klen  uint32
	state entryState
}

func (e wsView) key() []byte   { return e.kv[:e.klen] }
func (e wsView) value() []byte { return e.kv[e.klen:] }

// lookup returns the buffered state of key: stateAbsent when the write set
// says nothing about it.
func (w *writeSet) lookup(key []byte) (val []byte, state entryState) {
	e := w.tree.find(key)
	if e == nil {
		return nil, stateAbsent
	}
	return w.tree.valueOf(e), e.state()
}

// used is the number of key and value bytes buffered (the budget measure).
func (w *writeSet) used() int64 { return w.tree.arena.used }

// put buffers key=val; keepUndo records the previous state for RollbackTo.
func (w *writeSet) put(key, val []byte, keepUndo bool) {
	w.write(key, val, statePut, keepUndo)
}

// del buffers a tombstone for key.
func (w *writeSet) del(key []byte, keepUndo bool) {
	w.write(key, nil, stateDeleted, keepUndo)
}

func (w *writeSet) write(key, val []byte, state entryState, keepUndo bool) {
	e, existed := w.tree.upsert(key)
	var pos apos
	switch {
	case state == statePut || !existed:
		pos = w.tree.arena.concat(key, val)
	default: // a tombstone over an existing entry reuses its key bytes
		pos = e.pos
	}
	if keepUndo {
		prev := *e
		if !existed {
			prev = makeEntry(key, pos, 0, stateAbsent)
		}
		w.undo = append(w.undo, prev)
	}
	*e = makeEntry(key, pos, len(val), state)
}

// undoTo restores every entry changed by the writes recorded after the
// first n undo records.
func (w *writeSet) undoTo(n int) {
	for i := len(w.undo) - 1; i >= n; i-- {
		rec := w.undo[i]
		if e := w.tree.find(w.tree.keyOf(&rec)); e != nil {
			*e = rec
		}
	}
	clear(w.undo[n:])
	w.undo = w.undo[:n]
}

// maxKeptUndo is the largest undo log whose array dropUndo keeps for reuse:
// a transaction of many small statements (each under its own mark) then
// allocates no undo log per statement, and one huge statement does not pin
// its log's memory for the rest of the transaction.
const maxKeptUndo = 1024

// dropUndo forgets the undo log (no savepoint is active any more).
func (w *writeSet) dropUndo() {
	if cap(w.undo) > maxKeptUndo {
		w.undo = nil
		return
	}
	clear(w.undo)
	w.undo = w.undo[:0]
}

// empty reports whether the write set holds no entries at all.
func (w *writeSet) empty() bool { return w.tree.length == 0 }

// iter returns an iterator over the write set.
func (w *writeSet) iter() btIter { return btIter{t: &w.tree} }
