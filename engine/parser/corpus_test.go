package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCorpusParses is the acceptance test: every statement the corpus runs
// outside an error expectation must parse; the final statements of error
// blocks (some of which are meant to be syntax errors) are counted and
// reported.
func TestCorpusParses(t *testing.T) {
	blocks := readCorpus(t, corpusDir(t))
	stmts, scripts, finals := corpusStatements(blocks)

	failed := 0
	for _, s := range stmts {
		if _, err := Parse(s.sql); err != nil {
			failed++
			t.Errorf("%s:%d: %v\n  SQL: %s", s.file, s.line, err, oneLine(s.sql))
		}
	}
	scriptStmts, scriptFailed := 0, 0
	for _, s := range scripts {
		list, err := ParseScript(s.sql)
		if err != nil {
			scriptFailed++
			t.Errorf("%s:%d (script): %v\n  SQL: %s", s.file, s.line, err, oneLine(s.sql))
			continue
		}
		scriptStmts += len(list)
	}
	errParsed, errRejected, errMatched := 0, 0, 0
	for _, s := range finals {
		_, err := Parse(s.sql)
		if err == nil {
			errParsed++
			continue
		}
		errRejected++
		if s.want != "" && strings.Contains(strings.ToLower(err.Error()), strings.ToLower(s.want)) {
			errMatched++
		}
		t.Logf("error-block final rejected: %s:%d want %q got %v", s.file, s.line, s.want, err)
	}
	t.Logf("statements: %d parsed of %d; setup scripts: %d parsed of %d (%d statements); "+
		"error-block finals: %d parse, %d rejected by the parser (%d with the expected text)",
		len(stmts)-failed, len(stmts), len(scripts)-scriptFailed, len(scripts), scriptStmts,
		errParsed, errRejected, errMatched)
	assert.Zero(t, failed+scriptFailed, "corpus statements that do not parse")
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}
