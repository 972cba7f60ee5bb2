package engine

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// plan returns the EXPLAIN QUERY PLAN detail lines of a statement.
func plan(t *testing.T, c *Conn, sql string) []string {
	t.Helper()
	var out []string
	for _, r := range queryRows(t, c, "EXPLAIN QUERY PLAN "+sql) {
		out = append(out, r[2].(string))
	}
	return out
}

func setupPlannerDB(t *testing.T) *Conn {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER, c TEXT);
		CREATE INDEX tb ON t (b);
		CREATE TABLE u (x INTEGER, y INTEGER, PRIMARY KEY (x, y));
		CREATE TABLE v (id INTEGER PRIMARY KEY, tb INTEGER)`)
	var sql string
	for i := 0; i < 200; i++ {
		sql += fmt.Sprintf("INSERT INTO t VALUES (%d, %d, 'c%d'); INSERT INTO u VALUES (%d, %d); ", i, i%50, i, i%20, i)
	}
	mustExec(t, c, sql)
	return c
}

func TestAccessPathChoice(t *testing.T) {
	c := setupPlannerDB(t)
	cases := []struct {
		sql  string
		want []string
	}{
		{"SELECT * FROM t", []string{"SCAN t"}},
		{"SELECT * FROM t WHERE a = 5", []string{"SEARCH t USING PRIMARY KEY (a=?)"}},
		{"SELECT * FROM t WHERE a > 5 AND a < 9", []string{"SEARCH t USING PRIMARY KEY (a>? AND a<?)"}},
		{"SELECT * FROM t WHERE b = 7", []string{"SEARCH t USING INDEX tb (b=?)"}},
		{"SELECT * FROM t WHERE b >= 7 AND b <= 9", []string{"SEARCH t USING INDEX tb (b>=? AND b<=?)"}},
		{"SELECT * FROM t WHERE c = 'c7'", []string{"SCAN t"}},
		{"SELECT * FROM u WHERE x = 3", []string{"SEARCH u USING PRIMARY KEY (x=?)"}},
		{"SELECT * FROM u WHERE x = 3 AND y > 10", []string{"SEARCH u USING PRIMARY KEY (x=? AND y>?)"}},
		{"SELECT * FROM u WHERE y = 3", []string{"SCAN u"}},
		{"SELECT * FROM t WHERE a = 5 AND b = 5", []string{"SEARCH t USING PRIMARY KEY (a=?)"}},
		{"SELECT * FROM t ORDER BY c", []string{"SCAN t", "USE TEMP B-TREE FOR ORDER BY"}},
		{"SELECT * FROM t ORDER BY a", []string{"SCAN t"}},
		{"SELECT * FROM t ORDER BY b", []string{"SCAN t USING INDEX tb"}},
		{"SELECT * FROM v JOIN t ON t.b = v.tb", []string{"SCAN v", "SEARCH t USING INDEX tb (b=?)"}},
		{"SELECT * FROM v JOIN t ON t.a = v.tb", []string{"SCAN v", "SEARCH t USING PRIMARY KEY (a=?)"}},
		{"UPDATE t SET c = 'x' WHERE a = 3", []string{"SEARCH t USING PRIMARY KEY (a=?)"}},
		{"DELETE FROM t WHERE b = 3", []string{"SEARCH t USING INDEX tb (b=?)"}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, plan(t, c, tc.sql), tc.sql)
	}
}

func TestAccessPathResults(t *testing.T) {
	c := setupPlannerDB(t)
	cases := []struct {
		sql  string
		want [][]any
	}{
		{"SELECT a FROM t WHERE a = 5", [][]any{{int64(5)}}},
		{"SELECT a FROM t WHERE a > 195", [][]any{{int64(196)}, {int64(197)}, {int64(198)}, {int64(199)}}},
		{"SELECT a FROM t WHERE a >= 3 AND a < 5", [][]any{{int64(3)}, {int64(4)}}},
		{"SELECT a FROM t WHERE b = 7 ORDER BY a", [][]any{{int64(7)}, {int64(57)}, {int64(107)}, {int64(157)}}},
		{"SELECT count(*) FROM t WHERE b BETWEEN 48 AND 49", [][]any{{int64(8)}}},
		{"SELECT y FROM u WHERE x = 3 AND y > 100 ORDER BY y", [][]any{{int64(103)}, {int64(123)}, {int64(143)}, {int64(163)}, {int64(183)}}},
		{"SELECT a FROM t WHERE a = '5'", [][]any{{int64(5)}}},
		{"SELECT a FROM t WHERE a = NULL", [][]any{}},
		{"SELECT a FROM t ORDER BY a DESC LIMIT 2", [][]any{{int64(199)}, {int64(198)}}},
		{"SELECT b FROM t ORDER BY b LIMIT 3", [][]any{{int64(0)}, {int64(0)}, {int64(0)}}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, queryRows(t, c, tc.sql), tc.sql)
	}
}

func TestDescendingKeyRange(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE d (k INTEGER, PRIMARY KEY (k DESC));
		INSERT INTO d VALUES (1), (2), (3), (4), (5)`)
	require.Equal(t, []string{"SEARCH d USING PRIMARY KEY (k>? AND k<=?)"}, plan(t, c, "SELECT k FROM d WHERE k > 1 AND k <= 4"))
	require.Equal(t, [][]any{{int64(4)}, {int64(3)}, {int64(2)}}, queryRows(t, c, "SELECT k FROM d WHERE k > 1 AND k <= 4"))
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, "SELECT k FROM d WHERE k < 3 ORDER BY k"))
}

