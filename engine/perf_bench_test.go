package engine

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// The benchmarks in this file run the hot paths of bench/ (the comparison
// with SQLite) through the engine API alone, on an in-memory database, so a
// regression in planning, execution, row decoding or the storage overlay
// shows up in `go test -bench` without the SQLite drivers.

const perfSchema = `
CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, cat INTEGER NOT NULL,
	name TEXT NOT NULL, val REAL NOT NULL);
CREATE INDEX items_grp ON items(grp);
CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, cust INTEGER NOT NULL,
	qty INTEGER NOT NULL);
CREATE INDEX orders_cust ON orders(cust);`

// perfItem is the argument list of item id in a table of n items (the
// bench's data shape: 10 items per grp, 100 cats).
func perfItem(id, n int) []Arg {
	groups := max(n/10, 1)
	return []Arg{
		{Ordinal: 1, Value: value.Int(int64(id))},
		{Ordinal: 2, Value: value.Int(int64(id % groups))},
		{Ordinal: 3, Value: value.Int(int64(id % 100))},
		{Ordinal: 4, Value: value.Text(fmt.Sprintf("item-%08d-abcdefghijklmnopqrstuvwxyz", id))},
		{Ordinal: 5, Value: value.Float(float64(id) * 0.25)},
	}
}

// perfDB opens an in-memory database holding n items and n/10 orders
// (order i by customer i%100 for item 1+(i*7)%n).
func perfDB(b *testing.B, n int) *Conn {
	b.Helper()
	ctx := context.Background()
	st, err := storage.Open(storage.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { _ = st.Close() })
	db, loadErrs, err := Open(ctx, Config{Storage: st})
	require.NoError(b, err)
	require.Empty(b, loadErrs)
	c := db.Connect()
	b.Cleanup(func() { _ = c.Close() })
	_, err = c.ExecScript(ctx, perfSchema, nil)
	require.NoError(b, err)
	require.NoError(b, c.Begin(ctx, TxOptions{}))
	ins, err := c.Prepare(ctx, `INSERT INTO items (id, grp, cat, name, val) VALUES (?, ?, ?, ?, ?)`)
	require.NoError(b, err)
	for id := 1; id <= n; id++ {
		_, err := ins.Exec(ctx, perfItem(id, n))
		require.NoError(b, err)
	}
	ord, err := c.Prepare(ctx, `INSERT INTO orders (id, item_id, cust, qty) VALUES (?, ?, ?, ?)`)
	require.NoError(b, err)
	for id := 1; id <= n/10; id++ {
		_, err := ord.Exec(ctx, []Arg{intArg(1, int64(id)), intArg(2, int64(1+(id*7)%n)),
			intArg(3, int64(id%100)), intArg(4, int64(1+id%9))})
		require.NoError(b, err)
	}
	require.NoError(b, c.Commit(ctx))
	return c
}

// countRows runs a prepared query and drains it.
func countRows(b *testing.B, st *Stmt, args ...Arg) int {
	ctx := context.Background()
	rows, err := st.Query(ctx, args)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for {
		_, err := rows.Next(ctx)
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// benchQuery runs sql once per iteration with args from argsFor and checks
// that every run returns want rows.
func benchQuery(b *testing.B, n int, sql string, want int, argsFor func(i int) []Arg) {
	c := perfDB(b, n)
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(b, err)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if got := countRows(b, st, argsFor(i)...); got != want {
			b.Fatalf("%s: %d rows, want %d", sql, got, want)
		}
	}
}

func BenchmarkEnginePointSelect(b *testing.B) {
	const n = 10000
	benchQuery(b, n, `SELECT id, grp, cat, name, val FROM items WHERE id = ?`, 1,
		func(i int) []Arg { return []Arg{intArg(1, int64(1+(i*7919)%n))} })
}

func BenchmarkEngineIndexEq(b *testing.B) {
	const n = 10000
	benchQuery(b, n, `SELECT id, name FROM items WHERE grp = ?`, 10,
		func(i int) []Arg { return []Arg{intArg(1, int64((i*7919)%(n/10)))} })
}

func BenchmarkEngineRange100(b *testing.B) {
	const n = 10000
	benchQuery(b, n, `SELECT id, name, val FROM items WHERE id >= ? AND id < ?`, 100,
		func(i int) []Arg {
			lo := int64(1 + (i*7919)%(n-100))
			return []Arg{intArg(1, lo), intArg(2, lo+100)}
		})
}

func BenchmarkEngineGroupByScan(b *testing.B) {
	benchQuery(b, 10000, `SELECT cat, count(*), sum(val) FROM items GROUP BY cat`, 100,
		func(int) []Arg { return nil })
}

func BenchmarkEngineJoinAgg(b *testing.B) {
	benchQuery(b, 10000,
		`SELECT count(*), sum(o.qty * i.val) FROM orders o JOIN items i ON i.id = o.item_id WHERE o.cust = ?`, 1,
		func(i int) []Arg { return []Arg{intArg(1, int64(i%100))} })
}

// BenchmarkEngineInsertInTx is one row of the bulk insert: a prepared
// INSERT into a table with a secondary index, inside one transaction.
func BenchmarkEngineInsertInTx(b *testing.B) {
	ctx := context.Background()
	c := perfDB(b, 0)
	require.NoError(b, c.Begin(ctx, TxOptions{}))
	ins, err := c.Prepare(ctx, `INSERT INTO items (id, grp, cat, name, val) VALUES (?, ?, ?, ?, ?)`)
	require.NoError(b, err)
	b.ReportAllocs()
	for i := 1; b.Loop(); i++ {
		res, err := ins.Exec(ctx, perfItem(i, 1000000))
		if err != nil || res.RowsAffected != 1 {
			b.Fatalf("insert %d: %v, %d rows", i, err, res.RowsAffected)
		}
	}
	b.StopTimer()
	require.NoError(b, c.Commit(ctx))
}
