package jsonfn_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/functions/internal/corpusscan"
	"github.com/quereus/quereus/engine/functions/jsonfn"
	"github.com/quereus/quereus/engine/functions/timefn"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
)

// TestCorpusFunctionCalls runs every corpus statement of the form
// "SELECT call [AS alias], ..." whose expressions are literals and nested
// calls of this package's and timefn's functions only (no tables, no
// operators), and compares with the expected rows or error. Statements
// outside that subset are left to the engine's corpus runner.
func TestCorpusFunctionCalls(t *testing.T) {
	mine := map[string]bool{}
	for _, d := range append(jsonfn.Defs(), timefn.Defs()...) {
		mine[strings.ToLower(d.Name)] = true
	}
	ran := 0
	corpusscan.Scan(t, 4, func(c corpusscan.Expectation) {
		stmts := strings.Split(strings.TrimSpace(stripLineComments(c.Text)), ";\n")
		sql := strings.TrimSuffix(strings.TrimSpace(stmts[len(stmts)-1]), ";")
		if len(stmts) > 1 {
			return // setup statements need the engine
		}
		exprs, alias, ok := parseSelect(sql, mine)
		if !ok {
			return
		}
		where := fmt.Sprintf("%s:%d: %s", c.File, c.Line, sql)
		row, err := evalRow(exprs)
		if err == errSkip {
			return
		}
		ran++
		if c.Err != "" {
			if assert.Error(t, err, where) {
				assert.Contains(t, strings.ToLower(err.Error()), strings.ToLower(c.Err), where)
			}
			return
		}
		if !assert.NoError(t, err, where) {
			return
		}
		want, err := expectedRow(c.Rows)
		if !assert.NoError(t, err, where) {
			return
		}
		if len(row) == 1 && bareObject(c.Rows, alias) {
			// A single column may come back bare (FORMAT.md §5.5): the
			// expectation's object is then the value itself.
			whole, err := decodeCell(json.RawMessage(strings.TrimSuffix(strings.TrimPrefix(c.Rows, "["), "]")))
			if err == nil {
				want = []any{whole}
			}
		}
		got := make([]any, len(row))
		for i, v := range row {
			got[i] = comparable(v)
		}
		assert.Equal(t, want, got, where)
	})
	t.Logf("ran %d corpus statements", ran)
	assert.Greater(t, ran, 300, "the corpus subset shrank unexpectedly")
}

// stripLineComments cuts each line of text at a "--" that no quote
// precedes.
func stripLineComments(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if k := strings.Index(line, "--"); k >= 0 && !strings.Contains(line[:k], "'") {
			lines[i] = line[:k]
		}
	}
	return strings.Join(lines, "\n")
}

// expr is a literal or a function call.
type expr struct {
	lit  value.Value
	fn   string
	args []expr
	op   byte // binary operator ('+', '-', '*', '/') on args[0], args[1], or 'n' for unary minus on args[0]
}

// errSkip marks a statement whose arithmetic is not temporal (left to the
// engine's corpus runner).
var errSkip = fmt.Errorf("not a temporal operation")

