package types

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// Cast implements CAST(v AS t), which is lenient and never fails:
//
//	INTEGER  reals truncate toward zero; text takes its leading integer digits
//	         ("12abc" -> 12, "9e18" -> 9, "abc" -> 0, "" -> NULL); booleans 0/1
//	REAL     text parses its leading number ("abc" -> 0, "" -> NULL)
//	NUMERIC  like REAL, but integer-spelled text stays an exact integer
//	TEXT     ToText
//	BLOB     the text spelling's UTF-8 bytes; JSON its canonical text
//	BOOLEAN  numbers != 0; text "true"/"false"/"yes"/"no"/"on"/"off" or
//	         numeric; other text and blobs -> NULL
//	JSON     text parses, or stays text when it is not JSON; blobs -> NULL
//	DATE, TIME, DATETIME, TIMESPAN  text normalised by the temporal
//	         normaliser (see SetTemporalNormalizer); invalid -> NULL
//	ANY      unchanged
//
// NULL casts to NULL.
func Cast(v value.Value, t Type) value.Value {
	if v.IsNull() {
		return v
	}
	switch t {
	case Integer:
		return castInteger(v)
	case Real:
		n := castNumeric(v)
		if n.IsNull() {
			return n
		}
		return value.Float(ToFloat(n))
	case Numeric:
		return castNumeric(v)
	case Text:
		return value.Text(ToText(v))
	case Blob:
		return castBlob(v)
	case Boolean:
		b, ok := toBoolean(v)
		if !ok {
			return value.Null()
		}
		return value.Bool(b)
	case JSON:
		return castJSON(v)
	case Date, Time, DateTime, Timespan:
		if v.Kind() == value.KindBlob || v.Kind() == value.KindJSON {
			return value.Null()
		}
		s, ok := NormalizeTemporal(t, ToText(v))
		if !ok {
			return value.Null()
		}
		return value.Text(s)
	}
	return v
}

// scalarOf unwraps a JSON scalar document into the SQL value it spells
// (numbers, strings, booleans); containers and non-JSON values are returned
// unchanged.
func scalarOf(v value.Value) value.Value {
	if v.Kind() != value.KindJSON {
		return v
	}
	switch d := v.JSONDoc().(type) {
	case nil:
		return value.Null()
	case bool:
		return value.Bool(d)
	case string:
		return value.Text(d)
	case json.Number:
		if n, ok := ParseNumber(string(d)); ok {
			return n
		}
	}
	return v
}

func castInteger(v value.Value) value.Value {
	v = scalarOf(v)
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt:
		return v
	case value.KindBoolean:
		return boolInt(v.Bool())
	case value.KindReal:
		n, ok := floatToInteger(v.Float())
		if !ok {
			return value.Null()
		}
		return n
	case value.KindText, value.KindBlob:
		return castTextPrefix(v, integerPrefix)
	}
	return value.Null()
}

func castNumeric(v value.Value) value.Value {
	v = scalarOf(v)
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt, value.KindReal:
		return v
	case value.KindBoolean:
		return boolInt(v.Bool())
	case value.KindText, value.KindBlob:
		return castTextPrefix(v, numericPrefix)
	}
	return value.Null()
}

// castTextPrefix casts TEXT or BLOB v by the number its text starts with,
// read by prefix: NULL for blank text, 0 when no number leads.
func castTextPrefix(v value.Value, prefix func(string) (value.Value, bool)) value.Value {
	s := ToText(v)
	if trimNumberSpace(s) == "" {
		return value.Null()
	}
	if n, ok := prefix(s); ok {
		return n
	}
	return value.Int(0)
}

func boolInt(b bool) value.Value {
	if b {
		return value.Int(1)
	}
	return value.Int(0)
}

func castBlob(v value.Value) value.Value {
	switch v.Kind() {
	case value.KindBlob:
		return v
	case value.KindJSON:
		return value.BlobString(v.JSONText())
	}
	return value.BlobString(ToText(v))
}

func castJSON(v value.Value) value.Value {
	switch v.Kind() {
	case value.KindJSON:
		return v
	case value.KindBlob:
		return value.Null()
	case value.KindText:
		if j, err := value.ParseJSON(v.Text()); err == nil {
			return j
		}
		return v
	case value.KindBoolean:
		return value.JSON(v.Bool())
	}
	return value.JSON(json.Number(ToText(v)))
}

// toBoolean interprets v as a boolean for CAST/boolean()/BOOLEAN columns.
func toBoolean(v value.Value) (bool, bool) {
	v = scalarOf(v)
	switch v.Kind() {
	case value.KindBoolean:
		return v.Bool(), true
	case value.KindInteger:
		return v.Int() != 0, true
	case value.KindBigInt:
		return true, true
	case value.KindReal:
		f := v.Float()
		return f != 0 && f == f, true
	case value.KindText:
		s := strings.ToLower(strings.TrimSpace(v.Text()))
		switch s {
		case "true", "yes", "on", "t", "y":
			return true, true
		case "false", "no", "off", "f", "n":
			return false, true
		}
		if n, ok := ParseNumber(s); ok {
			return ToFloat(n) != 0 || n.Kind() == value.KindBigInt, true
		}
	}
	return false, false
}

