package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reuseSchema feeds aggregates and joins whose inputs reuse one row buffer
// (allowRowReuse): text values, NULL-padded LEFT JOIN rows, several groups.
const reuseSchema = `
CREATE TABLE g (id INTEGER PRIMARY KEY, k TEXT, v INTEGER NULL, s TEXT NULL);
CREATE INDEX g_k ON g(k);
CREATE TABLE h (id INTEGER PRIMARY KEY, gid INTEGER NULL, w TEXT NULL);
INSERT INTO g VALUES (1, 'a', 10, 'x1'), (2, 'b', NULL, 'x2'), (3, 'a', 30, NULL), (4, 'c', 40, 'x4'),
	(5, 'b', 50, 'x5'), (6, 'a', 60, 'x6');
INSERT INTO h VALUES (1, 1, 'h1'), (2, 3, 'h2'), (3, 3, NULL), (4, 9, 'h4'), (5, NULL, 'h5'), (6, 6, 'h6');`

// reusePairs pairs a query whose aggregate reads reused rows (scans and
// joins building rows in one buffer) with the same query aggregating a
// derived table, whose rows are projected into fresh rows; both must agree.
var reusePairs = [][2]string{
	{`SELECT k, count(*), sum(v), min(s), max(s), group_concat(s, ',') FROM g GROUP BY k ORDER BY k`,
		`SELECT k, count(*), sum(v), min(s), max(s), group_concat(s, ',') FROM (SELECT * FROM g) GROUP BY k ORDER BY k`},
	{`SELECT k, group_concat(s ORDER BY v DESC), count(DISTINCT v) FROM g WHERE id > 1 GROUP BY k ORDER BY k`,
		`SELECT k, group_concat(s ORDER BY v DESC), count(DISTINCT v) FROM (SELECT * FROM g) WHERE id > 1 GROUP BY k ORDER BY k`},
	{`SELECT g.k, count(h.id), group_concat(h.w, '|'), sum(g.v) FROM g LEFT JOIN h ON h.gid = g.id GROUP BY g.k ORDER BY g.k`,
		`SELECT k, count(hid), group_concat(w, '|'), sum(v) FROM
			(SELECT g.k, h.id AS hid, h.w, g.v FROM g LEFT JOIN h ON h.gid = g.id) GROUP BY k ORDER BY k`},
	{`SELECT count(*), count(b.id), sum(b.v), max(c.w) FROM g a LEFT JOIN g b ON b.k = a.k AND b.id > a.id LEFT JOIN h c ON c.gid = b.id`,
		`SELECT count(*), count(bid), sum(bv), max(cw) FROM
			(SELECT b.id AS bid, b.v AS bv, c.w AS cw FROM g a LEFT JOIN g b ON b.k = a.k AND b.id > a.id LEFT JOIN h c ON c.gid = b.id)`},
	{`SELECT count(*), sum(g.v), max(h.w) FROM g JOIN h ON h.gid = g.id WHERE g.k = 'a'`,
		`SELECT count(*), sum(v), max(w) FROM (SELECT g.v, h.w FROM g JOIN h ON h.gid = g.id WHERE g.k = 'a')`},
	{`SELECT count(*), count(g.s), group_concat(g.k) FROM h LEFT JOIN g ON g.id = h.gid`,
		`SELECT count(*), count(s), group_concat(k) FROM (SELECT g.s, g.k FROM h LEFT JOIN g ON g.id = h.gid)`},
	{`SELECT group_concat(s, ',') FROM g ORDER BY v DESC`,
		`SELECT group_concat(s, ',') FROM (SELECT * FROM g) ORDER BY v DESC`},
	{`SELECT json_group_array(s), json_group_object(k, v) FROM g WHERE id >= 2`,
		`SELECT json_group_array(s), json_group_object(k, v) FROM (SELECT * FROM g) WHERE id >= 2`},
}

func TestReusedRowsMatchMaterializedRows(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, reuseSchema)
	// Pinned: the b group has no h rows; a LEFT JOIN row left over from an
	// earlier match would count here.
	assert.Equal(t, [][]any{{"a", int64(4), "h1|h2|h6", int64(130)}, {"b", int64(0), nil, int64(50)}, {"c", int64(0), nil, int64(40)}},
		queryRows(t, c, reusePairs[2][0]))
	for _, p := range reusePairs {
		want := queryRows(t, c, p[1])
		require.NotEmpty(t, want, p[1])
		require.NotEqual(t, [][]any{{int64(0)}}, want, p[1])
		assert.Equal(t, want, queryRows(t, c, p[0]), p[0])
	}
}

// A window function over an aggregate, and a sort over a join, keep rows:
// their inputs must not be reused buffers.
func TestRowKeepingConsumersSeeDistinctRows(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, reuseSchema)
	got := queryRows(t, c, `SELECT g.id, h.w FROM g JOIN h ON h.gid = g.id ORDER BY h.id DESC`)
	assert.Equal(t, [][]any{{int64(6), "h6"}, {int64(3), nil}, {int64(3), "h2"}, {int64(1), "h1"}}, got)
	got = queryRows(t, c, `SELECT k, sum(v), row_number() OVER (ORDER BY k DESC) FROM g GROUP BY k`)
	assert.ElementsMatch(t, [][]any{{"c", int64(40), int64(1)}, {"b", int64(50), int64(2)}, {"a", int64(100), int64(3)}}, got)
}
