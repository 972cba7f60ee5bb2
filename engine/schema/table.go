package schema

import (
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// Column is one column of a table.
type Column struct {
	Name string
	// Type is the declared type name as written ("" when none was given,
	// which behaves as ANY).
	Type      string
	NotNull   bool
	Default   parser.Expr // nil when absent
	Collation string      // declared or key-rewritten collation; "" = BINARY
	// Generated is the expression of a generated column (nil otherwise).
	Generated parser.Expr
	// NotNullConflict is the NOT NULL constraint's ON CONFLICT action.
	NotNullConflict parser.ConflictAction
	// Def is the column definition the column was built from.
	Def *parser.ColumnDef
}

// KeyPart is one component of a primary key or index key.
type KeyPart struct {
	Col       int // column index; -1 for an expression part
	Expr      parser.Expr
	Desc      bool
	Collation string // collation the key bytes are encoded with
}

// Check is a CHECK constraint.
type Check struct {
	Name string
	Expr parser.Expr
	// On lists the operations it applies to; empty means INSERT and UPDATE.
	On []parser.Operation
	// Conflict is the constraint's ON CONFLICT action.
	Conflict parser.ConflictAction
}

// AppliesTo reports whether the check runs for op.
func (c *Check) AppliesTo(op parser.Operation) bool {
	if len(c.On) == 0 {
		return op == parser.OpInsert || op == parser.OpUpdate
	}
	for _, o := range c.On {
		if o == op {
			return true
		}
	}
	return false
}

// ForeignKey is a child-side foreign key of a table.
type ForeignKey struct {
	Name       string   // constraint name ("_fk_<table>_<cols>" when unnamed)
	Columns    []int    // child columns
	RefTable   string   // parent table name
	RefSchema  string   // parent schema as written ("": the child's schema)
	RefColumns []string // parent columns ("" list = parent PK)
	OnDelete   parser.FKAction
	OnUpdate   parser.FKAction
	// Deferred FKs (DEFERRABLE INITIALLY DEFERRED) are checked at COMMIT.
	Deferred bool
}

// Table is a base table.
type Table struct {
	Schema  string
	Name    string
	Columns []*Column
	// PK is the primary key; empty for `PRIMARY KEY ()` (at most one row).
	PK []KeyPart
	// PKDeclared is false when the key was synthesized from all columns.
	PKDeclared bool
	// PKConflict is the primary key's ON CONFLICT action.
	PKConflict parser.ConflictAction
	Checks     []*Check
	FKs        []*ForeignKey
	// Indexes are the table's secondary indexes, including the implicit
	// ones backing UNIQUE constraints.
	Indexes []*Index
	Def     *parser.CreateTable
}

// ColumnIndex returns the index of the named column, or -1.
func (t *Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// IsPKColumn reports whether column i is part of the primary key.
func (t *Table) IsPKColumn(i int) bool {
	for _, p := range t.PK {
		if p.Col == i {
			return true
		}
	}
	return false
}

// Index is a secondary index (explicit, or implicit for a UNIQUE constraint).
type Index struct {
	Name     string
	Table    string
	Unique   bool
	Parts    []KeyPart
	Where    parser.Expr // partial-index predicate; nil when absent
	Implicit bool        // backs a UNIQUE constraint of the table
	// Conflict is a UNIQUE constraint's ON CONFLICT action.
	Conflict parser.ConflictAction
	Def      *parser.CreateIndex
}

// Assertion is a database-wide integrity condition (CREATE ASSERTION),
// checked when a transaction that changed data commits.
type Assertion struct {
	Name  string
	Check parser.Expr
	Def   *parser.CreateAssertion
}

// View is a stored query. A materialized view is planned like a view, so
// it is always current (the effect of Quereus's maintained views).
type View struct {
	Schema  string
	Name    string
	Columns []string
	Select  *parser.Select
	Def     *parser.CreateView
	// Declared is the table-form definition of a maintained table
	// (CREATE TABLE ... MAINTAINED AS): its declared constraints are
	// checked against the derived rows. Nil otherwise.
	Declared *parser.CreateTable
}

// Materialized reports whether the view was created MATERIALIZED.
func (v *View) Materialized() bool { return v.Def != nil && v.Def.Materialized }
