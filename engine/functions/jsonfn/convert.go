package jsonfn

import (
	"encoding/json"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quereus/quereus/storage/value"
)

// Coerce reads an SQL value as a JSON document, as Quereus's
// coerceToJsonValue does. ok is false when the value is not JSON: a BLOB,
// an integer outside JavaScript's safe range (a bigint there), or TEXT that
// does not parse. SQL NULL is the JSON null document.
func Coerce(v value.Value) (doc any, ok bool) {
	switch v.Kind() {
	case value.KindNull:
		return nil, true
	case value.KindText:
		doc, err := Parse(v.Text())
		return doc, err == nil
	case value.KindJSON:
		return v.JSONDoc(), true
	case value.KindInteger:
		if i := v.Int(); i >= -maxSafeInteger && i <= maxSafeInteger {
			return intNumber(i), true
		}
		return nil, false
	case value.KindReal:
		return floatDoc(v.Float()), true
	case value.KindBoolean:
		return v.Bool(), true
	}
	return nil, false
}

// ToDocument converts an SQL value into a document node for embedding in a
// constructed document, as Quereus's prepareJsonValue does: TEXT holding
// valid JSON is embedded parsed, other TEXT as a string; BLOBs and
// non-finite reals become null; integers beyond ±(2^53-1) become decimal
// strings. It never fails.
func ToDocument(v value.Value) any {
	switch v.Kind() {
	case value.KindInteger:
		if i := v.Int(); i >= -maxSafeInteger && i <= maxSafeInteger {
			return intNumber(i)
		}
		return strconv.FormatInt(v.Int(), 10)
	case value.KindBigInt:
		return v.Big().String()
	case value.KindReal:
		return floatDoc(v.Float())
	case value.KindText:
		if doc, err := Parse(v.Text()); err == nil {
			return doc
		}
		return v.Text()
	case value.KindBoolean:
		return v.Bool()
	case value.KindJSON:
		return v.JSONDoc()
	}
	return nil // NULL, BLOB
}

// floatDoc is the document node of a double: a number, or null when the
// double is NaN or infinite (JSON cannot hold those).
func floatDoc(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return json.Number(formatNumber(f))
}

// Value converts a document node into the SQL value a JSON function
// returns: JSON null is NULL, booleans are BOOLEAN, integral numbers within
// ±(2^53-1) (or any int64 literal) are INTEGER, other numbers REAL, strings
// TEXT, and arrays and objects value.JSON.
func Value(doc any) value.Value {
	switch d := doc.(type) {
	case nil:
		return value.Null()
	case bool:
		return value.Bool(d)
	case json.Number:
		return numberValue(d)
	case string:
		return value.Text(d)
	case []any, map[string]any:
		return value.JSON(d)
	}
	return value.Null()
}

func numberValue(n json.Number) value.Value {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return value.Int(i)
	}
	f := numberFloat(n)
	if f == math.Trunc(f) && math.Abs(f) <= maxSafeInteger {
		return value.Int(int64(f))
	}
	return value.Float(f)
}

// TypeName is the json_type name of a document node: null, true, false,
// integer, real, text, array or object.
func TypeName(doc any) string {
	switch d := doc.(type) {
	case bool:
		if d {
			return "true"
		}
		return "false"
	case json.Number:
		if numberIsInteger(d) {
			return "integer"
		}
		return "real"
	case string:
		return "text"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// Stringify renders a document as compact JSON text the way JavaScript's
// JSON.stringify does, except that object keys come out sorted (documents
// do not keep insertion order). Numbers are printed in their JavaScript
// spelling.
func Stringify(doc any) string {
	var b strings.Builder
	writeDoc(&b, doc)
	return b.String()
}

func writeDoc(b *strings.Builder, doc any) {
	switch d := doc.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if d {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case json.Number:
		b.WriteString(normalizeNumber(d))
	case string:
		writeQuoted(b, d)
	case []any:
		b.WriteByte('[')
		for i, e := range d {
			if i > 0 {
				b.WriteByte(',')
			}
			writeDoc(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range slices.Sorted(maps.Keys(d)) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeQuoted(b, k)
			b.WriteByte(':')
			writeDoc(b, d[k])
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

// normalizeNumber returns the JavaScript spelling of a document number that
// may come from a reader that keeps the source lexeme (value.ParseJSON).
func normalizeNumber(n json.Number) string {
	s := string(n)
	if len(s) <= 15 && s != "-0" {
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			return s
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if bf, _, perr := big.ParseFloat(s, 10, 64, big.ToNearestEven); perr == nil {
			f, _ = bf.Float64()
		}
	}
	return formatNumber(f)
}

// Quote returns s as a JSON string literal, escaped as JSON.stringify does:
// '"', '\\' and the control characters are escaped (\b \f \n \r \t, others
// as \u00xx); everything else is kept, and invalid UTF-8 becomes U+FFFD.
func Quote(s string) string {
	var b strings.Builder
	writeQuoted(&b, s)
	return b.String()
}

func writeQuoted(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r) // RuneError for invalid bytes
			i += size
			continue
		}
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			} else {
				b.WriteByte(c)
			}
		}
		i++
	}
	b.WriteByte('"')
}
