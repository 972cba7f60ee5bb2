package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// impliedSchema has key columns of each kind the residual-check removal
// treats differently: INTEGER and TEXT primary keys, a nullable indexed
// REAL, a NOCASE indexed text, an untyped indexed column.
const impliedSchema = `
CREATE TABLE n (id INTEGER PRIMARY KEY, r REAL NULL, t TEXT NULL, u ANY NULL, ci TEXT COLLATE NOCASE NULL);
CREATE INDEX n_r ON n(r);
CREATE INDEX n_t ON n(t);
CREATE INDEX n_u ON n(u);
CREATE INDEX n_ci ON n(ci);
CREATE TABLE s (k TEXT PRIMARY KEY, nid INTEGER NULL);
INSERT INTO n VALUES (1, 1.5, 'a', 1, 'a'), (2, NULL, 'A', '1', 'A'), (3, 3.0, 'b', 2.5, 'b'), (4, -1, NULL, NULL, NULL),
	(5, 5.5, 'ab', 'x', 'AB'), (6, 2, 'b', 2, 'B'), (7, NULL, 'c', X'01', 'c'), (8, 8, 'a', 8, 'a');
INSERT INTO s VALUES ('a', 1), ('b', 3), ('e', 4), ('c', 99), ('d', NULL);`

// impliedQueries are run as written (key paths, residual checks removed
// where exact) and over a derived table (no key path: every conjunct is
// checked per row); the results must agree.
var impliedQueries = []struct {
	sql  string
	args []Arg
}{
	{`SELECT id FROM n WHERE id >= 2 AND id < 6`, nil},
	{`SELECT id FROM n WHERE id >= 2 AND id >= 4`, nil},
	{`SELECT id FROM n WHERE id > 3 AND id BETWEEN 5 AND 7`, nil},
	{`SELECT id FROM n WHERE id BETWEEN 5 AND 7 AND id > 3`, nil},
	{`SELECT id FROM n WHERE id = 3 AND id = 4`, nil},
	{`SELECT id FROM n WHERE id = ?`, []Arg{{Ordinal: 1, Value: value.Text("3")}}},
	{`SELECT id FROM n WHERE id >= ?`, []Arg{{Ordinal: 1, Value: value.Text("abc")}}},
	{`SELECT id FROM n WHERE id < ?`, []Arg{{Ordinal: 1, Value: value.Float(4.5)}}},
	{`SELECT id FROM n WHERE id <= ?`, []Arg{{Ordinal: 1, Value: value.Null()}}},
	{`SELECT id FROM n WHERE r < 3`, nil},
	{`SELECT id FROM n WHERE r >= 1.5 AND r <= 5.5`, nil},
	{`SELECT id FROM n WHERE r = 2`, nil},
	{`SELECT id FROM n WHERE t = 'a'`, nil},
	{`SELECT id FROM n WHERE t < 'b'`, nil},
	{`SELECT id FROM n WHERE t >= 'a' AND t < 'b'`, nil},
	{`SELECT id FROM n WHERE ci = 'a'`, nil},
	{`SELECT id FROM n WHERE ci < 'b'`, nil},
	{`SELECT id FROM n WHERE u = 1`, nil},
	{`SELECT id FROM n WHERE u > 1`, nil},
	{`SELECT id FROM n WHERE id = -(-4)`, nil},
	{`SELECT id FROM n WHERE id > 2.5`, nil},
	{`SELECT id FROM n WHERE id = 2.0`, nil},
	{`SELECT id FROM n WHERE id <= '3'`, nil},
	{`SELECT id FROM n WHERE id >= true`, nil},
	{`SELECT id FROM n WHERE t > 'a '`, nil},
	{`SELECT n.id, s.k FROM s JOIN n ON n.id = s.nid WHERE s.k >= 'b'`, nil},
	{`SELECT n.id, s.k FROM s LEFT JOIN n ON n.id = s.nid AND n.r > 2 WHERE s.k < 'd'`, nil},
	{`SELECT s.k, n.id FROM s LEFT JOIN n ON n.t = s.k ORDER BY 1, 2`, nil},
	{`SELECT count(*), sum(n.r) FROM s JOIN n ON n.id = s.nid WHERE s.k = ?`, []Arg{{Ordinal: 1, Value: value.Text("b")}}},
	{`SELECT count(*), sum(m.r) FROM n JOIN n m ON m.id = n.id WHERE n.id >= ?`, []Arg{{Ordinal: 1, Value: value.Int(3)}}},
}

// asDerived rewrites the FROM tables n and s as derived tables, which have
// no key paths.
func asDerived(q string) string {
	return strings.NewReplacer("FROM n ", "FROM (SELECT * FROM n) n ", "FROM s ", "FROM (SELECT * FROM s) s ",
		"JOIN n m ", "JOIN (SELECT * FROM n) m ", "JOIN n ", "JOIN (SELECT * FROM n) n ").Replace(q + " ")
}

func TestImpliedConjunctsKeepResults(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, impliedSchema)
	for _, q := range impliedQueries {
		slow := asDerived(q.sql)
		require.NotEqual(t, q.sql+" ", slow)
		want := queryRows(t, c, slow, q.args...)
		assert.ElementsMatch(t, want, queryRows(t, c, q.sql, q.args...), q.sql)
	}
	// Pinned: NULL r values lie inside the key range of `r < 3` and must
	// still be filtered out; so must the second, unused lower bound.
	assert.ElementsMatch(t, [][]any{{int64(1)}, {int64(4)}, {int64(6)}}, queryRows(t, c, `SELECT id FROM n WHERE r < 3`))
	assert.ElementsMatch(t, [][]any{{int64(4)}, {int64(5)}, {int64(6)}, {int64(7)}, {int64(8)}},
		queryRows(t, c, `SELECT id FROM n WHERE id >= 2 AND id >= 4`))
}

// planFilters counts the filter operators directly over the scan of a
// prepared single-table query.
func planHasFilter(t *testing.T, c *Conn, sql string) bool {
	t.Helper()
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(t, err)
	defer st.Close()
	var walk func(n node) bool
	walk = func(n node) bool {
		switch n := n.(type) {
		case *filterNode:
			return true
		case *projectNode:
			return walk(n.in)
		case *aggNode:
			return walk(n.in)
		case *joinNode:
			return n.on != nil || walk(n.left) || walk(n.right)
		}
		return false
	}
	return walk(st.prog.query.root)
}

func TestExactKeyConjunctsAreNotRechecked(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, impliedSchema)
	for _, q := range []string{
		`SELECT id FROM n WHERE id >= ? AND id < ?`,
		`SELECT id FROM n WHERE id = ?`,
		`SELECT id FROM n WHERE t = ?`,
		`SELECT id FROM n WHERE id BETWEEN 2 AND 5`,
		`SELECT count(*), sum(b.r) FROM n a JOIN n b ON b.id = a.id WHERE a.id >= ?`,
	} {
		assert.False(t, planHasFilter(t, c, q), q)
	}
	for _, q := range []string{
		`SELECT id FROM n WHERE r < 3`,               // nullable: NULLs are in the range
		`SELECT id FROM n WHERE id >= 2 AND id >= 4`, // the second bound is not applied
		`SELECT id FROM n WHERE ci = 'a'`,            // NOCASE
		`SELECT id FROM n WHERE u = 1`,               // untyped
		`SELECT id FROM n WHERE id = abs(random() % 3)`,
		`SELECT id FROM n WHERE id > 3 AND id BETWEEN 5 AND 7`,
	} {
		assert.True(t, planHasFilter(t, c, q), q)
	}
}
