package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needSchema: tables whose scans decode only the columns a query reads.
const needSchema = `
CREATE TABLE p (id INTEGER PRIMARY KEY, a INTEGER NULL, b TEXT NULL, c REAL NULL, d TEXT NULL);
CREATE INDEX p_a ON p(a);
CREATE TABLE q (id INTEGER PRIMARY KEY, pid INTEGER NULL, b TEXT NULL, e TEXT NULL);
INSERT INTO p VALUES (1, 10, 'x', 1.5, 'd1'), (2, 20, 'y', NULL, 'd2'), (3, 10, NULL, 3.5, 'd3'), (4, NULL, 'x', 4.5, NULL);
INSERT INTO q VALUES (1, 1, 'x', 'e1'), (2, 3, 'z', NULL), (3, 9, 'y', 'e3'), (4, 1, NULL, 'e4');`

// needQueries each read some columns of p and q in a different place (the
// select list, WHERE, ORDER BY of an aggregate's input, a correlated
// subquery, USING, a window, HAVING, star); each must return what it
// returns over derived tables, which read every column.
var needQueries = []string{
	`SELECT id FROM p WHERE d = 'd3'`,
	`SELECT b FROM p ORDER BY c DESC, id`,
	`SELECT group_concat(b, ',') FROM p ORDER BY d DESC`,
	`SELECT id, (SELECT count(*) FROM q WHERE q.pid = p.id AND q.e IS NOT NULL) FROM p ORDER BY id`,
	`SELECT id FROM p WHERE EXISTS (SELECT 1 FROM q WHERE q.b = p.b AND q.e > p.d) ORDER BY id`,
	`SELECT p.id, a, e FROM p JOIN q USING (id) ORDER BY 1`,
	`SELECT * FROM p NATURAL JOIN q ORDER BY 1`,
	`SELECT p.id, q.e FROM p LEFT JOIN q ON q.pid = p.id ORDER BY 1, 2`,
	`SELECT a, sum(c) FROM p GROUP BY a HAVING max(d) > 'd1' ORDER BY a`,
	`SELECT a, count(*) FROM p GROUP BY 1 ORDER BY 1`,
	`SELECT id, row_number() OVER (PARTITION BY b ORDER BY d) FROM p ORDER BY id`,
	`SELECT q.* FROM p, q WHERE q.pid = p.id ORDER BY q.id`,
	`SELECT DISTINCT b FROM p ORDER BY b`,
	`SELECT id FROM p WHERE a = 10 ORDER BY c`,
	`SELECT max(id) FILTER (WHERE d <> 'd1') FROM p`,
}

func TestScansDecodeOnlyNeededColumns(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, needSchema)
	for _, q := range needQueries {
		slow := strings.NewReplacer("FROM p", "FROM (SELECT * FROM p) p", "JOIN q", "JOIN (SELECT * FROM q) q",
			"FROM q", "FROM (SELECT * FROM q) q", ", q ", ", (SELECT * FROM q) q ").Replace(q)
		require.NotEqual(t, q, slow)
		want := queryRows(t, c, slow)
		require.NotEmpty(t, want, slow)
		assert.Equal(t, want, queryRows(t, c, q), q)
	}
	// The needs are what the query reads: here id and d only.
	st, err := c.Prepare(context.Background(), `SELECT id FROM p WHERE d = 'd3'`)
	require.NoError(t, err)
	defer st.Close()
	var scan *scanNode
	var find func(n node)
	find = func(n node) {
		switch n := n.(type) {
		case *scanNode:
			scan = n
		case *projectNode:
			find(n.in)
		case *filterNode:
			find(n.in)
		}
	}
	find(st.prog.query.root)
	require.NotNil(t, scan)
	assert.Equal(t, []bool{true, false, false, false, true}, scan.need)
}

// projectQueries project bare columns straight off a scan (decoded into the
// projected shape: columnLayout), or fall back to evaluating expressions.
var projectQueries = []string{
	`SELECT d, id, b FROM p`,
	`SELECT c FROM p WHERE id >= 2 AND id < 4`,
	`SELECT b, a FROM p WHERE a = 10`,
	`SELECT id, id, b FROM p`,
	`SELECT d FROM p ORDER BY c DESC`,
	`SELECT id, b FROM p ORDER BY id DESC`,
	`SELECT b, a + 1 FROM p`,
	`SELECT e, x FROM q`,
	`SELECT d, id, b FROM p WHERE id = 2`,
	`SELECT x, id FROM q WHERE id = 1`,
	`SELECT b FROM p WHERE id IN (1, 3, 4)`,
}

func TestProjectionDecodesStraightIntoOutputRows(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, needSchema+`; ALTER TABLE q ADD COLUMN x TEXT NULL; INSERT INTO q VALUES (5, 2, 'w', 'e5', 'x5')`)
	for _, q := range projectQueries {
		slow := strings.NewReplacer("FROM p", "FROM (SELECT * FROM p) p", "FROM q", "FROM (SELECT * FROM q) q").Replace(q)
		want := queryRows(t, c, slow)
		require.NotEmpty(t, want, slow)
		assert.ElementsMatch(t, want, queryRows(t, c, q), q)
	}
	assert.Equal(t, [][]any{{"d1", int64(1), "x"}, {"d2", int64(2), "y"}, {"d3", int64(3), nil}, {nil, int64(4), "x"}},
		queryRows(t, c, `SELECT d, id, b FROM p`))
	assert.Equal(t, []int{1, -1, 2, -1, 0}, columnLayout(compiledProjection(t, c, `SELECT d, id, b FROM p`), 5))
	assert.Nil(t, columnLayout(compiledProjection(t, c, `SELECT id, id FROM p`), 5))
	assert.Nil(t, columnLayout(compiledProjection(t, c, `SELECT id + 1 FROM p`), 5))
}

// compiledProjection returns the expressions of a prepared query's top
// projection.
func compiledProjection(t *testing.T, c *Conn, sql string) []*cexpr {
	t.Helper()
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	p, ok := st.prog.query.root.(*projectNode)
	require.True(t, ok, sql)
	return p.exprs
}
