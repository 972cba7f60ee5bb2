package sqllogic

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// runSource runs content as one file against the fake.
func runSource(t *testing.T, open func() (*sql.DB, error), content string, opts Options) FileResult {
	t.Helper()
	opts.Open = open
	return RunFile(t.Context(), writeFile(t, t.TempDir(), "t.sqllogic", content), opts)
}

func outcomes(res FileResult) []Outcome {
	var out []Outcome
	for _, b := range res.Blocks {
		out = append(out, b.Outcome)
	}
	return out
}

func TestResultBlockRunsSetupStatementsSeparatelyThenQueries(t *testing.T) {
	f, open := newFake(t)
	f.rows("select a from t", []string{"a"}, []driver.Value{int64(1)}, []driver.Value{int64(2)})
	res := runSource(t, open, "create table t (a);\ninsert into t values (1), (2);\nselect a from t;\n→ [{\"a\":1},{\"a\":2}]\n", Options{})

	require.Len(t, res.Blocks, 1)
	assert.Equal(t, Passed, res.Blocks[0].Outcome, res.Blocks[0].Detail)
	assert.Equal(t, FilePassed, res.Status)
	assert.Equal(t, []string{"E create table t (a)", "E insert into t values (1), (2)", "Q select a from t"}, f.sqls())
}

func TestResultBlockMismatchAndOrder(t *testing.T) {
	f, open := newFake(t)
	f.rows("select a from t", []string{"a"}, []driver.Value{int64(2)}, []driver.Value{int64(1)})
	res := runSource(t, open, "select a from t;\n→ [{\"a\":1},{\"a\":2}]\nselect a from t;\n→ [{\"a\":2},{\"a\":1}]\n", Options{})

	assert.Equal(t, []Outcome{Failed, Passed}, outcomes(res), "order matters")
	assert.Equal(t, "mismatch: number value differs", res.Blocks[0].Cause)
	assert.Equal(t, `[{"a":2},{"a":1}]`, res.Blocks[0].Actual)
	assert.Equal(t, FileFailed, res.Status)
	assert.Equal(t, Counts{Passed: 1, Failed: 1}, res.Count())
}

func TestResultBlockBareValuesAndTypedColumns(t *testing.T) {
	f, open := newFake(t)
	f.rows("select x is not null from t", []string{"x is not null"}, []driver.Value{true})
	f.on("select j from t", fakeResp{cols: []string{"j"}, types: []string{"JSON"},
		rows: [][]driver.Value{{`{"b":[1,{"c":null}],"a":"x"}`}, {[]byte(`[1,2]`)}, {nil}}})
	f.on("select big from t", fakeResp{cols: []string{"big"}, types: []string{"INTEGER"},
		rows: [][]driver.Value{{"-9223372036854775809"}, {"12abc"}}})
	f.on("select d, dt from t", fakeResp{cols: []string{"d", "dt"}, types: []string{"DATE", "DATETIME"},
		rows: [][]driver.Value{{time.Date(2024, 7, 26, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 15, 14, 30, 0, 5e8, time.UTC)}}})
	f.on("select b from t", fakeResp{cols: []string{"b"}, types: []string{"BLOB"}, rows: [][]driver.Value{{[]byte("x")}}})
	f.on("select t from t", fakeResp{cols: []string{"t"}, types: []string{"TEXT"}, rows: [][]driver.Value{{`{"a":1}`}}})

	res := runSource(t, open, "select x is not null from t;\n→ [true]\n"+
		"select j from t;\n→ [{\"j\":{\"a\":\"x\",\"b\":[1,{\"c\":null}]}},{\"j\":[1,2]},{\"j\":null}]\n"+
		"select big from t;\n→ [{\"big\":-9223372036854775808},{\"big\":\"12abc\"}]\n"+
		"select d, dt from t;\n→ [{\"d\":\"2024-07-26\",\"dt\":\"2024-03-15T14:30:00.5\"}]\n"+
		"select b from t;\n→ [{\"b\":\"x\"}]\n"+
		"select t from t;\n→ [{\"t\":{\"a\":1}}]\n", Options{})

	assert.Equal(t, []Outcome{Passed, Passed, Passed, Passed, Failed, Failed}, outcomes(res))
	assert.Equal(t, "mismatch: type: expected string, got opaque", res.Blocks[4].Cause, "a blob never equals anything")
	assert.Equal(t, "mismatch: type: expected object, got string", res.Blocks[5].Cause, "JSON text in a TEXT column stays a string")
}

