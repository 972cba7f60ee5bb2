package functions

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/functions/internal/corpusscan"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// TestCorpusFunctionCalls runs every corpus statement of the form
// "SELECT item [AS alias], ..." whose items are literals and (nested) calls
// of the functions registered in this package and CASTs — no tables or
// operators — and compares the values with the expected row, or the error with
// the expected error substring. Plan-time argument checks run first, with
// literal static types, as the planner does. Statements outside that subset
// are left to the engine's corpus runner.
func TestCorpusFunctionCalls(t *testing.T) {
	ran := 0
	corpusscan.Scan(t, 3, func(c corpusscan.Expectation) {
		block := strings.TrimSpace(c.Text)
		if strings.Count(block, ";") > 1 || (c.Err == "" && c.Rows == "") {
			return // setup statements need the engine
		}
		sql := strings.TrimSpace(strings.TrimSuffix(block, ";"))
		items, ok := parseSelectCalls(sql)
		if !ok {
			return
		}
		unknown := hasUnknownFunction(items)
		if unknown && !strings.Contains(strings.ToLower(c.Err), "not found") {
			return // another package's function (json_*, date, ...)
		}
		ran++
		where := fmt.Sprintf("%s:%d: %s", c.File, c.Line, sql)
		row, err := evalItems(items)
		if c.Err != "" {
			if assert.Error(t, err, where) {
				assert.Contains(t, strings.ToLower(err.Error()), strings.ToLower(c.Err), where)
			}
			return
		}
		if !assert.NoError(t, err, where) {
			return
		}
		want, err := expectedCells(c.Rows, len(row))
		if !assert.NoError(t, err, where) {
			return
		}
		got := make([]any, len(row))
		for k, v := range row {
			got[k] = jsonComparable(v)
		}
		assert.Equal(t, want, got, where)
	})
	t.Logf("ran %d corpus statements", ran)
	assert.Greater(t, ran, 440, "the corpus subset shrank unexpectedly")
}

// callExpr is a literal or a function call.
type callExpr struct {
	lit    value.Value
	fn     string
	args   []callExpr
	cast   bool // CAST(args[0] AS castTo)
	castTo types.Type
	op     string // operator node (see evalOp); args are its operands
	coll   string // explicit COLLATE on this expression
	// CASE: args are [base?] when1, then1, when2, then2, ... [else]
	hasBase, hasElse bool
}

func hasUnknownFunction(items []callExpr) bool {
	for _, e := range items {
		if e.fn != "" && !Default.Exists(e.fn) || hasUnknownFunction(e.args) {
			return true
		}
	}
	return false
}

// staticType returns the plan-time type of e, checking argument types.
func staticType(e callExpr) (types.Type, error) {
	if e.op != "" {
		ts := make([]types.Type, len(e.args))
		for k, a := range e.args {
			t, err := staticType(a)
			if err != nil {
				return types.Any, err
			}
			ts[k] = t
		}
		switch e.op {
		case "||":
			return types.Text, nil
		case "case":
			return types.Any, nil
		case "+", "-", "*", "/", "%", "&", "|", "<<", ">>", "neg", "pos", "~":
			if len(ts) == 2 && ts[0] == types.Integer && ts[1] == types.Integer {
				return types.Integer, nil
			}
			return types.Numeric, nil
		}
		return types.Boolean, nil
	}
	if e.cast {
		if _, err := staticType(e.args[0]); err != nil {
			return types.Any, err
		}
		return e.castTo, nil
	}
	if e.fn == "" {
		return types.StaticType(e.lit), nil
	}
	argTypes := make([]types.Type, len(e.args))
	for k, a := range e.args {
		t, err := staticType(a)
		if err != nil {
			return types.Any, err
		}
		argTypes[k] = t
	}
	d, err := Lookup(e.fn, len(e.args))
	if err != nil {
		return types.Any, err
	}
	if err := d.CheckArgTypes(argTypes); err != nil {
		return types.Any, err
	}
	return d.ResultType(argTypes), nil
}

