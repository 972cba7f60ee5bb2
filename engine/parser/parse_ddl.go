package parser

// parseCreate parses the CREATE statements.
func (p *parser) parseCreate() Stmt {
	loc := Loc{Pos(p.tok.pos)}
	p.next()
	temp := p.acceptKw(kwTEMP) || p.acceptKw(kwTEMPORARY)
	switch {
	case p.atKw(kwTABLE):
		p.next()
		ct := &CreateTable{Loc: loc, Temp: temp}
		ct.IfNotExists = p.parseIfNotExists()
		ct.Name = p.objectName("table name")
		p.parseTableBody(ct, tLParen)
		return ct
	case p.atKw(kwVIRTUAL):
		p.next()
		p.expectKw(kwTABLE, "TABLE after CREATE VIRTUAL")
		ct := &CreateTable{Loc: loc, Temp: temp}
		ct.IfNotExists = p.parseIfNotExists()
		ct.Name = p.objectName("table name")
		if !p.atKw(kwUSING) {
			p.failExpected("USING after CREATE VIRTUAL TABLE name")
		}
		p.parseTableClauses(ct)
		return ct
	case p.atKw(kwUNIQUE) || p.atKw(kwINDEX):
		ci := &CreateIndex{Loc: loc, Unique: p.acceptKw(kwUNIQUE)}
		p.expectKw(kwINDEX, "INDEX after CREATE UNIQUE")
		ci.IfNotExists = p.parseIfNotExists()
		ci.Name = p.objectName("index name")
		p.parseIndexRest(ci)
		return ci
	case p.atKw(kwVIEW):
		p.next()
		return p.parseViewRest(&CreateView{Loc: loc, Temp: temp}, true)
	case p.atKw(kwMATERIALIZED):
		p.next()
		p.expectKw(kwVIEW, "VIEW after MATERIALIZED")
		return p.parseViewRest(&CreateView{Loc: loc, Temp: temp, Materialized: true}, true)
	case p.atKw(kwASSERTION):
		p.next()
		ca := &CreateAssertion{Loc: loc, Name: p.objectName("assertion name")}
		p.parseAssertionRest(ca)
		return ca
	}
	p.failExpected("TABLE, [UNIQUE] INDEX, VIEW, MATERIALIZED VIEW, or ASSERTION after CREATE")
	return nil
}

// parseIfNotExists parses an optional IF NOT EXISTS.
func (p *parser) parseIfNotExists() bool {
	if !p.atKw(kwIF) {
		return false
	}
	p.next()
	p.expectKw(kwNOT, "NOT after IF")
	p.expectKw(kwEXISTS, "EXISTS after IF NOT")
	return true
}

// parseIfExists parses an optional IF EXISTS.
func (p *parser) parseIfExists() bool {
	if !p.atKw(kwIF) {
		return false
	}
	p.next()
	p.expectKw(kwEXISTS, "EXISTS after IF")
	return true
}

// parseTableBody parses what follows CREATE TABLE name: a column list
// (delimited by open, '(' or '{' in a declared schema), AS select or
// MAINTAINED AS, then the trailing clauses.
func (p *parser) parseTableBody(ct *CreateTable, open tokKind) {
	switch {
	case p.atKw(kwAS):
		p.next()
		ct.AsSelect = p.parseSubSelect()
	case p.at(tLParen) || p.at(tLBrace):
		p.parseColumnList(ct)
	case p.atKw(kwMAINTAINED), p.atKw(kwUSING), p.atKw(kwWITH):
	default:
		if open == tLBrace {
			p.failExpected("'(' or '{' after table name")
		}
		p.failExpected("'(' or AS after table name")
	}
	p.parseTableClauses(ct)
}

// parseColumnList parses `( coldef | constraint {, ...} )` or the same in
// braces.
func (p *parser) parseColumnList(ct *CreateTable) {
	closer := tRParen
	if p.at(tLBrace) {
		closer = tRBrace
	}
	open := p.tok.pos
	p.next()
	for {
		if p.atTableConstraintStart() {
			ct.Constraints = append(ct.Constraints, p.parseTableConstraint())
		} else {
			if !p.atIdent() {
				p.failExpected("column definition or table constraint")
			}
			ct.Columns = append(ct.Columns, p.parseColumnDef())
		}
		if !p.accept(tComma) || closer == tRBrace && p.at(tRBrace) {
			break
		}
	}
	if closer == tRParen {
		p.closeParen(open, " after column definitions")
	} else {
		p.expect(tRBrace, "'}' after column definitions")
	}
}

