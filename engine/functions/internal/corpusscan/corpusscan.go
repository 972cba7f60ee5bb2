// Package corpusscan reads the conformance corpus (.sqllogic files) for the
// function packages' own corpus tests, which run the statements they can
// evaluate without the engine. It yields the statement text written before
// each expected result; choosing and evaluating statements is left to each
// test. It imports nothing of ours, so the tests of engine/functions itself
// can use it.
package corpusscan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Expectation is one expected result of a corpus file and the statement
// text before it.
type Expectation struct {
	File string // base name of the corpus file
	Line int    // 1-based line of the expectation
	// Text is every line since the previous expectation or "-- run" marker,
	// each followed by "\n"; blank lines and lines starting with "--" are
	// left out.
	Text string
	Rows string // the expected rows: the text after '→' ("" for an error)
	Err  string // the expected error substring: the text after "-- error:"
}

// Scan calls fn with every expectation of every corpus file, in file and
// line order. The corpus is $QUEREUS_CORPUS, else shared/conformance/corpus
// beside the repository, reached from the calling package's directory by
// depth ".." steps; without corpus files the test is skipped.
func Scan(t *testing.T, depth int, fn func(Expectation)) {
	t.Helper()
	dir := os.Getenv("QUEREUS_CORPUS")
	if dir == "" {
		up := make([]string, 0, depth+3)
		for range depth {
			up = append(up, "..")
		}
		dir = filepath.Join(append(up, "shared", "conformance", "corpus")...)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqllogic"))
	if len(files) == 0 {
		t.Skipf("corpus not found at %s (set QUEREUS_CORPUS)", dir)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		var pending strings.Builder
		for lineNo, line := range strings.Split(string(data), "\n") {
			trim := strings.TrimSpace(line)
			e := Expectation{File: filepath.Base(file), Line: lineNo + 1}
			switch {
			case trim == "":
				continue
			case strings.HasPrefix(strings.ToLower(trim), "-- error:"):
				e.Err = strings.TrimSpace(trim[len("-- error:"):])
			case strings.HasPrefix(trim, "--"):
				if strings.EqualFold(trim, "-- run") {
					pending.Reset()
				}
				continue
			case strings.HasPrefix(trim, "→"):
				e.Rows = strings.TrimSpace(strings.TrimPrefix(trim, "→"))
			default:
				pending.WriteString(line + "\n")
				continue
			}
			e.Text = pending.String()
			pending.Reset()
			fn(e)
		}
	}
}
