package parser

import "strings"

// parser is a recursive-descent parser over a lexer with up to two tokens of
// lookahead. Errors abort parsing by panicking with a bailout value, which
// the entry points recover into a *SyntaxError.
type parser struct {
	src     string
	lx      lexer
	tok     token    // current token
	la      [2]token // lookahead buffer
	nla     int      // number of buffered lookahead tokens
	depth   int      // current nesting depth, bounded by MaxDepth
	params  int      // anonymous `?` parameters seen so far
	prevEnd int      // end offset of the last consumed token
	// lastNotNull is the last node built from the postfix `x NOT NULL`
	// form, and lastNotNullPos the offset of its NOT: a column DEFAULT
	// expression ending that way gives NOT NULL back to the constraints.
	lastNotNull    *IsNull
	lastNotNullPos int
	lastNotNullEnd int
}

// bailout carries a syntax error up the stack to the entry point.
type bailout struct{ err *SyntaxError }

func newParser(src string) *parser {
	p := &parser{src: src, lx: lexer{src: src}}
	p.next()
	return p
}

// scanTok scans one token from the lexer, failing on a lexical error.
func (p *parser) scanTok() token {
	t, err := p.lx.scan()
	if err != nil {
		p.failSpan(err.off, err.end, err.msg)
	}
	return t
}

// next advances to the next token.
func (p *parser) next() {
	p.prevEnd = p.tok.end
	if p.nla > 0 {
		p.tok = p.la[0]
		p.la[0] = p.la[1]
		p.nla--
		return
	}
	p.tok = p.scanTok()
}

// peek returns the token n (1 or 2) positions after the current one.
func (p *parser) peek(n int) *token {
	for p.nla < n {
		p.la[p.nla] = p.scanTok()
		p.nla++
	}
	return &p.la[n-1]
}

// failSpan aborts with a syntax error covering src[off:end].
func (p *parser) failSpan(off, end int, msg string) {
	off = min(max(off, 0), len(p.src))
	line, col := LineCol(p.src, Pos(off))
	if end > len(p.src) {
		end = len(p.src)
	}
	if end < off {
		end = off
	}
	text := p.src[off:end]
	if len(text) > 40 {
		text = text[:40]
	}
	panic(bailout{&SyntaxError{Line: line, Column: col, Offset: off, Token: text, Message: msg}})
}

// fail aborts with a syntax error at the current token.
func (p *parser) fail(msg string) {
	p.failSpan(p.tok.pos, p.tok.end, msg)
}

// failExpected aborts with "Expected <what>".
func (p *parser) failExpected(what string) {
	p.fail("Expected " + what)
}

// enter increments the nesting depth, failing beyond MaxDepth.
func (p *parser) enter() {
	p.depth++
	if p.depth > MaxDepth {
		p.fail("Statement too deeply nested (limit " + itoa(MaxDepth) + " levels)")
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) at(k tokKind) bool   { return p.tok.kind == k }
func (p *parser) atKw(k Keyword) bool { return p.tok.kind == tIdent && p.tok.kw == k }

// accept consumes the current token when it is of kind k.
func (p *parser) accept(k tokKind) bool {
	if p.tok.kind == k {
		p.next()
		return true
	}
	return false
}

// acceptKw consumes the current token when it is keyword k.
func (p *parser) acceptKw(k Keyword) bool {
	if p.atKw(k) {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of kind k or fails with "Expected <what>".
func (p *parser) expect(k tokKind, what string) token {
	t := p.tok
	if t.kind != k {
		p.failExpected(what)
	}
	p.next()
	return t
}

// expectKw consumes keyword k or fails with "Expected <what>".
func (p *parser) expectKw(k Keyword, what string) {
	if !p.acceptKw(k) {
		p.failExpected(what)
	}
}

// closeParen consumes the ')' matching the '(' at open. At end of input the
// error says the parenthesis is unterminated.
func (p *parser) closeParen(open int, what string) {
	if p.tok.kind == tRParen {
		p.next()
		return
	}
	if p.tok.kind == tEOF || p.tok.kind == tSemi {
		line, col := LineCol(p.src, Pos(open))
		p.fail("Unterminated '(' opened at line " + itoa(line) + ", column " + itoa(col) + ": expected ')'" + what)
	}
	p.failExpected("')'" + what)
}

// isIdentTok reports whether t can be used as an identifier: a quoted
// identifier or a bare word that is not a reserved keyword.
func isIdentTok(t *token) bool {
	return t.kind == tQuotedIdent || t.kind == tIdent && !reservedKeyword[t.kw]
}

// atIdent reports whether the current token can be an identifier.
func (p *parser) atIdent() bool { return isIdentTok(&p.tok) }

// ident consumes an identifier or fails with "Expected <what>".
// Empty quoted identifiers are rejected: an empty name always means
// "absent" in the AST.
func (p *parser) ident(what string) string {
	if !p.atIdent() {
		p.failExpected(what)
	}
	name := p.tok.text
	if name == "" {
		p.fail("Empty identifier")
	}
	p.next()
	return name
}

// identOrString consumes an identifier or a string literal (several
// Quereus option and tag names may be written either way).
func (p *parser) identOrString(what string) string {
	if p.at(tString) {
		s := p.tok.text
		if s == "" {
			p.fail("Empty identifier")
		}
		p.next()
		return s
	}
	return p.ident(what)
}

// objectName parses `[schema.]name`.
func (p *parser) objectName(what string) ObjectName {
	n := ObjectName{Loc: Loc{Pos(p.tok.pos)}}
	n.Name = p.ident(what)
	if p.at(tDot) {
		p.next()
		n.Schema = n.Name
		n.Name = p.ident(what)
	}
	return n
}

// identList parses `( name, ... )`; the '(' is the current token.
func (p *parser) identList(what string) []string {
	open := p.expect(tLParen, "'('").pos
	var names []string
	for {
		names = append(names, p.ident(what))
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, "")
	return names
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// atWordAt reports whether the token n positions ahead is the bare word w.
func (p *parser) atWordAt(n int, w string) bool {
	t := p.peek(n)
	return t.kind == tIdent && strings.EqualFold(t.text, w)
}

// upperWord returns the upper-case text of the current bare word.
func (p *parser) upperWord() string { return strings.ToUpper(p.tok.text) }

// restoreDepth resets the nesting depth on leaving a function that counted
// a chain of left-associative operators, joins or set operations as depth:
// the tree they build is as deep as the chain is long.
func (p *parser) restoreDepth(d int) { p.depth = d }
