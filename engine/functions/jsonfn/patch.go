package jsonfn

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// Patch is json_patch(X, PATCH): applies an RFC 6902 JSON Patch (an array
// of operations) to X, as Quereus does with fast-json-patch (validating
// each operation). Invalid JSON in X, a patch that is not an array of
// objects each with "op" and "path", or any failing operation (a missing
// path, a failed test, an unknown op) gives NULL.
func Patch(args []value.Value) (value.Value, error) {
	doc, ok := Coerce(args[0])
	if !ok {
		return value.Null(), nil
	}
	patch, ok := Coerce(args[1])
	if !ok {
		return value.Null(), nil
	}
	ops, isArr := patch.([]any)
	if !isArr {
		return value.Null(), nil
	}
	for _, op := range ops {
		m, isObj := op.(map[string]any)
		if !isObj {
			return value.Null(), nil
		}
		_, hasOp := m["op"]
		_, hasPath := m["path"]
		if !hasOp || !hasPath {
			return value.Null(), nil
		}
	}
	out, err := ApplyPatch(doc, ops)
	if err != nil {
		return value.Null(), nil
	}
	return Value(out), nil
}

var errPatch = errors.New("json patch")

// ApplyPatch applies RFC 6902 operations (add, remove, replace, move, copy,
// test) in order and returns the new document; doc is not changed. Any
// invalid or failing operation aborts the whole patch with an error.
func ApplyPatch(doc any, ops []any) (any, error) {
	for i, raw := range ops {
		op, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: operation %d is not an object", errPatch, i)
		}
		var err error
		doc, err = applyOp(doc, op)
		if err != nil {
			return nil, fmt.Errorf("operation %d: %w", i, err)
		}
	}
	return doc, nil
}

func applyOp(doc any, op map[string]any) (any, error) {
	name, _ := op["op"].(string)
	path, ok := op["path"].(string)
	if !ok {
		return nil, fmt.Errorf("%w: path must be a string", errPatch)
	}
	tokens, err := parsePointer(path)
	if err != nil {
		return nil, err
	}
	val, hasValue := op["value"]
	switch name {
	case "add", "replace", "test":
		if !hasValue {
			return nil, fmt.Errorf("%w: %s needs a value", errPatch, name)
		}
	case "move", "copy":
		from, ok := op["from"].(string)
		if !ok {
			return nil, fmt.Errorf("%w: %s needs from", errPatch, name)
		}
		fromTokens, err := parsePointer(from)
		if err != nil {
			return nil, err
		}
		moved, err := pointerGet(doc, fromTokens)
		if err != nil {
			return nil, err
		}
		if name == "move" {
			if doc, err = pointerEdit(doc, fromTokens, "remove", nil); err != nil {
				return nil, err
			}
		}
		return pointerEdit(doc, tokens, "add", moved)
	case "remove":
	default:
		return nil, fmt.Errorf("%w: unknown op %q", errPatch, name)
	}
	if name == "test" {
		cur, err := pointerGet(doc, tokens)
		if err != nil {
			return nil, err
		}
		if !docEqual(cur, val) {
			return nil, fmt.Errorf("%w: test failed", errPatch)
		}
		return doc, nil
	}
	return pointerEdit(doc, tokens, name, val)
}

// parsePointer splits an RFC 6901 JSON Pointer into unescaped tokens.
func parsePointer(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	if p[0] != '/' {
		return nil, fmt.Errorf("%w: pointer %q must start with '/'", errPatch, p)
	}
	parts := strings.Split(p[1:], "/")
	if len(parts) > MaxPathSteps {
		return nil, fmt.Errorf("%w: pointer too long", errPatch)
	}
	for i, s := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts, nil
}

// pointerIndex reads an array index token; "-" means the end (for add).
func pointerIndex(tok string, n int, allowEnd bool) (int, error) {
	if tok == "-" && allowEnd {
		return n, nil
	}
	if tok == "" || len(tok) > 9 || strings.Trim(tok, "0123456789") != "" {
		return 0, fmt.Errorf("%w: invalid array index %q", errPatch, tok)
	}
	i := 0
	for _, c := range tok {
		i = i*10 + int(c-'0')
	}
	return i, nil
}

func pointerGet(doc any, tokens []string) (any, error) {
	cur := doc
	for _, tok := range tokens {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			cur = v
		case []any:
			i, err := pointerIndex(tok, len(c), false)
			if err != nil {
				return nil, err
			}
			if i >= len(c) {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			cur = c[i]
		default:
			return nil, fmt.Errorf("%w: path does not exist", errPatch)
		}
	}
	return cur, nil
}

// pointerEdit applies add, remove or replace at the pointer, copying the
// containers along the way.
func pointerEdit(node any, tokens []string, op string, val any) (any, error) {
	if len(tokens) == 0 {
		switch op {
		case "remove":
			return nil, nil
		default:
			return val, nil
		}
	}
	tok, last := tokens[0], len(tokens) == 1
	switch c := node.(type) {
	case map[string]any:
		old, exists := c[tok]
		if !last {
			if !exists {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			child, err := pointerEdit(old, tokens[1:], op, val)
			if err != nil {
				return nil, err
			}
			cp := copyMap(c)
			cp[tok] = child
			return cp, nil
		}
		if op != "add" && !exists {
			return nil, fmt.Errorf("%w: path does not exist", errPatch)
		}
		cp := copyMap(c)
		if op == "remove" {
			delete(cp, tok)
		} else {
			cp[tok] = val
		}
		return cp, nil
	case []any:
		i, err := pointerIndex(tok, len(c), last && op == "add")
		if err != nil {
			return nil, err
		}
		if !last {
			if i >= len(c) {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			child, err := pointerEdit(c[i], tokens[1:], op, val)
			if err != nil {
				return nil, err
			}
			cp := append([]any(nil), c...)
			cp[i] = child
			return cp, nil
		}
		switch op {
		case "add":
			if i > len(c) {
				return nil, fmt.Errorf("%w: index out of bounds", errPatch)
			}
			cp := make([]any, 0, len(c)+1)
			cp = append(append(append(cp, c[:i]...), val), c[i:]...)
			return cp, nil
		case "remove":
			if i >= len(c) {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			cp := make([]any, 0, len(c)-1)
			return append(append(cp, c[:i]...), c[i+1:]...), nil
		default:
			if i >= len(c) {
				return nil, fmt.Errorf("%w: path does not exist", errPatch)
			}
			cp := append([]any(nil), c...)
			cp[i] = val
			return cp, nil
		}
	}
	return nil, fmt.Errorf("%w: cannot address into a scalar", errPatch)
}

// docEqual is deep equality of documents (numbers by value, object key
// order irrelevant).
func docEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case json.Number:
		y, ok := b.(json.Number)
		return ok && numberFloat(x) == numberFloat(y)
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !docEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !docEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}
