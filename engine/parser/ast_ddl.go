package parser

// Tag is one `name = value` entry of a Quereus `WITH TAGS (...)` clause.
// Value is a literal expression (string, number, boolean, null).
type Tag struct {
	Loc
	Name  string
	Value Expr
}

// IndexedColumn is a column of an index, primary key, unique constraint or
// ON CONFLICT target: an expression (usually a *ColumnRef with only Column
// set) with an optional collation and direction. `a COLLATE nocase` is
// parsed into Collation, not into a *Collate expression.
type IndexedColumn struct {
	Loc
	X         Expr
	Collation string
	Dir       SortDir
}

// FKAction is a foreign key ON DELETE / ON UPDATE action.
type FKAction uint8

// Foreign key actions. FKDefault means none was written.
const (
	FKDefault FKAction = iota
	FKNoAction
	FKRestrict
	FKSetNull
	FKSetDefault
	FKCascade
)

// Deferral is a foreign key's DEFERRABLE clause.
type Deferral uint8

// Deferral clauses.
const (
	DeferNone                   Deferral = iota // not written
	DeferDeferrable                             // DEFERRABLE
	DeferDeferrableDeferred                     // DEFERRABLE INITIALLY DEFERRED
	DeferDeferrableImmediate                    // DEFERRABLE INITIALLY IMMEDIATE
	DeferNotDeferrable                          // NOT DEFERRABLE
	DeferNotDeferrableDeferred                  // NOT DEFERRABLE INITIALLY DEFERRED
	DeferNotDeferrableImmediate                 // NOT DEFERRABLE INITIALLY IMMEDIATE
	DeferInitiallyDeferredOnly                  // INITIALLY DEFERRED (no DEFERRABLE)
	DeferInitiallyImmediateOnly                 // INITIALLY IMMEDIATE (no DEFERRABLE)
)

// ForeignKey is a REFERENCES clause.
type ForeignKey struct {
	Loc
	Table    ObjectName
	Columns  []string
	OnDelete FKAction
	OnUpdate FKAction
	Match    string
	Deferral Deferral
}

// ConstraintKind is the kind of a column or table constraint.
type ConstraintKind uint8

// Constraint kinds.
const (
	ConstrPrimaryKey ConstraintKind = iota
	ConstrNotNull
	ConstrNull
	ConstrUnique
	ConstrCheck
	ConstrDefault
	ConstrCollate
	ConstrForeignKey // REFERENCES / FOREIGN KEY
	ConstrGenerated
)

// Operation is a DML operation a CHECK constraint applies to
// (`CHECK ON INSERT, UPDATE (...)`).
type Operation uint8

// DML operations.
const (
	OpInsert Operation = iota
	OpUpdate
	OpDelete
)

// ColumnConstraint is a constraint written on a column definition.
// Which fields are used depends on Kind:
//   - ConstrPrimaryKey: Dir, OnConflict, AutoIncrement
//   - ConstrNotNull, ConstrNull, ConstrUnique: OnConflict
//   - ConstrCheck: Expr, CheckOn
//   - ConstrDefault: Expr
//   - ConstrCollate: Collation
//   - ConstrForeignKey: FK
//   - ConstrGenerated: Expr, Stored (VIRTUAL when false), GeneratedAlways
//     (the GENERATED ALWAYS words were written; `AS (...)` alone otherwise)
//
// Tags holds a `WITH TAGS` clause written right after a named constraint.
type ColumnConstraint struct {
	Loc
	Name            string // CONSTRAINT name, "" when absent
	Kind            ConstraintKind
	Dir             SortDir
	OnConflict      ConflictAction
	AutoIncrement   bool
	Expr            Expr
	CheckOn         []Operation
	Collation       string
	FK              *ForeignKey
	Stored          bool
	GeneratedAlways bool
	Tags            []*Tag
}