func evalRow(exprs []expr) ([]value.Value, error) {
	out := make([]value.Value, len(exprs))
	for i, e := range exprs {
		v, err := eval(e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func eval(e expr) (value.Value, error) {
	switch {
	case e.op == 'n':
		v, err := eval(e.args[0])
		if err != nil {
			return v, err
		}
		if timefn.KindOfValue(v) != timefn.KindTimespan && !v.IsNull() {
			return v, errSkip
		}
		return timefn.NegateTimespan(v)
	case e.op != 0:
		a, err := eval(e.args[0])
		if err != nil {
			return a, err
		}
		b, err := eval(e.args[1])
		if err != nil {
			return b, err
		}
		out, handled, err := timefn.Arithmetic(e.op, a, b)
		if !handled {
			return out, errSkip
		}
		return out, err
	case e.fn == "":
		return e.lit, nil
	}
	args, err := evalRow(e.args)
	if err != nil {
		return value.Null(), err
	}
	def, err := functions.Lookup(e.fn, len(args))
	if err != nil {
		return value.Null(), err
	}
	return def.Call(nil, args)
}

// bareObject reports whether a one-column expectation is a bare object
// value rather than {column: value}: the object's only key is neither the
// alias nor a rendered call.
func bareObject(expect, alias string) bool {
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(expect), &rows); err != nil || len(rows) != 1 {
		return false
	}
	if len(rows[0]) != 1 {
		return true
	}
	for k := range rows[0] {
		return k != alias && !strings.Contains(k, "(")
	}
	return false
}

// parseSelect parses "SELECT e [AS a], ..." where every e is a literal or
// a call of a function in allowed; ok is false for anything else. alias is
// the last alias given.
func parseSelect(sql string, allowed map[string]bool) (out []expr, alias string, ok bool) {
	p := &sqlParser{s: sql, allowed: allowed}
	if !p.keyword("select") {
		return nil, "", false
	}
	for {
		e, ok := p.expr()
		if !ok {
			return nil, "", false
		}
		out = append(out, e)
		if p.keyword("as") {
			if alias = p.ident(); alias == "" {
				return nil, "", false
			}
		}
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		break
	}
	p.space()
	return out, alias, p.i == len(p.s)
}

type sqlParser struct {
	s       string
	i       int
	allowed map[string]bool
}

func (p *sqlParser) space() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *sqlParser) ident() string {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') || (p.i > start && c >= '0' && c <= '9') {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

func (p *sqlParser) keyword(k string) bool {
	save := p.i
	if strings.EqualFold(p.ident(), k) {
		return true
	}
	p.i = save
	return false
}

// expr parses sums and differences of terms.
func (p *sqlParser) expr() (expr, bool) {
	return p.binary("+-", p.term)
}

// term parses products and quotients of unary expressions.
func (p *sqlParser) term() (expr, bool) {
	return p.binary("*/", p.unary)
}

func (p *sqlParser) binary(ops string, next func() (expr, bool)) (expr, bool) {
	left, ok := next()
	for ok {
		p.space()
		if p.i >= len(p.s) || strings.IndexByte(ops, p.s[p.i]) < 0 {
			break
		}
		op := p.s[p.i]
		p.i++
		var right expr
		if right, ok = next(); ok {
			left = expr{op: op, args: []expr{left, right}}
		}
	}
	return left, ok
}

// unary parses '-' applied to a call, or a primary expression.
func (p *sqlParser) unary() (expr, bool) {
	p.space()
	if p.i+1 < len(p.s) && p.s[p.i] == '-' && !(p.s[p.i+1] >= '0' && p.s[p.i+1] <= '9') {
		p.i++
		e, ok := p.primary()
		return expr{op: 'n', args: []expr{e}}, ok
	}
	return p.primary()
}

func (p *sqlParser) primary() (expr, bool) {
	p.space()
	if p.i >= len(p.s) {
		return expr{}, false
	}
	c := p.s[p.i]
	switch {
	case c == '\'':
		s, ok := p.quoted()
		return expr{lit: value.Text(s)}, ok
	case (c == 'x' || c == 'X') && p.i+1 < len(p.s) && p.s[p.i+1] == '\'':
		p.i++
		s, ok := p.quoted()
		b, err := hex.DecodeString(s)
		return expr{lit: value.Blob(b)}, ok && err == nil
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.i
		p.i++
		for p.i < len(p.s) && strings.IndexByte("0123456789.eE", p.s[p.i]) >= 0 {
			p.i++
		}
		lit := p.s[start:p.i]
		if i, err := strconv.ParseInt(lit, 10, 64); err == nil {
			return expr{lit: value.Int(i)}, true
		}
		f, err := strconv.ParseFloat(lit, 64)
		return expr{lit: value.Float(f)}, err == nil && strings.ContainsAny(lit, ".eE")
	}
	name := p.ident()
	switch strings.ToLower(name) {
	case "":
		return expr{}, false
	case "null":
		return expr{lit: value.Null()}, true
	case "true":
		return expr{lit: value.Bool(true)}, true
	case "false":
		return expr{lit: value.Bool(false)}, true
	}
	if !p.allowed[strings.ToLower(name)] {
		return expr{}, false
	}
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '(' {
		return expr{}, false
	}
	p.i++
	e := expr{fn: name}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ')' {
		p.i++
		return e, true
	}
	for {
		a, ok := p.expr()
		if !ok {
			return expr{}, false
		}
		e.args = append(e.args, a)
		p.space()
		if p.i >= len(p.s) {
			return expr{}, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ')':
			p.i++
			return e, true
		default:
			return expr{}, false
		}
	}
}

func (p *sqlParser) quoted() (string, bool) {
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		if c == '\'' {
			if p.i < len(p.s) && p.s[p.i] == '\'' {
				b.WriteByte('\'')
				p.i++
				continue
			}
			return b.String(), true
		}
		b.WriteByte(c)
	}
	return "", false
}

// expectedRow decodes a one-row expectation into its cell values in column
// order (a bare value, or an object's values in key order).
func expectedRow(text string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("expected a JSON array: %s", text)
	}
	raw := json.RawMessage{}
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("more than one row: %s", text)
	}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		v, err := decodeCell(raw)
		return []any{v}, err
	}
	od := json.NewDecoder(bytes.NewReader(raw))
	od.UseNumber()
	if _, err := od.Token(); err != nil {
		return nil, err
	}
	var cells []any
	for od.More() {
		if _, err := od.Token(); err != nil { // key
			return nil, err
		}
		var cell json.RawMessage
		if err := od.Decode(&cell); err != nil {
			return nil, err
		}
		v, err := decodeCell(cell)
		if err != nil {
			return nil, err
		}
		cells = append(cells, v)
	}
	return cells, nil
}

func decodeCell(raw json.RawMessage) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return normalize(v), nil
}

// normalize turns numbers into float64 so that 1 and 1.0 compare equal.
func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := strconv.ParseFloat(string(x), 64)
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	}
	return v
}

// comparable converts a result value into the form expectedRow produces.
func comparable(v value.Value) any {
	switch v.Kind() {
	case value.KindNull:
		return nil
	case value.KindInteger:
		return float64(v.Int())
	case value.KindReal:
		return v.Float()
	case value.KindText:
		return v.Text()
	case value.KindBoolean:
		return v.Bool()
	case value.KindJSON:
		return normalize(v.JSONDoc())
	}
	return fmt.Sprintf("<%s %s>", v.Kind(), v.String())
}
