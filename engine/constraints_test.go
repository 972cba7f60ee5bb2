package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConstraintMessages(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT);
		CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, note TEXT NULL, n INTEGER, CHECK (n < 10),
			pid INTEGER NULL REFERENCES p(id));
		INSERT INTO p VALUES (1, 'p1');
		INSERT INTO t VALUES (1, 'a@x', NULL, 1, 1)`)
	cases := []struct{ sql, msg string }{
		{"INSERT INTO t VALUES (2, NULL, NULL, 1, NULL)", "NOT NULL constraint failed: t.email"},
		{"INSERT INTO t VALUES (1, 'b@x', NULL, 1, NULL)", "UNIQUE constraint failed: t PK"},
		{"INSERT INTO t VALUES (2, 'a@x', NULL, 1, NULL)", "UNIQUE constraint failed: t (email)"},
		{"INSERT INTO t VALUES (2, 'b@x', NULL, 11, NULL)", "CHECK constraint failed: _check_0 (n < 10)"},
		{"INSERT INTO t VALUES (2, 'b@x', NULL, 1, 99)", "CHECK constraint failed: _fk_t_pid"},
		{"UPDATE t SET n = 50", "CHECK constraint failed: _check_0"},
		{"DELETE FROM p", "violates RESTRICT from 't'"},
		{"INSERT INTO t VALUES (2, 'b@x', NULL, 'abc', NULL)", "Type conversion failed"},
	}
	for _, tc := range cases {
		_, err := c.ExecScript(context.Background(), tc.sql, nil)
		require.ErrorContains(t, err, tc.msg, tc.sql)
	}
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT count(*) FROM t"))
}

func TestPrimaryKeyForms(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE single (k TEXT PRIMARY KEY);
		CREATE TABLE none (a INTEGER, b INTEGER);
		CREATE TABLE settings (v INTEGER, PRIMARY KEY ());
		CREATE TABLE comp (a INTEGER, b INTEGER, PRIMARY KEY (a, b DESC))`)
	// Undecorated TEXT keys are NOCASE in the store.
	mustExec(t, c, "INSERT INTO single VALUES ('a')")
	_, err := c.ExecScript(context.Background(), "INSERT INTO single VALUES ('A')", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed: single PK")
	// No declared key: all columns form the key, so duplicates are rejected.
	mustExec(t, c, "INSERT INTO none VALUES (1, 2)")
	_, err = c.ExecScript(context.Background(), "INSERT INTO none VALUES (1, 2)", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed")
	mustExec(t, c, "INSERT INTO settings VALUES (1)")
	_, err = c.ExecScript(context.Background(), "INSERT INTO settings VALUES (2)", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed: settings PK")
	mustExec(t, c, "INSERT INTO comp VALUES (1, 1), (1, 2), (2, 1)")
	require.Equal(t, [][]any{{int64(1), int64(2)}, {int64(1), int64(1)}, {int64(2), int64(1)}},
		queryRows(t, c, "SELECT a, b FROM comp"))
}

func TestCreateTableValidation(t *testing.T) {
	_, c := openTestDB(t)
	for _, tc := range []struct{ sql, msg string }{
		{"CREATE TABLE t (n INTEGER DEFAULT 'abc')", "Type conversion failed"},
		{"CREATE TABLE t (n INTEGER DEFAULT (random()))", "Non-deterministic expression not allowed in DEFAULT"},
		{"CREATE TABLE t (a INTEGER) WITHOUT ROWID", "not supported"},
		{"CREATE TABLE t (a TEXT COLLATE nosuch)", "Unknown collation"},
		// Parameters and non-deterministic calls are found inside subqueries,
		// in every leg of a compound.
		{"CREATE TABLE t (x INTEGER, CHECK (x IN (SELECT 1 UNION ALL SELECT :p)))", "bind parameters are not allowed in CHECK"},
		{"CREATE TABLE t (x INTEGER, CHECK (x IN (SELECT 1 UNION ALL SELECT random())))", "Non-deterministic expression not allowed in CHECK"},
		{"CREATE TABLE t (x INTEGER, CHECK (x > random()))", "Non-deterministic expression not allowed in CHECK"},
		{"CREATE TABLE t (x INTEGER DEFAULT (coalesce((SELECT 1 UNION ALL SELECT :p LIMIT 1), 0)))", "bind parameters are not allowed in DEFAULT"},
	} {
		_, err := c.ExecScript(context.Background(), tc.sql, nil)
		require.ErrorContains(t, err, tc.msg, tc.sql)
	}
	mustExec(t, c, "CREATE TABLE t (a INTEGER) USING store; CREATE TABLE IF NOT EXISTS t (b TEXT)")
	_, err := c.ExecScript(context.Background(), "CREATE TABLE t (b TEXT)", nil)
	require.ErrorContains(t, err, "already exists")
}

func TestUpsertAndReturning(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER DEFAULT 1)")
	require.Equal(t, [][]any{{int64(1), int64(1)}}, queryRows(t, c, "INSERT INTO t (id, name) VALUES (1, 'a') RETURNING id, n"))
	mustExec(t, c, "INSERT INTO t (id, name) VALUES (1, 'b') ON CONFLICT DO UPDATE SET n = n + 1, name = excluded.name")
	require.Equal(t, [][]any{{"b", int64(2)}}, queryRows(t, c, "SELECT name, n FROM t"))
	mustExec(t, c, "INSERT INTO t (id, name) VALUES (1, 'c') ON CONFLICT (id) DO NOTHING")
	require.Equal(t, [][]any{{"b"}}, queryRows(t, c, "UPDATE t SET n = 7 WHERE id = 1 RETURNING name"))
	require.Equal(t, [][]any{{int64(7)}}, queryRows(t, c, "DELETE FROM t RETURNING n"))
	res, err := mustPrepare(t, c, "INSERT INTO t (id, name) VALUES (1, 'x'), (2, 'y')").Exec(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, int64(2), res.RowsAffected)
}

func TestDeferredChecksAndAssertions(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE ref (id TEXT PRIMARY KEY);
		CREATE TABLE dep (id INTEGER PRIMARY KEY, rid TEXT,
			CONSTRAINT must_exist CHECK ON INSERT, UPDATE (EXISTS (SELECT 1 FROM ref WHERE ref.id = NEW.rid)))`)
	// A check reading other rows waits for COMMIT inside a transaction.
	mustExec(t, c, "BEGIN; INSERT INTO dep VALUES (1, 'later'); INSERT INTO ref VALUES ('later'); COMMIT")
	_, err := c.ExecScript(ctx, "BEGIN; INSERT INTO dep VALUES (2, 'missing'); COMMIT", nil)
	require.ErrorContains(t, err, "CHECK constraint failed: must_exist")
	require.False(t, c.InTransaction())
	// Rolling back to a savepoint drops the checks queued after it.
	mustExec(t, c, "BEGIN; SAVEPOINT s; INSERT INTO dep VALUES (3, 'nope'); ROLLBACK TO s; COMMIT")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM dep"))

	mustExec(t, c, "CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INTEGER); CREATE ASSERTION nonneg CHECK (NOT EXISTS (SELECT 1 FROM acct WHERE bal < 0))")
	mustExec(t, c, "INSERT INTO acct VALUES (1, 10)")
	_, err = c.ExecScript(ctx, "UPDATE acct SET bal = -1", nil)
	require.ErrorContains(t, err, "Integrity assertion failed: nonneg")
	require.Equal(t, [][]any{{int64(10)}}, queryRows(t, c, "SELECT bal FROM acct"))
	_, err = c.ExecScript(ctx, "DROP TABLE acct", nil)
	require.ErrorContains(t, err, "assertion 'nonneg' still refers to it")
	mustExec(t, c, "DROP ASSERTION nonneg; UPDATE acct SET bal = -1")
}

// UPDATE setting NULL into a NOT NULL ON CONFLICT REPLACE column stores the
// column default (which must then pass the CHECKs), as INSERT does.
func TestUpdateNullIntoNotNullReplaceTakesDefault(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ru (id INTEGER PRIMARY KEY, v INTEGER NOT NULL ON CONFLICT REPLACE DEFAULT 500 CHECK (v > 100));
		INSERT INTO ru VALUES (1, 700)`)
	mustExec(t, c, `UPDATE ru SET v = NULL WHERE id = 1`)
	require.Equal(t, [][]any{{int64(1), int64(500)}}, queryRows(t, c, `SELECT id, v FROM ru`))

	mustExec(t, c, `CREATE TABLE rb (id INTEGER PRIMARY KEY, v INTEGER NOT NULL ON CONFLICT REPLACE DEFAULT 5 CHECK (v > 100));
		INSERT INTO rb VALUES (1, 700)`)
	_, err := c.ExecScript(context.Background(), `UPDATE rb SET v = NULL WHERE id = 1`, nil)
	require.ErrorContains(t, err, "CHECK")
	require.Equal(t, [][]any{{int64(1), int64(700)}}, queryRows(t, c, `SELECT id, v FROM rb`))
}
