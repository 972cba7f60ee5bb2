package parser

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
)

// printer renders ASTs as SQL text in lowercase-keyword style.
//
// It has two modes. Naming mode (ExprString) reproduces Quereus's
// expressionToString exactly, because the engine names result columns with
// it and the corpus pins those names; it may drop clauses Quereus drops
// (FILTER, ORDER BY inside an aggregate) and writes `--1`. Statement mode
// (StmtString) writes text that parses back to the same AST: it keeps every
// clause, parenthesizes a right operand of equal precedence, separates
// `- -1`, keeps explicit ASC, and quotes every identifier that is one of this
// parser's keywords.
type printer struct {
	b      strings.Builder
	naming bool
}

// ExprString renders e the way Quereus names an unaliased result column
// (conformance FORMAT.md §8): lowercase keywords and operators, single
// spaces around binary operators, parentheses only where precedence needs
// them, number literals as written, `->`/`->>` visible as their desugared
// json_extract calls.
func ExprString(e Expr) string {
	p := &printer{naming: true}
	p.expr(e)
	return p.b.String()
}

func (p *printer) str(s string) { p.b.WriteString(s) }

// Operator precedence as this parser binds it, loosest first. The ranks of
// the operators Quereus prints are in the same order as Quereus's table.
const (
	precOr      = 10
	precAnd     = 20
	precNot     = 22
	precIs      = 25
	precEq      = 30
	precCmp     = 40
	precBit     = 45
	precAdd     = 50
	precMul     = 60
	precUnary   = 65
	precConcat  = 70
	precCollate = 80
	precPrimary = 100
)

var binaryPrec = [...]int{
	OpConcat: precConcat, OpMul: precMul, OpDiv: precMul, OpMod: precMul,
	OpAdd: precAdd, OpSub: precAdd, OpShl: precBit, OpShr: precBit,
	OpBitAnd: precBit, OpBitOr: precBit, OpLt: precCmp, OpLe: precCmp,
	OpGt: precCmp, OpGe: precCmp, OpEq: precEq, OpEqEq: precEq, OpNe: precEq,
	OpIs: precIs, OpIsNot: precIs, OpIsDistinct: precIs, OpIsNotDistinct: precIs,
	OpAnd: precAnd, OpOr: precOr, OpXor: precOr,
}

var binaryText = [...]string{
	OpConcat: "||", OpMul: "*", OpDiv: "/", OpMod: "%", OpAdd: "+", OpSub: "-",
	OpShl: "<<", OpShr: ">>", OpBitAnd: "&", OpBitOr: "|", OpLt: "<", OpLe: "<=",
	OpGt: ">", OpGe: ">=", OpEq: "=", OpEqEq: "==", OpNe: "!=", OpIs: "is",
	OpIsNot: "is not", OpIsDistinct: "is distinct from",
	OpIsNotDistinct: "is not distinct from", OpAnd: "and", OpOr: "or", OpXor: "xor",
}

var likeText = [...]string{OpLike: "like", OpGlob: "glob", OpRegexp: "regexp", OpMatch: "match"}

// associative reports the operators Quereus prints without parentheses
// around a right operand of the same precedence.
func associative(op BinaryOp) bool {
	switch op {
	case OpAnd, OpOr, OpXor, OpAdd, OpMul, OpConcat:
		return true
	}
	return false
}

// precOf returns the binding strength of an expression's top operator.
func precOf(e Expr) int {
	switch e := e.(type) {
	case *Binary:
		if int(e.Op) < len(binaryPrec) {
			return binaryPrec[e.Op]
		}
	case *Unary:
		if e.Op == OpNot {
			return precNot
		}
		return precUnary
	case *IsNull, *IsBool:
		return precIs
	case *Like, *In, *Between:
		return precCmp
	case *Collate:
		return precCollate
	}
	return precPrimary
}

// binaryLike reports the nodes Quereus represents as binary expressions.
func binaryLike(e Expr) bool {
	switch e.(type) {
	case *Binary, *Like:
		return true
	}
	return false
}

