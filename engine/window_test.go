package engine

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// setupWindowDB creates the tables the window tests share:
// t(id, g, v) with a NULL group and a NULL value, n(x) = 1..5 and
// d(x) = 1, 1, 2, 3, 3, 3 (peer groups).
func setupWindowDB(t *testing.T) *Conn {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, g TEXT NULL, v INTEGER NULL);
		INSERT INTO t VALUES (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', NULL), (6, NULL, 7);
		CREATE TABLE n (x INTEGER PRIMARY KEY);
		INSERT INTO n VALUES (1), (2), (3), (4), (5);
		CREATE TABLE d (id INTEGER PRIMARY KEY, x INTEGER);
		INSERT INTO d VALUES (1, 1), (2, 1), (3, 2), (4, 3), (5, 3), (6, 3)`)
	return c
}

type windowCase struct {
	sql  string
	want [][]any
}

func runWindowCases(t *testing.T, c *Conn, cases []windowCase) {
	t.Helper()
	for _, tc := range cases {
		require.Equal(t, tc.want, queryRows(t, c, tc.sql), tc.sql)
	}
}

// ints builds one single-column row per value (nil stays NULL).
func ints(vals ...any) [][]any {
	out := make([][]any, len(vals))
	for i, v := range vals {
		if n, ok := v.(int); ok {
			v = int64(n)
		}
		out[i] = []any{v}
	}
	return out
}

func TestWindowRankingAndPartitions(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT id, row_number() OVER (PARTITION BY g ORDER BY v), rank() OVER (PARTITION BY g ORDER BY v),
			dense_rank() OVER (PARTITION BY g ORDER BY v) FROM t ORDER BY id`,
			[][]any{{int64(1), int64(1), int64(1), int64(1)}, {int64(2), int64(2), int64(2), int64(2)}, {int64(3), int64(3), int64(2), int64(2)},
				{int64(4), int64(2), int64(2), int64(2)}, {int64(5), int64(1), int64(1), int64(1)}, {int64(6), int64(1), int64(1), int64(1)}}},
		// NULL partition keys form one partition.
		{`SELECT id, count(*) OVER (PARTITION BY g) FROM t ORDER BY id`,
			[][]any{{int64(1), int64(3)}, {int64(2), int64(3)}, {int64(3), int64(3)}, {int64(4), int64(2)}, {int64(5), int64(2)}, {int64(6), int64(1)}}},
		{`SELECT cume_dist() OVER (ORDER BY x), percent_rank() OVER (ORDER BY x) FROM d ORDER BY id`,
			[][]any{{1.0 / 3, 0.0}, {1.0 / 3, 0.0}, {0.5, 0.4}, {1.0, 0.6}, {1.0, 0.6}, {1.0, 0.6}}},
		{`SELECT ntile(2) OVER (ORDER BY x) FROM n ORDER BY x`, ints(1, 1, 1, 2, 2)},
		{`SELECT ntile(10) OVER (ORDER BY x) FROM n ORDER BY x`, ints(1, 2, 3, 4, 5)},
		// A window call inside an expression, and in ORDER BY only.
		{`SELECT 10 * row_number() OVER (ORDER BY x DESC) FROM n ORDER BY x`, ints(50, 40, 30, 20, 10)},
		{`SELECT x FROM n ORDER BY row_number() OVER (ORDER BY x DESC)`, ints(5, 4, 3, 2, 1)},
		{`SELECT row_number() OVER () FROM n WHERE x > 100`, [][]any{}},
	})
}

