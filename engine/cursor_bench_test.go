package engine

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkEngineRange100ReuseRows is BenchmarkEngineRange100 read as the
// database/sql driver reads it: through a cursor reusing its row storage
// (Rows.ReuseRows).
func BenchmarkEngineRange100ReuseRows(b *testing.B) {
	const n = 10000
	ctx := context.Background()
	c := perfDB(b, n)
	st, err := c.Prepare(ctx, `SELECT id, name, val FROM items WHERE id >= ? AND id < ?`)
	require.NoError(b, err)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		lo := int64(1 + (i*7919)%(n-100))
		rows, err := st.Query(ctx, []Arg{intArg(1, lo), intArg(2, lo+100)})
		if err != nil {
			b.Fatal(err)
		}
		rows.ReuseRows()
		got := 0
		for {
			if _, err := rows.Next(ctx); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			got++
		}
		if err := rows.Close(); err != nil || got != 100 {
			b.Fatalf("%d rows, %v", got, err)
		}
	}
}
