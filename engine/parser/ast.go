package parser

// Pos is a byte offset into the source text a node was parsed from.
// NoPos marks a node that did not come from source text (for example one
// built by a desugaring or by the engine). Use LineCol to turn a Pos into a
// 1-based line and column.
type Pos int

// NoPos is the position of synthesized nodes.
const NoPos Pos = -1

// Loc records where a node starts in the source. Every AST node embeds it.
type Loc struct {
	Off Pos
}

// Pos returns the byte offset of the first token of the node.
func (l Loc) Pos() Pos { return l.Off }

// Node is implemented by every AST node.
type Node interface {
	Pos() Pos
}

// Expr is a scalar expression.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a complete SQL statement.
type Stmt interface {
	Node
	stmtNode()
}

// TableExpr is an item of a FROM clause: a table, a subquery, a table-valued
// function call or a join of two table expressions.
type TableExpr interface {
	Node
	tableExpr()
}

// SelectBody is the body of a query: a SELECT core, a VALUES list, a
// compound (UNION, ...) of two bodies, or a parenthesized full query.
type SelectBody interface {
	Node
	selectBody()
}

// AlterAction is one action of an ALTER TABLE / ALTER VIEW statement.
type AlterAction interface {
	Node
	alterAction()
}

// ObjectName is a possibly schema-qualified object name. Names keep the
// spelling they were written with (quotes removed); name resolution is
// case-insensitive and is the engine's business.
type ObjectName struct {
	Loc
	Schema string // "" when unqualified
	Name   string
}

// LineCol converts a byte offset into 1-based line and column numbers
// (columns count runes). Offsets outside src are clamped.
func LineCol(src string, p Pos) (line, col int) {
	off := int(p)
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	line, col = 1, 1
	for _, r := range src[:off] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
