package engine

import (
	"context"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTemporalArithmetic(t *testing.T) {
	_, c := openTestDB(t)
	cases := []struct {
		sql  string
		want any
	}{
		{`SELECT date('2024-01-15') - date('2024-01-01')`, "P14D"},
		{`SELECT date('2024-01-01') + timespan('P1D')`, "2024-01-02"},
		{`SELECT date('2024-01-15') - timespan('P5D')`, "2024-01-10"},
		{`SELECT timespan('P1D') + date('2024-01-01')`, "2024-01-02"},
		{`SELECT time('14:30:00') - time('09:00:00')`, "PT5H30M"},
		{`SELECT time('09:00:00') + timespan('PT1H30M')`, "10:30:00"},
		{`SELECT datetime('2024-01-01T10:00:00') + timespan('PT2H')`, "2024-01-01T12:00:00"},
		{`SELECT timespan('PT1H') + timespan('PT30M')`, "PT1H30M"},
		{`SELECT timespan('PT2H') - timespan('PT30M')`, "PT1H30M"},
		{`SELECT timespan('PT1H') * 2`, "PT7200S"},
		{`SELECT 2 * timespan('PT1H')`, "PT7200S"},
		{`SELECT timespan('PT2H') / 2`, "PT3600S"},
		{`SELECT timespan('PT2H') / timespan('PT1H')`, int64(2)},
		{`SELECT -timespan('PT1H')`, "-PT1H"},
		{`SELECT date('2024-01-01') + NULL`, nil},
		{`SELECT 1 + 2`, int64(3)},
		{`SELECT '2024-01-15' - '2024-01-01'`, int64(0)},
	}
	for _, tc := range cases {
		rows := queryRows(t, c, tc.sql)
		require.Len(t, rows, 1, tc.sql)
		got := rows[0][0]
		if f, ok := got.(float64); ok && f == float64(int64(f)) {
			got = int64(f)
		}
		assert.Equal(t, tc.want, got, tc.sql)
	}
}

func TestTemporalArithmeticOverColumnsAndParameters(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ev (id INTEGER PRIMARY KEY, d DATE, span TIMESPAN, note TEXT, x ANY NULL);
		INSERT INTO ev VALUES (1, '2024-03-01', 'PT1H', '2024-01-01', 'P2D'), (2, '2024-03-10', '90 minutes', 'abc', 5)`)
	assert.Equal(t, [][]any{{int64(1), "-PT1H", "2024-03-03"}, {int64(2), "-PT90M", "2024-03-15"}},
		queryRows(t, c, `SELECT id, -span, d + timespan('P2D') + (id - 1) * timespan('P3D') FROM ev ORDER BY id`))
	assert.Equal(t, [][]any{{"P9D"}}, queryRows(t, c, `SELECT (SELECT d FROM ev WHERE id = 2) - (SELECT d FROM ev WHERE id = 1)`),
		"static types flow through scalar subqueries")
	assert.Equal(t, [][]any{{"2024-03-03"}, {int64(5)}}, queryRows(t, c, `SELECT CASE WHEN id = 1 THEN d + x ELSE x END FROM ev ORDER BY id`),
		"an ANY operand is classified by its value")
	st := mustPrepare(t, c, `SELECT d + ? FROM ev WHERE id = 1`)
	defer st.Close()
	rows, err := st.Query(context.Background(), []Arg{{Ordinal: 1, Value: value.Text("P1W")}})
	require.NoError(t, err)
	r, err := rows.Next(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "2024-03-08", r[0].Text(), "a parameter is classified by its value")
	rows.Close()

	_, err = queryErr(c, `SELECT d + 1 FROM ev`)
	assert.ErrorContains(t, err, "Unsupported temporal operation")
	_, err = queryErr(c, `SELECT d * d FROM ev`)
	assert.ErrorContains(t, err, "Unsupported temporal operation")
	_, err = queryErr(c, `SELECT -d FROM ev`)
	assert.ErrorContains(t, err, "Unsupported temporal operation")
	_, err = queryErr(c, `SELECT note - d FROM ev`)
	assert.ErrorContains(t, err, "Unsupported temporal operation", "TEXT is not a date, even when it looks like one")
}

func TestResultColumnDeclTypes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, j JSON, d DATE, s TEXT)`)
	st := mustPrepare(t, c, `SELECT id, j, json_object('a', 1), json('[1]'), json_extract(j, '$.a'), 1 = 1, id + 1,
		id / 2.0, s || 'x', d, date('2024-01-01'), d - d, timespan('PT1H'), abs(id), length(s), NULL, 'txt', 1.5, x'00'
		FROM t`)
	defer st.Close()
	var got []string
	for _, col := range st.Columns() {
		got = append(got, col.DeclType)
	}
	assert.Equal(t, []string{"INTEGER", "JSON", "JSON", "JSON", "", "BOOLEAN", "INTEGER",
		"NUMERIC", "TEXT", "DATE", "DATE", "TIMESPAN", "TIMESPAN", "INTEGER", "INTEGER", "", "TEXT", "REAL", "BLOB"}, got)
}

