// Package types holds the value semantics of the Quereus SQL dialect on top of
// storage/value: logical types from declared type names, write-time column
// conversion, CAST and the strict conversion functions, value-to-text
// spelling, comparison (total order and three-valued SQL comparison),
// truthiness, arithmetic and the LIKE/GLOB matchers.
//
// The rules follow TypeScript Quereus rather than SQLite where they differ
// (see the conformance SEMANTICS.md):
//
//   - Strict typing: a value written to a typed column converts to the
//     column's type or is rejected ("Type conversion failed for column 'c'");
//     there is no affinity. ANY keeps every value as is.
//   - Integers have arbitrary precision (value.KindBigInt past int64), and
//     integer arithmetic promotes instead of overflowing.
//   - integer / integer is real division while both operands are safe
//     integers (|x| <= 2^53); a whole quotient stays an integer. Past 2^53
//     the quotient is the truncated big-integer quotient. Division or modulo
//     by zero and any non-finite result give NULL.
//   - Text in arithmetic converts per row ('123' + 0 = 123, 'abc' + 0 = 0);
//     unary operators on non-numeric text give NULL.
//   - Values render to text with JavaScript number spelling (1.0 -> "1",
//     1e21 -> "1e+21", Infinity) and booleans as "true"/"false".
//   - typeof() classifies numbers by value, as JavaScript Quereus does: a
//     whole finite real is "integer", a boolean is "integer".
//   - Comparison at run time orders by storage class (NULL < numbers and
//     booleans < text < blob < JSON); the planner decides when text is
//     converted to a number before comparing (CastForComparison).
//   - LIKE is case sensitive, `_` matches one code point.
//   - TIMESPAN values order by elapsed time wherever the logical type is
//     known (CompareAs, KeyStringAs); JSON always compares structurally.
//
// Map of the package:
//
//	type.go       Type, FromDeclared
//	text.go       ToText, FormatReal, TypeOf
//	number.go     ParseNumber, ToNumber and the numeric-prefix parsers
//	convert.go    Cast, Convert, ConvertForColumn, CastForComparison
//	temporal.go   temporal normalisers (replaceable: SetTemporalNormalizer)
//	compare.go    Compare, CompareSQL, Equal/Less/..., Truthy
//	coercion.go   ComparisonCoercion: the plan-time numeric/text/JSON rule
//	semantic.go   TimespanSeconds, CompareAs, KeyStringAs
//	key.go        KeyString (hash keys that agree with Compare), StaticType
//	logic.go      Not, And, Or, Xor, IsTrue, IsFalse, In, Between
//	arith.go      Add, Sub, Mul, Div, Mod, Neg, Plus, BitNot, BitAnd, BitOr,
//	              Shl, Shr, Concat
//	like.go       CompileLike, CompileGlob, Pattern; like_cache.go caches
//
// Nothing here panics on any input; text and pattern sizes are bounded.
//
// Static (plan-time) types and declared column types share the Type enum;
// Any doubles as "unknown".
package types
