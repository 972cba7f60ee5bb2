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