func evalItems(items []callExpr) ([]value.Value, error) {
	for _, e := range items {
		if _, err := staticType(e); err != nil {
			return nil, err
		}
	}
	out := make([]value.Value, len(items))
	for k, e := range items {
		v, err := evalCall(e)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

func evalCall(e callExpr) (value.Value, error) {
	if e.op != "" {
		return evalOp(e)
	}
	if e.cast {
		v, err := evalCall(e.args[0])
		if err != nil {
			return v, err
		}
		return types.Cast(v, e.castTo), nil
	}
	if e.fn == "" {
		return e.lit, nil
	}
	args := make([]value.Value, len(e.args))
	for k, a := range e.args {
		v, err := evalCall(a)
		if err != nil {
			return value.Null(), err
		}
		args[k] = v
	}
	d, err := Lookup(e.fn, len(args))
	if err != nil {
		return value.Null(), err
	}
	if d.IsAggregate() {
		return value.Null(), fmt.Errorf("aggregate in a scalar position")
	}
	return d.Call(nil, args)
}

// jsonComparable maps a result to what encoding/json gives for the
// expected cell: numbers as float64, text as string, booleans, nil.
func jsonComparable(v value.Value) any {
	switch v.Kind() {
	case value.KindNull:
		return nil
	case value.KindInteger, value.KindBigInt, value.KindReal:
		f, _ := strconv.ParseFloat(types.ToText(v), 64)
		return f
	case value.KindBoolean:
		return v.Bool()
	case value.KindText:
		return v.Text()
	}
	return fmt.Sprintf("<%s %s>", v.Kind(), v.String())
}

// expectedCells decodes a one-row expectation into n cells, positionally:
// an object's values in key order, or a bare single value.
func expectedCells(rows string, n int) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(rows))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("expected a JSON array: %s", rows)
	}
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("more than one row: %s", rows)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, err
		}
		return []any{v}, nil
	}
	od := json.NewDecoder(bytes.NewReader(raw))
	if _, err := od.Token(); err != nil {
		return nil, err
	}
	var cells []any
	for od.More() {
		if _, err := od.Token(); err != nil { // key
			return nil, err
		}
		var v any
		if err := od.Decode(&v); err != nil {
			return nil, err
		}
		cells = append(cells, v)
	}
	if len(cells) != n {
		return nil, fmt.Errorf("expected %d cells, got %d in %s", n, len(cells), rows)
	}
	return cells, nil
}

// evalOp evaluates an operator node with the types package, applying the
// planner's comparison coercion from the operands' static types.
func evalOp(e callExpr) (value.Value, error) {
	vals := make([]value.Value, len(e.args))
	for k, a := range e.args {
		v, err := evalCall(a)
		if err != nil {
			return v, err
		}
		vals[k] = v
	}
	var collErr error
	cmp := func(a, b callExpr, va, vb value.Value, fn func(x, y value.Value, c *collation.Collation) value.Value) value.Value {
		ta, _ := staticType(a)
		tb, _ := staticType(b)
		ca, cb := types.ComparisonCoercion(ta, tb)
		name := a.coll
		if name == "" {
			name = b.coll
		} else if b.coll != "" && !strings.EqualFold(a.coll, b.coll) {
			collErr = fmt.Errorf("conflicting COLLATE clauses in comparison")
		}
		var c *collation.Collation
		if name != "" {
			var err error
			if c, err = collation.Lookup(name); err != nil {
				collErr = err
			}
		}
		return fn(ca.Apply(va), cb.Apply(vb), c)
	}
	withColl := func(fn func(a, b value.Value, c *collation.Collation) value.Value) func(x, y value.Value, c *collation.Collation) value.Value {
		return fn
	}
	binary := map[string]func(a, b value.Value) value.Value{
		"+": types.Add, "-": types.Sub, "*": types.Mul, "/": types.Div, "%": types.Mod,
		"&": types.BitAnd, "|": types.BitOr, "<<": types.Shl, ">>": types.Shr, "||": types.Concat,
		"and": types.And, "or": types.Or, "xor": types.Xor,
	}
	compare := map[string]func(a, b value.Value, c *collation.Collation) value.Value{
		"=": withColl(types.Equal), "==": withColl(types.Equal), "!=": withColl(types.NotEqual),
		"<>": withColl(types.NotEqual), "<": withColl(types.Less), "<=": withColl(types.LessEqual),
		">": withColl(types.Greater), ">=": withColl(types.GreaterEqual),
	}
	if fn, ok := binary[e.op]; ok {
		return fn(vals[0], vals[1]), nil
	}
	if fn, ok := compare[e.op]; ok {
		v := cmp(e.args[0], e.args[1], vals[0], vals[1], fn)
		return v, collErr
	}
	switch e.op {
	case "neg":
		return types.Neg(vals[0]), nil
	case "pos":
		return types.Plus(vals[0]), nil
	case "~":
		return types.BitNot(vals[0]), nil
	case "not":
		return types.Not(vals[0]), nil
	case "isnull":
		return value.Bool(vals[0].IsNull()), nil
	case "isnotnull":
		return value.Bool(!vals[0].IsNull()), nil
	case "istrue":
		return value.Bool(types.IsTrue(vals[0])), nil
	case "isnottrue":
		return value.Bool(!types.IsTrue(vals[0])), nil
	case "isfalse":
		return value.Bool(types.IsFalse(vals[0])), nil
	case "isnotfalse":
		return value.Bool(!types.IsFalse(vals[0])), nil
	case "like", "glob":
		if vals[0].IsNull() || vals[1].IsNull() {
			return value.Null(), nil
		}
		var p *types.Pattern
		var err error
		if e.op == "like" {
			p, err = types.CachedLike(types.ToText(vals[1]), "")
		} else {
			p, err = types.CachedGlob(types.ToText(vals[1]))
		}
		if err != nil {
			return value.Null(), err
		}
		return value.Bool(p.Match(types.ToText(vals[0]))), nil
	case "between":
		lo := cmp(e.args[0], e.args[1], vals[0], vals[1], withColl(types.GreaterEqual))
		hi := cmp(e.args[0], e.args[2], vals[0], vals[2], withColl(types.LessEqual))
		return types.And(lo, hi), collErr
	case "in":
		// x IN (a, b, ...) is the disjunction of the pairwise = comparisons.
		out := value.Bool(false)
		for k := 1; k < len(vals); k++ {
			out = types.Or(out, cmp(e.args[0], e.args[k], vals[0], vals[k], types.Equal))
		}
		return out, collErr
	case "case":
		return evalCase(e, vals, cmp)
	}
	return value.Null(), fmt.Errorf("unknown operator %s", e.op)
}

