package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUpsertDoUpdateRunsUpdatePipeline checks that the row a DO UPDATE
// writes gets what an UPDATE's row gets: recomputed generated columns,
// CHECK / NOT NULL constraints under their own ON CONFLICT clauses.
func TestUpsertDoUpdateRunsUpdatePipeline(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE g (id INTEGER PRIMARY KEY, w INTEGER, d INTEGER GENERATED ALWAYS AS (w * 2) STORED,
			CHECK (d < 100));
		INSERT INTO g (id, w) VALUES (1, 1);
		INSERT INTO g (id, w) VALUES (1, 7) ON CONFLICT (id) DO UPDATE SET w = excluded.w`)
	require.Equal(t, [][]any{{int64(7), int64(14)}}, queryRows(t, c, "SELECT w, d FROM g"))

	_, err := c.ExecScript(context.Background(), "INSERT INTO g (id, w) VALUES (1, 60) ON CONFLICT (id) DO UPDATE SET w = excluded.w", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: _check_0 (d < 100)")
	require.Equal(t, [][]any{{int64(7), int64(14)}}, queryRows(t, c, "SELECT w, d FROM g"))

	mustExec(t, c, `CREATE TABLE ig (a INTEGER PRIMARY KEY, b INTEGER CHECK (b < 10) ON CONFLICT IGNORE);
		INSERT INTO ig VALUES (1, 1);
		INSERT INTO ig VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = 99;
		INSERT INTO ig VALUES (2, 50)`)
	require.Equal(t, [][]any{{int64(1), int64(1)}}, queryRows(t, c, "SELECT a, b FROM ig"))

	mustExec(t, c, `CREATE TABLE rp (a INTEGER PRIMARY KEY, b INTEGER NOT NULL ON CONFLICT REPLACE DEFAULT 7);
		INSERT INTO rp VALUES (1, 1);
		INSERT INTO rp VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = NULL;
		INSERT INTO rp VALUES (2, NULL)`)
	require.Equal(t, [][]any{{int64(1), int64(7)}, {int64(2), int64(7)}}, queryRows(t, c, "SELECT a, b FROM rp ORDER BY a"))
}

func TestUpsertCompileErrors(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT, g INTEGER GENERATED ALWAYS AS (id + 1) STORED)")
	cases := []struct{ sql, msg string }{
		{"INSERT OR REPLACE INTO u (id, name) VALUES (1, 'x') ON CONFLICT DO NOTHING", "Cannot use both 'INSERT OR ...' and 'ON CONFLICT'"},
		{"INSERT INTO u (id, name) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET name = 'a', NAME = 'b'", "duplicate assignment"},
		{"INSERT INTO u (id, name) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET g = 5", "Cannot UPDATE generated column 'g'"},
	}
	for _, tc := range cases {
		_, err := c.ExecScript(context.Background(), tc.sql, nil)
		require.ErrorContains(t, err, tc.msg, tc.sql)
	}
}

func TestGeneratedColumnReadsNewRow(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE gc (id INTEGER PRIMARY KEY, a INTEGER,
			g1 INTEGER GENERATED ALWAYS AS (new.a * 2) STORED,
			g2 INTEGER GENERATED ALWAYS AS (new.g1 + 1) STORED);
		INSERT INTO gc (id, a) VALUES (1, 5);
		UPDATE gc SET a = 10`)
	require.Equal(t, [][]any{{int64(10), int64(20), int64(21)}}, queryRows(t, c, "SELECT a, g1, g2 FROM gc"))
	// A table named "new" keeps its own qualifier in row-level expressions.
	mustExec(t, c, `CREATE TABLE "new" (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE INDEX ix_new_pos ON "new"(x) WHERE new.x > 0;
		INSERT INTO "new" VALUES (1, 5), (2, -1)`)
	require.Equal(t, [][]any{{int64(5)}}, queryRows(t, c, `SELECT x FROM "new" WHERE x > 0`))
}

// TestReplaceEvictionRunsDeleteActions checks that a row displaced by a
// REPLACE resolution fires the ON DELETE actions of keys referencing it.
func TestReplaceEvictionRunsDeleteActions(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE p (id INTEGER PRIMARY KEY, email TEXT UNIQUE);
		CREATE TABLE cc (cid INTEGER PRIMARY KEY, pid INTEGER NOT NULL REFERENCES p(id) ON DELETE CASCADE);
		CREATE TABLE cn (cid INTEGER PRIMARY KEY, pid INTEGER NULL REFERENCES p(id) ON DELETE SET NULL);
		CREATE TABLE cr (cid INTEGER PRIMARY KEY, pid INTEGER NULL REFERENCES p(id));
		INSERT INTO p VALUES (1, 'a'), (3, 'c');
		INSERT INTO cc VALUES (10, 1); INSERT INTO cn VALUES (20, 1); INSERT INTO cr VALUES (30, 3);
		INSERT OR REPLACE INTO p VALUES (2, 'a')`)
	require.Equal(t, [][]any{}, queryRows(t, c, "SELECT * FROM cc"))
	require.Equal(t, [][]any{{int64(20), nil}}, queryRows(t, c, "SELECT * FROM cn"))
	// Replacing a row under the same key keeps a restricting child valid.
	mustExec(t, c, "INSERT OR REPLACE INTO p VALUES (3, 'c2')")
	// Evicting it for another key would orphan the child.
	_, err := c.ExecScript(context.Background(), "INSERT OR REPLACE INTO p VALUES (4, 'c2')", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: _fk_cr_pid")
	require.Equal(t, [][]any{{int64(2), "a"}, {int64(3), "c2"}}, queryRows(t, c, "SELECT id, email FROM p ORDER BY id"))
}

// TestUpsertPartialConflictTarget checks that a conflict target naming
// some of a UNIQUE constraint's columns selects that constraint.
func TestUpsertPartialConflictTarget(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE cu (k INTEGER, v TEXT, p TEXT, UNIQUE (k, v));
		INSERT INTO cu VALUES (0, 'a', 'first');
		INSERT INTO cu VALUES (0, 'a', 'second') ON CONFLICT (k) DO NOTHING;
		INSERT INTO cu VALUES (0, 'a', 'third') ON CONFLICT (v) DO UPDATE SET p = 'updated'`)
	require.Equal(t, [][]any{{int64(0), "a", "updated"}}, queryRows(t, c, "SELECT k, v, p FROM cu"))
	_, err := c.ExecScript(context.Background(), "INSERT INTO cu VALUES (0, 'a', 'x') ON CONFLICT (p) DO NOTHING", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed")
}

func TestDefaultAndGeneratedRejected(t *testing.T) {
	_, c := openTestDB(t)
	_, err := c.ExecScript(context.Background(),
		"CREATE TABLE dg (id INTEGER PRIMARY KEY, a INTEGER DEFAULT 5 GENERATED ALWAYS AS (id * 2) STORED)", nil)
	require.ErrorContains(t, err, "cannot have both DEFAULT and GENERATED")
	mustExec(t, c, "CREATE TABLE dg (id INTEGER PRIMARY KEY, a INTEGER GENERATED ALWAYS AS (id * 2) STORED)")
	_, err = c.ExecScript(context.Background(), "ALTER TABLE dg ADD COLUMN b INTEGER DEFAULT 1 AS (id + 1)", nil)
	require.ErrorContains(t, err, "cannot have both DEFAULT and GENERATED")
}
