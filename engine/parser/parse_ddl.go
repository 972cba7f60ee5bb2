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

// parseColumnDef parses `name [type] {constraint} [WITH TAGS (...)]`.
func (p *parser) parseColumnDef() *ColumnDef {
	cd := &ColumnDef{Loc: Loc{Pos(p.tok.pos)}}
	cd.Name = p.ident("column name")
	cd.Type = p.parseTypeName(true)
	var last *ColumnConstraint
	for {
		if p.atKw(kwWITH) && p.peek(1).is(kwTAGS) {
			tags := p.parseWithTags()
			if last != nil && last.Name != "" && last.Tags == nil {
				last.Tags = tags
			} else {
				cd.Tags = tags
			}
			continue
		}
		c := p.parseColumnConstraint()
		if c == nil {
			return cd
		}
		cd.Constraints = append(cd.Constraints, c)
		last = c
	}
}

// parseColumnConstraint parses one column constraint, or returns nil when
// the current token does not start one.
func (p *parser) parseColumnConstraint() *ColumnConstraint {
	c := &ColumnConstraint{Loc: Loc{Pos(p.tok.pos)}}
	if p.acceptKw(kwCONSTRAINT) {
		c.Name = p.ident("constraint name")
	}
	switch {
	case p.acceptKw(kwPRIMARY):
		p.expectKw(kwKEY, "KEY after PRIMARY")
		c.Kind = ConstrPrimaryKey
		c.Dir = p.parseSortDir()
		c.OnConflict = p.parseOnConflict()
		c.AutoIncrement = p.acceptKw(kwAUTOINCREMENT)
	case p.atKw(kwNOT):
		p.next()
		p.expectKw(kwNULL, "NULL after NOT")
		c.Kind = ConstrNotNull
		c.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwNULL):
		c.Kind = ConstrNull
		c.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwUNIQUE):
		c.Kind = ConstrUnique
		c.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwCHECK):
		c.Kind = ConstrCheck
		c.CheckOn = p.parseCheckOn()
		c.Expr = p.parseParenthesized("CHECK")
		c.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwDEFAULT):
		c.Kind = ConstrDefault
		c.Expr = p.parseColumnDefault()
	case p.acceptKw(kwCOLLATE):
		c.Kind = ConstrCollate
		c.Collation = p.ident("collation name after COLLATE")
	case p.atKw(kwREFERENCES):
		c.Kind = ConstrForeignKey
		c.FK = p.parseReferences()
	case p.atKw(kwGENERATED) || p.atKw(kwAS):
		c.Kind = ConstrGenerated
		if p.acceptKw(kwGENERATED) {
			p.expectKw(kwALWAYS, "ALWAYS after GENERATED")
			c.GeneratedAlways = true
		}
		p.expectKw(kwAS, "AS in generated column")
		c.Expr = p.parseParenthesized("AS")
		if p.acceptKw(kwSTORED) {
			c.Stored = true
		} else {
			p.acceptKw(kwVIRTUAL)
		}
	default:
		if c.Name != "" {
			p.failExpected("constraint after CONSTRAINT name")
		}
		return nil
	}
	return c
}

// parseParenthesized parses `( expr )` after the keyword kw.
func (p *parser) parseParenthesized(kw string) Expr {
	open := p.expect(tLParen, "'(' after "+kw).pos
	x := p.parseExpr()
	p.closeParen(open, " after "+kw+" expression")
	return x
}

// parseWithDefaults parses an optional `WITH DEFAULTS (col = expr, ...)`.
func (p *parser) parseWithDefaults() []*SetClause {
	if !(p.atKw(kwWITH) && p.atWordAt(1, "DEFAULTS")) {
		return nil
	}
	p.next()
	p.next()
	open := p.expect(tLParen, "'(' after WITH DEFAULTS").pos
	list := p.parseSetClauses()
	p.closeParen(open, " after WITH DEFAULTS")
	return list
}

// parseColumnDefault parses a column's DEFAULT expression. As in Quereus
// it is a full expression, except that a following `NOT NULL` is left for
// the constraint list (`DEFAULT 0 NOT NULL`).
func (p *parser) parseColumnDefault() Expr {
	x := p.parseExpr()
	if n, ok := x.(*IsNull); ok && n == p.lastNotNull && p.prevEnd == p.lastNotNullEnd {
		// The expression ended in `NOT NULL`: give those two words back
		// to the constraint list by re-scanning from NOT.
		p.lx.off, p.nla = p.lastNotNullPos, 0
		p.next()
		x = n.X
	}
	return x
}

// parseDefaultValue parses a signed primary term: a literal, name,
// function call or parenthesized expression with optional sign (pragma
// values).
func (p *parser) parseDefaultValue() Expr {
	var op UnaryOp
	switch p.tok.kind {
	case tMinus:
		op = OpNeg
	case tPlus:
		op = OpPlus
	default:
		return p.parsePrimary()
	}
	pos := p.tok.pos
	p.next()
	p.enter()
	x := p.parseDefaultValue()
	p.leave()
	return &Unary{Loc: Loc{Pos(pos)}, Op: op, X: x}
}

// parseCheckOn parses Quereus `ON INSERT|UPDATE|DELETE {, ...}` after CHECK.
func (p *parser) parseCheckOn() []Operation {
	if !p.atKw(kwON) {
		return nil
	}
	p.next()
	var ops []Operation
	for {
		switch {
		case p.acceptKw(kwINSERT):
			ops = append(ops, OpInsert)
		case p.acceptKw(kwUPDATE):
			ops = append(ops, OpUpdate)
		case p.acceptKw(kwDELETE):
			ops = append(ops, OpDelete)
		default:
			p.failExpected("INSERT, UPDATE or DELETE after CHECK ON")
		}
		if !p.accept(tComma) {
			return ops
		}
	}
}

