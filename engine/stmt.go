package engine

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// program is a compiled statement.
type program struct {
	cat *schema.Catalog
	// query is set for read-only row-producing statements, iterated lazily.
	query *queryPlan
	// exec runs any other statement to completion, returning the rows
	// changed and (for RETURNING, PRAGMA, EXPLAIN) result rows.
	exec    func(e *env) (int64, []value.Row, error)
	cols    []outCol
	rows    bool
	writes  bool
	control func(ctx context.Context, c *Conn) error
	onError parser.ConflictAction
	params  []ParamInfo
	// ddl marks statements that change the schema (never re-planned).
	ddl bool
	// explainer is the scan of a DML statement, for EXPLAIN QUERY PLAN.
	explainer node
	// columns caches toColumns(cols), built at the first execution.
	columns []Column
}

// resultColumns describes the result columns, built once per program.
func (p *program) resultColumns() []Column {
	if p.columns == nil {
		p.columns = toColumns(p.cols)
	}
	return p.columns
}

// Stmt is a prepared statement, parsed and planned once.
type Stmt struct {
	conn *Conn
	ast  parser.Stmt
	prog *program
	// idle is a finished execution kept for reuse by the next run (Exec
	// releases it; a query's lives as long as its Rows).
	idle *execution
}

// Prepare parses and plans exactly one statement (a trailing ';' is fine).
func (c *Conn) Prepare(ctx context.Context, sql string) (st *Stmt, err error) {
	defer recoverErr(&err)
	if c.closed {
		return nil, errConnClosed
	}
	ast, err := parser.Parse(sql)
	if err != nil {
		return nil, err
	}
	return c.prepareAST(ast)
}

func (c *Conn) prepareAST(ast parser.Stmt) (*Stmt, error) {
	prog, err := c.compile(ast)
	if err != nil {
		return nil, err
	}
	return &Stmt{conn: c, ast: ast, prog: prog}, nil
}

// recoverErr converts a panic into an error at the API boundary.
func recoverErr(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v", r)
	}
}

// current re-plans the statement when the schema changed since planning.
func (s *Stmt) current() (*program, error) {
	if s.prog.ddl || s.prog.control != nil || s.prog.cat == s.conn.catalog() {
		return s.prog, nil
	}
	prog, err := s.conn.compile(s.ast)
	if err != nil {
		return nil, err
	}
	s.prog = prog
	return prog, nil
}

// Params lists the statement's parameter slots in ordinal order.
func (s *Stmt) Params() []ParamInfo { return s.prog.params }

// Columns describes the result columns (empty for statements without rows).
func (s *Stmt) Columns() []Column { return toColumns(s.prog.cols) }

func toColumns(cols []outCol) []Column {
	out := make([]Column, len(cols))
	for i, oc := range cols {
		out[i] = Column{Name: oc.name, DeclType: typeName(oc.typ), Nullable: !oc.notNull}
	}
	return out
}

// Reusable reports whether the statement may be executed again in place of
// preparing the same text anew (a driver's statement cache): true for
// queries and DML, which re-plan themselves when the schema changes; false
// for DDL and transaction control, which are planned against the state at
// preparation.
func (s *Stmt) Reusable() bool { return !s.prog.ddl && s.prog.control == nil }

// ReturnsRows reports whether the statement produces rows.
func (s *Stmt) ReturnsRows() bool { return s.prog.rows }

// Close releases the statement.
func (s *Stmt) Close() error { return nil }

// bindArgs maps arguments to parameter slots, filling vals (zeroed, one
// per parameter).
func bindArgs(vals []value.Value, params []ParamInfo, args []Arg, base int) ([]value.Value, error) {
	for _, a := range args {
		slot := -1
		if a.Name != "" {
			name := strings.TrimLeft(a.Name, ":@$")
			for i, p := range params {
				if strings.EqualFold(p.Name, name) {
					slot = i
					break
				}
			}
			if slot < 0 {
				var n int
				if _, err := fmt.Sscanf(name, "%d", &n); err == nil && n >= 1 && n <= len(params) {
					slot = n - 1
				}
			}
			if slot < 0 {
				if a.Ordinal == 0 {
					continue
				}
			}
		}
		if slot < 0 && a.Ordinal > 0 {
			slot = a.Ordinal - 1 - base
			if slot < 0 || slot >= len(params) {
				continue
			}
		}
		if slot >= 0 {
			vals[slot] = a.Value
		}
	}
	return vals, nil
}

// Query runs the statement and returns its rows.
func (s *Stmt) Query(ctx context.Context, args []Arg) (rows *Rows, err error) {
	defer recoverErr(&err)
	return s.conn.run(ctx, s, args, 0, true)
}

// Exec runs the statement to completion, discarding any rows.
func (s *Stmt) Exec(ctx context.Context, args []Arg) (res Result, err error) {
	defer recoverErr(&err)
	rows, err := s.conn.run(ctx, s, args, 0, false)
	if err != nil {
		return Result{}, err
	}
	n := rows.affected
	if rows.it != nil {
		for {
			r, err := rows.Next(ctx)
			if err == io.EOF {
				break
			}
			if err != nil {
				rows.Close()
				return Result{}, err
			}
			_ = r
		}
	}
	err = rows.Close()
	if x := rows.x; x != nil && err == nil {
		// The statement ran to completion without a cursor left open on
		// it: nothing refers to its execution any more.
		s.release(x)
	}
	return Result{RowsAffected: n}, err
}

// Rows is a result cursor.
type Rows struct {
	cols     []Column
	it       rowIter
	e        *env
	affected int64
	// fin finishes the statement when the cursor closes (nil: finished).
	fin *execution
	// x is the finished execution of a statement without a cursor (what
	// Exec may release for reuse).
	x *execution
	// owner is the statement of a query's cursor: closing the cursor
	// gives the execution (fin) back to it for reuse (Stmt.release).
	owner *Stmt
	done  bool
	err   error
}

// Columns describes the result columns.
func (r *Rows) Columns() []Column { return r.cols }

// ReuseRows declares that the caller is done with each row Next returns
// when it calls Next again (it copies the values it keeps): the cursor may
// then return the same row storage every time, overwritten. Call it before
// the first Next.
func (r *Rows) ReuseRows() {
	if r.it != nil && !r.done {
		reuseCursorRows(r.it)
	}
}

// Next returns the next row, or io.EOF after the last one.
func (r *Rows) Next(ctx context.Context) (row value.Row, err error) {
	defer recoverErr(&err)
	if r.done {
		if r.err != nil {
			return nil, r.err
		}
		return nil, io.EOF
	}
	if r.it == nil {
		r.done = true
		return nil, io.EOF
	}
	r.e.ctx = ctx
	row, err = r.it.Next()
	if err != nil {
		r.err = err
		r.close(err)
		return nil, err
	}
	if row == nil {
		r.close(nil)
		return nil, io.EOF
	}
	return row, nil
}

func (r *Rows) close(err error) error {
	if r.done && r.fin == nil {
		return nil
	}
	r.done = true
	if r.it != nil {
		r.it.Close()
	}
	f := r.fin
	r.fin, r.it, r.e = nil, nil, nil
	if f == nil {
		return nil
	}
	ferr := f.finish(err)
	if r.owner != nil {
		// Its iterators are closed and the cursor is done (a later Next
		// or Close touches neither r.e nor r.it): nothing refers to the
		// execution any more.
		r.owner.release(f)
		r.owner = nil
	}
	return ferr
}

// Close releases the cursor (finishing an autocommit statement).
func (r *Rows) Close() error { return r.close(nil) }
