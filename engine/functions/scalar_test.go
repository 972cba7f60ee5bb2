package functions

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

func TestCoreScalars(t *testing.T) {
	runScalarCases(t, []scalarCase{
		{"coalesce", args(null, i(42)), i(42)},
		{"coalesce", args(i(42)), i(42)},
		{"coalesce", args(null, null), null},
		{"coalesce", args(null, null, s("last")), s("last")},
		{"coalesce", args(null, i(42), f(2.5)), i(42)},
		{"coalesce", args(null, bo(false)), bo(false)},
		{"ifnull", args(null, s("x")), s("x")},
		{"ifnull", args(i(1), s("x")), i(1)},
		{"nullif", args(i(5), i(5)), null},
		{"nullif", args(i(5), i(10)), i(5)},
		{"nullif", args(null, i(1)), null},
		{"nullif", args(i(1), s("1")), null},
		{"nullif", args(i(1), s("1.9")), i(1)},
		{"nullif", args(s("3"), i(1)), s("3")},
		{"nullif", args(s("abc"), i(1)), s("abc")},
		{"nullif", args(s("{ \"a\" : 2 }"), jsv(t, `{"a":2}`)), s("{ \"a\" : 2 }")},
		{"iif", args(i(1), s("yes"), s("no")), s("yes")},
		{"iif", args(i(0), s("yes"), s("no")), s("no")},
		{"iif", args(null, s("yes"), s("no")), s("no")},
		{"iif", args(i(-1), s("yes"), s("no")), s("yes")},
		{"iif", args(s("0"), s("yes"), s("no")), s("no")},
		{"iif", args(s("1"), s("yes"), s("no")), s("yes")},
		{"iif", args(s("abc"), s("yes"), s("no")), s("no")},
		{"iif", args(i(0), i(42), f(2.5)), f(2.5)},
		{"choose", args(i(2), s("a"), s("b"), s("c")), s("b")},
		{"choose", args(i(0), s("a"), s("b")), null},
		{"choose", args(i(5), s("a"), s("b")), null},
		{"choose", args(i(-1), s("a")), null},
		{"choose", args(i(2), i(42), f(2.5), i(100)), f(2.5)},
		{"greatest", args(i(1), i(3), i(2)), i(3)},
		{"least", args(i(1), i(3), i(2)), i(1)},
		{"greatest", args(s("apple"), s("banana"), s("cherry")), s("cherry")},
		{"least", args(s("apple"), s("banana"), s("cherry")), s("apple")},
		{"greatest", args(i(42)), i(42)},
		{"greatest", args(null, null, null), null},
		{"greatest", args(null, i(5), null, i(3)), i(5)},
		{"least", args(null, i(5), null, i(3)), i(3)},
		{"least", args(i(-10), i(-5), i(0)), i(-10)},
		{"greatest", args(i(10), f(2.5), i(42)), i(42)},
		{"least", args(i(10), f(2.5), i(42)), f(2.5)},
		{"greatest", args(i(1), s("2")), s("2")},
		{"least", args(i(1), s("2")), i(1)},
		{"least", args(s("abc"), i(1)), s("abc")},
		{"least", args(i(1), s("abc")), s("abc")},
		{"greatest", args(s("3"), i(1)), s("3")},
		{"max", args(i(1), i(3), i(2)), i(3)},
		{"min", args(i(1), i(3), i(2)), i(1)},
		{"max", args(i(1), null), null},
		{"min", args(null, i(1)), null},
		{"max", args(s("a"), s("b")), s("b")},
		{"typeof", args(i(1)), s("integer")},
		{"typeof", args(f(1.5)), s("real")},
		{"typeof", args(bo(true)), s("integer")},
		{"typeof", args(jsv(t, `{"a":1}`)), s("json")},
		{"typeof", args(null), s("null")},
		{"typeof", args(bl("\x01")), s("blob")},
		{"likelihood", args(i(7), f(0.5)), i(7)},
		{"likely", args(s("x")), s("x")},
		{"unlikely", args(null), null},
	})
	// Collated greatest/least and nullif.
	d, err := Lookup("greatest", 2)
	require.NoError(t, err)
	v, err := d.Call(collation.NoCase, []value.Value{s("b"), s("A")})
	require.NoError(t, err)
	same(t, s("b"), v)
	v, err = d.Call(nil, []value.Value{s("b"), s("A")})
	require.NoError(t, err)
	same(t, s("b"), v)
	v, err = d.Call(nil, []value.Value{s("a"), s("B")})
	require.NoError(t, err)
	same(t, s("a"), v, "binary: 'a' > 'B'")
	v, err = d.Call(collation.NoCase, []value.Value{s("a"), s("B")})
	require.NoError(t, err)
	same(t, s("B"), v, "nocase: 'B' > 'a'")
	n, err := Lookup("nullif", 2)
	require.NoError(t, err)
	v, err = n.Call(collation.NoCase, []value.Value{s("ABC"), s("abc")})
	require.NoError(t, err)
	same(t, null, v)
}

