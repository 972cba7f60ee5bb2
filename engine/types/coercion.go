package types

import "github.com/quereus/quereus/storage/value"

// Coercion is a conversion the planner applies to one side of a comparison
// (=, <, BETWEEN, IN, simple CASE, ...) based on the static types of the two
// sides. Run-time comparison itself never converts (Compare orders by
// storage class), so these are the only cross-category conversions.
type Coercion uint8

// The comparison coercions.
const (
	CoerceNone    Coercion = iota // compare the value as is
	CoerceNumeric                 // CastForComparison: text to its number (non-numeric text is 0)
	CoerceJSON                    // Cast(v, JSON): JSON text parses, other text stays text
)

// Apply converts v for comparison.
func (c Coercion) Apply(v value.Value) value.Value {
	switch c {
	case CoerceNumeric:
		return CastForComparison(v)
	case CoerceJSON:
		return Cast(v, JSON)
	}
	return v
}

// numericForComparison reports the static types on the numeric side of the
// numeric/text rule (BOOLEAN is not one of them).
func numericForComparison(t Type) bool { return t == Integer || t == Real || t == Numeric }

// ComparisonCoercion returns the coercion for each side of a comparison
// between static types l and r:
//
//   - numeric (INTEGER, REAL, NUMERIC) against textual (TEXT, DATE, TIME,
//     DATETIME, TIMESPAN): the textual side converts to a number
//     (`i = '42'`, `t = 42`, `i > '10'` are all true; 'abc' = 0 is true);
//   - JSON against anything but JSON, NULL and BLOB: the other side casts to
//     JSON (`json_quote(j) = j` compares structurally);
//   - otherwise nothing: in particular an ANY side against a number is not
//     converted (`json_extract(...) = '5'` compares a number with text and
//     is false).
func ComparisonCoercion(l, r Type) (left, right Coercion) {
	switch {
	case numericForComparison(l) && r.IsTextual():
		return CoerceNone, CoerceNumeric
	case l.IsTextual() && numericForComparison(r):
		return CoerceNumeric, CoerceNone
	case l == JSON && r != JSON && r != Null && r != Blob:
		return CoerceNone, CoerceJSON
	case r == JSON && l != JSON && l != Null && l != Blob:
		return CoerceJSON, CoerceNone
	}
	return CoerceNone, CoerceNone
}
