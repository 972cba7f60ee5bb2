package types

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

func TestKeyStringAgreesWithCompare(t *testing.T) {
	vals := []value.Value{
		null, i(0), f(0), f(math.Copysign(0, -1)), bo(false), i(1), f(1), bo(true), f(2.5), f(-2.5),
		i(9007199254740993), f(9007199254740992), i(9007199254740992), big10(t, "100000000000000000000"), f(1e20),
		f(math.Inf(1)), f(math.Inf(-1)), f(math.NaN()), f(1e-7), s(""), s("1"), s("abc"), s("ABC"), s("abc  "),
		bl(""), bl("1"), bl("abc"), js(t, `{"a":1,"b":[1,2]}`), js(t, `{"b":[1,2.0],"a":1.0}`), js(t, `[1]`),
		js(t, `"1"`), js(t, `1`), js(t, `null`),
	}
	for _, coll := range []*collation.Collation{nil, collation.NoCase, collation.RTrim} {
		for _, a := range vals {
			for _, b := range vals {
				ka, exact := KeyString(a, coll)
				require.True(t, exact)
				kb, _ := KeyString(b, coll)
				assert.Equal(t, Compare(a, b, coll) == 0, ka == kb, "%v vs %v under %v", a, b, coll)
			}
		}
	}
}

func TestKeyStringCustomCollationWithoutNormalizer(t *testing.T) {
	r := collation.NewRegistry()
	require.NoError(t, r.Register("ALLSAME", func(a, b string) int { return 0 }, nil))
	c, err := r.Lookup("allsame")
	require.NoError(t, err)
	_, exact := KeyString(s("x"), c)
	assert.False(t, exact)
}

func TestStaticType(t *testing.T) {
	assert.Equal(t, Null, StaticType(null))
	assert.Equal(t, Integer, StaticType(i(1)))
	assert.Equal(t, Integer, StaticType(big10(t, "99999999999999999999")))
	assert.Equal(t, Real, StaticType(f(1)))
	assert.Equal(t, Text, StaticType(s("")))
	assert.Equal(t, Blob, StaticType(bl("")))
	assert.Equal(t, Boolean, StaticType(bo(true)))
	assert.Equal(t, JSON, StaticType(js(t, "{}")))
}

func TestComparisonCoercion(t *testing.T) {
	cases := []struct {
		l, r        Type
		left, right Coercion
	}{
		{Integer, Text, CoerceNone, CoerceNumeric},
		{Text, Integer, CoerceNumeric, CoerceNone},
		{Real, Text, CoerceNone, CoerceNumeric},
		{Numeric, Date, CoerceNone, CoerceNumeric},
		{Integer, Any, CoerceNone, CoerceNone},
		{Any, Text, CoerceNone, CoerceNone},
		{Text, Text, CoerceNone, CoerceNone},
		{Integer, Real, CoerceNone, CoerceNone},
		{Boolean, Text, CoerceNone, CoerceNone},
		{JSON, Text, CoerceNone, CoerceJSON},
		{Any, JSON, CoerceJSON, CoerceNone},
		{JSON, JSON, CoerceNone, CoerceNone},
		{JSON, Null, CoerceNone, CoerceNone},
	}
	for _, c := range cases {
		l, r := ComparisonCoercion(c.l, c.r)
		assert.Equal(t, c.left, l, "%v vs %v", c.l, c.r)
		assert.Equal(t, c.right, r, "%v vs %v", c.l, c.r)
	}
	// The corpus cases, end to end.
	eq := func(a, b value.Value, lt, rt Type) value.Value {
		cl, cr := ComparisonCoercion(lt, rt)
		return Equal(cl.Apply(a), cr.Apply(b), nil)
	}
	assert.Equal(t, bo(true), eq(i(42), s("42"), Integer, Text))
	assert.Equal(t, bo(true), eq(s("abc"), i(0), Text, Integer))
	assert.Equal(t, bo(false), eq(i(1), s("1.9"), Integer, Text))
	assert.Equal(t, bo(true), eq(i(1000), s("1e3"), Integer, Text))
	assert.Equal(t, bo(true), eq(i(9007199254740993), s("9007199254740993"), Integer, Text))
	assert.Equal(t, bo(false), eq(i(9007199254740993), s("9007199254740992"), Integer, Text))
	assert.Equal(t, bo(false), eq(i(5), s("5"), Any, Text), "ANY is not coerced")
	assert.Equal(t, bo(true), eq(s(`{"a":"x"}`), js(t, `{"a":"x"}`), Text, JSON))
	assert.Equal(t, bo(false), eq(s("object"), js(t, `{"a":"x"}`), Text, JSON))
	assert.Equal(t, null, eq(null, s("42"), Null, Text))
	assert.Equal(t, i(7), CoerceNone.Apply(i(7)))
}

