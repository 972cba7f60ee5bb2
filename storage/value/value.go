package value

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
)

// Kind is the storage class of a Value.
type Kind uint8

// The kinds of Value. The order is the cross-kind order of the key encoding:
// NULL, then numbers (integers, big integers, reals and booleans interleaved by
// value), then text, then blobs, then JSON.
const (
	KindNull Kind = iota
	KindInteger
	KindBigInt
	KindReal
	KindText
	KindBlob
	KindBoolean
	KindJSON
)

var kindNames = [...]string{"null", "integer", "bigint", "real", "text", "blob", "boolean", "json"}

// String names the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one SQL value. The zero Value is NULL. Values are immutable and
// cheap to copy.
type Value struct {
	kind Kind
	bits uint64 // int64, float64 bits or bool (0/1)
	str  string // text or blob bytes
	ref  any    // *big.Int for KindBigInt; the JSON document for KindJSON
}

// Row is an ordered tuple of values.
type Row []Value

// Null returns the NULL value.
func Null() Value { return Value{} }

// Int returns an integer value.
func Int(i int64) Value { return Value{kind: KindInteger, bits: uint64(i)} }

// BigInt returns an integer value of arbitrary precision. An integer that fits
// in int64 becomes KindInteger. b is copied; nil gives NULL.
func BigInt(b *big.Int) Value {
	if b == nil {
		return Value{}
	}
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Value{kind: KindBigInt, ref: new(big.Int).Set(b)}
}

// Float returns a real value.
func Float(f float64) Value { return Value{kind: KindReal, bits: math.Float64bits(f)} }

// Text returns a text value.
func Text(s string) Value { return Value{kind: KindText, str: s} }

// Blob returns a blob value holding a copy of b.
func Blob(b []byte) Value { return Value{kind: KindBlob, str: string(b)} }

// BlobString returns a blob value whose bytes are s (no copy).
func BlobString(s string) Value { return Value{kind: KindBlob, str: s} }

// Bool returns a boolean value.
func Bool(b bool) Value {
	v := Value{kind: KindBoolean}
	if b {
		v.bits = 1
	}
	return v
}

// JSON returns a JSON value holding doc, a tree of nil, bool, json.Number,
// string, []any and map[string]any (as produced by a json.Decoder with
// UseNumber). The tree must not be modified afterwards.
func JSON(doc any) Value { return Value{kind: KindJSON, ref: doc} }

// ParseJSON parses JSON text into a JSON value.
func ParseJSON(text string) (Value, error) {
	doc, err := DecodeJSONDocument([]byte(text))
	if err != nil {
		return Value{}, err
	}
	return JSON(doc), nil
}

// Kind reports the value's kind.
func (v Value) Kind() Kind { return v.kind }

// IsNull reports whether v is NULL.
func (v Value) IsNull() bool { return v.kind == KindNull }

// Int returns the integer of a KindInteger value (0 for other kinds).
func (v Value) Int() int64 {
	if v.kind == KindInteger {
		return int64(v.bits)
	}
	return 0
}

// Big returns the integer of a KindInteger or KindBigInt value as a new
// *big.Int (nil for other kinds).
func (v Value) Big() *big.Int {
	switch v.kind {
	case KindInteger:
		return big.NewInt(int64(v.bits))
	case KindBigInt:
		return new(big.Int).Set(v.ref.(*big.Int))
	}
	return nil
}

// Float returns the double of a KindReal value (0 for other kinds).
func (v Value) Float() float64 {
	if v.kind == KindReal {
		return math.Float64frombits(v.bits)
	}
	return 0
}

// Text returns the string of a KindText value, or the bytes of a KindBlob
// value as a string ("" for other kinds).
func (v Value) Text() string {
	if v.kind == KindText || v.kind == KindBlob {
		return v.str
	}
	return ""
}

// Blob returns a copy of the bytes of a KindBlob or KindText value.
func (v Value) Blob() []byte {
	if v.kind == KindText || v.kind == KindBlob {
		return []byte(v.str)
	}
	return nil
}

// Bool returns the boolean of a KindBoolean value (false for other kinds).
func (v Value) Bool() bool { return v.kind == KindBoolean && v.bits != 0 }

// JSONDoc returns the document of a KindJSON value (nil for other kinds).
func (v Value) JSONDoc() any {
	if v.kind == KindJSON {
		return v.ref
	}
	return nil
}

// JSONText returns the canonical JSON text of a KindJSON value: object keys
// sorted, no insignificant white space.
func (v Value) JSONText() string {
	if v.kind != KindJSON {
		return ""
	}
	return EncodeJSONDocument(v.ref)
}

// String renders the value for debugging and error messages (not SQL text).
func (v Value) String() string {
	switch v.kind {
	case KindNull:
		return "NULL"
	case KindInteger:
		return strconv.FormatInt(int64(v.bits), 10)
	case KindBigInt:
		return v.ref.(*big.Int).String()
	case KindReal:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case KindText:
		return strconv.Quote(v.str)
	case KindBlob:
		return fmt.Sprintf("x'%x'", v.str)
	case KindBoolean:
		return strconv.FormatBool(v.Bool())
	case KindJSON:
		return v.JSONText()
	}
	return "?"
}

// DecodeJSONDocument parses JSON text into a document tree with json.Number
// numbers. Trailing non-space data is an error.
func DecodeJSONDocument(text []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("invalid JSON: trailing data")
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("invalid JSON: trailing data")
	}
	return doc, nil
}

// EncodeJSONDocument renders a document tree as canonical JSON text.
func EncodeJSONDocument(doc any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return "null"
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
