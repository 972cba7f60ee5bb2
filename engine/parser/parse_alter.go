package parser

// parseAlter parses ALTER TABLE | VIEW | MATERIALIZED VIEW name action.
func (p *parser) parseAlter() *AlterTable {
	at := &AlterTable{Loc: Loc{Pos(p.tok.pos)}}
	p.next()
	switch {
	case p.acceptKw(kwTABLE):
		at.Kind = ObjTable
	case p.acceptKw(kwVIEW):
		at.Kind = ObjView
	case p.atKw(kwMATERIALIZED):
		p.next()
		p.expectKw(kwVIEW, "VIEW after MATERIALIZED")
		at.Kind = ObjMaterializedView
	case p.acceptKw(kwINDEX):
		at.Kind = ObjIndex
		at.Name = p.objectName("index name")
		op, tags, names, ok := p.parseTagsOp()
		if !ok {
			p.failExpected("SET, ADD or DROP TAGS after ALTER INDEX name")
		}
		at.Action = &AlterTags{Loc: at.Loc, Op: op, Tags: tags, Names: names}
		return at
	default:
		p.failExpected("TABLE, VIEW, MATERIALIZED VIEW or INDEX after ALTER")
	}
	at.Name = p.objectName("table name")
	at.Action = p.parseAlterAction()
	return at
}

func (p *parser) parseAlterAction() AlterAction {
	loc := Loc{Pos(p.tok.pos)}
	switch {
	case p.acceptKw(kwRENAME):
		return p.parseAlterRename(loc)
	case p.acceptKw(kwADD):
		return p.parseAlterAdd(loc)
	case p.acceptKw(kwDROP):
		return p.parseAlterDrop(loc)
	case p.acceptKw(kwALTER):
		return p.parseAlterAlter(loc)
	case p.acceptKw(kwSET):
		if p.atKw(kwTAGS) {
			p.next()
			return &AlterTags{Loc: loc, Op: TagsSet, Tags: p.parseTagList()}
		}
		p.expectKw(kwMAINTAINED, "TAGS or MAINTAINED after SET")
		sm := &SetMaintained{Loc: loc}
		if p.at(tLParen) {
			sm.Columns = p.identList("column name")
		}
		p.expectKw(kwAS, "AS after SET MAINTAINED")
		sm.Query = p.parseQueryOrDML()
		return sm
	}
	p.failExpected("RENAME, ADD, DROP, ALTER or SET after ALTER TABLE name")
	return nil
}

func (p *parser) parseAlterRename(loc Loc) AlterAction {
	switch {
	case p.acceptKw(kwTO):
		return &RenameTable{Loc: loc, NewName: p.ident("new table name")}
	case p.acceptKw(kwCONSTRAINT):
		rc := &RenameConstraint{Loc: loc, Old: p.ident("constraint name")}
		p.expectKw(kwTO, "TO after constraint name")
		rc.New = p.ident("new constraint name")
		return rc
	}
	p.acceptKw(kwCOLUMN)
	rc := &RenameColumn{Loc: loc, Old: p.ident("column name")}
	p.expectKw(kwTO, "TO after column name")
	rc.New = p.ident("new column name")
	return rc
}

// atTagsList reports whether the current token is TAGS followed by '('.
func (p *parser) atTagsList() bool {
	return p.atKw(kwTAGS) && p.peek(1).kind == tLParen
}

func (p *parser) parseAlterAdd(loc Loc) AlterAction {
	switch {
	case p.atTagsList():
		p.next()
		return &AlterTags{Loc: loc, Op: TagsAdd, Tags: p.parseTagList()}
	case p.atTableConstraintStart():
		return &AddConstraint{Loc: loc, Constraint: p.parseTableConstraint()}
	}
	p.acceptKw(kwCOLUMN)
	return &AddColumn{Loc: loc, Column: p.parseColumnDef()}
}

// parseDropTagNames parses `( name {, name} )`, possibly empty.
func (p *parser) parseDropTagNames() []string {
	open := p.expect(tLParen, "'(' before tag names").pos
	names := []string{}
	for !p.at(tRParen) {
		names = append(names, p.identOrString("tag name"))
		if !p.accept(tComma) {
			break
		}
	}
	p.closeParen(open, " after tag names")
	return names
}

