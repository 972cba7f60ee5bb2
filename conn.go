package quereus

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/quereus/quereus/engine"
	"github.com/quereus/quereus/engine/parser"
)

// conn is a driver connection: one engine session. database/sql uses it from
// one goroutine at a time, so it needs no lock of its own.
type conn struct {
	connector      *Connector
	ownedConnector *Connector // set by Driver.Open: closed with the connection
	inst           *instance
	ec             *engine.Conn
	closed         bool
	broken         bool // a panic was recovered: the pool must discard the connection
	stmts          stmtCache
}

var (
	_ driver.Conn               = (*conn)(nil)
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.Pinger             = (*conn)(nil)
	_ driver.SessionResetter    = (*conn)(nil)
	_ driver.Validator          = (*conn)(nil)
	_ EventSource               = (*conn)(nil)
)

func (c *conn) markBroken() { c.broken = true }

// usable refuses a closed or broken connection with driver.ErrBadConn, which
// makes database/sql retry on another connection (nothing has run yet).
func (c *conn) usable() error {
	if c.closed || c.broken {
		return driver.ErrBadConn
	}
	return nil
}

// usableArgs checks that the connection is usable and converts the
// arguments of a call.
func (c *conn) usableArgs(nvs []driver.NamedValue) ([]engine.Arg, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	return toArgs(nvs)
}

// Prepare prepares one statement.
func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext parses and plans exactly one statement.
func (c *conn) PrepareContext(ctx context.Context, query string) (_ driver.Stmt, err error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	defer recoverTo(&err, c.markBroken)
	es, err := c.ec.Prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return newStmt(c, es), nil
}

// Close rolls back any open transaction and releases the session and the
// connection's reference to the database.
func (c *conn) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	err := c.closeSession()
	err = errors.Join(err, c.inst.release())
	if c.ownedConnector != nil {
		err = errors.Join(err, c.ownedConnector.Close())
	}
	return err
}

func (c *conn) closeSession() (err error) {
	defer recoverTo(&err, nil)
	return errors.Join(c.stmts.closeAll(), c.ec.Close())
}

// Begin starts a transaction with default options.
func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx starts a transaction. Read-only is enforced by the engine. Every
// transaction reads one snapshot and writers are serialized by a single
// write lock, so LevelDefault, LevelSnapshot and LevelSerializable are all
// honoured; the weaker levels and LevelLinearizable are refused.
func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (_ driver.Tx, err error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	switch level := sql.IsolationLevel(opts.Isolation); level {
	case sql.LevelDefault, sql.LevelSnapshot, sql.LevelSerializable:
	default:
		return nil, fmt.Errorf("quereus: isolation level %s is not supported: transactions read one snapshot "+
			"and writers are serialized (use the default, LevelSnapshot or LevelSerializable)", level)
	}
	defer recoverTo(&err, c.markBroken)
	if err := c.ec.Begin(ctx, engine.TxOptions{ReadOnly: opts.ReadOnly}); err != nil {
		return nil, err
	}
	return &tx{c: c}, nil
}

// ExecContext runs every statement of query in order (see the package
// documentation for how arguments bind across statements).
func (c *conn) ExecContext(ctx context.Context, query string, nvs []driver.NamedValue) (_ driver.Result, err error) {
	args, err := c.usableArgs(nvs)
	if err != nil {
		return nil, err
	}
	defer recoverTo(&err, c.markBroken)
	if len(args) > 0 {
		// A single statement is prepared so that its arguments are checked.
		if es, cached, perr := c.stmts.prepare(ctx, c.ec, query); perr == nil {
			if !cached {
				defer es.Close()
			}
			if err := checkArgs(es.Params(), args); err != nil {
				return nil, err
			}
			return execStmt(ctx, es, args)
		}
	}
	n, err := c.ec.ExecScript(ctx, query, args)
	if err != nil {
		return nil, err
	}
	return result{rowsAffected: n}, nil
}

