package main

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func renderRows(mode outputMode, headers bool, cols []column, rows ...[]any) string {
	var out bytes.Buffer
	s := &Shell{out: &out, mode: mode, headers: headers, nullText: "NULL"}
	f := s.newFormatter(cols)
	for _, r := range rows {
		f.row(r)
	}
	f.finish()
	return out.String()
}

var sampleCols = []column{{name: "id", typeName: "INTEGER"}, {name: "name", typeName: "TEXT"}, {name: "doc", typeName: "JSON"}}

func TestTableModes(t *testing.T) {
	got := renderRows(modeTable, true, sampleCols, []any{int64(1), "ann", nil}, []any{int64(22), "", `{"a":1}`})
	assert.Equal(t, ""+
		"+----+------+---------+\n"+
		"| id | name | doc     |\n"+
		"+----+------+---------+\n"+
		"|  1 | ann  | NULL    |\n"+
		"| 22 |      | {\"a\":1} |\n"+
		"+----+------+---------+\n", got)
	box := renderRows(modeBox, false, sampleCols[:1], []any{int64(7)})
	assert.Equal(t, "┌───┐\n│ 7 │\n└───┘\n", box)
}

func TestCSVKeepsNullAndEmptyDistinct(t *testing.T) {
	got := renderRows(modeCSV, true, sampleCols, []any{int64(1), "a,b", nil}, []any{int64(2), "", "x"})
	assert.Equal(t, "id,name,doc\n1,\"a,b\",\n2,\"\",x\n", got)
}

func TestJSONPreservesTypes(t *testing.T) {
	cols := []column{{name: "i"}, {name: "r"}, {name: "b"}, {name: "n"}, {name: "s"}, {name: "j", typeName: "JSON"}}
	got := renderRows(modeJSON, true, cols, []any{int64(1), 2.5, true, nil, "x\"y", `[1,{"a":null}]`})
	assert.Equal(t, `[{"i":1,"r":2.5,"b":true,"n":null,"s":"x\"y","j":[1,{"a":null}]}]`+"\n", got)
	assert.Equal(t, "[]\n", renderRows(modeJSON, true, cols))
}

func TestLineAndListModes(t *testing.T) {
	assert.Equal(t, "  id = 1\nname = NULL\n\n  id = 2\nname = b\n",
		renderRows(modeLine, true, sampleCols[:2], []any{int64(1), nil}, []any{int64(2), "b"}))
	assert.Equal(t, "id|name\n1|NULL\n", renderRows(modeList, true, sampleCols[:2], []any{int64(1), nil}))
	assert.Equal(t, "1|NULL\n", renderRows(modeList, false, sampleCols[:2], []any{int64(1), nil}))
}

func TestFormatRealUsesDialectSpelling(t *testing.T) {
	for in, want := range map[float64]string{1.0: "1", 3.14: "3.14", 1e21: "1e+21", 1e-7: "1e-7", -0.5: "-0.5", math.Inf(-1): "-Infinity"} {
		assert.Equal(t, want, formatReal(in), "%v", in)
	}
}

func TestSQLLiteralRoundTripsKinds(t *testing.T) {
	assert.Equal(t, "NULL", sqlLiteral(nil, "TEXT"))
	assert.Equal(t, "1.0", sqlLiteral(1.0, "REAL"))
	assert.Equal(t, "'it''s'", sqlLiteral("it's", "TEXT"))
	assert.Equal(t, "x'00ff'", sqlLiteral([]byte{0, 255}, "BLOB"))
	assert.Equal(t, "123456789012345678901234567890", sqlLiteral("123456789012345678901234567890", "INTEGER"))
	assert.Equal(t, "'12a'", sqlLiteral("12a", "INTEGER"))
	assert.Equal(t, "TRUE", sqlLiteral(true, "BOOLEAN"))
}

func TestLikeMatch(t *testing.T) {
	assert.True(t, likeMatch("us%", "Users"))
	assert.True(t, likeMatch("t_", "t1"))
	assert.False(t, likeMatch("t_", "t12"))
}
