package parser

import "testing"

const benchJoin = `SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON o.customer_id = c.id
	WHERE o.total > 100 AND c.country = 'NZ' ORDER BY o.total DESC LIMIT 20`

// BenchmarkParseJoin parses a two-table join with a WHERE clause.
func BenchmarkParseJoin(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchJoin)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchJoin); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLexJoin scans the same statement without building an AST.
func BenchmarkLexJoin(b *testing.B) {
	b.ReportAllocs()
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