// Convert is the strict conversion behind the integer(), real(), text(),
// boolean() and blob() functions: like Cast, but a value that does not
// represent the target fails with "Cannot convert to INTEGER" (etc.).
// NULL converts to NULL.
func Convert(v value.Value, t Type) (value.Value, error) {
	if v.IsNull() {
		return v, nil
	}
	fail := func() (value.Value, error) {
		return value.Null(), fmt.Errorf("Cannot convert to %s: %s", t.Name(), describe(v))
	}
	switch t {
	case Integer:
		n, ok := ToNumber(scalarOf(v), false)
		if !ok {
			return fail()
		}
		if n.Kind() == value.KindReal {
			if n, ok = floatToInteger(n.Float()); !ok {
				return fail()
			}
		}
		return n, nil
	case Real:
		n, ok := ToNumber(scalarOf(v), false)
		if !ok {
			return fail()
		}
		return value.Float(ToFloat(n)), nil
	case Numeric:
		n, ok := ToNumber(scalarOf(v), false)
		if !ok {
			return fail()
		}
		return n, nil
	case Text:
		return value.Text(ToText(v)), nil
	case Boolean:
		b, ok := toBoolean(v)
		if !ok {
			return fail()
		}
		return value.Bool(b), nil
	case Blob:
		if v.Kind() == value.KindJSON {
			return fail()
		}
		return castBlob(v), nil
	case JSON:
		if v.Kind() == value.KindText {
			j, err := value.ParseJSON(v.Text())
			if err != nil {
				return fail()
			}
			return j, nil
		}
		if v.Kind() == value.KindBlob {
			return fail()
		}
		return castJSON(v), nil
	case Date, Time, DateTime, Timespan:
		if v.Kind() != value.KindText {
			return fail()
		}
		s, ok := NormalizeTemporal(t, v.Text())
		if !ok {
			return fail()
		}
		return value.Text(s), nil
	}
	return v, nil
}

// describe renders a value for error messages, bounded in length.
func describe(v value.Value) string {
	s := v.String()
	if len(s) > 64 {
		s = s[:61] + "..."
	}
	return strings.ToUpper(v.Kind().String()) + " " + s
}

// ConvertForColumn converts v for storage in a column of type t (INSERT,
// UPDATE, DEFAULT values, ALTER retype). NULL passes through (nullability is
// checked elsewhere). Numeric text converts to INTEGER, REAL and NUMERIC
// columns; numbers and booleans render into TEXT columns; text into BLOB
// stores its UTF-8 bytes; text into JSON parses; numbers into BOOLEAN are
// non-zero tests. A value that does not fit fails with
// "Type conversion failed for column 'c': ...".
func ConvertForColumn(v value.Value, t Type, column string) (value.Value, error) {
	if v.IsNull() || t == Any || t == Null {
		return v, nil
	}
	out, ok := convertForColumn(v, t)
	if !ok {
		return value.Null(), fmt.Errorf("Type conversion failed for column '%s': cannot store %s as %s",
			column, describe(v), t.Name())
	}
	return out, nil
}

func convertForColumn(v value.Value, t Type) (value.Value, bool) {
	k := v.Kind()
	switch t {
	case Integer:
		n, ok := ToNumber(scalarOf(v), false)
		if !ok {
			return n, false
		}
		if n.Kind() == value.KindReal {
			// A fractional value truncates toward zero, as Quereus stores
			// 9.7 into an INTEGER column as 9; NaN and ±Inf fail.
			return floatToInteger(n.Float())
		}
		return n, true
	case Real:
		n, ok := ToNumber(scalarOf(v), false)
		if !ok {
			return n, false
		}
		return value.Float(ToFloat(n)), true
	case Numeric:
		return ToNumber(scalarOf(v), false)
	case Text:
		switch k {
		case value.KindBlob:
			return v, false
		case value.KindJSON:
			return value.Text(v.JSONText()), true
		}
		return value.Text(ToText(v)), true
	case Blob:
		switch k {
		case value.KindBlob:
			return v, true
		case value.KindText:
			return value.BlobString(v.Text()), true
		}
		return v, false
	case Boolean:
		if k == value.KindBlob || k == value.KindJSON {
			return v, false
		}
		b, ok := toBoolean(v)
		return value.Bool(b), ok
	case JSON:
		switch k {
		case value.KindJSON:
			return v, true
		case value.KindText:
			j, err := value.ParseJSON(v.Text())
			return j, err == nil
		case value.KindBlob:
			return v, false
		}
		return castJSON(v), true
	case Date, Time, DateTime, Timespan:
		if k != value.KindText {
			return v, false
		}
		s, ok := NormalizeTemporal(t, v.Text())
		return value.Text(s), ok
	}
	return v, true
}

// CastForComparison is the plan-time cross-category coercion: when one side
// of a comparison is statically numeric and the other textual, the planner
// wraps the textual side in this conversion. Numeric text becomes its full
// numeric value ("1.9" -> 1.9, "1e3" -> 1000), other text its leading
// number or 0 ("abc" -> 0). Other values pass unchanged.
func CastForComparison(v value.Value) value.Value {
	if v.Kind() != value.KindText {
		return v
	}
	if n, ok := ParseNumber(v.Text()); ok {
		return n
	}
	if n, ok := numericPrefix(v.Text()); ok {
		return n
	}
	return value.Int(0)
}
