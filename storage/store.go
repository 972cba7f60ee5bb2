package storage

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
)

// Size limits on keys and values (bad input gets a clear error, not a
// Pebble failure or an unbounded allocation).
const (
	MaxKeySize   = 1 << 20   // 1 MiB
	MaxValueSize = 256 << 20 // 256 MiB
)

// store is one logical store: a handle on the key range of its store id.
// It is the raw KVStore view (reads and writes committed state directly);
// Txn.Store wraps it in a transactional view. The provider hands out one
// handle per live store; renaming keeps the handle (and its id), dropping
// invalidates it.
type store struct {
	db     *DB
	id     uint64
	prefix []byte // storePrefix(id)
	end    []byte // prefixEnd(prefix)

	// owner is nil for __stats__ and __catalog__; it changes on rename
	// (guarded by the directory mutex).
	owner *storeOwner
	name  atomic.Pointer[string]
	// droppedAt is the commit counter value right after the store was
	// dropped (0 while live): transactions whose snapshot is older may
	// still read it.
	droppedAt atomic.Uint64
}

func newStore(db *DB, id uint64, name string, owner *storeOwner) *store {
	p := storePrefix(id)
	s := &store{db: db, id: id, prefix: p, end: prefixEnd(p), owner: owner}
	s.name.Store(&name)
	return s
}

// Name is the store's current physical name.
func (s *store) Name() string { return *s.name.Load() }

// physKey appends the store prefix and key to dst.
func (s *store) physKey(dst, key []byte) []byte {
	dst = append(dst[:0], s.prefix...)
	return append(dst, key...)
}

// usable reports why the store cannot be used, if it cannot.
func (s *store) usable() error {
	if s.db.closed.Load() {
		return errClosed
	}
	if s.droppedAt.Load() != 0 {
		return s.errDropped()
	}
	return nil
}

func (s *store) errDropped() error {
	return fmt.Errorf("storage: store %s has been dropped", s.Name())
}

// writable reports why the store cannot be written directly, if it cannot.
func (s *store) writable() error {
	if err := s.usable(); err != nil {
		return err
	}
	if s.db.opts.ReadOnly {
		return fmt.Errorf("%w (store %s)", ErrReadOnly, s.Name())
	}
	return nil
}

var errClosed = errors.New("storage: database is closed")

func checkSizes(key, val []byte) error {
	if len(key) > MaxKeySize {
		return fmt.Errorf("storage: key of %d bytes exceeds the %d-byte limit", len(key), MaxKeySize)
	}
	if len(val) > MaxValueSize {
		return fmt.Errorf("storage: value of %d bytes exceeds the %d-byte limit", len(val), MaxValueSize)
	}
	return nil
}

// getFrom reads a physical key from r, returning a copy of the value.
func getFrom(r pebble.Reader, pk []byte) ([]byte, bool, error) {
	return copyFound(appendFrom(nil, r, pk))
}

func (s *store) Get(key []byte) ([]byte, bool, error) {
	if err := s.usable(); err != nil {
		return nil, false, err
	}
	return getFrom(s.db.pdb, s.physKey(nil, key))
}

func (s *store) Has(key []byte) (bool, error) {
	if err := s.usable(); err != nil {
		return false, err
	}
	return hasIn(s.db.pdb, s.physKey(nil, key))
}

