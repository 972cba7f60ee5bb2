package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// evalFn evaluates a compiled expression over the current row.
type evalFn func(e *env, row value.Row) (value.Value, error)

// cexpr is a compiled expression with the static facts the compiler uses
// for coercion and collation decisions.
type cexpr struct {
	fn    evalFn
	class typeClass // static type class (classAny when unknown)
	typ   string    // declared type of a column reference
	coll  string    // collation
	rank  int       // collation provenance: 3 explicit, 2 declared, 0 none
	// col is the resolved column of a bare reference (depth 0), else -1.
	col   int
	depth int
	konst bool // no column or parameter references
	// notNull: a bare column reference that never yields NULL.
	notNull bool
}

func constExpr(v value.Value) *cexpr {
	class := classOfValue(v)
	return &cexpr{fn: func(*env, value.Row) (value.Value, error) { return v, nil }, class: class, typ: typeOfClass(class), col: -1, konst: true}
}

func classOfValue(v value.Value) typeClass {
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt:
		return classInteger
	case value.KindReal:
		return classReal
	case value.KindText:
		return classText
	case value.KindBlob:
		return classBlob
	case value.KindBoolean:
		return classBoolean
	case value.KindJSON:
		return classJSON
	}
	return classAny
}

// compiler turns AST into plans and closures for one statement.
type compiler struct {
	conn   *Conn
	cat    catalogView
	params *paramSet
	// depth guards recursion through views and subqueries.
	depth int
	// nondeterministic is set when a non-deterministic function was compiled.
	nondeterministic bool
	// writes is set when a data-modifying statement was compiled as a
	// relation (the statement then needs the write lock).
	writes bool
	// dmlParent is the CTE scope a DML relation is compiled in.
	dmlParent *scope
	// windows is the window calls of the SELECT core being compiled.
	windows *windowSet
	// schemaPath is the statement's WITH SCHEMA search path (nil: the
	// session's path); homeSchema is the schema a view body resolves in.
	schemaPath []string
	homeSchema string
	// homeSeesMain: the body being compiled is a view's or an assertion's,
	// which in temp also resolves main's objects (a temp view over main
	// tables); a table's own bodies (DEFAULT, CHECK, FK) stay strictly in
	// their schema.
	homeSeesMain bool
}

const maxPlanDepth = 64

// expr compiles an expression in scope sc.
func (c *compiler) expr(sc *scope, x parser.Expr) (*cexpr, error) {
	if sc != nil && sc.agg != nil {
		if ce, ok, err := sc.agg.rewrite(c, sc, x); ok || err != nil {
			return ce, err
		}
	} else if f, ok := x.(*parser.FuncCall); ok && isAggregateCall(f) {
		if ce, ok, err := c.outerAggregate(sc, f); ok || err != nil {
			return ce, err
		}
	}
	switch x := x.(type) {
	case *parser.Literal:
		return constExpr(literalValue(x)), nil
	case *parser.ColumnRef:
		return c.columnRef(sc, x)
	case *parser.Param:
		p := c.params.add(x)
		return &cexpr{fn: func(e *env, _ value.Row) (value.Value, error) {
			if p.slot-1 < len(e.params) {
				return e.params[p.slot-1], nil
			}
			return value.Null(), nil
		}, col: -1}, nil
	case *parser.Paren:
		return c.expr(sc, x.X)
	case *parser.Unary:
		return c.unary(sc, x)
	case *parser.Binary:
		return c.binary(sc, x)
	case *parser.Like:
		return c.like(sc, x)
	case *parser.IsNull:
		a, err := c.expr(sc, x.X)
		if err != nil {
			return nil, err
		}
		not := x.Not
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			if err != nil {
				return v, err
			}
			return value.Bool(v.IsNull() != not), nil
		}, classBoolean, a), nil
	case *parser.IsBool:
		a, err := c.expr(sc, x.X)
		if err != nil {
			return nil, err
		}
		not, want := x.Not, x.Value
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			if err != nil {
				return v, err
			}
			t, known := truth(v)
			return value.Bool((known && t == want) != not), nil
		}, classBoolean, a), nil
	case *parser.Between:
		return c.between(sc, x)
	case *parser.In:
		return c.in(sc, x)
	case *parser.Exists:
		return c.exists(sc, x)
	case *parser.Subquery:
		return c.scalarSubquery(sc, x)
	case *parser.Case:
		return c.caseExpr(sc, x)
	case *parser.Cast:
		a, err := c.expr(sc, x.X)
		if err != nil {
			return nil, err
		}
		typ := x.Type.Name
		ce := derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			if err != nil {
				return v, err
			}
			return castValue(v, typ)
		}, classOf(typ), a)
		ce.typ = typ
		return ce, nil
	case *parser.Collate:
		a, err := c.expr(sc, x.X)
		if err != nil {
			return nil, err
		}
		if !knownCollation(x.Name) {
			return nil, fmt.Errorf("Unknown collation: %s", x.Name)
		}
		ce := *a
		ce.coll, ce.rank = strings.ToUpper(x.Name), 3
		ce.col = -1
		return &ce, nil
	case *parser.FuncCall:
		if x.Over != nil || x.OverName != "" {
			return c.windowRef(sc, x)
		}
		return c.funcCall(sc, x)
	case *parser.Tuple:
		return nil, fmt.Errorf("row value misused")
	}
	return nil, fmt.Errorf("unsupported expression %T", x)
}

