package engine

import (
	"context"
	"io"
	"testing"

	"github.com/quereus/quereus/storage/rowenc"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const reuseQuerySchema = `CREATE TABLE kv (id INTEGER PRIMARY KEY, name TEXT NOT NULL, val REAL NOT NULL);
INSERT INTO kv VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, 'three', 3.5), (4, 'four', 4.5);`

// nextRow reads one row of rows as Go values (nil at the end).
func nextRow(t *testing.T, rows *Rows) []any {
	t.Helper()
	r, err := rows.Next(context.Background())
	if err == io.EOF {
		return nil
	}
	require.NoError(t, err)
	out := make([]any, len(r))
	for i, v := range r {
		out[i] = goValue(v)
	}
	return out
}

// A query's execution goes back to its statement when its cursor closes;
// the closed cursor must stay closed while later runs reuse the execution.
func TestClosedQueryCursorIsIndependentOfLaterRuns(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, reuseQuerySchema)
	st, err := c.Prepare(ctx, `SELECT id, name FROM kv WHERE id >= ? ORDER BY id`)
	require.NoError(t, err)

	first, err := st.Query(ctx, []Arg{intArg(1, 3)})
	require.NoError(t, err)
	assert.Equal(t, []any{int64(3), "three"}, nextRow(t, first))
	require.NoError(t, first.Close()) // closed early: the execution is released

	second, err := st.Query(ctx, []Arg{intArg(1, 2)})
	require.NoError(t, err)
	assert.Equal(t, []any{int64(2), "two"}, nextRow(t, second))
	// The closed cursor neither yields rows of the second run nor disturbs it.
	assert.Nil(t, nextRow(t, first))
	require.NoError(t, first.Close())
	assert.Equal(t, []any{int64(3), "three"}, nextRow(t, second))
	assert.Equal(t, []any{int64(4), "four"}, nextRow(t, second))
	assert.Nil(t, nextRow(t, second)) // the end closes (and releases) it
	third, err := st.Query(ctx, []Arg{intArg(1, 4)})
	require.NoError(t, err)
	assert.Nil(t, nextRow(t, second))
	require.NoError(t, second.Close())
	assert.Equal(t, []any{int64(4), "four"}, nextRow(t, third))
	assert.Nil(t, nextRow(t, third))

	// Two cursors of one statement open at once each have their own run.
	a, err := st.Query(ctx, []Arg{intArg(1, 1)})
	require.NoError(t, err)
	b, err := st.Query(ctx, []Arg{intArg(1, 4)})
	require.NoError(t, err)
	assert.Equal(t, []any{int64(1), "one"}, nextRow(t, a))
	assert.Equal(t, []any{int64(4), "four"}, nextRow(t, b))
	assert.Equal(t, []any{int64(2), "two"}, nextRow(t, a))
	require.NoError(t, b.Close())
	assert.Equal(t, []any{int64(3), "three"}, nextRow(t, a))
	require.NoError(t, a.Close())
}

// A point lookup whose key is a subquery doing a point lookup of its own:
// both build their keys in the execution's one key buffer.
func TestNestedPointLookupKeys(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, reuseQuerySchema)
	mustExec(t, c, `CREATE TABLE ref (id INTEGER PRIMARY KEY, target INTEGER NOT NULL);
		INSERT INTO ref VALUES (10, 3), (20, 1)`)
	for _, tc := range []struct {
		ref  int64
		want [][]any
	}{{10, [][]any{{"three"}}}, {20, [][]any{{"one"}}}, {30, nil}} {
		got := queryRows(t, c, `SELECT name FROM kv WHERE id = (SELECT target FROM ref WHERE id = ?)`, intArg(1, tc.ref))
		if tc.want == nil {
			assert.Empty(t, got)
			continue
		}
		assert.Equal(t, tc.want, got)
	}
}

