package quereus

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"time"

	"github.com/quereus/quereus/storage/value"
)

// TimeFormat is the text a time.Time argument becomes: the Quereus canonical
// DATETIME form, converted to UTC, without a zone suffix, fractional seconds
// present only when non-zero and trimmed of trailing zeros
// ("2024-03-15T14:30:00", "2024-03-15T14:30:00.5"). It is what a DATETIME
// column stores, so an argument compares equal to the stored value.
const TimeFormat = "2006-01-02T15:04:05.999999999"

// maxValuerDepth bounds chains of driver.Valuer values returning Valuers.
const maxValuerDepth = 16

var valuerType = reflect.TypeFor[driver.Valuer]()

// toValue converts a Go argument to an SQL value. It accepts the
// driver.Value types, every integer, unsigned and float kind, *big.Int and
// big.Int, json.RawMessage (a JSON value), value.Value, pointers to any of
// these (nil is NULL) and driver.Valuer.
func toValue(v any) (value.Value, error) { return toValueDepth(v, 0) }

func toValueDepth(v any, depth int) (value.Value, error) {
	switch x := v.(type) {
	case nil:
		return value.Null(), nil
	case value.Value:
		return x, nil
	case int64:
		return value.Int(x), nil
	case float64:
		return value.Float(x), nil
	case bool:
		return value.Bool(x), nil
	case string:
		return value.Text(x), nil
	case []byte:
		if x == nil {
			return value.Null(), nil
		}
		return value.Blob(x), nil
	case time.Time:
		return value.Text(x.UTC().Format(TimeFormat)), nil
	case json.RawMessage:
		if x == nil {
			return value.Null(), nil
		}
		doc, err := value.ParseJSON(string(x))
		if err != nil {
			return value.Null(), fmt.Errorf("quereus: json.RawMessage argument is not valid JSON: %w", err)
		}
		return doc, nil
	case *big.Int:
		return value.BigInt(x), nil // nil gives NULL
	case big.Int:
		return value.BigInt(&x), nil
	case driver.Valuer:
		if depth >= maxValuerDepth {
			return value.Null(), fmt.Errorf("quereus: driver.Valuer chain deeper than %d", maxValuerDepth)
		}
		rv := reflect.ValueOf(x)
		if rv.Kind() == reflect.Pointer && rv.IsNil() && rv.Type().Elem().Implements(valuerType) {
			return value.Null(), nil // as database/sql does: nil pointer to a value-receiver Valuer
		}
		inner, err := x.Value()
		if err != nil {
			return value.Null(), err
		}
		return toValueDepth(inner, depth+1)
	}
	return reflectToValue(v, depth)
}

// reflectToValue handles named types over basic kinds and pointers.
func reflectToValue(v any, depth int) (value.Value, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return value.Null(), nil
		}
		if depth >= maxValuerDepth {
			return value.Null(), fmt.Errorf("quereus: pointer chain deeper than %d", maxValuerDepth)
		}
		return toValueDepth(rv.Elem().Interface(), depth+1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return value.BigInt(new(big.Int).SetUint64(u)), nil
		}
		return value.Int(int64(u)), nil
	case reflect.Float32, reflect.Float64:
		return value.Float(rv.Float()), nil
	case reflect.Bool:
		return value.Bool(rv.Bool()), nil
	case reflect.String:
		return value.Text(rv.String()), nil
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			if rv.IsNil() {
				return value.Null(), nil
			}
			return value.Blob(rv.Bytes()), nil
		}
	}
	return value.Null(), fmt.Errorf("quereus: unsupported argument type %T", v)
}

// fromValue converts an SQL value to a database/sql value. temporal is true
// for columns declared DATE, DATETIME or TIMESTAMP: their text becomes a
// time.Time when it parses.
func fromValue(v value.Value, temporal bool) driver.Value {
	switch v.Kind() {
	case value.KindNull:
		return nil
	case value.KindInteger:
		return v.Int()
	case value.KindBigInt:
		return v.Big().String()
	case value.KindReal:
		return v.Float()
	case value.KindBoolean:
		return v.Bool()
	case value.KindText:
		if temporal {
			if t, ok := parseTemporal(v.Text()); ok {
				return t
			}
		}
		return v.Text()
	case value.KindBlob:
		return v.Blob()
	case value.KindJSON:
		return []byte(v.JSONText())
	}
	return v.String()
}

// temporalLayouts are the texts a DATE, DATETIME or TIMESTAMP value may hold:
// canonical forms first. Parsing accepts a fractional second after the
// seconds even though the layouts do not spell it.
var temporalLayouts = []string{
	"2006-01-02T15:04:05",
	"2006-01-02",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04",
}

// parseTemporal reads date or datetime text as a UTC time.Time.
func parseTemporal(s string) (time.Time, bool) {
	for _, layout := range temporalLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
