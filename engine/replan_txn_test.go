package engine

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

// drainStmt runs a prepared query and returns its rows.
func drainStmt(t *testing.T, st *Stmt) [][]any {
	t.Helper()
	ctx := context.Background()
	rows, err := st.Query(ctx, nil)
	require.NoError(t, err)
	defer rows.Close()
	var out [][]any
	for {
		r, err := rows.Next(ctx)
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, renderRow(r))
	}
}

// A statement prepared between two DDL statements of one transaction is
// planned against the first; it must re-plan after the second.
func TestPreparedStatementReplansAfterEachDDLInTransaction(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	mustExec(t, c, `CREATE TABLE t (a INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)`)
	sel, err := c.Prepare(ctx, `SELECT * FROM t`)
	require.NoError(t, err)
	require.Equal(t, [][]any{{int64(1)}}, drainStmt(t, sel))
	require.Len(t, sel.Columns(), 1)

	mustExec(t, c, `ALTER TABLE t ADD COLUMN b INTEGER NULL DEFAULT 7`)
	require.Equal(t, [][]any{{int64(1), int64(7)}}, drainStmt(t, sel), "SELECT * sees the added column")

	mustExec(t, c, `ALTER TABLE t RENAME TO u`)
	_, err = sel.Query(ctx, nil)
	require.ErrorContains(t, err, "no such table: t", "the renamed table is gone under its old name")
	require.NoError(t, c.Commit(ctx))
	require.Equal(t, [][]any{{int64(1), int64(7)}}, queryRows(t, c, `SELECT * FROM u`))
}
