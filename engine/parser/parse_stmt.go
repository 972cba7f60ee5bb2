package parser

// parseStatement parses one statement starting at the current token.
func (p *parser) parseStatement() Stmt {
	if p.tok.kind != tIdent {
		if p.at(tLParen) {
			return p.parseSelect()
		}
		p.failStatement()
	}
	switch p.tok.kw {
	case kwSELECT, kwVALUES:
		return p.parseSelect()
	case kwWITH:
		with := p.parseWith()
		if p.atDMLStart() {
			return p.parseDML(with)
		}
		return p.parseSelectAfterWith(with)
	case kwINSERT, kwREPLACE, kwUPDATE, kwDELETE:
		return p.parseDML(nil)
	case kwCREATE:
		return p.parseCreate()
	case kwDROP:
		return p.parseDrop()
	case kwALTER:
		return p.parseAlter()
	case kwBEGIN:
		return p.parseBegin()
	case kwCOMMIT, kwEND:
		c := &Commit{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		p.acceptKw(kwTRANSACTION)
		return c
	case kwROLLBACK:
		return p.parseRollback()
	case kwSAVEPOINT:
		s := &Savepoint{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		s.Name = p.ident("savepoint name")
		return s
	case kwRELEASE:
		r := &Release{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		p.acceptKw(kwSAVEPOINT)
		r.Name = p.ident("savepoint name")
		return r
	case kwPRAGMA:
		return p.parsePragma()
	case kwANALYZE:
		a := &Analyze{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		if p.atIdent() {
			a.Name.Off = Pos(p.tok.pos)
			a.Name.Name = p.ident("table name")
			if p.accept(tDot) {
				a.Name.Schema = a.Name.Name
				if p.accept(tStar) {
					a.Name.Name = "*"
				} else {
					a.Name.Name = p.ident("table name or '*'")
				}
			}
		}
		return a
	case kwEXPLAIN:
		e := &Explain{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		if p.acceptKw(kwQUERY) {
			p.expectKw(kwPLAN, "PLAN after EXPLAIN QUERY")
			e.QueryPlan = true
		}
		p.enter()
		e.Stmt = p.parseStatement()
		p.leave()
		return e
	case kwDECLARE:
		return p.parseDeclare()
	case kwDIFF:
		d := &DiffSchema{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		p.expectKw(kwSCHEMA, "SCHEMA after DIFF")
		d.Name = p.ident("schema name")
		return d
	case kwAPPLY:
		return p.parseApply()
	case kwREFRESH:
		r := &RefreshMaterializedView{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		p.expectKw(kwMATERIALIZED, "MATERIALIZED after REFRESH")
		p.expectKw(kwVIEW, "VIEW after REFRESH MATERIALIZED")
		r.Name = p.objectName("materialized view name")
		return r
	}
	p.failStatement()
	return nil
}

// failStatement reports a token that cannot start a statement.
func (p *parser) failStatement() {
	p.fail("Expected statement type (SELECT, INSERT, UPDATE, DELETE, VALUES, CREATE, etc.), got '" + p.tok.text + "'")
}

func (p *parser) parseBegin() *Begin {
	b := &Begin{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	switch {
	case p.acceptKw(kwDEFERRED):
		b.Mode = TxDeferred
	case p.acceptKw(kwIMMEDIATE):
		b.Mode = TxImmediate
	case p.acceptKw(kwEXCLUSIVE):
		b.Mode = TxExclusive
	}
	p.acceptKw(kwTRANSACTION)
	return b
}

func (p *parser) parseRollback() *Rollback {
	r := &Rollback{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	p.acceptKw(kwTRANSACTION)
	if p.acceptKw(kwTO) {
		p.acceptKw(kwSAVEPOINT)
		r.Savepoint = p.ident("savepoint name")
	}
	return r
}

// parsePragma parses `PRAGMA [schema.]name [= value | (value)]`. A bare
// word value (on, off, memory, even a keyword) becomes a *ColumnRef.
func (p *parser) parsePragma() *Pragma {
	pr := &Pragma{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	pr.Name = p.objectName("pragma name")
	switch {
	case p.accept(tEq):
		pr.Value = p.parsePragmaValue()
	case p.at(tLParen):
		open := p.tok.pos
		p.next()
		pr.Call = true
		pr.Value = p.parsePragmaValue()
		p.closeParen(open, " after pragma value")
	}
	return pr
}

func (p *parser) parsePragmaValue() Expr {
	if p.at(tIdent) && (reservedKeyword[p.tok.kw] && p.tok.kw != kwNULL && p.tok.kw != kwTRUE && p.tok.kw != kwFALSE) {
		ref := &ColumnRef{Loc: Loc{Pos(p.tok.pos)}, Column: p.tok.text}
		p.next()
		return ref
	}
	return p.parseDefaultValue()
}