// QueryContext runs one statement and returns its rows. Without arguments,
// query may be a script: every statement but the last runs as by
// ExecContext and the last one gives the rows.
func (c *conn) QueryContext(ctx context.Context, query string, nvs []driver.NamedValue) (_ driver.Rows, err error) {
	args, err := c.usableArgs(nvs)
	if err != nil {
		return nil, err
	}
	defer recoverTo(&err, c.markBroken)
	es, cached, err := c.stmts.prepare(ctx, c.ec, query)
	if err != nil {
		if len(args) > 0 {
			return nil, err
		}
		if es, err = c.prepareScriptTail(ctx, query, err); err != nil {
			return nil, err
		}
	}
	owned := es // closed with the rows unless the cache keeps it
	if cached {
		owned = nil
	}
	if err := checkArgs(es.Params(), args); err != nil {
		return nil, errors.Join(err, closeStmt(owned))
	}
	er, err := es.Query(ctx, args)
	if err != nil {
		return nil, errors.Join(err, closeStmt(owned))
	}
	return newRows(ctx, c, er, owned, nil), nil
}

// closeStmt closes es unless it is nil.
func closeStmt(es *engine.Stmt) error {
	if es == nil {
		return nil
	}
	return es.Close()
}

// prepareScriptTail handles a query that failed to prepare: if it is a
// script of several statements, it runs all but the last and prepares the
// last. Otherwise it returns prepareErr, the error of preparing query whole.
func (c *conn) prepareScriptTail(ctx context.Context, query string, prepareErr error) (*engine.Stmt, error) {
	stmts, err := parser.ParseScript(query)
	if err != nil {
		return nil, err // the script's own syntax error is the precise one
	}
	if len(stmts) < 2 {
		return nil, prepareErr
	}
	last := stmts[len(stmts)-1]
	if _, err := c.ec.ExecScript(ctx, query[:last.Start], nil); err != nil {
		return nil, err
	}
	return c.ec.Prepare(ctx, last.Text)
}

// CheckNamedValue converts every argument to an SQL value up front (see
// toValue for the accepted types), so that unsupported types are reported
// by database/sql before anything runs. The types toValue maps directly
// stay as they are (toArgs converts them without re-boxing each argument).
func (c *conn) CheckNamedValue(nv *driver.NamedValue) (err error) {
	defer recoverTo(&err, nil) // a user Valuer may panic
	switch nv.Value.(type) {
	case nil, int64, float64, bool, string, int:
		return nil
	case sql.Out:
		return errors.New("quereus: output parameters (sql.Out) are not supported")
	}
	v, err := toValue(nv.Value)
	if err != nil {
		return err
	}
	nv.Value = v
	return nil
}

// Ping reports whether the connection is usable.
func (c *conn) Ping(ctx context.Context) error {
	if err := c.usable(); err != nil {
		return err
	}
	return ctx.Err()
}

// ResetSession is called before a pooled connection is reused. A transaction
// opened with SQL BEGIN stays open on its connection (pin the connection
// with db.Conn to use one); only broken connections are discarded.
func (c *conn) ResetSession(ctx context.Context) error { return c.usable() }

// IsValid reports whether the pool may keep the connection.
func (c *conn) IsValid() bool { return c.usable() == nil }

// OnDataChange subscribes through the connection's Connector (the
// subscription outlives the connection; see EventSource).
func (c *conn) OnDataChange(fn func(DataChangeEvent)) (unsubscribe func()) {
	return c.connector.OnDataChange(fn)
}

// OnSchemaChange subscribes through the connection's Connector.
func (c *conn) OnSchemaChange(fn func(SchemaChangeEvent)) (unsubscribe func()) {
	return c.connector.OnSchemaChange(fn)
}

// result is what Exec reports.
type result struct{ rowsAffected int64 }

// LastInsertId always fails: tables have no rowids.
func (result) LastInsertId() (int64, error) { return 0, ErrNoLastInsertID }

// RowsAffected is the exact number of rows the statement(s) changed.
func (r result) RowsAffected() (int64, error) { return r.rowsAffected, nil }
