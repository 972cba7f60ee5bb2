package engine

import (
	"context"
	"testing"
	"time"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

func setupSelectDB(t *testing.T) *Conn {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE l (id INTEGER PRIMARY KEY, v TEXT);
		CREATE TABLE r (id INTEGER PRIMARY KEY, lid INTEGER, w TEXT);
		INSERT INTO l VALUES (1, 'L1'), (2, 'L2'), (3, 'L3');
		INSERT INTO r VALUES (10, 1, 'R1'), (20, 2, 'R2'), (40, 4, 'R4')`)
	return c
}

func TestJoins(t *testing.T) {
	c := setupSelectDB(t)
	cases := []struct {
		sql  string
		want [][]any
	}{
		{"SELECT l.id, r.id FROM l JOIN r ON l.id = r.lid ORDER BY l.id", [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}}},
		{"SELECT l.id, r.id FROM l LEFT JOIN r ON l.id = r.lid ORDER BY l.id", [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}, {int64(3), nil}}},
		{"SELECT l.id, r.id FROM l RIGHT JOIN r ON l.id = r.lid ORDER BY r.id", [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}, {nil, int64(40)}}},
		{"SELECT l.id, r.id FROM l FULL JOIN r ON l.id = r.lid ORDER BY coalesce(l.id, r.id)", [][]any{{int64(1), int64(10)}, {int64(2), int64(20)}, {int64(3), nil}, {nil, int64(40)}}},
		{"SELECT count(*) FROM l CROSS JOIN r", [][]any{{int64(9)}}},
		{"SELECT count(*) FROM l, r WHERE l.id = r.lid", [][]any{{int64(2)}}},
		{"SELECT l.v FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.lid = l.id) ORDER BY 1", [][]any{{"L1"}, {"L2"}}},
		{"SELECT l.v FROM l WHERE l.id NOT IN (SELECT lid FROM r) ", [][]any{{"L3"}}},
		{"SELECT l.v, (SELECT count(*) FROM r WHERE r.lid >= l.id) AS n FROM l ORDER BY l.id", [][]any{{"L1", int64(3)}, {"L2", int64(2)}, {"L3", int64(1)}}},
		{"SELECT d.x FROM (SELECT id * 2 AS x FROM l) AS d WHERE d.x > 2 ORDER BY d.x", [][]any{{int64(4)}, {int64(6)}}},
		{"SELECT l.id, has_r FROM l LEFT JOIN r ON r.lid = l.id EXISTS RIGHT AS has_r ORDER BY l.id", [][]any{{int64(1), true}, {int64(2), true}, {int64(3), false}}},
		{"SELECT l.id, x.w FROM l LEFT JOIN LATERAL (SELECT w FROM r WHERE r.lid = l.id) AS x ON 1 = 1 ORDER BY l.id", [][]any{{int64(1), "R1"}, {int64(2), "R2"}, {int64(3), nil}}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, queryRows(t, c, tc.sql), tc.sql)
	}
	require.Equal(t, []string{"id", "id:1"}, columnNames(t, c, "SELECT l.id, r.id FROM l JOIN r USING (id)"))
	_, err := queryErr(c, "SELECT id FROM l JOIN r USING (id)")
	require.ErrorContains(t, err, "ambiguous column name: id")
}

func TestAggregates(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE a (id INTEGER PRIMARY KEY, g TEXT, v INTEGER NULL);
		INSERT INTO a VALUES (1, 'x', 10), (2, 'y', 20), (3, 'x', 30), (4, 'y', NULL), (5, 'z', 10)`)
	cases := []struct {
		sql  string
		want [][]any
	}{
		{"SELECT count(*), count(v), sum(v), min(v), max(v) FROM a", [][]any{{int64(5), int64(4), int64(70), int64(10), int64(30)}}},
		{"SELECT g, sum(v) AS s FROM a GROUP BY g ORDER BY g", [][]any{{"x", int64(40)}, {"y", int64(20)}, {"z", int64(10)}}},
		{"SELECT g FROM a GROUP BY g HAVING count(*) > 1 ORDER BY g", [][]any{{"x"}, {"y"}}},
		{"SELECT g, sum(v) AS s FROM a GROUP BY g HAVING s > 15 ORDER BY s DESC", [][]any{{"x", int64(40)}, {"y", int64(20)}}},
		{"SELECT count(DISTINCT v) FROM a", [][]any{{int64(3)}}},
		{"SELECT count(*), sum(v) FROM a WHERE id > 100", [][]any{{int64(0), nil}}},
		{"SELECT g, count(*) FROM a GROUP BY 1 ORDER BY 2 DESC, 1", [][]any{{"x", int64(2)}, {"y", int64(2)}, {"z", int64(1)}}},
		{"SELECT DISTINCT g FROM a ORDER BY g DESC", [][]any{{"z"}, {"y"}, {"x"}}},
		{"SELECT count(*) FILTER (WHERE v > 10), count(*) FROM a", [][]any{{int64(2), int64(5)}}},
		{"SELECT group_concat(id ORDER BY id DESC) FROM a WHERE g = 'x'", [][]any{{"3,1"}}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, queryRows(t, c, tc.sql), tc.sql)
	}
	_, err := queryErr(c, "SELECT g, v, count(*) FROM a GROUP BY g")
	require.ErrorContains(t, err, "Column 'v' must appear in the GROUP BY clause")
	_, err = queryErr(c, "SELECT g, count(*) FROM a")
	require.ErrorContains(t, err, "aggregate and non-aggregate")
}

