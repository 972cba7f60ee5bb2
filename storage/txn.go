package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
)

// txn implements Txn: a Pebble snapshot (taken at the first read or at
// write-lock acquisition) under a write set that buffers the transaction's
// writes until commit. See doc.go.
type txn struct {
	db   *DB
	opts TxOptions
	done bool

	snap    *pebble.Snapshot
	snapSeq uint64          // db.commitSeq when snap was taken
	shared  *sharedSnapshot // snap's reference-counted holder (snapshots.go)
	locked  bool            // holds db.wlock

	ws     writeSet
	marks  []txnMark
	events []Event
	rows   []rowDelta
	hooks  []func() // OnRollback actions
	iters  []*txnIter
	// views are the Store results, reused: a transaction touches few
	// stores, so a linear scan (over viewArr at first) beats a map.
	views   []*txnStore
	viewArr [4]*txnStore
	// view0 is the first view, allocated with the transaction (most
	// autocommit statements touch one store).
	view0  txnStore
	keyBuf []byte // scratch for physical keys of point operations
	// keyArr backs keyBuf at first, so short point operations need no
	// allocation of their own.
	keyArr [64]byte
	// iterArr holds the first open iterators (iters), allocated with the
	// transaction: a query opens a few.
	iterArr [4]*txnIter
}

// newTxn returns a new transaction on db.
func newTxn(db *DB, opts TxOptions) *txn {
	t := &txn{db: db, opts: opts}
	t.keyBuf = t.keyArr[:0]
	return t
}

// txnMark records the lengths of the undo log, event queue, row-count log
// and rollback actions when a savepoint was taken.
type txnMark struct {
	undo, events, rows, hooks int
}

// rowDelta is one AdjustRowCount entry. Consecutive adjustments of the same
// table with no savepoint between them are coalesced, so the log stays
// small however many rows a statement touches.
type rowDelta struct {
	schema, table string
	delta         int64
}

var _ Txn = (*txn)(nil)

// errNoWriteLock is returned by writes made before LockForWrite.
var errNoWriteLock = errors.New("storage: write outside a write transaction: call Txn.LockForWrite first")

func (t *txn) usable() error {
	if t.done {
		return ErrTxDone
	}
	if t.db.closed.Load() {
		return errClosed
	}
	return nil
}

func (t *txn) writable() error {
	if err := t.usable(); err != nil {
		return err
	}
	if t.opts.ReadOnly || t.db.opts.ReadOnly {
		return ErrReadOnly
	}
	if !t.locked {
		return errNoWriteLock
	}
	return nil
}

// reader returns what the transaction reads committed state from. A
// transaction that read before taking the write lock keeps the snapshot it
// took then (LockForWrite has checked that nothing committed since). One
// holding the write lock without a snapshot reads the live database: no
// other transaction can commit until it finishes, so that is the same
// state, without the cost of creating and releasing a Pebble snapshot.
// Otherwise the snapshot is taken now. The commit counter is read before
// the snapshot is taken, so a commit racing with it can only make the
// recorded counter too old (a spurious stale report later), never too new
// (a missed one).
func (t *txn) reader() pebble.Reader {
	if t.snap != nil {
		return t.snap
	}
	if t.locked {
		return t.db.pdb
	}
	t.shared = t.db.acquireSnapshot()
	t.snap, t.snapSeq = t.shared.snap, t.shared.seq
	return t.snap
}

// Store returns the transactional view of s.
func (t *txn) Store(s KVStore) KVStore {
	switch s := s.(type) {
	case *store:
		if s.db == t.db {
			return t.view(s)
		}
	case *txnStore:
		if s.t == t {
			return s
		}
		if s.s.db == t.db {
			return t.view(s.s)
		}
	}
	return errStore{errors.New("storage: Txn.Store: the store does not belong to this transaction's database")}
}

// view returns the transaction's (cached) view of s.
func (t *txn) view(s *store) *txnStore {
	for _, v := range t.views {
		if v.s == s {
			return v
		}
	}
	var v *txnStore
	if t.views == nil {
		t.views = t.viewArr[:0]
		v = &t.view0
		*v = txnStore{t: t, s: s}
	} else {
		v = &txnStore{t: t, s: s}
	}
	t.views = append(t.views, v)
	return v
}

// LockForWrite takes the database write lock.
func (t *txn) LockForWrite(ctx context.Context) error {
	if err := t.usable(); err != nil {
		return err
	}
	if t.opts.ReadOnly || t.db.opts.ReadOnly {
		return ErrReadOnly
	}
	if t.locked {
		return nil
	}
	if err := t.db.wlock.acquire(ctx, t.db.busyTimeout); err != nil {
		return err
	}
	if t.snap != nil && t.db.commitSeq.Load() != t.snapSeq {
		t.db.wlock.release()
		return fmt.Errorf("%w: snapshot is stale; retry the transaction", ErrBusy)
	}
	t.locked = true
	return nil
}

// Savepoint marks the current state.
func (t *txn) Savepoint() Mark {
	if t.done {
		return Mark(-1)
	}
	t.marks = append(t.marks, txnMark{undo: len(t.ws.undo), events: len(t.events), rows: len(t.rows), hooks: len(t.hooks)})
	return Mark(len(t.marks) - 1)
}

func (t *txn) checkMark(m Mark) error {
	if err := t.usable(); err != nil {
		return err
	}
	if m < 0 || int(m) >= len(t.marks) {
		return fmt.Errorf("storage: unknown savepoint mark %d", m)
	}
	return nil
}

