package engine

import (
	"context"
	"errors"

	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// This file is the contract between the engine and the database/sql driver
// (the root package). The driver never sees AST, plan or storage internals.

var errNotImplemented = errors.New("engine: not implemented yet")

// Config configures Open.
type Config struct {
	// Storage is the opened store; the engine does not close it.
	Storage storage.Database
	// NullableByDefault makes columns without a nullability clause nullable
	// (pragma default_column_nullability='nullable'); the default is NOT NULL.
	NullableByDefault bool
	// ForeignKeysOff disables foreign-key enforcement (on by default).
	ForeignKeysOff bool
	// TableKeyCollation is the collation of undecorated TEXT primary-key
	// columns; empty means NOCASE, as in the store module.
	TableKeyCollation string
}

// Database is an open SQL database: the schema plus its storage. It is safe
// for concurrent use by many Conns.
type Database struct{}

// Open loads the schema from the storage catalog. Catalog entries that fail
// to load are reported in loadErrs and skipped; err is for fatal failures.
func Open(ctx context.Context, cfg Config) (db *Database, loadErrs []error, err error) {
	return nil, nil, errNotImplemented
}

// Storage returns the underlying store (for change-event subscriptions).
func (db *Database) Storage() storage.Database { return nil }

// Close releases the engine's resources (not the storage).
func (db *Database) Close() error { return nil }

// Connect opens a session. A Conn is used by one goroutine at a time.
func (db *Database) Connect() *Conn { return &Conn{} }

// Conn is a session: it owns the current transaction and prepared statements.
type Conn struct{}

// TxOptions configure Conn.Begin.
type TxOptions struct {
	ReadOnly  bool
	Immediate bool
}

// Prepare parses and plans exactly one statement (a trailing ';' is fine).
func (c *Conn) Prepare(ctx context.Context, sql string) (*Stmt, error) {
	return nil, errNotImplemented
}

// ExecScript runs every statement of a multi-statement script in order,
// each in autocommit mode unless a transaction is open, stopping at the
// first error. Statements that return rows are drained. Positional
// parameters are numbered across the whole script. It returns the total
// number of rows changed.
func (c *Conn) ExecScript(ctx context.Context, sql string, args []Arg) (rowsAffected int64, err error) {
	return 0, errNotImplemented
}

// Begin opens a transaction, like SQL BEGIN. While a transaction opened this
// way is active, SQL BEGIN/COMMIT/ROLLBACK text is refused with a clear
// error (SAVEPOINT/RELEASE/ROLLBACK TO remain allowed).
func (c *Conn) Begin(ctx context.Context, opts TxOptions) error { return errNotImplemented }

// Commit commits the transaction opened by Begin.
func (c *Conn) Commit(ctx context.Context) error { return errNotImplemented }

// Rollback rolls back the transaction opened by Begin.
func (c *Conn) Rollback(ctx context.Context) error { return errNotImplemented }

// InTransaction reports whether a transaction (SQL or Begin) is open.
func (c *Conn) InTransaction() bool { return false }

// Close rolls back any open transaction and releases the session.
func (c *Conn) Close() error { return nil }

// Arg is one bound parameter. Ordinal is 1-based (0 when bound by name only);
// Name is without its sigil (":id", "@id" and "$id" all bind Name "id").
type Arg struct {
	Ordinal int
	Name    string
	Value   value.Value
}

// ParamInfo describes one parameter of a statement.
type ParamInfo struct {
	Ordinal int    // 1-based slot
	Name    string // without sigil; "" for ? and ?NNN
}

// Column describes one result column.
type Column struct {
	Name     string // result-column name per the Quereus naming rules
	DeclType string // declared type name in upper case ("INTEGER", "TEXT", ...), "" when unknown
	Nullable bool
}

// Result reports what Exec did.
type Result struct {
	RowsAffected int64
}

// Stmt is a prepared statement, parsed and planned once.
type Stmt struct{}

// Params lists the statement's parameter slots in ordinal order.
func (s *Stmt) Params() []ParamInfo { return nil }

// Columns describes the result columns (empty for statements without rows).
func (s *Stmt) Columns() []Column { return nil }

// ReturnsRows reports whether the statement produces rows (SELECT, VALUES,
// RETURNING, PRAGMA with a result, EXPLAIN).
func (s *Stmt) ReturnsRows() bool { return false }

// Query runs the statement and returns its rows.
func (s *Stmt) Query(ctx context.Context, args []Arg) (*Rows, error) {
	return nil, errNotImplemented
}

// Exec runs the statement to completion, discarding any rows.
func (s *Stmt) Exec(ctx context.Context, args []Arg) (Result, error) {
	return Result{}, errNotImplemented
}

// Close releases the statement.
func (s *Stmt) Close() error { return nil }

// Rows is a result cursor.
type Rows struct{}

// Columns describes the result columns.
func (r *Rows) Columns() []Column { return nil }

// Next returns the next row, or io.EOF after the last one. The row is valid
// until the next call.
func (r *Rows) Next(ctx context.Context) (value.Row, error) { return nil, errNotImplemented }

// Close releases the cursor (finishing an autocommit statement).
func (r *Rows) Close() error { return nil }