func TestWindowNullOrdering(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT id, row_number() OVER (ORDER BY v) FROM t WHERE g = 'b' ORDER BY id`, [][]any{{int64(4), int64(2)}, {int64(5), int64(1)}}},
		{`SELECT id, row_number() OVER (ORDER BY v NULLS LAST) FROM t WHERE g = 'b' ORDER BY id`, [][]any{{int64(4), int64(1)}, {int64(5), int64(2)}}},
		// A NULL row's offset RANGE frame is its NULL peers; other rows never see it.
		{`SELECT id, sum(v) OVER (ORDER BY v RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM t WHERE g = 'b' ORDER BY id`,
			[][]any{{int64(4), int64(5)}, {int64(5), nil}}},
	})
}

func TestWindowDefaultFramesAndPeers(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		// ORDER BY without a frame: RANGE UNBOUNDED PRECEDING..CURRENT ROW, peers included.
		{`SELECT sum(v) OVER (ORDER BY v) FROM t WHERE g = 'a' ORDER BY id`, ints(10, 50, 50)},
		{`SELECT last_value(id) OVER (ORDER BY v) FROM t WHERE g = 'a' ORDER BY id`, ints(1, 3, 3)},
		{`SELECT sum(v) OVER (ORDER BY v, id ROWS UNBOUNDED PRECEDING) FROM t WHERE g = 'a' ORDER BY id`, ints(10, 30, 50)},
		// No ORDER BY: the whole partition.
		{`SELECT sum(v) OVER (), last_value(id) OVER () FROM t WHERE g = 'a' ORDER BY id`,
			[][]any{{int64(50), int64(3)}, {int64(50), int64(3)}, {int64(50), int64(3)}}},
	})
}

func TestWindowFrames(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM n ORDER BY x`, ints(3, 6, 9, 12, 9)},
		{`SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM n ORDER BY x`, ints(1, 3, 6, 9, 12)},
		// DESC: PRECEDING means larger values.
		{`SELECT sum(x) OVER (ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n ORDER BY x`, ints(3, 5, 7, 9, 5)},
		{`SELECT count(*) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM d ORDER BY id`, ints(2, 2, 3, 4, 4, 4)},
		{`SELECT count(*) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM d ORDER BY id`, ints(3, 3, 4, 3, 3, 3)},
		// Empty frames: count 0, sum NULL.
		{`SELECT count(*) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING), sum(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM n ORDER BY x`,
			[][]any{{int64(0), nil}, {int64(1), int64(1)}, {int64(2), int64(3)}, {int64(2), int64(5)}, {int64(2), int64(7)}}},
		// Sliding min/max (recomputed per row).
		{`SELECT max(x) OVER (ORDER BY x DESC ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM n ORDER BY x`, ints(2, 3, 4, 5, 5)},
		{`SELECT first_value(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM n ORDER BY x`, ints(2, 3, 4, 5, nil)},
		{`SELECT nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM n ORDER BY x`, ints(2, 2, 2, 2, 2)},
		// Offsets from parameters.
		{`SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM n ORDER BY x`, ints(1, 2, 3, 4, 5)},
	})
	rows, err := queryErr(c, `SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN ? PRECEDING AND CURRENT ROW) FROM n ORDER BY x`, intArg(1, 1))
	require.NoError(t, err)
	require.Equal(t, ints(1, 3, 5, 7, 9), rows)
	_, err = queryErr(c, `SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN ? PRECEDING AND CURRENT ROW) FROM n`, intArg(1, -1))
	require.ErrorContains(t, err, "Invalid window frame offset")
}

func TestWindowExclude(t *testing.T) {
	c := setupWindowDB(t)
	const all = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
	runWindowCases(t, c, []windowCase{
		{`SELECT sum(x) OVER (ORDER BY x ` + all + ` EXCLUDE CURRENT ROW) FROM n ORDER BY x`, ints(14, 13, 12, 11, 10)},
		{`SELECT sum(x) OVER (ORDER BY x ` + all + ` EXCLUDE GROUP) FROM d ORDER BY id`, ints(11, 11, 11, 4, 4, 4)},
		{`SELECT sum(x) OVER (ORDER BY x ` + all + ` EXCLUDE TIES) FROM d ORDER BY id`, ints(12, 12, 13, 7, 7, 7)},
		{`SELECT sum(x) OVER (ORDER BY x ` + all + ` EXCLUDE NO OTHERS) FROM d ORDER BY id`, ints(13, 13, 13, 13, 13, 13)},
		{`SELECT first_value(x) OVER (ORDER BY x ` + all + ` EXCLUDE CURRENT ROW) FROM n ORDER BY x`, ints(2, 1, 1, 1, 1)},
		{`SELECT last_value(x) OVER (ORDER BY x ` + all + ` EXCLUDE GROUP) FROM d ORDER BY id`, ints(3, 3, 3, 2, 2, 2)},
	})
}