func TestCTEsAndSetOperations(t *testing.T) {
	_, c := openTestDB(t)
	cases := []struct {
		sql  string
		want [][]any
	}{
		{"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT sum(x) FROM n", [][]any{{int64(15)}}},
		{"WITH a AS (SELECT 1 AS v UNION ALL SELECT 2) SELECT v FROM a ORDER BY v DESC", [][]any{{int64(2)}, {int64(1)}}},
		{"SELECT 1 UNION SELECT 1 UNION SELECT 2 ORDER BY 1", [][]any{{int64(1)}, {int64(2)}}},
		{"VALUES (1), (2), (3) EXCEPT VALUES (2)", [][]any{{int64(1)}, {int64(3)}}},
		{"SELECT * FROM (VALUES (1), (2)) INTERSECT SELECT 2", [][]any{{int64(2)}}},
		{"SELECT value FROM generate_series(1, 3)", [][]any{{int64(1)}, {int64(2)}, {int64(3)}}},
		{"SELECT 1 LIMIT 0", [][]any{}},
		{"SELECT * FROM (VALUES (1), (2), (3), (4)) LIMIT 2 OFFSET 1", [][]any{{int64(2)}, {int64(3)}}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, queryRows(t, c, tc.sql), tc.sql)
	}
}

func TestViews(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);
		INSERT INTO t VALUES (1, 5), (2, 15);
		CREATE VIEW big (ident) AS SELECT id FROM t WHERE v > 10`)
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT ident FROM big"))
	_, err := c.ExecScript(context.Background(), "INSERT INTO big VALUES (3)", nil)
	require.ErrorContains(t, err, "cannot write through view")
	mustExec(t, c, "DROP VIEW big")
	_, err = queryErr(c, "SELECT * FROM big")
	require.ErrorContains(t, err, "no such table")
}

func TestContextCancellationStopsScan(t *testing.T) {
	_, c := openTestDB(t)
	// 10^8 joined rows: only cancellation can end this quickly.
	st := mustPrepare(t, c, "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 1000) b")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	rows, err := st.Query(ctx, nil)
	if err == nil {
		_, err = rows.Next(ctx)
		rows.Close()
	}
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestUpdateFrom(t *testing.T) {
	c := setupSelectDB(t)
	mustExec(t, c, "UPDATE l SET v = r.w FROM r WHERE r.lid = l.id")
	require.Equal(t, [][]any{{"R1"}, {"R2"}, {"L3"}}, queryRows(t, c, "SELECT v FROM l ORDER BY id"))
	require.Equal(t, []string{"SCAN l", "SEARCH r USING PRIMARY KEY (id=?)"},
		plan(t, c, "UPDATE l SET v = 'x' FROM r WHERE r.id = l.id"))
}

// A HAVING alias does not rescue a bare name that is ambiguous among the
// grouped columns; an unambiguous one still resolves to the alias.
func TestHavingAliasOverAmbiguousName(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE g (id INTEGER PRIMARY KEY, a TEXT); INSERT INTO g VALUES (1, 'x'), (2, 'x'), (3, 'y')`)
	_, err := queryErr(c, `SELECT i.a AS a, count(*) AS n FROM g i JOIN g j ON i.a = j.a GROUP BY i.a, j.a HAVING a = 'x'`)
	require.ErrorContains(t, err, "ambiguous column name: a")
	require.Equal(t, [][]any{{"x", int64(2)}},
		queryRows(t, c, `SELECT a AS k, count(*) AS n FROM g GROUP BY a HAVING k = 'x'`))
}

// The numeric builtins gate their arguments at plan time: a statically
// textual argument fails; NULL, parameters and unknown types pass.
func TestNumericBuiltinArgumentGate(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE nt (id INTEGER PRIMARY KEY, s TEXT, n INTEGER); INSERT INTO nt VALUES (1, '42', -3)`)
	for _, q := range []string{`SELECT abs('abc')`, `SELECT abs(s) FROM nt`, `SELECT floor(s) FROM nt`, `SELECT clamp(n, s, 5) FROM nt`} {
		_, err := queryErr(c, q)
		require.ErrorContains(t, err, "Invalid argument types for function", q)
	}
	require.Equal(t, [][]any{{nil, int64(3), int64(42)}},
		queryRows(t, c, `SELECT abs(NULL), abs(n), abs(integer(s)) FROM nt`))
	require.Equal(t, [][]any{{int64(7)}}, queryRows(t, c, `SELECT abs(?)`, Arg{Ordinal: 1, Value: value.Int(-7)}))
}
