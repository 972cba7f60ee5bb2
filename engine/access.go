package engine

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// seekBound is one end of a key range on the component after the
// equality prefix.
type seekBound struct {
	val  *cexpr
	incl bool
	op   string
}

// accessPath is how a table scan finds its rows: the primary key or one
// secondary index, an equality prefix, an optional range on the next key
// component, or everything.
// maxInSeeks bounds the IN-list length turned into point seeks.
const maxInSeeks = 1000

type accessPath struct {
	// in is an IN list on the key component after the equality prefix:
	// the scan seeks each value in turn (in key order).
	in     []*cexpr
	index  *schema.Index // nil = primary key
	parts  []keyPart
	cols   []int // table column of each key part
	eq     []*cexpr
	eqNull []bool // component i is an IS NULL equality
	lo, hi *seekBound
	// likePrefix is the literal prefix of a `col LIKE 'prefix%'` on the
	// component after the equality prefix (BINARY text keys only).
	likePrefix string
	reverse    bool
	cost       float64
	detail     string
	// used are the indexes (in the predicate list the path was built
	// from) of the equality and range predicates its key range applies.
	used []int
}

// usesKey reports whether the path seeks rather than scans.
func (p *accessPath) usesKey() bool {
	return len(p.eq) > 0 || p.lo != nil || p.hi != nil || p.in != nil || p.likePrefix != ""
}

// keyPred is a usable `column op value` conjunct.
type keyPred struct {
	col  int
	op   string // "=", "<", "<=", ">", ">=", "null"
	val  *cexpr
	coll string
	// expr is the rendered expression of an expression-index predicate
	// (col is -1 then).
	expr string
	// list holds the values of an `IN (...)` predicate (op "in").
	list []*cexpr
	// src is the WHERE/ON conjunct the predicate came from.
	src parser.Expr
	// exact: a key range built from this predicate holds exactly the rows
	// that satisfy it (see exactKeyPred), so a path using it makes the
	// conjunct redundant.
	exact bool
}

// keyPreds extracts the conjuncts usable as key bounds on table slots.
func (c *compiler) keyPreds(tsc *scope, keyScope *scope, conj []parser.Expr) []keyPred {
	var out []keyPred
	for _, x := range conj {
		switch x := x.(type) {
		case *parser.Binary:
			if x.Op == parser.OpOr {
				// a = 1 OR a = 2 ... seeks like a IN (1, 2, ...).
				if in := orAsIn(x); in != nil {
					out = append(out, c.keyPreds(tsc, keyScope, []parser.Expr{in})...)
				}
				continue
			}
			op := ""
			switch x.Op {
			case parser.OpEq, parser.OpEqEq:
				op = "="
			case parser.OpLt:
				op = "<"
			case parser.OpLe:
				op = "<="
			case parser.OpGt:
				op = ">"
			case parser.OpGe:
				op = ">="
			default:
				continue
			}
			if kp, ok := c.keyPred(tsc, keyScope, x.L, x.R, op); ok {
				out = append(out, withSrc(kp, x))
			} else if kp, ok := c.keyPred(tsc, keyScope, x.R, x.L, flipOp(op)); ok {
				out = append(out, withSrc(kp, x))
			}
		case *parser.Between:
			if x.Not {
				continue
			}
			if kp, ok := c.keyPred(tsc, keyScope, x.X, x.Lo, ">="); ok {
				out = append(out, withSrc(kp, x))
			}
			if kp, ok := c.keyPred(tsc, keyScope, x.X, x.Hi, "<="); ok {
				out = append(out, withSrc(kp, x))
			}
		case *parser.In:
			if x.Not || x.Select != nil || x.Table != nil || len(x.List) == 0 || len(x.List) > maxInSeeks {
				continue
			}
			var list []*cexpr
			var first keyPred
			ok := true
			for i, item := range x.List {
				kp, good := c.keyPred(tsc, keyScope, x.X, item, "=")
				if !good || kp.col < 0 || i > 0 && kp.coll != first.coll {
					ok = false
					break
				}
				if i == 0 {
					first = kp
				}
				list = append(list, kp.val)
			}
			if ok {
				first.op, first.list, first.val, first.exact = "in", list, nil, false
				out = append(out, first)
			}
		case *parser.Like:
			if kp, ok := likePrefixPred(tsc, x); ok {
				out = append(out, kp)
			}
		case *parser.IsNull:
			if x.Not {
				continue
			}
			if ref, ok := x.X.(*parser.ColumnRef); ok {
				isolated := &scope{slots: tsc.slots}
				if _, idx, _, err := isolated.resolve(ref); err == nil {
					out = append(out, keyPred{col: idx, op: "null"})
				}
			}
		}
	}
	return out
}

