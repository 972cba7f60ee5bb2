package parser

import (
	"testing"
	"time"
)

const benchJoin = `SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON o.customer_id = c.id
	WHERE o.total > 100 AND c.country = 'NZ' ORDER BY o.total DESC LIMIT 20`

// BenchmarkParseJoin parses a two-table join with a WHERE clause.
func BenchmarkParseJoin(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchJoin)))
	start := processCPU()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchJoin); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// reportCPU reports the process CPU time per operation since start (GC
// work included), a steadier figure than wall time on a busy machine.
func reportCPU(b *testing.B, start time.Duration) {
	if used := processCPU() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkLexJoin scans the same statement without building an AST.
func BenchmarkLexJoin(b *testing.B) {
	b.ReportAllocs()
	start := processCPU()
	for i := 0; i < b.N; i++ {
		lx := lexer{src: benchJoin}
		for {
			tok, err := lx.scan()
			if err != nil {
				b.Fatal(err.msg)
			}
			if tok.kind == tEOF {
				break
			}
		}
	}
	reportCPU(b, start)
}

// BenchmarkStmtString prints the parsed join.
func BenchmarkStmtString(b *testing.B) {
	st, err := Parse(benchJoin)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = StmtString(st)
	}
}
