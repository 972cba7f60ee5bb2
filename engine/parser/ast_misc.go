package parser

// TxMode is the locking mode of BEGIN.
type TxMode uint8

// Transaction modes.
const (
	TxDefault TxMode = iota
	TxDeferred
	TxImmediate
	TxExclusive
)

// Begin is `BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION]`.
type Begin struct {
	Loc
	Mode TxMode
}

// Commit is `COMMIT [TRANSACTION]` or `END [TRANSACTION]`.
type Commit struct {
	Loc
}

// Rollback is `ROLLBACK [TRANSACTION] [TO [SAVEPOINT] name]`. Savepoint is
// "" for a full rollback.
type Rollback struct {
	Loc
	Savepoint string
}

// Savepoint is `SAVEPOINT name`.
type Savepoint struct {
	Loc
	Name string
}

// Release is `RELEASE [SAVEPOINT] name`.
type Release struct {
	Loc
	Name string
}

// Pragma is `PRAGMA [schema.]name [= value | (value)]`. Value is nil for a
// query. A bare-word value (`pragma x = on`) is a *ColumnRef with only
// Column set; the engine interprets it.
type Pragma struct {
	Loc
	Name  ObjectName
	Value Expr
	Call  bool // the `(value)` form
}

// Analyze is `ANALYZE [[schema.]name]`. Name.Name is "" for all tables
// and "*" for `ANALYZE schema.*` (every table of one schema).
type Analyze struct {
	Loc
	Name ObjectName
}

// Explain is `EXPLAIN [QUERY PLAN] stmt`.
type Explain struct {
	Loc
	QueryPlan bool
	Stmt      Stmt
}

func (*Begin) stmtNode()     {}
func (*Commit) stmtNode()    {}
func (*Rollback) stmtNode()  {}
func (*Savepoint) stmtNode() {}
func (*Release) stmtNode()   {}
func (*Pragma) stmtNode()    {}
func (*Analyze) stmtNode()   {}
func (*Explain) stmtNode()   {}
