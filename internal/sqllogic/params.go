package sqllogic

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
)

// maxSafeInteger is JavaScript's Number.MAX_SAFE_INTEGER (2^53 - 1).
const maxSafeInteger = 1<<53 - 1

// bindArgs converts a `-- params:` JSON value into database/sql arguments
// (FORMAT.md §9):
//   - a JSON array binds positionally, in order;
//   - a JSON object binds each key by name (sql.Named), except keys made of
//     digits only, which bind positional slot N (database/sql does not allow
//     such names). Positional slots come first in slot order, a slot with no
//     key in between binds NULL; named arguments follow;
//   - values follow the JavaScript decoding Quereus sees: a number that is
//     a safe integer (20.0 included) binds as int64, any other number as
//     float64; strings, booleans and null bind as themselves. Nested arrays
//     and objects are bound as their JSON text.
func bindArgs(raw string) ([]any, error) {
	if raw == "" {
		return nil, nil
	}
	v, err := decodeJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid -- params JSON: %w", err)
	}
	switch p := v.(type) {
	case []any:
		args := make([]any, len(p))
		for i, x := range p {
			if args[i], err = bindValue(x); err != nil {
				return nil, err
			}
		}
		return args, nil
	case map[string]any:
		return bindObject(p)
	default:
		return nil, fmt.Errorf("-- params must be a JSON array or object, got %s", raw)
	}
}

// maxPositionalSlot bounds digit-only keys of an object binding.
const maxPositionalSlot = 1000

func bindObject(p map[string]any) ([]any, error) {
	positional := map[int]any{}
	maxSlot := 0
	var names []string
	for k, x := range p {
		val, err := bindValue(x)
		if err != nil {
			return nil, err
		}
		if isAllDigits(k) {
			n, err := strconv.Atoi(k)
			if err != nil || n < 1 || n > maxPositionalSlot {
				return nil, fmt.Errorf("-- params: positional key %q out of range 1..%d", k, maxPositionalSlot)
			}
			positional[n] = val
			maxSlot = max(maxSlot, n)
			continue
		}
		names = append(names, k)
	}
	sort.Strings(names)
	args := make([]any, 0, maxSlot+len(names))
	for n := 1; n <= maxSlot; n++ {
		args = append(args, positional[n]) // nil (NULL) for a gap
	}
	for _, k := range names {
		val, _ := bindValue(p[k])
		args = append(args, sql.Named(k, val))
	}
	return args, nil
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// bindValue maps one decoded JSON value (numbers as json.Number) to a bind
// argument.
func bindValue(x any) (any, error) {
	switch v := x.(type) {
	case nil, bool, string:
		return v, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil && !math.IsInf(f, 0) {
			return nil, fmt.Errorf("-- params: bad number %s", v)
		}
		if f == math.Trunc(f) && math.Abs(f) <= maxSafeInteger {
			return int64(f), nil
		}
		return f, nil
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return string(b), nil
	}
}

// decodeJSON decodes exactly one JSON value with numbers as json.Number.
func decodeJSON(text string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	return v, nil
}
