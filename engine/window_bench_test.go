package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/quereus/quereus/storage"
)

// BenchmarkWindow runs window queries over 10,000 rows in 10 partitions:
// ranking, a running sum (incremental), a sliding sum (Inverse), a
// sliding max over 21 and 1,001 rows (segment tree) and an EXCLUDE frame.
func BenchmarkWindow(b *testing.B) {
	c := openWindowDB(b)
	var sb strings.Builder
	sb.WriteString("CREATE TABLE w (id INTEGER PRIMARY KEY, g INTEGER, v INTEGER); INSERT INTO w VALUES ")
	for i := 0; i < 10000; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "(%d, %d, %d)", i, i%10, (i*7919)%1000)
	}
	if _, err := c.ExecScript(b.Context(), sb.String(), nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct{ name, sql string }{
		{"scan_only", "SELECT v FROM w"},
		{"row_number", "SELECT row_number() OVER (PARTITION BY g ORDER BY v) FROM w"},
		{"running_sum", "SELECT sum(v) OVER (PARTITION BY g ORDER BY id) FROM w"},
		{"sliding_sum", "SELECT sum(v) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM w"},
		{"sliding_max", "SELECT max(v) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM w"},
		{"wide_max", "SELECT max(v) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 500 PRECEDING AND 500 FOLLOWING) FROM w"},
		{"exclude_sum", "SELECT sum(v) OVER (PARTITION BY g ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) FROM w"},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				rows, err := queryErr(c, q.sql)
				if err != nil {
					b.Fatal(err)
				}
				if len(rows) != 10000 {
					b.Fatalf("got %d rows", len(rows))
				}
			}
		})
	}
}

// openWindowDB opens an in-memory database for benchmarks and fuzz targets.
func openWindowDB(tb testing.TB) *Conn {
	st, err := storage.Open(storage.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	db, _, err := Open(context.Background(), Config{Storage: st})
	if err != nil {
		tb.Fatal(err)
	}
	c := db.Connect()
	tb.Cleanup(func() { _ = c.Close() })
	return c
}
