package quereus

import (
	"context"
	"database/sql/driver"

	"github.com/quereus/quereus/engine"
)

// stmt is a prepared statement, parsed and planned once by the engine.
type stmt struct {
	c        *conn
	es       *engine.Stmt
	params   []engine.ParamInfo
	numInput int
	// argBuf is reused for the converted arguments of each execution: the
	// engine binds them when the execution starts and keeps no reference,
	// and a driver statement is not used by two goroutines at once.
	argBuf []engine.Arg
	// desc describes the result columns of the last run (newRows).
	desc *columnSet
}

var (
	_ driver.Stmt             = (*stmt)(nil)
	_ driver.StmtExecContext  = (*stmt)(nil)
	_ driver.StmtQueryContext = (*stmt)(nil)
)

func newStmt(c *conn, es *engine.Stmt) *stmt {
	params := es.Params()
	return &stmt{c: c, es: es, params: params, numInput: numInput(params)}
}

// numInput is the number of arguments database/sql must check for: the
// highest slot when every parameter is positional, -1 (unchecked) when any
// parameter is named, since named arguments may be given in any number.
func numInput(params []engine.ParamInfo) int {
	n := 0
	for _, p := range params {
		if p.Name != "" {
			return -1
		}
		n = max(n, p.Ordinal)
	}
	return n
}

// NumInput reports the number of arguments, or -1 (see numInput).
func (s *stmt) NumInput() int { return s.numInput }

// Close releases the statement.
func (s *stmt) Close() (err error) {
	defer recoverTo(&err, s.c.markBroken)
	return s.es.Close()
}

// Exec runs the statement (legacy interface).
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), namedValues(args))
}

// Query runs the statement (legacy interface).
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), namedValues(args))
}

// ExecContext runs the statement to completion.
func (s *stmt) ExecContext(ctx context.Context, nvs []driver.NamedValue) (_ driver.Result, err error) {
	args, err := s.args(nvs)
	if err != nil {
		return nil, err
	}
	defer recoverTo(&err, s.c.markBroken)
	defer s.releaseArgs()
	return execStmt(ctx, s.es, args)
}

// QueryContext runs the statement and returns its rows; ctx also governs
// fetching them.
func (s *stmt) QueryContext(ctx context.Context, nvs []driver.NamedValue) (_ driver.Rows, err error) {
	args, err := s.args(nvs)
	if err != nil {
		return nil, err
	}
	defer recoverTo(&err, s.c.markBroken)
	defer s.releaseArgs()
	er, err := s.es.Query(ctx, args)
	if err != nil {
		return nil, err
	}
	return newRows(ctx, s.c, er, nil, &s.desc), nil
}

// args checks that the connection is usable, then converts and checks the
// arguments of one execution.
func (s *stmt) args(nvs []driver.NamedValue) ([]engine.Arg, error) {
	if err := s.c.usable(); err != nil {
		return nil, err
	}
	args, err := appendArgs(s.argBuf[:0], nvs)
	if err != nil {
		return nil, err
	}
	s.argBuf = args
	return args, checkArgs(s.params, args)
}

// releaseArgs drops the references the argument buffer holds to the last
// execution's values.
func (s *stmt) releaseArgs() { clear(s.argBuf) }

// execStmt runs a prepared statement to completion.
func execStmt(ctx context.Context, es *engine.Stmt, args []engine.Arg) (driver.Result, error) {
	res, err := es.Exec(ctx, args)
	if err != nil {
		return nil, err
	}
	return result{rowsAffected: res.RowsAffected}, nil
}
