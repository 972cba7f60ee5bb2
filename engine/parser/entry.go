package parser

// Parse parses exactly one statement. A trailing `;` is allowed; more than
// one statement is an error.
func Parse(sql string) (Stmt, error) {
	return nil, &SyntaxError{Line: 1, Column: 1, Message: "parser not implemented yet"}
}

// ParseScript parses a `;`-separated script. Empty statements and
// comment-only input yield no entries.
func ParseScript(sql string) ([]ScriptStmt, error) {
	return nil, &SyntaxError{Line: 1, Column: 1, Message: "parser not implemented yet"}
}

// ParseExpr parses a single scalar expression.
func ParseExpr(sql string) (Expr, error) {
	return nil, &SyntaxError{Line: 1, Column: 1, Message: "parser not implemented yet"}
}

// ExprString renders e per the Quereus column-naming rules.
func ExprString(e Expr) string { return "" }

// StmtString renders s as SQL that re-parses to an equal AST.
func StmtString(s Stmt) string { return "" }
