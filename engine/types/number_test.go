package types

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

func TestParseNumber(t *testing.T) {
	ok := []struct {
		in   string
		want value.Value
	}{
		{"42", i(42)}, {"  42  ", i(42)}, {"+42", i(42)}, {"-10", i(-10)}, {"1.5", f(1.5)},
		{"1e3", f(1000)}, {"1.23e+2", f(123)}, {"5e-1", f(0.5)}, {".5", f(0.5)}, {"1.", f(1)},
		{"9007199254740993", i(9007199254740993)},
		{"99999999999999999999999999", big10(t, "99999999999999999999999999")},
		{"+9007199254740993", i(9007199254740993)},
	}
	for _, c := range ok {
		got, good := ParseNumber(c.in)
		require.True(t, good, c.in)
		requireSame(t, c.want, got, c.in)
	}
	for _, bad := range []string{"", "  ", "abc", "12abc", "1e", "-", ".", "1..2", "0x10", "1 2"} {
		_, good := ParseNumber(bad)
		assert.False(t, good, bad)
	}
}

func TestToNumber(t *testing.T) {
	n, ok := ToNumber(s("abc"), true)
	require.True(t, ok)
	requireSame(t, i(0), n)
	_, ok = ToNumber(s("abc"), false)
	assert.False(t, ok)
	n, ok = ToNumber(bo(true), false)
	require.True(t, ok)
	requireSame(t, i(1), n)
	for _, v := range []value.Value{null, bl("1")} {
		_, ok = ToNumber(v, true)
		assert.False(t, ok, "%v", v)
	}
}

func TestToNumberJSONScalars(t *testing.T) {
	n, ok := ToNumber(js(t, "5"), false)
	require.True(t, ok)
	requireSame(t, i(5), n)
	n, ok = ToNumber(js(t, "2.5"), false)
	require.True(t, ok)
	requireSame(t, f(2.5), n)
	n, ok = ToNumber(js(t, `"7"`), false)
	require.True(t, ok)
	requireSame(t, i(7), n)
	_, ok = ToNumber(js(t, `[1]`), true)
	assert.False(t, ok)
	_, ok = ToNumber(js(t, `null`), true)
	assert.False(t, ok)
	requireSame(t, i(6), Add(js(t, "5"), i(1)))
}
