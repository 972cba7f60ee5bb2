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
