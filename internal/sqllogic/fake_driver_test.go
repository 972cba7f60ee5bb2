package sqllogic

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
)

// A tiny database/sql driver for testing the runner: responses are keyed by
// the exact SQL text, and every call is logged.

type fakeResp struct {
	cols  []string
	types []string // DatabaseTypeName per column; "" when omitted
	rows  [][]driver.Value
	err   error
	// rowErr is returned by Next after the rows (an iteration error).
	rowErr error
	// hang blocks the call until the channel is closed, ignoring the
	// context (a hung engine).
	hang chan struct{}
	// panicMsg makes the call panic.
	panicMsg string
}

type fakeCall struct {
	sql   string
	query bool
	args  []driver.NamedValue
}

type fakeDB struct {
	mu    sync.Mutex
	resp  map[string]fakeResp
	calls []fakeCall
	opens int
}

var (
	fakeRegister sync.Once
	fakeDBs      sync.Map // name → *fakeDB
	fakeSeq      atomic.Int64
)

// newFake returns a fake database and an Open func for Options.
func newFake(t *testing.T) (*fakeDB, func() (*sql.DB, error)) {
	t.Helper()
	fakeRegister.Do(func() { sql.Register("sqllogic-fake", fakeDriver{}) })
	name := fmt.Sprintf("fake-%d", fakeSeq.Add(1))
	f := &fakeDB{resp: map[string]fakeResp{}}
	fakeDBs.Store(name, f)
	t.Cleanup(func() { fakeDBs.Delete(name) })
	return f, func() (*sql.DB, error) {
		f.mu.Lock()
		f.opens++
		f.mu.Unlock()
		return sql.Open("sqllogic-fake", name)
	}
}

func (f *fakeDB) on(sqlText string, r fakeResp) { f.resp[sqlText] = r }

// rows registers a query answer with untyped columns.
func (f *fakeDB) rows(sqlText string, cols []string, rows ...[]driver.Value) {
	f.on(sqlText, fakeResp{cols: cols, rows: rows})
}

func (f *fakeDB) fail(sqlText, msg string) { f.on(sqlText, fakeResp{err: errors.New(msg)}) }

func (f *fakeDB) log() []fakeCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeCall(nil), f.calls...)
}

// sqls lists the SQL of every call, prefixed "Q " for queries and "E " for
// execs.
func (f *fakeDB) sqls() []string {
	var out []string
	for _, c := range f.log() {
		kind := "E "
		if c.query {
			kind = "Q "
		}
		out = append(out, kind+c.sql)
	}
	return out
}

func (f *fakeDB) call(sqlText string, query bool, args []driver.NamedValue) (fakeResp, bool) {
	f.mu.Lock()
	f.calls = append(f.calls, fakeCall{sql: sqlText, query: query, args: args})
	r, ok := f.resp[sqlText]
	f.mu.Unlock()
	if r.hang != nil {
		<-r.hang
	}
	if r.panicMsg != "" {
		panic(r.panicMsg)
	}
	return r, ok
}

type fakeDriver struct{}

func (fakeDriver) Open(name string) (driver.Conn, error) {
	f, ok := fakeDBs.Load(name)
	if !ok {
		return nil, fmt.Errorf("fake: no database %q", name)
	}
	return &fakeConn{db: f.(*fakeDB)}, nil
}

type fakeConn struct{ db *fakeDB }

func (c *fakeConn) Prepare(query string) (driver.Stmt, error) {
	return nil, errors.New("fake: Prepare not supported")
}
func (c *fakeConn) Close() error              { return nil }
func (c *fakeConn) Begin() (driver.Tx, error) { return nil, errors.New("fake: no transactions") }

func (c *fakeConn) CheckNamedValue(*driver.NamedValue) error { return nil }

func (c *fakeConn) ExecContext(_ context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, _ := c.db.call(query, false, args)
	if r.err != nil {
		return nil, r.err
	}
	return driver.RowsAffected(0), nil
}

func (c *fakeConn) QueryContext(_ context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, ok := c.db.call(query, true, args)
	if !ok {
		return nil, fmt.Errorf("fake: no answer for %q", query)
	}
	if r.err != nil {
		return nil, r.err
	}
	return &fakeRows{resp: r}, nil
}

type fakeRows struct {
	resp fakeResp
	next int
}

func (r *fakeRows) Columns() []string { return r.resp.cols }
func (r *fakeRows) Close() error      { return nil }

func (r *fakeRows) Next(dest []driver.Value) error {
	if r.next >= len(r.resp.rows) {
		if r.resp.rowErr != nil {
			return r.resp.rowErr
		}
		return io.EOF
	}
	copy(dest, r.resp.rows[r.next])
	r.next++
	return nil
}

func (r *fakeRows) ColumnTypeDatabaseTypeName(i int) string {
	if i < len(r.resp.types) {
		return r.resp.types[i]
	}
	return ""
}
