package sqllogic

import (
	"bytes"
	"database/sql/driver"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sampleResults(t *testing.T) []FileResult {
	t.Helper()
	f, open := newFake(t)
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	f.fail("select nope", "Function not found: nope/0")
	dir := t.TempDir()
	paths := []string{
		writeFile(t, dir, "01-ok.sqllogic", "select 1 as a;\n→ [{\"a\":1}]\n"),
		writeFile(t, dir, "02-bad.sqllogic", "select 1 as a;\n→ [{\"a\":2}]\nselect nope;\n→ []\nselect 1 as a;\n-- error: x\nselect 1 as a;\n→ [{\"a\":1}]\n"),
		writeFile(t, dir, "03-dev.sqllogic", "select nope;\n-- error: different\n"),
		writeFile(t, dir, "83-merge-join.sqllogic", "select 1 as a;\n→ [{\"a\":1}]\n"),
	}
	devs := map[ID]string{{File: "03-dev.sqllogic", Line: 2}: "we differ"}
	return Run(t.Context(), paths, Options{Open: open, Deviations: devs})
}

func TestReportClosingLinesShape(t *testing.T) {
	results := sampleResults(t)
	for _, opts := range []ReportOptions{{}, {Verbose: true, Causes: 5,
		Manifest: map[string]ManifestEntry{"01-ok.sqllogic": {Tier: "A", Area: "basic"}}}} {
		var buf bytes.Buffer
		require.NoError(t, WriteReport(&buf, results, opts))
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		require.GreaterOrEqual(t, len(lines), 2)
		n := len(lines)
		assert.Regexp(t, regexp.MustCompile(`^blocks: \d+ passed, \d+ failed, \d+ deviations$`), lines[n-2])
		assert.Regexp(t, regexp.MustCompile(`^files: \d+ passed, \d+ failed, \d+ skipped$`), lines[n-1])
		assert.Equal(t, "blocks: 2 passed, 3 failed, 1 deviations", lines[n-2])
		assert.Equal(t, "files: 2 passed, 1 failed, 1 skipped", lines[n-1])
		assert.Equal(t, []string{"PASS 01-ok.sqllogic 1/1"}, lines[:1])
		assert.Contains(t, lines, "FAIL 02-bad.sqllogic 1/4")
		assert.Contains(t, lines, "PASS 03-dev.sqllogic 0/0")
		assert.Contains(t, lines, "SKIP 83-merge-join.sqllogic 0/0")
	}
}

func TestReportOptionalSections(t *testing.T) {
	results := sampleResults(t)
	var buf bytes.Buffer
	require.NoError(t, WriteReport(&buf, results, ReportOptions{Verbose: true, Causes: 2,
		Manifest: map[string]ManifestEntry{"01-ok.sqllogic": {Tier: "A", Area: "basic"}, "02-bad.sqllogic": {Tier: "B", Area: "json"}}}))
	out := buf.String()

	assert.Contains(t, out, "--- FAIL "+results[1].Path+":2 (result)\n    sql:\n      select 1 as a;\n    expected: [{\"a\":2}]\n    actual:   [{\"a\":1}]\n")
	assert.Contains(t, out, "expected: error containing \"x\"\n    actual:   no error\n")
	assert.Contains(t, out, "DEVIATION "+results[2].Path+":2 (error): Quereus's expectation not met, as listed; got: Function not found: nope/0")
	assert.Contains(t, out, "reason: memory-only file")
	assert.Contains(t, out, "by kind: result 2/4, error 0/1\n")
	assert.Contains(t, out, "causes (3 failing blocks, 3 distinct causes):\n")
	assert.Contains(t, out, "  ... 1 more causes\n")
	assert.Contains(t, out, "       1  mismatch: number value differs  (e.g. 02-bad.sqllogic:2)\n")

	buf.Reset()
	require.NoError(t, WriteReport(&buf, results, ReportOptions{Causes: 3}))
	assert.Contains(t, buf.String(), "       1  unexpected error: Function not found: X/N  (e.g. 02-bad.sqllogic:4)\n")
	assert.NotContains(t, buf.String(), "more causes")
	assert.NotContains(t, buf.String(), "by tier")
	assert.Contains(t, out, "by tier:\n  ?   blocks 0/0 (-)  files 1/1\n  A   blocks 1/1 (100.0%)  files 1/1\n  B   blocks 1/4 (25.0%)  files 0/1\n")
	assert.Contains(t, out, "  B json                             blocks 1/4 (25.0%)  files 0/1\n")
}

func TestNormalizeMessage(t *testing.T) {
	assert.Equal(t, "UNIQUE constraint failed: X (email)", normalizeMessage("UNIQUE constraint failed: t_uci (email)"))
	assert.Equal(t, "Expected table name at line N, column N near \"?\"", normalizeMessage("Expected table name at line 4, column 3 near \"WHERE\"\nmore"))
	assert.Equal(t, "Type conversion failed for column '?'", normalizeMessage("Type conversion failed  for column 'j'"))
	long := normalizeMessage(strings.Repeat("é", 300))
	assert.Equal(t, maxCauseLen+1, len([]rune(long)))
}

func TestSlowestBlocks(t *testing.T) {
	results := []FileResult{
		{Blocks: []BlockResult{{ID: ID{"a", 1}, Elapsed: 3 * time.Millisecond}, {ID: ID{"a", 2}, Elapsed: 9 * time.Millisecond}}},
		{Blocks: []BlockResult{{ID: ID{"b", 1}, Elapsed: 5 * time.Millisecond}}},
	}
	var ids []ID
	for _, b := range SlowestBlocks(results, 2) {
		ids = append(ids, b.ID)
	}
	assert.Equal(t, []ID{{"a", 2}, {"b", 1}}, ids)
	assert.Len(t, SlowestBlocks(results, 10), 3)

	var buf bytes.Buffer
	require.NoError(t, WriteReport(&buf, results, ReportOptions{Slow: 1}))
	assert.Contains(t, buf.String(), "slowest blocks:\n       9ms  a:2 (result, passed)\nblocks:")
}
