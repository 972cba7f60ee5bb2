package sqllogic

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// DefaultBlockTimeout bounds one block, so a hung engine cannot stall the
// suite.
const DefaultBlockTimeout = 10 * time.Second

// abandonGrace is how long past its deadline a block may take to return
// before the runner gives up on it and on the file's database (at most the
// timeout itself).
const abandonGrace = 2 * time.Second

// Options configure a run.
type Options struct {
	// Open opens a fresh, empty database; it is called once per file. The
	// runner sets MaxOpenConns(1) on it and closes it after the file.
	Open func() (*sql.DB, error)
	// FailFast stops a file at its first failing block (Quereus's own
	// per-file verdict). Otherwise every block runs and is judged alone.
	FailFast bool
	// BlockTimeout bounds each block; zero means DefaultBlockTimeout.
	BlockTimeout time.Duration
	// Deviations lists blocks where this project deliberately differs
	// from Quereus, with the reason.
	Deviations map[ID]string
	// Capabilities the backend supports; nil means BackendCapabilities.
	Capabilities map[string]bool
	// Workers is how many files run at once; zero means GOMAXPROCS.
	Workers int
}

func (o *Options) blockTimeout() time.Duration {
	if o.BlockTimeout > 0 {
		return o.BlockTimeout
	}
	return DefaultBlockTimeout
}

// Run runs the files with a pool of workers, each file against its own
// database, and returns the results in the order of paths.
func Run(ctx context.Context, paths []string, opts Options) []FileResult {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]FileResult, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = RunFile(ctx, paths[i], opts)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// RunFile runs one .sqllogic file against a fresh database.
func RunFile(ctx context.Context, path string, opts Options) (res FileResult) {
	start := time.Now()
	res = FileResult{Path: path, Name: filepath.Base(path)}
	defer func() { res.Elapsed = time.Since(start) }()
	content, err := readFile(path)
	if err != nil {
		res.Status, res.Reason = FileFailed, err.Error()
		return res
	}
	caps, err := ParseCapabilities(content)
	if err != nil {
		res.Status, res.Reason = FileFailed, "requires-capability: "+err.Error()
		return res
	}
	backend := opts.Capabilities
	if backend == nil {
		backend = BackendCapabilities
	}
	if missing := missingCapabilities(caps, backend); len(missing) > 0 {
		res.Status, res.Reason = FileSkipped, fmt.Sprintf("backend lacks capability %v", missing)
		return res
	}
	if MemoryOnlyFiles[res.Name] {
		res.Status, res.Reason = FileSkipped, "memory-only file (skipped in store mode)"
		return res
	}
	blocks := Parse(content)
	res.Blocks = make([]BlockResult, len(blocks))
	for i, b := range blocks {
		id := ID{File: res.Name, Line: b.Line}
		_, dev := opts.Deviations[id]
		res.Blocks[i] = BlockResult{ID: id, Path: path, Block: b, Outcome: NotRun, Deviation: dev}
	}
	runBlocks(ctx, &res, opts)
	res.finish()
	return res
}

func readFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return "", err
	}
	if len(data) > MaxFileSize {
		return "", fmt.Errorf("%s: larger than %d bytes", path, MaxFileSize)
	}
	return string(data), nil
}

// runBlocks opens the file's database and runs its blocks in order.
//
// The pool is limited to one connection: database/sql would otherwise be
// free to run consecutive statements on different connections, so a BEGIN
// in one block and the COMMIT in a later one could land on different
// sessions, and an open transaction would not be seen by the statements
// that follow it. One connection makes the file one session, as a Quereus
// Database is.
func runBlocks(ctx context.Context, res *FileResult, opts Options) {
	db, err := opts.Open()
	if err != nil {
		res.Status, res.Reason = FileFailed, "open database: "+err.Error()
		markNotRun(res.Blocks, "database did not open")
		return
	}
	db.SetMaxOpenConns(1)
	abandoned := false
	defer func() {
		if abandoned {
			// A statement is still running; Close would wait for it.
			go db.Close()
			return
		}
		db.Close()
	}()
	for i := range res.Blocks {
		br := &res.Blocks[i]
		var v verdict
		start := time.Now()
		v, abandoned = runOneBlock(ctx, db, br.Block, opts.blockTimeout())
		br.Elapsed = time.Since(start)
		if v.ok {
			br.Outcome = Passed
			continue
		}
		br.Outcome, br.Actual, br.Cause, br.Detail = Failed, v.actual, v.cause, v.detail
		switch {
		case abandoned:
			markNotRun(res.Blocks[i+1:], fmt.Sprintf("database abandoned at line %d (%s)", br.ID.Line, v.cause))
			return
		case opts.FailFast && !br.Deviation:
			markNotRun(res.Blocks[i+1:], fmt.Sprintf("-failfast: file stopped at line %d", br.ID.Line))
			return
		case ctx.Err() != nil:
			markNotRun(res.Blocks[i+1:], "run canceled")
			return
		}
	}
}

func markNotRun(blocks []BlockResult, why string) {
	for i := range blocks {
		blocks[i].Outcome = NotRun
		blocks[i].Cause = "not run: " + why
		blocks[i].Detail = blocks[i].Cause
	}
}

// runOneBlock runs a block in its own goroutine under a timeout. When the
// block does not return within the timeout plus a grace period, or panics
// inside the driver, the database is reported as abandoned: its one
// connection may still be busy, so no further block can use it.
func runOneBlock(ctx context.Context, db *sql.DB, b Block, timeout time.Duration) (v verdict, abandoned bool) {
	bctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type outcome struct {
		v        verdict
		panicked bool
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{fail("panic", fmt.Sprint(r), fmt.Sprintf("panic: %v\n%s", r, debug.Stack())), true}
			}
		}()
		done <- outcome{v: execBlock(bctx, db, b)}
	}()
	wait := timeout + min(abandonGrace, timeout)
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.v, o.panicked
	case <-timer.C:
		return fail("timeout (statement did not return)", "",
			fmt.Sprintf("no result after %v; the file's database was abandoned", wait)), true
	}
}
