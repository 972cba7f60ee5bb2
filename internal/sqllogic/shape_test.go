package sqllogic

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsBareColumn(t *testing.T) {
	bare := []string{
		"x is not null", "X IS NULL", "a - b", "a - b - c", "(a - b) * 2",
		"json_extract(j, '$.a')", "json_array(1, 2)", "date('now')", "datetime(x, '+1 day')",
		"strftime('%Y', d)", "epoch_s_frac(t)", "json_object('a', 1)",
	}
	notBare := []string{
		"x", "x is not null and y", "a is null or b is null", "a xor b is null",
		"a-b", "a - b and c", "a - b or c", "a - b xor c", "d", "json_extract", "json_extract()",
		"count(*)", "datetime(x) as d", "date('now') is not", "json_each(x)", "x is nullx",
		"lower(json_extract(j, '$.a'))", "x is not null and y is null - 1",
	}
	for _, n := range bare {
		assert.True(t, isBareColumn(n), n)
	}
	for _, n := range notBare {
		assert.False(t, isBareColumn(n), n)
	}
}

func TestShapeRow(t *testing.T) {
	assert.Equal(t, true, shapeRow([]string{"x is null"}, []any{true}))
	assert.Equal(t, map[string]any{"x": 1.0}, shapeRow([]string{"x"}, []any{1.0}))
	assert.Equal(t, map[string]any{"a": 2.0, "b": nil}, shapeRow([]string{"a", "b", "a"}, []any{1.0, nil, 2.0}),
		"a later duplicate name overwrites, as in a JavaScript object")
	assert.Equal(t, map[string]any{"col_0": 1.0, "b": 2.0}, shapeRow([]string{"", "b"}, []any{1.0, 2.0}))
	assert.Equal(t, map[string]any{"a - b": 1.0, "c": 2.0}, shapeRow([]string{"a - b", "c"}, []any{1.0, 2.0}),
		"the bare rule only applies to a single column")
}
