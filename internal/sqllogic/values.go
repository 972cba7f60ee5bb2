package sqllogic

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A canonical value is what both sides of a comparison are turned into:
// nil, bool, float64, string, []any, map[string]any, or opaque (which never
// equals anything, like a Uint8Array in Quereus's chai comparison).
type opaque struct{ desc string }

func (o opaque) String() string { return o.desc }

// decimalInteger matches the text a driver uses for integers beyond int64.
var decimalInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)

// canonicalActual maps a value scanned from database/sql into a canonical
// value. dbType is the column's DatabaseTypeName:
//   - nil → null; int64, float64 (and other Go integers) → number; bool →
//     bool; string → string;
//   - a json.RawMessage, and a string or []byte in a column whose type is
//     JSON, is JSON text and is decoded; text that is not valid JSON never
//     equals anything;
//   - in a column whose type name contains INT, a string of decimal digits
//     is an integer beyond int64 and becomes a number;
//   - a time.Time in a DATE, TIME, DATETIME or TIMESTAMP column (the
//     driver turns their ISO text into one) goes back to the canonical
//     Quereus text of the column's type: DATE "2006-01-02", TIME
//     "15:04:05[.f]", otherwise "2006-01-02T15:04:05[.f]" (fraction
//     trimmed, UTC); elsewhere it never equals anything;
//   - []byte outside JSON columns (a blob) and any other type never equal
//     anything.
func canonicalActual(v any, dbType string) any {
	upper := strings.ToUpper(dbType)
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		return x
	case int64:
		return float64(x)
	case int:
		return float64(x)
	case int32:
		return float64(x)
	case uint64:
		return float64(x)
	case float64:
		return x
	case float32:
		return float64(x)
	case string:
		if upper == "JSON" {
			return canonicalJSONText(x)
		}
		if strings.Contains(upper, "INT") && decimalInteger.MatchString(x) {
			f, _ := strconv.ParseFloat(x, 64)
			return f
		}
		return x
	case json.RawMessage:
		return canonicalJSONText(string(x))
	case []byte:
		if upper == "JSON" {
			return canonicalJSONText(string(x))
		}
		return opaque{fmt.Sprintf("blob x'%x'", x)}
	case time.Time:
		if !temporalTypes[upper] {
			return opaque{"time.Time " + x.Format(time.RFC3339Nano)}
		}
		return temporalText(x, upper)
	default:
		return opaque{fmt.Sprintf("%T %v", v, v)}
	}
}

// canonicalJSON converts a decoded JSON value (numbers as json.Number) into
// a canonical value: numbers become float64 (±Inf when out of range, as in
// JavaScript).
func canonicalJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil && !math.IsInf(f, 0) {
			return opaque{"bad JSON number " + string(x)}
		}
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = canonicalJSON(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = canonicalJSON(e)
		}
		return out
	default:
		return x
	}
}

// formatValue renders a canonical value as compact JSON-like text for
// reports (-0 and opaque values shown distinctly).
func formatValue(v any) string {
	var b strings.Builder
	writeValue(&b, v)
	return b.String()
}

func writeValue(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case float64:
		switch {
		case x == 0 && math.Signbit(x):
			b.WriteString("-0")
		case math.IsInf(x, 0) || math.IsNaN(x):
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		default:
			out, _ := json.Marshal(x)
			b.Write(out)
		}
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeValue(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := slices.Sorted(maps.Keys(x))
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			out, _ := json.Marshal(k)
			b.Write(out)
			b.WriteByte(':')
			writeValue(b, x[k])
		}
		b.WriteByte('}')
	case opaque:
		b.WriteString("<" + x.desc + ">")
	default:
		out, err := json.Marshal(x)
		if err != nil {
			fmt.Fprintf(b, "<%T>", x)
			return
		}
		b.Write(out)
	}
}

func canonicalJSONText(text string) any {
	d, err := decodeJSON(text)
	if err != nil {
		return opaque{fmt.Sprintf("invalid JSON text %q from a JSON column", text)}
	}
	return canonicalJSON(d)
}

// temporalTypes are the column types whose text the driver returns as a
// time.Time.
var temporalTypes = map[string]bool{"DATE": true, "TIME": true, "DATETIME": true, "TIMESTAMP": true}

// temporalText renders a time.Time as the Quereus text of a DATE, TIME or
// DATETIME value.
func temporalText(t time.Time, upperType string) string {
	t = t.UTC()
	switch upperType {
	case "DATE":
		return t.Format("2006-01-02")
	case "TIME":
		return t.Format("15:04:05.999999999")
	default:
		return t.Format("2006-01-02T15:04:05.999999999")
	}
}
