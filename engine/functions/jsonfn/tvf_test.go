package jsonfn

import (
	"strings"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func showRows(rows []value.Row) string {
	var lines []string
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = show(c)
		}
		lines = append(lines, strings.Join(cells, " | "))
	}
	return strings.Join(lines, "\n")
}

func TestEach(t *testing.T) {
	cases := []struct {
		name string
		args []value.Value
		want string
	}{
		{"array", []value.Value{t_(`[10, 20, {"a": 30}]`)}, strings.Join([]string{
			"int:0 | int:10 | text:integer | int:10 | int:0 | NULL | text:[0] | text:",
			"int:1 | int:20 | text:integer | int:20 | int:1 | NULL | text:[1] | text:",
			`int:2 | text:{"a":30} | text:object | NULL | int:2 | NULL | text:[2] | text:`,
		}, "\n")},
		{"object sorted", []value.Value{t_(`{"c":2,"a":{"b":1}}`)}, strings.Join([]string{
			`text:a | text:{"b":1} | text:object | NULL | int:0 | NULL | text:.a | text:`,
			"text:c | int:2 | text:integer | int:2 | int:1 | NULL | text:.c | text:",
		}, "\n")},
		{"empty array", []value.Value{t_(`[]`)}, ""},
		{"empty object", []value.Value{t_(`{}`)}, ""},
		{"types", []value.Value{t_(`[true, null, 3.14, "s"]`)}, strings.Join([]string{
			"int:0 | bool:true | text:true | bool:true | int:0 | NULL | text:[0] | text:",
			"int:1 | NULL | text:null | NULL | int:1 | NULL | text:[1] | text:",
			"int:2 | real:3.14 | text:real | real:3.14 | int:2 | NULL | text:[2] | text:",
			"int:3 | text:s | text:text | text:s | int:3 | NULL | text:[3] | text:",
		}, "\n")},
		{"root path", []value.Value{t_(`{"data": [1, 2]}`), t_("$.data")}, strings.Join([]string{
			"int:0 | int:1 | text:integer | int:1 | int:0 | NULL | text:[0] | text:",
			"int:1 | int:2 | text:integer | int:2 | int:1 | NULL | text:[1] | text:",
		}, "\n")},
		{"missing root path", []value.Value{t_(`{"data": [1]}`), t_("$.nope")}, ""},
		{"scalar root", []value.Value{t_(`7`)}, "NULL | int:7 | text:integer | int:7 | int:0 | NULL | text: | text:"},
		{"sql null", []value.Value{null}, "NULL | NULL | text:null | NULL | int:0 | NULL | text: | text:"},
		{"empty path means root", []value.Value{t_(`[1]`), t_("")}, "int:0 | int:1 | text:integer | int:1 | int:0 | NULL | text:[0] | text:"},
		{"native", []value.Value{j_(`[5,6]`)}, strings.Join([]string{
			"int:0 | int:5 | text:integer | int:5 | int:0 | NULL | text:[0] | text:",
			"int:1 | int:6 | text:integer | int:6 | int:1 | NULL | text:[1] | text:",
		}, "\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := Each(c.args)
			require.NoError(t, err)
			for _, r := range rows {
				require.Len(t, r, len(EachColumns))
			}
			assert.Equal(t, c.want, showRows(rows))
		})
	}
}

func TestTree(t *testing.T) {
	rows, err := Tree([]value.Value{t_(`{"a": [1, 2], "b": true}`)})
	require.NoError(t, err)
	assert.Equal(t, strings.Join([]string{
		`NULL | text:{"a":[1,2],"b":true} | text:object | NULL | int:1 | int:0 | text: | text:`,
		`text:a | text:[1,2] | text:array | NULL | int:2 | int:1 | text:.a | text:`,
		`int:0 | int:1 | text:integer | int:1 | int:3 | int:2 | text:.a[0] | text:.a`,
		`int:1 | int:2 | text:integer | int:2 | int:4 | int:2 | text:.a[1] | text:.a`,
		`text:b | bool:true | text:true | bool:true | int:5 | int:1 | text:.b | text:`,
	}, "\n"), showRows(rows))

	rows, err = Tree([]value.Value{t_(`{"a": 1, "nested": {"b": 2}}`), t_("$.nested")})
	require.NoError(t, err)
	assert.Equal(t, strings.Join([]string{
		`NULL | text:{"b":2} | text:object | NULL | int:1 | int:0 | text: | text:`,
		`text:b | int:2 | text:integer | int:2 | int:2 | int:1 | text:.b | text:`,
	}, "\n"), showRows(rows))

	rows, err = Tree([]value.Value{t_(`{"a": 1}`), t_("$.zzz")})
	require.NoError(t, err)
	assert.Empty(t, rows)
}