func TestTimespanComparisonsAndAggregateTypes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE ev (id INTEGER PRIMARY KEY, span TIMESPAN, grp TEXT);
		INSERT INTO ev VALUES (1, 'PT1H', 'a'), (2, 'PT30M', 'a'), (3, 'P2D', 'b')`)
	assert.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, `SELECT id FROM ev WHERE span > timespan('PT1H') ORDER BY id`))
	assert.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, `SELECT id FROM ev WHERE span <= 'PT60M' ORDER BY id`))
	assert.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, `SELECT id FROM ev WHERE span = 'PT3600S'`))
	assert.Equal(t, [][]any{{true}}, queryRows(t, c, `SELECT timespan('PT90M') < timespan('PT2H')`))
	assert.Equal(t, [][]any{{false}}, queryRows(t, c, `SELECT 'PT90M' < 'PT2H'`), "TEXT compares as text")

	st := mustPrepare(t, c, `SELECT grp, json_group_array(id), count(*), max(span) FROM ev GROUP BY grp`)
	defer st.Close()
	var got []string
	for _, col := range st.Columns() {
		got = append(got, col.DeclType)
	}
	assert.Equal(t, []string{"TEXT", "JSON", "INTEGER", "TIMESPAN"}, got)
}

func TestNumbersWrittenToTemporalColumns(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE tc (id INTEGER PRIMARY KEY, d DATE NULL, dt DATETIME NULL, tm TIME NULL);
		INSERT INTO tc VALUES (1, 1705320600000, 1500000000000, 3661.5)`)
	assert.Equal(t, [][]any{{"2024-01-15", "2017-07-14T02:40:00", "01:01:01.5"}}, queryRows(t, c, `SELECT d, dt, tm FROM tc`))
	_, err := queryErr(c, `INSERT INTO tc VALUES (2, 1.5, NULL, NULL)`)
	assert.ErrorContains(t, err, "Type conversion failed", "a fractional millisecond count is not a date")
	_, err = queryErr(c, `INSERT INTO tc VALUES (3, NULL, NULL, -1)`)
	assert.ErrorContains(t, err, "Type conversion failed")
}