func TestExpressionIndex(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT);
		CREATE UNIQUE INDEX u_email ON u (lower(email));
		INSERT INTO u VALUES (1, 'Ann@X'), (2, 'bob@x')`)
	_, err := c.ExecScript(context.Background(), "INSERT INTO u VALUES (3, 'ANN@x')", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed")
	require.Equal(t, []string{"SEARCH u USING INDEX u_email (lower(email)=?)"}, plan(t, c, "SELECT id FROM u WHERE lower(email) = 'bob@x'"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT id FROM u WHERE lower(email) = 'bob@x'"))
	mustExec(t, c, "UPDATE u SET email = 'Carl@x' WHERE id = 2")
	require.Equal(t, [][]any{}, queryRows(t, c, "SELECT id FROM u WHERE lower(email) = 'bob@x'"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT id FROM u WHERE lower(email) = 'carl@x'"))
}

func TestInListSeeks(t *testing.T) {
	c := setupPlannerDB(t)
	require.Equal(t, []string{"SEARCH t USING PRIMARY KEY (a IN (...))"}, plan(t, c, "SELECT b FROM t WHERE a IN (3, 1, 2)"))
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}, {int64(3)}}, queryRows(t, c, "SELECT a FROM t WHERE a IN (3, 1, 2, 1, NULL)"))
	require.Equal(t, [][]any{{int64(3)}, {int64(1)}}, queryRows(t, c, "SELECT a FROM t WHERE a IN (3, 1) ORDER BY a DESC"))
	require.Equal(t, []string{"SEARCH u USING PRIMARY KEY (x=? AND y IN (...))"}, plan(t, c, "SELECT * FROM u WHERE x = 3 AND y IN (3, 23)"))
	require.Equal(t, [][]any{{int64(3)}, {int64(23)}}, queryRows(t, c, "SELECT y FROM u WHERE x = 3 AND y IN (23, 3, 4)"))
	require.Equal(t, [][]any{{int64(7)}, {int64(57)}, {int64(107)}, {int64(157)}, {int64(9)}, {int64(59)}, {int64(109)}, {int64(159)}},
		queryRows(t, c, "SELECT a FROM t WHERE b IN (9, 7)"))
}

func TestOrOfEqualitiesSeeks(t *testing.T) {
	c := setupPlannerDB(t)
	require.Equal(t, []string{"SEARCH t USING PRIMARY KEY (a IN (...))"}, plan(t, c, "SELECT b FROM t WHERE a = 4 OR a = 2"))
	require.Equal(t, [][]any{{int64(2)}, {int64(4)}}, queryRows(t, c, "SELECT a FROM t WHERE a = 4 OR 2 = a"))
	require.Equal(t, []string{"SCAN t"}, plan(t, c, "SELECT b FROM t WHERE a = 4 OR b = 2"))
	require.Equal(t, [][]any{{int64(2)}, {int64(4)}, {int64(52)}}, queryRows(t, c, "SELECT a FROM t WHERE a = 4 OR b = 2 ORDER BY a LIMIT 3"))
}

func TestLikePrefixSeek(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE w (id INTEGER PRIMARY KEY, word TEXT COLLATE BINARY, ci TEXT COLLATE NOCASE);
		CREATE INDEX w_word ON w (word);
		CREATE INDEX w_ci ON w (ci);
		INSERT INTO w VALUES (1, 'apple', 'apple'), (2, 'apricot', 'apricot'), (3, 'banana', 'banana'), (4, 'Apex', 'Apex'), (5, 'ap', 'ap')`)
	require.Equal(t, []string{"SEARCH w USING INDEX w_word (word>? AND word<?)"}, plan(t, c, "SELECT id FROM w WHERE word LIKE 'ap%'"))
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}, {int64(5)}}, queryRows(t, c, "SELECT id FROM w WHERE word LIKE 'ap%' ORDER BY id"))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM w WHERE word LIKE 'ap_l%'"))
	require.Equal(t, []string{"SCAN w"}, plan(t, c, "SELECT id FROM w WHERE ci LIKE 'ap%'"), "NOCASE keys cannot serve case-sensitive LIKE")
}
