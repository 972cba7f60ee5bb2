package parser

// Expression grammar, loosest binding first. It follows Quereus (whose
// results the corpus pins) rather than SQLite where the two differ:
//
//	or     := and { (OR | XOR) and }
//	and    := not { AND not }
//	not    := NOT not | is
//	is     := eq { IS [NOT] (NULL | TRUE | FALSE | DISTINCT FROM eq | eq)
//	             | ISNULL | NOTNULL | NOT NULL }
//	eq     := cmp { (= | == | != | <>) cmp }
//	cmp    := bit { (< | <= | > | >=) bit | [NOT] IN (...)
//	             | [NOT] LIKE|GLOB|REGEXP|MATCH bit [ESCAPE bit]
//	             | [NOT] BETWEEN add AND add }
//	bit    := add { (& | | | << | >>) add }
//	add    := mul { (+ | -) mul }
//	mul    := unary { (* | / | %) unary }
//	unary  := (- | + | ~) unary | concat
//	concat := collate { || collate }
//	collate:= json [COLLATE name]
//	json   := primary { (-> | ->>) path }
//
// `x NOT IN (...)` and `x NOT LIKE y` parse as NOT applied to the IN / LIKE
// node (as Quereus does); `x NOT BETWEEN` sets Between.Not.

// parseExpr parses a full expression.
func (p *parser) parseExpr() Expr {
	p.enter()
	e := p.parseOr()
	p.leave()
	return e
}

func (p *parser) parseOr() Expr {
	defer p.restoreDepth(p.depth)
	l := p.parseAnd()
	for {
		p.enter() // a chain of operators deepens the tree
		var op BinaryOp
		switch {
		case p.atKw(kwOR):
			op = OpOr
		case p.atKw(kwXOR):
			op = OpXor
		default:
			return l
		}
		pos := p.tok.pos
		p.next()
		l = &Binary{Loc: Loc{exprPos(l, pos)}, Op: op, L: l, R: p.parseAnd()}
	}
}

func (p *parser) parseAnd() Expr {
	defer p.restoreDepth(p.depth)
	l := p.parseNot()
	for p.atKw(kwAND) {
		p.enter() // a chain of operators deepens the tree
		pos := p.tok.pos
		p.next()
		l = &Binary{Loc: Loc{exprPos(l, pos)}, Op: OpAnd, L: l, R: p.parseNot()}
	}
	return l
}

func (p *parser) parseNot() Expr {
	if !p.atKw(kwNOT) {
		return p.parseIs()
	}
	pos := p.tok.pos
	p.next()
	p.enter()
	x := p.parseNot()
	p.leave()
	return &Unary{Loc: Loc{Pos(pos)}, Op: OpNot, X: x}
}

// parseIs parses the null tests and IS comparisons.
func (p *parser) parseIs() Expr {
	defer p.restoreDepth(p.depth)
	l := p.parseEq()
	for {
		p.enter() // a chain of operators deepens the tree
		loc := Loc{l.Pos()}
		switch {
		case p.atKw(kwISNULL):
			p.next()
			l = &IsNull{Loc: loc, X: l}
		case p.atKw(kwNOTNULL):
			p.next()
			l = &IsNull{Loc: loc, X: l, Not: true}
		case p.atKw(kwNOT) && p.peek(1).is(kwNULL):
			notPos := p.tok.pos
			p.next()
			p.next()
			n := &IsNull{Loc: loc, X: l, Not: true}
			p.lastNotNull, p.lastNotNullPos, p.lastNotNullEnd = n, notPos, p.prevEnd
			l = n
		case p.atKw(kwIS):
			p.next()
			not := p.acceptKw(kwNOT)
			switch {
			case p.acceptKw(kwNULL):
				l = &IsNull{Loc: loc, X: l, Not: not}
			case p.atKw(kwTRUE) || p.atKw(kwFALSE):
				v := p.atKw(kwTRUE)
				p.next()
				l = &IsBool{Loc: loc, X: l, Not: not, Value: v}
			case p.acceptKw(kwDISTINCT):
				p.expectKw(kwFROM, "FROM after IS [NOT] DISTINCT")
				op := OpIsDistinct
				if not {
					op = OpIsNotDistinct
				}
				l = &Binary{Loc: loc, Op: op, L: l, R: p.parseEq()}
			default:
				op := OpIs
				if not {
					op = OpIsNot
				}
				l = &Binary{Loc: loc, Op: op, L: l, R: p.parseEq()}
			}
		default:
			return l
		}
	}
}