func TestMathScalars(t *testing.T) {
	runScalarCases(t, []scalarCase{
		{"abs", args(i(-10)), i(10)},
		{"abs", args(f(-2.5)), f(2.5)},
		{"abs", args(i(0)), i(0)},
		{"abs", args(null), null},
		{"abs", args(s("x")), null},
		{"abs", args(i(math.MinInt64)), bigv(t, "9223372036854775808")},
		{"abs", args(bigv(t, "-99999999999999999999")), bigv(t, "99999999999999999999")},
		{"round", args(f(12.345), i(1)), f(12.3)},
		{"round", args(f(12.345)), f(12)},
		{"round", args(f(2.5)), f(3)},
		{"round", args(f(-2.5)), f(-3)},
		{"round", args(i(42)), i(42)},
		{"round", args(f(3.14159), i(0)), f(3)},
		{"round", args(f(3.14159), i(2)), f(3.14)},
		{"round", args(f(3.14159), i(4)), f(3.1416)},
		{"round", args(i(12345), i(-1)), i(12350)},
		{"round", args(i(12345), i(-2)), i(12300)},
		{"round", args(i(12345), i(-3)), i(12000)},
		{"round", args(i(-15), i(-1)), i(-20)},
		{"round", args(f(3.7), null), f(4)},
		{"round", args(null, i(1)), null},
		{"round", args(f(1.5), i(-1)), f(0)},
		{"round", args(f(-3.14), i(0)), f(-3)},
		{"round", args(f(-0.4)), f(0)},
		{"sqrt", args(i(16)), f(4)},
		{"sqrt", args(i(2)), f(1.4142135623730951)},
		{"sqrt", args(i(-1)), null},
		{"sqrt", args(null), null},
		{"pow", args(i(2), i(10)), f(1024)},
		{"power", args(i(3), i(3)), f(27)},
		{"pow", args(i(0), i(0)), f(1)},
		{"pow", args(i(2), i(-1)), f(0.5)},
		{"pow", args(i(-2), i(3)), f(-8)},
		{"pow", args(null, i(2)), null},
		{"floor", args(f(3.7)), f(3)},
		{"floor", args(f(-3.7)), f(-4)},
		{"floor", args(i(5)), i(5)},
		{"ceil", args(f(3.2)), f(4)},
		{"ceiling", args(f(-3.2)), f(-3)},
		{"ceil", args(f(-0.1)), f(0)},
		{"trunc", args(f(-3.7)), f(-3)},
		{"clamp", args(i(5), i(1), i(10)), i(5)},
		{"clamp", args(i(-5), i(0), i(100)), i(0)},
		{"clamp", args(i(50), i(0), i(10)), i(10)},
		{"clamp", args(i(3), i(5), i(5)), i(5)},
		{"clamp", args(null, i(1), i(2)), null},
		{"clamp", args(i(5), null, i(10)), null},
		{"clamp", args(i(5), i(1), null), null},
		{"sign", args(i(-3)), i(-1)},
		{"sign", args(f(0)), i(0)},
		{"sign", args(f(2.5)), i(1)},
		{"sign", args(null), null},
		{"exp", args(i(0)), f(1)},
		{"ln", args(i(1)), f(0)},
		{"ln", args(i(0)), null},
		{"log", args(i(100)), f(2)},
		{"log", args(i(2), i(8)), f(3)},
		{"log2", args(i(8)), f(3)},
		{"log10", args(i(1000)), f(3)},
		{"mod", args(i(7), i(3)), f(1)},
		{"mod", args(i(7), i(0)), null},
		{"pi", args(), f(math.Pi)},
		{"degrees", args(f(math.Pi)), f(180)},
		{"radians", args(i(180)), f(math.Pi)},
		{"atan2", args(i(1), i(1)), f(math.Pi / 4)},
		{"sin", args(i(0)), f(0)},
		{"cos", args(i(0)), f(1)},
	})
}

