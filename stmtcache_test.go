package quereus

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawConn runs fn on the driver connection behind c.
func rawConn(t *testing.T, c *sql.Conn, fn func(*conn)) {
	t.Helper()
	require.NoError(t, c.Raw(func(dc any) error {
		fn(dc.(*conn))
		return nil
	}))
}

func TestStmtCacheReusesQueriesAndReplansAfterDDL(t *testing.T) {
	ctx := context.Background()
	db := memDB(t)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	_, err = c.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)")
	require.NoError(t, err)
	_, err = c.ExecContext(ctx, "INSERT INTO t VALUES (?, ?)", 1, "x")
	require.NoError(t, err)
	_, err = c.ExecContext(ctx, "INSERT INTO t VALUES (?, ?)", 2, "y")
	require.NoError(t, err)

	const q = "SELECT * FROM t WHERE id = ?"
	var id int64
	var a string
	require.NoError(t, c.QueryRowContext(ctx, q, 2).Scan(&id, &a))
	assert.Equal(t, "y", a)
	rawConn(t, c, func(dc *conn) {
		assert.Contains(t, dc.stmts.m, q)
		assert.Contains(t, dc.stmts.m, "INSERT INTO t VALUES (?, ?)")
		assert.NotContains(t, dc.stmts.m, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)", "DDL is not cached")
	})

	// The cached statement re-plans against the new schema.
	_, err = c.ExecContext(ctx, "ALTER TABLE t ADD COLUMN b INTEGER NULL")
	require.NoError(t, err)
	rows, err := c.QueryContext(ctx, q, 1)
	require.NoError(t, err)
	cols, err := rows.Columns()
	require.NoError(t, err)
	assert.Equal(t, []string{"id", "a", "b"}, cols)
	require.True(t, rows.Next())
	var b sql.NullInt64
	require.NoError(t, rows.Scan(&id, &a, &b))
	assert.Equal(t, "x", a)
	assert.False(t, b.Valid)
	require.False(t, rows.Next())
	require.NoError(t, rows.Close())

	// A dropped table makes the cached statement fail, not read stale data.
	_, err = c.ExecContext(ctx, "DROP TABLE t")
	require.NoError(t, err)
	err = c.QueryRowContext(ctx, q, 1).Scan(&id, &a, &b)
	require.Error(t, err)
	assert.NotErrorIs(t, err, sql.ErrNoRows)
}

func TestStmtCacheSkipsDDLAndTransactionControl(t *testing.T) {
	ctx := context.Background()
	db := memDB(t)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	const ddl = "CREATE TABLE d (id INTEGER PRIMARY KEY)"
	for _, q := range []string{ddl, "BEGIN", "COMMIT"} {
		rows, err := c.QueryContext(ctx, q)
		require.NoError(t, err, q)
		require.NoError(t, rows.Close())
	}
	_, err = c.QueryContext(ctx, ddl)
	require.Error(t, err, "a second CREATE TABLE must fail")
	assert.Contains(t, err.Error(), "already exists")
	rawConn(t, c, func(dc *conn) { assert.Empty(t, dc.stmts.m) })
}

func TestStmtCacheOverlappingExecutions(t *testing.T) {
	ctx := context.Background()
	db := memDB(t)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	_, err = c.ExecContext(ctx, "CREATE TABLE n (id INTEGER PRIMARY KEY)")
	require.NoError(t, err)
	for i := 1; i <= 3; i++ {
		_, err = c.ExecContext(ctx, "INSERT INTO n VALUES (?)", i)
		require.NoError(t, err)
	}
	const q = "SELECT id FROM n WHERE id >= ? ORDER BY id"
	outer, err := c.QueryContext(ctx, q, 1)
	require.NoError(t, err)
	var got []string
	for outer.Next() {
		var o int64
		require.NoError(t, outer.Scan(&o))
		inner, err := c.QueryContext(ctx, q, o)
		require.NoError(t, err)
		for inner.Next() {
			var i int64
			require.NoError(t, inner.Scan(&i))
			got = append(got, fmt.Sprintf("%d-%d", o, i))
		}
		require.NoError(t, inner.Err())
		require.NoError(t, inner.Close())
	}
	require.NoError(t, outer.Err())
	require.NoError(t, outer.Close())
	assert.Equal(t, []string{"1-1", "1-2", "1-3", "2-2", "2-3", "3-3"}, got)
}

func TestStmtCacheIsBounded(t *testing.T) {
	ctx := context.Background()
	db := memDB(t)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	for i := range 3 * stmtCacheSize {
		var n int64
		require.NoError(t, c.QueryRowContext(ctx, fmt.Sprintf("SELECT %d + ?", i), 1).Scan(&n))
		require.Equal(t, int64(i+1), n)
	}
	rawConn(t, c, func(dc *conn) {
		assert.LessOrEqual(t, len(dc.stmts.m), stmtCacheSize)
		assert.NotEmpty(t, dc.stmts.m)
	})
}

// BenchmarkStmtCacheQueryRow is db.QueryRow with SQL text and arguments,
// no Prepare: the statement cache makes it cost about a prepared query.
func BenchmarkStmtCacheQueryRow(b *testing.B) { benchUnpreparedPointSelect(b) }
