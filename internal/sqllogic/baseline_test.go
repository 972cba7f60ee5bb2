package sqllogic

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fileWith(name string, blocks ...BlockResult) FileResult {
	for i := range blocks {
		blocks[i].ID.File = name
	}
	f := FileResult{Name: name, Blocks: blocks}
	f.finish()
	return f
}

func blockAt(line int, o Outcome) BlockResult {
	return BlockResult{ID: ID{Line: line}, Outcome: o}
}

func TestBaselineRoundTripAndSorting(t *testing.T) {
	results := []FileResult{
		fileWith("b.sqllogic", blockAt(10, Passed), blockAt(9, Passed)),
		fileWith("a.sqllogic", blockAt(100, Passed), blockAt(20, Failed), blockAt(3, NotRun), blockAt(7, Passed)),
	}
	ids := PassingBlocks(results)
	var buf bytes.Buffer
	require.NoError(t, WriteBaseline(&buf, ids))
	assert.Equal(t, "a.sqllogic:7\na.sqllogic:100\nb.sqllogic:9\nb.sqllogic:10\n", buf.String(), "sorted by file, then line")

	back, err := ParseBaseline(strings.NewReader("# comment\n\n" + buf.String()))
	require.NoError(t, err)
	assert.Equal(t, ids, back)

	path := filepath.Join(t.TempDir(), "baseline.txt")
	require.NoError(t, SaveBaseline(path, ids))
	loaded, err := LoadBaseline(path)
	require.NoError(t, err)
	assert.Equal(t, ids, loaded)

	for _, bad := range []string{"nocolon\n", "a.sqllogic:x\n", "a.sqllogic:0\n", ":5\n"} {
		_, err := ParseBaseline(strings.NewReader(bad))
		assert.Error(t, err, bad)
	}
}

func TestCompareBaseline(t *testing.T) {
	baseline := []ID{{"a.sqllogic", 1}, {"a.sqllogic", 5}, {"gone.sqllogic", 2}}
	results := []FileResult{fileWith("a.sqllogic", blockAt(1, Passed), blockAt(5, Failed), blockAt(8, Passed))}
	regressions, gained := CompareBaseline(baseline, results)
	assert.Equal(t, []ID{{"a.sqllogic", 5}, {"gone.sqllogic", 2}}, regressions, "a block that fails or no longer exists is a regression")
	assert.Equal(t, []ID{{"a.sqllogic", 8}}, gained)

	regressions, gained = CompareBaseline(nil, nil)
	assert.Empty(t, regressions)
	assert.Empty(t, gained)
}

func TestParseDeviations(t *testing.T) {
	src := "file\tline\treason\n# why these exist\n\n90.5-x.sqllogic\t30\twe accept NATURAL JOIN\n01.1-y.sqllogic\t76\tparenthesized joins\n"
	devs, err := ParseDeviations(strings.NewReader(src))
	require.NoError(t, err)
	assert.Equal(t, map[ID]string{{"90.5-x.sqllogic", 30}: "we accept NATURAL JOIN", {"01.1-y.sqllogic", 76}: "parenthesized joins"}, devs)

	for name, bad := range map[string]string{
		"two columns":   "a.sqllogic\t3\n",
		"bad line":      "a.sqllogic\tx\treason\n",
		"no reason":     "a.sqllogic\t3\t \n",
		"path not name": "dir/a.sqllogic\t3\treason\n",
		"not sqllogic":  "a.sql\t3\treason\n",
		"duplicate":     "a.sqllogic\t3\tr\na.sqllogic\t3\tr\n",
		"late header":   "a.sqllogic\t3\tr\nfile\tline\treason\n",
	} {
		_, err := ParseDeviations(strings.NewReader(bad))
		assert.Error(t, err, name)
	}
}

func TestProjectDeviationsFileParses(t *testing.T) {
	devs, err := LoadDeviations(filepath.Join("..", "..", "testdata", "conformance", "deviations.tsv"))
	require.NoError(t, err)
	assert.NotEmpty(t, devs)
}

func TestParseManifest(t *testing.T) {
	m, err := ParseManifest(strings.NewReader("file\ttier\tarea\tresults\n01-basic.sqllogic\tA\tbasic-ddl-dml\t4\n\n06.3-schema.sqllogic\tB\tintrospection\t4\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]ManifestEntry{
		"01-basic.sqllogic":    {Tier: "A", Area: "basic-ddl-dml"},
		"06.3-schema.sqllogic": {Tier: "B", Area: "introspection"},
	}, m)
	_, err = ParseManifest(strings.NewReader("file\tarea\n"))
	assert.Error(t, err)
	_, err = ParseManifest(strings.NewReader("file\ttier\tarea\nx\tA\n"))
	assert.Error(t, err)
	_, err = ParseManifest(strings.NewReader(""))
	assert.Error(t, err)
}