func TestTVFErrors(t *testing.T) {
	_, err := Each([]value.Value{t_("invalid json")})
	require.EqualError(t, err, "Error: Invalid JSON provided to json_each")
	_, err = Tree([]value.Value{t_("invalid json")})
	require.EqualError(t, err, "Error: Invalid JSON provided to json_tree")
	_, err = Each(nil)
	require.EqualError(t, err, "Error: json_each requires 1 or 2 arguments (jsonSource, [rootPath])")
	_, err = Each([]value.Value{t_("[]"), t_("$"), t_("extra")})
	require.EqualError(t, err, "Error: json_each requires 1 or 2 arguments (jsonSource, [rootPath])")
	_, err = Tree(nil)
	require.EqualError(t, err, "Error: json_tree requires 1 or 2 arguments (jsonSource, [rootPath])")
	_, err = Each([]value.Value{value.Blob([]byte("[]"))})
	require.Error(t, err)
}

func TestAggregates(t *testing.T) {
	var ga GroupArray
	assert.Equal(t, "NULL", show(Must(ga.Result())))
	for _, v := range []value.Value{t_("1"), t_("x"), null, value.Blob([]byte{1}), i_(10)} {
		require.NoError(t, ga.Step([]value.Value{v}))
	}
	assert.Equal(t, `json:[1,"x",null,null,10]`, show(Must(ga.Result())))

	var gn GroupArray
	require.NoError(t, gn.Step([]value.Value{null}))
	require.NoError(t, gn.Step([]value.Value{null}))
	assert.Equal(t, `json:[null,null]`, show(Must(gn.Result())))

	var gobj GroupObject
	assert.Equal(t, "NULL", show(Must(gobj.Result())))
	require.NoError(t, gobj.Step([]value.Value{t_("a"), i_(10)}))
	require.NoError(t, gobj.Step([]value.Value{null, i_(30)}))
	require.NoError(t, gobj.Step([]value.Value{i_(1), i_(3)}))
	require.NoError(t, gobj.Step([]value.Value{t_("b"), value.Blob([]byte{1})}))
	first := Must(gobj.Result())
	assert.Equal(t, `json:{"1":3,"a":10,"b":null}`, show(first))
	require.NoError(t, gobj.Step([]value.Value{t_("a"), i_(11)}))
	assert.Equal(t, `json:{"1":3,"a":11,"b":null}`, show(Must(gobj.Result())))
	assert.Equal(t, `json:{"1":3,"a":10,"b":null}`, show(first), "an earlier result is not changed by later steps")

	var gnull GroupObject
	require.NoError(t, gnull.Step([]value.Value{null, i_(1)}))
	assert.Equal(t, "NULL", show(Must(gnull.Result())))
}

func TestTableFunctionsDescriptors(t *testing.T) {
	require.Len(t, TableFunctions, 2)
	for _, tf := range TableFunctions {
		require.Len(t, tf.ColumnTypes, len(tf.Columns), tf.Name)
		rows, err := tf.Call([]value.Value{t_(`[1]`)})
		require.NoError(t, err, tf.Name)
		require.NotEmpty(t, rows)
		assert.Len(t, rows[0], len(tf.Columns))
		_, err = tf.Call(nil)
		assert.EqualError(t, err, "Error: "+tf.Name+" requires 1 or 2 arguments (jsonSource, [rootPath])")
	}
}
