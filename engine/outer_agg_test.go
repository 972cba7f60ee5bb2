package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOuterAggregateInSubquery checks that an aggregate in a subquery's
// WHERE is computed per group of the enclosing grouped query.
func TestOuterAggregateInSubquery(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ord (id INTEGER PRIMARY KEY, k INTEGER, amt INTEGER);
		CREATE TABLE side (n INTEGER PRIMARY KEY);
		INSERT INTO ord VALUES (1, 10, 5), (2, 10, 7), (3, 20, 6), (4, 30, 9);
		INSERT INTO side VALUES (1), (12)`)
	require.Equal(t, [][]any{{int64(10), int64(12)}},
		queryRows(t, c, `SELECT k, sum(amt) AS s FROM ord GROUP BY k
			HAVING EXISTS (SELECT 1 FROM side WHERE side.n = sum(ord.amt)) ORDER BY k`))
	require.Equal(t, [][]any{{int64(20), int64(1)}, {int64(30), int64(1)}},
		queryRows(t, c, `SELECT k, count(*) AS c FROM ord GROUP BY k
			HAVING EXISTS (SELECT 1 FROM side WHERE side.n = count(*)) ORDER BY k`))
	// Without an enclosing aggregation the call is still misused.
	_, err := queryErr(c, "SELECT id FROM ord WHERE amt = (SELECT 1 FROM side WHERE side.n = count(*))")
	require.ErrorContains(t, err, "misuse of aggregate")
	_, err = queryErr(c, "SELECT k FROM ord WHERE sum(amt) > 1 GROUP BY k")
	require.ErrorContains(t, err, "misuse of aggregate")
}
