package jsonfn

import (
	"math"
	"strings"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRoundTrip(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"b": [1, 2.50, "<x>"], "a": null}`, `{"a":null,"b":[1,2.5,"<x>"]}`},
		{` [true,false,null] `, `[true,false,null]`},
		{`1e2`, `100`},
		{`-0`, `0`},
		{`1E-7`, `1e-7`},
		{`123456789012345678901234`, `1.2345678901234569e+23`},
		{`9007199254740993`, `9007199254740992`},
		{`"\u00e9\n\t\"\\\/"`, `"é\n\t\"\\/"`},
		{`"\ud800x"`, "\"\uFFFDx\""},
		{`{"a":{"a":{}}}`, `{"a":{"a":{}}}`},
	}
	for _, c := range cases {
		doc, err := Parse(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, Stringify(doc), c.in)
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{
		``, `{`, `[1,]`, `{"a":1,}`, `01`, `1.`, `.5`, `+1`, `1e`, `tru`, `nul`,
		`"abc`, "\"a\x01\"", `"\x"`, `"\u12"`, `{"a" 1}`, `{1:2}`, `[1 2]`, `1 2`,
		`NaN`, `Infinity`, `'a'`, `1e999`,
	} {
		_, err := Parse(in)
		assert.ErrorIs(t, err, ErrInvalidJSON, "%q", in)
	}
}

func TestParseContainerErrors(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":1`:           "unterminated object at offset 6",
		`{"a":1 x`:         "expected ',' or '}' at offset 7",
		`[1,2`:             "unterminated array at offset 4",
		`[1 2]`:            "expected ',' or ']' at offset 3",
		`{"a":[1,{"b":2]}`: "expected ',' or '}' at offset 14",
	} {
		_, err := Parse(in)
		if assert.ErrorIs(t, err, ErrInvalidJSON, in) {
			assert.Contains(t, err.Error(), want, in)
		}
	}
}

func TestParseDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	_, err := Parse(ok)
	require.NoError(t, err)
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	_, err = Parse(deep)
	assert.ErrorIs(t, err, ErrInvalidJSON)
}

func TestFormatNumberMatchesJavaScript(t *testing.T) {
	cases := []struct {
		f    float64
		want string
	}{
		{1, "1"}, {-1.5, "-1.5"}, {0.1, "0.1"}, {1e21, "1e+21"}, {1e20, "100000000000000000000"},
		{123e-20, "1.23e-18"}, {0.000001, "0.000001"}, {0.0000001, "1e-7"}, {3.14, "3.14"},
		{math.Copysign(0, -1), "0"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
		{5e-324, "5e-324"}, {123456.789, "123456.789"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, formatNumber(c.f), "%v", c.f)
	}
}

func TestValueMapping(t *testing.T) {
	doc, err := value.ParseJSON(`{"n":2.50,"i":3,"big":12345678901234567890,"e":1e2}`)
	require.NoError(t, err)
	m := doc.JSONDoc().(map[string]any)
	assert.Equal(t, "real:2.5", show(Value(m["n"])))
	assert.Equal(t, "int:3", show(Value(m["i"])))
	assert.Equal(t, "int:100", show(Value(m["e"])))
	assert.Equal(t, value.KindReal, Value(m["big"]).Kind())
	assert.Equal(t, `{"big":12345678901234567000,"e":100,"i":3,"n":2.5}`, Stringify(doc.JSONDoc()))
}

func TestPathParsing(t *testing.T) {
	for _, ok := range []string{"$", "$.a", `$."a b"`, "$[0]", "$[ 1 ]", "$[#]", "$[#-2]", ".a", "[1]", "$.a[0].b", "$[1x]"} {
		_, valid := ParsePath(ok)
		assert.True(t, valid, ok)
	}
	for _, bad := range []string{"", "$.", "$a", "$[", "$[-1]", "$[x]", `$."a`, "$.a b", "$[#+1]"} {
		_, valid := ParsePath(bad)
		assert.False(t, valid, bad)
	}
}
