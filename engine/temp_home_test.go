package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// A temp view (and a temp assertion) resolves unqualified names in temp,
// then main; a temp table's own bodies (DEFAULT, CHECK) stay in temp.
func TestTempViewsSeeMainTablesButTempTableBodiesDoNot(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE base (id INTEGER PRIMARY KEY); INSERT INTO base VALUES (1), (2)`)
	mustExec(t, c, `CREATE VIEW temp.tv AS SELECT id FROM base`)
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, `SELECT id FROM temp.tv ORDER BY id`))

	mustExec(t, c, `CREATE ASSERTION temp.few CHECK ((SELECT count(*) FROM base) < 3)`)
	_, err := c.ExecScript(context.Background(), `INSERT INTO base VALUES (3)`, nil)
	require.ErrorContains(t, err, "few")

	mustExec(t, c, `CREATE TABLE temp.cross_default (id INTEGER PRIMARY KEY, w INTEGER DEFAULT (SELECT count(*) FROM base))`)
	_, err = c.ExecScript(context.Background(), `INSERT INTO temp.cross_default (id) VALUES (1)`, nil)
	require.ErrorContains(t, err, "base")
}
