package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCorpusRoundTrip checks parse(print(ast)) == ast for every statement
// of the corpus that parses.
func TestCorpusRoundTrip(t *testing.T) {
	blocks := readCorpus(t, corpusDir(t))
	stmts, scripts, finals := corpusStatements(blocks)
	var all []Stmt
	for _, s := range append(stmts, finals...) {
		if st, err := Parse(s.sql); err == nil {
			all = append(all, st)
		}
	}
	for _, s := range scripts {
		list, err := ParseScript(s.sql)
		if err == nil {
			for _, st := range list {
				all = append(all, st.Stmt)
			}
		}
	}
	failed := 0
	for _, st := range all {
		if msg := roundTrip(st); msg != "" {
			failed++
			if failed <= 30 {
				t.Errorf("%s", msg)
			}
		}
	}
	t.Logf("round trip: %d of %d statements", len(all)-failed, len(all))
	assert.Zero(t, failed)
}
