package types

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quereus/quereus/storage/value"
)

func TestFormatRealJavaScriptSpelling(t *testing.T) {
	cases := []struct {
		in   float64
		want string
	}{
		{3.14, "3.14"}, {1.0, "1"}, {-2.5, "-2.5"}, {0, "0"}, {math.Copysign(0, -1), "0"},
		{1e21, "1e+21"}, {1e20, "100000000000000000000"}, {1.5e21, "1.5e+21"},
		{1e-7, "1e-7"}, {1.5e-7, "1.5e-7"}, {1e-6, "0.000001"}, {0.000123, "0.000123"},
		{123456.789, "123456.789"}, {1e308, "1e+308"}, {-1e-300, "-1e-300"},
		{10.0 / 3, "3.3333333333333335"}, {0.30000000000000004, "0.30000000000000004"},
		{math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"}, {math.NaN(), "NaN"},
		{9007199254740992, "9007199254740992"}, {123e18, "123000000000000000000"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, FormatReal(c.in), "%v", c.in)
	}
}

func TestToText(t *testing.T) {
	cases := []struct {
		in   value.Value
		want string
	}{
		{i(123), "123"}, {i(-5), "-5"}, {f(3.14), "3.14"}, {f(1), "1"},
		{bo(true), "true"}, {bo(false), "false"}, {s("x"), "x"}, {null, ""},
		{bl("ab"), "ab"}, {bl("\xff"), "\uFFFD"}, {bl("a\xffb"), "a\uFFFDb"},
		{big10(t, "99999999999999999999999999"), "99999999999999999999999999"},
		{js(t, `{"b":1,"a":[1,2]}`), `{"a":[1,2],"b":1}`}, {js(t, `"hello"`), "hello"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ToText(c.in), "%v", c.in)
	}
}

func TestTypeOf(t *testing.T) {
	cases := []struct {
		in   value.Value
		want string
	}{
		{null, "null"}, {i(1), "integer"}, {big10(t, "12345678901234567890"), "integer"},
		{bo(true), "integer"}, {f(1.5), "real"}, {f(3), "integer"}, {f(math.Inf(1)), "real"},
		{f(math.NaN()), "real"}, {s(""), "text"}, {bl(""), "blob"}, {js(t, `{"a":1}`), "json"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, TypeOf(c.in), "%v", c.in)
	}
}
