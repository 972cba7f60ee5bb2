package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCorrelatedCTEInSubquery checks that a CTE inside a subquery may read
// the enclosing query's row, and is re-evaluated for each row.
func TestCorrelatedCTEInSubquery(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER);
		CREATE TABLE b (id INTEGER PRIMARY KEY, x INTEGER);
		INSERT INTO a VALUES (1, 10), (2, 20), (3, 30);
		INSERT INTO b VALUES (1, 10), (2, 20), (3, 99)`)
	require.Equal(t, [][]any{{int64(10)}, {int64(20)}},
		queryRows(t, c, "SELECT a.x FROM a WHERE a.x IN (WITH c AS (SELECT b.x FROM b WHERE b.id = a.id) SELECT c.x FROM c) ORDER BY a.id"))
	require.Equal(t, [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}, {int64(3), int64(99)}},
		queryRows(t, c, "SELECT a.id, (WITH c AS (SELECT x FROM b WHERE b.id = a.id) SELECT x FROM c) FROM a ORDER BY a.id"))
	// An unknown column is still an error.
	_, err := queryErr(c, "SELECT a.x FROM a WHERE a.x IN (WITH c AS (SELECT b.x FROM b WHERE b.id = a.nope) SELECT c.x FROM c)")
	require.ErrorContains(t, err, "Column not found")
}
