package types

import (
	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// Three-valued logic over Truthy. Results are value.Bool or NULL.

// Not returns NOT a.
func Not(a value.Value) value.Value {
	t, null := Truthy(a)
	if null {
		return value.Null()
	}
	return value.Bool(!t)
}

// And returns a AND b: false if either is false, else NULL if either is
// NULL, else true. (The evaluator short-circuits; this is the table.)
func And(a, b value.Value) value.Value {
	ta, na := Truthy(a)
	tb, nb := Truthy(b)
	switch {
	case !na && !ta, !nb && !tb:
		return value.Bool(false)
	case na || nb:
		return value.Null()
	}
	return value.Bool(true)
}

// Or returns a OR b: true if either is true, else NULL if either is NULL,
// else false.
func Or(a, b value.Value) value.Value {
	ta, na := Truthy(a)
	tb, nb := Truthy(b)
	switch {
	case !na && ta, !nb && tb:
		return value.Bool(true)
	case na || nb:
		return value.Null()
	}
	return value.Bool(false)
}

// Xor returns a XOR b: NULL if either is NULL, else whether exactly one is
// true.
func Xor(a, b value.Value) value.Value {
	ta, na := Truthy(a)
	tb, nb := Truthy(b)
	if na || nb {
		return value.Null()
	}
	return value.Bool(ta != tb)
}

// IsTrue returns a IS TRUE (never NULL); IsFalse a IS FALSE.
func IsTrue(a value.Value) bool {
	t, null := Truthy(a)
	return t && !null
}

// IsFalse returns a IS FALSE (never NULL): NULL is not false.
func IsFalse(a value.Value) bool {
	t, null := Truthy(a)
	return !t && !null
}

// In returns x IN (list) three-valued: true when some member equals x
// (under coll), otherwise NULL when x or any member is NULL, otherwise
// false. Plan-time coercions must already be applied to x and the members.
// NOT IN is Not(In(...)).
func In(x value.Value, list []value.Value, coll *collation.Collation) value.Value {
	if x.IsNull() {
		if len(list) == 0 {
			return value.Bool(false)
		}
		return value.Null()
	}
	sawNull := false
	for _, m := range list {
		if m.IsNull() {
			sawNull = true
			continue
		}
		if Compare(x, m, coll) == 0 {
			return value.Bool(true)
		}
	}
	if sawNull {
		return value.Null()
	}
	return value.Bool(false)
}

// Between returns x BETWEEN lo AND hi, i.e. x >= lo AND x <= hi, three-valued.
func Between(x, lo, hi value.Value, coll *collation.Collation) value.Value {
	return And(GreaterEqual(x, lo, coll), LessEqual(x, hi, coll))
}
