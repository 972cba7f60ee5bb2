package parser

import (
	"encoding/hex"
	"math"
	"math/big"
	"strconv"
)

// parsePrimary parses literals, parameters, parenthesized expressions and
// row values, subqueries, CAST, CASE, EXISTS, column references and
// function calls.
func (p *parser) parsePrimary() Expr {
	t := p.tok
	loc := Loc{Pos(t.pos)}
	switch t.kind {
	case tInteger:
		p.next()
		return integerLiteral(loc, t.text)
	case tFloat:
		p.next()
		v, _ := strconv.ParseFloat(t.text, 64) // range errors yield ±Inf, as SQLite
		return &Literal{Loc: loc, Kind: LitReal, Raw: t.text, Real: v}
	case tString:
		p.next()
		return &Literal{Loc: loc, Kind: LitString, Str: t.text}
	case tBlob:
		p.next()
		b, _ := hex.DecodeString(t.text) // validated by the lexer
		if b == nil {
			b = []byte{}
		}
		return &Literal{Loc: loc, Kind: LitBlob, Blob: b}
	case tParam:
		p.next()
		return p.param(loc, t.text)
	case tLParen:
		return p.parseParenExpr()
	case tQuotedIdent:
		return p.parseNameExpr()
	case tIdent:
		switch t.kw {
		case kwNULL:
			p.next()
			return &Literal{Loc: loc, Kind: LitNull}
		case kwTRUE, kwFALSE:
			p.next()
			return &Literal{Loc: loc, Kind: LitBool, Bool: t.kw == kwTRUE}
		case kwCAST:
			return p.parseCast()
		case kwCASE:
			return p.parseCase()
		case kwEXISTS:
			p.next()
			open := p.expect(tLParen, "'(' after EXISTS").pos
			sel := p.parseSubSelect()
			p.closeParen(open, " after EXISTS subquery")
			return &Exists{Loc: loc, Select: sel}
		}
		if reservedKeyword[t.kw] {
			break
		}
		return p.parseNameExpr()
	}
	p.failExpected("expression")
	return nil
}

// integerLiteral builds an integer literal, keeping values beyond int64
// exact in a big.Int. Hexadecimal literals of up to 16 digits are 64-bit
// two's complement, as in SQLite.
func integerLiteral(loc Loc, text string) *Literal {
	lit := &Literal{Loc: loc, Kind: LitInteger, Raw: text}
	if len(text) > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') {
		if u, err := strconv.ParseUint(text[2:], 16, 64); err == nil {
			lit.Int = int64(u)
			return lit
		}
		b, _ := new(big.Int).SetString(text[2:], 16)
		lit.Big = b
		return lit
	}
	if v, err := strconv.ParseInt(text, 10, 64); err == nil {
		lit.Int = v
		return lit
	}
	b, _ := new(big.Int).SetString(text, 10)
	lit.Big = b
	if b.IsInt64() {
		lit.Int, lit.Big = b.Int64(), nil
	}
	return lit
}

// param builds a parameter node from its lexeme.
func (p *parser) param(loc Loc, text string) *Param {
	if text == "?" {
		p.params++
		return &Param{Loc: loc, Ordinal: p.params}
	}
	if text[0] == '?' {
		n, err := strconv.Atoi(text[1:])
		if err != nil || n < 1 || n > math.MaxInt32 {
			p.failSpan(int(loc.Off), int(loc.Off)+len(text), "Parameter index out of range")
		}
		return &Param{Loc: loc, Index: n}
	}
	return &Param{Loc: loc, Name: text}
}

// parseParenExpr parses `(expr)`, a row value `(a, b, ...)` or a scalar
// subquery `(select ...)`.
func (p *parser) parseParenExpr() Expr {
	open := p.tok.pos
	p.next()
	if p.atDMLStart() {
		p.enter()
		var returning []*ResultColumn
		switch st := p.parseDML(nil).(type) {
		case *Insert:
			returning = st.Returning
		case *Update:
			returning = st.Returning
		case *Delete:
			returning = st.Returning
		}
		if returning == nil {
			p.failSpan(open, p.prevEnd, "A data-modifying subquery must have a RETURNING clause")
		}
		p.failSpan(open, p.prevEnd, "A data-modifying statement is not supported as an expression subquery")
	}
	if p.atQueryStart() {
		sel := p.parseSubSelect()
		p.closeParen(open, " after subquery")
		return &Subquery{Loc: Loc{Pos(open)}, Select: sel}
	}
	p.enter()
	x := p.parseExpr()
	if p.at(tComma) {
		items := []Expr{x}
		for p.accept(tComma) {
			items = append(items, p.parseExpr())
		}
		x = &Tuple{Loc: Loc{Pos(open)}, Items: items}
	}
	p.leave()
	p.closeParen(open, " after expression")
	return x
}

// parseSubSelect parses a nested query with depth accounting.
func (p *parser) parseSubSelect() *Select {
	p.enter()
	sel := p.parseSelect()
	p.leave()
	return sel
}

// parseCast parses `CAST(expr AS type)`.
func (p *parser) parseCast() Expr {
	loc := Loc{Pos(p.tok.pos)}
	p.next()
	open := p.expect(tLParen, "'(' after CAST").pos
	x := p.parseExpr()
	p.expectKw(kwAS, "'AS' in CAST expression")
	tn := p.parseTypeName(false)
	if tn == nil {
		p.failExpected("type name after 'AS' in CAST expression")
	}
	p.closeParen(open, " after CAST expression type")
	return &Cast{Loc: loc, X: x, Type: tn}
}