// TestPreparedPointSelectAllocations pins the allocations of a warm
// prepared primary-key select run to the end in autocommit mode.
func TestPreparedPointSelectAllocations(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, reuseQuerySchema)
	st, err := c.Prepare(ctx, `SELECT id, name, val FROM kv WHERE id = ?`)
	require.NoError(t, err)
	args := []Arg{intArg(1, 2)}
	run := func() {
		rows, err := st.Query(ctx, args)
		if err != nil {
			t.Fatal(err)
		}
		r, err := rows.Next(ctx)
		if err != nil || len(r) != 3 || r[1] != value.Text("two") {
			t.Fatalf("row %v, %v", r, err)
		}
		if _, err := rows.Next(ctx); err != io.EOF {
			t.Fatalf("second Next: %v", err)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 100; i++ {
		run()
	}
	allocs := testing.AllocsPerRun(1000, run)
	t.Logf("%.1f allocations per query", allocs)
	require.LessOrEqual(t, allocs, 5.0)
}

// collect reads every row of a query as Go values, through a cursor that
// reuses its row storage when reuse is set, and reports whether every row
// came in one row's storage.
func collect(t *testing.T, c *Conn, reuse bool, sql string, args ...Arg) (out [][]any, shared bool) {
	t.Helper()
	ctx := context.Background()
	st, err := c.Prepare(ctx, sql)
	require.NoError(t, err)
	rows, err := st.Query(ctx, args)
	require.NoError(t, err)
	defer rows.Close()
	if reuse {
		rows.ReuseRows()
	}
	var first value.Row
	shared = true
	for {
		r, err := rows.Next(ctx)
		if err == io.EOF {
			return out, shared
		}
		require.NoError(t, err)
		if first == nil {
			first = r
		} else if len(r) == 0 || &first[0] != &r[0] {
			shared = false
		}
		out = append(out, renderRow(r))
	}
}

// A cursor reusing its row storage yields the same rows as one that does
// not: in particular a column that an earlier row had and a later row was
// written without (added by ALTER TABLE) reads NULL, not the earlier value.
func TestReusedCursorRows(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, reuseQuerySchema)
	mustExec(t, c, `ALTER TABLE kv ADD COLUMN extra TEXT NULL`)
	mustExec(t, c, `INSERT INTO kv VALUES (0, 'zero', 0.5, 'x0'), (5, 'five', 5.5, 'x5')`)
	for _, tc := range []struct {
		sql    string
		shared bool // the plan hands out one row's storage (else fresh rows)
	}{
		{`SELECT id, name, extra FROM kv WHERE id >= ? AND id < 10`, true},
		{`SELECT extra, val, id FROM kv WHERE id >= ?`, true},
		{`SELECT extra, val, id FROM kv WHERE id >= ? ORDER BY id DESC`, false},
		{`SELECT id, upper(name), extra FROM kv WHERE id >= ?`, false},
	} {
		want, shared := collect(t, c, false, tc.sql, intArg(1, 0))
		require.Len(t, want, 6, tc.sql)
		assert.False(t, shared, tc.sql)
		got, shared := collect(t, c, true, tc.sql, intArg(1, 0))
		assert.Equal(t, want, got, tc.sql)
		assert.Equal(t, tc.shared, shared, tc.sql)
	}
	got, _ := collect(t, c, true, `SELECT id, name, extra FROM kv WHERE id < ?`, intArg(1, 3))
	assert.Equal(t, [][]any{{int64(0), "zero", "x0"}, {int64(1), "one", nil}, {int64(2), "two", nil}}, got)
}

// Decoding a projected row into a reused buffer leaves NULL, not the
// previous row's value, where the stored row has no column (a row written
// before columns were added).
func TestProjectedDecodeIntoReusedRowClearsMissingColumns(t *testing.T) {
	n := &scanNode{}
	sh := rowShape{proj: []int{2, 0, 1}, width: 3}
	buf, err := n.decode(nil, rowenc.EncodeRow(value.Row{value.Int(1), value.Text("a"), value.Text("x")}), sh)
	require.NoError(t, err)
	assert.Equal(t, value.Row{value.Text("a"), value.Text("x"), value.Int(1)}, buf)
	row, err := n.decode(buf, rowenc.EncodeRow(value.Row{value.Int(2)}), sh)
	require.NoError(t, err)
	require.Same(t, &buf[0], &row[0], "decoded into the buffer")
	assert.Equal(t, value.Row{value.Null(), value.Null(), value.Int(2)}, row)
}

// Point lookups read stored rows into one buffer kept by the statement:
// rows returned earlier must not change when later lookups reuse it, in
// committed state or in a transaction's own writes.
func TestPointLookupRowsOutliveTheValueBuffer(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, reuseQuerySchema)
	st, err := c.Prepare(ctx, `SELECT id, name, val FROM kv WHERE id = ?`)
	require.NoError(t, err)
	get := func(id int64) value.Row {
		rows, err := st.Query(ctx, []Arg{intArg(1, id)})
		require.NoError(t, err)
		defer rows.Close()
		r, err := rows.Next(ctx)
		if err == io.EOF {
			return nil
		}
		require.NoError(t, err)
		return r
	}
	three := get(3)
	one := get(1)
	assert.Nil(t, get(99))
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	mustExec(t, c, `INSERT INTO kv VALUES (7, 'seven-and-a-longer-name', 7.5)`)
	seven := get(7)
	two := get(2)
	require.NoError(t, c.Rollback(ctx))
	assert.Nil(t, get(7))
	assert.Equal(t, value.Row{value.Int(3), value.Text("three"), value.Float(3.5)}, three)
	assert.Equal(t, value.Row{value.Int(1), value.Text("one"), value.Float(1.5)}, one)
	assert.Equal(t, value.Row{value.Int(7), value.Text("seven-and-a-longer-name"), value.Float(7.5)}, seven)
	assert.Equal(t, value.Row{value.Int(2), value.Text("two"), value.Float(2.5)}, two)
}