// parseBinaryLevel parses one precedence level of left-associative binary
// operators, operand {op operand}, where opOf gives the operator a token
// kind stands for at this level.
func (p *parser) parseBinaryLevel(operand func() Expr, opOf func(tokKind) (BinaryOp, bool)) Expr {
	defer p.restoreDepth(p.depth)
	l := operand()
	for {
		p.enter() // a chain of operators deepens the tree
		op, ok := opOf(p.tok.kind)
		if !ok {
			return l
		}
		p.next()
		l = &Binary{Loc: Loc{l.Pos()}, Op: op, L: l, R: operand()}
	}
}

func (p *parser) parseEq() Expr { return p.parseBinaryLevel(p.parseCmp, eqOp) }

// eqOp gives the operator of the = == != <> tokens.
func eqOp(k tokKind) (BinaryOp, bool) {
	switch k {
	case tEq:
		return OpEq, true
	case tEqEq:
		return OpEqEq, true
	case tNe, tLtGt:
		return OpNe, true
	}
	return 0, false
}

// likeOpAt returns the pattern operator at the current token, if any.
func likeOpAt(t *token) (LikeOp, bool) {
	if t.kind != tIdent {
		return 0, false
	}
	switch t.kw {
	case kwLIKE:
		return OpLike, true
	case kwGLOB:
		return OpGlob, true
	case kwREGEXP:
		return OpRegexp, true
	case kwMATCH:
		return OpMatch, true
	}
	return 0, false
}

func (p *parser) parseCmp() Expr {
	defer p.restoreDepth(p.depth)
	l := p.parseBit()
	for {
		p.enter() // a chain of operators deepens the tree
		loc := Loc{l.Pos()}
		var op BinaryOp
		switch p.tok.kind {
		case tLt:
			op = OpLt
		case tLe:
			op = OpLe
		case tGt:
			op = OpGt
		case tGe:
			op = OpGe
		case tIdent:
			not := false
			t := &p.tok
			if t.kw == kwNOT {
				nt := p.peek(1)
				if _, ok := likeOpAt(nt); !ok && !nt.is(kwIN) && !nt.is(kwBETWEEN) {
					return l
				}
				not = true
				p.next()
				t = &p.tok
			}
			var e Expr
			if lop, ok := likeOpAt(t); ok {
				p.next()
				lk := &Like{Loc: loc, Op: lop, X: l, Pattern: p.parseBit()}
				if p.acceptKw(kwESCAPE) {
					lk.Escape = p.parseBit()
				}
				e = lk
			} else if t.kw == kwIN {
				p.next()
				e = p.parseInRest(loc, l)
			} else if t.kw == kwBETWEEN {
				p.next()
				b := &Between{Loc: loc, X: l, Not: not, Lo: p.parseAdd()}
				p.expectKw(kwAND, "'AND' after BETWEEN lower bound")
				b.Hi = p.parseAdd()
				l = b
				continue
			} else {
				return l
			}
			if not {
				e = &Unary{Loc: loc, Op: OpNot, X: e}
			}
			l = e
			continue
		default:
			return l
		}
		p.next()
		l = &Binary{Loc: loc, Op: op, L: l, R: p.parseBit()}
	}
}

// parseInRest parses what follows IN: `(list)`, `(select)` or a table name.
func (p *parser) parseInRest(loc Loc, x Expr) Expr {
	in := &In{Loc: loc, X: x}
	if !p.at(tLParen) {
		n := p.objectName("'(' or table name after IN")
		in.Table = &n
		return in
	}
	open := p.tok.pos
	p.next()
	if p.atQueryStart() {
		p.enter()
		in.Select = p.parseSelect()
		p.leave()
	} else {
		in.List = []Expr{}
		if !p.at(tRParen) {
			in.List = p.parseExprList()
		}
	}
	p.closeParen(open, " after IN list")
	return in
}

func (p *parser) parseBit() Expr { return p.parseBinaryLevel(p.parseAdd, bitOp) }

// bitOp gives the operator of the & | << >> tokens.
func bitOp(k tokKind) (BinaryOp, bool) {
	switch k {
	case tAmp:
		return OpBitAnd, true
	case tPipe:
		return OpBitOr, true
	case tShl:
		return OpShl, true
	case tShr:
		return OpShr, true
	}
	return 0, false
}