// derived builds a cexpr computed from operands (constant when all are).
func derived(fn evalFn, class typeClass, ops ...*cexpr) *cexpr {
	k := true
	for _, o := range ops {
		k = k && o.konst
	}
	return &cexpr{fn: fn, class: class, typ: typeOfClass(class), col: -1, konst: k}
}

func literalValue(l *parser.Literal) value.Value {
	switch l.Kind {
	case parser.LitInteger:
		if l.Big != nil {
			return value.BigInt(l.Big)
		}
		return value.Int(l.Int)
	case parser.LitReal:
		return value.Float(l.Real)
	case parser.LitString:
		return value.Text(l.Str)
	case parser.LitBlob:
		return value.Blob(l.Blob)
	case parser.LitBool:
		return value.Bool(l.Bool)
	}
	return value.Null()
}

func (c *compiler) columnRef(sc *scope, x *parser.ColumnRef) (*cexpr, error) {
	if sc == nil {
		return nil, fmt.Errorf("no such column: %s", x.Column)
	}
	depth, idx, sl, err := sc.resolve(x)
	if err != nil {
		if a, ok := sc.aliases[strings.ToLower(x.Column)]; ok && x.Table == "" && a != nil {
			return a, nil
		}
		return nil, err
	}
	ce := &cexpr{class: classOf(sl.typ), typ: sl.typ, col: -1, depth: depth}
	if sl.typ == "" {
		ce.class = classAny
	}
	if sl.coll != "" {
		ce.coll, ce.rank = sl.coll, 2
	}
	if depth == 0 {
		ce.col, ce.notNull = idx, sl.notNull
		ce.fn = func(_ *env, row value.Row) (value.Value, error) {
			if idx < len(row) {
				return row[idx], nil
			}
			return value.Null(), nil
		}
		return ce, nil
	}
	ce.fn = func(e *env, _ value.Row) (value.Value, error) {
		n := len(e.outer) - depth
		if n < 0 || idx >= len(e.outer[n]) {
			return value.Null(), nil
		}
		return e.outer[n][idx], nil
	}
	return ce, nil
}

