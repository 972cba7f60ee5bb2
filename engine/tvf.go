package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/functions/jsonfn"
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// tableFunction is a table-valued function usable in FROM: fixed output
// columns, rows computed from evaluated arguments.
type tableFunction struct {
	cols  []outCol
	nargs func(n int) bool
	call  func(e *env, args []value.Value) ([]value.Row, error)
}

// tableFunctionNamed returns the table-valued function named name.
func tableFunctionNamed(name string) (*tableFunction, bool) {
	name = strings.ToLower(name)
	for _, tf := range jsonfn.TableFunctions {
		if tf.Name == name {
			call := tf.Call
			cols := make([]outCol, len(tf.Columns))
			for i, c := range tf.Columns {
				cols[i] = outCol{name: c, typ: tf.ColumnTypes[i].Name()}
			}
			return &tableFunction{cols: cols, nargs: func(int) bool { return true },
				call: func(_ *env, args []value.Value) ([]value.Row, error) { return call(args) }}, true
		}
	}
	if tf, ok := infoTableFunction(name); ok {
		return tf, true
	}
	switch name {
	case "schema":
		return &tableFunction{cols: typedCols("schema:TEXT", "type:TEXT", "name:TEXT", "tbl_name:TEXT", "sql:TEXT", "tags:TEXT"),
			nargs: func(n int) bool { return n == 0 }, call: schemaRows}, true
	case "column_info":
		return columnInfoFunction(), true
	case "assertion_info":
		return assertionInfoFunction(), true
	}
	return nil, false
}

// tableFunc plans a table-valued function in FROM. left is the already
// planned left side when the call is the right side of a join: its columns
// are visible to the arguments (`FROM t, json_each(t.doc)`), read from the
// outer-row stack the join pushes before opening the right side.
func (c *compiler) tableFunc(sc *scope, te *parser.FuncTable, left *source) (*source, error) {
	if err := c.checkSchema(te.Schema); err != nil {
		return nil, err
	}
	alias := te.Alias
	if alias == "" {
		alias = te.Name
	}
	argScope := &scope{parent: sc}
	if left != nil {
		argScope = &scope{parent: &scope{slots: left.slots, parent: sc}}
	}
	var args []*cexpr
	for _, a := range te.Args {
		if containsAggregate(a) {
			return nil, fmt.Errorf("misuse of aggregate function in arguments of %s", te.Name)
		}
		ce, err := c.expr(argScope, a)
		if err != nil {
			return nil, err
		}
		args = append(args, ce)
	}
	if strings.EqualFold(te.Name, "generate_series") && (len(args) == 2 || len(args) == 3) {
		return derivedSource(&seriesNode{args: args}, []outCol{{name: "value", typ: "INTEGER"}}, alias, te.Columns)
	}
	tf, ok := tableFunctionNamed(te.Name)
	if !ok || !tf.nargs(len(args)) {
		return nil, errNoFunc(te.Name, len(te.Args))
	}
	return derivedSource(&tvfNode{name: te.Name, args: args, fn: tf}, tf.cols, alias, te.Columns)
}

// tvfNode evaluates a table-valued function per open.
type tvfNode struct {
	name string
	args []*cexpr
	fn   *tableFunction
}

func (n *tvfNode) explain(out *[]string, depth int) { addExplain(out, depth, "SCAN "+n.name) }

func (n *tvfNode) open(e *env) (rowIter, error) {
	vals := make([]value.Value, len(n.args))
	for i, a := range n.args {
		v, err := a.fn(e, nil)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	rows, err := n.fn.call(e, vals)
	if err != nil {
		return nil, err
	}
	return &sliceIter{rows: rows}, nil
}

// schemaRows lists the catalog: each table followed by its explicit
// indexes (the implicit ones backing UNIQUE constraints stay hidden), then
// the views, then the functions. sql is a statement that re-creates the
// object (tables and views as the parser prints them, indexes in Quereus's
// quoted form, see indexSQL); tags is the object's tag set as JSON text.
func schemaRows(e *env, _ []value.Value) ([]value.Row, error) {
	cat := e.conn.catalog()
	var rows []value.Row
	sn := schema.MainSchema
	add := func(typ, name, tbl, sql string, tags []*parser.Tag) {
		rows = append(rows, value.Row{value.Text(sn), value.Text(typ), value.Text(name),
			value.Text(tbl), value.Text(sql), tagsValue(tags)})
	}
	for _, t := range cat.Tables() {
		sn = schemaOf(t)
		add("table", t.Name, t.Name, ddlText(t.Def), t.Def.Tags)
		for _, ix := range t.Indexes {
			if !ix.Implicit {
				var tags []*parser.Tag
				if ix.Def != nil {
					tags = ix.Def.Tags
				}
				add("index", ix.Name, t.Name, indexSQL(t, ix), tags)
			}
		}
	}
	for _, v := range cat.Views() {
		sn = schemaOfView(v)
		add(viewKind(v), v.Name, v.Name, ddlText(v.Def), v.Def.Tags)
	}
	return append(rows, functionRows()...), nil
}
