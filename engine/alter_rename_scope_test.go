package engine

import (
	"context"
	"testing"

	"github.com/quereus/quereus/engine/parser"
	"github.com/stretchr/testify/require"
)

// TestRenameColumnRespectsScopes checks that RENAME COLUMN rewrites only
// the references that bind to the renamed table.
func TestRenameColumnRespectsScopes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL);
		CREATE TABLE o (id INTEGER PRIMARY KEY, k INTEGER NOT NULL);
		INSERT INTO t VALUES (1, 5); INSERT INTO o VALUES (2, 20);
		CREATE VIEW v_cte AS WITH c AS (SELECT k FROM t) SELECT c.k FROM c;
		CREATE VIEW v_shadow AS WITH t AS (SELECT 0 AS k) SELECT k FROM t;
		CREATE VIEW v_rec AS WITH RECURSIVE t(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM t WHERE k < 2) SELECT k FROM t;
		CREATE VIEW v_alias AS SELECT (SELECT a.k FROM o AS a WHERE a.id = 2) AS inner_k FROM t AS a;
		CREATE VIEW v_star AS WITH c AS (SELECT * FROM t) SELECT k FROM c;
		ALTER TABLE t RENAME COLUMN k TO kk`)
	require.Equal(t, [][]any{{int64(5)}}, queryRows(t, c, "SELECT kk FROM v_cte"))
	require.Equal(t, [][]any{{int64(0)}}, queryRows(t, c, "SELECT k FROM v_shadow"))
	require.Equal(t, [][]any{{int64(0)}, {int64(1)}, {int64(2)}}, queryRows(t, c, "SELECT k FROM v_rec ORDER BY k"))
	require.Equal(t, [][]any{{int64(20)}}, queryRows(t, c, "SELECT inner_k FROM v_alias"))
	require.Equal(t, [][]any{{int64(5)}}, queryRows(t, c, "SELECT kk FROM v_star"))
}

// TestRenameTableRespectsScopes checks RENAME TO against CTEs and aliases
// that already use the new name.
func TestRenameTableRespectsScopes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE qt (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE TABLE qu (id INTEGER PRIMARY KEY, x INTEGER);
		INSERT INTO qt VALUES (1, 10); INSERT INTO qu VALUES (1, 77);
		CREATE VIEW w AS SELECT qt.x AS a, z.x AS b FROM qt JOIN qu AS z ON qt.id = z.id;
		CREATE VIEW s AS WITH zap AS (SELECT 1 AS x) SELECT x FROM zap;
		CREATE TABLE zap (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE INDEX ix_qt ON qt(x) WHERE qt.x > 0;
		ALTER TABLE qt RENAME TO z;
		ALTER TABLE zap RENAME TO zap2`)
	require.Equal(t, [][]any{{int64(10), int64(77)}}, queryRows(t, c, "SELECT a, b FROM w"))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT x FROM s"))
	mustExec(t, c, "INSERT INTO z VALUES (2, -1)")
	require.Equal(t, [][]any{{int64(10)}}, queryRows(t, c, "SELECT x FROM z WHERE x > 0"))
}

// TestRenameColumnFollowsViewChains checks that views reading a view whose
// output column took the renamed column's name follow the rename.
func TestRenameColumnFollowsViewChains(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE w (id INTEGER PRIMARY KEY, x INTEGER);
		INSERT INTO w VALUES (1, 10);
		CREATE VIEW v1 AS SELECT id, x FROM w;
		CREATE VIEW v2 AS SELECT id, x FROM v1;
		CREATE VIEW v3 AS SELECT id, x FROM v2;
		CREATE VIEW a1 AS SELECT id, x AS x FROM w;
		CREATE VIEW a2 AS SELECT id, x FROM a1;
		ALTER TABLE w RENAME COLUMN x TO y`)
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "SELECT id, y FROM v3"))
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "SELECT id, x FROM a2"))
}

// TestShadowedTableIsNotADependency checks that a CTE named like a table
// does not make the table a dependency (DROP and RENAME see through it).
func TestShadowedTableIsNotADependency(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE zap (id INTEGER PRIMARY KEY, k INTEGER);
		CREATE ASSERTION a_shadow CHECK (NOT EXISTS (WITH zap AS (SELECT 1 AS k) SELECT k FROM zap WHERE k < 0));
		DROP TABLE zap`)
	require.False(t, mentionsTable(mustParseOne(t, "SELECT k FROM (WITH zap AS (SELECT 1 AS k) SELECT k FROM zap)"), "zap"))
	require.True(t, mentionsTable(mustParseOne(t, "SELECT k FROM zap"), "zap"))
	require.True(t, mentionsTable(mustParseOne(t, "WITH zap AS (SELECT 1 AS k) SELECT k FROM main.zap"), "zap"))
}

