package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNegativeLimitAndOrderPosition(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE lo (id INTEGER PRIMARY KEY); INSERT INTO lo VALUES (1), (2), (3)")
	// A negative LIMIT returns no rows; a negative OFFSET skips none.
	require.Equal(t, [][]any{}, queryRows(t, c, "SELECT id FROM lo LIMIT -1"))
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, "SELECT id FROM lo ORDER BY id LIMIT 2 OFFSET -1"))
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}, {int64(3)}}, queryRows(t, c, "SELECT id FROM lo ORDER BY id LIMIT NULL"))
	_, err := queryErr(c, "SELECT id FROM lo ORDER BY -1")
	require.ErrorContains(t, err, "ORDER BY position -1")
}

func TestOrderByDuplicateAliasIsAmbiguous(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE g (id INTEGER PRIMARY KEY, a INTEGER); INSERT INTO g VALUES (1, 5)")
	_, err := queryErr(c, "SELECT count(*) AS c, max(a) AS c FROM g ORDER BY c")
	require.ErrorContains(t, err, "ambiguous column name: c")
	require.Equal(t, [][]any{{int64(1), int64(5)}}, queryRows(t, c, "SELECT count(*) AS c, max(a) AS m FROM g ORDER BY c"))
}
