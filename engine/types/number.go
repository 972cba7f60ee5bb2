package types

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// maxNumberText bounds the length of text parsed as a number, so a huge
// digit string cannot make big-integer parsing expensive.
const maxNumberText = 4096

// maxSafe is 2^53, the largest magnitude below which every integer is an
// exact double.
const maxSafe = 1 << 53

// trimNumberSpace removes the white space allowed around numeric text.
func trimNumberSpace(s string) string { return strings.TrimSpace(s) }

// ParseNumber parses text that is entirely a number (surrounding white space
// allowed): decimal integers of any size (optional sign) become integers,
// decimals and exponents become reals ("1e3" is the real 1000). ok is false
// for anything else, including "" and "12abc".
func ParseNumber(s string) (v value.Value, ok bool) {
	s = trimNumberSpace(s)
	if s == "" || len(s) > maxNumberText {
		return value.Null(), false
	}
	intEnd, end := scanNumber(s)
	if end != len(s) || end == 0 {
		return value.Null(), false
	}
	if intEnd == end {
		return parseInteger(s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) {
		return value.Null(), false
	}
	return value.Float(f), true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// scanNumber scans the longest numeric prefix of s: [+-]? digits [. digits]
// [e [+-] digits] (also ".5" forms). intEnd is where an all-digit integer
// prefix ends (0 when none), end where the whole number ends (0 when s has
// no numeric prefix).
func scanNumber(s string) (intEnd, end int) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if digits > 0 {
		intEnd = i
	}
	frac := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			frac++
		}
		if digits > 0 || frac > 0 {
			i = j
		}
	}
	if digits == 0 && frac == 0 {
		return 0, 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > j {
			i = k
		}
	}
	return intEnd, i
}

// parseInteger parses a signed decimal digit string exactly.
func parseInteger(s string) (value.Value, bool) {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return value.Int(i), true
	}
	b, ok := new(big.Int).SetString(strings.TrimPrefix(s, "+"), 10)
	if !ok {
		return value.Null(), false
	}
	return value.BigInt(b), true
}

// ToNumber converts v to a number for arithmetic: numbers pass, booleans are
// 0/1, numeric text parses (ParseNumber), other text is 0 when lenient and
// not ok otherwise; a JSON scalar converts like the SQL value it spells;
// NULL, blobs and JSON containers are not ok.
func ToNumber(v value.Value, lenient bool) (n value.Value, ok bool) {
	if v.Kind() == value.KindJSON {
		v = scalarOf(v)
	}
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt, value.KindReal:
		return v, true
	case value.KindBoolean:
		if v.Bool() {
			return value.Int(1), true
		}
		return value.Int(0), true
	case value.KindText:
		if n, ok := ParseNumber(v.Text()); ok {
			return n, true
		}
		if lenient {
			return value.Int(0), true
		}
	}
	return value.Null(), false
}

// ToFloat returns a number value as a float64 (big integers round,
// booleans are 1 and 0, other kinds 0).
func ToFloat(v value.Value) float64 {
	switch v.Kind() {
	case value.KindInteger:
		return float64(v.Int())
	case value.KindBigInt:
		f, _ := new(big.Float).SetInt(v.Big()).Float64()
		return f
	case value.KindReal:
		return v.Float()
	case value.KindBoolean:
		if v.Bool() {
			return 1
		}
	}
	return 0
}

// floatToInteger truncates a finite double toward zero into an exact
// integer value (big when outside int64). ok is false for NaN and ±Inf.
func floatToInteger(f float64) (value.Value, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return value.Null(), false
	}
	t := math.Trunc(f)
	if t >= -9.223372036854775e18 && t <= 9.223372036854775e18 {
		return value.Int(int64(t)), true
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return value.BigInt(b), true
}

// numericPrefix parses the leading number of text, parseFloat-style
// ("3.5abc" -> 3.5, "12" -> 12 as an exact integer). ok is false when s has
// no numeric prefix.
func numericPrefix(s string) (value.Value, bool) {
	s = trimNumberSpace(s)
	if len(s) > maxNumberText {
		s = s[:maxNumberText]
	}
	intEnd, end := scanNumber(s)
	if end == 0 {
		if strings.HasPrefix(s, "Infinity") || strings.HasPrefix(s, "+Infinity") {
			return value.Float(math.Inf(1)), true
		}
		if strings.HasPrefix(s, "-Infinity") {
			return value.Float(math.Inf(-1)), true
		}
		return value.Null(), false
	}
	if intEnd == end {
		return parseInteger(s[:end])
	}
	f, err := strconv.ParseFloat(s[:end], 64)
	if err != nil && !isRangeErr(err) {
		return value.Null(), false
	}
	return value.Float(f), true
}

// integerPrefix parses the leading [+-]digits run of text (parseInt-style).
func integerPrefix(s string) (value.Value, bool) {
	s = trimNumberSpace(s)
	if len(s) > maxNumberText {
		s = s[:maxNumberText]
	}
	intEnd, _ := scanNumber(s)
	if intEnd == 0 {
		return value.Null(), false
	}
	return parseInteger(s[:intEnd])
}