// parseOnConflict parses an optional `ON CONFLICT action`.
func (p *parser) parseOnConflict() ConflictAction {
	if !(p.atKw(kwON) && p.peek(1).is(kwCONFLICT)) {
		return ConflictDefault
	}
	p.next()
	p.next()
	return p.parseConflictAction()
}

// atTableConstraintStart reports whether a table constraint starts here.
func (p *parser) atTableConstraintStart() bool {
	switch {
	case p.atKw(kwCONSTRAINT), p.atKw(kwPRIMARY), p.atKw(kwUNIQUE), p.atKw(kwCHECK), p.atKw(kwFOREIGN):
		return true
	}
	return false
}

// parseTableConstraint parses `[CONSTRAINT name] PRIMARY KEY (...) | UNIQUE
// (...) | CHECK (...) | FOREIGN KEY (...) REFERENCES ...` and an optional
// WITH TAGS clause.
func (p *parser) parseTableConstraint() *TableConstraint {
	tc := &TableConstraint{Loc: Loc{Pos(p.tok.pos)}}
	if p.acceptKw(kwCONSTRAINT) {
		tc.Name = p.ident("constraint name")
	}
	switch {
	case p.acceptKw(kwPRIMARY):
		p.expectKw(kwKEY, "KEY after PRIMARY")
		tc.Kind = ConstrPrimaryKey
		tc.Columns = p.parseIndexedColumns()
		tc.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwUNIQUE):
		tc.Kind = ConstrUnique
		tc.Columns = p.parseIndexedColumns()
		tc.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwCHECK):
		tc.Kind = ConstrCheck
		tc.CheckOn = p.parseCheckOn()
		tc.Expr = p.parseParenthesized("CHECK")
		tc.OnConflict = p.parseOnConflict()
	case p.acceptKw(kwFOREIGN):
		p.expectKw(kwKEY, "KEY after FOREIGN")
		tc.Kind = ConstrForeignKey
		tc.FKColumns = p.identList("column name in FOREIGN KEY")
		if !p.atKw(kwREFERENCES) {
			p.failExpected("REFERENCES after FOREIGN KEY columns")
		}
		tc.FK = p.parseReferences()
	default:
		p.failExpected("PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY")
	}
	if p.atKw(kwWITH) && p.peek(1).is(kwTAGS) {
		tc.Tags = p.parseWithTags()
	}
	return tc
}

// parseReferences parses `REFERENCES table [(cols)] {ON DELETE|UPDATE
// action | MATCH name} [deferral]`.
func (p *parser) parseReferences() *ForeignKey {
	fk := &ForeignKey{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	fk.Table = p.objectName("table name after REFERENCES")
	if p.at(tLParen) {
		fk.Columns = p.identList("column name in REFERENCES")
	}
	for {
		switch {
		case p.atKw(kwON) && (p.peek(1).is(kwDELETE) || p.peek(1).is(kwUPDATE)):
			p.next()
			del := p.atKw(kwDELETE)
			p.next()
			a := p.parseFKAction()
			if del {
				fk.OnDelete = a
			} else {
				fk.OnUpdate = a
			}
			continue
		case p.atKw(kwMATCH):
			p.next()
			fk.Match = p.ident("name after MATCH")
			continue
		}
		break
	}
	fk.Deferral = p.parseDeferral()
	return fk
}

func (p *parser) parseFKAction() FKAction {
	switch {
	case p.acceptKw(kwSET):
		if p.acceptKw(kwNULL) {
			return FKSetNull
		}
		p.expectKw(kwDEFAULT, "NULL or DEFAULT after SET")
		return FKSetDefault
	case p.acceptKw(kwCASCADE):
		return FKCascade
	case p.acceptKw(kwRESTRICT):
		return FKRestrict
	case p.acceptKw(kwNO):
		p.expectKw(kwACTION, "ACTION after NO")
		return FKNoAction
	}
	p.failExpected("SET NULL, SET DEFAULT, CASCADE, RESTRICT or NO ACTION")
	return FKDefault
}

// parseDeferral parses `[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]`
// or a bare `INITIALLY ...`.
func (p *parser) parseDeferral() Deferral {
	not := false
	switch {
	case p.atKw(kwNOT) && p.peek(1).is(kwDEFERRABLE):
		p.next()
		p.next()
		not = true
	case p.acceptKw(kwDEFERRABLE):
	case p.atKw(kwINITIALLY):
		if p.parseInitially() {
			return DeferInitiallyDeferredOnly
		}
		return DeferInitiallyImmediateOnly
	default:
		return DeferNone
	}
	if !p.atKw(kwINITIALLY) {
		if not {
			return DeferNotDeferrable
		}
		return DeferDeferrable
	}
	deferred := p.parseInitially()
	switch {
	case not && deferred:
		return DeferNotDeferrableDeferred
	case not:
		return DeferNotDeferrableImmediate
	case deferred:
		return DeferDeferrableDeferred
	}
	return DeferDeferrableImmediate
}

// parseInitially parses `INITIALLY DEFERRED|IMMEDIATE`; true for DEFERRED.
func (p *parser) parseInitially() bool {
	p.next()
	if p.acceptKw(kwDEFERRED) {
		return true
	}
	p.expectKw(kwIMMEDIATE, "DEFERRED or IMMEDIATE after INITIALLY")
	return false
}

// parseIndexRest parses `ON table (cols) [WHERE ...] [WITH TAGS (...)]`.
func (p *parser) parseIndexRest(ci *CreateIndex) {
	p.expectKw(kwON, "ON after index name")
	ci.Table = p.ident("table name after ON")
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
