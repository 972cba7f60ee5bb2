package engine

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quereus/quereus/engine/parser"
	"github.com/stretchr/testify/require"
)

// corpusDir locates the conformance corpus (QUEREUS_CORPUS or the shared
// checkout next to the repository).
func corpusDir(t *testing.T) string {
	dir := os.Getenv("QUEREUS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "conformance", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("conformance corpus not found at %s (set QUEREUS_CORPUS)", dir)
	}
	return dir
}

// TestCorpusStatementsNeverPanic runs every statement of every corpus file,
// in order, on a fresh database per file, and requires that no statement
// fails with a recovered panic ("internal error"): bad input must produce
// ordinary errors.
func TestCorpusStatementsNeverPanic(t *testing.T) {
	dir := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.sqllogic"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	ctx := context.Background()
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		_, c := openTestDB(t)
		run := func(block string) {
			stmts, err := parser.ParseScript(block)
			if err != nil {
				return // blocks with deliberate syntax errors
			}
			for _, ss := range stmts {
				total++
				err := runAll(ctx, c, ss.Stmt)
				if err != nil {
					require.NotContains(t, err.Error(), "internal error", "%s: %s", filepath.Base(f), ss.Text)
				}
			}
		}
		var block strings.Builder
		for _, line := range strings.Split(string(data), "\n") {
			tl := strings.TrimSpace(line)
			if strings.HasPrefix(tl, "--") || strings.HasPrefix(tl, "→") {
				run(block.String())
				block.Reset()
				continue
			}
			if i := strings.Index(line, "--"); i >= 0 {
				line = line[:i]
			}
			block.WriteString(line + "\n")
		}
		run(block.String())
	}
	require.Greater(t, total, 5000, "statements executed")
}

// runAll prepares and runs one statement to completion.
func runAll(ctx context.Context, c *Conn, ast parser.Stmt) error {
	st, err := c.prepareAST(ast)
	if err != nil {
		return err
	}
	rows, err := st.Query(ctx, nil)
	if err != nil {
		return err
	}
	defer rows.Close()
	for {
		if _, err := rows.Next(ctx); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