// parseTableClauses parses the clauses after a table's column list in any
// order: USING module[(args)], WITH CONTEXT (...), WITH TAGS (...),
// MAINTAINED AS select, and options such as WITHOUT ROWID or STRICT.
func (p *parser) parseTableClauses(ct *CreateTable) {
	for {
		switch {
		case p.atKw(kwUSING):
			p.next()
			ct.Module = p.ident("module name after USING")
			if p.at(tLParen) {
				ct.HasArgs = true
				ct.ModuleArgs = p.parseModuleArgs()
			}
		case p.atKw(kwWITH) && p.peek(1).is(kwCONTEXT):
			p.next()
			p.next()
			open := p.expect(tLParen, "'(' after WITH CONTEXT").pos
			for {
				ct.Context = append(ct.Context, p.parseColumnDef())
				if !p.accept(tComma) {
					break
				}
			}
			p.closeParen(open, " after WITH CONTEXT")
		case p.atKw(kwWITH) && p.peek(1).is(kwTAGS):
			ct.Tags = p.parseWithTags()
		case p.atKw(kwMAINTAINED):
			p.next()
			if p.at(tLParen) {
				ct.MaintainedColumns = p.identList("column name")
			}
			p.expectKw(kwAS, "AS after MAINTAINED")
			ct.Maintained = p.parseSubSelect()
		case p.atKw(kwWITHOUT):
			opt := &TableOption{Loc: Loc{Pos(p.tok.pos)}, Words: "WITHOUT"}
			p.next()
			if p.at(tIdent) && !reservedKeyword[p.tok.kw] {
				opt.Words += " " + p.upperWord()
				p.next()
			}
			ct.Options = append(ct.Options, opt)
		case p.atWord("STRICT"):
			ct.Options = append(ct.Options, &TableOption{Loc: Loc{Pos(p.tok.pos)}, Words: "STRICT"})
			p.next()
		case p.at(tComma) && len(ct.Options) > 0:
			p.next() // WITHOUT ROWID, STRICT
		default:
			return
		}
	}
}

// parseModuleArgs parses `( [name =] value {, ...} )`.
func (p *parser) parseModuleArgs() []*ModuleArg {
	open := p.expect(tLParen, "'('").pos
	args := []*ModuleArg{}
	for !p.at(tRParen) {
		a := &ModuleArg{Loc: Loc{Pos(p.tok.pos)}}
		if p.atIdent() && p.peek(1).kind == tEq {
			a.Name = p.ident("module argument name")
			p.next()
		}
		a.Value = p.parseExpr()
		args = append(args, a)
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, " after module arguments")
	return args
}

// parseWithTags parses `WITH TAGS ( name = value {, ...} )`.
func (p *parser) parseWithTags() []*Tag {
	p.next()
	p.next()
	return p.parseTagList()
}

// parseTagList parses `( name = value {, ...} )`, possibly empty.
func (p *parser) parseTagList() []*Tag {
	open := p.expect(tLParen, "'(' before tag list").pos
	tags := []*Tag{}
	for !p.at(tRParen) {
		t := &Tag{Loc: Loc{Pos(p.tok.pos)}}
		t.Name = p.identOrString("tag name")
		p.expect(tEq, "'=' after tag name")
		t.Value = p.parseExpr()
		tags = append(tags, t)
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, " after tag list")
	return tags
}

// parseIndexRest parses `ON table (cols) [WHERE ...] [WITH TAGS (...)]`.
func (p *parser) parseIndexRest(ci *CreateIndex) {
	p.expectKw(kwON, "ON after index name")
	ci.Table = p.ident("table name after ON")
	if p.accept(tDot) {
		// `ON schema.table`: an index lives in its table's schema.
		if ci.Name.Schema == "" {
			ci.Name.Schema = ci.Table
		}
		ci.Table = p.ident("table name after ON")
	}
	ci.Columns = p.parseIndexedColumns()
	if len(ci.Columns) == 0 {
		p.failExpected("indexed column")
	}
	if p.acceptKw(kwWHERE) {
		ci.Where = p.parseExpr()
	}
	if p.atKw(kwWITH) && p.peek(1).is(kwTAGS) {
		ci.Tags = p.parseWithTags()
	}
}

// parseViewRest parses `[IF NOT EXISTS] name [(cols)] AS select [WITH
// TAGS (...)]`; ifNotExists says whether IF NOT EXISTS may appear.
func (p *parser) parseViewRest(cv *CreateView, ifNotExists bool) *CreateView {
	if ifNotExists {
		cv.IfNotExists = p.parseIfNotExists()
	}
	cv.Name = p.objectName("view name")
	if p.at(tLParen) {
		cv.Columns = p.identList("column name in view column list")
	}
	p.expectKw(kwAS, "AS before view query")
	if p.atDMLStart() {
		p.fail("A data-modifying statement cannot be used as a view body")
	}
	cv.Select = p.parseSubSelect()
	if p.atKw(kwWITH) && p.peek(1).is(kwTAGS) {
		cv.Tags = p.parseWithTags()
	}
	return cv
}

// parseAssertionRest parses `CHECK (expr) [WITH TAGS (...)]`.
func (p *parser) parseAssertionRest(ca *CreateAssertion) {
	p.expectKw(kwCHECK, "CHECK after assertion name")
	ca.Check = p.parseParenthesized("CHECK")
	if p.atKw(kwWITH) && p.peek(1).is(kwTAGS) {
		ca.Tags = p.parseWithTags()
	}
}

// parseDrop parses DROP TABLE|INDEX|VIEW|MATERIALIZED VIEW|ASSERTION.
func (p *parser) parseDrop() *Drop {
	d := &Drop{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	switch {
	case p.acceptKw(kwTABLE):
		d.Kind = ObjTable
	case p.acceptKw(kwINDEX):
		d.Kind = ObjIndex
	case p.acceptKw(kwVIEW):
		d.Kind = ObjView
	case p.atKw(kwMATERIALIZED):
		p.next()
		p.expectKw(kwVIEW, "VIEW after MATERIALIZED")
		d.Kind = ObjMaterializedView
	case p.acceptKw(kwASSERTION):
		d.Kind = ObjAssertion
	default:
		p.failExpected("TABLE, VIEW, MATERIALIZED VIEW, INDEX, or ASSERTION after DROP")
	}
	d.IfExists = p.parseIfExists()
	d.Name = p.objectName("name after DROP")
	return d
}
