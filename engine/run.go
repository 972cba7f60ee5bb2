package engine

import (
	"context"
	"errors"
	"io"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// run executes a prepared statement. Writing statements take the write
// lock before their first read (so the snapshot they read is current);
// each statement runs under a savepoint mark so a failure undoes exactly
// its own writes, as its conflict action says.
func (c *Conn) run(ctx context.Context, s *Stmt, args []Arg, base int, wantRows bool) (*Rows, error) {
	if c.closed {
		return nil, errConnClosed
	}
	c.stmtSeq++
	prog, err := s.current()
	if err != nil {
		return nil, err
	}
	if prog.control != nil {
		if err := prog.control(ctx, c); err != nil {
			return nil, err
		}
		return &Rows{}, nil
	}
	x := s.takeExecution()
	x.c, x.prog, x.ctx = c, prog, ctx
	params, err := bindArgs(x.params(len(prog.params)), prog.params, args, base)
	if err != nil {
		return nil, err
	}
	x.autocommit = c.txn == nil
	if x.autocommit {
		if err := c.beginTxn(ctx, storage.TxOptions{}); err != nil {
			return nil, err
		}
	}
	if prog.writes {
		if err := c.txn.LockForWrite(ctx); err != nil {
			if x.autocommit {
				_ = c.rollback()
			}
			return nil, err
		}
	}
	if !x.autocommit {
		x.mark = c.txn.Savepoint()
	}
	x.deferredLen = len(c.deferred)
	e := &x.env
	cache := e.cache // an idle execution's map, emptied by release
	if cache == nil {
		cache = map[any]any{}
	}
	*e = env{ctx: ctx, conn: c, txn: c.txn, params: params, cache: cache, keyBuf: e.keyBuf, valBuf: e.valBuf}
	cols := prog.resultColumns()
	if prog.query != nil {
		it, err := prog.query.root.open(e)
		if err != nil {
			return nil, x.finish(err)
		}
		// The cursor is allocated apart from the execution: the caller
		// may keep it after closing it, while the execution goes back to
		// the statement for its next run (Rows.close).
		return &Rows{cols: cols, it: it, e: e, fin: x, owner: s}, nil
	}
	n, rows, err := prog.exec(e)
	if err == nil && prog.writes {
		err = checkMaintainedTables(e)
	}
	if err != nil {
		return nil, x.finish(err)
	}
	if err := x.finish(nil); err != nil {
		return nil, err
	}
	x.rows = Rows{cols: cols, affected: n, e: e, x: x}
	if prog.rows {
		x.rows.it = &sliceIter{rows: rows}
	}
	return &x.rows, nil
}

// execution is one run of a statement: its env, its result cursor and
// what finishing it takes, allocated together.
type execution struct {
	env  env
	rows Rows
	c    *Conn
	prog *program
	ctx  context.Context
	// autocommit: the statement runs in a transaction of its own.
	autocommit bool
	// mark is the statement's savepoint (in an explicit transaction).
	mark storage.Mark
	// deferredLen is the length of the deferred-check queue at the start.
	deferredLen int
	// paramBuf backs the bound parameters; an execution reused by Exec
	// keeps it (cleared).
	paramBuf []value.Value
}

// takeExecution returns the statement's idle execution (see Stmt.Exec),
// or a new one.
func (s *Stmt) takeExecution() *execution {
	if x := s.idle; x != nil {
		s.idle = nil
		return x
	}
	return &execution{}
}

// release makes a finished execution the statement's idle one, to be
// reused by its next run: only once its Rows are closed and nothing of it
// is referenced any more. Its map and scratch buffers stay (emptied);
// everything else is zeroed, so it keeps no values of the finished run.
func (s *Stmt) release(x *execution) {
	cache, params, keyBuf, valBuf := x.env.cache, x.paramBuf, x.env.keyBuf, x.env.valBuf
	clear(cache)
	clear(params)
	*x = execution{}
	x.env.cache, x.paramBuf, x.env.keyBuf, x.env.valBuf = cache, params, keyBuf[:0], valBuf[:0]
	s.idle = x
}

// params returns a zeroed parameter slice of length n.
func (x *execution) params(n int) []value.Value {
	if n <= cap(x.paramBuf) {
		return x.paramBuf[:n:n]
	}
	x.paramBuf = make([]value.Value, n)
	return x.paramBuf
}

// finish ends the statement: on failure it drops the deferred checks it
// queued and undoes it as its conflict action says; on success it commits
// (autocommit) or releases its savepoint.
func (x *execution) finish(err error) error {
	c := x.c
	if err != nil {
		if x.deferredLen < len(c.deferred) {
			c.deferred = c.deferred[:x.deferredLen]
		}
		return c.fail(err, x.autocommit, x.mark, x.prog.onError)
	}
	if x.autocommit {
		return c.commit(x.ctx)
	}
	return c.txn.Release(x.mark)
}

// fail undoes a failed statement according to its conflict action.
func (c *Conn) fail(err error, autocommit bool, mark storage.Mark, action parser.ConflictAction) error {
	var ce *constraintError
	if errors.As(err, &ce) && ce.action != parser.ConflictDefault {
		action = ce.action
	}
	if c.txn == nil {
		return err
	}
	switch {
	case action == parser.ConflictRollback:
		_ = c.rollback()
	case action == parser.ConflictFail:
		if autocommit {
			if cerr := c.commit(context.Background()); cerr != nil {
				return cerr
			}
		} else {
			_ = c.txn.Release(mark)
		}
	case autocommit:
		_ = c.rollback()
	default:
		_ = c.txn.RollbackTo(mark)
		_ = c.txn.Release(mark)
	}
	return err
}

// ExecScript runs every statement of a script in order, each in
// autocommit mode unless a transaction is open, stopping at the first
// error. Statements that return rows are drained. Positional parameters are
// numbered across the whole script.
func (c *Conn) ExecScript(ctx context.Context, sql string, args []Arg) (total int64, err error) {
	defer recoverErr(&err)
	stmts, err := parser.ParseScript(sql)
	if err != nil {
		return 0, err
	}
	base := 0
	for _, ss := range stmts {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		st, err := c.prepareAST(ss.Stmt)
		if err != nil {
			return total, err
		}
		rows, err := c.run(ctx, st, args, base, false)
		if err != nil {
			return total, err
		}
		base += len(st.prog.params)
		total += rows.affected
		for rows.it != nil {
			if _, err := rows.Next(ctx); err != nil {
				if err == io.EOF {
					break
				}
				return total, err
			}
		}
		if err := rows.Close(); err != nil {
			return total, err
		}
	}
	return total, nil
}

// constraintError is a constraint violation; action overrides the
// statement's conflict action (an ON CONFLICT clause of the constraint).
type constraintError struct {
	msg    string
	action parser.ConflictAction
}

func (e *constraintError) Error() string { return e.msg }

// emptyRow is a zero-width row.
var emptyRow = value.Row{}
