package parser

import "strings"

// atDMLStart reports whether the current token starts INSERT, REPLACE,
// UPDATE or DELETE.
func (p *parser) atDMLStart() bool {
	return p.atKw(kwINSERT) || p.atKw(kwREPLACE) || p.atKw(kwUPDATE) || p.atKw(kwDELETE)
}

// atWord reports whether the current token is the bare word w (any case);
// used for contextual words that are not keywords.
func (p *parser) atWord(w string) bool {
	return p.tok.kind == tIdent && strings.EqualFold(p.tok.text, w)
}

// parseDML parses INSERT / REPLACE / UPDATE / DELETE after an optional
// WITH clause that has already been parsed.
func (p *parser) parseDML(with *With) Stmt {
	switch {
	case p.atKw(kwINSERT), p.atKw(kwREPLACE):
		return p.parseInsert(with)
	case p.atKw(kwUPDATE):
		return p.parseUpdate(with)
	case p.atKw(kwDELETE):
		return p.parseDelete(with)
	}
	p.failExpected("INSERT, UPDATE or DELETE")
	return nil
}

// parseConflictAction parses ROLLBACK | ABORT | FAIL | IGNORE | REPLACE.
func (p *parser) parseConflictAction() ConflictAction {
	var a ConflictAction
	switch {
	case p.atKw(kwROLLBACK):
		a = ConflictRollback
	case p.atKw(kwABORT):
		a = ConflictAbort
	case p.atWord("FAIL"):
		a = ConflictFail
	case p.atKw(kwIGNORE):
		a = ConflictIgnore
	case p.atKw(kwREPLACE):
		a = ConflictReplace
	default:
		p.failExpected("ROLLBACK, ABORT, FAIL, IGNORE or REPLACE")
	}
	p.next()
	return a
}

func (p *parser) parseInsert(with *With) *Insert {
	ins := &Insert{Loc: Loc{Pos(p.tok.pos)}, With: with}
	if with != nil {
		ins.Loc = with.Loc
	}
	if p.acceptKw(kwREPLACE) {
		ins.Replace = true
	} else {
		p.next()
		if p.acceptKw(kwOR) {
			ins.OrConflict = p.parseConflictAction()
		}
	}
	p.expectKw(kwINTO, "INTO after INSERT")
	ins.Table = p.objectName("table name")
	if p.acceptKw(kwAS) {
		ins.Alias = p.ident("alias after AS")
	}
	if p.at(tLParen) {
		ins.Columns = p.identList("column name")
	}
	p.parseStmtClauses(&ins.Context, &ins.Tags, &ins.WithSchema)
	switch {
	case p.atKw(kwDEFAULT):
		p.next()
		p.expectKw(kwVALUES, "VALUES after DEFAULT")
		ins.DefaultValues = true
	case p.atQueryStart() || p.atDMLStart():
		switch q := p.parseQueryOrDML().(type) {
		case *Select:
			ins.Source = q
		default:
			ins.SourceDML = q
		}
	default:
		p.failExpected("VALUES, SELECT or DEFAULT VALUES")
	}
	for p.atKw(kwON) {
		ins.Upserts = append(ins.Upserts, p.parseUpsert())
	}
	p.parseStmtClauses(&ins.Context, &ins.Tags, &ins.WithSchema)
	ins.Returning = p.parseReturning()
	return ins
}

// parseStmtClauses parses the Quereus statement clauses WITH CONTEXT
// (assignments), WITH TAGS and WITH SCHEMA, in any order, each at most
// once per statement.
func (p *parser) parseStmtClauses(ctx *[]*ContextAssign, tags *[]*Tag, schema *[]string) {
	for p.atKw(kwWITH) {
		// `WITH context AS (...)` before an INSERT source is a CTE.
		if t := p.peek(2); t.is(kwAS) || t.kind == tLParen && !p.peek(1).is(kwTAGS) {
			return
		}
		switch {
		case p.peek(1).is(kwCONTEXT):
			*ctx = p.parseWithContext(*ctx)
		case p.peek(1).is(kwSCHEMA):
			*schema = p.parseWithSchema(*schema)
		case p.peek(1).is(kwTAGS):
			if *tags != nil {
				p.fail("Duplicate WITH TAGS clause")
			}
			*tags = p.parseWithTags()
		default:
			return
		}
	}
}