func TestWindowNavigation(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT lag(x) OVER (ORDER BY x) FROM n ORDER BY x`, ints(nil, 1, 2, 3, 4)},
		{`SELECT lead(x, 2, 0) OVER (ORDER BY x) FROM n ORDER BY x`, ints(3, 4, 5, 0, 0)},
		{`SELECT lag(x, 1, 'none') OVER (ORDER BY x) FROM n WHERE x < 3 ORDER BY x`, [][]any{{"none"}, {int64(1)}}},
		{`SELECT id, lag(v) OVER (PARTITION BY g ORDER BY id) FROM t ORDER BY id`,
			[][]any{{int64(1), nil}, {int64(2), int64(10)}, {int64(3), int64(20)}, {int64(4), nil}, {int64(5), int64(5)}, {int64(6), nil}}},
	})
}

func TestWindowNamed(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT x, row_number() OVER w, sum(x) OVER (w ROWS UNBOUNDED PRECEDING) FROM n WINDOW w AS (ORDER BY x DESC) ORDER BY x`,
			[][]any{{int64(1), int64(5), int64(15)}, {int64(2), int64(4), int64(14)}, {int64(3), int64(3), int64(12)}, {int64(4), int64(2), int64(9)}, {int64(5), int64(1), int64(5)}}},
		{`SELECT id, row_number() OVER b FROM t WINDOW a AS (PARTITION BY g), b AS (a ORDER BY id DESC) ORDER BY id`,
			[][]any{{int64(1), int64(3)}, {int64(2), int64(2)}, {int64(3), int64(1)}, {int64(4), int64(2)}, {int64(5), int64(1)}, {int64(6), int64(1)}}},
	})
	for sql, msg := range map[string]string{
		`SELECT row_number() OVER nosuch FROM n`:                                             "no such window: nosuch",
		`SELECT row_number() OVER (w PARTITION BY x) FROM n WINDOW w AS (ORDER BY x)`:        "cannot override PARTITION BY",
		`SELECT row_number() OVER (w ORDER BY x) FROM n WINDOW w AS (ORDER BY x)`:            "cannot override ORDER BY",
		`SELECT row_number() OVER w FROM n WINDOW w AS (ORDER BY x), w AS (ORDER BY x DESC)`: "duplicate window name",
		`SELECT row_number() OVER w FROM n WINDOW w AS (w ORDER BY x)`:                       "",
	} {
		_, err := queryErr(c, sql)
		require.Error(t, err, sql)
		require.ErrorContains(t, err, msg, sql)
	}
}

func TestWindowAggregateOptions(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT count(DISTINCT x) OVER () FROM d ORDER BY id`, ints(3, 3, 3, 3, 3, 3)},
		{`SELECT count(DISTINCT x) OVER (ORDER BY x) FROM d ORDER BY id`, ints(1, 1, 2, 3, 3, 3)},
		{`SELECT sum(DISTINCT x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM d ORDER BY id`, ints(1, 3, 6, 5, 3, 3)},
		{`SELECT sum(x) FILTER (WHERE x > 1) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM n ORDER BY x`, ints(nil, 2, 5, 9, 14)},
		{`SELECT avg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n ORDER BY x`, [][]any{{1.0}, {1.5}, {2.5}, {3.5}, {4.5}}},
		{`SELECT group_concat(x, '-') OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM n ORDER BY x`,
			[][]any{{"1-2"}, {"2-3"}, {"3-4"}, {"4-5"}, {"5"}}},
	})
}

func TestWindowGrouped(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT g, count(*), rank() OVER (ORDER BY count(*) DESC) FROM t GROUP BY g ORDER BY g`,
			[][]any{{nil, int64(1), int64(3)}, {"a", int64(3), int64(1)}, {"b", int64(2), int64(2)}}},
		{`SELECT g, sum(count(*)) OVER () FROM t GROUP BY g ORDER BY g`,
			[][]any{{nil, int64(6)}, {"a", int64(6)}, {"b", int64(6)}}},
		{`SELECT g AS k, row_number() OVER (ORDER BY k DESC) FROM t GROUP BY g ORDER BY k`,
			// NULLs sort first in both directions, as in the engine's ORDER BY.
			[][]any{{nil, int64(1)}, {"a", int64(3)}, {"b", int64(2)}}},
	})
	for sql, msg := range map[string]string{
		`SELECT g, row_number() OVER (ORDER BY v) FROM t GROUP BY g`:                 "Column 'v' must appear in the GROUP BY clause",
		`SELECT g, row_number() OVER (ORDER BY count(*)) FROM t GROUP BY g`:          "Aggregate function count in a window function's ORDER BY",
		`SELECT count(*), row_number() OVER () FROM t`:                               "Cannot mix aggregate and non-aggregate columns",
		`SELECT g AS k, v AS k, row_number() OVER (ORDER BY k) FROM t GROUP BY g, v`: "ambiguous column name: k",
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, msg, sql)
	}
}