// TestDefaultReadsTableBeingCreated checks that a DEFAULT's subquery may
// read the table it belongs to.
func TestDefaultReadsTableBeingCreated(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ts (id INTEGER PRIMARY KEY, w INTEGER DEFAULT ((SELECT count(*) FROM ts)));
		INSERT INTO ts (id) VALUES (1); INSERT INTO ts (id) VALUES (2)`)
	require.Equal(t, [][]any{{int64(1), int64(0)}, {int64(2), int64(1)}}, queryRows(t, c, "SELECT id, w FROM ts ORDER BY id"))
}

func mustParseOne(t *testing.T, sql string) parser.Stmt {
	t.Helper()
	st, err := parser.Parse(sql)
	require.NoError(t, err, sql)
	return st
}

// TestRenamePropagatesIntoAssertionsAndOtherSchemas checks assertions
// follow a rename, and that a view in another schema whose unqualified
// name finds its own schema's table is left alone.
func TestRenamePropagatesIntoAssertionsAndOtherSchemas(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE rq (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE ASSERTION rq_nonneg CHECK (NOT EXISTS (SELECT 1 FROM rq WHERE rq.x < 0));
		ALTER TABLE rq RENAME COLUMN x TO y;
		ALTER TABLE rq RENAME TO rq2`)
	_, err := c.ExecScript(context.Background(), "INSERT INTO rq2 VALUES (1, -3)", nil)
	require.ErrorContains(t, err, "rq_nonneg")
	mustExec(t, c, "INSERT INTO rq2 VALUES (2, 3)")

	mustExec(t, c, `CREATE TABLE main.dup (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE TABLE temp.dup (id INTEGER PRIMARY KEY, x INTEGER);
		INSERT INTO temp.dup VALUES (1, 111);
		CREATE VIEW temp.v_bare AS SELECT id, x FROM dup;
		ALTER TABLE main.dup RENAME TO dup2`)
	require.Equal(t, [][]any{{int64(1), int64(111)}}, queryRows(t, c, "SELECT id, x FROM temp.v_bare"))
}

// TestDropColumnReadByAssertion checks that DROP COLUMN refuses a column
// an assertion reads (resolved by name, so a shadowing CTE does not count).
func TestDropColumnReadByAssertion(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE da (id INTEGER PRIMARY KEY, x INTEGER, y INTEGER);
		CREATE TABLE db (id INTEGER PRIMARY KEY);
		CREATE ASSERTION da_nonneg CHECK (NOT EXISTS (SELECT 1 FROM da WHERE x < 0));
		CREATE ASSERTION da_cte CHECK (NOT EXISTS (WITH da AS (SELECT 1 AS y) SELECT y FROM da WHERE y < 0))`)
	_, err := c.ExecScript(context.Background(), "ALTER TABLE da DROP COLUMN x", nil)
	require.ErrorContains(t, err, "da_nonneg")
	mustExec(t, c, "ALTER TABLE da DROP COLUMN y; INSERT INTO db VALUES (1)")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT count(*) FROM db"))
}

// TestRenameTableNameCheckedInItsSchema checks that RENAME TO only
// collides with names in the table's own schema.
func TestRenameTableNameCheckedInItsSchema(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE temp.rx (id INTEGER PRIMARY KEY);
		CREATE TABLE rx2 (id INTEGER PRIMARY KEY);
		ALTER TABLE temp.rx RENAME TO rx2;
		INSERT INTO temp.rx2 VALUES (1)`)
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM temp.rx2"))
	require.Equal(t, [][]any{}, queryRows(t, c, "SELECT id FROM main.rx2"))
	_, err := c.ExecScript(context.Background(), "ALTER TABLE main.rx2 RENAME TO rx2", nil)
	require.ErrorContains(t, err, "already exists")
}