func withSrc(kp keyPred, src parser.Expr) keyPred {
	kp.src = src
	return kp
}

// exactKeyPred reports whether the key range of `col op val` holds exactly
// the rows for which the comparison is true, so the comparison need not be
// evaluated again per row. The key encoding orders numbers by value and
// BINARY text by bytes, as comparison does, and equal values get equal
// bytes (keyenc); so it holds for a column declared INTEGER, REAL or TEXT
// (BINARY) compared with a deterministic value (a literal, a parameter or
// another table's column) that is neither JSON nor TIMESPAN. NULL keys sort
// first, inside a range open below, so a range bound needs a NOT NULL column
// (an equality never matches NULL).
func exactKeyPred(sl slot, coll, op string, val *cexpr, valX parser.Expr) bool {
	if op != "=" && !sl.notNull {
		return false
	}
	switch declaredType(sl.typ) {
	case types.Integer, types.Real:
	case types.Text:
		if !sameColl(coll, "BINARY") {
			return false
		}
	default:
		return false
	}
	if vt := staticTypeOf(val); vt == types.JSON || vt == types.Timespan {
		return false
	}
	switch x := valX.(type) {
	case *parser.Literal, *parser.Param, *parser.ColumnRef:
		return true
	case *parser.Unary:
		_, lit := x.X.(*parser.Literal)
		return lit && x.Op == parser.OpNeg
	}
	return false
}

