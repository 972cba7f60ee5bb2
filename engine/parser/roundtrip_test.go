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

// TestASTDiffDetectsDifferences guards the comparison the round-trip tests
// rely on: positions are ignored, everything else is compared.
func TestASTDiffDetectsDifferences(t *testing.T) {
	a, b := mustParse(t, "select a + 1 from t"), mustParse(t, "select  a+1  from   t")
	assert.Empty(t, astDiff(a, b))
	for _, other := range []string{"select a + 2 from t", "select a - 1 from t", "select a + 1 from u",
		"select a + 1 as x from t", "select (a + 1) from t where 1", "select 1 + a from t"} {
		assert.NotEmpty(t, astDiff(a, mustParse(t, other)), other)
	}
	assert.NotEmpty(t, astDiff(mustParse(t, "select 1.0"), mustParse(t, "select 1.00")))
	assert.NotEmpty(t, astDiff(mustParse(t, "select 99999999999999999999"), mustParse(t, "select 99999999999999999998")))
}