// operand prints e, parenthesized when its precedence is below min.
func (p *printer) operand(e Expr, min int) {
	if precOf(e) < min {
		p.str("(")
		p.expr(e)
		p.str(")")
		return
	}
	p.expr(e)
}

// wrapped prints e in parentheses when cond holds.
func (p *printer) wrapped(e Expr, cond bool) {
	if cond {
		p.str("(")
		p.expr(e)
		p.str(")")
		return
	}
	p.expr(e)
}

func (p *printer) expr(e Expr) {
	switch e := e.(type) {
	case nil:
		p.str("null")
	case *Literal:
		p.literal(e)
	case *ColumnRef:
		if e.Schema != "" {
			p.ident(e.Schema)
			p.str(".")
		}
		if e.Table != "" || e.Schema != "" {
			p.ident(e.Table)
			p.str(".")
		}
		p.ident(e.Column)
	case *Param:
		switch {
		case e.Name != "":
			p.str(e.Name)
		case e.Index > 0:
			p.str("?" + strconv.Itoa(e.Index))
		default:
			p.str("?")
		}
	case *Unary:
		p.unary(e)
	case *Binary:
		p.binary(e)
	case *Like:
		p.operand(e.X, precCmp)
		if e.Not {
			p.str(" not")
		}
		p.str(" " + likeText[e.Op] + " ")
		p.operand(e.Pattern, precBit)
		if e.Escape != nil {
			p.str(" escape ")
			p.operand(e.Escape, precBit)
		}
	case *IsNull:
		p.wrapped(e.X, binaryLike(e.X) || precOf(e.X) < precIs)
		if e.Not {
			p.str(" is not null")
		} else {
			p.str(" is null")
		}
	case *IsBool:
		p.wrapped(e.X, binaryLike(e.X) || precOf(e.X) < precIs)
		p.str(" is ")
		if e.Not {
			p.str("not ")
		}
		if e.Value {
			p.str("true")
		} else {
			p.str("false")
		}
	case *Between:
		p.operand(e.X, precCmp)
		if e.Not {
			p.str(" not")
		}
		p.str(" between ")
		p.operand(e.Lo, precAdd)
		p.str(" and ")
		p.operand(e.Hi, precAdd)
	case *In:
		p.in(e)
	case *Exists:
		p.str("exists (")
		p.selectStmt(e.Select)
		p.str(")")
	case *Subquery:
		p.str("(")
		p.selectStmt(e.Select)
		p.str(")")
	case *Case:
		p.str("case")
		if e.Base != nil {
			p.str(" ")
			p.expr(e.Base)
		}
		for _, w := range e.Whens {
			p.str(" when ")
			p.expr(w.Cond)
			p.str(" then ")
			p.expr(w.Result)
		}
		if e.Else != nil {
			p.str(" else ")
			p.expr(e.Else)
		}
		p.str(" end")
	case *Cast:
		p.str("cast(")
		p.expr(e.X)
		p.str(" as ")
		p.typeName(e.Type)
		p.str(")")
	case *Collate:
		p.operand(e.X, precCollate)
		p.str(" collate ")
		p.collation(e.Name)
	case *FuncCall:
		p.funcCall(e)
	case *Tuple:
		p.str("(")
		p.exprList(e.Items)
		p.str(")")
	case *Paren:
		p.str("(")
		p.expr(e.X)
		p.str(")")
	default:
		p.str("[unknown expression]")
	}
}

func (p *printer) exprList(list []Expr) {
	for i, x := range list {
		if i > 0 {
			p.str(", ")
		}
		p.expr(x)
	}
}

func (p *printer) unary(e *Unary) {
	var op string
	switch e.Op {
	case OpNot:
		p.str("not ")
		p.wrapped(e.X, binaryLike(e.X) || precOf(e.X) < precNot)
		return
	case OpNeg:
		op = "-"
	case OpPlus:
		op = "+"
	default:
		op = "~"
	}
	p.str(op)
	paren := binaryLike(e.X) || precOf(e.X) < precUnary
	if !p.naming && !paren && e.Op == OpNeg {
		// `--` would start a comment: render a nested negative as `- -1`.
		inner := &printer{naming: p.naming}
		inner.expr(e.X)
		if s := inner.b.String(); strings.HasPrefix(s, "-") {
			p.str(" ")
		}
	}
	p.wrapped(e.X, paren)
}

