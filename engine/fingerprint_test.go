package engine

import (
	"testing"

	"github.com/quereus/quereus/engine/parser"
	"github.com/stretchr/testify/require"
)

func TestGroupFingerprint(t *testing.T) {
	fp := func(sql string) string {
		x, err := parser.ParseExpr(sql)
		require.NoError(t, err, sql)
		return groupFingerprint(x)
	}
	require.Equal(t, fp(`a || '!'`), fp(`A || '!'`))
	require.Equal(t, fp(`upper(T.a)`), fp(`UPPER(t.A)`))
	require.Equal(t, fp(`"Col X" + 1`), fp(`"col x" + 1`))
	require.NotEqual(t, fp(`a || 'x'`), fp(`a || 'X'`))
	require.NotEqual(t, fp(`"it's" || 'Q'`), fp(`"it's" || 'q'`))
}

func TestGroupKeyMatchFoldsIdentifierCase(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE gk (a TEXT, b TEXT); INSERT INTO gk VALUES ('x', '1'), ('y', '2'), ('x', '3')`)
	require.Equal(t, [][]any{{"x!", int64(2)}, {"y!", int64(1)}},
		queryRows(t, c, `SELECT A || '!' AS k, count(*) FROM gk GROUP BY a || '!' ORDER BY k`))
	_, err := queryErr(c, `SELECT a || 'X' FROM gk GROUP BY a || 'x'`)
	require.ErrorContains(t, err, "must appear in the GROUP BY clause")
}
