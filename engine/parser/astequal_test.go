package parser

import (
	"fmt"
	"math/big"
	"reflect"
)

var (
	locType    = reflect.TypeOf(Loc{})
	bigIntType = reflect.TypeOf((*big.Int)(nil))
)

// astDiff compares two ASTs ignoring source positions and returns a
// description of the first difference, or "" when they are equal.
func astDiff(a, b any) string {
	return diffValue("", reflect.ValueOf(a), reflect.ValueOf(b))
}

func diffValue(path string, a, b reflect.Value) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one side missing", path)
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %s vs %s", path, a.Type(), b.Type())
	}
	if a.Type() == bigIntType {
		x, y := a.Interface().(*big.Int), b.Interface().(*big.Int)
		if (x == nil) != (y == nil) || x != nil && x.Cmp(y) != 0 {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil vs non-nil", path)
			}
			return ""
		}
		return diffValue(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			if f.Type == locType {
				continue
			}
			if d := diffValue(path+"."+f.Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil vs empty slice", path)
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Float64:
		x, y := a.Float(), b.Float()
		if x != y && !(x != x && y != y) {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		return ""
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v vs %v", path, a.Interface(), b.Interface())
		}
		return ""
	}
}

// roundTrip prints stmt, re-parses the text and compares; it returns a
// description of the failure or "".
func roundTrip(stmt Stmt) string {
	text := StmtString(stmt)
	again, err := Parse(text)
	if err != nil {
		return fmt.Sprintf("re-parse failed: %v\n  printed: %s", err, text)
	}
	if d := astDiff(stmt, again); d != "" {
		return fmt.Sprintf("AST differs at %s\n  printed: %s", d, text)
	}
	if text2 := StmtString(again); text2 != text {
		return fmt.Sprintf("printing is not stable:\n  first:  %s\n  second: %s", text, text2)
	}
	return ""
}
