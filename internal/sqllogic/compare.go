package sqllogic

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// mismatch describes why two canonical values differ: Kind is a short
// category for -causes, Path locates the difference, Detail shows both
// sides.
type mismatch struct {
	Kind   string
	Path   string
	Detail string
}

func (m *mismatch) String() string {
	if m.Path == "" {
		return m.Detail
	}
	return m.Path + ": " + m.Detail
}

// compareRows compares expected rows with actual rows in order, as chai's
// deep.equal does after normalizeBigInts (FORMAT.md §5.6). It returns nil
// when they are equal.
func compareRows(expected, actual []any) *mismatch {
	if len(expected) != len(actual) {
		return &mismatch{Kind: "row count differs",
			Detail: fmt.Sprintf("expected %d rows, got %d", len(expected), len(actual))}
	}
	for i := range expected {
		if m := compareValues(expected[i], actual[i], fmt.Sprintf("row %d", i)); m != nil {
			return m
		}
	}
	return nil
}

// compareValues compares two canonical values: objects by key set (order
// ignored), arrays by position, numbers as float64 with NaN equal to NaN and
// +0 distinct from -0, and no equality across types (true ≠ 1, "1" ≠ 1,
// null ≠ 0). Opaque values equal nothing.
func compareValues(exp, act any, path string) *mismatch {
	diff := func(kind string) *mismatch {
		return &mismatch{Kind: kind, Path: path,
			Detail: fmt.Sprintf("expected %s, got %s", formatValue(exp), formatValue(act))}
	}
	if et, at := typeName(exp), typeName(act); et != at {
		return diff(fmt.Sprintf("type: expected %s, got %s", et, at))
	}
	switch e := exp.(type) {
	case nil:
		return nil
	case bool:
		if e != act.(bool) {
			return diff("boolean value differs")
		}
	case string:
		if e != act.(string) {
			return diff("string value differs")
		}
	case float64:
		if !sameNumber(e, act.(float64)) {
			return diff("number value differs")
		}
	case []any:
		a := act.([]any)
		if len(e) != len(a) {
			return diff("array length differs")
		}
		for i := range e {
			if m := compareValues(e[i], a[i], fmt.Sprintf("%s[%d]", path, i)); m != nil {
				return m
			}
		}
	case map[string]any:
		a := act.(map[string]any)
		if !sameKeys(e, a) {
			return &mismatch{Kind: "object keys differ", Path: path,
				Detail: fmt.Sprintf("expected keys %s, got keys %s (expected %s, got %s)",
					strings.Join(slices.Sorted(maps.Keys(e)), ","), strings.Join(slices.Sorted(maps.Keys(a)), ","),
					formatValue(exp), formatValue(act))}
		}
		for _, k := range slices.Sorted(maps.Keys(e)) {
			if m := compareValues(e[k], a[k], path+"."+k); m != nil {
				return m
			}
		}
	default:
		return diff("incomparable value")
	}
	return nil
}

func sameNumber(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

func sameKeys(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case opaque:
		return "opaque"
	default:
		return fmt.Sprintf("%T", v)
	}
}
