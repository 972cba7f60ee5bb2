package engine

import (
	"context"
	"testing"
)

// Benchmarks for table-valued functions with correlated arguments and for
// temporal arithmetic over columns:
//
//	go test ./engine -run '^$' -bench 'CorrelatedJSONEach|TemporalArithmetic' -benchtime 20x

func benchTVFQuery(b *testing.B, c *Conn, sql string, wantRows int) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		rows, err := queryErr(c, sql)
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) != wantRows {
			b.Fatalf("got %d rows, want %d", len(rows), wantRows)
		}
	}
}

func BenchmarkCorrelatedJSONEach(b *testing.B) {
	c := openWindowDB(b)
	if _, err := c.ExecScript(context.Background(), `CREATE TABLE docs (id INTEGER PRIMARY KEY, doc TEXT);
		INSERT INTO docs SELECT value, json_array(value, value + 1, value + 2, value + 3) FROM generate_series(1, 2000)`, nil); err != nil {
		b.Fatal(err)
	}
	benchTVFQuery(b, c, `SELECT d.id, j.value FROM docs d, json_each(d.doc) j`, 8000)
}

func BenchmarkTemporalArithmetic(b *testing.B) {
	c := openWindowDB(b)
	if _, err := c.ExecScript(context.Background(), `CREATE TABLE ev (id INTEGER PRIMARY KEY, d DATE, span TIMESPAN);
		INSERT INTO ev SELECT value, date('2024-01-01', '+' || value || ' days'), 'PT' || value || 'M' FROM generate_series(1, 2000)`, nil); err != nil {
		b.Fatal(err)
	}
	benchTVFQuery(b, c, `SELECT d + span, d - date('2024-01-01'), -span FROM ev`, 2000)
}