func TestWindowErrors(t *testing.T) {
	c := setupWindowDB(t)
	for sql, msg := range map[string]string{
		`SELECT x FROM n WHERE row_number() OVER () > 1`:                                          "not allowed in WHERE",
		`SELECT sum(row_number() OVER ()) OVER () FROM n`:                                         "cannot be nested",
		`SELECT x % 2, sum(row_number() OVER ()) FROM n GROUP BY x % 2`:                           "misuse of window function",
		`SELECT x FROM n JOIN d ON row_number() OVER () = d.id`:                                   "misuse of window function",
		`SELECT json_group_array(x) OVER () FROM n`:                                               "Unknown window function: json_group_array",
		`SELECT abs(x) OVER () FROM n`:                                                            "Unknown window function: abs",
		`SELECT row_number(1) OVER () FROM n`:                                                     "Function not found: row_number/1",
		`SELECT ntile(0) OVER (ORDER BY x) FROM n`:                                                "ntile",
		`SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM n`:         "frame starting from CURRENT ROW",
		`SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM n`: "UNBOUNDED FOLLOWING",
		`SELECT sum(x) OVER (ORDER BY x, x RANGE 1 PRECEDING) FROM n`:                             "exactly one ORDER BY column",
		`SELECT sum(x) OVER (GROUPS 1 PRECEDING) FROM n`:                                          "GROUPS mode requires an ORDER BY",
		`SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM n`:      "Invalid window frame offset",
		`SELECT x FROM n WINDOW w AS (ORDER BY x) ORDER BY lag(x) OVER v`:                         "no such window: v",
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, msg, sql)
	}
}

// TestWindowSlidingMatchesBruteForce checks sliding aggregate frames (the
// incremental, inverse and recompute paths) against a direct computation.
func TestWindowSlidingMatchesBruteForce(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE r (id INTEGER PRIMARY KEY, g INTEGER, v INTEGER NULL)`)
	rng := rand.New(rand.NewSource(7))
	type row struct {
		g int
		v *int64
	}
	rows := make([]row, 60)
	var ins strings.Builder
	ins.WriteString("INSERT INTO r VALUES ")
	for i := range rows {
		rows[i].g = rng.Intn(3)
		val := "NULL"
		if rng.Intn(5) > 0 {
			v := int64(rng.Intn(50) - 10)
			rows[i].v = &v
			val = fmt.Sprint(v)
		}
		if i > 0 {
			ins.WriteString(", ")
		}
		fmt.Fprintf(&ins, "(%d, %d, %s)", i+1, rows[i].g, val)
	}
	mustExec(t, c, ins.String())
	for _, fr := range [][2]int{{0, 0}, {2, 0}, {0, 3}, {3, 2}, {-1, 2}, {5, -2}} {
		// fr = (p, f): ROWS BETWEEN p PRECEDING AND f FOLLOWING; negative
		// values mean the bound is on the other side of the current row.
		bound := func(k int, dir string, other string) string {
			if k < 0 {
				return fmt.Sprintf("%d %s", -k, other)
			}
			return fmt.Sprintf("%d %s", k, dir)
		}
		frame := fmt.Sprintf("ROWS BETWEEN %s AND %s", bound(fr[0], "PRECEDING", "FOLLOWING"), bound(fr[1], "FOLLOWING", "PRECEDING"))
		got := queryRows(t, c, `SELECT sum(v) OVER w, count(v) OVER w, min(v) OVER w, max(v) OVER w FROM r
			WINDOW w AS (PARTITION BY g ORDER BY id `+frame+`) ORDER BY id`)
		require.Len(t, got, len(rows))
		for i := range rows {
			var part []int
			for j := range rows {
				if rows[j].g == rows[i].g {
					part = append(part, j)
				}
			}
			pos := 0
			for k, j := range part {
				if j == i {
					pos = k
				}
			}
			var sum, cnt int64
			var mn, mx any
			for k := max(0, pos-fr[0]); k <= min(len(part)-1, pos+fr[1]); k++ {
				v := rows[part[k]].v
				if v == nil {
					continue
				}
				sum += *v
				cnt++
				if mn == nil || *v < mn.(int64) {
					mn = *v
				}
				if mx == nil || *v > mx.(int64) {
					mx = *v
				}
			}
			want := []any{sum, cnt, mn, mx}
			if cnt == 0 {
				want[0] = nil
			}
			require.Equal(t, want, got[i], "%s row %d", frame, i+1)
		}
	}
}

// TestWindowJSONResultType checks that a window function returning its
// argument keeps the argument's declared type.
func TestWindowJSONResultType(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE j (id INTEGER PRIMARY KEY, d JSON);
		INSERT INTO j VALUES (1, '[8,1]'), (2, '[9]'), (3, '[10]')`)
	st := mustPrepare(t, c, `SELECT min(d) OVER () AS mn, first_value(d) OVER (ORDER BY id) AS fv FROM j`)
	defer st.Close()
	cols := st.Columns()
	require.Len(t, cols, 2)
	for _, col := range cols {
		require.Equal(t, "JSON", col.DeclType, col.Name)
	}
	rs, err := st.Query(context.Background(), nil)
	require.NoError(t, err)
	defer rs.Close()
	r, err := rs.Next(context.Background())
	require.NoError(t, err)
	require.Equal(t, value.KindJSON, r[0].Kind())
	require.Equal(t, "[8,1]", r[0].JSONText())
}

