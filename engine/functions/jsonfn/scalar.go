package jsonfn

import (
	"fmt"
	"math"
	"math/big"

	"github.com/quereus/quereus/storage/value"
)

// JSONConvert is json(X): the JSON conversion function. NULL stays NULL;
// TEXT must parse (otherwise "Cannot convert to JSON: ..."); numbers,
// booleans and JSON values pass through; BLOBs are an error.
func JSONConvert(args []value.Value) (value.Value, error) {
	v := args[0]
	switch v.Kind() {
	case value.KindNull:
		return value.Null(), nil
	case value.KindText:
		doc, err := Parse(v.Text())
		if err != nil {
			return value.Null(), fmt.Errorf("Cannot convert to JSON: Cannot convert '%s' to JSON: invalid JSON syntax", v.Text())
		}
		return Value(doc), nil
	case value.KindBigInt:
		f, _ := new(big.Float).SetInt(v.Big()).Float64()
		return value.Float(f), nil
	case value.KindBlob:
		return value.Null(), fmt.Errorf("Cannot convert to JSON: Cannot convert blob to JSON")
	}
	return v, nil
}

// ValidFunc is json_valid(X): false for NULL, BLOB and text that does not
// parse; true for JSON values, numbers and booleans.
func ValidFunc(args []value.Value) (value.Value, error) {
	if args[0].IsNull() {
		return value.Bool(false), nil
	}
	_, ok := Coerce(args[0])
	return value.Bool(ok), nil
}

// TypeFunc is json_type(X [, P]). Invalid JSON gives NULL; NULL input is the
// JSON null document ('null'); a non-text path gives the text 'null'; a
// path that names nothing gives NULL.
func TypeFunc(args []value.Value) (value.Value, error) {
	doc, ok := Coerce(args[0])
	if !ok {
		return value.Null(), nil
	}
	if len(args) > 1 && !args[1].IsNull() {
		if args[1].Kind() != value.KindText {
			return value.Text("null"), nil
		}
		p, ok := cachedPath(args[1].Text())
		if !ok {
			return value.Null(), nil
		}
		node, found := p.Lookup(doc)
		if !found {
			return value.Null(), nil
		}
		doc = node
	}
	return value.Text(TypeName(doc)), nil
}

// Extract is json_extract(X, P1, P2, ...): the node named by the first path
// that names one (scalars as SQL values, containers as JSON). No path, a
// non-text path reached before a match, invalid JSON or no match give NULL.
func Extract(args []value.Value) (value.Value, error) {
	doc, ok := Coerce(args[0])
	if !ok || len(args) < 2 {
		return value.Null(), nil
	}
	for _, pv := range args[1:] {
		if pv.Kind() != value.KindText {
			return value.Null(), nil
		}
		p, ok := cachedPath(pv.Text())
		if !ok {
			continue
		}
		if node, found := p.Lookup(doc); found {
			return Value(node), nil
		}
	}
	return value.Null(), nil
}

// QuoteFunc is json_quote(X): the JSON text of a value. NULL gives 'null',
// non-finite reals 'null', booleans 'true'/'false', TEXT a JSON string
// literal, JSON values their text; BLOBs and big integers give NULL.
func QuoteFunc(args []value.Value) (value.Value, error) {
	v := args[0]
	switch v.Kind() {
	case value.KindNull:
		return value.Text("null"), nil
	case value.KindInteger:
		if i := v.Int(); i < -maxSafeInteger || i > maxSafeInteger {
			return value.Null(), nil // a bigint in Quereus
		}
		return value.Text(string(intNumber(v.Int()))), nil
	case value.KindReal:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return value.Text("null"), nil
		}
		return value.Text(formatNumber(f)), nil
	case value.KindBoolean:
		return value.Text(Stringify(v.Bool())), nil
	case value.KindText:
		return value.Text(Quote(v.Text())), nil
	case value.KindJSON:
		return value.Text(Stringify(v.JSONDoc())), nil
	}
	return value.Null(), nil
}

// Array is json_array(V...): a JSON array of the arguments (see ToDocument).
func Array(args []value.Value) (value.Value, error) {
	arr := make([]any, len(args))
	for i, a := range args {
		arr[i] = ToDocument(a)
	}
	return value.JSON(arr), nil
}

// Object is json_object(K1, V1, ...): a JSON object. An odd argument count
// or a non-TEXT key gives NULL; a repeated key keeps the last value.
func Object(args []value.Value) (value.Value, error) {
	if len(args)%2 != 0 {
		return value.Null(), nil
	}
	obj := make(map[string]any, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		if args[i].Kind() != value.KindText {
			return value.Null(), nil
		}
		obj[args[i].Text()] = ToDocument(args[i+1])
	}
	return value.JSON(obj), nil
}

// ArrayLength is json_array_length(X [, P]): the length of the array at the
// path (or the root), 0 for anything that is not an array (including a
// non-text or unmatched path), NULL for invalid JSON.
func ArrayLength(args []value.Value) (value.Value, error) {
	doc, ok := Coerce(args[0])
	if !ok {
		return value.Null(), nil
	}
	if len(args) > 1 && !args[1].IsNull() {
		if args[1].Kind() != value.KindText {
			return value.Int(0), nil
		}
		p, ok := cachedPath(args[1].Text())
		if !ok {
			return value.Int(0), nil
		}
		doc, _ = p.Lookup(doc)
	}
	if arr, isArr := doc.([]any); isArr {
		return value.Int(int64(len(arr))), nil
	}
	return value.Int(0), nil
}

// Insert is json_insert(X, P1, V1, ...).
func Insert(args []value.Value) (value.Value, error) { return editPairs(args, editInsert) }

// Replace is json_replace(X, P1, V1, ...).
func Replace(args []value.Value) (value.Value, error) { return editPairs(args, editReplace) }

// Set is json_set(X, P1, V1, ...).
func Set(args []value.Value) (value.Value, error) { return editPairs(args, editSet) }

// editPairs applies path/value pairs in order. Invalid JSON, no pairs, an
// odd pair count or a non-TEXT path give NULL; an invalid path is skipped.
func editPairs(args []value.Value, mode editMode) (value.Value, error) {
	doc, ok := Coerce(args[0])
	rest := args[1:]
	if !ok || len(rest) == 0 || len(rest)%2 != 0 {
		return value.Null(), nil
	}
	for i := 0; i < len(rest); i += 2 {
		if rest[i].Kind() != value.KindText {
			return value.Null(), nil
		}
		val := ToDocument(rest[i+1])
		p, ok := cachedPath(rest[i].Text())
		if !ok {
			continue
		}
		if doc == nil && len(p) > 0 {
			continue // a walk through JSON null
		}
		doc = p.modify(doc, mode, val)
	}
	return Value(doc), nil
}

// Remove is json_remove(X, P...): the document without the named nodes.
// With no paths the document is returned as is; a non-TEXT path gives NULL;
// invalid or unmatched paths and the root path are skipped.
func Remove(args []value.Value) (value.Value, error) {
	doc, ok := Coerce(args[0])
	if !ok {
		return value.Null(), nil
	}
	for _, pv := range args[1:] {
		if pv.Kind() != value.KindText {
			return value.Null(), nil
		}
		p, ok := cachedPath(pv.Text())
		if !ok || len(p) == 0 {
			continue
		}
		doc = p.modify(doc, editRemove, nil)
	}
	return Value(doc), nil
}