func TestStringScalars(t *testing.T) {
	runScalarCases(t, []scalarCase{
		{"length", args(s("Quereus")), i(7)},
		{"length", args(s("héllo")), i(5)},
		{"length", args(s("")), i(0)},
		{"length", args(bl("\x00\x01\x02")), i(3)},
		{"length", args(i(12345)), null},
		{"length", args(f(3.14)), null},
		{"length", args(null), null},
		{"lower", args(s("Quereus")), s("quereus")},
		{"upper", args(s("Quereus")), s("QUEREUS")},
		{"lower", args(i(42)), null},
		{"upper", args(s("straße")), s("STRASSE")},
		{"lower", args(s("ÀÉÎ")), s("àéî")},
		{"upper", args(null), null},
		{"substr", args(s("Quereus"), i(2), i(3)), s("uer")},
		{"substring", args(s("Quereus"), i(4)), s("reus")},
		{"substr", args(s("a😀b"), i(2), i(1)), s("😀")},
		{"substr", args(s("hello"), null), null},
		{"substr", args(null, i(1)), null},
		{"substr", args(s("hello"), i(1), i(0)), s("")},
		{"substr", args(s(""), i(1)), s("")},
		{"substr", args(s("hi"), i(5)), s("")},
		{"substr", args(s("hello"), i(3), i(100)), s("llo")},
		{"substr", args(s("hello"), i(0)), s("hello")},
		{"substr", args(s("hello"), i(0), i(2)), s("h")},
		{"substr", args(s("hello"), i(-3)), s("llo")},
		{"substr", args(s("hello"), i(-3), i(2)), s("ll")},
		{"substr", args(s("hello"), i(-10), i(7)), s("he")},
		{"substr", args(s("hello"), i(3), i(-2)), s("he")},
		{"substr", args(s("hello"), i(2), i(-5)), s("h")},
		{"substr", args(bl("\x01\x02\x03"), i(2)), bl("\x02\x03")},
		{"trim", args(s("xxhelloxx"), s("x")), s("hello")},
		{"trim", args(s("  hello  ")), s("hello")},
		{"trim", args(s("  hello  "), null), s("hello")},
		{"ltrim", args(s("  hello  ")), s("hello  ")},
		{"rtrim", args(s("  hello  ")), s("  hello")},
		{"ltrim", args(s("xxhello"), s("x")), s("hello")},
		{"rtrim", args(s("helloyyy"), s("y")), s("hello")},
		{"trim", args(s("hello"), s("x")), s("hello")},
		{"trim", args(null), null},
		{"trim", args(s("")), s("")},
		{"replace", args(s("hello world"), s("world"), s("quereus")), s("hello quereus")},
		{"replace", args(s("hello"), s(""), s("x")), s("hello")},
		{"replace", args(s("banana"), s("a"), s("o")), s("bonono")},
		{"replace", args(s("hello"), null, s("b")), null},
		{"replace", args(s("hello"), s("l"), null), null},
		{"replace", args(null, null, null), null},
		{"instr", args(s("hello world"), s("world")), i(7)},
		{"instr", args(s("hello"), s("xyz")), i(0)},
		{"instr", args(s("hello"), s("")), i(0)},
		{"instr", args(s(""), s("")), i(0)},
		{"instr", args(s("héllo"), s("l")), i(3)},
		{"instr", args(null, s("x")), null},
		{"instr", args(bl("\x01\x02\x03"), bl("\x03")), i(3)},
		{"reverse", args(s("hello")), s("olleh")},
		{"reverse", args(s("a😀b")), s("b😀a")},
		{"reverse", args(s("")), s("")},
		{"reverse", args(null), null},
		{"lpad", args(s("hi"), i(5), s("*")), s("***hi")},
		{"rpad", args(s("hi"), i(5), s("*")), s("hi***")},
		{"lpad", args(s("hi"), i(7), s("ab")), s("ababahi")},
		{"lpad", args(s("hello"), i(3), s("*")), s("hello")},
		{"lpad", args(s("hi"), i(5), s("")), s("hi")},
		{"lpad", args(null, i(5), s("*")), null},
		{"rpad", args(s("hi"), i(4)), s("hi  ")},
		{"concat", args(s("a"), null, i(1), f(2.5)), s("a12.5")},
		{"concat_ws", args(s("-"), s("a"), null, s("b")), s("a-b")},
		{"concat_ws", args(null, s("a")), null},
		{"char", args(i(72), i(105), null, i(0x1F600)), s("Hi😀")},
		{"unicode", args(s("😀x")), i(0x1F600)},
		{"unicode", args(s("")), null},
		{"soundex", args(s("Robert")), s("R163")},
		{"soundex", args(s("Tymczak")), s("T522")},
		{"soundex", args(s("123")), s("?000")},
		{"like", args(s("abc%"), s("abcde")), bo(true)},
		{"like", args(s("A%"), s("apple")), bo(false)},
		{"like", args(s("a%"), null), null},
		{"like", args(null, s("abc")), null},
		{"like", args(s("a!%"), s("a%"), s("!")), bo(true)},
		{"glob", args(s("a*c"), s("abbbc")), bo(true)},
		{"glob", args(s("a*"), null), null},
	})
	assert.Error(t, callErr(t, "like", s("a"), s("a"), s("xy")))
	assert.Error(t, callErr(t, "glob", s("[a"), s("a")))
	assert.Error(t, callErr(t, "lpad", s("x"), i(MaxResultLen), s("*")))
}

