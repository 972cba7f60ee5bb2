package types

import (
	"encoding/json"
	"math"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

func TestCompareCrossClassOrder(t *testing.T) {
	// NULL < numbers < text < blob < JSON (03.6-type-system ordering).
	ordered := []value.Value{
		null, f(math.Inf(-1)), big10(t, "-9007199254740993"), i(-1), i(0), f(0.5), bo(true),
		f(2.5), i(3), i(9007199254740992), i(9007199254740993), big10(t, "99999999999999999999"),
		f(math.Inf(1)), f(math.NaN()), s("ABC"), s("aaa"), s("abc"), s("zzz"),
		bl(""), bl("\x00"), bl("\x01"), bl("\x01\x00"), bl("\x01\xff"), bl("\x02"), bl("\xff"),
		js(t, "null"), js(t, "false"), js(t, "1"), js(t, `"a"`), js(t, "[1]"), js(t, `{"a":1}`),
	}
	for a := range ordered {
		for b := range ordered {
			want := sign(a - b)
			assert.Equal(t, want, Compare(ordered[a], ordered[b], nil), "%v vs %v", ordered[a], ordered[b])
		}
	}
}

func TestCompareNumbersExact(t *testing.T) {
	eq := [][2]value.Value{
		{i(1), f(1)}, {bo(true), i(1)}, {bo(false), f(0)}, {f(math.Copysign(0, -1)), i(0)},
		{i(9007199254740992), f(9007199254740992)}, {big10(t, "100000000000000000000"), f(1e20)},
	}
	for _, p := range eq {
		assert.Equal(t, 0, Compare(p[0], p[1], nil), "%v = %v", p[0], p[1])
		assert.Equal(t, 0, Compare(p[1], p[0], nil), "%v = %v", p[1], p[0])
	}
	lt := [][2]value.Value{
		{f(9007199254740992), i(9007199254740993)}, {i(9007199254740993), f(9007199254740994)},
		{f(-9007199254740992), i(-9007199254740991)}, {i(-9007199254740993), f(-9007199254740992)},
		{f(2.5), i(3)}, {i(math.MaxInt64), big10(t, "9223372036854775808")},
		{big10(t, "9223372036854775808"), f(1e19)},
	}
	for _, p := range lt {
		assert.Equal(t, -1, Compare(p[0], p[1], nil), "%v < %v", p[0], p[1])
		assert.Equal(t, 1, Compare(p[1], p[0], nil), "%v > %v", p[1], p[0])
	}
}

func TestCompareTextCollation(t *testing.T) {
	assert.Equal(t, -1, Compare(s("ABC"), s("abc"), nil))
	assert.Equal(t, 0, Compare(s("ABC"), s("abc"), collation.NoCase))
	assert.Equal(t, 0, Compare(s("abc  "), s("abc"), collation.RTrim))
	assert.Equal(t, 1, Compare(s("abc  "), s("abc"), collation.Binary))
	// Collations do not apply to blobs.
	assert.Equal(t, -1, Compare(bl("A"), bl("a"), collation.NoCase))
}

func TestCompareJSONStructural(t *testing.T) {
	assert.Equal(t, 0, Compare(js(t, `{"a":1,"b":2}`), js(t, `{"b":2,"a":1}`), nil))
	assert.Equal(t, 0, Compare(js(t, `{"a":1.0}`), js(t, `{"a":1}`), nil))
	assert.NotEqual(t, 0, Compare(js(t, `[1,2]`), js(t, `[2,1]`), nil))
	assert.Equal(t, -1, Compare(js(t, `[1,2]`), js(t, `[1,2,3]`), nil))
	assert.Equal(t, -1, Compare(js(t, `{"a":1}`), js(t, `{"a":2}`), nil))
	assert.Equal(t, -1, Compare(js(t, `{"a":1}`), js(t, `{"b":0}`), nil))
	assert.Equal(t, -1, Compare(js(t, `2`), js(t, `10`), nil))
}

func TestThreeValuedComparison(t *testing.T) {
	assert.Equal(t, null, Equal(null, null, nil))
	assert.Equal(t, null, Less(null, i(1), nil))
	assert.Equal(t, null, GreaterEqual(null, i(0), nil))
	assert.Equal(t, null, NotEqual(s("a"), null, nil))
	assert.Equal(t, bo(true), Equal(i(1), f(1), nil))
	assert.Equal(t, bo(false), Equal(i(42), s("42"), nil), "no run-time coercion")
	assert.Equal(t, bo(true), Equal(i(42), CastForComparison(s("42")), nil))
	assert.Equal(t, bo(true), Equal(s("abc"), s("ABC"), collation.NoCase))
	assert.Equal(t, bo(true), Less(i(1), s("0"), nil), "numbers sort before text")
	assert.Equal(t, bo(true), LessEqual(i(10), i(10), nil))
	assert.Equal(t, bo(false), Greater(i(10), i(10), nil))
	assert.Equal(t, bo(true), NotEqual(bl("\x01\xff"), bl("\x02"), nil))
	c, ok := CompareSQL(i(1), i(2), nil)
	assert.True(t, ok)
	assert.Equal(t, -1, c)
	assert.True(t, SameValue(null, null, nil))
}

func TestTruthy(t *testing.T) {
	cases := []struct {
		in           value.Value
		isTrue, null bool
	}{
		{null, false, true}, {bo(true), true, false}, {bo(false), false, false},
		{i(0), false, false}, {i(1), true, false}, {i(-1), true, false}, {i(999999), true, false},
		{f(0.5), true, false}, {f(0), false, false}, {f(math.NaN()), false, false},
		{s(""), false, false}, {s("text"), false, false}, {s("0"), false, false}, {s("1"), true, false},
		{s("abc"), false, false}, {s(" 2.5 "), true, false}, {bl("\x01"), false, false},
		{big10(t, "99999999999999999999"), true, false}, {js(t, "true"), true, false}, {js(t, "{}"), false, false},
	}
	for _, c := range cases {
		tr, nl := Truthy(c.in)
		assert.Equal(t, c.isTrue, tr, "%v", c.in)
		assert.Equal(t, c.null, nl, "%v", c.in)
	}
}

func TestCompareSortsStably(t *testing.T) {
	vals := []value.Value{s("b"), i(2), null, f(1.5), bl("a"), s("a"), i(-3)}
	sort.Slice(vals, func(a, b int) bool { return Compare(vals[a], vals[b], nil) < 0 })
	want := []value.Value{null, i(-3), f(1.5), i(2), s("a"), s("b"), bl("a")}
	require.Len(t, vals, len(want))
	for k := range want {
		requireSame(t, want[k], vals[k])
	}
}

func TestCompareJSONToleratesNonJSONNumberNodes(t *testing.T) {
	a := value.JSON(map[string]any{"n": 1})
	b := value.JSON(map[string]any{"n": json.Number("2")})
	c := value.JSON(map[string]any{"n": 2.0})
	d := value.JSON(map[string]any{"n": int64(2)})
	assert.Equal(t, -1, Compare(a, b, nil))
	assert.Equal(t, 0, Compare(b, c, nil))
	assert.Equal(t, 0, Compare(c, d, nil))
	kb, _ := KeyString(b, nil)
	kc, _ := KeyString(c, nil)
	kd, _ := KeyString(d, nil)
	assert.Equal(t, kb, kc)
	assert.Equal(t, kb, kd)
}
