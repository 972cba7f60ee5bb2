package sqllogic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCapabilities(t *testing.T) {
	caps, err := ParseCapabilities("\uFEFF-- title\n\n-- Requires-Capability :  Standalone-Index-DDL, standalone-index-ddl\n-- requires-capability: standalone-index-ddl\ncreate table t (a);\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"standalone-index-ddl"}, caps, "case-insensitive, deduplicated union")

	caps, err = ParseCapabilities("create table t (a);\n-- see `-- requires-capability: x` in prose\n")
	require.NoError(t, err)
	assert.Empty(t, caps, "a directive that does not start the line is prose")
}

func TestParseCapabilitiesHardErrors(t *testing.T) {
	for name, src := range map[string]string{
		"after leading block": "-- x\nselect 1;\n-- requires-capability: standalone-index-ddl\n",
		"no tokens":           "-- requires-capability:   \n",
		"unknown token":       "-- requires-capability: standalone-index-ddl, vector-search\n",
		"trailing comment":    "-- requires-capability: standalone-index-ddl -- why\n",
		"near miss":           "-- require-capability: standalone-index-ddl\n",
		"near miss plural":    "-- requires_capabilities standalone-index-ddl\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseCapabilities(src)
			assert.Error(t, err)
		})
	}
}

func TestRunFileCapabilityVerdicts(t *testing.T) {
	_, open := newFake(t)
	dir := t.TempDir()

	bad := writeFile(t, dir, "bad.sqllogic", "-- requires-capability: nope\nselect 1 as a;\n→ [{\"a\":1}]\n")
	res := RunFile(t.Context(), bad, Options{Open: open})
	assert.Equal(t, FileFailed, res.Status)
	assert.Contains(t, res.Reason, `unknown capability "nope"`)
	assert.Empty(t, res.Blocks)

	needs := writeFile(t, dir, "needs.sqllogic", "-- requires-capability: standalone-index-ddl\nselect 1 as a;\n→ [{\"a\":1}]\n")
	res = RunFile(t.Context(), needs, Options{Open: open, Capabilities: map[string]bool{}})
	assert.Equal(t, FileSkipped, res.Status)
	assert.Contains(t, res.Reason, "standalone-index-ddl")

	mem := writeFile(t, dir, "83-merge-join.sqllogic", "select 1 as a;\n→ [{\"a\":1}]\n")
	res = RunFile(t.Context(), mem, Options{Open: open})
	assert.Equal(t, FileSkipped, res.Status)
	assert.Contains(t, res.Reason, "memory-only")
}

func TestMemoryOnlyListHasTheEightFiles(t *testing.T) {
	assert.Len(t, MemoryOnlyFiles, 8)
	assert.True(t, MemoryOnlyFiles["105.1-vtab-memory-index-mutation-kills.sqllogic"])
	assert.False(t, MemoryOnlyFiles["41.7.5-alter-column-collate-memory.sqllogic"])
}
