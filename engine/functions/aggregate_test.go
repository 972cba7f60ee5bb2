package functions

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

func TestCountSumAvgMinMax(t *testing.T) {
	vals := col(i(10), i(20), i(30), i(40), i(50), null)
	same(t, i(6), aggregate(t, "count", 0, make([][]value.Value, 6)...))
	same(t, i(5), aggregate(t, "count", 1, vals...))
	same(t, i(150), aggregate(t, "sum", 1, vals...))
	same(t, f(30), aggregate(t, "avg", 1, vals...))
	same(t, i(10), aggregate(t, "min", 1, vals...))
	same(t, i(50), aggregate(t, "max", 1, vals...))
	same(t, f(150), aggregate(t, "total", 1, vals...))

	// Empty and all-NULL inputs.
	for _, rows := range [][][]value.Value{nil, col(null, null)} {
		same(t, i(0), aggregate(t, "count", 1, rows...))
		same(t, null, aggregate(t, "sum", 1, rows...))
		same(t, null, aggregate(t, "avg", 1, rows...))
		same(t, null, aggregate(t, "min", 1, rows...))
		same(t, null, aggregate(t, "max", 1, rows...))
		same(t, f(0), aggregate(t, "total", 1, rows...))
		same(t, null, aggregate(t, "group_concat", 1, rows...))
	}

	// REAL column.
	reals := col(f(1), f(2), f(3), null, f(4.5), f(-1))
	same(t, f(9.5), aggregate(t, "sum", 1, reals...))
	same(t, f(4.5), aggregate(t, "max", 1, reals...))
	same(t, f(-1), aggregate(t, "min", 1, reals...))
	same(t, f(1.5), aggregate(t, "avg", 1, col(f(0), f(1), null, f(2), null, f(3))...))
	same(t, f(7.5), aggregate(t, "avg", 1, col(f(7.5))...))
	same(t, f(2.25), aggregate(t, "sum", 1, col(f(1.5), f(0.75))...))
	same(t, f(1.125), aggregate(t, "avg", 1, col(f(1.5), f(0.75))...))
	same(t, f(7.05), aggregate(t, "sum", 1, col(f(2), f(3.25), f(1.8))...))

	// Booleans count as 0/1.
	same(t, i(3), aggregate(t, "sum", 1, col(bo(true), bo(false), bo(true), bo(true))...))
	same(t, f(0.75), aggregate(t, "avg", 1, col(i(1), i(0), i(1), i(1))...))
}

func TestAggregateTextCoercion(t *testing.T) {
	text := col(s("10"), s("20"), s("30.5"), s("hello"), s("world"))
	same(t, f(60.5), aggregate(t, "sum", 1, text...))
	same(t, f(20.166666666666668), aggregate(t, "avg", 1, text...))
	same(t, i(5), aggregate(t, "count", 1, text...))
	same(t, i(10), aggregate(t, "min", 1, text...))
	same(t, s("world"), aggregate(t, "max", 1, text...))
	same(t, i(60), aggregate(t, "sum", 1, col(s("10"), s("20"), s("30"))...))
	same(t, f(0), aggregate(t, "total", 1, col(s("hello"), s("world"))...))
	same(t, f(30), aggregate(t, "total", 1, col(s("10"), s("abc"), s("20"), null)...))
	same(t, i(4047), aggregate(t, "sum", 1, col(s("2024"), s("2023"))...))
	same(t, f(2023.5), aggregate(t, "avg", 1, col(s("2024"), s("2023"))...))
	same(t, s("array"), aggregate(t, "min", 1, col(s("object"), s("array"))...))
}

func TestSumExactAndFloatParts(t *testing.T) {
	big := i(9007199254740993)
	// Fraction + integer past 2^53, both orders: equal to binary +.
	for _, rows := range [][][]value.Value{col(f(0.5), big), col(big, f(0.5))} {
		got := aggregate(t, "sum", 1, rows...)
		same(t, f(9007199254740992), got)
		assert.Equal(t, "integer", types.TypeOf(got))
		same(t, types.Add(big, f(0.5)), got)
	}
	for _, rows := range [][][]value.Value{col(f(0.5), f(0.25), big), col(big, f(0.25), f(0.5))} {
		same(t, f(9007199254740992), aggregate(t, "sum", 1, rows...))
	}
	// A whole real past 2^53 is not exact.
	for _, rows := range [][][]value.Value{col(f(1e308), f(0.5)), col(f(0.5), f(1e308))} {
		got := aggregate(t, "sum", 1, rows...)
		same(t, f(1e308), got)
		assert.Equal(t, "integer", types.TypeOf(got))
	}
	// Overflow to infinity stays in the float domain and agrees with total.
	inf := aggregate(t, "sum", 1, col(f(1e308), f(1e308))...)
	same(t, f(math.Inf(1)), inf)
	assert.Equal(t, "real", types.TypeOf(inf))
	assert.Equal(t, "Infinity", types.ToText(inf))
	same(t, inf, aggregate(t, "total", 1, col(f(1e308), f(1e308))...))
	// All-integer folds are exact, promoting and narrowing.
	same(t, i(9007199254740990), aggregate(t, "sum", 1, col(i(9007199254740991), i(5), i(-6))...))
	same(t, i(9007199254740996), aggregate(t, "sum", 1, col(i(9007199254740991), i(5))...))
	same(t, bigv(t, "18446744073709551614"), aggregate(t, "sum", 1, col(i(math.MaxInt64), i(math.MaxInt64))...))
	same(t, i(-1), aggregate(t, "sum", 1, col(i(math.MaxInt64), i(math.MaxInt64), i(math.MinInt64), i(math.MinInt64), i(1))...))
	// All-float folds are plain left-to-right addition.
	x, y := 0.1, 0.2
	same(t, f(x+y), aggregate(t, "sum", 1, col(f(0.1), f(0.2))...))
	same(t, f(0.75), aggregate(t, "sum", 1, col(f(0.5), f(0.25))...))
	same(t, i(9007199254740998), aggregate(t, "sum", 1, col(big, i(5))...))
}