// evalCase evaluates a CASE node from its evaluated parts.
func evalCase(e callExpr, vals []value.Value,
	cmp func(a, b callExpr, va, vb value.Value, fn func(x, y value.Value, c *collation.Collation) value.Value) value.Value,
) (value.Value, error) {
	k := 0
	if e.hasBase {
		k = 1
	}
	end := len(vals)
	if e.hasElse {
		end--
	}
	for ; k+1 < end; k += 2 {
		var hit bool
		if e.hasBase {
			hit = types.IsTrue(cmp(e.args[0], e.args[k], vals[0], vals[k], types.Equal))
		} else {
			hit = types.IsTrue(vals[k])
		}
		if hit {
			return vals[k+1], nil
		}
	}
	if e.hasElse {
		return vals[len(vals)-1], nil
	}
	return value.Null(), nil
}

// ---- a tiny parser for "SELECT expr [AS alias], ..." ----
//
// Expressions: literals, function calls, CAST(x AS type), CASE, unary - + ~
// NOT, binary || * / % + - << >> & | < <= > >= = == != <> AND XOR OR,
// IS [NOT] NULL/TRUE/FALSE, [NOT] LIKE/GLOB, [NOT] BETWEEN, [NOT] IN (list),
// postfix COLLATE. Anything else (columns, subqueries) makes the statement
// unsupported.

type callParser struct {
	toks []string
	pos  int
}

func (p *callParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *callParser) peekIs(words ...string) bool {
	for k, w := range words {
		if p.pos+k >= len(p.toks) || !strings.EqualFold(p.toks[p.pos+k], w) {
			return false
		}
	}
	return true
}

func (p *callParser) next() string {
	t := p.peek()
	p.pos++
	return t
}

func parseSelectCalls(sql string) ([]callExpr, bool) {
	toks, ok := tokenizeSQL(sql)
	if !ok || len(toks) < 2 || !strings.EqualFold(toks[0], "select") {
		return nil, false
	}
	p := &callParser{toks: toks, pos: 1}
	var items []callExpr
	for {
		e, ok := p.expr(0)
		if !ok {
			return nil, false
		}
		items = append(items, e)
		if strings.EqualFold(p.peek(), "as") {
			p.next()
			if !isIdent(p.next()) {
				return nil, false
			}
		}
		switch p.next() {
		case ",":
			continue
		case "":
			return items, true
		default:
			return nil, false
		}
	}
}

