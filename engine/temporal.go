package engine

import (
	"github.com/quereus/quereus/engine/functions/timefn"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// temporal.go routes arithmetic on DATE, TIME, DATETIME and TIMESPAN
// operands through timefn (date - date = 'P14D', date + timespan, timespan
// * number, -timespan, ...). An operand's kind comes from its static type
// when the planner knows it (a DATE column, date(x), timespan(x)); an
// operand of unknown type (a parameter, an ANY column) is sniffed per row
// with timefn.KindOfValue. Operands whose static types are both known and
// not temporal keep the ordinary numeric path, so TEXT that merely looks
// like a date is not date arithmetic.

// staticTypeOf is the planner's static type of a compiled expression: its
// declared type when one is attached, else its type class; Any when
// unknown.
func staticTypeOf(ce *cexpr) types.Type {
	if ce.typ != "" {
		return declaredType(ce.typ)
	}
	switch ce.class {
	case classInteger:
		return types.Integer
	case classReal:
		return types.Real
	case classNumeric:
		return types.Numeric
	case classText:
		return types.Text
	case classBlob:
		return types.Blob
	case classBoolean:
		return types.Boolean
	case classJSON:
		return types.JSON
	}
	return types.Any
}

// temporalArith compiles a binary arithmetic operator ('+', '-', '*', '/',
// '%') when temporal arithmetic may apply; ok is false when both operand
// types are statically known and neither is temporal (the caller compiles
// ordinary arithmetic).
func temporalArith(op byte, a, b *cexpr) (ce *cexpr, ok bool) {
	lt, rt := staticTypeOf(a), staticTypeOf(b)
	lk, rk := timefn.KindOfType(lt), timefn.KindOfType(rt)
	lKnown, rKnown := !lt.IsUnknown(), !rt.IsUnknown()
	temporal := lk.IsTemporal() || rk.IsTemporal()
	if !temporal && (lKnown && rKnown || op == '%') {
		return nil, false
	}
	fn := binaryEval(a, b, func(l, r value.Value) (value.Value, error) {
		k1, k2 := lk, rk
		if !lKnown {
			k1 = timefn.KindOfValue(l)
		}
		if !rKnown {
			k2 = timefn.KindOfValue(r)
		}
		if k1.IsTemporal() || k2.IsTemporal() {
			return timefn.Apply(op, k1, k2, l, r)
		}
		return arith(op, l, r)
	})
	if !temporal {
		// An unknown operand: numeric unless a value turns out temporal.
		return derived(fn, classNumeric, a, b), true
	}
	out := derived(fn, classAny, a, b)
	if lKnown && rKnown {
		if t, ok := timefn.ResultType(op, lk, rk); ok {
			out.typ = t.Name()
			out.class = classOf(out.typ)
		}
	}
	return out, true
}

// temporalNegate compiles unary minus when its operand may be a TIMESPAN
// ('PT1H' -> '-PT1H'); ok is false for operands statically known not to
// be temporal. Negating a DATE, TIME or DATETIME is unsupported.
func temporalNegate(a *cexpr) (ce *cexpr, ok bool) {
	t := staticTypeOf(a)
	if !t.IsUnknown() && !t.IsTemporal() {
		return nil, false
	}
	k := timefn.KindOfType(t)
	known := !t.IsUnknown()
	fn := func(e *env, row value.Row) (value.Value, error) {
		v, err := a.fn(e, row)
		if err != nil || v.IsNull() {
			return v, err
		}
		kind := k
		if !known {
			kind = timefn.KindOfValue(v)
		}
		switch {
		case kind == timefn.KindTimespan:
			return timefn.NegateTimespan(v)
		case kind.IsTemporal():
			return value.Null(), timefn.ErrUnsupported
		}
		return negate(v), nil
	}
	out := derived(fn, a.class, a)
	if t == types.Timespan {
		out.typ = t.Name()
		out.class = classOf(out.typ)
	}
	return out, true
}

// semanticComparer is the value comparison of a comparison operator over
// a and b: TIMESPAN operands (either side statically TIMESPAN) compare by
// elapsed time, so 'PT90M' < 'PT2H' and 'PT1H' = 'PT60M'; TEXT against a
// JSON operand compares as the JSON document it spells; anything else
// compares as compareValues does.
func semanticComparer(a, b *cexpr) func(l, r value.Value, coll string) int {
	lt, rt := staticTypeOf(a), staticTypeOf(b)
	switch {
	case lt == types.Timespan || rt == types.Timespan:
		return func(l, r value.Value, coll string) int {
			return types.CompareAs(l, r, types.Timespan, lookupCollation(coll))
		}
	case lt == types.JSON || rt == types.JSON:
		return func(l, r value.Value, coll string) int {
			return compareValues(jsonOperand(l), jsonOperand(r), coll)
		}
	}
	return compareValues
}

// jsonOperand reads TEXT compared against a JSON operand as a JSON
// document, so '{ "x" : 1 }' equals the JSON value {"x":1} (structural
// equality); text that is not JSON stays text.
func jsonOperand(v value.Value) value.Value {
	if v.Kind() != value.KindText {
		return v
	}
	if j, err := value.ParseJSON(v.Text()); err == nil {
		return j
	}
	return v
}

// temporalFromNumber converts a number written to a DATE or DATETIME column
// (Unix milliseconds) or a TIME column (seconds since midnight) to the
// type's canonical text, as Quereus's column conversion does; any other
// value, or a number out of range, is returned unchanged for the ordinary
// conversion to accept or reject.
func temporalFromNumber(v value.Value, t types.Type) value.Value {
	var f float64
	switch v.Kind() {
	case value.KindInteger:
		f = float64(v.Int())
	case value.KindReal:
		f = v.Float()
	default:
		return v
	}
	var s string
	ok := false
	switch t {
	case types.Date:
		s, ok = timefn.DateFromNumber(f)
	case types.DateTime:
		s, ok = timefn.DateTimeFromNumber(f)
	case types.Time:
		s, ok = timefn.TimeFromNumber(f)
	}
	if !ok {
		return v
	}
	return value.Text(s)
}

// isTimespanType reports whether a declared type name is TIMESPAN. Key
// bytes encode TIMESPAN values as text, so such columns are not used for
// key seeks or key-order scans; the semantic comparison filters instead.
func isTimespanType(typ string) bool { return typ != "" && declaredType(typ) == types.Timespan }

// semanticCompare compares two non-NULL values for ORDER BY: by elapsed
// time when timespan is set, else as compareValues.
func semanticCompare(x, y value.Value, coll string, timespan bool) int {
	if timespan {
		return types.CompareAs(x, y, types.Timespan, lookupCollation(coll))
	}
	return compareValues(x, y, coll)
}

// timespanKey reports whether ORDER BY column col (a result column, or an
// extra sort expression after them) is statically TIMESPAN.
func timespanKey(col int, cols []outCol, extras []*cexpr) bool {
	if col < len(cols) {
		return isTimespanType(cols[col].typ)
	}
	if i := col - len(cols); i < len(extras) {
		return staticTypeOf(extras[i]) == types.Timespan
	}
	return false
}

// typedPart is collPart for a value of declared type typ: a TIMESPAN part
// keys values by elapsed time, so DISTINCT, GROUP BY and set operations
// treat 'PT1H' and 'PT60M' as one value.
func typedPart(coll, typ string) keyPart {
	p := collPart(coll)
	p.timespan = isTimespanType(typ)
	return p
}

// timespanKeyValue is the identity of a TIMESPAN value in a key: its total
// seconds when the text parses as a duration, else the value itself.
func timespanKeyValue(v value.Value) value.Value {
	if v.Kind() == value.KindText {
		if secs, ok := types.TimespanSeconds(v.Text()); ok {
			return value.Float(secs)
		}
	}
	return v
}
