package parser

// MaxDepth bounds the nesting of expressions and queries (parentheses,
// subqueries, prefix operators, CASE arms, ...). Deeper input is rejected
// with a SyntaxError instead of exhausting the goroutine stack.
const MaxDepth = 1000

// ScriptStmt is one statement of a script with its source byte range
// [Start, End) (the terminating `;` excluded). Text is sql[Start:End].
type ScriptStmt struct {
	Stmt  Stmt
	Start Pos
	End   Pos
	Text  string
}