func (c *compiler) unary(sc *scope, x *parser.Unary) (*cexpr, error) {
	a, err := c.expr(sc, x.X)
	if err != nil {
		return nil, err
	}
	switch x.Op {
	case parser.OpNeg:
		if ce, ok := temporalNegate(a); ok {
			return ce, nil
		}
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			return negate(v), err
		}, a.class, a), nil
	case parser.OpPlus:
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			return unaryPlus(v), err
		}, a.class, a), nil
	case parser.OpBitNot:
		return derived(func(e *env, row value.Row) (value.Value, error) {
			v, err := a.fn(e, row)
			return bitNot(v), err
		}, classInteger, a), nil
	}
	return derived(func(e *env, row value.Row) (value.Value, error) {
		v, err := a.fn(e, row)
		if err != nil {
			return v, err
		}
		t, known := truth(v)
		if !known {
			return value.Null(), nil
		}
		return value.Bool(!t), nil
	}, classBoolean, a), nil
}

func (c *compiler) binary(sc *scope, x *parser.Binary) (*cexpr, error) {
	if l, ok := x.L.(*parser.Tuple); ok {
		return c.tupleCompare(sc, x, l)
	}
	a, err := c.expr(sc, x.L)
	if err != nil {
		return nil, err
	}
	b, err := c.expr(sc, x.R)
	if err != nil {
		return nil, err
	}
	switch x.Op {
	case parser.OpAnd, parser.OpOr, parser.OpXor:
		return logical(x.Op, a, b), nil
	case parser.OpAdd, parser.OpSub, parser.OpMul, parser.OpDiv, parser.OpMod:
		op := map[parser.BinaryOp]byte{parser.OpAdd: '+', parser.OpSub: '-', parser.OpMul: '*', parser.OpDiv: '/', parser.OpMod: '%'}[x.Op]
		if ce, ok := temporalArith(op, a, b); ok {
			return ce, nil
		}
		class := classNumeric
		if a.class == classInteger && b.class == classInteger && op != '/' {
			class = classInteger
		}
		return derived(binaryEval(a, b, func(l, r value.Value) (value.Value, error) { return arith(op, l, r) }), class, a, b), nil
	case parser.OpConcat:
		return derived(binaryEval(a, b, func(l, r value.Value) (value.Value, error) { return concat(l, r), nil }), classText, a, b), nil
	case parser.OpBitAnd, parser.OpBitOr, parser.OpShl, parser.OpShr:
		op := map[parser.BinaryOp]string{parser.OpBitAnd: "&", parser.OpBitOr: "|", parser.OpShl: "<<", parser.OpShr: ">>"}[x.Op]
		return derived(binaryEval(a, b, func(l, r value.Value) (value.Value, error) { return bitOp(op, l, r) }), classInteger, a, b), nil
	}
	return c.comparison(x.Op, a, b)
}

// binaryEval evaluates both operands, left first, and combines them with op;
// an operand's error stops the evaluation.
func binaryEval(a, b *cexpr, op func(l, r value.Value) (value.Value, error)) evalFn {
	return func(e *env, row value.Row) (value.Value, error) {
		l, err := a.fn(e, row)
		if err != nil {
			return l, err
		}
		r, err := b.fn(e, row)
		if err != nil {
			return r, err
		}
		return op(l, r)
	}
}

// logical implements AND / OR / XOR in three-valued logic.
func logical(op parser.BinaryOp, a, b *cexpr) *cexpr {
	return derived(func(e *env, row value.Row) (value.Value, error) {
		l, err := a.fn(e, row)
		if err != nil {
			return l, err
		}
		lt, lk := truth(l)
		switch op {
		case parser.OpAnd:
			if lk && !lt {
				return value.Bool(false), nil
			}
		case parser.OpOr:
			if lk && lt {
				return value.Bool(true), nil
			}
		}
		r, err := b.fn(e, row)
		if err != nil {
			return r, err
		}
		rt, rk := truth(r)
		switch op {
		case parser.OpAnd:
			if rk && !rt {
				return value.Bool(false), nil
			}
			if lk && rk {
				return value.Bool(true), nil
			}
		case parser.OpOr:
			if rk && rt {
				return value.Bool(true), nil
			}
			if lk && rk {
				return value.Bool(false), nil
			}
		default:
			if lk && rk {
				return value.Bool(lt != rt), nil
			}
		}
		return value.Null(), nil
	}, classBoolean, a, b)
}
