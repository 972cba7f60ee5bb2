package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// probeSchema has a right side reachable by primary-key point lookups
// (single and composite keys), with misses, NULL keys, and a column added
// after some rows were written (those rows decode short and pad with NULL).
const probeSchema = `
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NULL, val REAL NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER NULL, qty INTEGER NULL);
CREATE TABLE pairs (a INTEGER, b TEXT, note TEXT NULL, PRIMARY KEY (a, b));
INSERT INTO items VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, 'three', 3.5);
ALTER TABLE items ADD COLUMN extra TEXT NULL;
INSERT INTO items VALUES (4, 'four', 4.5, 'x');
INSERT INTO orders VALUES (10, 1, 2), (11, 2, 3), (12, 9, 4), (13, NULL, 5), (14, 4, 6), (15, 1, 7);
INSERT INTO pairs VALUES (1, 'one', 'p1'), (2, 'two', 'p2');`

// probeQueries pairs a join the planner answers with a primary-key point
// lookup per left row with the same join made unseekable (+col), which
// re-opens a full scan per left row: both must return the same rows.
var probeQueries = []string{
	`SELECT o.id, i.id, i.name, i.val, i.extra FROM orders o JOIN items i ON i.id = o.item_id ORDER BY o.id`,
	`SELECT o.id, i.id, i.name, i.val, i.extra FROM orders o LEFT JOIN items i ON i.id = o.item_id ORDER BY o.id`,
	`SELECT o.id, i.name FROM orders o LEFT JOIN items i ON i.id = o.item_id AND i.val > 2 ORDER BY o.id`,
	`SELECT count(*), sum(o.qty * i.val) FROM orders o JOIN items i ON i.id = o.item_id WHERE o.qty > 2`,
	`SELECT i.id, p.note FROM items i LEFT JOIN pairs p ON p.a = i.id AND p.b = i.name ORDER BY i.id`,
	`SELECT o.id, i.name FROM orders o, items i WHERE i.id = o.item_id ORDER BY o.id`,
}

func TestJoinPointProbeMatchesUnseekableJoin(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, probeSchema)
	check := func(stage string) {
		for _, q := range probeQueries {
			slow := strings.NewReplacer("i.id = o.item_id", "+i.id = o.item_id", "p.a = i.id", "+p.a = i.id").Replace(q)
			require.NotEqual(t, q, slow)
			plan := explain(t, c, q)
			assert.Contains(t, plan, "PRIMARY KEY", "%s: the probed side seeks: %s", q, plan)
			assert.Equal(t, queryRows(t, c, slow), queryRows(t, c, q), "%s: %s", stage, q)
		}
	}
	check("committed")
	// Uncommitted writes of the transaction are visible to the probe.
	ctx := context.Background()
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	mustExec(t, c, `UPDATE items SET name = 'ONE' WHERE id = 1; DELETE FROM items WHERE id = 2;
		INSERT INTO items VALUES (9, 'nine', 9.5, 'y'); INSERT INTO pairs VALUES (3, 'three', 'p3')`)
	check("in transaction")
	got := queryRows(t, c, `SELECT o.id, i.name FROM orders o JOIN items i ON i.id = o.item_id ORDER BY o.id`)
	assert.Equal(t, [][]any{{int64(10), "ONE"}, {int64(12), "nine"}, {int64(14), "four"}, {int64(15), "ONE"}}, got)
	require.NoError(t, c.Rollback(ctx))
	check("rolled back")
}

// explain returns the EXPLAIN QUERY PLAN lines of q joined by newlines.
func explain(t *testing.T, c *Conn, q string) string {
	t.Helper()
	var lines []string
	for _, r := range queryRows(t, c, "EXPLAIN QUERY PLAN "+q) {
		lines = append(lines, r[len(r)-1].(string))
	}
	return strings.Join(lines, "\n")
}

// rangeProbeSchema has right sides scanned by key range per left row: a
// non-unique index, a composite primary key's prefix, a plain table.
const rangeProbeSchema = `
CREATE TABLE c (id INTEGER PRIMARY KEY, grp INTEGER NULL, name TEXT NULL);
CREATE TABLE o (id INTEGER PRIMARY KEY, cid INTEGER NULL, amt INTEGER NULL);
CREATE INDEX o_cid ON o(cid);
CREATE TABLE pc (a INTEGER, b INTEGER, v TEXT NULL, PRIMARY KEY (a, b));
INSERT INTO c VALUES (1, 1, 'one'), (2, 1, 'two'), (3, NULL, 'three'), (4, 2, 'four'), (5, 9, 'five');
INSERT INTO o VALUES (10, 1, 5), (11, 1, 7), (12, 2, 1), (13, 4, 2), (14, NULL, 3), (15, 4, 8), (16, 1, 9);
INSERT INTO pc VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c'), (9, 1, 'z');`

var rangeProbeQueries = []string{
	`SELECT c.id, o.id, o.amt FROM c JOIN o ON o.cid = c.id ORDER BY 1, 2`,
	`SELECT c.id, o.id FROM c LEFT JOIN o ON o.cid = c.id ORDER BY 1, 2`,
	`SELECT c.id, count(o.id), sum(o.amt) FROM c LEFT JOIN o ON o.cid = c.id AND o.amt > 2 GROUP BY c.id ORDER BY 1`,
	`SELECT c.id, pc.b, pc.v FROM c JOIN pc ON pc.a = c.grp ORDER BY 1, 2`,
	`SELECT c.id, pc.v FROM c LEFT JOIN pc ON pc.a = c.grp AND pc.b >= 2 ORDER BY 1, 2`,
	`SELECT c.id, o.id FROM c JOIN o ON o.cid < c.id ORDER BY 1, 2`,
	`SELECT c.id, o.id FROM c JOIN o ON o.amt = c.id * 2 ORDER BY 1, 2`,
	`SELECT count(*) FROM c a JOIN c b ON b.grp = a.grp JOIN o ON o.cid = b.id`,
}

func TestJoinRangeProbeMatchesMaterializedJoin(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, rangeProbeSchema)
	check := func(stage string) {
		for _, q := range rangeProbeQueries {
			slow := strings.NewReplacer("JOIN o ", "JOIN (SELECT * FROM o) o ", "JOIN pc ", "JOIN (SELECT * FROM pc) pc ").Replace(q)
			require.NotEqual(t, q, slow)
			want := queryRows(t, c, slow)
			require.NotEmpty(t, want, slow)
			assert.Equal(t, want, queryRows(t, c, q), "%s: %s", stage, q)
		}
	}
	check("committed")
	ctx := context.Background()
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	mustExec(t, c, `INSERT INTO o VALUES (17, 2, 4), (18, 5, 6); DELETE FROM o WHERE id = 11; UPDATE o SET cid = 3 WHERE id = 12;
		INSERT INTO pc VALUES (2, 0, 'c0'); DELETE FROM pc WHERE a = 1 AND b = 1`)
	check("in transaction")
	require.NoError(t, c.Rollback(ctx))
	check("rolled back")
	assert.Equal(t, [][]any{{int64(1), int64(10)}, {int64(1), int64(11)}, {int64(1), int64(16)}, {int64(2), int64(12)},
		{int64(3), nil}, {int64(4), int64(13)}, {int64(4), int64(15)}, {int64(5), nil}},
		queryRows(t, c, rangeProbeQueries[1]))
}