// binaryLevels lists binary operators by increasing precedence.
var binaryLevels = [][]string{
	{"or"}, {"xor"}, {"and"}, {"not"}, {"=", "==", "!=", "<>", "is", "like", "glob", "between", "in"},
	{"<", "<=", ">", ">="}, {"&", "|", "<<", ">>"}, {"+", "-"}, {"*", "/", "%"}, {"||"},
}

const notLevel = 3

func levelOf(tok string) int {
	for l, ops := range binaryLevels {
		for _, o := range ops {
			if strings.EqualFold(tok, o) {
				return l
			}
		}
	}
	return -1
}

// expr parses operators of precedence level >= min.
func (p *callParser) expr(min int) (callExpr, bool) {
	var left callExpr
	var ok bool
	if min <= notLevel && strings.EqualFold(p.peek(), "not") {
		p.next()
		operand, ok := p.expr(notLevel)
		if !ok {
			return callExpr{}, false
		}
		left = callExpr{op: "not", args: []callExpr{operand}}
	} else if left, ok = p.unary(); !ok {
		return callExpr{}, false
	}
	for {
		tok := strings.ToLower(p.peek())
		negate := false
		if tok == "not" && (p.peekIs("not", "like") || p.peekIs("not", "glob") || p.peekIs("not", "between") || p.peekIs("not", "in")) {
			negate = true
			tok = strings.ToLower(p.toks[p.pos+1])
		}
		l := levelOf(tok)
		if l < min || l < 0 || tok == "not" {
			return left, true
		}
		if negate {
			p.next()
		}
		p.next()
		var node callExpr
		switch tok {
		case "is":
			op := "is"
			if strings.EqualFold(p.peek(), "not") {
				p.next()
				op += "not"
			}
			word := strings.ToLower(p.next())
			if word != "null" && word != "true" && word != "false" {
				return callExpr{}, false
			}
			node = callExpr{op: op + word, args: []callExpr{left}}
		case "in":
			if p.next() != "(" {
				return callExpr{}, false
			}
			node = callExpr{op: "in", args: []callExpr{left}}
			for {
				m, ok := p.expr(0)
				if !ok {
					return callExpr{}, false
				}
				node.args = append(node.args, m)
				sep := p.next()
				if sep == ")" {
					break
				}
				if sep != "," {
					return callExpr{}, false
				}
			}
		case "between":
			lo, ok := p.expr(l + 1)
			if !ok || !strings.EqualFold(p.next(), "and") {
				return callExpr{}, false
			}
			hi, ok := p.expr(l + 1)
			if !ok {
				return callExpr{}, false
			}
			node = callExpr{op: "between", args: []callExpr{left, lo, hi}}
		default:
			right, ok := p.expr(l + 1)
			if !ok {
				return callExpr{}, false
			}
			node = callExpr{op: tok, args: []callExpr{left, right}}
		}
		if negate {
			node = callExpr{op: "not", args: []callExpr{node}}
		}
		left = node
	}
}

func (p *callParser) unary() (callExpr, bool) {
	switch p.peek() {
	case "-", "+", "~":
		op := map[string]string{"-": "neg", "+": "pos", "~": "~"}[p.next()]
		operand, ok := p.unary()
		if !ok {
			return callExpr{}, false
		}
		return callExpr{op: op, args: []callExpr{operand}}, true
	}
	e, ok := p.primary()
	for ok && strings.EqualFold(p.peek(), "collate") {
		p.next()
		name := p.next()
		if !isIdent(name) {
			return callExpr{}, false
		}
		e.coll = name
	}
	return e, ok
}