func (p *parser) parseAlterDrop(loc Loc) AlterAction {
	switch {
	case p.atTagsList():
		p.next()
		return &AlterTags{Loc: loc, Op: TagsDrop, Names: p.parseDropTagNames()}
	case p.acceptKw(kwCONSTRAINT):
		return &DropConstraint{Loc: loc, Name: p.ident("constraint name")}
	case p.atKw(kwMAINTAINED) && p.peek(1).kind != tIdent && p.peek(1).kind != tQuotedIdent:
		p.next()
		return &DropMaintained{Loc: loc}
	}
	p.acceptKw(kwCOLUMN)
	return &DropColumn{Loc: loc, Name: p.ident("column name")}
}

// parseTagsOp parses SET TAGS (...), ADD TAGS (...) or DROP TAGS (...)
// into its op, tags and names; ok is false when none is present.
func (p *parser) parseTagsOp() (op TagsOp, tags []*Tag, names []string, ok bool) {
	switch {
	case p.atKw(kwSET) && p.peek(1).is(kwTAGS):
		op = TagsSet
	case p.atKw(kwADD) && p.peek(1).is(kwTAGS):
		op = TagsAdd
	case p.atKw(kwDROP) && p.peek(1).is(kwTAGS):
		op = TagsDrop
	default:
		return 0, nil, nil, false
	}
	p.next()
	p.next()
	if op == TagsDrop {
		return op, nil, p.parseDropTagNames(), true
	}
	return op, p.parseTagList(), nil, true
}

func (p *parser) parseAlterAlter(loc Loc) AlterAction {
	switch {
	case p.atKw(kwPRIMARY):
		p.next()
		p.expectKw(kwKEY, "KEY after PRIMARY")
		return &AlterPrimaryKey{Loc: loc, Columns: p.parseIndexedColumns()}
	case p.acceptKw(kwCONSTRAINT):
		name := p.ident("constraint name")
		op, tags, names, ok := p.parseTagsOp()
		if !ok {
			p.failExpected("SET, ADD or DROP TAGS after ALTER CONSTRAINT name")
		}
		return &AlterTags{Loc: loc, Constraint: name, Op: op, Tags: tags, Names: names}
	}
	p.acceptKw(kwCOLUMN)
	ac := &AlterColumn{Loc: loc, Column: p.ident("column name")}
	if op, tags, names, ok := p.parseTagsOp(); ok {
		return &AlterColumnTags{Loc: loc, Column: ac.Column, Op: op, Tags: tags, Names: names}
	}
	switch {
	case p.acceptKw(kwSET):
		switch {
		case p.acceptKw(kwNOT):
			p.expectKw(kwNULL, "NULL after SET NOT")
			ac.Op = AlterSetNotNull
		case p.acceptKw(kwDEFAULT):
			ac.Op = AlterSetDefault
			ac.Default = p.parseExpr()
		case p.acceptKw(kwDATA):
			p.expectKw(kwTYPE, "TYPE after SET DATA")
			ac.Op = AlterSetDataType
			ac.Type = p.expectTypeName()
		case p.acceptKw(kwCOLLATE):
			ac.Op = AlterSetCollate
			ac.Collation = p.ident("collation name")
		default:
			p.failExpected("NOT NULL, DEFAULT, DATA TYPE or COLLATE after SET")
		}
	case p.acceptKw(kwDROP):
		if p.acceptKw(kwDEFAULT) {
			ac.Op = AlterDropDefault
		} else {
			p.expectKw(kwNOT, "NOT NULL or DEFAULT after DROP")
			p.expectKw(kwNULL, "NULL after DROP NOT")
			ac.Op = AlterDropNotNull
		}
	case p.acceptKw(kwTYPE):
		ac.Op = AlterSetDataType
		ac.Type = p.expectTypeName()
	default:
		p.failExpected("SET, DROP or TYPE after ALTER COLUMN name")
	}
	return ac
}

// expectTypeName parses a required type name.
func (p *parser) expectTypeName() *TypeName {
	tn := p.parseTypeName(false)
	if tn == nil {
		p.failExpected("type name")
	}
	return tn
}
