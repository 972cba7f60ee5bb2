package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestQuereusErrorTexts checks that errors carry the texts Quereus
// reports (callers and the conformance corpus match on them), next to
// the SQLite-style wording.
func TestQuereusErrorTexts(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT NULL);
		INSERT INTO t VALUES (1, 10, NULL);
		CREATE VIEW v AS SELECT id FROM t`)
	cases := []struct{ sql, msg string }{
		{"SELECT nope FROM t", "Column not found: nope"},
		{"SELECT t.nope FROM t", "Column not found: t.nope"},
		{"INSERT INTO t (id, nope) VALUES (2, 1)", "Column 'nope' not found in table 't'"},
		{"INSERT INTO t VALUES (2, 1)", "Column count mismatch"},
		{"INSERT INTO t VALUES (2, 1, 'x', 4)", "Column count mismatch"},
		{"INSERT INTO t VALUES (2, 1, 'x') ON CONFLICT (nope) DO NOTHING", "'nope' not found"},
		{"INSERT INTO t VALUES (1, 1, 'x')", "UNIQUE constraint failed: t PK."},
		{"ALTER TABLE t DROP COLUMN nope", "Column 'nope' not found in table 't'"},
		{"ALTER TABLE t RENAME COLUMN nope TO other", "Column 'nope' not found in table 't'"},
		{"DROP VIEW nope", "View 'nope' does not exist"},
		{"ALTER TABLE t ADD COLUMN rank INTEGER NOT NULL", "NOT NULL constraint failed: t.rank"},
		{"ALTER TABLE t ADD COLUMN rank INTEGER NOT NULL", "'rank'"},
		{"ALTER TABLE t ADD COLUMN rank INTEGER NOT NULL", "main.t"},
	}
	for _, tc := range cases {
		_, err := c.ExecScript(context.Background(), tc.sql, nil)
		require.ErrorContains(t, err, tc.msg, tc.sql)
	}
	// A NOT NULL column with a default, or on an empty table, is fine.
	mustExec(t, c, "ALTER TABLE t ADD COLUMN r2 INTEGER NOT NULL DEFAULT 3")
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "SELECT r2 FROM t"))
	mustExec(t, c, "CREATE TABLE e (id INTEGER PRIMARY KEY); ALTER TABLE e ADD COLUMN x INTEGER NOT NULL")
}
