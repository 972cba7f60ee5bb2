package storage

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// txnSnapshot is the shared snapshot a transaction reads, after a read.
func txnSnapshot(t *testing.T, tx Txn, s KVStore) *sharedSnapshot {
	t.Helper()
	get(t, tx.Store(s), "k")
	return tx.(*txn).shared
}

func TestReadersBetweenCommitsShareOneSnapshot(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	w := writeTxn(t, db)
	put(t, w.Store(s), "k", "v1")
	commit(t, w)

	r1, r2 := readTxn(t, db), readTxn(t, db)
	s1, s2 := txnSnapshot(t, r1, s), txnSnapshot(t, r2, s)
	require.NotNil(t, s1)
	assert.Same(t, s1, s2, "no commit between them: one snapshot")
	assert.Equal(t, 2, s1.refs)

	w = writeTxn(t, db)
	put(t, w.Store(s), "k", "v2")
	commit(t, w)

	r3 := readTxn(t, db)
	s3 := txnSnapshot(t, r3, s)
	assert.NotSame(t, s1, s3, "a commit in between: a new snapshot")
	v, _ := get(t, r3.Store(s), "k")
	assert.Equal(t, "v2", v)
	for _, r := range []Txn{r1, r2} {
		v, _ := get(t, r.Store(s), "k")
		assert.Equal(t, "v1", v, "older readers keep their view")
	}

	require.NoError(t, r1.Rollback())
	assert.Equal(t, 1, s1.refs)
	require.NoError(t, r2.Rollback())
	assert.Equal(t, 0, s1.refs)
	db.snaps.mu.Lock()
	assert.Same(t, s3, db.snaps.cur)
	db.snaps.mu.Unlock()

	// A current snapshot outlives its last reader for the next one.
	require.NoError(t, r3.Rollback())
	r4 := readTxn(t, db)
	assert.Same(t, s3, txnSnapshot(t, r4, s))
	require.NoError(t, r4.Rollback())
}

func TestSharedSnapshotStillDetectsStaleWriters(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	r1, r2 := readTxn(t, db), readTxn(t, db)
	require.Same(t, txnSnapshot(t, r1, s), txnSnapshot(t, r2, s))

	require.NoError(t, r1.LockForWrite(context.Background()))
	put(t, r1.Store(s), "k", "from r1")
	commit(t, r1)

	err := r2.LockForWrite(context.Background())
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrBusy), "r2 read before r1's commit: %v", err)
	require.NoError(t, r2.Rollback())
}

// BenchmarkReadTxnPointGet is an autocommit point read: begin, one Get,
// commit, the storage side of a primary-key select.
func BenchmarkReadTxnPointGet(b *testing.B) {
	db := openMem(b)
	s := tableStore(b, db, "main", "t")
	w := writeTxn(b, db)
	for i := range 1000 {
		put(b, w.Store(s), string(rune('a'+i%26))+string(rune(i)), "value")
	}
	commit(b, w)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		tx, err := db.Begin(ctx, TxOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := tx.Store(s).Get([]byte("k")); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