func flipOp(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

func (c *compiler) keyPred(tsc, keyScope *scope, colX, valX parser.Expr, op string) (keyPred, bool) {
	isolated := &scope{slots: tsc.slots}
	ref, ok := colX.(*parser.ColumnRef)
	if !ok {
		return c.exprKeyPred(isolated, keyScope, colX, valX, op)
	}
	_, idx, sl, err := isolated.resolve(ref)
	if err != nil || hasSubquery(valX) || refersTo(valX, tsc.slots) || isTimespanType(sl.typ) {
		return keyPred{}, false
	}
	val, err := c.expr(keyScope, valX)
	if err != nil {
		return keyPred{}, false
	}
	colCE := &cexpr{class: classOf(sl.typ), coll: sl.coll, rank: rankOf(sl.coll)}
	if sl.typ == "" {
		colCE.class = classAny
	}
	coll, err := comparisonCollation(colCE, val)
	if err != nil {
		return keyPred{}, false
	}
	if colCE.class == classText && (val.class == classInteger || val.class == classReal || val.class == classNumeric) {
		return keyPred{}, false
	}
	_, vf := coerceOperands(colCE, val)
	v := *val
	v.fn = vf
	return keyPred{col: idx, op: op, val: &v, coll: coll, exact: exactKeyPred(sl, coll, op, val, valX)}, true
}

// refersTo reports whether x references any of the slots.
func refersTo(x parser.Expr, slots []slot) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if ref, ok := n.(*parser.ColumnRef); ok {
			for _, s := range slots {
				if strings.EqualFold(s.name, ref.Column) && (ref.Table == "" || strings.EqualFold(ref.Table, s.table)) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// choosePath picks the cheapest access path for t.
func (c *compiler) choosePath(t *schema.Table, label string, preds []keyPred) *accessPath {
	n := float64(1000)
	if rc, ok := c.conn.db.store.RowCount(schemaOf(t), t.Name); ok {
		n = float64(rc)
		if n < 1 {
			n = 1
		}
	}
	best := &accessPath{parts: partsOf(t.PK), cols: colsOf(t.PK), cost: n, detail: "SCAN " + label}
	try := func(p *accessPath, unique bool, lookup float64) {
		if !p.usesKey() {
			return
		}
		rows := n
		for range p.eq {
			rows *= 0.1
		}
		if p.in != nil {
			rows *= 0.1 * float64(len(p.in))
		}
		if p.lo != nil && p.hi != nil || p.likePrefix != "" {
			rows *= 0.25
		} else if p.lo != nil || p.hi != nil {
			rows *= 0.5
		}
		if unique && p.in != nil && len(p.eq)+1 == len(p.parts) {
			rows = float64(len(p.in))
		} else if unique && len(p.eq) == len(p.parts) {
			rows = 1
		}
		if rows < 1 {
			rows = 1
		}
		p.cost = rows * lookup
		if p.cost < best.cost {
			best = p
		}
	}
	pk := c.buildPath(t, nil, t.PK, preds, label)
	try(pk, true, 1)
	for _, ix := range t.Indexes {
		if ix.Where != nil {
			continue
		}
		try(c.buildPath(t, ix, ix.Parts, preds, label), ix.Unique, 1.5)
	}
	return best
}

// usableCollPart is usableColl for a key part (expression parts compare
// under the part's collation).
func usableCollPart(t *schema.Table, part schema.KeyPart, coll string) bool {
	if part.Col < 0 {
		return sameColl(coll, part.Collation)
	}
	return usableColl(t, part.Col, coll, part.Collation)
}

func hasExprPart(parts []schema.KeyPart) bool {
	for _, p := range parts {
		if p.Col < 0 {
			return true
		}
	}
	return false
}

func colsOf(parts []schema.KeyPart) []int {
	out := make([]int, len(parts))
	for i, p := range parts {
		out[i] = p.Col
	}
	return out
}

// usableColl reports whether a comparison under coll can seek a key
// component encoded under keyColl.
func usableColl(t *schema.Table, col int, coll, keyColl string) bool {
	switch classOf(t.Columns[col].Type) {
	case classInteger, classReal, classNumeric, classBoolean:
		if t.Columns[col].Type != "" {
			return true
		}
	}
	return strings.EqualFold(coll, keyColl) || (coll == "" && strings.EqualFold(keyColl, "BINARY")) ||
		(keyColl == "" && strings.EqualFold(coll, "BINARY"))
}

func (c *compiler) buildPath(t *schema.Table, ix *schema.Index, parts []schema.KeyPart, preds []keyPred, label string) *accessPath {
	p := &accessPath{index: ix, parts: partsOf(parts), cols: colsOf(parts)}
	var terms []string
	name := func(i int) string {
		if parts[i].Col < 0 {
			return parser.ExprString(parts[i].Expr)
		}
		return t.Columns[parts[i].Col].Name
	}
	// matches reports whether a predicate constrains key part i.
	matches := func(kp keyPred, i int) bool {
		if parts[i].Col < 0 {
			return kp.col < 0 && kp.expr != "" && kp.expr == parser.ExprString(parts[i].Expr)
		}
		return kp.col == parts[i].Col
	}
	for i, part := range parts {
		found := false
		for ki, kp := range preds {
			if !matches(kp, i) {
				continue
			}
			if kp.op == "null" {
				p.eq = append(p.eq, nil)
				p.eqNull = append(p.eqNull, true)
				terms = append(terms, name(i)+" IS NULL")
				found = true
				break
			}
			if kp.op == "=" && usableCollPart(t, part, kp.coll) {
				p.eq = append(p.eq, kp.val)
				p.eqNull = append(p.eqNull, false)
				p.used = append(p.used, ki)
				terms = append(terms, name(i)+"=?")
				found = true
				break
			}
		}
		if found {
			continue
		}
		for _, kp := range preds {
			if kp.op == "in" && matches(kp, i) && usableCollPart(t, part, kp.coll) {
				p.in = kp.list
				terms = append(terms, name(i)+" IN (...)")
				break
			}
		}
		if p.in != nil {
			break
		}
		for _, kp := range preds {
			if kp.op == "like" && matches(kp, i) && !part.Desc && sameColl(part.Collation, "BINARY") {
				p.likePrefix = kp.expr
				terms = append(terms, name(i)+">? AND "+name(i)+"<?")
				break
			}
		}
		if p.likePrefix != "" {
			break
		}
		for ki, kp := range preds {
			if !matches(kp, i) || kp.op == "=" || kp.op == "null" || !usableCollPart(t, part, kp.coll) {
				continue
			}
			b := &seekBound{val: kp.val, incl: kp.op == ">=" || kp.op == "<=", op: kp.op}
			if (kp.op == ">" || kp.op == ">=") && p.lo == nil {
				p.lo = b
				p.used = append(p.used, ki)
				terms = append(terms, name(i)+kp.op+"?")
			} else if (kp.op == "<" || kp.op == "<=") && p.hi == nil {
				p.hi = b
				p.used = append(p.used, ki)
				terms = append(terms, name(i)+kp.op+"?")
			}
		}
		break
	}
	using := "PRIMARY KEY"
	if ix != nil {
		using = "INDEX " + ix.Name
	}
	p.detail = fmt.Sprintf("SEARCH %s USING %s (%s)", label, using, strings.Join(terms, " AND "))
	return p
}

// bounds computes the byte range of the path for one execution; empty is
// true when a bound is NULL so nothing can match.
func (p *accessPath) bounds(e *env) (lower, upper []byte, empty bool, err error) {
	prefix, empty, err := p.appendEqPrefix(nil, e)
	if err != nil || empty {
		return nil, nil, empty, err
	}
	lower, upper = prefix, prefixEnd(prefix)
	k := len(p.eq)
	if p.likePrefix != "" {
		// Every text starting with the prefix encodes to bytes starting with
		// the prefix's encoding minus its terminator.
		enc := appendKey(append([]byte(nil), prefix...), []value.Value{value.Text(p.likePrefix)}, p.parts[k:k+1])
		start := enc[:len(enc)-1]
		return start, prefixEnd(start), false, nil
	}
	if p.lo == nil && p.hi == nil || k >= len(p.parts) {
		return lower, upper, false, nil
	}
	desc := p.parts[k].desc
	bound := func(b *seekBound) ([]byte, error) {
		v, err := b.val.fn(e, nil)
		if err != nil || v.IsNull() {
			return nil, err
		}
		return appendKey(append([]byte(nil), prefix...), []value.Value{v}, p.parts[k:k+1]), nil
	}
	// Ascending: a lower value bound limits the lower byte bound; for a DESC
	// component the bytes are inverted so the roles swap.
	if p.lo != nil {
		b, err := bound(p.lo)
		if err != nil {
			return nil, nil, false, err
		}
		if b == nil {
			return nil, nil, true, nil
		}
		if !desc {
			if p.lo.incl {
				lower = b
			} else {
				lower = prefixEnd(b)
			}
		} else if p.lo.incl {
			upper = prefixEnd(b)
		} else {
			upper = b
		}
	}
	if p.hi != nil {
		b, err := bound(p.hi)
		if err != nil {
			return nil, nil, false, err
		}
		if b == nil {
			return nil, nil, true, nil
		}
		if !desc {
			if p.hi.incl {
				upper = prefixEnd(b)
			} else {
				upper = b
			}
		} else if p.hi.incl {
			lower = b
		} else {
			lower = prefixEnd(b)
		}
	}
	return lower, upper, false, nil
}

// impliedConjuncts lists the conjuncts whose every key predicate is exact
// and applied by p's key range: every row the path yields satisfies them.
func (p *accessPath) impliedConjuncts(preds []keyPred) []parser.Expr {
	if len(p.used) == 0 || p.in != nil || p.likePrefix != "" {
		return nil
	}
	used := make([]bool, len(preds))
	for _, ki := range p.used {
		used[ki] = true
	}
	var out []parser.Expr
	for i, kp := range preds {
		if kp.src == nil || !used[i] || slices.Contains(out, kp.src) {
			continue
		}
		all := true
		for j, other := range preds {
			if other.src == kp.src && (!used[j] || !other.exact) {
				all = false
			}
		}
		if all {
			out = append(out, kp.src)
		}
	}
	return out
}

// appendEqPrefix appends the key encoding of the equality prefix for one
// execution to dst; empty is true when a compared value is NULL, so
// nothing can match. For a point lookup (isPointLookup) it is the whole
// primary key.
func (p *accessPath) appendEqPrefix(dst []byte, e *env) (key []byte, empty bool, err error) {
	var one [1]value.Value
	for i, ce := range p.eq {
		v := value.Null()
		if !p.eqNull[i] {
			if v, err = ce.fn(e, nil); err != nil {
				return nil, false, err
			}
			if v.IsNull() {
				return nil, true, nil
			}
		}
		one[0] = v
		dst = appendKey(dst, one[:], p.parts[i:i+1])
	}
	return dst, false, nil
}

// exprKeyPred recognizes `expression op value` where the expression reads
// only the table's columns (a candidate for an expression index).
func (c *compiler) exprKeyPred(isolated, keyScope *scope, colX, valX parser.Expr, op string) (keyPred, bool) {
	if _, isLit := colX.(*parser.Literal); isLit || hasSubquery(colX) || hasSubquery(valX) ||
		!refersTo(colX, isolated.slots) || refersTo(valX, isolated.slots) {
		return keyPred{}, false
	}
	sub := &compiler{conn: c.conn, cat: c.cat, params: newParamSet()}
	colCE, err := sub.expr(isolated, colX)
	if err != nil {
		return keyPred{}, false
	}
	val, err := c.expr(keyScope, valX)
	if err != nil {
		return keyPred{}, false
	}
	coll, err := comparisonCollation(colCE, val)
	if err != nil {
		return keyPred{}, false
	}
	_, vf := coerceOperands(colCE, val)
	v := *val
	v.fn = vf
	return keyPred{col: -1, op: op, val: &v, coll: coll, expr: parser.ExprString(colX)}, true
}

// inRanges computes one key range per distinct IN-list value, in key order
// (descending when the scan runs in reverse).
func (p *accessPath) inRanges(e *env) ([][2][]byte, error) {
	prefix, _, empty, err := p.bounds(e)
	if err != nil || empty {
		return nil, err
	}
	k := len(p.eq)
	seen := map[string]bool{}
	var keys [][]byte
	for _, ce := range p.in {
		v, err := ce.fn(e, nil)
		if err != nil {
			return nil, err
		}
		if v.IsNull() {
			continue
		}
		key := appendKey(append([]byte(nil), prefix...), []value.Value{v}, p.parts[k:k+1])
		if !seen[string(key)] {
			seen[string(key)] = true
			keys = append(keys, key)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if p.reverse {
			return bytes.Compare(keys[i], keys[j]) > 0
		}
		return bytes.Compare(keys[i], keys[j]) < 0
	})
	out := make([][2][]byte, len(keys))
	for i, key := range keys {
		out[i] = [2][]byte{key, prefixEnd(key)}
	}
	return out, nil
}

// orAsIn rewrites a disjunction of equalities on one column
// (`a = 1 OR 2 = a OR a = 3`) as `a IN (1, 2, 3)`; nil when it is not one.
func orAsIn(x *parser.Binary) *parser.In {
	var terms []parser.Expr
	var flatten func(e parser.Expr)
	flatten = func(e parser.Expr) {
		if p, ok := e.(*parser.Paren); ok {
			flatten(p.X)
			return
		}
		if b, ok := e.(*parser.Binary); ok && b.Op == parser.OpOr {
			flatten(b.L)
			flatten(b.R)
			return
		}
		terms = append(terms, e)
	}
	flatten(x)
	var col *parser.ColumnRef
	var vals []parser.Expr
	for _, t := range terms {
		b, ok := t.(*parser.Binary)
		if !ok || b.Op != parser.OpEq && b.Op != parser.OpEqEq {
			return nil
		}
		ref, val := b.L, b.R
		if _, ok := ref.(*parser.ColumnRef); !ok {
			ref, val = b.R, b.L
		}
		r, ok := ref.(*parser.ColumnRef)
		if !ok {
			return nil
		}
		if col == nil {
			col = r
		} else if !strings.EqualFold(col.Column, r.Column) || !strings.EqualFold(col.Table, r.Table) {
			return nil
		}
		vals = append(vals, val)
	}
	if col == nil || len(vals) < 2 {
		return nil
	}
	return &parser.In{Loc: x.Loc, X: col, List: vals}
}

// likePrefixPred recognizes `column LIKE 'literal-prefix%...'` on a TEXT
// column: rows can only lie in the key range of the prefix (LIKE is
// case-sensitive, so only BINARY keys qualify; the planner checks that).
func likePrefixPred(tsc *scope, x *parser.Like) (keyPred, bool) {
	if x.Not || x.Op != parser.OpLike || x.Escape != nil {
		return keyPred{}, false
	}
	ref, ok := x.X.(*parser.ColumnRef)
	lit, isLit := x.Pattern.(*parser.Literal)
	if !ok || !isLit || lit.Kind != parser.LitString {
		return keyPred{}, false
	}
	isolated := &scope{slots: tsc.slots}
	_, idx, sl, err := isolated.resolve(ref)
	if err != nil || classOf(sl.typ) != classText || !sameColl(sl.coll, "BINARY") {
		return keyPred{}, false
	}
	prefix := lit.Str
	i := strings.IndexAny(prefix, "%_")
	if i <= 0 {
		return keyPred{}, false // no wildcard (an equality) or no literal prefix
	}
	return keyPred{col: idx, op: "like", expr: prefix[:i], coll: "BINARY"}, true
}
