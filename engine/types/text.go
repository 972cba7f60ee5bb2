package types

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quereus/quereus/storage/value"
)

// ToText renders v as SQL text the Quereus way: integers in decimal (exact
// for big integers), reals with JavaScript number spelling (FormatReal),
// booleans "true"/"false", text as is, blobs decoded as UTF-8 (each invalid
// byte becomes U+FFFD), a JSON string scalar as the string itself and any
// other JSON document as its canonical text. NULL renders as "".
func ToText(v value.Value) string {
	switch v.Kind() {
	case value.KindInteger:
		return strconv.FormatInt(v.Int(), 10)
	case value.KindBigInt:
		return v.Big().String()
	case value.KindReal:
		return FormatReal(v.Float())
	case value.KindText:
		return v.Text()
	case value.KindBlob:
		return decodeUTF8Lossy(v.Text())
	case value.KindBoolean:
		if v.Bool() {
			return "true"
		}
		return "false"
	case value.KindJSON:
		if s, ok := v.JSONDoc().(string); ok {
			return s
		}
		return v.JSONText()
	}
	return ""
}

// decodeUTF8Lossy returns s with every invalid UTF-8 byte replaced by
// U+FFFD, as a TextDecoder does.
func decodeUTF8Lossy(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// FormatReal spells a double as JavaScript's Number.prototype.toString does:
// 3.14 -> "3.14", 1.0 -> "1", 1e21 -> "1e+21", 1e-7 -> "1e-7",
// "Infinity", "-Infinity", "NaN"; -0 -> "0".
func FormatReal(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	// Shortest round-trip digits: "-d.ddde±XX".
	e := strconv.FormatFloat(f, 'e', -1, 64)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	ePos := strings.IndexByte(e, 'e')
	mant, expStr := e[:ePos], e[ePos+1:]
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	k := len(digits)
	n := exp + 1 // position of the decimal point relative to the digits
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case k <= n && n <= 21:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", n-k))
	case 0 < n && n <= 21:
		b.WriteString(digits[:n])
		b.WriteByte('.')
		b.WriteString(digits[n:])
	case -6 < n && n <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -n))
		b.WriteString(digits)
	default:
		b.WriteByte(digits[0])
		if k > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if n-1 >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(n - 1))
	}
	return b.String()
}

// TypeOf returns the typeof() name of v: "null", "integer" (integers, big
// integers, booleans and whole finite reals), "real", "text", "blob", "json".
func TypeOf(v value.Value) string {
	switch v.Kind() {
	case value.KindNull:
		return "null"
	case value.KindInteger, value.KindBigInt, value.KindBoolean:
		return "integer"
	case value.KindReal:
		if isWhole(v.Float()) {
			return "integer"
		}
		return "real"
	case value.KindText:
		return "text"
	case value.KindBlob:
		return "blob"
	case value.KindJSON:
		return "json"
	}
	return "null"
}

// isWhole reports whether f is finite and has no fractional part.
func isWhole(f float64) bool {
	return !math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)
}
