package parser

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
	return p.parsePrefixed(false, p.parsePrimary)
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
