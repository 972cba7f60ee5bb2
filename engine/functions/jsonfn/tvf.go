package jsonfn

import (
	"errors"
	"maps"
	"slices"
	"strconv"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// EachColumns are the columns of json_each and json_tree rows, in order:
//
//	key      INTEGER array index, TEXT object key, or NULL for the root
//	value    the node: a scalar as its SQL value, a container as JSON text
//	type     json_type name of the node (null, true, false, integer, real,
//	         text, array, object)
//	atom     the scalar SQL value, or NULL for containers
//	id       json_each: 0-based position; json_tree: 1-based pre-order number
//	parent   json_each: always NULL; json_tree: the parent's id (0 for the root)
//	fullkey  the node's path from the start node, without '$' ("[1]", ".a")
//	path     the parent's fullkey ("" for the start node's children)
var EachColumns = []string{"key", "value", "type", "atom", "id", "parent", "fullkey", "path"}

// TreeColumns are the columns of json_tree rows (the same as EachColumns).
var TreeColumns = EachColumns

// EachColumnTypes are the declared column types, parallel to EachColumns
// (as in Quereus: all TEXT except id and parent; the values themselves keep
// their own kinds, e.g. an INTEGER key or a BOOLEAN value).
var EachColumnTypes = []types.Type{types.Text, types.Text, types.Text, types.Text,
	types.Integer, types.Integer, types.Text, types.Text}

// TableFunction describes one table-valued function for the engine, which
// exposes it in FROM clauses (the function registry holds scalars and
// aggregates only).
type TableFunction struct {
	Name        string
	Columns     []string
	ColumnTypes []types.Type
	// Call validates the arguments (count included) and returns all rows.
	Call func(args []value.Value) ([]value.Row, error)
}

// TableFunctions lists json_each and json_tree.
var TableFunctions = []TableFunction{
	{Name: "json_each", Columns: EachColumns, ColumnTypes: EachColumnTypes, Call: Each},
	{Name: "json_tree", Columns: TreeColumns, ColumnTypes: EachColumnTypes, Call: Tree},
}

// Each implements the table-valued function json_each(jsonSource [, rootPath])
// with Quereus's semantics: the immediate children of the start node (the
// root, or the node at rootPath when it is non-empty TEXT), array elements
// in order and object members by sorted key; a scalar start node yields one
// row for itself (key NULL). A rootPath that names nothing yields no rows.
// Errors: a wrong argument count ("Error: json_each requires 1 or 2
// arguments (jsonSource, [rootPath])") and a source that is not JSON
// ("Error: Invalid JSON provided to json_each"). SQL NULL is the JSON null
// document. Rows follow EachColumns.
func Each(args []value.Value) ([]value.Row, error) {
	start, ok, err := tvfStart("json_each", args)
	if err != nil || !ok {
		return nil, err
	}
	var rows []value.Row
	switch c := start.(type) {
	case []any:
		rows = make([]value.Row, 0, len(c))
		for i, child := range c {
			rows = append(rows, nodeRow(value.Int(int64(i)), child, int64(i), value.Null(), "["+strconv.Itoa(i)+"]", ""))
		}
	case map[string]any:
		rows = make([]value.Row, 0, len(c))
		for i, k := range slices.Sorted(maps.Keys(c)) {
			rows = append(rows, nodeRow(value.Text(k), c[k], int64(i), value.Null(), "."+k, ""))
		}
	default:
		rows = append(rows, nodeRow(value.Null(), start, 0, value.Null(), "", ""))
	}
	return rows, nil
}

// Tree implements the table-valued function json_tree(jsonSource [, rootPath]):
// the start node and all its descendants in pre-order (array elements in
// order, object members by sorted key). The start node's row has key NULL,
// id 1, parent 0, fullkey "" and path ""; each descendant's parent is its
// parent's id and its path is its parent's fullkey. Errors and rootPath
// handling are as for Each, with json_tree in the messages. Rows follow
// TreeColumns.
func Tree(args []value.Value) ([]value.Row, error) {
	start, ok, err := tvfStart("json_tree", args)
	if err != nil || !ok {
		return nil, err
	}
	var rows []value.Row
	var walk func(key value.Value, node any, parent int64, path, fullkey string)
	walk = func(key value.Value, node any, parent int64, path, fullkey string) {
		id := int64(len(rows) + 1)
		rows = append(rows, nodeRow(key, node, id, value.Int(parent), fullkey, path))
		switch c := node.(type) {
		case []any:
			for i, child := range c {
				walk(value.Int(int64(i)), child, id, fullkey, fullkey+"["+strconv.Itoa(i)+"]")
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(c)) {
				walk(value.Text(k), c[k], id, fullkey, fullkey+"."+k)
			}
		}
	}
	walk(value.Null(), start, 0, "", "")
	return rows, nil
}

// tvfStart checks the arguments of json_each/json_tree and finds the start
// node; ok is false when rootPath names nothing.
func tvfStart(name string, args []value.Value) (start any, ok bool, err error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, false, errors.New("Error: " + name + " requires 1 or 2 arguments (jsonSource, [rootPath])")
	}
	doc, valid := Coerce(args[0])
	if !valid {
		return nil, false, errors.New("Error: Invalid JSON provided to " + name)
	}
	if len(args) == 2 && args[1].Kind() == value.KindText && args[1].Text() != "" {
		p, valid := cachedPath(args[1].Text())
		if !valid {
			return nil, false, nil
		}
		doc, ok = p.Lookup(doc)
		return doc, ok, nil
	}
	return doc, true, nil
}

func nodeRow(key value.Value, node any, id int64, parent value.Value, fullkey, path string) value.Row {
	val, atom := Value(node), Value(node)
	switch node.(type) {
	case []any, map[string]any:
		val, atom = value.Text(Stringify(node)), value.Null()
	}
	return value.Row{key, val, value.Text(TypeName(node)), atom, value.Int(id), parent, value.Text(fullkey), value.Text(path)}
}