func TestResultBlockParamsBinding(t *testing.T) {
	f, open := newFake(t)
	f.rows("select ? as a, ? as b", []string{"a", "b"}, []driver.Value{int64(1), "x"})
	f.rows("select :id as a", []string{"a"}, []driver.Value{int64(1)})
	res := runSource(t, open, "-- params: [20.0, \"x\"]\nselect ? as a, ? as b;\n→ [{\"a\":1,\"b\":\"x\"}]\n"+
		"-- params: {\"id\": 2.5, \"1\": true}\nselect :id as a;\n→ [{\"a\":1}]\n"+
		"-- params: [9]\nselect :id as a;\n-- error: anything\n"+
		"select ? as a, ? as b;\n→ [{\"a\":1,\"b\":\"x\"}]\n", Options{})
	require.Len(t, res.Blocks, 4)

	var queries []fakeCall
	for _, c := range f.log() {
		if c.query {
			queries = append(queries, c)
		}
	}
	require.Len(t, queries, 4)
	assert.Equal(t, []driver.NamedValue{{Ordinal: 1, Value: int64(20)}, {Ordinal: 2, Value: "x"}}, queries[0].args,
		"a safe integer written 20.0 binds as int64")
	assert.Equal(t, []driver.NamedValue{{Ordinal: 1, Value: true}, {Ordinal: 2, Name: "id", Value: 2.5}}, queries[1].args,
		"digit keys bind positional slots, other keys bind by name")
	assert.Empty(t, queries[2].args, "error blocks do not use params")
	assert.Empty(t, queries[3].args, "params apply to one block only")
}

func TestErrorBlocks(t *testing.T) {
	f, open := newFake(t)
	f.fail("insert into t values (1)", "UNIQUE constraint failed: t PK")
	f.fail("create table t (a); insert into t values (2)", "must not be used")
	f.fail("create table u (a);\ninsert into u values (1);", "setup batch failed: no such table")
	f.rows("select 1", []string{"1"}, []driver.Value{int64(1)})
	f.on("select boom", fakeResp{cols: []string{"x"}, rows: [][]driver.Value{{int64(1)}}, rowErr: errors.New("division by zero during iteration")})

	res := runSource(t, open, "insert into t values (1);\n-- error: unique CONSTRAINT\n"+ // case-insensitive substring
		"insert into t values (1);\n-- error: CHECK\n"+ // wrong error
		"select 1;\n-- error:\n"+ // no error at all
		"insert into t values (1);\n-- error:\n"+ // empty substring matches any error
		"create table u (a);\ninsert into u values (1);\nselect 1;\n-- error: no such table\n"+ // setup error is the error
		"select boom;\n-- error: division by zero\n", Options{})

	assert.Equal(t, []Outcome{Passed, Failed, Failed, Passed, Passed, Passed}, outcomes(res))
	assert.Equal(t, "wrong error: UNIQUE constraint failed: X PK", res.Blocks[1].Cause)
	assert.Equal(t, "no error (expected an error)", res.Blocks[2].Cause)
	assert.Contains(t, f.sqls(), "E create table u (a);\ninsert into u values (1);", "setup statements joined in one exec")
	assert.NotContains(t, f.sqls()[len(f.sqls())-2], "select 1", "the final statement does not run after a setup error")
}

func TestSetupBlocksRunWholeAndFailuresContinue(t *testing.T) {
	f, open := newFake(t)
	f.fail("create table t (a);\ninsert into t values (1);", "boom")
	f.rows("select 2 as b", []string{"b"}, []driver.Value{int64(2)})
	content := "create table t (a);\ninsert into t values (1);\n-- run\nselect 2 as b;\n→ [{\"b\":2}]\ndrop table t;\n"

	res := runSource(t, open, content, Options{})
	assert.Equal(t, []Outcome{Failed, Passed, Passed}, outcomes(res), "per-block mode goes on after a failing setup block")
	assert.Equal(t, "setup block failed: boom", res.Blocks[0].Cause)
	assert.Equal(t, []Kind{KindSetup, KindResult, KindEOFSetup}, []Kind{res.Blocks[0].Block.Kind, res.Blocks[1].Block.Kind, res.Blocks[2].Block.Kind})
	assert.Equal(t, "E drop table t", f.sqls()[len(f.sqls())-1][:len("E drop table t")])

	res = runSource(t, open, content, Options{FailFast: true})
	assert.Equal(t, []Outcome{Failed, NotRun, NotRun}, outcomes(res), "-failfast stops the file")
	assert.Equal(t, Counts{Failed: 3}, res.Count())
	assert.Contains(t, res.Blocks[1].Cause, "-failfast")
}

func TestSetupStatementFailureFailsResultBlock(t *testing.T) {
	f, open := newFake(t)
	f.fail("insert into t values (1)", "no such table: t")
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	res := runSource(t, open, "insert into t values (1);\nselect 1 as a;\n→ [{\"a\":1}]\n", Options{})
	assert.Equal(t, []Outcome{Failed}, outcomes(res))
	assert.Equal(t, "setup statement 1 failed: no such table: X", res.Blocks[0].Cause)
	assert.NotContains(t, f.sqls(), "Q select 1 as a")
}

