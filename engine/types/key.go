package types

import (
	"encoding/json"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// KeyString returns a canonical string for v such that, for two values a
// and b, KeyString(a) == KeyString(b) exactly when Compare(a, b, coll) == 0
// — for hash-based GROUP BY, DISTINCT, IN sets and joins. Numbers are keyed
// by exact value (1, 1.0 and true share a key; all NaNs share one), text by
// the collation's normalized form, JSON by its canonical structure.
//
// exact is false when coll has no key normalizer (a custom collation
// registered without one, see collation.ProvidesOrdering): then equal keys
// still imply Compare == 0, but Compare-equal texts may get different keys,
// and the caller must fall back to comparisons.
//
// Layout: one class byte ('0' NULL, '1' number, '2' text, '3' blob,
// '4' JSON) followed by the canonical payload:
//
//	number  exact integer digits ("-12"), or for non-whole reals the
//	        shortest round-trip spelling ("2.5", "1e-7"); "inf", "-inf", "nan"
//	text    coll.Normalize(s)
//	blob    the raw bytes
//	JSON    canonical JSON text: object keys sorted, numbers canonical as above
func KeyString(v value.Value, coll *collation.Collation) (key string, exact bool) {
	switch v.Kind() {
	case value.KindNull:
		return "0", true
	case value.KindInteger:
		return "1" + strconv.FormatInt(v.Int(), 10), true
	case value.KindBoolean:
		if v.Bool() {
			return "11", true
		}
		return "10", true
	case value.KindBigInt:
		return "1" + v.Big().String(), true
	case value.KindReal:
		return "1" + realKey(v.Float()), true
	case value.KindText:
		if coll == nil {
			return "2" + v.Text(), true
		}
		return "2" + coll.Normalize(v.Text()), coll.ProvidesOrdering()
	case value.KindBlob:
		return "3" + v.Text(), true
	}
	var b strings.Builder
	b.WriteByte('4')
	writeJSONKey(&b, v.JSONDoc())
	return b.String(), true
}

// realKey spells a double canonically: whole values as exact integers.
func realKey(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		return "0"
	case f == math.Trunc(f):
		if math.Abs(f) < 1<<63 {
			return strconv.FormatInt(int64(f), 10)
		}
		b, _ := new(big.Float).SetFloat64(f).Int(nil)
		return b.String()
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// numberKey canonicalizes a JSON number literal like a SQL number.
func numberKey(n json.Number) string {
	if v, ok := ParseNumber(string(n)); ok {
		k, _ := KeyString(v, nil)
		return k[1:]
	}
	return string(n)
}

func writeJSONKey(b *strings.Builder, doc any) {
	switch d := doc.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(d))
	case json.Number:
		b.WriteString(numberKey(d))
	case float64, int, int64:
		b.WriteString(numberKey(jsonNumber(d)))
	case string:
		b.WriteString(strconv.Quote(d))
	case []any:
		b.WriteByte('[')
		for i, e := range d {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONKey(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range slices.Sorted(maps.Keys(d)) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeJSONKey(b, d[k])
		}
		b.WriteByte('}')
	default:
		b.WriteString(value.EncodeJSONDocument(d))
	}
}

// StaticType is the static type of a literal or bound value, for the
// planner: NULL is Null, integers Integer, reals Real, text Text, blobs
// Blob, booleans Boolean, JSON JSON.
func StaticType(v value.Value) Type {
	switch v.Kind() {
	case value.KindNull:
		return Null
	case value.KindInteger, value.KindBigInt:
		return Integer
	case value.KindReal:
		return Real
	case value.KindText:
		return Text
	case value.KindBlob:
		return Blob
	case value.KindBoolean:
		return Boolean
	}
	return JSON
}