func (p *printer) binary(e *Binary) {
	prec := 0
	if int(e.Op) < len(binaryPrec) {
		prec = binaryPrec[e.Op]
	}
	p.operand(e.L, prec)
	p.str(" ")
	if int(e.Op) < len(binaryText) {
		p.str(binaryText[e.Op])
	}
	p.str(" ")
	rp := precOf(e.R)
	p.wrapped(e.R, rp < prec || rp == prec && !(p.naming && associative(e.Op)) ||
		(e.Op == OpIs || e.Op == OpIsNot) && isNullOrBool(e.R))
}

// isNullOrBool reports a NULL / TRUE / FALSE literal, which after IS must
// stay parenthesized (`x is (null)`) to remain a general IS comparison.
func isNullOrBool(e Expr) bool {
	l, ok := e.(*Literal)
	return ok && (l.Kind == LitNull || l.Kind == LitBool)
}

func (p *printer) in(e *In) {
	p.operand(e.X, precCmp)
	if e.Not {
		p.str(" not")
	}
	p.str(" in ")
	switch {
	case e.Select != nil:
		p.str("(")
		p.selectStmt(e.Select)
		p.str(")")
	case e.Table != nil:
		p.objectName(*e.Table)
	default:
		p.str("(")
		p.exprList(e.List)
		p.str(")")
	}
}

func (p *printer) literal(l *Literal) {
	switch l.Kind {
	case LitNull:
		p.str("null")
	case LitBool:
		if l.Bool {
			p.str("true")
		} else {
			p.str("false")
		}
	case LitInteger:
		switch {
		case l.Raw != "":
			p.str(l.Raw)
		case l.Big != nil:
			p.str(l.Big.String())
		default:
			p.str(strconv.FormatInt(l.Int, 10))
		}
	case LitReal:
		if l.Raw != "" {
			p.str(l.Raw)
			return
		}
		p.str(formatReal(l.Real))
	case LitString:
		p.quoteString(l.Str)
	case LitBlob:
		p.str("x'" + hex.EncodeToString(l.Blob) + "'")
	}
}

// formatReal renders a synthesized real so that it lexes back as a real.
func formatReal(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "1e999"
	case math.IsInf(f, -1):
		return "-1e999"
	case math.IsNaN(f):
		return "null"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

func (p *printer) quoteString(s string) {
	p.str("'")
	p.str(strings.ReplaceAll(s, "'", "''"))
	p.str("'")
}

// typeName renders a type: lower-cased in naming mode (as Quereus does),
// as written in statement mode.
func (p *printer) typeName(t *TypeName) {
	if t == nil {
		return
	}
	switch {
	case p.naming:
		p.str(strings.ToLower(t.Name))
	case plainTypeName(t.Name):
		p.str(t.Name)
	default:
		p.quoteIdent(t.Name)
	}
	if len(t.Args) > 0 {
		p.str("(")
		p.exprList(t.Args)
		p.str(")")
	}
}

// plainTypeName reports whether a type name can be written as bare words:
// single-space separated words that each may continue a type name.
func plainTypeName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || strings.Join(words, " ") != name {
		return false
	}
	for _, w := range words {
		if !isBareIdent(w) || !isTypeWord(w) {
			return false
		}
	}
	return true
}

// isTypeWord reports whether a bare word can continue a type name.
func isTypeWord(w string) bool {
	switch kw := lookupKeyword(w); kw {
	case kwGENERATED, kwAUTOINCREMENT:
		return false
	default:
		return !reservedKeyword[kw]
	}
}

// collation renders a collation name (lower-cased in naming mode).
func (p *printer) collation(name string) {
	if p.naming {
		name = strings.ToLower(name)
	}
	p.ident(name)
}
