package storage

import (
	"fmt"

	"github.com/cockroachdb/pebble/v2"
)

// txnStore is the transactional view of one store: reads see the
// transaction's snapshot overlaid with its write set; writes go to the
// write set (and need the write lock).
type txnStore struct {
	t *txn
	s *store
	// probe answers Has on committed state (probe.go).
	probe probe
}

// usable reports why the view cannot be read, if it cannot. A store
// dropped after the transaction took its snapshot stays readable (as of
// that snapshot), which keeps a reader's view consistent; without a
// snapshot (not read yet, or reading live under the write lock) it is gone.
func (v *txnStore) usable() error {
	if err := v.t.usable(); err != nil {
		return err
	}
	if at := v.s.droppedAt.Load(); at != 0 && (v.t.snap == nil || v.t.snapSeq >= at) {
		return v.s.errDropped()
	}
	return nil
}

func (v *txnStore) Get(key []byte) ([]byte, bool, error) {
	return copyFound(v.GetAppend(nil, key))
}

func (v *txnStore) Has(key []byte) (bool, error) {
	if err := v.usable(); err != nil {
		return false, err
	}
	t := v.t
	t.keyBuf = v.s.physKey(t.keyBuf, key)
	switch _, state := t.ws.lookup(t.keyBuf); state {
	case statePut:
		return true, nil
	case stateDeleted:
		return false, nil
	}
	return v.probe.has(t.db, v.s, t.reader(), t.keyBuf)
}

func (v *txnStore) writable() error {
	if err := v.t.writable(); err != nil {
		return err
	}
	return v.s.usable()
}

func (v *txnStore) Put(key, val []byte) error {
	if err := v.writable(); err != nil {
		return err
	}
	if err := v.checkBudget(key, val); err != nil {
		return err
	}
	t := v.t
	t.keyBuf = v.s.physKey(t.keyBuf, key)
	t.ws.put(t.keyBuf, val, t.keepUndo())
	return nil
}

// checkBudget checks the per-write and per-transaction size limits.
func (v *txnStore) checkBudget(key, val []byte) error {
	if err := checkSizes(key, val); err != nil {
		return err
	}
	limit := v.t.db.opts.MaxTxnBytes
	if v.t.ws.used()+int64(len(v.s.prefix)+len(key)+len(val)) > limit {
		return fmt.Errorf("storage: transaction too large: its writes would exceed the %d-byte limit (Options.MaxTxnBytes); commit in smaller transactions", limit)
	}
	return nil
}

func (v *txnStore) Delete(key []byte) error {
	if err := v.writable(); err != nil {
		return err
	}
	if err := v.checkBudget(key, nil); err != nil {
		return err
	}
	t := v.t
	t.keyBuf = v.s.physKey(t.keyBuf, key)
	t.ws.del(t.keyBuf, t.keepUndo())
	return nil
}

func (v *txnStore) Iterate(opts IterOptions) (Iterator, error) {
	if err := v.usable(); err != nil {
		return nil, err
	}
	lo, hi, ok := v.s.bounds(opts)
	if !ok {
		return emptyIter{}, nil
	}
	t := v.t
	r := t.reader()
	var pit *pebble.Iterator
	var pool *sharedSnapshot
	var err error
	if t.snap != nil {
		// Reading the (shared) snapshot: reuse an iterator of it (iterpool.go).
		pool = t.shared
		pit, err = pool.newIter(lo, hi)
	} else {
		pit, err = r.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	}
	if err != nil {
		return nil, err
	}
	it := &txnIter{t: t, snap: pit, pool: pool, ws: t.ws.iter(), lo: lo, hi: hi, plen: len(v.s.prefix), reverse: opts.Reverse}
	if t.iters == nil {
		t.iters = t.iterArr[:0]
	}
	t.iters = append(t.iters, it)
	return it, nil
}

// Batch returns a batch whose Commit applies its writes to the transaction
// (not to Pebble: the transaction's Commit does that).
func (v *txnStore) Batch() WriteBatch { return &txnBatch{v: v} }

// Close is a no-op; the view lives as long as its transaction.
func (v *txnStore) Close() error { return nil }

// txnBatch collects writes and applies them to the transaction's write set.
type txnBatch struct {
	v *txnStore
	batchOps
}

func (b *txnBatch) Commit() error {
	if err := b.v.writable(); err != nil {
		return err
	}
	var total int64
	for _, op := range b.ops {
		if err := checkSizes(op.key, op.val); err != nil {
			return err
		}
		total += int64(len(b.v.s.prefix) + len(op.key) + len(op.val))
	}
	if limit := b.v.t.db.opts.MaxTxnBytes; b.v.t.ws.used()+total > limit {
		return fmt.Errorf("storage: transaction too large: the batch would exceed the %d-byte limit (Options.MaxTxnBytes)", limit)
	}
	for _, op := range b.ops {
		if op.del {
			_ = b.v.Delete(op.key)
		} else {
			_ = b.v.Put(op.key, op.val)
		}
	}
	b.ops = nil
	return nil
}

// errStore fails every operation with err.
type errStore struct{ err error }

func (e errStore) Get([]byte) ([]byte, bool, error)      { return nil, false, e.err }
func (e errStore) Has([]byte) (bool, error)              { return false, e.err }
func (e errStore) Put(_, _ []byte) error                 { return e.err }
func (e errStore) Delete([]byte) error                   { return e.err }
func (e errStore) Iterate(IterOptions) (Iterator, error) { return nil, e.err }
func (e errStore) Batch() WriteBatch                     { return errBatch(e) }
func (e errStore) Close() error                          { return nil }

type errBatch struct{ err error }

func (errBatch) Put(_, _ []byte) {}
func (errBatch) Delete([]byte)   {}
func (b errBatch) Commit() error { return b.err }
