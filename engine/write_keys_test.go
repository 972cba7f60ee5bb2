package engine

import (
	"context"
	"testing"

	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// keysWriter returns a writer on table items (primary key id, index on
// grp) with a compiled INSERT's resolved key encodings, in an open write
// transaction.
func keysWriter(t testing.TB) (*writer, value.Row) {
	ctx := context.Background()
	st, err := storage.Open(storage.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	db, loadErrs, err := Open(ctx, Config{Storage: st})
	require.NoError(t, err)
	require.Empty(t, loadErrs)
	c := db.Connect()
	t.Cleanup(func() { _ = c.Close() })
	_, err = c.ExecScript(ctx, `CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, name TEXT NOT NULL);
		CREATE INDEX items_grp ON items(grp)`, nil)
	require.NoError(t, err)
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	t.Cleanup(func() { _ = c.Rollback(ctx) })
	tbl := c.catalog().Table("items")
	require.NotNil(t, tbl)
	e := &env{ctx: ctx, conn: c, txn: c.txn, cache: map[any]any{}}
	w, err := newWriterAt(e, &compiler{conn: c, cat: c.catalog()}, tbl, newWriteTarget(tbl))
	require.NoError(t, err)
	return w, value.Row{value.Int(12345), value.Int(42), value.Text("item-00012345-abcdefghijklmnopqrstuvwxyz")}
}

// TestWriterKeyEncodingAllocations pins the write path's key and row
// encoding costs: a data key is one presized allocation, an index key and
// a row value none (they are built in the scratch buffer), and both equal
// the generic encodings.
func TestWriterKeyEncodingAllocations(t *testing.T) {
	w, row := keysWriter(t)
	ix := w.t.Indexes[0]
	key := w.dataKey(row)
	require.Equal(t, appendKey(nil, pkValues(w.t, row), partsOf(w.t.PK)), key)
	ik, err := w.indexKey(0, ix, row, key)
	require.NoError(t, err)
	want := appendKey(nil, []value.Value{row[1]}, partsOf(ix.Parts))
	require.Equal(t, append(want, key...), ik)
	require.Equal(t, encodeRow(row), w.encodeRow(row))

	require.Equal(t, 1.0, testing.AllocsPerRun(100, func() { key = w.dataKey(row) }))
	require.Equal(t, 0.0, testing.AllocsPerRun(100, func() { _, _ = w.indexKey(0, ix, row, key) }))
	require.Equal(t, 0.0, testing.AllocsPerRun(100, func() { _ = w.encodeRow(row) }))
}

// BenchmarkWriterKeys encodes one row's data key, index key and value, as
// each insert does (writer), and the same with the generic encoders the
// write path used before (generic: value lists, parts resolved per call,
// buffers grown from nil).
func BenchmarkWriterKeys(b *testing.B) {
	w, row := keysWriter(b)
	ix := w.t.Indexes[0]
	b.Run("writer", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			row[0] = value.Int(int64(i))
			key := w.dataKey(row)
			if _, err := w.indexKey(0, ix, row, key); err != nil {
				b.Fatal(err)
			}
			_ = w.encodeRow(row)
		}
	})
	b.Run("generic", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			row[0] = value.Int(int64(i))
			key := appendKey(nil, pkValues(w.t, row), partsOf(w.t.PK))
			vals := []value.Value{row[ix.Parts[0].Col]}
			_ = append(appendKey(nil, vals, partsOf(ix.Parts)), key...)
			_ = encodeRow(row)
		}
	})
}

// TestPreparedInsertAllocations pins what one execution of a prepared
// single-row INSERT allocates inside a transaction once warm: the row and
// its data key. Everything else (execution, writer, parameters, stores,
// encodings) is reused or built in place.
func TestPreparedInsertAllocations(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, name TEXT NOT NULL, val REAL NOT NULL)`)
	mustExec(t, c, `CREATE INDEX items_grp ON items(grp)`)
	ins, err := c.Prepare(ctx, `INSERT INTO items (id, grp, name, val) VALUES (?, ?, ?, ?)`)
	require.NoError(t, err)
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	defer func() { _ = c.Rollback(ctx) }()
	args := []Arg{intArg(1, 0), intArg(2, 0), {Ordinal: 3, Value: value.Text("name")}, {Ordinal: 4, Value: value.Float(0.5)}}
	id := int64(0)
	exec := func() {
		id++
		args[0].Value, args[1].Value = value.Int(id), value.Int(id%10)
		if _, err := ins.Exec(ctx, args); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 1000; i++ { // warm: write-set chunks, undo log, hints
		exec()
	}
	allocs := testing.AllocsPerRun(1000, exec)
	require.LessOrEqual(t, allocs, 2.0, "allocations per execution (AllocsPerRun truncates the amortized write-set growth)")
}
