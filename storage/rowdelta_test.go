package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReleasedStatementsCoalesceRowCounts(t *testing.T) {
	db := openMem(t)
	tableStore(t, db, "main", "a")
	tableStore(t, db, "main", "b")
	tx := writeTxn(t, db)
	outer := tx.Savepoint() // a SQL SAVEPOINT around many statements
	for range 1000 {
		m := tx.Savepoint() // statement-level mark
		tx.AdjustRowCount("main", "a", 1)
		require.NoError(t, tx.Release(m))
	}
	inner := tx.Savepoint()
	tx.AdjustRowCount("main", "b", 5)
	tx.AdjustRowCount("main", "a", 2)
	require.NoError(t, tx.Release(inner))
	assert.Len(t, tx.(*txn).rows, 3, "one entry per run of a table, not per statement")

	require.NoError(t, tx.RollbackTo(outer))
	assert.Empty(t, tx.(*txn).rows)
	m := tx.Savepoint()
	tx.AdjustRowCount("main", "a", 7)
	require.NoError(t, tx.Release(m))
	require.NoError(t, tx.Release(outer))
	require.NoError(t, tx.Commit(context.Background()))
	n, ok := db.RowCount("main", "a")
	require.True(t, ok)
	assert.Equal(t, int64(7), n)
	n, _ = db.RowCount("main", "b")
	assert.Equal(t, int64(0), n)
}

func TestUndoLogReusedAcrossStatements(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	v := tx.Store(s)
	key, val := []byte("k"), []byte("v")
	allocs := testing.AllocsPerRun(100, func() {
		m := tx.Savepoint()
		_ = v.Put(key, val)
		_ = tx.Release(m)
	})
	assert.Zero(t, allocs, "a statement's savepoint, write and release allocate nothing once warm")
	require.NoError(t, tx.Rollback())
}