func TestThreeValuedLogic(t *testing.T) {
	T, F, N := bo(true), bo(false), null
	cases := []struct{ a, b, and, or, xor value.Value }{
		{T, T, T, T, F}, {T, F, F, T, T}, {F, F, F, F, F},
		{T, N, N, T, N}, {F, N, F, N, N}, {N, N, N, N, N},
		{i(1), i(0), F, T, T}, {s("abc"), i(2), F, T, T},
	}
	for _, c := range cases {
		for _, p := range [][2]value.Value{{c.a, c.b}, {c.b, c.a}} {
			assert.Equal(t, c.and, And(p[0], p[1]), "%v AND %v", p[0], p[1])
			assert.Equal(t, c.or, Or(p[0], p[1]), "%v OR %v", p[0], p[1])
			assert.Equal(t, c.xor, Xor(p[0], p[1]), "%v XOR %v", p[0], p[1])
		}
	}
	assert.Equal(t, T, Not(Not(i(1))))
	assert.Equal(t, N, Not(N))
	assert.Equal(t, T, Not(s("abc")))
	assert.True(t, IsTrue(s("1")))
	assert.False(t, IsTrue(N))
	assert.True(t, IsFalse(s("abc")))
	assert.False(t, IsFalse(N))
	assert.True(t, IsTrue(i(2)))
	assert.True(t, IsFalse(i(0)))
}

func TestCachedPatterns(t *testing.T) {
	p1, err := CachedLike("a%", "")
	require.NoError(t, err)
	p2, err := CachedLike("a%", "")
	require.NoError(t, err)
	assert.Same(t, p1, p2)
	g, err := CachedGlob("a%")
	require.NoError(t, err)
	assert.NotSame(t, p1, g)
	assert.True(t, g.Match("a%"))
	assert.False(t, g.Match("ab"))
	_, err = CachedGlob("[")
	assert.Error(t, err)
	for k := 0; k < patternCacheSize+10; k++ {
		_, err := CachedLike(string(rune('a'+k%26))+string(rune(k)), "")
		require.NoError(t, err)
	}
	assert.LessOrEqual(t, len(patterns.m), patternCacheSize)
}

func TestInAndBetween(t *testing.T) {
	assert.Equal(t, bo(true), In(i(1), []value.Value{i(3), f(1)}, nil))
	assert.Equal(t, bo(false), In(i(1), []value.Value{i(3), i(2)}, nil))
	assert.Equal(t, null, In(i(1), []value.Value{i(3), null}, nil))
	assert.Equal(t, bo(true), In(i(3), []value.Value{i(3), null}, nil))
	assert.Equal(t, null, In(null, []value.Value{i(3)}, nil))
	assert.Equal(t, bo(false), In(null, nil, nil), "empty list is false even for NULL")
	assert.Equal(t, bo(true), In(s("A"), []value.Value{s("a")}, collation.NoCase))
	assert.Equal(t, bo(false), In(s("A"), []value.Value{s("a")}, nil))
	assert.Equal(t, bo(true), Between(i(3), i(2), i(6), nil))
	assert.Equal(t, bo(false), Between(s("a"), s("f"), s("z"), nil))
	assert.Equal(t, bo(true), Between(s("Hello"), s("a"), s("z"), collation.NoCase))
	assert.Equal(t, bo(false), Between(s("Hello"), s("a"), s("z"), nil))
	assert.Equal(t, null, Between(null, s("a"), s("z"), nil))
	assert.Equal(t, null, Between(s("b"), null, s("z"), nil))
	assert.Equal(t, bo(false), Between(s("zz"), null, s("z"), nil), "false AND NULL is false")
}

func BenchmarkKeyStringInt(b *testing.B) {
	v := i(1234567)
	for n := 0; n < b.N; n++ {
		_, _ = KeyString(v, nil)
	}
}

func BenchmarkKeyStringText(b *testing.B) {
	v := s("Hello World")
	for n := 0; n < b.N; n++ {
		_, _ = KeyString(v, collation.NoCase)
	}
}
