package jsonfn

import (
	"strconv"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// GroupArray is the state of one json_group_array(X) group: every row's
// value, NULLs included, converted by ToDocument. The zero value is an
// empty group, whose result is NULL.
type GroupArray struct {
	items []any
}

// Step adds one row (args[0] is X).
func (g *GroupArray) Step(args []value.Value) error {
	g.items = append(g.items, ToDocument(args[0]))
	return nil
}

// Result is the JSON array of the rows, or NULL when there were none.
func (g *GroupArray) Result() (value.Value, error) {
	if len(g.items) == 0 {
		return value.Null(), nil
	}
	return value.JSON(append([]any(nil), g.items...)), nil
}

// GroupObject is the state of one json_group_object(NAME, X) group. Rows
// with a NULL name are skipped; a repeated name keeps the last value. The
// zero value is an empty group, whose result is NULL.
type GroupObject struct {
	obj map[string]any
}

// Step adds one row (args[0] is NAME, args[1] is X).
func (g *GroupObject) Step(args []value.Value) error {
	if args[0].IsNull() {
		return nil
	}
	if g.obj == nil {
		g.obj = map[string]any{}
	}
	g.obj[keyString(args[0])] = ToDocument(args[1])
	return nil
}

// Result is the JSON object of the rows, or NULL when there were none.
func (g *GroupObject) Result() (value.Value, error) {
	if len(g.obj) == 0 {
		return value.Null(), nil
	}
	return value.JSON(copyMap(g.obj)), nil
}

// keyString converts an object key the way JavaScript's String() does.
func keyString(v value.Value) string {
	switch v.Kind() {
	case value.KindText:
		return v.Text()
	case value.KindInteger:
		return strconv.FormatInt(v.Int(), 10)
	case value.KindBigInt:
		return v.Big().String()
	case value.KindReal:
		return formatNumber(v.Float())
	case value.KindBoolean:
		return strconv.FormatBool(v.Bool())
	case value.KindBlob:
		b := v.Blob()
		parts := make([]string, len(b))
		for i, c := range b {
			parts[i] = strconv.Itoa(int(c))
		}
		return strings.Join(parts, ",")
	case value.KindJSON:
		return Stringify(v.JSONDoc())
	}
	return ""
}
