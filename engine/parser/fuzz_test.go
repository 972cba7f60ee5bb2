package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input panics the parser and that every
// statement that parses prints to text that re-parses to the same AST and
// prints identically again. It is seeded with the corpus statements (when
// the corpus is present) and with testdata/fuzz crashers found earlier.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"select 1", "select - -1", "create table t (a integer null)", ""} {
		f.Add(s)
	}
	dir := os.Getenv("QUEREUS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "conformance", "corpus")
	}
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		stmts, scripts, finals := corpusStatements(readCorpus(f, dir))
		seen := map[string]bool{}
		for _, group := range [][]corpusBlock{stmts, scripts, finals} {
			for _, b := range group {
				if !seen[b.sql] {
					seen[b.sql] = true
					f.Add(b.sql)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, sql string) {
		if len(sql) > 1<<16 {
			return
		}
		list, err := ParseScript(sql)
		if err != nil {
			return
		}
		for _, s := range list {
			if msg := roundTrip(s.Stmt); msg != "" {
				t.Fatalf("statement %q: %s", s.Text, msg)
			}
			if sel, ok := s.Stmt.(*Select); ok {
				if core, ok := sel.Body.(*SelectCore); ok {
					for _, c := range core.Columns {
						if c.Expr != nil {
							_ = ExprString(c.Expr)
						}
					}
				}
			}
		}
	})
}
