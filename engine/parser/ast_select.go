package parser

// Select is a full query: an optional WITH clause, a body, and the ORDER BY
// / LIMIT / OFFSET that apply to the whole body. A bare VALUES statement is
// a Select whose Body is *Values.
type Select struct {
	Loc
	With    *With
	Body    SelectBody
	OrderBy []*OrderTerm
	Limit   Expr // nil when absent
	Offset  Expr // nil when absent; `LIMIT a, b` sets Offset=a, Limit=b
	// WithSchema is the Quereus `WITH SCHEMA a, b` clause: the schema
	// search path for resolving unqualified names in this statement.
	WithSchema []string
	// Defaults is the Quereus `WITH DEFAULTS (col = expr, ...)` clause:
	// values for base-table columns the query does not expose, used when
	// writing through it (views, maintained tables, updatable subqueries).
	Defaults []*SetClause
}

// With is a WITH [RECURSIVE] clause.
type With struct {
	Loc
	Recursive bool
	CTEs      []*CTE
}

// Materialization is a CTE's [NOT] MATERIALIZED hint.
type Materialization uint8

// CTE materialization hints.
const (
	MatDefault Materialization = iota
	MatMaterialized
	MatNotMaterialized
)

// CTE is one common table expression `name [(cols)] AS [hint] (stmt)`.
// Query is a *Select, or an *Insert / *Update / *Delete for a DML CTE
// (the engine decides where those are allowed).
type CTE struct {
	Loc
	Name         string
	Columns      []string
	Materialized Materialization
	Query        Stmt
}

// SelectCore is one `SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...
// WINDOW ...` block.
type SelectCore struct {
	Loc
	Distinct bool
	All      bool // explicit ALL
	Columns  []*ResultColumn
	From     TableExpr // nil when there is no FROM
	Where    Expr
	GroupBy  []Expr
	Having   Expr
	Windows  []*WindowDef
}

// ResultColumn is an item of a select list or RETURNING list: `*`,
// `t.*` (Star with Table), or an expression with an optional alias.
// Inverse holds a lens view's `WITH INVERSE (col = expr, ...)` clause.
type ResultColumn struct {
	Loc
	Star    bool
	Schema  string // qualifier of schema.t.*
	Table   string // qualifier of t.*
	Expr    Expr
	Alias   string
	Inverse []*SetClause
}

// Values is `VALUES (row), (row), ...`.
type Values struct {
	Loc
	Rows [][]Expr
}

// CompoundOp is a set operator.
type CompoundOp uint8

// Set operators.
const (
	Union CompoundOp = iota
	UnionAll
	Intersect
	Except
	Diff // Quereus: symmetric difference
)

// Compound is `Left op Right`. Compounds are left-associative:
// `a UNION b EXCEPT c` is Compound{Except, Compound{Union, a, b}, c}.
type Compound struct {
	Loc
	Op    CompoundOp
	Left  SelectBody
	Right SelectBody
	// Existence lists Quereus `EXISTS LEFT|RIGHT AS name` membership
	// columns written right after the operator.
	Existence []*ExistenceFlag
}

// SortDir is an explicit ASC/DESC or the default.
type SortDir uint8

// Sort directions.
const (
	SortDefault SortDir = iota
	SortAsc
	SortDesc
)

// NullsOrder is an explicit NULLS FIRST/LAST or the default.
type NullsOrder uint8

// NULLS placement.
const (
	NullsDefault NullsOrder = iota
	NullsFirst
	NullsLast
)

// OrderTerm is an ORDER BY item.
type OrderTerm struct {
	Loc
	X     Expr
	Dir   SortDir
	Nulls NullsOrder
}

// TableRef is a named table or view in FROM: `[committed.][schema.]name
// [[AS] alias]`. Committed marks the `committed.` qualifier (read the
// transaction's start snapshot).
type TableRef struct {
	Loc
	Committed bool
	Schema    string
	Name      string
	Alias     string
}