func TestInvalidExpectedJSONFails(t *testing.T) {
	f, open := newFake(t)
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	res := runSource(t, open, "select 1 as a;\n→ [{\"a\":1}] -- comment\nselect 1 as a;\n→ {\"a\":1}\n-- params: [1\nselect 1 as a;\n→ [{\"a\":1}]\n", Options{})
	assert.Equal(t, []Outcome{Failed, Failed, Failed, Passed}, outcomes(res))
	assert.Equal(t, "invalid expected JSON", res.Blocks[0].Cause)
	assert.Equal(t, "invalid expected JSON", res.Blocks[1].Cause)
	assert.Equal(t, "bad directive", res.Blocks[2].Cause)
}

func TestDeviationsCountSeparately(t *testing.T) {
	f, open := newFake(t)
	f.fail("select * from a natural join b", "NATURAL JOIN is not supported")
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	content := "select 1 as a;\n-- error: NATURAL\nselect 1 as a;\n→ [{\"a\":1}]\nselect * from a natural join b;\n-- error: NATURAL\n"
	devs := map[ID]string{{File: "t.sqllogic", Line: 2}: "we accept it", {File: "t.sqllogic", Line: 6}: "stale"}

	res := runSource(t, open, content, Options{Deviations: devs, FailFast: true})
	assert.Equal(t, []Outcome{Failed, Passed, Passed}, outcomes(res), "-failfast does not stop at a deviation")
	assert.Equal(t, Counts{Passed: 1, Deviations: 2}, res.Count())
	assert.Equal(t, FilePassed, res.Status)
	assert.Empty(t, PassingBlocks([]FileResult{res})[1:], "deviations never enter the baseline")
	assert.Equal(t, []ID{{File: "t.sqllogic", Line: 4}}, PassingBlocks([]FileResult{res}))

	devs[ID{File: "t.sqllogic", Line: 3}] = "no such block"
	devs[ID{File: "other.sqllogic", Line: 3}] = "file not run"
	assert.Equal(t, []ID{{File: "t.sqllogic", Line: 3}}, UnmatchedDeviations(devs, []FileResult{res}))
}

func TestEachFileGetsAFreshDatabase(t *testing.T) {
	f, open := newFake(t)
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"a.sqllogic", "b.sqllogic", "c.sqllogic"} {
		paths = append(paths, writeFile(t, dir, n, "select 1 as a;\n→ [{\"a\":1}]\n"))
	}
	results := Run(t.Context(), paths, Options{Open: open, Workers: 2})
	require.Len(t, results, 3)
	for i, r := range results {
		assert.Equal(t, filepath.Base(paths[i]), r.Name, "results keep the input order")
		assert.Equal(t, FilePassed, r.Status)
	}
	assert.Equal(t, 3, f.opens)
}

func TestHungBlockAbandonsTheFile(t *testing.T) {
	f, open := newFake(t)
	release := make(chan struct{})
	defer close(release)
	f.on("select sleep()", fakeResp{hang: release})
	f.rows("select 1 as a", []string{"a"}, []driver.Value{int64(1)})
	res := runSource(t, open, "select 1 as a;\n→ [{\"a\":1}]\nselect sleep();\n→ []\nselect 1 as a;\n→ [{\"a\":1}]\n",
		Options{BlockTimeout: 10 * time.Millisecond})
	assert.Equal(t, []Outcome{Passed, Failed, NotRun}, outcomes(res))
	assert.Equal(t, "timeout (statement did not return)", res.Blocks[1].Cause)
	assert.Contains(t, res.Blocks[2].Cause, "abandoned at line 4")
}

func TestPanickingDriverIsContained(t *testing.T) {
	f, open := newFake(t)
	f.on("select crash()", fakeResp{panicMsg: "engine bug"})
	res := runSource(t, open, "select crash();\n→ []\nselect 1 as a;\n→ [{\"a\":1}]\n", Options{})
	assert.Equal(t, []Outcome{Failed, NotRun}, outcomes(res))
	assert.Equal(t, "panic", res.Blocks[0].Cause)
	assert.Equal(t, "engine bug", res.Blocks[0].Actual)
}

func TestOpenFailureFailsTheFile(t *testing.T) {
	res := runSource(t, func() (*sql.DB, error) { return nil, errors.New("no engine") },
		"select 1 as a;\n→ [{\"a\":1}]\n", Options{})
	assert.Equal(t, FileFailed, res.Status)
	assert.Equal(t, "open database: no engine", res.Reason)
	assert.Equal(t, []Outcome{NotRun}, outcomes(res))
}

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.sqllogic", "")
	writeFile(t, dir, "a.sqllogic", "")
	writeFile(t, dir, "notes.txt", "")
	single := writeFile(t, t.TempDir(), "z.sqllogic", "")

	got, err := ExpandPaths([]string{dir, single}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a.sqllogic"), filepath.Join(dir, "b.sqllogic"), single}, got)

	got, err = ExpandPaths([]string{dir}, regexp.MustCompile(`^b`))
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "b.sqllogic")}, got)

	_, err = ExpandPaths([]string{dir}, regexp.MustCompile(`nomatch`))
	assert.Error(t, err)
	_, err = ExpandPaths([]string{filepath.Join(dir, "missing")}, nil)
	assert.Error(t, err)
}