// hasIn reports whether r holds a physical key.
func hasIn(r pebble.Reader, pk []byte) (bool, error) {
	_, closer, err := r.Get(pk)
	if errors.Is(err, pebble.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, closer.Close()
}

func (s *store) Put(key, val []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := checkSizes(key, val); err != nil {
		return err
	}
	err := s.db.pdb.Set(s.physKey(nil, key), val, s.db.writeOpts)
	s.db.commitSeq.Add(1)
	return err
}

func (s *store) Delete(key []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := checkSizes(key, nil); err != nil {
		return err
	}
	err := s.db.pdb.Delete(s.physKey(nil, key), s.db.writeOpts)
	s.db.commitSeq.Add(1)
	return err
}

// bounds returns the physical bounds of an iteration, and false when the
// range is empty.
func (s *store) bounds(opts IterOptions) (lo, hi []byte, ok bool) {
	lo, hi = s.prefix, s.end
	if opts.Lower != nil {
		lo = s.physKey(nil, opts.Lower)
	}
	if opts.Upper != nil {
		hi = s.physKey(nil, opts.Upper)
	}
	return lo, hi, string(lo) < string(hi)
}

func (s *store) Iterate(opts IterOptions) (Iterator, error) {
	if err := s.usable(); err != nil {
		return nil, err
	}
	lo, hi, ok := s.bounds(opts)
	if !ok {
		return emptyIter{}, nil
	}
	pit, err := s.db.pdb.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, err
	}
	it := &rawIter{db: s.db, it: pit, plen: len(s.prefix), reverse: opts.Reverse}
	if err := s.db.trackIter(it); err != nil {
		_ = pit.Close()
		return nil, err
	}
	return it, nil
}

func (s *store) Batch() WriteBatch { return &rawBatch{s: s} }

// Close is a no-op: all stores share the database's Pebble instance, which
// DB.Close closes. The handle stays usable.
func (s *store) Close() error { return nil }

// rawIter iterates committed state directly.
type rawIter struct {
	db      *DB
	it      *pebble.Iterator
	plen    int
	reverse bool
	started bool
	valid   bool // positioned on an entry
	err     error
	closed  bool
}

func (r *rawIter) Next() bool {
	r.valid = r.next()
	return r.valid
}

func (r *rawIter) next() bool {
	if r.closed {
		return false
	}
	if !r.started {
		r.started = true
		if r.reverse {
			return r.it.Last()
		}
		return r.it.First()
	}
	if r.reverse {
		return r.it.Prev()
	}
	return r.it.Next()
}

// Key and Value return nil unless positioned by a successful Next.
func (r *rawIter) Key() []byte {
	if !r.valid {
		return nil
	}
	return r.it.Key()[r.plen:]
}

func (r *rawIter) Value() []byte {
	if !r.valid {
		return nil
	}
	v, err := r.it.ValueAndErr()
	if err != nil && r.err == nil {
		r.err = err
	}
	return v
}

func (r *rawIter) Err() error {
	if r.err != nil {
		return r.err
	}
	if r.closed {
		return nil
	}
	return r.it.Error()
}

func (r *rawIter) Close() error {
	if r.closed {
		return nil
	}
	r.closed, r.valid = true, false
	r.db.untrackIter(r)
	return r.it.Close()
}

// emptyIter is an iterator over nothing.
type emptyIter struct{}

func (emptyIter) Next() bool    { return false }
func (emptyIter) Key() []byte   { return nil }
func (emptyIter) Value() []byte { return nil }
func (emptyIter) Err() error    { return nil }
func (emptyIter) Close() error  { return nil }

// rawBatch collects writes to one store and commits them as one Pebble batch.
type rawBatch struct {
	s *store
	batchOps
}

// batchOps is a batch's list of writes, in order, holding copies of the
// caller's keys and values; it gives both batch kinds Put and Delete.
type batchOps struct{ ops []batchOp }

type batchOp struct {
	key, val []byte
	del      bool
}

func (b *batchOps) Put(key, val []byte) {
	b.ops = append(b.ops, batchOp{key: append([]byte(nil), key...), val: append([]byte(nil), val...)})
}

func (b *batchOps) Delete(key []byte) {
	b.ops = append(b.ops, batchOp{key: append([]byte(nil), key...), del: true})
}

func (b *rawBatch) Commit() error {
	if err := b.s.writable(); err != nil {
		return err
	}
	pb := b.s.db.pdb.NewBatch()
	defer pb.Close()
	for _, op := range b.ops {
		if err := checkSizes(op.key, op.val); err != nil {
			return err
		}
		var err error
		if op.del {
			err = pb.Delete(b.s.physKey(nil, op.key), nil)
		} else {
			err = pb.Set(b.s.physKey(nil, op.key), op.val, nil)
		}
		if err != nil {
			return err
		}
	}
	b.ops = nil
	err := pb.Commit(b.s.db.writeOpts)
	b.s.db.commitSeq.Add(1)
	return err
}