func TestBlobAndConversionScalars(t *testing.T) {
	runScalarCases(t, []scalarCase{
		{"hex", args(bl("ab")), s("6162")},
		{"hex", args(bl("\xca\xfe")), s("CAFE")},
		{"hex", args(s("abc")), s("616263")},
		{"hex", args(i(42)), s("3432")},
		{"hex", args(bo(true)), s("74727565")},
		{"hex", args(null), null},
		{"hex", args(bl("")), s("")},
		{"unhex", args(s("6162")), bl("ab")},
		{"unhex", args(s("CAFE")), bl("\xca\xfe")},
		{"unhex", args(s("cafe")), bl("\xca\xfe")},
		{"unhex", args(s("616")), null},
		{"unhex", args(s("zz")), null},
		{"unhex", args(null), null},
		{"unhex", args(i(42)), null},
		{"unhex", args(bl("ab")), null},
		{"unhex", args(s("")), bl("")},
		{"unhex", args(s("61-62"), s("-")), bl("ab")},
		{"quote", args(s("it's")), s("'it''s'")},
		{"quote", args(null), s("NULL")},
		{"quote", args(i(5)), s("5")},
		{"quote", args(bl("\x01\xab")), s("X'01AB'")},
		{"zeroblob", args(i(3)), bl("\x00\x00\x00")},
		{"zeroblob", args(i(-1)), bl("")},
		{"integer", args(i(42)), i(42)},
		{"integer", args(s("123")), i(123)},
		{"integer", args(f(3.14)), i(3)},
		{"integer", args(f(-3.9)), i(-3)},
		{"integer", args(bo(true)), i(1)},
		{"integer", args(bo(false)), i(0)},
		{"integer", args(null), null},
		{"integer", args(s("-10")), i(-10)},
		{"integer", args(s("9007199254740993")), i(9007199254740993)},
		{"real", args(i(42)), f(42)},
		{"real", args(s("3.14")), f(3.14)},
		{"real", args(null), null},
		{"text", args(i(42)), s("42")},
		{"text", args(f(3.14)), s("3.14")},
		{"text", args(bo(true)), s("true")},
		{"text", args(bo(false)), s("false")},
		{"text", args(null), null},
		{"boolean", args(i(1)), bo(true)},
		{"boolean", args(i(0)), bo(false)},
		{"boolean", args(s("true")), bo(true)},
		{"boolean", args(s("false")), bo(false)},
		{"boolean", args(s("yes")), bo(true)},
		{"boolean", args(s("off")), bo(false)},
		{"boolean", args(null), null},
		{"blob", args(s("abc")), bl("abc")},
		{"blob", args(s("6162")), bl("6162")},
		{"blob", args(i(42)), bl("42")},
		{"blob", args(bo(true)), bl("true")},
		{"blob", args(null), null},
	})
	for _, c := range []struct {
		name string
		arg  value.Value
		msg  string
	}{
		{"integer", s("not_a_number"), "Cannot convert to INTEGER"},
		{"real", s("not_a_number"), "Cannot convert to REAL"},
		{"boolean", s("maybe"), "Cannot convert to BOOLEAN"},
		{"blob", jsv(t, `{"a":1}`), "Cannot convert to BLOB"},
		{"hex", jsv(t, `{"a":1}`), "Cannot convert to BLOB for hex()"},
	} {
		err := callErr(t, c.name, c.arg)
		require.Error(t, err, c.name)
		assert.Contains(t, err.Error(), c.msg)
	}
}

