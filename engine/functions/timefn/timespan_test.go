package timefn

import (
	"testing"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimespanConvert(t *testing.T) {
	runCases(t, []fnCase{
		{"PT1H", TimespanConvert, []value.Value{t_("PT1H")}, "text:PT1H"},
		{"P1D", TimespanConvert, []value.Value{t_("P1D")}, "text:P1D"},
		{"PT1H30M", TimespanConvert, []value.Value{t_("PT1H30M")}, "text:PT1H30M"},
		{"PT45S", TimespanConvert, []value.Value{t_("PT45S")}, "text:PT45S"},
		{"P1Y", TimespanConvert, []value.Value{t_("P1Y")}, "text:P1Y"},
		{"P2M", TimespanConvert, []value.Value{t_("P2M")}, "text:P2M"},
		{"P1W", TimespanConvert, []value.Value{t_("P1W")}, "text:P1W"},
		{"combined", TimespanConvert, []value.Value{t_("P1Y2M3DT4H5M6S")}, "text:P1Y2M3DT4H5M6S"},
		{"negative", TimespanConvert, []value.Value{t_("-PT1H")}, "text:-PT1H"},
		{"lower case", TimespanConvert, []value.Value{t_("pt2h")}, "text:PT2H"},
		{"fractional hour spills", TimespanConvert, []value.Value{t_("PT1.5H")}, "text:PT1H30M"},
		{"fractional seconds", TimespanConvert, []value.Value{t_("PT1M30.5S")}, "text:PT1M30.5S"},
		{"comma fraction", TimespanConvert, []value.Value{t_("PT0,25S")}, "text:PT0.25S"},
		{"zero fields dropped", TimespanConvert, []value.Value{t_("P1Y0M")}, "text:P1Y"},
		{"seconds", TimespanConvert, []value.Value{i_(3600)}, "text:PT3600S"},
		{"seconds day", TimespanConvert, []value.Value{i_(86400)}, "text:PT86400S"},
		{"seconds 90", TimespanConvert, []value.Value{i_(90)}, "text:PT90S"},
		{"zero", TimespanConvert, []value.Value{i_(0)}, "text:PT0S"},
		{"negative seconds", TimespanConvert, []value.Value{i_(-3600)}, "text:-PT3600S"},
		{"human hour", TimespanConvert, []value.Value{t_("1 hour")}, "text:PT1H"},
		{"human minutes", TimespanConvert, []value.Value{t_("30 minutes")}, "text:PT30M"},
		{"human days", TimespanConvert, []value.Value{t_("2 days")}, "text:P2D"},
		{"human week", TimespanConvert, []value.Value{t_("1 week")}, "text:P1W"},
		{"human two units", TimespanConvert, []value.Value{t_("2 hours 30 minutes")}, "text:PT2H30M"},
		{"human days hours", TimespanConvert, []value.Value{t_("2 days 3 hours")}, "text:P2DT3H"},
		{"human year months", TimespanConvert, []value.Value{t_("1 year 6 months")}, "text:P1Y6M"},
		{"human mins", TimespanConvert, []value.Value{t_("5 mins")}, "text:PT5M"},
		{"human secs", TimespanConvert, []value.Value{t_("10 secs")}, "text:PT10S"},
		{"human negative", TimespanConvert, []value.Value{t_("-2 hours")}, "text:-PT2H"},
		{"human 90 minutes", TimespanConvert, []value.Value{t_("90 minutes")}, "text:PT90M"},
		{"human repeated", TimespanConvert, []value.Value{t_("1 hour 2 hours")}, "text:PT3H"},
		{"null", TimespanConvert, []value.Value{null}, "NULL"},
	})
	for _, bad := range []value.Value{t_("not-a-duration"), t_("P"), t_("PT"), t_("P1.5D"), t_("PT1.5H30M"), t_("1.5 hours"), f_(1.5), value.Bool(true)} {
		_, err := TimespanConvert([]value.Value{bad})
		require.Error(t, err, bad.String())
		assert.Contains(t, err.Error(), "Cannot convert to TIMESPAN", bad.String())
	}
}

func TestTimespanFields(t *testing.T) {
	runCases(t, []fnCase{
		{"years", TimespanYears, []value.Value{t_("P1Y2M3D")}, "int:1"},
		{"months", TimespanMonths, []value.Value{t_("P1Y2M3D")}, "int:2"},
		{"days", TimespanDays, []value.Value{t_("P1Y2M3D")}, "int:3"},
		{"weeks", TimespanWeeks, []value.Value{t_("P2W3D")}, "int:2"},
		{"hours", TimespanHours, []value.Value{t_("P2DT3H")}, "int:3"},
		{"minutes", TimespanMinutes, []value.Value{t_("PT1H30M")}, "int:30"},
		{"seconds", TimespanSeconds, []value.Value{t_("PT1M30S")}, "int:30"},
		{"seconds frac", TimespanSeconds, []value.Value{t_("PT1M30.5S")}, "real:30.5"},
		{"seconds 1.5", TimespanSeconds, []value.Value{t_("PT1.5S")}, "real:1.5"},
		{"years zero", TimespanYears, []value.Value{t_("PT1H")}, "int:0"},
		{"null", TimespanYears, []value.Value{null}, "NULL"},
		{"invalid", TimespanHours, []value.Value{t_("not-a-duration")}, "NULL"},
		{"human not accepted", TimespanHours, []value.Value{t_("2 hours")}, "NULL"},
		{"number", TimespanYears, []value.Value{i_(42)}, "NULL"},
		{"bool", TimespanHours, []value.Value{value.Bool(true)}, "NULL"},
		{"total seconds", TimespanTotalSeconds, []value.Value{t_("PT1H")}, "int:3600"},
		{"total seconds 1h30", TimespanTotalSeconds, []value.Value{t_("PT1H30M")}, "int:5400"},
		{"total seconds day", TimespanTotalSeconds, []value.Value{t_("P1D")}, "int:86400"},
		{"total minutes", TimespanTotalMinutes, []value.Value{t_("PT2H30M")}, "int:150"},
		{"total hours", TimespanTotalHours, []value.Value{t_("P1DT12H")}, "int:36"},
		{"total hours half", TimespanTotalHours, []value.Value{t_("PT30M")}, "real:0.5"},
		{"total days week", TimespanTotalDays, []value.Value{t_("P1W")}, "int:7"},
		{"total days month from 2024-01-01", TimespanTotalDays, []value.Value{t_("P1M")}, "int:31"},
		{"total days year 2024", TimespanTotalDays, []value.Value{t_("P1Y")}, "int:366"},
		{"total negative", TimespanTotalSeconds, []value.Value{t_("-PT1M")}, "int:-60"},
		{"total null", TimespanTotalSeconds, []value.Value{null}, "NULL"},
		{"total invalid", TimespanTotalDays, []value.Value{t_("not-valid")}, "NULL"},
	})
}

func apply(t *testing.T, op byte, a, b value.Value) string {
	t.Helper()
	v, handled, err := Arithmetic(op, a, b)
	require.True(t, handled)
	require.NoError(t, err)
	return show(v)
}

func TestArithmetic(t *testing.T) {
	cases := []struct {
		op   byte
		a, b value.Value
		want string
	}{
		{'-', t_("2024-01-15"), t_("2024-01-01"), "text:P14D"},
		{'-', t_("2024-01-01"), t_("2024-01-15"), "text:-P14D"},
		{'-', t_("2024-01-01"), t_("2024-01-01"), "text:PT0S"},
		{'-', t_("2024-01-15T23:00:00"), t_("2024-01-01"), "text:P14D"},
		{'+', t_("2024-01-01"), t_("P1D"), "text:2024-01-02"},
		{'+', t_("2024-01-01"), t_("P1W"), "text:2024-01-08"},
		{'-', t_("2024-01-15"), t_("P5D"), "text:2024-01-10"},
		{'+', t_("P1D"), t_("2024-01-01"), "text:2024-01-02"},
		{'+', t_("2024-01-15"), t_("P10D"), "text:2024-01-25"},
		{'+', t_("2024-11-15"), t_("P3M"), "text:2025-02-15"},
		{'+', t_("2024-01-31"), t_("P1M"), "text:2024-02-29"},
		{'+', t_("2024-01-01"), t_("PT25H"), "text:2024-01-02"},
		{'-', t_("14:30:00"), t_("09:00:00"), "text:PT5H30M"},
		{'-', t_("09:00:00"), t_("14:30:00"), "text:-PT5H30M"},
		{'+', t_("09:00:00"), t_("PT1H30M"), "text:10:30:00"},
		{'-', t_("14:30:00"), t_("PT2H"), "text:12:30:00"},
		{'+', t_("23:30:00"), t_("PT1H"), "text:00:30:00"},
		{'-', t_("00:30:00"), t_("PT1H"), "text:23:30:00"},
		{'+', t_("2024-01-01T23:00:00"), t_("PT2H"), "text:2024-01-02T01:00:00"},
		{'-', t_("2024-03-31T12:00:00"), t_("P1M"), "text:2024-02-29T12:00:00"},
		{'+', t_("PT1H"), t_("PT30M"), "text:PT1H30M"},
		{'+', t_("P1D"), t_("PT12H"), "text:P1DT12H"},
		{'-', t_("PT2H"), t_("PT30M"), "text:PT1H30M"},
		{'-', t_("PT30M"), t_("PT2H"), "text:-PT1H30M"},
		{'*', t_("PT1H"), i_(2), "text:PT7200S"},
		{'*', t_("PT30M"), i_(3), "text:PT5400S"},
		{'*', i_(2), t_("PT1H"), "text:PT7200S"},
		{'/', t_("PT2H"), i_(2), "text:PT3600S"},
		{'/', t_("PT1H"), i_(4), "text:PT900S"},
		{'/', t_("PT2H"), t_("PT1H"), "int:2"},
		{'/', t_("PT1H"), t_("PT30M"), "int:2"},
		{'/', t_("PT1H"), t_("PT40M"), "real:1.5"},
		{'*', t_("P2M"), i_(3), "text:P6M"},
		{'*', t_("P1Y6M"), i_(2), "text:P2Y12M"},
		{'*', i_(4), t_("P3M"), "text:P12M"},
		{'/', t_("P1Y6M"), i_(2), "text:P9M"},
		{'/', t_("P6M"), i_(3), "text:P2M"},
		{'*', t_("P1Y2M3DT4H"), i_(2), "text:P2Y4M6DT8H"},
		{'/', t_("P2Y4M6DT8H"), i_(2), "text:P1Y2M3DT4H"},
		{'/', t_("P6M"), t_("P2M"), "NULL"},
		{'/', t_("PT1H"), t_("PT0S"), "NULL"},
		{'/', t_("PT1H"), i_(0), "NULL"},
		{'+', t_("2024-01-01"), null, "NULL"},
		{'+', t_("PT1H"), null, "NULL"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, apply(t, c.op, c.a, c.b), "%s %c %s", c.a, c.op, c.b)
	}
}

func TestArithmeticUnsupportedAndUnhandled(t *testing.T) {
	_, handled, err := Arithmetic('+', i_(1), i_(2))
	assert.False(t, handled)
	assert.NoError(t, err)
	_, handled, err = Arithmetic('+', t_("abc"), i_(2))
	assert.False(t, handled)
	assert.NoError(t, err)
	for _, c := range []struct {
		op   byte
		a, b value.Value
	}{
		{'+', t_("2024-01-01"), t_("2024-01-02")},
		{'*', t_("2024-01-01"), i_(2)},
		{'-', t_("2024-01-01"), i_(2)},
		{'%', t_("PT1H"), i_(2)},
		{'-', t_("10:00:00"), t_("2024-01-01")},
	} {
		_, handled, err := Arithmetic(c.op, c.a, c.b)
		assert.True(t, handled)
		assert.ErrorIs(t, err, ErrUnsupported, "%s %c %s", c.a, c.op, c.b)
	}
	_, _, err = Arithmetic('+', t_("PT1M"), t_("P1M"))
	assert.ErrorIs(t, err, ErrDuration, "calendar units cannot be added without a reference")
	_, _, err = Arithmetic('*', t_("PT1S"), f_(1.5))
	assert.ErrorIs(t, err, ErrDuration, "fractional seconds are not representable")
	_, err = Apply('+', KindDate, KindTimespan, t_("garbage"), t_("P1D"))
	assert.Error(t, err)
}

func TestKindsAndResultTypes(t *testing.T) {
	assert.Equal(t, KindDate, KindOfValue(t_("2024-01-01")))
	assert.Equal(t, KindDateTime, KindOfValue(t_("2024-01-01T10:00:00")))
	assert.Equal(t, KindTime, KindOfValue(t_("10:00:00")))
	assert.Equal(t, KindTimespan, KindOfValue(t_("-PT1H")))
	assert.Equal(t, KindNumber, KindOfValue(f_(1.5)))
	assert.Equal(t, KindNone, KindOfValue(t_("2024-01-01 10:00:00")))
	assert.Equal(t, KindNone, KindOfValue(value.Bool(true)))
	assert.Equal(t, KindTimespan, KindOfType(types.Timespan))
	assert.Equal(t, KindNone, KindOfType(types.Text))
	rt, ok := ResultType('-', KindDate, KindDate)
	assert.True(t, ok)
	assert.Equal(t, types.Timespan, rt)
	rt, ok = ResultType('*', KindNumber, KindTimespan)
	assert.True(t, ok)
	assert.Equal(t, types.Timespan, rt)
	rt, ok = ResultType('+', KindTimespan, KindDateTime)
	assert.True(t, ok)
	assert.Equal(t, types.DateTime, rt)
	_, ok = ResultType('+', KindDate, KindDate)
	assert.False(t, ok)
}

func TestNegateAndCompareTimespans(t *testing.T) {
	for in, want := range map[string]string{"PT1H": "-PT1H", "P1D": "-P1D", "-PT30M": "PT30M", "90 minutes": "-PT90M"} {
		v, err := NegateTimespan(t_(in))
		require.NoError(t, err)
		assert.Equal(t, "text:"+want, show(v), in)
	}
	v, err := NegateTimespan(null)
	require.NoError(t, err)
	assert.True(t, v.IsNull())
	_, err = NegateTimespan(t_("nope"))
	assert.Error(t, err)

	c, ok := CompareTimespans("P2D", "PT1H")
	assert.True(t, ok)
	assert.Equal(t, 1, c)
	c, ok = CompareTimespans("PT1H", "PT60M")
	assert.True(t, ok)
	assert.Equal(t, 0, c)
	c, ok = CompareTimespans("PT30M", "1 hour")
	assert.True(t, ok)
	assert.Equal(t, -1, c)
	_, ok = CompareTimespans("x", "PT1H")
	assert.False(t, ok)
}

func TestDurationLimits(t *testing.T) {
	_, err := ParseISODuration("P99999999999999999999D")
	assert.ErrorIs(t, err, ErrDuration)
	_, err = ParseHumanDuration("99999999999999999999 days")
	assert.ErrorIs(t, err, ErrDuration)
	_, err = DurationFromSeconds(1e300)
	assert.ErrorIs(t, err, ErrDuration)
	big, err := ParseISODuration("P1000000000000D")
	require.NoError(t, err)
	_, err = big.Add(big)
	assert.ErrorIs(t, err, ErrDuration)
}
