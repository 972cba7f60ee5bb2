package parser

// Option is a `name = value` pair of a Quereus statement option list
// (`declare schema s using (k = v)`, `apply schema s options (k = v)`).
type Option struct {
	Loc
	Name  string
	Value Expr
}

// Seed is a `seed table ( (row), (row), ... )` item of a declared schema.
type Seed struct {
	Loc
	Table string
	Rows  [][]Expr
}

// DeclareSchema is the Quereus declarative schema statement
// `DECLARE [LOGICAL] SCHEMA name [USING (opts)] { items }`.
// Items are *CreateTable (from `table t (...)` or `table t {...}`),
// *CreateIndex, *CreateView (materialized or not), *CreateAssertion and
// *Seed; each item carries what its CREATE counterpart would.
type DeclareSchema struct {
	Loc
	Logical bool
	Name    string
	Using   []*Option
	Items   []Node
}

// DeclareLens is `DECLARE LENS FOR logical OVER basis { view ... }`.
// Items are *CreateView nodes (result columns may carry WITH INVERSE).
type DeclareLens struct {
	Loc
	Logical string
	Basis   string
	Items   []Node
}

// DiffSchema is `DIFF SCHEMA name`.
type DiffSchema struct {
	Loc
	Name string
}

// ApplySchema is `APPLY SCHEMA name [WITH SEED] [OPTIONS (opts)]`.
type ApplySchema struct {
	Loc
	Name     string
	WithSeed bool
	Options  []*Option
}

func (*DeclareSchema) stmtNode() {}
func (*DeclareLens) stmtNode()   {}
func (*DiffSchema) stmtNode()    {}
func (*ApplySchema) stmtNode()   {}

// Seed is also a Node usable in DeclareSchema.Items.
var _ Node = (*Seed)(nil)
