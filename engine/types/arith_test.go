package types

import (
	"math"
	"testing"

	"github.com/quereus/quereus/storage/value"
)

func TestArithmetic(t *testing.T) {
	type op func(a, b value.Value) value.Value
	cases := []struct {
		name string
		fn   op
		a, b value.Value
		want value.Value
	}{
		{"1+1", Add, i(1), i(1), i(2)},
		{"int+real", Add, i(10), f(2.5), f(12.5)},
		{"real+real", Add, f(2.5), f(3.5), f(6)},
		{"1.0+2", Add, f(1), i(2), f(3)},
		{"null", Add, i(1), null, null},
		{"text", Add, s("123"), i(0), i(123)},
		{"nontext", Add, s("abc"), i(0), i(0)},
		{"1+'hello'", Add, i(1), s("hello"), i(1)},
		{"''+0", Add, s(""), i(0), i(0)},
		{"1+'2'", Add, i(1), s("2"), i(3)},
		{"bool", Add, bo(true), i(1), i(2)},
		{"overflow", Add, i(math.MaxInt64), i(1), big10(t, "9223372036854775808")},
		{"underflow", Sub, i(math.MinInt64), i(1), big10(t, "-9223372036854775809")},
		{"big+1.5", Add, i(9007199254740993), f(1.5), f(9007199254740994)},
		{"big+1", Add, i(9007199254740993), i(1), i(9007199254740994)},
		{"big-0.5", Sub, i(9007199254740993), f(0.5), f(9007199254740992)},
		{"big*2.0", Mul, i(9007199254740993), f(2), i(18014398509481986)},
		{"1.5+big", Add, f(1.5), i(9007199254740993), f(9007199254740994)},
		{"big/2.0", Div, i(9007199254740993), f(2), f(4503599627370496)},
		{"big%2.0", Mod, i(9007199254740993), f(2), f(1)},
		{"big+big", Add, i(9007199254740993), i(9007199254740993), i(18014398509481986)},
		{"big+'3'", Add, i(9007199254740993), s("3"), i(9007199254740996)},
		{"'3'+big", Add, s("3"), i(9007199254740993), i(9007199254740996)},
		{"big+'abc'", Add, i(9007199254740993), s("abc"), i(9007199254740993)},
		{"big+true", Add, i(9007199254740993), bo(true), i(9007199254740994)},
		{"big+'0.5'", Add, i(9007199254740993), s("0.5"), f(9007199254740992)},
		{"mulover", Mul, i(math.MaxInt64), i(2), big10(t, "18446744073709551614")},
		{"mulmin", Mul, i(math.MinInt64), i(-1), big10(t, "9223372036854775808")},
		{"hugebig", Mul, big10(t, "99999999999999999999"), i(10), big10(t, "999999999999999999990")},
		{"10/3", Div, i(10), i(3), f(3.3333333333333335)},
		{"20/10", Div, i(20), i(10), i(2)},
		{"10.0/2", Div, f(10), i(2), f(5)},
		{"i/2.0", Div, i(1), f(2), f(0.5)},
		{"1/0", Div, i(1), i(0), null},
		{"1/0.0", Div, f(1.5), f(0), null},
		{"1%0", Mod, i(1), i(0), null},
		{"23%10", Mod, i(23), i(10), i(3)},
		{"-7%3", Mod, i(-7), i(3), i(-1)},
		{"5.5%2", Mod, f(5.5), i(2), f(1.5)},
		{"min%-1", Mod, i(math.MinInt64), i(-1), i(0)},
		{"min/-1", Div, i(math.MinInt64), i(-1), big10(t, "9223372036854775808")},
		{"inf", Mul, f(1e308), i(10), null},
		{"blob", Add, bl("1"), i(1), null},
		{"sub", Sub, i(20), i(10), i(10)},
		{"12.5-10", Sub, f(12.5), i(10), f(2.5)},
		{"n*2", Mul, f(10.5), i(2), f(21)},
	}
	for _, c := range cases {
		requireSame(t, c.want, c.fn(c.a, c.b), c.name)
	}
}

func TestUnaryAndBitwise(t *testing.T) {
	cases := []struct {
		name string
		got  value.Value
		want value.Value
	}{
		{"--1", Neg(Neg(i(1))), i(1)},
		{"-5.5", Neg(f(5.5)), f(-5.5)},
		{"+5.5", Plus(f(5.5)), f(5.5)},
		{"-null", Neg(null), null},
		{"+null", Plus(null), null},
		{"~null", BitNot(null), null},
		{"-text", Neg(s("hello")), null},
		{"+text", Plus(s("hello")), null},
		{"~text", BitNot(s("hello")), null},
		{"~'3000000000'", BitNot(s("3000000000")), i(-3000000001)},
		{"-'2'", Neg(s("2")), i(-2)},
		{"~-1", BitNot(i(-1)), i(0)},
		{"~5.7", BitNot(f(5.7)), i(-6)},
		{"~-5.7", BitNot(f(-5.7)), i(4)},
		{"~max", BitNot(i(9223372036854775807)), i(math.MinInt64)},
		{"~2147483648", BitNot(i(2147483648)), i(-2147483649)},
		{"~big", BitNot(big10(t, "99999999999999999999")), big10(t, "-100000000000000000000")},
		{"-min", Neg(i(math.MinInt64)), big10(t, "9223372036854775808")},
		{"-maxneg", Neg(i(-9223372036854775807)), i(9223372036854775807)},
		{"6&3", BitAnd(i(6), i(3)), i(2)},
		{"6|3", BitOr(i(6), i(3)), i(7)},
		{"&null", BitAnd(i(6), null), null},
		{"big&", BitAnd(big10(t, "18446744073709551615"), i(255)), i(255)},
		{"1<<3", Shl(i(1), i(3)), i(8)},
		{"1<<64", Shl(i(1), i(64)), big10(t, "18446744073709551616")},
		{"16>>2", Shr(i(16), i(2)), i(4)},
		{"-16>>2", Shr(i(-16), i(2)), i(-4)},
		{"8<<-1", Shl(i(8), i(-1)), i(4)},
		{"1<<huge", Shl(i(1), i(MaxShift+1)), null},
		{"0<<huge", Shl(i(0), i(1<<40)), i(0)},
		{"-1>>huge", Shr(i(-1), i(1<<40)), i(-1)},
		{"concat", Concat(s("hello"), s(" ")), s("hello ")},
		{"concat num", Concat(i(1), f(2.5)), s("12.5")},
		{"concat null", Concat(s("a"), null), null},
		{"concat bool", Concat(bo(true), s("!")), s("true!")},
	}
	for _, c := range cases {
		requireSame(t, c.want, c.got, c.name)
	}
}

func BenchmarkAddInt(b *testing.B) {
	x, y := i(12345), i(67890)
	for n := 0; n < b.N; n++ {
		_ = Add(x, y)
	}
}

func BenchmarkAddReal(b *testing.B) {
	x, y := f(1.5), i(2)
	for n := 0; n < b.N; n++ {
		_ = Add(x, y)
	}
}

func BenchmarkAddText(b *testing.B) {
	x, y := s("123"), i(2)
	for n := 0; n < b.N; n++ {
		_ = Add(x, y)
	}
}
