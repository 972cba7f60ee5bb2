package parser

// parseDeclare parses DECLARE [LOGICAL] SCHEMA and DECLARE LENS.
func (p *parser) parseDeclare() Stmt {
	loc := Loc{Pos(p.tok.pos)}
	p.next()
	if p.acceptKw(kwLENS) {
		dl := &DeclareLens{Loc: loc}
		p.expectKw(kwFOR, "FOR after DECLARE LENS")
		dl.Logical = p.ident("logical schema name")
		p.expectKw(kwOVER, "OVER after lens schema name")
		dl.Basis = p.ident("basis schema name")
		dl.Items = p.parseDeclareItems()
		return dl
	}
	ds := &DeclareSchema{Loc: loc, Logical: p.acceptKw(kwLOGICAL)}
	p.expectKw(kwSCHEMA, "SCHEMA or LENS after DECLARE")
	ds.Name = p.ident("schema name")
	if p.acceptKw(kwUSING) {
		ds.Using = p.parseOptions()
	}
	ds.Items = p.parseDeclareItems()
	return ds
}

// parseOptions parses `( name = value {, ...} )`.
func (p *parser) parseOptions() []*Option {
	open := p.expect(tLParen, "'(' before options").pos
	opts := []*Option{}
	for !p.at(tRParen) {
		o := &Option{Loc: Loc{Pos(p.tok.pos)}}
		o.Name = p.identOrString("option name")
		p.expect(tEq, "'=' after option name")
		o.Value = p.parseExpr()
		opts = append(opts, o)
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, " after options")
	return opts
}

// parseDeclareItems parses `{ item [;|,] ... }` of a declared schema or
// lens.
func (p *parser) parseDeclareItems() []Node {
	p.expect(tLBrace, "'{' to start the declaration body")
	items := []Node{}
	for {
		for p.accept(tSemi) || p.accept(tComma) {
		}
		if p.accept(tRBrace) {
			return items
		}
		items = append(items, p.parseDeclareItem())
	}
}

// parseDeclareItem parses one declaration: table, [unique] index, view,
// materialized view, assertion or seed.
func (p *parser) parseDeclareItem() Node {
	loc := Loc{Pos(p.tok.pos)}
	switch {
	case p.acceptKw(kwTABLE):
		ct := &CreateTable{Loc: loc}
		ct.Name = p.objectName("table name")
		if p.atKw(kwUSING) {
			p.parseTableClauses(ct)
		}
		p.parseTableBody(ct, tLBrace)
		return ct
	case p.atKw(kwUNIQUE) || p.atKw(kwINDEX):
		ci := &CreateIndex{Loc: loc, Unique: p.acceptKw(kwUNIQUE)}
		p.expectKw(kwINDEX, "INDEX after UNIQUE")
		ci.Name = p.objectName("index name")
		p.parseIndexRest(ci)
		return ci
	case p.acceptKw(kwVIEW):
		return p.parseViewRest(&CreateView{Loc: loc}, false)
	case p.atKw(kwMATERIALIZED):
		p.next()
		p.expectKw(kwVIEW, "VIEW after MATERIALIZED")
		return p.parseViewRest(&CreateView{Loc: loc, Materialized: true}, false)
	case p.acceptKw(kwASSERTION):
		ca := &CreateAssertion{Loc: loc, Name: p.objectName("assertion name")}
		p.parseAssertionRest(ca)
		return ca
	case p.acceptKw(kwSEED):
		s := &Seed{Loc: loc, Table: p.ident("table name after SEED")}
		open := p.expect(tLParen, "'(' after seed table name").pos
		for !p.at(tRParen) {
			ropen := p.expect(tLParen, "'(' before seed row").pos
			var row []Expr
			if !p.at(tRParen) {
				row = p.parseExprList()
			}
			p.closeParen(ropen, " after seed row")
			s.Rows = append(s.Rows, row)
			if !p.accept(tComma) {
				break
			}
		}
		p.closeParen(open, " after seed rows")
		return s
	}
	p.failExpected("TABLE, INDEX, VIEW, MATERIALIZED VIEW, ASSERTION or SEED in declaration")
	return nil
}

// parseApply parses `APPLY SCHEMA name [WITH SEED] [OPTIONS (...)]`.
func (p *parser) parseApply() *ApplySchema {
	a := &ApplySchema{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	p.expectKw(kwSCHEMA, "SCHEMA after APPLY")
	a.Name = p.ident("schema name")
	if p.atKw(kwWITH) && p.peek(1).is(kwSEED) {
		p.next()
		p.next()
		a.WithSeed = true
	}
	if p.acceptKw(kwOPTIONS) {
		a.Options = p.parseOptions()
	}
	return a
}
