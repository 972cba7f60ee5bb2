package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// runShell runs the shell in-process with stdin from script.
func runShell(t *testing.T, script string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, strings.NewReader(script), &out, &errOut)
	return out.String(), errOut.String(), status
}

// checkGolden compares got with testdata/name (rewritten with -update).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}

func TestEveryOutputMode(t *testing.T) {
	out, errOut, status := runShell(t, readTestdata(t, "modes.sql"))
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	checkGolden(t, "modes.golden", out)
}

func TestCatalogDotCommands(t *testing.T) {
	out, errOut, status := runShell(t, readTestdata(t, "dot.sql"))
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	checkGolden(t, "dot.golden", out)
}

func TestHelpListsEveryCommand(t *testing.T) {
	out, _, status := runShell(t, ".help\n")
	assert.Equal(t, 0, status)
	for _, c := range dotCommands {
		if c.name != "exit" {
			assert.Contains(t, out, "."+c.name)
		}
	}
}

func TestModeFlagAndCommandOption(t *testing.T) {
	out, errOut, status := runShell(t, "", "-mode", "csv", ":memory:", "-c", "select 1 as a, 'x' as b; select 2 as a")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	assert.Equal(t, "a,b\n1,x\na\n2\n", out)
}

func TestErrorsReportPositionAndExitStatus(t *testing.T) {
	out, errOut, status := runShell(t, "select 1 as ok;\n\nselect from;\nselect 2 as after;\n", "-mode", "list")
	assert.Equal(t, 1, status)
	assert.Equal(t, "ok\n1\nafter\n2\n", out, "the script goes on after an error")
	assert.Contains(t, errOut, "Error at stdin:3:")

	_, errOut, status = runShell(t, "", "-c", ".nosuch")
	assert.Equal(t, 1, status)
	assert.Contains(t, errOut, "unknown command .nosuch")

	_, _, status = runShell(t, "", "-mode", "nosuch")
	assert.Equal(t, 2, status)
}

func TestTimerPrintsElapsedPerStatement(t *testing.T) {
	out, _, status := runShell(t, ".timer on\nselect 1 as a;\n.timer off\nselect 2 as b;\n", "-mode", "list")
	assert.Equal(t, 0, status)
	assert.Regexp(t, regexp.MustCompile(`^a\n1\nRun Time: \d+\.\d{6} s\nb\n2\n$`), out)
}

func TestReadRunsAFile(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "inner.sql")
	require.NoError(t, os.WriteFile(inner, []byte("create table t (a integer primary key);\ninsert into t values (41), (42);\n"), 0o644))
	out, errOut, status := runShell(t, ".read "+inner+"\nselect count(*) as n from t;\n.quit\nselect 'not reached';\n", "-mode", "list")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	assert.Equal(t, "n\n2\n", out)
}

func TestImportCreatesTableInOneTransaction(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "people.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("name,city\nann,\"Oslo, NO\"\nbob,\n"), 0o644))
	out, errOut, status := runShell(t, ".import "+csvPath+" people\nselect name, city from people order by name;\n", "-mode", "csv")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	assert.Equal(t, "imported 2 rows into people\nname,city\nann,\"Oslo, NO\"\nbob,\"\"\n", out)

	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id,name\n1,a\nnot-a-number,b\n"), 0o644))
	out, errOut, status = runShell(t, "create table items (id integer primary key, name text);\n.import "+bad+" items\nselect count(*) as n from items;\n", "-mode", "list")
	assert.Equal(t, 1, status)
	assert.Contains(t, errOut, "bad.csv:3")
	assert.Equal(t, "n\n0\n", out, "a failed import leaves nothing behind")
}

func TestDumpReimportsToTheSameData(t *testing.T) {
	setup := `create table t (id integer primary key, name text null, score real, ok boolean, data blob null);
insert into t values (1, 'it''s', 1.5, true, x'00ff'), (2, null, 2.0, false, null), (3, 'x', 1e300, true, x'');
create index t_name on t (name);
create view v as select id, name from t where ok;
`
	dump, errOut, status := runShell(t, setup+".dump\n")
	require.Equal(t, "", errOut)
	require.Equal(t, 0, status)
	checkGolden(t, "dump.golden", dump)

	query := "select * from t order by id;\nselect * from v order by id;\n.indexes\n"
	want, _, _ := runShell(t, setup+query, "-mode", "json")
	got, errOut, status := runShell(t, dump+query, "-mode", "json")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	assert.Equal(t, want, got)
}

func TestPersistentDirectoryDSN(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	_, errOut, status := runShell(t, "", dir, "-c", "create table t (a integer primary key); insert into t values (7);")
	require.Equal(t, "", errOut)
	require.Equal(t, 0, status)
	out, errOut, status := runShell(t, "", "-mode", "list", "-header=false", "file:"+dir, "-c", "select a from t")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	assert.Equal(t, "7\n", out)
}

func TestDemoRunsTheEmbeddedScript(t *testing.T) {
	out, errOut, status := runShell(t, "", "-demo", "-mode", "table")
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, status)
	checkGolden(t, "demo.golden", out)
}

func TestImportShowsProgressForLargeFilesOnATerminal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.csv")
	var b strings.Builder
	b.WriteString("id,payload\n")
	for i := 0; b.Len() <= progressThreshold; i++ {
		fmt.Fprintf(&b, "%d,%s\n", i, strings.Repeat("x", 60))
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	rows := strings.Count(b.String(), "\n") - 1

	sh, out, errOut := newTestShell(t)
	sh.terminal = true
	sh.runScript(context.Background(), strings.NewReader(".import "+path+" big\nselect count(*) as n from big;\n"), "stdin")
	assert.Contains(t, errOut.String(), "importing "+path+":")
	assert.NotContains(t, errOut.String(), "Error")
	assert.Equal(t, fmt.Sprintf("imported %d rows into big\nn\n%d\n", rows, rows), out.String())
}
