package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSQLTransactions(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, c, "BEGIN; INSERT INTO t VALUES (1, 'a'); ROLLBACK")
	require.Equal(t, [][]any{{int64(0)}}, queryRows(t, c, "SELECT count(*) FROM t"))
	mustExec(t, c, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1, 'a'); SAVEPOINT s1; INSERT INTO t VALUES (2, 'b'); SAVEPOINT s2; INSERT INTO t VALUES (3, 'c'); ROLLBACK TO s1")
	require.True(t, c.InTransaction())
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM t"))
	mustExec(t, c, "INSERT INTO t VALUES (4, 'd'); RELEASE s1; COMMIT")
	require.False(t, c.InTransaction())
	require.Equal(t, [][]any{{int64(1)}, {int64(4)}}, queryRows(t, c, "SELECT id FROM t ORDER BY id"))

	_, err := c.ExecScript(context.Background(), "BEGIN; ROLLBACK TO nope", nil)
	require.ErrorContains(t, err, "No such savepoint: nope")
	mustExec(t, c, "ROLLBACK")
	// COMMIT outside a transaction is a no-op, as in Quereus.
	mustExec(t, c, "COMMIT")
	require.False(t, c.InTransaction())
}

func TestStatementAtomicityInTransaction(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER CHECK (v < 10))")
	mustExec(t, c, "BEGIN; INSERT INTO t VALUES (1, 1)")
	// The failing multi-row insert undoes its own first row only.
	_, err := c.ExecScript(context.Background(), "INSERT INTO t VALUES (2, 2), (3, 30)", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: _check_v")
	require.True(t, c.InTransaction())
	mustExec(t, c, "COMMIT")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM t"))
}

func TestConflictActions(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, c, "INSERT INTO t VALUES (1, 'a')")
	mustExec(t, c, "INSERT OR IGNORE INTO t VALUES (1, 'x'), (2, 'b')")
	require.Equal(t, [][]any{{int64(1), "a"}, {int64(2), "b"}}, queryRows(t, c, "SELECT * FROM t ORDER BY id"))
	mustExec(t, c, "INSERT OR REPLACE INTO t VALUES (1, 'z')")
	require.Equal(t, [][]any{{"z"}}, queryRows(t, c, "SELECT v FROM t WHERE id = 1"))
	// FAIL keeps the rows written before the failing one.
	_, err := c.ExecScript(context.Background(), "INSERT OR FAIL INTO t VALUES (3, 'c'), (1, 'dup'), (4, 'd')", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed")
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}, {int64(3)}}, queryRows(t, c, "SELECT id FROM t ORDER BY id"))
	// ROLLBACK ends the enclosing transaction.
	mustExec(t, c, "BEGIN; INSERT INTO t VALUES (5, 'e')")
	_, err = c.ExecScript(context.Background(), "INSERT OR ROLLBACK INTO t VALUES (1, 'dup')", nil)
	require.Error(t, err)
	require.False(t, c.InTransaction())
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "SELECT count(*) FROM t"))
}

func TestDriverTransactionRefusesSQLBegin(t *testing.T) {
	db, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	ctx := context.Background()
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	_, err := c.ExecScript(ctx, "BEGIN", nil)
	require.ErrorContains(t, err, "driver")
	_, err = c.ExecScript(ctx, "COMMIT", nil)
	require.ErrorContains(t, err, "driver")
	mustExec(t, c, "INSERT INTO t VALUES (1); SAVEPOINT a; INSERT INTO t VALUES (2); ROLLBACK TO a")
	// Uncommitted writes are invisible to another session.
	other := db.Connect()
	defer other.Close()
	require.Equal(t, [][]any{{int64(0)}}, queryRows(t, other, "SELECT count(*) FROM t"))
	require.NoError(t, c.Commit(ctx))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, other, "SELECT id FROM t"))
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	mustExec(t, c, "DELETE FROM t")
	require.NoError(t, c.Rollback(ctx))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, other, "SELECT count(*) FROM t"))
}

func TestDDLRollback(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "BEGIN; CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1); ROLLBACK")
	_, err := queryErr(c, "SELECT * FROM t")
	require.ErrorContains(t, err, "no such table")
	mustExec(t, c, "BEGIN; CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1); COMMIT")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM t"))
}

func TestPreparedStatementReplansAfterSchemaChange(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER); INSERT INTO t VALUES (1, 5)")
	st, err := c.Prepare(ctx, "SELECT * FROM t")
	require.NoError(t, err)
	mustExec(t, c, "ALTER TABLE t ADD COLUMN w INTEGER NULL DEFAULT 9")
	rows, err := st.Query(ctx, nil)
	require.NoError(t, err)
	defer rows.Close()
	require.Len(t, rows.Columns(), 3)
	r, err := rows.Next(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(9), r[2].Int())
}
