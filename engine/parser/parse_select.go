package parser

// parseSelect parses a full query: [WITH ...] body [ORDER BY] [LIMIT].
func (p *parser) parseSelect() *Select {
	var with *With
	if p.atKw(kwWITH) {
		with = p.parseWith()
	}
	return p.parseSelectAfterWith(with)
}

// parseSelectAfterWith parses a query whose WITH clause (if any) is parsed.
func (p *parser) parseSelectAfterWith(with *With) *Select {
	sel := &Select{Loc: Loc{Pos(p.tok.pos)}, With: with}
	if with != nil {
		sel.Loc = with.Loc
	}
	sel.Body = p.parseSelectBody()
	sel.WithSchema = p.parseWithSchema(nil)
	if p.atKw(kwORDER) {
		p.next()
		p.expectKw(kwBY, "'BY' after ORDER")
		sel.OrderBy = p.parseOrderTerms()
	}
	if p.acceptKw(kwLIMIT) {
		sel.Limit = p.parseExpr()
		if p.accept(tComma) {
			sel.Offset, sel.Limit = sel.Limit, p.parseExpr()
		} else if p.acceptKw(kwOFFSET) {
			sel.Offset = p.parseExpr()
		}
	} else if p.acceptKw(kwOFFSET) {
		sel.Offset = p.parseExpr()
	}
	sel.WithSchema = p.parseWithSchema(sel.WithSchema)
	sel.Defaults = p.parseWithDefaults()
	return sel
}

// parseWithSchema parses an optional Quereus `WITH SCHEMA name {, name}`;
// prev is a clause already parsed (a second one is an error).
func (p *parser) parseWithSchema(prev []string) []string {
	if !(p.atKw(kwWITH) && p.peek(1).is(kwSCHEMA)) {
		return prev
	}
	if prev != nil {
		p.fail("Duplicate WITH SCHEMA clause")
	}
	p.next()
	p.next()
	list := []string{p.ident("schema name after WITH SCHEMA")}
	for p.accept(tComma) {
		list = append(list, p.ident("schema name"))
	}
	return list
}

// parseQueryOrDML parses a query, or a data-modifying statement (with an
// optional leading WITH) used where Quereus accepts one as a relation.
func (p *parser) parseQueryOrDML() Stmt {
	p.enter()
	defer p.leave()
	if p.atDMLStart() {
		return p.parseDML(nil)
	}
	if p.atKw(kwWITH) {
		with := p.parseWith()
		if p.atDMLStart() {
			return p.parseDML(with)
		}
		return p.parseSelectAfterWith(with)
	}
	return p.parseSelect()
}

// parseSelectBody parses a left-associative chain of compound operators.
func (p *parser) parseSelectBody() SelectBody {
	defer p.restoreDepth(p.depth)
	l := p.parseSelectOperand()
	for {
		p.enter()
		var op CompoundOp
		switch {
		case p.atKw(kwUNION):
			op = Union
			if p.peek(1).is(kwALL) {
				p.next()
				op = UnionAll
			}
		case p.atKw(kwINTERSECT):
			op = Intersect
		case p.atKw(kwEXCEPT):
			op = Except
		case p.atKw(kwDIFF):
			op = Diff
		default:
			return l
		}
		p.next()
		c := &Compound{Loc: Loc{l.Pos()}, Op: op, Left: l}
		c.Existence = p.parseExistenceFlags()
		c.Right = p.parseSelectOperand()
		l = c
	}
}

// parseSelectOperand parses a SELECT core, a VALUES list or a
// parenthesized query.
func (p *parser) parseSelectOperand() SelectBody {
	switch {
	case p.atKw(kwSELECT):
		return p.parseSelectCore()
	case p.atKw(kwVALUES):
		return p.parseValues()
	case p.at(tLParen):
		open := p.tok.pos
		p.next()
		sel := p.parseSubSelect()
		p.closeParen(open, " after subquery")
		return sel
	}
	p.failExpected("SELECT or VALUES")
	return nil
}