func TestSlidingInverse(t *testing.T) {
	for _, name := range []string{"sum", "count", "total", "avg", "var_pop"} {
		d, err := Lookup(name, 1)
		require.NoError(t, err)
		a := d.NewAggregate()
		inv, ok := a.(Inverter)
		require.True(t, ok, name)
		for _, v := range []value.Value{i(1), i(2), f(2.5), i(math.MaxInt64)} {
			require.NoError(t, a.Step([]value.Value{v}))
		}
		for _, v := range []value.Value{i(1), f(2.5), i(math.MaxInt64)} {
			require.NoError(t, inv.Inverse([]value.Value{v}))
		}
		got, err := a.Result()
		require.NoError(t, err)
		fresh := d.NewAggregate()
		require.NoError(t, fresh.Step([]value.Value{i(2)}))
		want, _ := fresh.Result()
		assert.Equal(t, 0, types.Compare(want, got, nil), "%s: %v vs %v", name, want, got)
	}
	c, _ := Lookup("count", 0)
	a := c.NewAggregate()
	require.NoError(t, a.Step(nil))
	require.NoError(t, a.Step(nil))
	require.NoError(t, a.(Inverter).Inverse(nil))
	v, _ := a.Result()
	same(t, i(1), v)
}

func TestMinMaxCollation(t *testing.T) {
	d, err := Lookup("max", 1)
	require.NoError(t, err)
	a := d.NewAggregate()
	a.(Collated).SetCollation(collation.NoCase)
	for _, v := range []value.Value{s("b"), s("A"), s("C")} {
		require.NoError(t, a.Step([]value.Value{v}))
	}
	v, _ := a.Result()
	same(t, s("C"), v)
	same(t, s("b"), aggregate(t, "max", 1, col(s("b"), s("A"), s("C"))...), "binary")
	// Mixed classes: numbers < text < blob.
	same(t, bl("\x00"), aggregate(t, "max", 1, col(i(5), s("z"), bl("\x00"))...))
	same(t, i(5), aggregate(t, "min", 1, col(s("z"), i(5), bl("\x00"))...))
}

func TestGroupConcat(t *testing.T) {
	vals := col(s("a"), null, s("b"), s("c"))
	same(t, s("a,b,c"), aggregate(t, "group_concat", 1, vals...))
	withSep := func(sep value.Value) [][]value.Value {
		rows := make([][]value.Value, len(vals))
		for k, r := range vals {
			rows[k] = []value.Value{r[0], sep}
		}
		return rows
	}
	same(t, s("a-b-c"), aggregate(t, "group_concat", 2, withSep(s("-"))...))
	same(t, s("abc"), aggregate(t, "group_concat", 2, withSep(s(""))...))
	same(t, s("a,b,c"), aggregate(t, "group_concat", 2, withSep(null)...))
	same(t, s("a|b|c"), aggregate(t, "string_agg", 2, withSep(s("|"))...))
	same(t, s("10,30"), aggregate(t, "group_concat", 1, col(i(10), i(30))...))
	same(t, s("a,a,b"), aggregate(t, "string_concat", 1, col(s("a"), s("a"), s("b"))...))
	_, err := Lookup("string_agg", 1)
	assert.Error(t, err)
}

func TestVarianceAggregates(t *testing.T) {
	abc := col(f(10), f(20), f(30))
	same(t, f(66.66666666666669), aggregate(t, "var_pop", 1, abc...))
	same(t, f(100), aggregate(t, "var_samp", 1, abc...))
	same(t, f(8.16496580927726), aggregate(t, "stddev_pop", 1, abc...))
	two := col(f(10), f(20))
	same(t, f(50), aggregate(t, "var_samp", 1, two...))
	same(t, f(7.0710678118654755), aggregate(t, "stddev_samp", 1, two...))
	one := col(f(7.5))
	same(t, f(0), aggregate(t, "var_pop", 1, one...))
	same(t, f(0), aggregate(t, "stddev_pop", 1, one...))
	same(t, null, aggregate(t, "var_samp", 1, one...))
	same(t, null, aggregate(t, "stddev_samp", 1, one...))
	for _, name := range []string{"var_pop", "var_samp", "stddev_pop", "stddev_samp"} {
		same(t, null, aggregate(t, name, 1), name)
	}
}

func TestMinMaxTimespan(t *testing.T) {
	rows := col(s("PT30M"), s("PT1H"), s("PT2H"), s("P1D"), s("PT0S"))
	for _, c := range []struct {
		name string
		want value.Value
	}{{"min", s("PT0S")}, {"max", s("P1D")}} {
		d, err := Lookup(c.name, 1)
		require.NoError(t, err)
		a := d.NewAggregate()
		a.(Typed).SetArgType(types.Timespan)
		for _, r := range rows {
			require.NoError(t, a.Step(r))
		}
		v, _ := a.Result()
		same(t, c.want, v, c.name)
	}
	same(t, s("PT30M"), aggregate(t, "max", 1, rows...), "untyped: text order")
}

func BenchmarkSumInts(b *testing.B) {
	d, _ := Lookup("sum", 1)
	row := []value.Value{i(12345)}
	a := d.NewAggregate()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		_ = a.Step(row)
	}
}

func BenchmarkSumReals(b *testing.B) {
	d, _ := Lookup("sum", 1)
	row := []value.Value{f(1.25)}
	a := d.NewAggregate()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		_ = a.Step(row)
	}
}
