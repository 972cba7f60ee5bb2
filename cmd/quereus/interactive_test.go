package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTestShell(t *testing.T) (*Shell, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	db, err := sql.Open("quereus", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	var out, errOut bytes.Buffer
	sh, err := newShell(context.Background(), db, &out, &errOut, modeList)
	require.NoError(t, err)
	t.Cleanup(func() { sh.Close() })
	return sh, &out, &errOut
}

func TestInteractiveLoopRunsMultiLineStatementsAndStopsAtEOF(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // history goes to a scratch home
	sh, out, errOut := newTestShell(t)
	input := "create table t (a integer primary key);\ninsert into t\n values (1), (2);\nselect count(*)\n as n from t;\n.mode csv\nselect a from t order by a;\n"
	var screen bytes.Buffer
	require.NoError(t, sh.runInteractive(strings.NewReader(input), &screen, &screen))
	assert.Equal(t, "", errOut.String())
	assert.Equal(t, "n\n2\na\n1\n2\n", out.String())
	history, err := os.ReadFile(os.Getenv("HOME") + "/" + historyFileName)
	require.NoError(t, err)
	assert.Contains(t, string(history), "select a from t order by a;")
}

func TestInterruptCancelsTheRunningStatementOnly(t *testing.T) {
	sh, out, errOut := newTestShell(t)
	sh.runScript(context.Background(), strings.NewReader(
		"create table n (i integer primary key);\n"+
			"insert into n select value from generate_series(1, 2000);\n"), "setup")
	require.Equal(t, "", errOut.String())

	go func() {
		time.Sleep(200 * time.Millisecond)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	}()
	start := time.Now()
	sh.withInterrupt(func(ctx context.Context) {
		sh.runStatement(ctx, "select count(*) from n a, n b, n c where a.i + b.i = c.i;", "")
	})
	assert.Less(t, time.Since(start), 20*time.Second)
	assert.Contains(t, errOut.String(), "context canceled")

	errOut.Reset()
	out.Reset()
	sh.runStatement(context.Background(), "select count(*) as n from n;", "")
	assert.Equal(t, "", errOut.String())
	assert.Equal(t, "n\n2000\n", out.String(), "the shell keeps working after an interrupt")
}