// parseCase parses `CASE [base] WHEN ... THEN ... [ELSE ...] END`.
func (p *parser) parseCase() Expr {
	c := &Case{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	p.enter()
	if !p.atKw(kwWHEN) {
		c.Base = p.parseExpr()
	}
	for p.atKw(kwWHEN) {
		w := &When{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		w.Cond = p.parseExpr()
		p.expectKw(kwTHEN, "'THEN' after WHEN condition")
		w.Result = p.parseExpr()
		c.Whens = append(c.Whens, w)
	}
	if len(c.Whens) == 0 {
		p.failExpected("'WHEN' in CASE expression")
	}
	if p.acceptKw(kwELSE) {
		c.Else = p.parseExpr()
	}
	p.expectKw(kwEND, "'END' after CASE expression")
	p.leave()
	return c
}

// parseNameExpr parses a column reference `[[schema.]table.]column` or a
// function call `[schema.]name(...)`.
func (p *parser) parseNameExpr() Expr {
	loc := Loc{Pos(p.tok.pos)}
	var parts [3]string
	n := 0
	for {
		if n == 0 && p.tok.kind == tIdent && p.peek(1).kind == tLParen {
			// Any non-reserved keyword may name a function: like(), replace().
			parts[0] = p.tok.text
			p.next()
			return p.parseFuncCall(loc, "", parts[0])
		}
		parts[n] = p.ident("column name")
		n++
		if p.at(tLParen) && n == 2 {
			return p.parseFuncCall(loc, parts[0], parts[1])
		}
		if p.at(tLParen) && n == 1 {
			return p.parseFuncCall(loc, "", parts[0])
		}
		if n == 3 || !p.at(tDot) {
			break
		}
		p.next()
	}
	switch n {
	case 1:
		return &ColumnRef{Loc: loc, Column: parts[0]}
	case 2:
		return &ColumnRef{Loc: loc, Table: parts[0], Column: parts[1]}
	}
	return &ColumnRef{Loc: loc, Schema: parts[0], Table: parts[1], Column: parts[2]}
}

// parseFuncCall parses the parenthesized arguments and the FILTER / OVER
// suffixes of a function call whose name has been consumed.
func (p *parser) parseFuncCall(loc Loc, schema, name string) Expr {
	f := &FuncCall{Loc: loc, Schema: schema, Name: name}
	open := p.expect(tLParen, "'(' after function name").pos
	p.enter()
	switch {
	case p.at(tStar):
		p.next()
		f.Star = true
	case p.at(tRParen):
	default:
		if p.acceptKw(kwDISTINCT) {
			f.Distinct = true
		} else {
			p.acceptKw(kwALL)
		}
		f.Args = p.parseExprList()
		if p.atKw(kwORDER) {
			p.next()
			p.expectKw(kwBY, "'BY' after ORDER")
			f.OrderBy = p.parseOrderTerms()
		}
	}
	p.leave()
	p.closeParen(open, " after function arguments")
	if p.atKw(kwFILTER) && p.peek(1).kind == tLParen {
		p.next()
		fopen := p.tok.pos
		p.next()
		p.expectKw(kwWHERE, "'WHERE' in FILTER clause")
		f.Filter = p.parseExpr()
		p.closeParen(fopen, " after FILTER clause")
	}
	if p.atKw(kwOVER) {
		p.next()
		if p.at(tLParen) {
			f.Over = p.parseWindowSpec()
		} else {
			f.OverName = p.ident("window name or '(' after OVER")
		}
	}
	return f
}

// parseTypeName parses a type name: one or more bare words, or a single
// quoted identifier, and optional `(arg [, arg])`. In a column definition (column set) words stop at the
// keywords that begin a constraint. Returns nil when no word is present.
func (p *parser) parseTypeName(column bool) *TypeName {
	if !p.atTypeWord(column) {
		return nil
	}
	tn := &TypeName{Loc: Loc{Pos(p.tok.pos)}, Name: p.tok.text}
	quoted := p.tok.kind == tQuotedIdent
	p.next()
	for !quoted && p.atTypeWord(column) && p.tok.kind == tIdent {
		tn.Name += " " + p.tok.text
		p.next()
	}
	if p.at(tLParen) {
		open := p.tok.pos
		p.next()
		for {
			tn.Args = append(tn.Args, p.parseTypeArg())
			if !p.accept(tComma) {
				break
			}
		}
		p.closeParen(open, " after type arguments")
	}
	return tn
}

// parseTypeArg parses a type argument: a signed number or an identifier.
func (p *parser) parseTypeArg() Expr {
	if p.at(tMinus) || p.at(tPlus) {
		return p.parseUnary()
	}
	return p.parsePrimary()
}

// atTypeWord reports whether the current token continues a type name.
func (p *parser) atTypeWord(column bool) bool {
	t := &p.tok
	if t.kind == tQuotedIdent {
		return true
	}
	if t.kind != tIdent || reservedKeyword[t.kw] {
		return false
	}
	if column {
		switch t.kw {
		case kwGENERATED, kwAUTOINCREMENT:
			return false
		}
	}
	return true
}
