package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadTxnPointGetAllocations pins what a short read-only transaction
// (an autocommit point select) allocates: the transaction, whose first
// store view and key scratch are inline, and the value returned by Get.
func TestReadTxnPointGetAllocations(t *testing.T) {
	db := openMem(t)
	ctx := context.Background()
	s, err := db.Provider().GetStore("main", "allocs")
	require.NoError(t, err)
	key := []byte("key-0001")
	w := writeTxn(t, db)
	require.NoError(t, w.Store(s).Put(key, []byte("value")))
	require.NoError(t, w.Commit(ctx))
	get := func() {
		tx, err := db.Begin(ctx, TxOptions{})
		if err != nil {
			t.Fatal(err)
		}
		v, found, err := tx.Store(s).Get(key)
		if err != nil || !found || string(v) != "value" {
			t.Fatalf("Get: %q %v %v", v, found, err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 100; i++ {
		get()
	}
	allocs := testing.AllocsPerRun(1000, get)
	t.Logf("%.1f allocations per transaction", allocs)
	require.LessOrEqual(t, allocs, 2.0)
}

// GetAppend appends to the caller's buffer what Get returns, from committed
// state and from the transaction's own writes, and leaves it as it was for
// an absent or deleted key.
func TestGetAppend(t *testing.T) {
	db := openMem(t)
	ctx := context.Background()
	s, err := db.Provider().GetStore("main", "append")
	require.NoError(t, err)
	w := writeTxn(t, db)
	require.NoError(t, w.Store(s).Put([]byte("a"), []byte("committed")))
	require.NoError(t, w.Store(s).Put([]byte("e"), nil))
	require.NoError(t, w.Commit(ctx))
	tx := writeTxn(t, db)
	defer func() { _ = tx.Rollback() }()
	v := tx.Store(s)
	require.NoError(t, v.Put([]byte("b"), []byte("pending")))
	require.NoError(t, v.Delete([]byte("a")))
	ag, ok := v.(AppendGetter)
	require.True(t, ok)
	buf := []byte("prefix:")
	got, found, err := ag.GetAppend(buf, []byte("b"))
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, "prefix:pending", string(got))
	for _, k := range []string{"a", "zz"} {
		got, found, err = ag.GetAppend(buf, []byte(k))
		require.NoError(t, err)
		require.False(t, found, k)
		require.Equal(t, "prefix:", string(got), k)
	}
	r := readTxn(t, db)
	defer func() { _ = r.Rollback() }()
	got, found, err = r.Store(s).(AppendGetter).GetAppend(nil, []byte("a"))
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, "committed", string(got))
	// Get still returns a non-nil empty value for an empty stored value.
	e, found, err := r.Store(s).Get([]byte("e"))
	require.NoError(t, err)
	require.True(t, found)
	require.NotNil(t, e)
	require.Empty(t, e)
}
