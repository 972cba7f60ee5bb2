package storage

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommitIsAtomicAcrossStores(t *testing.T) {
	db := openMem(t)
	users := tableStore(t, db, "main", "users")
	orders := tableStore(t, db, "main", "orders")
	idx, err := db.Provider().GetIndexStore("main", "users", "email")
	require.NoError(t, err)

	tx := writeTxn(t, db)
	put(t, tx.Store(users), "u1", "alice")
	put(t, tx.Store(orders), "o1", "order")
	put(t, tx.Store(idx), "a@x", "")

	// Nothing is visible outside before commit.
	_, found := get(t, users, "u1")
	assert.False(t, found)
	_, found = get(t, orders, "o1")
	assert.False(t, found)

	commit(t, tx)
	v, found := get(t, users, "u1")
	assert.True(t, found)
	assert.Equal(t, "alice", v)
	v, found = get(t, orders, "o1")
	assert.True(t, found)
	assert.Equal(t, "order", v)
	_, found = get(t, idx, "a@x")
	assert.True(t, found)
	// Stores are disjoint key ranges.
	_, found = get(t, orders, "u1")
	assert.False(t, found)
}

func TestRollbackDiscardsWrites(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "v")
	v, found := get(t, tx.Store(s), "k")
	require.True(t, found)
	require.Equal(t, "v", v)
	require.NoError(t, tx.Rollback())
	_, found = get(t, s, "k")
	assert.False(t, found)
	require.NoError(t, tx.Rollback(), "rolling back twice is a no-op")
	assert.ErrorIs(t, tx.Commit(context.Background()), ErrTxDone)
	_, _, err := tx.Store(s).Get([]byte("k"))
	assert.ErrorIs(t, err, ErrTxDone)

	// The lock was released: another writer can start at once.
	tx2 := writeTxn(t, db)
	require.NoError(t, tx2.Rollback())
}

func TestTxnReadsOwnWritesAndDeletes(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "a", "1")
	put(t, tx.Store(s), "b", "2")
	commit(t, tx)

	tx = writeTxn(t, db)
	v := tx.Store(s)
	del(t, v, "a")
	put(t, v, "b", "22")
	put(t, v, "c", "3")
	_, found := get(t, v, "a")
	assert.False(t, found)
	has, err := v.Has([]byte("a"))
	require.NoError(t, err)
	assert.False(t, has)
	has, err = v.Has([]byte("b"))
	require.NoError(t, err)
	assert.True(t, has)
	assert.Equal(t, []kv{{"b", "22"}, {"c", "3"}}, scan(t, v, IterOptions{}))
	assert.Equal(t, []kv{{"c", "3"}, {"b", "22"}}, scan(t, v, IterOptions{Reverse: true}))
	commit(t, tx)
	assert.Equal(t, []kv{{"b", "22"}, {"c", "3"}}, scan(t, s, IterOptions{}))
}

