package engine

import (
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// This file holds the plain types of the contract between the engine and
// the database/sql driver (the root package); the driver never sees AST,
// plan or storage internals. Database and Open live in database.go, Conn in
// conn.go, Stmt and Rows in stmt.go.

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
