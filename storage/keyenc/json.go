package keyenc

import (
	"encoding/json"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// JSON key text: the document's canonical JSON text with object keys sorted
// bytewise, no white space, and numbers spelled by value, so that documents
// equal under JSON structural equality (key order ignored, 1 == 1.0 == 1e0)
// get identical keys:
//
//	integer literal           exact digits, "-0" as "0"   (12345678901234567890)
//	finite integral double    exact integer digits        (1.0 -> 1, 1e3 -> 1000)
//	other finite double       shortest round-trip 'g'     (2.50 -> 2.5, 1e-7 -> 1e-07)
//	beyond float64 range      the literal as written      (1e400)
//
// Strings are written as encoding/json writes them (HTML characters not
// escaped, invalid UTF-8 as U+FFFD).

// appendJSONKey appends the JSON key text of doc.
func appendJSONKey(dst []byte, doc any) []byte {
	switch d := doc.(type) {
	case nil:
		return append(dst, "null"...)
	case bool:
		return strconv.AppendBool(dst, d)
	case json.Number:
		return append(dst, canonicalNumber(string(d))...)
	case float64:
		return append(dst, canonicalNumber(strconv.FormatFloat(d, 'g', -1, 64))...)
	case string:
		return append(dst, value.EncodeJSONDocument(d)...)
	case []any:
		dst = append(dst, '[')
		for i, e := range d {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONKey(dst, e)
		}
		return append(dst, ']')
	case map[string]any:
		keys := make([]string, 0, len(d))
		for k := range d {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, value.EncodeJSONDocument(k)...)
			dst = append(dst, ':')
			dst = appendJSONKey(dst, d[k])
		}
		return append(dst, '}')
	default:
		return append(dst, value.EncodeJSONDocument(d)...)
	}
}

// canonicalNumber spells a JSON number literal by value (see above).
func canonicalNumber(lit string) string {
	if isIntegerLiteral(lit) {
		if b, ok := new(big.Int).SetString(lit, 10); ok {
			return b.String()
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return lit
	}
	if f == math.Trunc(f) {
		if f == 0 {
			return "0"
		}
		return doubleToBig(f).String()
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// isIntegerLiteral reports whether lit is an optional '-' and digits only.
func isIntegerLiteral(lit string) bool {
	digits := strings.TrimPrefix(lit, "-")
	if digits == "" {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}