func TestWriteNeedsLockAndReadOnlyRefusesWrites(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := readTxn(t, db)
	err := tx.Store(s).Put([]byte("k"), []byte("v"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "LockForWrite")
	require.NoError(t, tx.Rollback())

	ro, err := db.Begin(context.Background(), TxOptions{ReadOnly: true})
	require.NoError(t, err)
	assert.ErrorIs(t, ro.LockForWrite(context.Background()), ErrReadOnly)
	assert.ErrorIs(t, ro.Store(s).Put([]byte("k"), []byte("v")), ErrReadOnly)
	require.NoError(t, ro.Rollback())

	_, err = db.Begin(context.Background(), TxOptions{ReadOnly: true, Immediate: true})
	assert.ErrorIs(t, err, ErrReadOnly)
}

func TestSavepointsRestoreExactly(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	var got []DataChangeEvent
	db.OnDataChange(func(ev DataChangeEvent) { got = append(got, ev) })

	tx := writeTxn(t, db)
	v := tx.Store(s)
	put(t, v, "a", "1")
	tx.AdjustRowCount("main", "t", 1)
	tx.Emit(DataChangeEvent{Type: Insert, SchemaName: "main", TableName: "t"})
	m1 := tx.Savepoint()
	put(t, v, "a", "1b")
	put(t, v, "b", "2")
	tx.AdjustRowCount("main", "t", 1)
	tx.Emit(DataChangeEvent{Type: Update, SchemaName: "main", TableName: "t"})
	m2 := tx.Savepoint()
	del(t, v, "a")
	put(t, v, "c", "3")
	tx.AdjustRowCount("main", "t", 1)
	tx.Emit(DataChangeEvent{Type: Delete, SchemaName: "main", TableName: "t"})
	assert.Equal(t, []kv{{"b", "2"}, {"c", "3"}}, scan(t, v, IterOptions{}))

	require.NoError(t, tx.RollbackTo(m2))
	assert.Equal(t, []kv{{"a", "1b"}, {"b", "2"}}, scan(t, v, IterOptions{}))
	// m2 stays valid after RollbackTo.
	put(t, v, "d", "4")
	require.NoError(t, tx.RollbackTo(m2))
	assert.Equal(t, []kv{{"a", "1b"}, {"b", "2"}}, scan(t, v, IterOptions{}))

	require.NoError(t, tx.RollbackTo(m1))
	assert.Equal(t, []kv{{"a", "1"}}, scan(t, v, IterOptions{}))
	assert.Error(t, tx.RollbackTo(m2), "marks after the target are gone")

	m3 := tx.Savepoint()
	put(t, v, "e", "5")
	tx.AdjustRowCount("main", "t", 1)
	require.NoError(t, tx.Release(m3))
	assert.Error(t, tx.RollbackTo(m3), "released marks are gone")
	commit(t, tx)

	assert.Equal(t, []kv{{"a", "1"}, {"e", "5"}}, scan(t, s, IterOptions{}))
	n, ok := db.RowCount("main", "t")
	require.True(t, ok)
	assert.Equal(t, int64(2), n)
	require.Len(t, got, 1)
	assert.Equal(t, Insert, got[0].Type)
}

func TestSnapshotIsolation(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "old")
	commit(t, tx)

	reader := readTxn(t, db)
	v, _ := get(t, reader.Store(s), "k") // takes the snapshot
	require.Equal(t, "old", v)

	writer := writeTxn(t, db)
	for i := 0; i < 100; i++ {
		put(t, writer.Store(s), "k", "new")
		put(t, writer.Store(s), string(rune('a'+i%26))+"x", "w")
	}
	// Readers never see uncommitted writes, and don't wait for the writer.
	other := readTxn(t, db)
	v, _ = get(t, other.Store(s), "k")
	assert.Equal(t, "old", v)
	assert.Equal(t, []kv{{"k", "old"}}, scan(t, other.Store(s), IterOptions{}))
	commit(t, writer)

	// The old reader still sees its snapshot; a new one sees the commit.
	v, _ = get(t, reader.Store(s), "k")
	assert.Equal(t, "old", v)
	assert.Equal(t, []kv{{"k", "old"}}, scan(t, reader.Store(s), IterOptions{}))
	fresh := readTxn(t, db)
	v, _ = get(t, fresh.Store(s), "k")
	assert.Equal(t, "new", v)
	for _, tx := range []Txn{reader, other, fresh} {
		require.NoError(t, tx.Rollback())
	}
}

func TestStaleSnapshotDetected(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	deferred := readTxn(t, db)
	_, _ = get(t, deferred.Store(s), "k") // snapshot taken

	w := writeTxn(t, db)
	put(t, w.Store(s), "k", "v")
	commit(t, w)

	err := deferred.LockForWrite(context.Background())
	require.ErrorIs(t, err, ErrBusy)
	assert.Contains(t, err.Error(), "database is busy")
	assert.Contains(t, err.Error(), "snapshot is stale; retry the transaction")
	require.NoError(t, deferred.Rollback())

	// A transaction that has not read yet takes its snapshot at lock time.
	late := readTxn(t, db)
	w = writeTxn(t, db)
	put(t, w.Store(s), "k", "v2")
	commit(t, w)
	require.NoError(t, late.LockForWrite(context.Background()))
	v, _ := get(t, late.Store(s), "k")
	assert.Equal(t, "v2", v)
	require.NoError(t, late.Rollback())
}

func TestWriteLockBusyTimeoutAndCancellation(t *testing.T) {
	db := openMem(t, func(o *Options) { o.BusyTimeout = 50 * 1e6 })
	holder := writeTxn(t, db)

	waiter := readTxn(t, db)
	err := waiter.LockForWrite(context.Background())
	require.ErrorIs(t, err, ErrBusy)
	assert.Contains(t, err.Error(), "database is busy")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = waiter.LockForWrite(ctx)
	require.ErrorIs(t, err, context.Canceled)
	assert.False(t, errors.Is(err, ErrBusy))

	_, err = db.Begin(ctx, TxOptions{Immediate: true})
	require.ErrorIs(t, err, context.Canceled)

	require.NoError(t, holder.Rollback())
	require.NoError(t, waiter.LockForWrite(context.Background()))
	require.NoError(t, waiter.Rollback())
}

func TestOnRollbackCompensates(t *testing.T) {
	db := openMem(t)
	p := db.Provider()
	s := tableStore(t, db, "main", "a")
	fill(t, db, s, 2)

	var log []string
	rename := func(tx Txn, from, to string) {
		require.NoError(t, p.RenameTableStores("main", from, to, nil))
		tx.OnRollback(func() {
			log = append(log, "undo "+from+"->"+to)
			require.NoError(t, p.RenameTableStores("main", to, from, nil))
		})
	}

	// Rollback undoes both renames, newest first.
	tx := writeTxn(t, db)
	rename(tx, "a", "b")
	rename(tx, "b", "c")
	require.NoError(t, tx.Rollback())
	assert.Equal(t, []string{"undo b->c", "undo a->b"}, log)
	assert.Equal(t, "main.a", s.(*store).Name())

	// RollbackTo runs only the actions registered after the mark.
	log = nil
	tx = writeTxn(t, db)
	rename(tx, "a", "b")
	m := tx.Savepoint()
	rename(tx, "b", "c")
	tx.OnRollback(func() { panic("contained") })
	require.NoError(t, tx.RollbackTo(m))
	assert.Equal(t, []string{"undo b->c"}, log)
	assert.Equal(t, "main.b", s.(*store).Name())

	// A successful commit discards the actions.
	commit(t, tx)
	assert.Equal(t, []string{"undo b->c"}, log)
	assert.Equal(t, "main.b", s.(*store).Name())

	// Close rolls back open transactions, running their actions.
	tx = writeTxn(t, db)
	rename(tx, "b", "z")
	require.NoError(t, db.Close())
	assert.Equal(t, []string{"undo b->c", "undo b->z"}, log)
	assert.Equal(t, "main.b", s.(*store).Name())
}