func TestTimespanOrderingAndKeyColumns(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE m (d TIMESPAN PRIMARY KEY);
		INSERT INTO m VALUES ('PT2H'), ('PT90M'), ('P1D');
		CREATE TABLE s (id INTEGER PRIMARY KEY, d TIMESPAN NULL);
		CREATE INDEX s_d ON s (d);
		INSERT INTO s VALUES (1, 'PT2H'), (2, 'PT90M'), (3, NULL)`)
	assert.Equal(t, [][]any{{"PT90M"}, {"PT2H"}, {"P1D"}}, queryRows(t, c, `SELECT d FROM m ORDER BY d`))
	assert.Equal(t, [][]any{{"P1D"}, {"PT2H"}, {"PT90M"}}, queryRows(t, c, `SELECT d FROM m ORDER BY d DESC`))
	assert.Equal(t, [][]any{{"PT2H"}}, queryRows(t, c, `SELECT d FROM m WHERE d = 'PT120M'`), "no key seek on TIMESPAN text")
	assert.Equal(t, [][]any{{"PT2H"}, {"P1D"}}, queryRows(t, c, `SELECT d FROM m WHERE d > 'PT90M' ORDER BY d`))
	assert.Equal(t, [][]any{{"PT90M"}}, queryRows(t, c, `SELECT d FROM m WHERE d BETWEEN 'PT30M' AND 'PT100M'`))
	assert.Equal(t, [][]any{{int64(3)}, {int64(2)}, {int64(1)}}, queryRows(t, c, `SELECT id FROM s ORDER BY d`))
	assert.Equal(t, [][]any{{int64(2)}, {int64(1)}, {int64(3)}}, queryRows(t, c, `SELECT id FROM s ORDER BY d NULLS LAST`))
	assert.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, `SELECT id FROM s WHERE d = 'PT120M'`), "no index seek on TIMESPAN text")
	assert.Equal(t, [][]any{{"PT90M"}, {"PT2H"}}, queryRows(t, c, `SELECT x FROM (SELECT d AS x FROM s WHERE d IS NOT NULL) ORDER BY x`),
		"the type flows through a derived table")
}

func TestJSONComparedWithText(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE j (id INTEGER PRIMARY KEY, doc JSON, s TEXT);
		INSERT INTO j VALUES (1, '{"a":1}', '{ "a" : 1 }'), (2, '{"a":2}', 'not json')`)
	assert.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, `SELECT id FROM j WHERE doc = s`))
	assert.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, `SELECT id FROM j WHERE doc = '{ "a" : 1 }'`))
	assert.Equal(t, [][]any{{false}}, queryRows(t, c, `SELECT '{"a":1}' = '{ "a" : 1 }'`), "two TEXT values compare as text")
	assert.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, `SELECT id FROM j WHERE doc != s`))
}

func TestTimespanIdentity(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE dt (id INTEGER PRIMARY KEY, d TIMESPAN);
		INSERT INTO dt VALUES (1, 'PT1H'), (2, 'PT60M'), (3, 'PT30M')`)
	one := func(sql string) any { return queryRows(t, c, sql)[0][0] }
	assert.Equal(t, int64(2), one(`SELECT count(*) FROM (SELECT DISTINCT d FROM dt)`))
	assert.Equal(t, int64(2), one(`SELECT count(*) FROM (SELECT d FROM dt GROUP BY d)`))
	assert.Equal(t, int64(2), one(`SELECT count(DISTINCT d) FROM dt`))
	assert.Equal(t, int64(1), one(`SELECT count(*) FROM (SELECT d FROM dt WHERE id = 1 UNION SELECT d FROM dt WHERE id = 2)`))
	assert.Equal(t, int64(1), one(`SELECT count(*) FROM (SELECT d FROM dt WHERE id = 1 INTERSECT SELECT d FROM dt WHERE id = 2)`))
	assert.Equal(t, int64(0), one(`SELECT count(*) FROM (SELECT d FROM dt WHERE id = 1 EXCEPT SELECT d FROM dt WHERE id = 2)`))
	assert.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, `SELECT id FROM dt WHERE d IN ('PT3600S', 'P1D') ORDER BY id`))
	assert.Equal(t, [][]any{{int64(1)}, {int64(2)}}, queryRows(t, c, `SELECT id FROM dt WHERE d IN (SELECT d FROM dt WHERE id = 2) ORDER BY id`))
	assert.Equal(t, int64(3), one(`SELECT count(*) FROM (SELECT DISTINCT CAST(d AS TEXT) FROM dt)`), "TEXT keeps text identity")
}
