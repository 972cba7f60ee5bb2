package storage

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file run a child process: the test binary re-executed
// with -test.run=TestHelperProcess and QUEREUS_STORAGE_HELPER naming what
// the child does with the directory in QUEREUS_STORAGE_DIR.
const helperEnv = "QUEREUS_STORAGE_HELPER"

// TestHelperProcess is not a test: it is the child's body.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	if err := runHelper(mode, os.Getenv("QUEREUS_STORAGE_DIR")); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func runHelper(mode, dir string) error {
	db, err := Open(Options{Dir: dir}) // synced commits
	if err != nil {
		return err
	}
	switch mode {
	case "hold": // keep the directory open until stdin closes
		fmt.Println("ready")
		_, _ = io.Copy(io.Discard, os.Stdin)
		return db.Close()
	case "crash": // commit, leave a transaction open, wait to be killed
		s, err := db.Provider().GetStore("main", "t")
		if err != nil {
			return err
		}
		tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
		if err != nil {
			return err
		}
		if err := tx.Store(s).Put([]byte("committed"), []byte("yes")); err != nil {
			return err
		}
		if err := tx.Commit(context.Background()); err != nil {
			return err
		}
		open, err := db.Begin(context.Background(), TxOptions{Immediate: true})
		if err != nil {
			return err
		}
		for i := 0; i < 1000; i++ {
			if err := open.Store(s).Put(fmt.Appendf(nil, "uncommitted%d", i), []byte("no")); err != nil {
				return err
			}
		}
		fmt.Println("ready")
		time.Sleep(time.Minute)
		return fmt.Errorf("not killed")
	}
	return fmt.Errorf("unknown helper mode %q", mode)
}

// startHelper runs the child and waits for its "ready" line.
func startHelper(t *testing.T, mode, dir string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "QUEREUS_STORAGE_DIR="+dir)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "ready\n", line)
	return cmd, stdin
}

func TestSecondProcessIsLockedOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	cmd, stdin := startHelper(t, "hold", dir)

	_, err := Open(Options{Dir: dir})
	require.ErrorIs(t, err, ErrLockedByOtherProcess)
	assert.Contains(t, err.Error(), "another process")
	assert.Contains(t, err.Error(), dir)

	require.NoError(t, stdin.Close())
	require.NoError(t, cmd.Wait())
	db, err := Open(Options{Dir: dir})
	require.NoError(t, err, "the lock is released when the other process closes")
	require.NoError(t, db.Close())
}

func TestSecondOpenInSameProcessIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db := openDir(t, dir)
	defer db.Close()
	_, err := Open(Options{Dir: dir})
	require.ErrorIs(t, err, ErrLockedByOtherProcess)
	assert.Contains(t, err.Error(), "already open in this process")
}

func TestCommittedDataSurvivesKill(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	cmd, _ := startHelper(t, "crash", dir)
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err := cmd.Wait()
	require.Error(t, err, "the child was killed")

	db := openDir(t, dir)
	defer db.Close()
	s := tableStore(t, db, "main", "t")
	assert.Equal(t, []kv{{"committed", "yes"}}, scan(t, s, IterOptions{}))
}
