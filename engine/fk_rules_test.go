package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDropReferencedParentTable(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE p (x INTEGER PRIMARY KEY);
		CREATE TABLE ch (a INTEGER PRIMARY KEY, b INTEGER NULL REFERENCES p(x));
		INSERT INTO p VALUES (100), (200);
		INSERT INTO ch VALUES (1, 100), (2, NULL)`)
	_, err := c.ExecScript(context.Background(), "DROP TABLE p", nil)
	require.ErrorContains(t, err, "FOREIGN KEY constraint failed")
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT count(*) FROM p"))
	// Once no child row points at a parent row the drop goes through.
	mustExec(t, c, "UPDATE ch SET b = NULL; DROP TABLE p")
	_, err = queryErr(c, "SELECT * FROM p")
	require.Error(t, err)
	// With enforcement off the drop is not checked.
	mustExec(t, c, `CREATE TABLE p2 (x INTEGER PRIMARY KEY);
		CREATE TABLE ch2 (b INTEGER NULL REFERENCES p2(x));
		INSERT INTO p2 VALUES (1); INSERT INTO ch2 VALUES (1);
		PRAGMA foreign_keys = false; DROP TABLE p2; PRAGMA foreign_keys = true`)
}

func TestForeignKeyArityCheckedAtCreate(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE mp (a INTEGER, b INTEGER, PRIMARY KEY (a, b))")
	_, err := c.ExecScript(context.Background(),
		"CREATE TABLE mc (id INTEGER PRIMARY KEY, x INTEGER NULL, FOREIGN KEY (x) REFERENCES mp(a, b))", nil)
	require.ErrorContains(t, err, "1 column(s) reference 2 column(s)")
	mustExec(t, c, "CREATE TABLE mc (id INTEGER PRIMARY KEY, x INTEGER NULL, y INTEGER NULL, FOREIGN KEY (x, y) REFERENCES mp(a, b))")
}

func TestRestrictMessageShapes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE rp (p INTEGER PRIMARY KEY, n INTEGER);
		CREATE TABLE rc (c INTEGER PRIMARY KEY, p INTEGER REFERENCES rp(p) ON UPDATE RESTRICT);
		INSERT INTO rp VALUES (1, 0); INSERT INTO rc VALUES (1, 1);
		CREATE TABLE mp (p INTEGER PRIMARY KEY);
		CREATE TABLE mres (c INTEGER PRIMARY KEY, p INTEGER REFERENCES mp(p) ON UPDATE RESTRICT);
		CREATE TABLE mcas (c INTEGER PRIMARY KEY, p INTEGER REFERENCES mp(p) ON UPDATE CASCADE);
		INSERT INTO mp VALUES (1); INSERT INTO mres VALUES (1, 1); INSERT INTO mcas VALUES (1, 1)`)
	cases := []struct{ sql, msg string }{
		// Only restricting keys reference rp: the statement-level shape.
		{"UPDATE rp SET p = 2", "FOREIGN KEY constraint failed: UPDATE on 'rp' violates RESTRICT from 'rc'"},
		{"DELETE FROM rp", "FOREIGN KEY constraint failed: DELETE on 'rp' violates RESTRICT from 'rc'"},
		{"INSERT INTO rp VALUES (1, 5) ON CONFLICT (p) DO UPDATE SET p = 2", "UPDATE on 'rp' violates RESTRICT from 'rc'"},
		// A cascading key also references mp: the per-row constraint shape.
		{"UPDATE mp SET p = 2", "CHECK constraint failed: _fk_mres_p"},
	}
	for _, tc := range cases {
		_, err := c.ExecScript(context.Background(), tc.sql, nil)
		require.ErrorContains(t, err, tc.msg, tc.sql)
	}
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT p FROM mcas"))
}