// SubqueryTable is `[LATERAL] (select) [AS] alias [(cols)]` in FROM.
// A data-modifying subquery `(insert ... returning ...)` sets DML (an
// *Insert, *Update or *Delete) instead of Select.
type SubqueryTable struct {
	Loc
	Lateral bool
	Select  *Select
	Alias   string
	Columns []string
	DML     Stmt
}

// FuncTable is a table-valued function call in FROM:
// `[schema.]name(args) [AS] alias [(cols)]`.
type FuncTable struct {
	Loc
	Schema  string
	Name    string
	Args    []Expr
	Alias   string
	Columns []string
}

// ParenTable is a parenthesized join `( a JOIN b ... )` in FROM.
type ParenTable struct {
	Loc
	Inner TableExpr
}

// JoinKind is the kind of a join.
type JoinKind uint8

// Join kinds. JoinComma is `a, b`.
const (
	JoinInner JoinKind = iota // [INNER] JOIN
	JoinLeft                  // LEFT [OUTER] JOIN
	JoinRight                 // RIGHT [OUTER] JOIN
	JoinFull                  // FULL [OUTER] JOIN
	JoinCross                 // CROSS JOIN
	JoinComma                 // ,
)

// Join is `Left [NATURAL] kind JOIN Right [ON On | USING (Using)]`.
// Explicit notes which spelling was used for inner joins (`JOIN` versus
// `INNER JOIN`) and Outer whether OUTER was written, for faithful printing.
type Join struct {
	Loc
	Kind    JoinKind
	Natural bool
	Outer   bool
	Inner   bool // INNER keyword written
	Lateral bool // right side written with LATERAL
	Left    TableExpr
	Right   TableExpr
	On      Expr
	Using   []string
	// Existence lists Quereus `EXISTS LEFT|RIGHT AS name` flag columns
	// written after the join condition.
	Existence []*ExistenceFlag
}

// ExistenceFlag is a Quereus join existence column: `EXISTS side AS name`
// yields a boolean column telling whether that side of the join matched.
type ExistenceFlag struct {
	Loc
	Side string // "left" or "right" (lower case)
	Name string
}

// FrameUnit is ROWS, RANGE or GROUPS.
type FrameUnit uint8

// Frame units.
const (
	FrameRows FrameUnit = iota
	FrameRange
	FrameGroups
)

// BoundKind is the kind of a frame bound.
type BoundKind uint8

// Frame bound kinds.
const (
	BoundUnboundedPreceding BoundKind = iota
	BoundPreceding                    // Offset PRECEDING
	BoundCurrentRow
	BoundFollowing // Offset FOLLOWING
	BoundUnboundedFollowing
)

// FrameBound is one end of a window frame.
type FrameBound struct {
	Kind   BoundKind
	Offset Expr // for BoundPreceding / BoundFollowing
}

// FrameExclude is a frame's EXCLUDE clause.
type FrameExclude uint8

// Frame exclusions.
const (
	ExcludeDefault FrameExclude = iota
	ExcludeNoOthers
	ExcludeCurrentRow
	ExcludeGroup
	ExcludeTies
)

// Frame is `unit start` or `unit BETWEEN start AND end`, with optional
// EXCLUDE. HasEnd says whether the BETWEEN form was used.
type Frame struct {
	Loc
	Unit    FrameUnit
	Start   FrameBound
	HasEnd  bool
	End     FrameBound
	Exclude FrameExclude
}

// WindowSpec is `([base] [PARTITION BY ...] [ORDER BY ...] [frame])`.
type WindowSpec struct {
	Loc
	Base        string // name of a window this one extends
	PartitionBy []Expr
	OrderBy     []*OrderTerm
	Frame       *Frame
}

// WindowDef is `name AS (spec)` in a WINDOW clause.
type WindowDef struct {
	Loc
	Name string
	Spec *WindowSpec
}

func (*SelectCore) selectBody() {}
func (*Values) selectBody()     {}
func (*Compound) selectBody()   {}
func (*Select) selectBody()     {}

func (*TableRef) tableExpr()      {}
func (*SubqueryTable) tableExpr() {}
func (*FuncTable) tableExpr()     {}
func (*ParenTable) tableExpr()    {}
func (*Join) tableExpr()          {}
