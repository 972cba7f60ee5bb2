package sqllogic

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectedRows decodes an expectation the way the runner does.
func expectedRows(t *testing.T, text string) []any {
	t.Helper()
	v, err := decodeJSON(text)
	require.NoError(t, err)
	rows, ok := canonicalJSON(v).([]any)
	require.True(t, ok)
	return rows
}

func TestCompareObjectKeyOrderIgnored(t *testing.T) {
	exp := expectedRows(t, `[{"a":1,"b":"x"}]`)
	act := []any{map[string]any{"b": "x", "a": 1.0}}
	assert.Nil(t, compareRows(exp, act))
}

func TestCompareKeySetMustMatch(t *testing.T) {
	exp := expectedRows(t, `[{"a":1}]`)
	m := compareRows(exp, []any{map[string]any{"a": 1.0, "b": nil}})
	require.NotNil(t, m)
	assert.Equal(t, "object keys differ", m.Kind)
	assert.Equal(t, "row 0", m.Path)
}

func TestCompareNumbers(t *testing.T) {
	assert.Nil(t, compareRows(expectedRows(t, `[1, 1.0, 1e308, 0.5]`), []any{1.0, 1.0, 1e308, 0.5}), "1 and 1.0 are the same number")
	assert.Nil(t, compareRows(expectedRows(t, `[-9223372036854775807]`), []any{canonicalActual(int64(math.MinInt64), "INTEGER")}),
		"integers past 2^53 compare after rounding to double")

	m := compareRows(expectedRows(t, `[0]`), []any{math.Copysign(0, -1)})
	require.NotNil(t, m, "+0 and -0 differ")
	assert.Equal(t, "number value differs", m.Kind)
	assert.Equal(t, "row 0: expected 0, got -0", m.String())
	assert.Nil(t, compareRows(expectedRows(t, `[-0]`), []any{math.Copysign(0, -1)}))
	assert.Nil(t, compareValues(math.NaN(), math.NaN(), ""), "NaN equals NaN")
	assert.NotNil(t, compareValues(math.NaN(), 1.0, ""))
}

func TestCompareNoCrossTypeEquality(t *testing.T) {
	for _, tc := range []struct {
		exp  string
		act  any
		kind string
	}{
		{`[true]`, 1.0, "type: expected boolean, got number"},
		{`[1]`, true, "type: expected number, got boolean"},
		{`["1"]`, 1.0, "type: expected string, got number"},
		{`[null]`, 0.0, "type: expected null, got number"},
		{`[0]`, nil, "type: expected number, got null"},
		{`["x"]`, opaque{"blob"}, "type: expected string, got opaque"},
	} {
		m := compareRows(expectedRows(t, tc.exp), []any{tc.act})
		require.NotNil(t, m, tc.exp)
		assert.Equal(t, tc.kind, m.Kind, tc.exp)
	}
	assert.Nil(t, compareRows(expectedRows(t, `[true, false, null, "s"]`), []any{true, false, nil, "s"}))
	assert.NotNil(t, compareRows(expectedRows(t, `[true]`), []any{false}))
	assert.NotNil(t, compareRows(expectedRows(t, `["a"]`), []any{"A"}), "strings are case-sensitive")
}

func TestCompareNestedJSON(t *testing.T) {
	exp := expectedRows(t, `[{"j":{"x":[1,{"y":null}],"z":"s"}}]`)
	same := []any{map[string]any{"j": canonicalActual(`{"z":"s","x":[1.0,{"y":null}]}`, "JSON")}}
	assert.Nil(t, compareRows(exp, same))

	swapped := []any{map[string]any{"j": canonicalActual(`{"z":"s","x":[{"y":null},1]}`, "JSON")}}
	m := compareRows(exp, swapped)
	require.NotNil(t, m, "nested arrays are positional")
	assert.Equal(t, "row 0.j.x[0]", m.Path)

	short := []any{map[string]any{"j": canonicalActual(`{"z":"s","x":[1]}`, "JSON")}}
	m = compareRows(exp, short)
	require.NotNil(t, m)
	assert.Equal(t, "array length differs", m.Kind)
}

func TestCompareRowCount(t *testing.T) {
	m := compareRows(expectedRows(t, `[1,2]`), []any{1.0})
	require.NotNil(t, m)
	assert.Equal(t, "row count differs", m.Kind)
	assert.Nil(t, compareRows(expectedRows(t, `[]`), []any{}))
}

func TestCanonicalActual(t *testing.T) {
	assert.Nil(t, canonicalActual(nil, "JSON"))
	assert.Equal(t, 3.0, canonicalActual(int64(3), ""))
	assert.Equal(t, "123", canonicalActual("123", "TEXT"), "digits in a TEXT column stay text")
	assert.Equal(t, 1e20, canonicalActual("100000000000000000000", "INTEGER"))
	assert.IsType(t, opaque{}, canonicalActual("not json", "JSON"), "invalid JSON text never equals anything")
	assert.IsType(t, opaque{}, canonicalActual([]byte{1}, "BLOB"))
	assert.IsType(t, opaque{}, canonicalActual([]byte(`{"a":1}`), ""), "untyped bytes are a blob")
	assert.Equal(t, map[string]any{"a": 1.0}, canonicalActual(json.RawMessage(`{"a":1}`), ""), "a json.RawMessage is JSON in any column")
	assert.IsType(t, opaque{}, canonicalActual(struct{}{}, ""))
	assert.IsType(t, opaque{}, canonicalActual(time.Unix(0, 0), "TEXT"), "a time.Time outside a temporal column")
	assert.Equal(t, "12:30:00.25", canonicalActual(time.Date(1, 1, 1, 12, 30, 0, 25e7, time.UTC), "TIME"))
	assert.Equal(t, "abc", canonicalActual(`"abc"`, "JSON"), "a JSON string scalar becomes a plain string")
	assert.Equal(t, math.Inf(1), canonicalActual(`1e400`, "JSON"), "out-of-range numbers are infinite, as in JavaScript")
}

func TestFormatValue(t *testing.T) {
	assert.Equal(t, `[{"a":1,"b":[true,null,"x"]},-0,<blob>]`,
		formatValue([]any{map[string]any{"b": []any{true, nil, "x"}, "a": 1.0}, math.Copysign(0, -1), opaque{"blob"}}))
}