// parseValues parses `VALUES (row) {, (row)}`.
func (p *parser) parseValues() *Values {
	v := &Values{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	for {
		open := p.expect(tLParen, "'(' before VALUES row").pos
		var row []Expr
		if !p.at(tRParen) {
			row = p.parseExprList()
		}
		p.closeParen(open, " after VALUES row")
		v.Rows = append(v.Rows, row)
		if !p.accept(tComma) {
			return v
		}
	}
}

// parseSelectCore parses one SELECT block.
func (p *parser) parseSelectCore() *SelectCore {
	c := &SelectCore{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	if p.acceptKw(kwDISTINCT) {
		c.Distinct = true
	} else if p.acceptKw(kwALL) {
		c.All = true
	}
	c.Columns = p.parseResultColumns()
	if p.acceptKw(kwFROM) {
		c.From = p.parseFrom()
	}
	if p.acceptKw(kwWHERE) {
		c.Where = p.parseExpr()
	}
	if p.atKw(kwGROUP) {
		p.next()
		p.expectKw(kwBY, "'BY' after GROUP")
		c.GroupBy = p.parseExprList()
	}
	if p.acceptKw(kwHAVING) {
		c.Having = p.parseExpr()
	}
	if p.atKw(kwWINDOW) {
		p.next()
		for {
			d := &WindowDef{Loc: Loc{Pos(p.tok.pos)}}
			d.Name = p.ident("window name")
			p.expectKw(kwAS, "'AS' after window name")
			d.Spec = p.parseWindowSpec()
			c.Windows = append(c.Windows, d)
			if !p.accept(tComma) {
				break
			}
		}
	}
	return c
}

// parseResultColumns parses a select or RETURNING list.
func (p *parser) parseResultColumns() []*ResultColumn {
	var cols []*ResultColumn
	for {
		cols = append(cols, p.parseResultColumn())
		if !p.accept(tComma) {
			return cols
		}
	}
}

func (p *parser) parseResultColumn() *ResultColumn {
	rc := &ResultColumn{Loc: Loc{Pos(p.tok.pos)}}
	if p.accept(tStar) {
		rc.Star = true
		return rc
	}
	if p.atIdent() && p.peek(1).kind == tDot && p.peek(2).kind == tStar {
		rc.Star = true
		rc.Table = p.ident("table name")
		p.next()
		p.next()
		return rc
	}
	rc.Expr = p.parseExpr()
	rc.Alias = p.parseAlias()
	if p.atKw(kwWITH) && p.peek(1).is(kwINVERSE) {
		p.next()
		p.next()
		open := p.expect(tLParen, "'(' after WITH INVERSE").pos
		rc.Inverse = p.parseSetClauses()
		p.closeParen(open, " after WITH INVERSE list")
	}
	return rc
}

// noImplicitAlias lists non-reserved keywords that end a result column or
// table reference instead of being taken as an alias without AS.
var noImplicitAlias = [kwCount]bool{
	kwCROSS: true, kwFULL: true, kwINNER: true, kwLEFT: true, kwRIGHT: true,
	kwNATURAL: true, kwOUTER: true, kwLATERAL: true, kwDIFF: true,
	kwWINDOW: true, kwRETURNING: true, kwOFFSET: true, kwDO: true,
	// items of a declared schema body, which need no separator
	kwVIEW: true, kwMATERIALIZED: true, kwSEED: true, kwASSERTION: true, kwINDEX: true,
}

// parseAlias parses `[AS] alias`; returns "" when there is none.
func (p *parser) parseAlias() string {
	if p.acceptKw(kwAS) {
		if p.at(tIdent) { // any word, even a keyword, after AS
			name := p.tok.text
			p.next()
			return name
		}
		return p.identOrString("alias after AS")
	}
	if p.at(tQuotedIdent) || p.at(tIdent) && !reservedKeyword[p.tok.kw] && !noImplicitAlias[p.tok.kw] {
		return p.ident("alias")
	}
	return ""
}

// parseOrderTerms parses `expr [ASC|DESC] [NULLS FIRST|LAST] {, ...}`.
func (p *parser) parseOrderTerms() []*OrderTerm {
	var terms []*OrderTerm
	for {
		t := &OrderTerm{Loc: Loc{Pos(p.tok.pos)}, X: p.parseExpr()}
		t.Dir = p.parseSortDir()
		if p.atKw(kwNULLS) {
			p.next()
			switch {
			case p.acceptKw(kwFIRST):
				t.Nulls = NullsFirst
			case p.acceptKw(kwLAST):
				t.Nulls = NullsLast
			default:
				p.failExpected("FIRST or LAST after NULLS")
			}
		}
		terms = append(terms, t)
		if !p.accept(tComma) {
			return terms
		}
	}
}

// parseSortDir parses an optional ASC / DESC.
func (p *parser) parseSortDir() SortDir {
	switch {
	case p.acceptKw(kwASC):
		return SortAsc
	case p.acceptKw(kwDESC):
		return SortDesc
	}
	return SortDefault
}

// parseWith parses `WITH [RECURSIVE] cte {, cte}`.
func (p *parser) parseWith() *With {
	w := &With{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	w.Recursive = p.acceptKw(kwRECURSIVE)
	for {
		w.CTEs = append(w.CTEs, p.parseCTE())
		if !p.accept(tComma) {
			return w
		}
	}
}

func (p *parser) parseCTE() *CTE {
	c := &CTE{Loc: Loc{Pos(p.tok.pos)}}
	c.Name = p.ident("CTE name")
	if p.at(tLParen) {
		c.Columns = p.identList("column name in CTE definition")
	}
	p.expectKw(kwAS, "'AS' after CTE name")
	if p.atKw(kwNOT) && p.peek(1).is(kwMATERIALIZED) {
		p.next()
		p.next()
		c.Materialized = MatNotMaterialized
	} else if p.acceptKw(kwMATERIALIZED) {
		c.Materialized = MatMaterialized
	}
	if !p.at(tLParen) {
		p.failExpected("'(' before CTE query")
	}
	open := p.tok.pos
	p.next()
	c.Query = p.parseQueryOrDML()
	p.closeParen(open, " after CTE query")
	return c
}

// parseWindowSpec parses `( [base] [PARTITION BY ...] [ORDER BY ...] [frame] )`.
func (p *parser) parseWindowSpec() *WindowSpec {
	w := &WindowSpec{Loc: Loc{Pos(p.tok.pos)}}
	open := p.expect(tLParen, "'(' for window specification").pos
	p.enter()
	if p.atIdent() && !p.atKw(kwPARTITION) && !p.atKw(kwORDER) && !p.atKw(kwROWS) &&
		!p.atKw(kwRANGE) && !p.atKw(kwGROUPS) {
		w.Base = p.ident("window name")
	}
	if p.atKw(kwPARTITION) {
		p.next()
		p.expectKw(kwBY, "'BY' after PARTITION")
		w.PartitionBy = p.parseExprList()
	}
	if p.atKw(kwORDER) {
		p.next()
		p.expectKw(kwBY, "'BY' after ORDER")
		w.OrderBy = p.parseOrderTerms()
	}
	if p.atKw(kwROWS) || p.atKw(kwRANGE) || p.atKw(kwGROUPS) {
		w.Frame = p.parseFrame()
	}
	p.leave()
	p.closeParen(open, " after window specification")
	return w
}

func (p *parser) parseFrame() *Frame {
	f := &Frame{Loc: Loc{Pos(p.tok.pos)}}
	switch {
	case p.atKw(kwRANGE):
		f.Unit = FrameRange
	case p.atKw(kwGROUPS):
		f.Unit = FrameGroups
	}
	p.next()
	if p.acceptKw(kwBETWEEN) {
		f.HasEnd = true
		f.Start = p.parseFrameBound()
		p.expectKw(kwAND, "'AND' after frame start bound")
		f.End = p.parseFrameBound()
	} else {
		f.Start = p.parseFrameBound()
	}
	if p.acceptKw(kwEXCLUDE) {
		switch {
		case p.acceptKw(kwNO):
			p.expectKw(kwOTHERS, "OTHERS after EXCLUDE NO")
			f.Exclude = ExcludeNoOthers
		case p.acceptKw(kwCURRENT):
			p.expectKw(kwROW, "ROW after EXCLUDE CURRENT")
			f.Exclude = ExcludeCurrentRow
		case p.acceptKw(kwGROUP):
			f.Exclude = ExcludeGroup
		case p.acceptKw(kwTIES):
			f.Exclude = ExcludeTies
		default:
			p.failExpected("NO OTHERS, CURRENT ROW, GROUP or TIES after EXCLUDE")
		}
	}
	return f
}

func (p *parser) parseFrameBound() FrameBound {
	switch {
	case p.acceptKw(kwUNBOUNDED):
		if p.acceptKw(kwPRECEDING) {
			return FrameBound{Kind: BoundUnboundedPreceding}
		}
		p.expectKw(kwFOLLOWING, "PRECEDING or FOLLOWING after UNBOUNDED")
		return FrameBound{Kind: BoundUnboundedFollowing}
	case p.atKw(kwCURRENT) && p.peek(1).is(kwROW):
		p.next()
		p.next()
		return FrameBound{Kind: BoundCurrentRow}
	}
	x := p.parseAdd()
	if p.acceptKw(kwPRECEDING) {
		return FrameBound{Kind: BoundPreceding, Offset: x}
	}
	p.expectKw(kwFOLLOWING, "PRECEDING or FOLLOWING after frame offset")
	return FrameBound{Kind: BoundFollowing, Offset: x}
}
