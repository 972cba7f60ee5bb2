package sqllogic

import (
	"bytes"
	"database/sql/driver"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommand(t *testing.T) {
	f, open := newFake(t)
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	dir := t.TempDir()
	writeFile(t, dir, "01-ok.sqllogic", "select 1 as a;\n→ [{\"a\":1}]\n")
	writeFile(t, dir, "02-bad.sqllogic", "select 1 as a;\n→ [{\"a\":2}]\nselect 1 as a;\n→ [{\"a\":1}]\n")
	devPath := writeFile(t, t.TempDir(), "dev.tsv", "file\tline\treason\n02-bad.sqllogic\t9\tno such block\n")
	manifest := writeFile(t, t.TempDir(), "MANIFEST.tsv", "file\ttier\tarea\n01-ok.sqllogic\tA\tbasic\n")
	baseline := filepath.Join(t.TempDir(), "baseline.txt")

	var stdout, stderr bytes.Buffer
	code := Command([]string{"-deviations", devPath, "-baseline", baseline, "-update-baseline", "-causes", "-areas", manifest, dir},
		open, &stdout, &stderr)
	assert.Equal(t, 1, code, "a file failed")
	out := stdout.String()
	assert.True(t, strings.HasSuffix(out, "blocks: 2 passed, 1 failed, 0 deviations\nfiles: 1 passed, 1 failed, 0 skipped\n"), out)
	assert.Contains(t, out, "PASS 01-ok.sqllogic 1/1\nFAIL 02-bad.sqllogic 1/2\n")
	assert.Contains(t, out, "causes (1 failing blocks")
	assert.Contains(t, out, "by area:")
	assert.Contains(t, stderr.String(), "deviation 02-bad.sqllogic:9 names no block")
	written, err := os.ReadFile(baseline)
	require.NoError(t, err)
	assert.Equal(t, "01-ok.sqllogic:2\n02-bad.sqllogic:4\n", string(written))

	// The baseline now lists 02-bad.sqllogic:4; when it stops passing, the
	// update refuses unless told to drop it.
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(2)})
	stderr.Reset()
	code = Command([]string{"-deviations", devPath, "-baseline", baseline, "-update-baseline", dir}, open, &stdout, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "baseline block 01-ok.sqllogic:2 no longer passes")
	written, err = os.ReadFile(baseline)
	require.NoError(t, err)
	assert.Equal(t, "01-ok.sqllogic:2\n02-bad.sqllogic:4\n", string(written), "unchanged")

	code = Command([]string{"-deviations", devPath, "-baseline", baseline, "-update-baseline", "-drop-regressions", dir}, open, &stdout, &stderr)
	assert.Equal(t, 1, code)
	written, err = os.ReadFile(baseline)
	require.NoError(t, err)
	assert.Equal(t, "02-bad.sqllogic:2\n", string(written))

	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	stdout.Reset()
	code = Command([]string{"-deviations", devPath, "-run", "^01", dir}, open, &stdout, &stderr)
	assert.Equal(t, 0, code)
	assert.Equal(t, "PASS 01-ok.sqllogic 1/1\nby kind: result 1/1\nblocks: 1 passed, 0 failed, 0 deviations\nfiles: 1 passed, 0 failed, 0 skipped\n", stdout.String())
}

func TestCommandUsageErrors(t *testing.T) {
	_, open := newFake(t)
	dir := t.TempDir()
	writeFile(t, dir, "a.sqllogic", "")
	var stdout, stderr bytes.Buffer
	for name, args := range map[string][]string{
		"no paths":             {},
		"bad flag":             {"-nope", dir},
		"baseline with -run":   {"-update-baseline", "-run", "a", dir},
		"baseline w/ failfast": {"-update-baseline", "-failfast", dir},
		"bad regexp":           {"-run", "(", dir},
		"missing path":         {filepath.Join(dir, "missing")},
		"missing deviations":   {"-deviations", filepath.Join(dir, "none.tsv"), dir},
		"missing manifest":     {"-areas", filepath.Join(dir, "none.tsv"), dir},
	} {
		assert.Equal(t, 2, Command(args, open, &stdout, &stderr), name)
	}
	stderr.Reset()
	assert.Equal(t, 0, Command([]string{dir}, open, &stdout, &stderr), "a missing default deviations file is only a warning")
	assert.Contains(t, stderr.String(), "running without deviations")
}