func TestStoreFromAnotherDatabaseIsRefused(t *testing.T) {
	a, b := openMem(t), openMem(t)
	foreign := tableStore(t, b, "main", "t")
	tx := writeTxn(t, a)
	defer tx.Rollback()
	v := tx.Store(foreign)
	_, _, err := v.Get([]byte("k"))
	assert.ErrorContains(t, err, "does not belong")
	assert.ErrorContains(t, v.Put([]byte("k"), nil), "does not belong")
	_, err = v.Iterate(IterOptions{})
	assert.Error(t, err)
	assert.Error(t, v.Batch().Commit())

	own := tableStore(t, a, "main", "t")
	assert.Same(t, tx.Store(own), tx.Store(own), "views are reused")
	assert.Same(t, tx.Store(own), tx.Store(tx.Store(own)))
}

func TestCancelledCommitRollsBack(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "v")
	tx.AdjustRowCount("main", "t", 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := tx.Commit(ctx)
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "rolled back")
	_, found := get(t, s, "k")
	assert.False(t, found)
	n, _ := db.RowCount("main", "t")
	assert.Equal(t, int64(0), n)
	assert.ErrorIs(t, tx.Commit(context.Background()), ErrTxDone)
	assert.ErrorIs(t, tx.LockForWrite(context.Background()), ErrTxDone)
	assert.ErrorIs(t, tx.Store(s).Put([]byte("k"), nil), ErrTxDone)

	next := writeTxn(t, db) // the lock was released
	commit(t, next)
	assert.NoError(t, next.Rollback(), "rollback after commit is a no-op")
}

func TestClosedDatabaseRefusesWork(t *testing.T) {
	db, err := Open(Options{})
	require.NoError(t, err)
	s := tableStore(t, db, "main", "t")
	open := writeTxn(t, db)
	put(t, open.Store(s), "k", "v")
	it, err := s.Iterate(IterOptions{})
	require.NoError(t, err)
	require.NoError(t, db.Close())
	require.NoError(t, db.Close(), "closing twice is a no-op")

	assert.False(t, it.Next())
	require.NoError(t, it.Close())
	assert.ErrorIs(t, open.Commit(context.Background()), ErrTxDone, "open transactions were rolled back")
	_, _, err = s.Get([]byte("k"))
	assert.ErrorContains(t, err, "closed")
	_, err = db.Begin(context.Background(), TxOptions{})
	assert.ErrorContains(t, err, "closed")
	_, err = db.Provider().GetStore("main", "u")
	assert.ErrorContains(t, err, "closed")
}

func TestTransactionSizeLimit(t *testing.T) {
	db := openMem(t, func(o *Options) { o.MaxTxnBytes = 1000 })
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	v := tx.Store(s)
	val := make([]byte, 90)
	n := 0
	var err error
	for ; n < 100; n++ {
		if err = v.Put([]byte{byte(n)}, val); err != nil {
			break
		}
	}
	require.Error(t, err)
	assert.Contains(t, err.Error(), "transaction too large")
	assert.Equal(t, 10, n, "ten 92-byte writes fit in 1000 bytes")
	b := v.Batch()
	b.Put([]byte("x"), val)
	assert.ErrorContains(t, b.Commit(), "transaction too large")
	assert.Len(t, scan(t, v, IterOptions{}), 10, "refused writes change nothing")
	commit(t, tx)
	assert.Len(t, scan(t, s, IterOptions{}), 10)

	_, err = Open(Options{MaxTxnBytes: -1})
	assert.Error(t, err)
}

func TestIteratorMisuseDoesNotPanic(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	put(t, s, "k", "v")
	tx := writeTxn(t, db)
	defer tx.Rollback()
	for _, st := range []KVStore{s, tx.Store(s)} {
		it, err := st.Iterate(IterOptions{})
		require.NoError(t, err)
		assert.Nil(t, it.Key(), "before Next")
		assert.Nil(t, it.Value())
		require.True(t, it.Next())
		assert.Equal(t, "k", string(it.Key()))
		require.False(t, it.Next())
		assert.Nil(t, it.Key(), "after the end")
		require.NoError(t, it.Close())
		assert.False(t, it.Next(), "after Close")
		assert.Nil(t, it.Value())
		require.NoError(t, it.Close(), "closing twice")
	}
}