// RollbackTo undoes everything after m, which stays valid.
func (t *txn) RollbackTo(m Mark) error {
	if err := t.checkMark(m); err != nil {
		return err
	}
	mk := t.marks[m]
	t.ws.undoTo(mk.undo)
	clear(t.events[mk.events:])
	t.events = t.events[:mk.events]
	t.rows = t.rows[:mk.rows]
	t.runHooks(mk.hooks)
	t.marks = t.marks[:m+1]
	return nil
}

// Release forgets m and every later mark, keeping their work.
func (t *txn) Release(m Mark) error {
	if err := t.checkMark(m); err != nil {
		return err
	}
	released := t.marks[m]
	t.marks = t.marks[:m]
	if len(t.marks) == 0 {
		t.ws.dropUndo()
	}
	// No mark separates the released row-count entries from the ones before
	// them any more: coalesce them, so a transaction of many statements
	// (each under its own mark) keeps one entry per table, not per statement.
	base := 0
	if len(t.marks) > 0 {
		base = t.marks[len(t.marks)-1].rows
	}
	t.coalesceRows(max(base, released.rows-1))
	return nil
}

// coalesceRows merges consecutive row-count entries of one table from
// index from on.
func (t *txn) coalesceRows(from int) {
	if from+1 >= len(t.rows) {
		return
	}
	out := t.rows[:from+1]
	for _, r := range t.rows[from+1:] {
		if last := &out[len(out)-1]; last.schema == r.schema && last.table == r.table {
			last.delta += r.delta
			continue
		}
		out = append(out, r)
	}
	clear(t.rows[len(out):])
	t.rows = out
}

// keepUndo reports whether writes must be recorded for RollbackTo.
func (t *txn) keepUndo() bool { return len(t.marks) > 0 }

// AdjustRowCount records a row-count change applied at commit.
func (t *txn) AdjustRowCount(schema, table string, delta int64) {
	if t.done || delta == 0 {
		return
	}
	if n := len(t.rows); n > 0 && (len(t.marks) == 0 || n > t.marks[len(t.marks)-1].rows) {
		if last := &t.rows[n-1]; last.schema == schema && last.table == table {
			last.delta += delta
			return
		}
	}
	t.rows = append(t.rows, rowDelta{schema: schema, table: table, delta: delta})
}

// OnRollback registers a compensating action.
func (t *txn) OnRollback(fn func()) {
	if t.done || fn == nil {
		return
	}
	t.hooks = append(t.hooks, fn)
}

// runHooks runs the rollback actions registered after the first n, newest
// first, and forgets them.
func (t *txn) runHooks(n int) {
	for i := len(t.hooks) - 1; i >= n; i-- {
		fn := t.hooks[i]
		t.hooks[i] = nil
		t.hooks = t.hooks[:i]
		callListener(fn)
	}
}

// Emit queues an event for delivery after commit.
func (t *txn) Emit(ev Event) {
	if t.done || ev == nil {
		return
	}
	t.events = append(t.events, ev)
}

// rowDeltas sums the row-count log per table.
func (t *txn) rowDeltas() map[string]int64 {
	if len(t.rows) == 0 {
		return nil
	}
	m := make(map[string]int64, 1)
	for _, r := range t.rows {
		m[statsKey(r.schema, r.table)] += r.delta
	}
	for k, v := range m {
		if v == 0 {
			delete(m, k)
		}
	}
	return m
}

// Commit applies the write set as one Pebble batch, then delivers events.
func (t *txn) Commit(ctx context.Context) error {
	if err := t.usable(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		t.finish()
		return fmt.Errorf("storage: commit abandoned, transaction rolled back: %w", err)
	}
	deltas := t.rowDeltas()
	if !t.ws.empty() || len(deltas) > 0 {
		if !t.locked {
			// Only row-count adjustments are pending (writes need the lock).
			if err := t.LockForWrite(ctx); err != nil {
				t.finish()
				return err
			}
		}
		if err := t.db.apply(ctx, &t.ws, deltas); err != nil {
			t.finish()
			return err
		}
	}
	// Queue events while still holding the write lock: commit order.
	t.db.events.enqueue(t.events)
	t.events = nil
	t.hooks = nil
	t.finish()
	t.db.events.drain()
	return nil
}

// Rollback discards the transaction.
func (t *txn) Rollback() error {
	if t.done {
		return nil
	}
	t.finish()
	return nil
}

// finish releases everything the transaction holds and marks it done.
func (t *txn) finish() {
	if t.done {
		return
	}
	t.done = true
	t.runHooks(0)
	for _, it := range t.iters {
		it.release()
	}
	t.iters = nil
	clear(t.iterArr[:])
	for _, v := range t.views {
		v.probe.close()
	}
	if t.shared != nil {
		t.db.releaseSnapshot(t.shared)
		t.snap, t.shared = nil, nil
	}
	if t.locked {
		t.locked = false
		t.db.wlock.release()
	}
	t.ws = writeSet{}
	t.marks, t.events, t.rows, t.hooks = nil, nil, nil, nil
	t.db.untrackTxn(t)
}

func (t *txn) untrackIter(it *txnIter) {
	for i, x := range t.iters {
		if x == it {
			last := len(t.iters) - 1
			t.iters[i] = t.iters[last]
			t.iters[last] = nil
			t.iters = t.iters[:last]
			return
		}
	}
}