func (p *parser) parseAdd() Expr { return p.parseBinaryLevel(p.parseMul, addOp) }

// addOp gives the operator of the + - tokens.
func addOp(k tokKind) (BinaryOp, bool) {
	switch k {
	case tPlus:
		return OpAdd, true
	case tMinus:
		return OpSub, true
	}
	return 0, false
}

func (p *parser) parseMul() Expr { return p.parseBinaryLevel(p.parseUnary, mulOp) }

// mulOp gives the operator of the * / % tokens.
func mulOp(k tokKind) (BinaryOp, bool) {
	switch k {
	case tStar:
		return OpMul, true
	case tSlash:
		return OpDiv, true
	case tPercent:
		return OpMod, true
	}
	return 0, false
}

func (p *parser) parseUnary() Expr {
	return p.parsePrefixed(true, p.parseConcat)
}

// parsePrefixed parses any number of prefix signs (and ~ when bitNot is
// set), each a Unary around the rest, over what operand parses.
func (p *parser) parsePrefixed(bitNot bool, operand func() Expr) Expr {
	var op UnaryOp
	switch {
	case p.tok.kind == tMinus:
		op = OpNeg
	case p.tok.kind == tPlus:
		op = OpPlus
	case p.tok.kind == tTilde && bitNot:
		op = OpBitNot
	default:
		return operand()
	}
	pos := p.tok.pos
	p.next()
	p.enter()
	x := p.parsePrefixed(bitNot, operand)
	p.leave()
	return &Unary{Loc: Loc{Pos(pos)}, Op: op, X: x}
}

func (p *parser) parseConcat() Expr {
	defer p.restoreDepth(p.depth)
	l := p.parseCollate()
	for p.at(tConcat) {
		p.enter() // a chain of operators deepens the tree
		p.next()
		l = &Binary{Loc: Loc{l.Pos()}, Op: OpConcat, L: l, R: p.parseCollate()}
	}
	return l
}

func (p *parser) parseCollate() Expr {
	defer p.restoreDepth(p.depth)
	x := p.parseJSON()
	for p.atKw(kwCOLLATE) {
		p.enter() // a chain of operators deepens the tree
		p.next()
		x = &Collate{Loc: Loc{x.Pos()}, X: x, Name: p.ident("collation name after COLLATE")}
	}
	return x
}

// parseJSON parses `->` / `->>` chains, desugared to json_extract calls.
func (p *parser) parseJSON() Expr {
	defer p.restoreDepth(p.depth)
	x := p.parsePrimary()
	for p.at(tArrow) || p.at(tArrow2) {
		p.enter() // a chain of operators deepens the tree
		scalar := p.at(tArrow2)
		p.next()
		path := p.parseJSONPath()
		loc := Loc{x.Pos()}
		x = &FuncCall{Loc: loc, Name: "json_extract", Args: []Expr{x, path}}
		if scalar {
			x = &Cast{Loc: loc, X: x, Type: &TypeName{Loc: Loc{NoPos}, Name: "text"}}
		}
	}
	return x
}

// parseJSONPath parses the right operand of -> / ->>: a string becomes a
// '$.'-prefixed path unless it already starts with '$', an integer i
// becomes '$[i]', anything else is a primary expression used as is.
func (p *parser) parseJSONPath() Expr {
	t := p.tok
	switch t.kind {
	case tString:
		p.next()
		path := t.text
		if len(path) == 0 || path[0] != '$' {
			path = "$." + path
		}
		return &Literal{Loc: Loc{Pos(t.pos)}, Kind: LitString, Str: path}
	case tInteger:
		p.next()
		return &Literal{Loc: Loc{Pos(t.pos)}, Kind: LitString, Str: "$[" + t.text + "]"}
	}
	return p.parsePrimary()
}

// parseExprList parses `expr {, expr}`.
func (p *parser) parseExprList() []Expr {
	list := []Expr{p.parseExpr()}
	for p.accept(tComma) {
		list = append(list, p.parseExpr())
	}
	return list
}

// atQueryStart reports whether the current token starts a query.
func (p *parser) atQueryStart() bool {
	return p.atKw(kwSELECT) || p.atKw(kwVALUES) || p.atKw(kwWITH)
}

// exprPos returns the position of e, or fallback when e has none.
func exprPos(e Expr, fallback int) Pos {
	if e != nil {
		return e.Pos()
	}
	return Pos(fallback)
}
