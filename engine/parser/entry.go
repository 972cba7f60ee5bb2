package parser

import "fmt"

// Parse parses exactly one statement. Trailing semicolons are allowed; a
// second statement is an error (use ParseScript for scripts).
func Parse(sql string) (stmt Stmt, err error) {
	defer func() {
		if err != nil {
			stmt = nil
		}
	}()
	defer recoverSyntax(&err)
	p := newParser(sql)
	for p.accept(tSemi) {
	}
	if p.at(tEOF) {
		p.fail("Empty statement")
	}
	stmt = p.parseStatement()
	p.endStatement()
	for p.accept(tSemi) {
	}
	if !p.at(tEOF) {
		p.fail("Expected a single statement; found more after ';'")
	}
	return stmt, nil
}

// ParseScript parses a script of statements separated by semicolons. Empty
// statements (`;;`) and comments yield no entries. Each entry records the
// statement's source byte range, excluding the terminating semicolon.
func ParseScript(sql string) (stmts []ScriptStmt, err error) {
	defer func() {
		if err != nil {
			stmts = nil
		}
	}()
	defer recoverSyntax(&err)
	p := newParser(sql)
	for {
		for p.accept(tSemi) {
		}
		if p.at(tEOF) {
			return stmts, nil
		}
		start := p.tok.pos
		st := p.parseStatement()
		end := p.prevEnd
		p.endStatement()
		stmts = append(stmts, ScriptStmt{Stmt: st, Start: Pos(start), End: Pos(end), Text: sql[start:end]})
	}
}

// ParseExpr parses a single scalar expression (the whole input).
func ParseExpr(sql string) (expr Expr, err error) {
	defer func() {
		if err != nil {
			expr = nil
		}
	}()
	defer recoverSyntax(&err)
	p := newParser(sql)
	expr = p.parseExpr()
	if !p.at(tEOF) {
		p.fail("Unexpected token after expression")
	}
	return expr, nil
}

// endStatement checks that a statement is followed by ';' or end of input.
// A statement ending in '}' (a declaration body) needs no ';'.
func (p *parser) endStatement() {
	if !p.at(tSemi) && !p.at(tEOF) && !(p.prevEnd > 0 && p.src[p.prevEnd-1] == '}') {
		p.fail("Unexpected token: expected ';' or end of statement")
	}
}

// recoverSyntax turns a bailout into the returned error. Any other panic
// is a parser bug; it is reported as a SyntaxError rather than crashing
// the caller.
func recoverSyntax(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if b, ok := r.(bailout); ok {
		*err = b.err
		return
	}
	*err = &SyntaxError{Line: 1, Column: 1, Message: fmt.Sprintf("internal parser error: %v", r)}
}