// ColumnDef is a column definition. Type is nil when no type was written.
type ColumnDef struct {
	Loc
	Name        string
	Type        *TypeName
	Constraints []*ColumnConstraint
	Tags        []*Tag
}

// TableConstraint is a table-level constraint. Which fields are used
// depends on Kind:
//   - ConstrPrimaryKey, ConstrUnique: Columns (PRIMARY KEY () has none), OnConflict
//   - ConstrCheck: Expr, CheckOn
//   - ConstrForeignKey: FKColumns, FK
type TableConstraint struct {
	Loc
	Name       string
	Kind       ConstraintKind
	Columns    []*IndexedColumn
	OnConflict ConflictAction
	Expr       Expr
	CheckOn    []Operation
	FKColumns  []string
	FK         *ForeignKey
	Tags       []*Tag
}

// TableOption is a trailing table option such as WITHOUT ROWID or STRICT,
// kept as upper-case words so the engine can reject it by name.
type TableOption struct {
	Loc
	Words string // e.g. "WITHOUT ROWID", "STRICT"
}

// ModuleArg is one argument of `USING module(args)`: either a bare
// expression (Name == "") or `name = value`.
type ModuleArg struct {
	Loc
	Name  string
	Value Expr
}

// CreateTable is CREATE [TEMP] TABLE. Exactly one of the column form
// (Columns/Constraints) and AsSelect is used. Maintained is the Quereus
// `... MAINTAINED AS <select>` form (a maintained / materialized table).
// Context lists the `WITH CONTEXT (name type, ...)` variable declarations.
type CreateTable struct {
	Loc
	Temp        bool
	IfNotExists bool
	Name        ObjectName
	Columns     []*ColumnDef
	Constraints []*TableConstraint
	AsSelect    *Select
	Maintained  *Select
	Module      string // USING module; "" when absent
	ModuleArgs  []*ModuleArg
	HasArgs     bool // module written with parentheses
	Options     []*TableOption
	Context     []*ColumnDef
	Tags        []*Tag
	// MaintainedColumns is the `MAINTAINED (cols) AS` rename list.
	MaintainedColumns []string
}

// CreateIndex is CREATE [UNIQUE] INDEX.
type CreateIndex struct {
	Loc
	Unique      bool
	IfNotExists bool
	Name        ObjectName
	Table       string
	Columns     []*IndexedColumn
	Where       Expr
	Tags        []*Tag
}

// CreateView is CREATE [TEMP] [MATERIALIZED] VIEW.
type CreateView struct {
	Loc
	Temp         bool
	Materialized bool
	IfNotExists  bool
	Name         ObjectName
	Columns      []string
	Select       *Select
	Tags         []*Tag
}

// CreateAssertion is the Quereus `CREATE ASSERTION name CHECK (expr)`.
type CreateAssertion struct {
	Loc
	Name  ObjectName
	Check Expr
	Tags  []*Tag
}

// ObjectKind names a kind of schema object.
type ObjectKind uint8

// Object kinds.
const (
	ObjTable ObjectKind = iota
	ObjIndex
	ObjView
	ObjMaterializedView
	ObjAssertion
	ObjTrigger // parsed by nothing today; reserved for clear errors
)

// Drop is DROP TABLE|INDEX|VIEW|MATERIALIZED VIEW|ASSERTION [IF EXISTS] name.
type Drop struct {
	Loc
	Kind     ObjectKind
	IfExists bool
	Name     ObjectName
}

// RefreshMaterializedView is the Quereus `REFRESH MATERIALIZED VIEW name`.
type RefreshMaterializedView struct {
	Loc
	Name ObjectName
}

func (*CreateTable) stmtNode()             {}
func (*CreateIndex) stmtNode()             {}
func (*CreateView) stmtNode()              {}
func (*CreateAssertion) stmtNode()         {}
func (*Drop) stmtNode()                    {}
func (*RefreshMaterializedView) stmtNode() {}