func (p *callParser) primary() (callExpr, bool) {
	t := p.next()
	lower := strings.ToLower(t)
	switch {
	case t == "":
		return callExpr{}, false
	case t == "(":
		e, ok := p.expr(0)
		if !ok || p.next() != ")" {
			return callExpr{}, false
		}
		return e, true
	case lower == "null":
		return callExpr{lit: value.Null()}, true
	case lower == "true" || lower == "false":
		return callExpr{lit: value.Bool(lower == "true")}, true
	case t[0] == '\'':
		return callExpr{lit: value.Text(strings.ReplaceAll(t[1:len(t)-1], "''", "'"))}, true
	case (t[0] == 'x' || t[0] == 'X') && len(t) > 1 && t[1] == '\'':
		b, err := hex.DecodeString(t[2 : len(t)-1])
		if err != nil {
			return callExpr{}, false
		}
		return callExpr{lit: value.Blob(b)}, true
	case t[0] >= '0' && t[0] <= '9' || t[0] == '.':
		return numberLit(t)
	case lower == "case":
		e := callExpr{op: "case"}
		if !strings.EqualFold(p.peek(), "when") {
			base, ok := p.expr(0)
			if !ok {
				return callExpr{}, false
			}
			e.hasBase = true
			e.args = append(e.args, base)
		}
		for strings.EqualFold(p.peek(), "when") {
			p.next()
			w, ok := p.expr(0)
			if !ok || !strings.EqualFold(p.next(), "then") {
				return callExpr{}, false
			}
			th, ok := p.expr(0)
			if !ok {
				return callExpr{}, false
			}
			e.args = append(e.args, w, th)
		}
		if strings.EqualFold(p.peek(), "else") {
			p.next()
			el, ok := p.expr(0)
			if !ok {
				return callExpr{}, false
			}
			e.hasElse = true
			e.args = append(e.args, el)
		}
		if !strings.EqualFold(p.next(), "end") {
			return callExpr{}, false
		}
		return e, true
	case lower == "cast" && p.peek() == "(":
		p.next()
		a, ok := p.expr(0)
		if !ok || !strings.EqualFold(p.next(), "as") {
			return callExpr{}, false
		}
		var name []string
		for p.peek() != ")" && p.peek() != "" {
			name = append(name, p.next())
		}
		p.next()
		t, err := types.FromDeclared(strings.Join(name, " "))
		if err != nil {
			return callExpr{}, false
		}
		return callExpr{cast: true, castTo: t, args: []callExpr{a}}, true
	case isIdent(t) && p.peek() == "(" && levelOf(lower) < 0:
		p.next()
		e := callExpr{fn: lower}
		if p.peek() == ")" {
			p.next()
			return e, true
		}
		for {
			a, ok := p.expr(0)
			if !ok {
				return callExpr{}, false
			}
			e.args = append(e.args, a)
			switch p.next() {
			case ",":
			case ")":
				return e, true
			default:
				return callExpr{}, false
			}
		}
	}
	return callExpr{}, false
}

func numberLit(s string) (callExpr, bool) {
	if !strings.ContainsAny(s, ".eE") {
		if b, ok := new(big.Int).SetString(s, 10); ok {
			return callExpr{lit: value.BigInt(b)}, true
		}
		return callExpr{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return callExpr{}, false
	}
	return callExpr{lit: value.Float(f)}, true
}

func isIdent(t string) bool {
	if t == "" {
		return false
	}
	for k, r := range t {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || k > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// tokenizeSQL splits into identifiers, numbers, 'strings', x'blobs' and
// operators; ok is false on anything unusual.
func tokenizeSQL(s string) ([]string, bool) {
	var toks []string
	for k := 0; k < len(s); {
		c := s[k]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			k++
		case c == '-' && k+1 < len(s) && s[k+1] == '-':
			for k < len(s) && s[k] != '\n' {
				k++
			}
		case c == '\'' || (c == 'x' || c == 'X') && k+1 < len(s) && s[k+1] == '\'':
			start := k
			if c != '\'' {
				k++
			}
			k++
			for {
				if k >= len(s) {
					return nil, false
				}
				if s[k] == '\'' {
					if k+1 < len(s) && s[k+1] == '\'' {
						k += 2
						continue
					}
					k++
					break
				}
				k++
			}
			toks = append(toks, s[start:k])
		case c >= '0' && c <= '9' || c == '.' && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9':
			start := k
			for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '.' || s[k] == 'e' || s[k] == 'E' ||
				(s[k] == '-' || s[k] == '+') && (s[k-1] == 'e' || s[k-1] == 'E')) {
				k++
			}
			toks = append(toks, s[start:k])
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			start := k
			for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
				k++
			}
			toks = append(toks, s[start:k])
		default:
			two := ""
			if k+1 < len(s) {
				two = s[k : k+2]
			}
			switch two {
			case "||", "<=", ">=", "<>", "!=", "==", "<<", ">>":
				toks = append(toks, two)
				k += 2
				continue
			}
			if !strings.ContainsRune("(),-+*/%&|<>=~", rune(c)) {
				return nil, false
			}
			toks = append(toks, string(c))
			k++
		}
	}
	return toks, true
}
