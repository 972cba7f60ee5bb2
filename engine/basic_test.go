package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCreateInsertSelect(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (a TEXT, b INTEGER); INSERT INTO t VALUES ('a', 10), ('b', 20)")
	require.Equal(t, [][]any{{"a", int64(10)}, {"b", int64(20)}}, queryRows(t, c, "SELECT a, b FROM t ORDER BY a"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT count(*) FROM t"))
	require.Equal(t, []string{"a", "b"}, columnNames(t, c, "SELECT * FROM t"))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT count(*) FROM main.t WHERE b > 15"))
	_, err := queryErr(c, "SELECT * FROM other.t")
	require.ErrorContains(t, err, "unknown schema")
}

func TestResultColumnNames(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER)")
	require.Equal(t, []string{"a + b", "x", "a", "a:1", "count(*)"},
		columnNames(t, c, "SELECT a + b, b AS x, a, a, count(*) FROM t GROUP BY a, b"))
	require.Equal(t, []string{"column_0", "column_1"}, columnNames(t, c, "VALUES (1, 2)"))
}

func TestExpressions(t *testing.T) {
	_, c := openTestDB(t)
	cases := []struct {
		sql  string
		want any
	}{
		{"SELECT 1 = 1", true},
		{"SELECT null = null", nil},
		{"SELECT 10 / 4", 2.5},
		{"SELECT 1 / 0", nil},
		{"SELECT 'a' || 'b'", "ab"},
		{"SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", "two"},
		{"SELECT 3 BETWEEN 2 AND 6", true},
		{"SELECT 2 IN (1, 2, 3)", true},
		{"SELECT 5 IN (1, null)", nil},
		{"SELECT 'abc' LIKE 'a%'", true},
		{"SELECT 'ABC' LIKE 'a%'", false},
		{"SELECT 'Hello' = 'hello' COLLATE NOCASE", true},
		{"SELECT cast('12' AS INTEGER) + 1", int64(13)},
		{"SELECT coalesce(null, 7)", int64(7)},
		{"SELECT NOT (1 > 2)", true},
		{"SELECT 1 XOR 0", true},
		{"SELECT null IS NULL", true},
		{"SELECT 1 IS TRUE", true},
		{"SELECT (SELECT 42)", int64(42)},
		{"SELECT EXISTS (SELECT 1 WHERE 1 = 0)", false},
	}
	for _, tc := range cases {
		require.Equal(t, [][]any{{tc.want}}, queryRows(t, c, tc.sql), tc.sql)
	}
}

func TestBindParameters(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	st, err := c.Prepare(context.Background(), "INSERT INTO t VALUES (?, :v)")
	require.NoError(t, err)
	require.Equal(t, []ParamInfo{{Ordinal: 1}, {Ordinal: 2, Name: "v"}}, st.Params())
	_, err = st.Exec(context.Background(), []Arg{intArg(1, 1), {Name: "v", Value: textValue("one")}})
	require.NoError(t, err)
	_, err = st.Exec(context.Background(), []Arg{intArg(1, 2), {Ordinal: 2, Value: textValue("two")}})
	require.NoError(t, err)
	require.Equal(t, [][]any{{"two"}}, queryRows(t, c, "SELECT v FROM t WHERE id = @id", Arg{Name: "id", Value: intValue(2)}))
	require.Equal(t, [][]any{{"one"}}, queryRows(t, c, "SELECT v FROM t WHERE id = ?1", intArg(1, 1)))
	require.Equal(t, [][]any{{"one"}}, queryRows(t, c, "SELECT v FROM t WHERE id = $id", Arg{Name: "id", Value: intValue(1)}))
}

func TestExecScriptStopsAtFirstError(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	_, err := c.ExecScript(context.Background(), "INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed: t PK")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM t"))
}

func TestExecScriptNumbersParametersAcrossStatements(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	n := mustExec(t, c, "INSERT INTO t VALUES (?, ?); INSERT INTO t VALUES (?, 'z')",
		intArg(1, 1), Arg{Ordinal: 2, Value: textValue("a")}, intArg(3, 2))
	require.Equal(t, int64(2), n)
	require.Equal(t, [][]any{{int64(1), "a"}, {int64(2), "z"}}, queryRows(t, c, "SELECT id, v FROM t ORDER BY id"))
}