func TestRandomFunctions(t *testing.T) {
	r1 := call(t, "random")
	require.Equal(t, value.KindInteger, r1.Kind())
	distinct := false
	for k := 0; k < 8 && !distinct; k++ {
		distinct = call(t, "random").Int() != r1.Int()
	}
	assert.True(t, distinct, "random() varies")
	for _, n := range []int64{16, 1, 0, -5} {
		b := call(t, "randomblob", i(n))
		require.Equal(t, value.KindBlob, b.Kind())
		assert.Equal(t, int(max(n, 0)), len(b.Text()))
	}
	assert.Error(t, callErr(t, "randomblob", i(MaxResultLen+1)))
}

func TestPrintf(t *testing.T) {
	runScalarCases(t, []scalarCase{
		{"printf", args(s("%d items"), i(5)), s("5 items")},
		{"printf", args(s("%5d|%-5d|%05d"), i(42), i(42), i(-42)), s("   42|42   |-0042")},
		{"printf", args(s("%+d % d"), i(5), i(5)), s("+5  5")},
		{"printf", args(s("%,d"), i(1234567)), s("1,234,567")},
		{"printf", args(s("%.2f"), f(3.14159)), s("3.14")},
		{"printf", args(s("%f"), i(1)), s("1.000000")},
		{"printf", args(s("%8.3f"), f(-2.5)), s("  -2.500")},
		{"printf", args(s("%e"), f(12345.678)), s("1.234568e+04")},
		{"printf", args(s("%g %g"), f(100000), f(1e6)), s("100000 1e+06")},
		{"printf", args(s("%x %X %o"), i(255), i(255), i(8)), s("ff FF 10")},
		{"printf", args(s("%#x"), i(255)), s("0xff")},
		{"printf", args(s("%x"), i(-1)), s("ffffffffffffffff")},
		{"printf", args(s("%s and %s"), s("a"), i(1)), s("a and 1")},
		{"printf", args(s("%.3s|%5s|%-5s|"), s("abcdef"), s("ab"), s("ab")), s("abc|   ab|ab   |")},
		{"printf", args(s("%c"), s("hello")), s("h")},
		{"printf", args(s("%q"), s("it's")), s("it''s")},
		{"printf", args(s("%Q %Q"), s("it's"), null), s("'it''s' NULL")},
		{"printf", args(s("%w"), s(`a"b`)), s(`a""b`)},
		{"printf", args(s("100%%")), s("100%")},
		{"printf", args(s("%d %s|"), null), s("0 |")},
		{"printf", args(s("%*d|%-*d|"), i(4), i(7), i(3), i(7)), s("   7|7  |")},
		{"printf", args(s("%.*f"), i(1), f(2.25)), s("2.2")},
		{"printf", args(s("%lld"), i(9)), s("9")},
		{"printf", args(s("%s"), f(1.5)), s("1.5")},
		{"printf", args(null), null},
		{"format", args(s("%d-%d"), i(1), i(2)), s("1-2")},
		{"printf", args(s("%d"), bigv(t, "99999999999999999999")), s("99999999999999999999")},
		{"printf", args(s("%.5d"), i(42)), s("00042")},
		{"printf", args(s("abc%")), s("abc")},
		{"printf", args(s("a%yb"), i(1)), s("a")},
	})
	got := call(t, "printf", s("%1000000000d"), i(1))
	assert.LessOrEqual(t, len(got.Text()), maxPrintfWidth+1)
	assert.Equal(t, "1", strings.TrimSpace(got.Text()))
}

func BenchmarkCallSubstr(b *testing.B) {
	d, _ := Lookup("substr", 3)
	args := []value.Value{s("hello world"), i(3), i(5)}
	for n := 0; n < b.N; n++ {
		_, _ = d.Call(nil, args)
	}
}

func BenchmarkLookup(b *testing.B) {
	for n := 0; n < b.N; n++ {
		_, _ = Lookup("Substr", 3)
	}
}