// TestWindowTimespanKeys checks that TIMESPAN partition and order keys
// compare by elapsed time.
func TestWindowTimespanKeys(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ts (id INTEGER PRIMARY KEY, d TIMESPAN);
		INSERT INTO ts VALUES (1, 'PT2H'), (2, 'PT90M'), (3, 'PT120M')`)
	require.Equal(t, [][]any{{int64(1), int64(2), int64(2)}, {int64(2), int64(1), int64(1)}, {int64(3), int64(3), int64(2)}},
		queryRows(t, c, `SELECT id, row_number() OVER (ORDER BY d, id), count(*) OVER (PARTITION BY d) FROM ts ORDER BY id`))
}

// TestGroupedCorrelatedUngroupedColumn checks that a subquery of a grouped
// query may correlate on a grouping key but not on an ungrouped column.
func TestGroupedCorrelatedUngroupedColumn(t *testing.T) {
	c := setupWindowDB(t)
	require.Equal(t, [][]any{{"a", int64(1)}, {"b", int64(2)}},
		queryRows(t, c, `SELECT g, row_number() OVER (ORDER BY (SELECT count(*) FROM t u WHERE u.g = t.g) DESC) FROM t WHERE g IS NOT NULL GROUP BY g ORDER BY g`))
	for _, sql := range []string{
		`SELECT g, (SELECT count(*) FROM n WHERE n.x = t.v) FROM t GROUP BY g`,
		`SELECT g, row_number() OVER (ORDER BY (SELECT max(t.v) FROM n)) FROM t GROUP BY g`,
		`SELECT g FROM t GROUP BY g HAVING EXISTS (SELECT 1 FROM n WHERE n.x = t.id)`,
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, "must appear in the GROUP BY clause", sql)
	}
	_, err := queryErr(c, `SELECT g, row_number() OVER (ORDER BY g) FROM t GROUP BY g HAVING v > 1`)
	require.ErrorContains(t, err, "HAVING references non-grouped column 'v'")
	// Inside a window specification, a subquery may name a grouping key by
	// its select-list alias.
	require.Equal(t, [][]any{{"a", int64(1)}, {"b", int64(2)}},
		queryRows(t, c, `SELECT g AS k, row_number() OVER (ORDER BY (SELECT count(*) FROM t u WHERE u.g = k) DESC) FROM t WHERE g IS NOT NULL GROUP BY g ORDER BY k`))
	_, err = queryErr(c, `SELECT g AS k, v AS k, row_number() OVER (ORDER BY (SELECT count(*) FROM n WHERE n.x = k)) FROM t GROUP BY g, v`)
	require.ErrorContains(t, err, "ambiguous column name: k")
}

// TestWindowColumnTypes checks the declared types of window result columns.
func TestWindowColumnTypes(t *testing.T) {
	c := setupWindowDB(t)
	st := mustPrepare(t, c, `SELECT row_number() OVER (), percent_rank() OVER (), count(*) OVER (), avg(v) OVER (),
		lag(g) OVER (), max(v) OVER () FROM t`)
	defer st.Close()
	var got []string
	for _, col := range st.Columns() {
		got = append(got, col.DeclType)
	}
	require.Equal(t, []string{"INTEGER", "REAL", "INTEGER", "REAL", "TEXT", "INTEGER"}, got)
}

// TestWindowFramesEndingTogether checks frames that share their end
// (accumulated backwards for min and max).
func TestWindowFramesEndingTogether(t *testing.T) {
	c := setupWindowDB(t)
	runWindowCases(t, c, []windowCase{
		{`SELECT min(x) OVER (ORDER BY x DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
			max(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM n ORDER BY x`,
			[][]any{{int64(1), int64(5)}, {int64(1), int64(5)}, {int64(1), int64(5)}, {int64(1), int64(5)}, {int64(1), nil}}},
		{`SELECT max(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), min(x) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM d ORDER BY id`,
			[][]any{{int64(3), int64(1)}, {int64(3), int64(1)}, {int64(3), int64(2)}, {int64(3), int64(3)}, {int64(3), int64(3)}, {int64(3), int64(3)}}},
	})
}
