package parser

// ConflictAction is an `OR action` / `ON CONFLICT action` choice.
type ConflictAction uint8

// Conflict actions. ConflictDefault means none was written.
const (
	ConflictDefault ConflictAction = iota
	ConflictRollback
	ConflictAbort
	ConflictFail
	ConflictIgnore
	ConflictReplace
)

// SetClause is `col = expr` or `(c1, c2) = expr` in UPDATE / DO UPDATE, or
// `col = expr` in a lens WITH INVERSE list. Parenthesized is true for the
// `(c1, ...) =` form even with a single column.
type SetClause struct {
	Loc
	Columns       []string
	Parenthesized bool
	Value         Expr
}

// ContextAssign is one `name = expr` of a DML statement's WITH CONTEXT
// clause (values for the table's declared context variables).
type ContextAssign struct {
	Loc
	Name  string
	Value Expr
}

// Upsert is one `ON CONFLICT [(target) [WHERE w]] DO NOTHING | DO UPDATE
// SET ... [WHERE ...]` clause of an INSERT.
type Upsert struct {
	Loc
	Target      []*IndexedColumn // nil when no target was given
	TargetWhere Expr
	DoNothing   bool
	Set         []*SetClause
	Where       Expr
}

// Insert is `[WITH] INSERT [OR action] | REPLACE INTO t [AS alias] [(cols)]
// [WITH CONTEXT ...] VALUES ... | select | DEFAULT VALUES [upserts]
// [RETURNING ...]`. Source is nil exactly when DefaultValues is set; a
// VALUES source is a Select whose Body is *Values.
type Insert struct {
	Loc
	With          *With
	Replace       bool // REPLACE INTO (same as OR REPLACE)
	OrConflict    ConflictAction
	Table         ObjectName
	Alias         string
	Columns       []string
	Context       []*ContextAssign
	Source        *Select
	DefaultValues bool
	Upserts       []*Upsert
	Returning     []*ResultColumn
	// SourceDML is a data-modifying source (`INSERT INTO t INSERT INTO u
	// ... RETURNING ...`); Source is nil then.
	SourceDML  Stmt
	WithSchema []string // Quereus WITH SCHEMA search path
	Tags       []*Tag   // Quereus WITH TAGS on the statement
}

// Update is `[WITH] UPDATE [OR action] t [AS alias] [WITH CONTEXT ...]
// SET ... [FROM ...] [WHERE ...] [RETURNING ...]`.
type Update struct {
	Loc
	With       *With
	OrConflict ConflictAction
	Table      ObjectName
	Alias      string
	Context    []*ContextAssign
	Set        []*SetClause
	From       TableExpr
	Where      Expr
	Returning  []*ResultColumn
	// Target is set when the target is a subquery `(select ...) AS v
	// [(cols)]` (a view-like update); Table and Alias are empty then.
	Target     *SubqueryTable
	WithSchema []string // Quereus WITH SCHEMA search path
	Tags       []*Tag   // Quereus WITH TAGS on the statement
}

// Delete is `[WITH] DELETE FROM t [AS alias] [WITH CONTEXT ...] [WHERE ...]
// [RETURNING ...]`.
type Delete struct {
	Loc
	With      *With
	Table     ObjectName
	Alias     string
	Context   []*ContextAssign
	Where     Expr
	Returning []*ResultColumn
	// Target is set when the target is a subquery `(select ...) AS v
	// [(cols)]`; Table and Alias are empty then.
	Target     *SubqueryTable
	WithSchema []string // Quereus WITH SCHEMA search path
	Tags       []*Tag   // Quereus WITH TAGS on the statement
}

func (*Select) stmtNode() {}
func (*Insert) stmtNode() {}
func (*Update) stmtNode() {}
func (*Delete) stmtNode() {}
