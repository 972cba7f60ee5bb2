package ratchet

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/internal/sqllogic"
)

// TestTransactionSpansBlocks checks the runner against the real driver: a
// BEGIN in one block, statements and ROLLBACK in later blocks, all in one
// session (the runner's single-connection pool), and a fresh database per
// file.
func TestTransactionSpansBlocks(t *testing.T) {
	dir := t.TempDir()
	src := "create table t (a integer primary key);\n-- run\n" +
		"begin;\ninsert into t values (1);\n-- run\n" +
		"select count(*) as c from t;\n→ [{\"c\":1}]\n" +
		"rollback;\n-- run\n" +
		"select count(*) as c from t;\n→ [{\"c\":0}]\n" +
		"insert into t values (2);\ninsert into t values (2);\n-- error: UNIQUE constraint failed\n" +
		"select a from t;\n→ [{\"a\":2}]\n"
	path := filepath.Join(dir, "tx.sqllogic")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))

	open := func() (*sql.DB, error) { return sql.Open("quereus", ":memory:") }
	results := sqllogic.Run(t.Context(), []string{path, path}, sqllogic.Options{Open: open})
	for _, res := range results {
		for _, b := range res.Blocks {
			assert.Equal(t, sqllogic.Passed, b.Outcome, "%s: %s", b.ID, b.Detail)
		}
		assert.Equal(t, sqllogic.FilePassed, res.Status, "the second run starts from a fresh database")
	}
}