// parseUpsert parses one `ON CONFLICT [(target) [WHERE ...]] DO ...`.
func (p *parser) parseUpsert() *Upsert {
	u := &Upsert{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	p.expectKw(kwCONFLICT, "CONFLICT after ON")
	if p.at(tLParen) {
		u.Target = p.parseIndexedColumns()
		if p.acceptKw(kwWHERE) {
			u.TargetWhere = p.parseExpr()
		}
	}
	p.expectKw(kwDO, "DO after ON CONFLICT")
	if p.acceptKw(kwNOTHING) {
		u.DoNothing = true
		return u
	}
	p.expectKw(kwUPDATE, "NOTHING or UPDATE after DO")
	p.expectKw(kwSET, "SET after DO UPDATE")
	u.Set = p.parseSetClauses()
	if p.acceptKw(kwWHERE) {
		u.Where = p.parseExpr()
	}
	return u
}

// parseSetClauses parses `col = expr | (c1, c2) = expr {, ...}`.
func (p *parser) parseSetClauses() []*SetClause {
	var list []*SetClause
	for {
		sc := &SetClause{Loc: Loc{Pos(p.tok.pos)}}
		if p.at(tLParen) {
			sc.Parenthesized = true
			sc.Columns = p.identList("column name in SET clause")
		} else {
			sc.Columns = []string{p.ident("column name in SET clause")}
		}
		p.expect(tEq, "'=' in SET clause")
		sc.Value = p.parseExpr()
		list = append(list, sc)
		if !p.accept(tComma) {
			return list
		}
	}
}

// parseWithContext parses an optional `WITH CONTEXT name = expr {, ...}`;
// prev is a clause already parsed (a second one is an error).
func (p *parser) parseWithContext(prev []*ContextAssign) []*ContextAssign {
	if !(p.atKw(kwWITH) && p.peek(1).is(kwCONTEXT)) {
		return prev
	}
	if prev != nil {
		p.fail("Duplicate WITH CONTEXT clause")
	}
	p.next()
	p.next()
	var list []*ContextAssign
	for {
		a := &ContextAssign{Loc: Loc{Pos(p.tok.pos)}}
		a.Name = p.ident("context variable name")
		p.expect(tEq, "'=' after context variable name")
		a.Value = p.parseExpr()
		list = append(list, a)
		if !p.accept(tComma) {
			return list
		}
	}
}

// parseSubqueryTarget parses an UPDATE / DELETE target written as a
// subquery `(select ...) [AS] alias [(cols)]`; nil when the target is a
// plain table name. A data-modifying subquery parses too (the engine
// rejects it, as Quereus does, with its own message).
func (p *parser) parseSubqueryTarget() *SubqueryTable {
	if !p.at(tLParen) {
		return nil
	}
	start := p.tok.pos
	st, ok := p.parseTableOperand().(*SubqueryTable)
	if !ok {
		p.failSpan(start, p.prevEnd, "Expected table name or subquery as the statement target")
	}
	return st
}

// parseReturning parses an optional RETURNING list.
func (p *parser) parseReturning() []*ResultColumn {
	if !p.acceptKw(kwRETURNING) {
		return nil
	}
	return p.parseResultColumns()
}

func (p *parser) parseUpdate(with *With) *Update {
	u := &Update{Loc: Loc{Pos(p.tok.pos)}, With: with}
	if with != nil {
		u.Loc = with.Loc
	}
	p.next()
	if p.acceptKw(kwOR) {
		u.OrConflict = p.parseConflictAction()
	}
	u.Target = p.parseSubqueryTarget()
	if u.Target == nil {
		u.Table = p.objectName("table name")
		u.Alias = p.parseAlias()
	}
	p.parseStmtClauses(&u.Context, &u.Tags, &u.WithSchema)
	p.expectKw(kwSET, "SET after table name in UPDATE")
	u.Set = p.parseSetClauses()
	if p.acceptKw(kwFROM) {
		u.From = p.parseFrom()
	}
	if p.acceptKw(kwWHERE) {
		u.Where = p.parseExpr()
	}
	p.parseStmtClauses(&u.Context, &u.Tags, &u.WithSchema)
	u.Returning = p.parseReturning()
	return u
}

func (p *parser) parseDelete(with *With) *Delete {
	d := &Delete{Loc: Loc{Pos(p.tok.pos)}, With: with}
	if with != nil {
		d.Loc = with.Loc
	}
	p.next()
	p.acceptKw(kwFROM)
	d.Target = p.parseSubqueryTarget()
	if d.Target == nil {
		d.Table = p.objectName("table name")
		d.Alias = p.parseAlias()
	}
	p.parseStmtClauses(&d.Context, &d.Tags, &d.WithSchema)
	if p.acceptKw(kwWHERE) {
		d.Where = p.parseExpr()
	}
	p.parseStmtClauses(&d.Context, &d.Tags, &d.WithSchema)
	d.Returning = p.parseReturning()
	return d
}

// parseIndexedColumns parses `( expr [COLLATE c] [ASC|DESC] {, ...} )`;
// an empty list `()` is allowed (PRIMARY KEY ()).
func (p *parser) parseIndexedColumns() []*IndexedColumn {
	open := p.expect(tLParen, "'('").pos
	cols := []*IndexedColumn{}
	if p.at(tRParen) {
		p.next()
		return cols
	}
	for {
		ic := &IndexedColumn{Loc: Loc{Pos(p.tok.pos)}}
		x := p.parseExpr()
		if c, ok := x.(*Collate); ok {
			x, ic.Collation = c.X, c.Name
		}
		ic.X = x
		ic.Dir = p.parseSortDir()
		cols = append(cols, ic)
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, " after column list")
	return cols
}
