package types

import (
	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// ---- text ----

// ToText renders v as SQL text the Quereus way: integers in decimal (exact
// for big integers), reals with JavaScript number spelling (FormatReal),
// booleans "true"/"false", text as is, blobs decoded as UTF-8 (invalid bytes
// become U+FFFD), JSON as its canonical text. NULL renders as "".
func ToText(v value.Value) string { panic("todo") }

// FormatReal spells a double as JavaScript's Number.prototype.toString does:
// 3.14 -> "3.14", 1.0 -> "1", 1e21 -> "1e+21", 1e-7 -> "1e-7",
// "Infinity", "-Infinity", "NaN"; -0 -> "0".
func FormatReal(f float64) string { panic("todo") }

// TypeOf returns the typeof() name of v: "null", "integer" (integers, big
// integers, booleans and whole finite reals), "real", "text", "blob", "json".
func TypeOf(v value.Value) string { panic("todo") }

// ---- numbers ----

// ParseNumber parses text that is entirely a number (surrounding white space
// allowed): decimal integers of any size (optional sign) become integers,
// decimals and exponents become reals ("1e3" is the real 1000). ok is false
// for anything else, including "" and "12abc".
func ParseNumber(s string) (v value.Value, ok bool) { panic("todo") }

// ToNumber converts v to a number for arithmetic: numbers pass, booleans are
// 0/1, numeric text parses (ParseNumber), other text is 0 when lenient and
// not ok otherwise; NULL, blobs and JSON are not ok.
func ToNumber(v value.Value, lenient bool) (n value.Value, ok bool) { panic("todo") }

// ---- conversion ----

// Cast implements CAST(v AS t), which is lenient and never fails:
//
//	INTEGER  reals truncate toward zero; text takes its leading integer digits
//	         ("12abc" -> 12, "9e18" -> 9, "abc" -> 0, "" -> NULL); booleans 0/1
//	REAL     text parses its leading number ("abc" -> 0, "" -> NULL)
//	NUMERIC  like REAL but whole values of integer spelling stay exact integers
//	TEXT     ToText
//	BLOB     text/number/boolean spelling as UTF-8 bytes; JSON its text
//	BOOLEAN  numbers != 0; text "true"/"false"/"yes"/"no"/"on"/"off"/numeric,
//	         other text -> NULL
//	JSON     text parses, or stays text when it is not JSON; blobs -> NULL
//	DATE, TIME, DATETIME, TIMESPAN  text normalised by the temporal
//	         normaliser (see SetTemporalNormalizer); invalid -> NULL
//	ANY      unchanged
//
// NULL casts to NULL.
func Cast(v value.Value, t Type) value.Value { panic("todo") }

// Convert is the strict conversion behind the integer(), real(), text(),
// boolean() and blob() functions: like Cast, but a value that does not
// represent the target fails with "Cannot convert to INTEGER" (etc.).
// NULL converts to NULL.
func Convert(v value.Value, t Type) (value.Value, error) { panic("todo") }

// ConvertForColumn converts v for storage in a column of type t (INSERT,
// UPDATE, DEFAULT values, ALTER retype). NULL passes through (nullability is
// checked elsewhere). Numeric text converts to INTEGER/REAL/NUMERIC columns,
// text into BLOB stores its UTF-8 bytes, text into JSON parses; a value that
// does not fit fails with "Type conversion failed for column 'c' ..." .
func ConvertForColumn(v value.Value, t Type, column string) (value.Value, error) {
	panic("todo")
}

// CastForComparison is the plan-time cross-category coercion: when one side
// of a comparison is statically numeric and the other textual, the planner
// wraps the textual side in this conversion (CAST to NUMERIC: numeric text
// to its full numeric value, "1.9" -> 1.9, non-numeric text -> 0). Other
// values pass unchanged.
func CastForComparison(v value.Value) value.Value { panic("todo") }

// ---- comparison ----

// Compare is the total order used for sorting, grouping, DISTINCT, min/max
// and keys: NULL < numbers (integers, big integers, reals and booleans by
// exact value; NaN after every number) < text (by coll; nil is BINARY)
// < blob (bytewise) < JSON (structurally). It returns -1, 0 or +1.
func Compare(a, b value.Value, coll *collation.Collation) int { panic("todo") }

// CompareSQL is SQL comparison: ok is false when either side is NULL
// (UNKNOWN); otherwise c is Compare(a, b, coll).
func CompareSQL(a, b value.Value, coll *collation.Collation) (c int, ok bool) {
	panic("todo")
}

// Equal returns a = b as a three-valued boolean (value.Bool or NULL).
func Equal(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// NotEqual returns a != b as a three-valued boolean.
func NotEqual(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// Less returns a < b as a three-valued boolean.
func Less(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// LessEqual returns a <= b as a three-valued boolean.
func LessEqual(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// Greater returns a > b as a three-valued boolean.
func Greater(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// GreaterEqual returns a >= b as a three-valued boolean.
func GreaterEqual(a, b value.Value, coll *collation.Collation) value.Value { panic("todo") }

// Truthy interprets v as a condition (WHERE, CASE WHEN, NOT, AND, OR): NULL
// is unknown; booleans are themselves; numbers are true when non-zero; text
// is true when it is numeric and non-zero ("1" true, "abc" and "" false);
// blobs and JSON are false.
func Truthy(v value.Value) (isTrue, isNull bool) { panic("todo") }

// ---- arithmetic ----

// Add returns a + b. All arithmetic propagates NULL, converts text per row
// (ToNumber lenient), treats booleans as 0/1, computes exactly over integers
// (promoting to big integers), in float64 once a non-whole real is involved,
// and returns NULL for non-finite results. Blobs and JSON give NULL.
func Add(a, b value.Value) value.Value { panic("todo") }

// Sub returns a - b (see Add).
func Sub(a, b value.Value) value.Value { panic("todo") }

// Mul returns a * b (see Add).
func Mul(a, b value.Value) value.Value { panic("todo") }

// Div returns a / b: real division for safe integers (a whole quotient is an
// integer), truncated big-integer division past 2^53, NULL for b = 0.
func Div(a, b value.Value) value.Value { panic("todo") }

// Mod returns a % b: exact remainder (sign of a) for whole operands, fmod for
// reals, NULL for b = 0.
func Mod(a, b value.Value) value.Value { panic("todo") }

// Neg returns -a; non-numeric text gives NULL.
func Neg(a value.Value) value.Value { panic("todo") }

// Plus returns +a: a number unchanged, numeric text as its number,
// non-numeric text NULL.
func Plus(a value.Value) value.Value { panic("todo") }

// BitNot returns ~a = -a-1 over the whole integer domain; reals truncate
// toward zero first.
func BitNot(a value.Value) value.Value { panic("todo") }

// BitAnd returns a & b over arbitrary-precision integers.
func BitAnd(a, b value.Value) value.Value { panic("todo") }

// BitOr returns a | b over arbitrary-precision integers.
func BitOr(a, b value.Value) value.Value { panic("todo") }

// Shl returns a << b (a negative b shifts right). Shift counts are bounded
// (MaxShift); larger counts give NULL.
func Shl(a, b value.Value) value.Value { panic("todo") }

// Shr returns a >> b (arithmetic shift; a negative b shifts left).
func Shr(a, b value.Value) value.Value { panic("todo") }

// MaxShift bounds shift counts so a shift cannot allocate without limit.
const MaxShift = 4096

// Concat returns a || b: NULL if either is NULL, else the concatenated text
// of both (ToText).
func Concat(a, b value.Value) value.Value { panic("todo") }

// ---- LIKE / GLOB ----

// Pattern is a compiled LIKE or GLOB pattern. It is immutable and safe for
// concurrent use.
type Pattern struct{}

// CompileLike compiles a LIKE pattern: case-sensitive, '%' matches any
// sequence, '_' one code point; escape ("" for none) must be one character
// and makes the next character literal.
func CompileLike(pattern, escape string) (*Pattern, error) { panic("todo") }

// CompileGlob compiles a GLOB pattern: '*', '?', '[...]' classes with ranges
// and '^' negation; case-sensitive.
func CompileGlob(pattern string) (*Pattern, error) { panic("todo") }

// Match reports whether s matches the whole pattern.
func (p *Pattern) Match(s string) bool { panic("todo") }
