package parser

import "strings"

// parseFrom parses a FROM clause: table expressions joined by commas and
// JOIN operators, left-associatively.
func (p *parser) parseFrom() TableExpr {
	defer p.restoreDepth(p.depth)
	l := p.parseTableOperand()
	for {
		p.enter()
		loc := Loc{l.Pos()}
		if p.at(tComma) {
			p.next()
			j := &Join{Loc: loc, Kind: JoinComma, Left: l, Lateral: p.atKw(kwLATERAL)}
			j.Right = p.parseTableOperand()
			l = j
			continue
		}
		j := &Join{Loc: loc, Left: l}
		if !p.parseJoinOperator(j) {
			return l
		}
		if p.atKw(kwLATERAL) {
			j.Lateral = true
		}
		j.Right = p.parseTableOperand()
		if p.acceptKw(kwON) {
			j.On = p.parseExpr()
		} else if p.atKw(kwUSING) {
			p.next()
			j.Using = p.identList("column name in USING")
		}
		j.Existence = p.parseExistenceFlags()
		l = j
	}
}

// parseJoinOperator parses `[NATURAL] [LEFT|RIGHT|FULL [OUTER] | INNER |
// CROSS] JOIN` into j; it reports false (consuming nothing) when the current
// token does not start a join.
func (p *parser) parseJoinOperator(j *Join) bool {
	if !p.at(tIdent) {
		return false
	}
	switch p.tok.kw {
	case kwJOIN, kwNATURAL, kwLEFT, kwRIGHT, kwFULL, kwINNER, kwCROSS:
	default:
		return false
	}
	j.Natural = p.acceptKw(kwNATURAL)
	switch {
	case p.acceptKw(kwLEFT):
		j.Kind = JoinLeft
	case p.acceptKw(kwRIGHT):
		j.Kind = JoinRight
	case p.acceptKw(kwFULL):
		j.Kind = JoinFull
	case p.acceptKw(kwINNER):
		j.Kind, j.Inner = JoinInner, true
	case p.acceptKw(kwCROSS):
		j.Kind = JoinCross
	}
	if j.Kind == JoinLeft || j.Kind == JoinRight || j.Kind == JoinFull {
		j.Outer = p.acceptKw(kwOUTER)
	}
	p.expectKw(kwJOIN, "JOIN")
	return true
}

// parseExistenceFlags parses Quereus `EXISTS LEFT|RIGHT AS name {, ...}`.
func (p *parser) parseExistenceFlags() []*ExistenceFlag {
	var flags []*ExistenceFlag
	for p.atKw(kwEXISTS) {
		f := &ExistenceFlag{Loc: Loc{Pos(p.tok.pos)}}
		p.next()
		switch {
		case p.acceptKw(kwLEFT):
			f.Side = "left"
		case p.acceptKw(kwRIGHT):
			f.Side = "right"
		default:
			p.failExpected("LEFT or RIGHT after EXISTS in a join")
		}
		p.expectKw(kwAS, "AS after EXISTS LEFT|RIGHT")
		f.Name = p.ident("existence column name")
		flags = append(flags, f)
		if !(p.at(tComma) && p.peek(1).is(kwEXISTS)) {
			break
		}
		p.next()
	}
	return flags
}

// parseTableOperand parses one FROM item: a table or view, a table-valued
// function call, a subquery or a parenthesized join.
func (p *parser) parseTableOperand() TableExpr {
	loc := Loc{Pos(p.tok.pos)}
	lateral := p.acceptKw(kwLATERAL)
	if p.at(tLParen) {
		open := p.tok.pos
		p.next()
		p.enter()
		defer p.leave()
		switch {
		case p.atQueryStart():
			st := &SubqueryTable{Loc: loc, Lateral: lateral}
			switch q := p.parseQueryOrDML().(type) {
			case *Select:
				st.Select = q
			default:
				st.DML = q
			}
			p.closeParen(open, " after subquery")
			p.parseTableAlias(&st.Alias, &st.Columns)
			return st
		case p.atDMLStart():
			st := &SubqueryTable{Loc: loc, Lateral: lateral, DML: p.parseQueryOrDML()}
			p.closeParen(open, " after subquery")
			p.parseTableAlias(&st.Alias, &st.Columns)
			return st
		case lateral:
			p.failExpected("subquery after LATERAL")
		}
		inner := p.parseFrom()
		p.closeParen(open, " after join")
		return &ParenTable{Loc: loc, Inner: inner}
	}
	var parts [3]string
	n := 0
	for {
		parts[n] = p.ident("table name")
		n++
		if n == 3 || !p.at(tDot) {
			break
		}
		p.next()
	}
	if p.at(tLParen) && n <= 2 {
		ft := &FuncTable{Loc: loc, Name: parts[n-1]}
		if n == 2 {
			ft.Schema = parts[0]
		}
		open := p.tok.pos
		p.next()
		if !p.at(tRParen) {
			ft.Args = p.parseExprList()
		}
		p.closeParen(open, " after table function arguments")
		p.parseTableAlias(&ft.Alias, &ft.Columns)
		return ft
	}
	tr := &TableRef{Loc: loc}
	switch {
	case n == 3:
		if !strings.EqualFold(parts[0], "committed") {
			p.failSpan(int(loc.Off), p.tok.pos, "Expected [committed.][schema.]table name")
		}
		tr.Committed, tr.Schema, tr.Name = true, parts[1], parts[2]
	case n == 2 && strings.EqualFold(parts[0], "committed"):
		tr.Committed, tr.Name = true, parts[1]
	case n == 2:
		tr.Schema, tr.Name = parts[0], parts[1]
	default:
		tr.Name = parts[0]
	}
	p.parseTableAlias(&tr.Alias, nil)
	return tr
}

// parseTableAlias parses `[AS] alias [(col, ...)]`; cols may be nil when
// a column list is not allowed.
func (p *parser) parseTableAlias(alias *string, cols *[]string) {
	*alias = p.parseAlias()
	if *alias != "" && cols != nil && p.at(tLParen) {
		*cols = p.identList("column name in alias column list")
	}
}
