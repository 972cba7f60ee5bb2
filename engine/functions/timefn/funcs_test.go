package timefn

import (
	"testing"
	"time"

	"github.com/quereus/quereus/engine/functions/internal/fntest"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// show renders a result with its kind so that tests pin both.
func show(v value.Value) string {
	if s, ok := fntest.ShowScalar(v); ok {
		return s
	}
	return v.String()
}

var (
	t_   = value.Text
	i_   = value.Int
	f_   = value.Float
	null = value.Null()
)

type fnCase fntest.Case

func runCases(t *testing.T, cases []fnCase) {
	t.Helper()
	for _, c := range cases {
		fntest.Run(t, fntest.Case(c), show)
	}
}

// fixedNow pins 'now' for a test.
func fixedNow(t *testing.T, at time.Time) {
	old := Now
	Now = func() time.Time { return at }
	t.Cleanup(func() { Now = old })
}

func TestModifierFunctions(t *testing.T) {
	runCases(t, []fnCase{
		{"julianday diff a", JulianDay, []value.Value{t_("2024-01-01")}, "real:2460310.5"},
		{"julianday number", JulianDay, []value.Value{f_(2460310.5)}, "real:2460310.5"},
		{"strftime ymd", Strftime, []value.Value{t_("%Y-%m-%d"), t_("2024-07-26")}, "text:2024-07-26"},
		{"strftime %E", Strftime, []value.Value{t_("%E"), t_("2024-01-01 00:00:00")}, "text:1704067200"},
		{"strftime %Q", Strftime, []value.Value{t_("%Q"), t_("2024-01-01 00:00:00")}, "text:1704067200000"},
		{"strftime %Q ms", Strftime, []value.Value{t_("%Q"), t_("2024-07-26 12:30:45.123")}, "text:1721997045123"},
		{"strftime %E modifier", Strftime, []value.Value{t_("%E"), t_("2024-01-01"), t_("+1 day")}, "text:1704153600"},
		{"strftime non-text format", Strftime, []value.Value{i_(1), t_("2024-01-01")}, "NULL"},
		{"strftime bad date", Strftime, []value.Value{t_("%Y"), t_("nope")}, "NULL"},
		{"unixepoch round trip", DateTime, []value.Value{i_(1721997045), t_("unixepoch")}, "text:2024-07-26 12:30:45"},
		{"unixepoch date", Date, []value.Value{i_(1705305600), t_("unixepoch")}, "text:2024-01-15"},
		{"unixepoch first", DateTime, []value.Value{t_("unixepoch"), i_(0)}, "text:1970-01-01 00:00:00"},
		{"unixepoch text number", DateTime, []value.Value{t_("1721997045"), t_("unixepoch")}, "text:2024-07-26 12:30:45"},
		{"subsec datetime", DateTime, []value.Value{t_("2024-07-26 12:30:45.123"), t_("subsec")}, "text:2024-07-26 12:30:45.123"},
		{"subsec time", Time, []value.Value{t_("12:30:45.456"), t_("subsec")}, "text:12:30:45.456"},
		{"truncates without subsec", DateTime, []value.Value{t_("2024-07-26 12:30:45.999"), t_("+0 seconds")}, "text:2024-07-26 12:30:45"},
		{"time truncates", Time, []value.Value{t_("12:30:45.999"), t_("+0 seconds")}, "text:12:30:45"},
		{"subsec unixepoch", DateTime, []value.Value{f_(1721997045.123), t_("unixepoch"), t_("subsec")}, "text:2024-07-26 12:30:45.123"},
		{"subsec plus second", DateTime, []value.Value{t_("2024-07-26 12:30:45.500"), t_("+1 second"), t_("subsec")}, "text:2024-07-26 12:30:46.500"},
		{"weekday same", Date, []value.Value{t_("2024-07-22"), t_("weekday 1")}, "text:2024-07-22"},
		{"weekday next", Date, []value.Value{t_("2024-07-22"), t_("weekday 2")}, "text:2024-07-23"},
		{"weekday sunday", Date, []value.Value{t_("2024-07-22"), t_("weekday 0")}, "text:2024-07-28"},
		{"weekday fri to wed", Date, []value.Value{t_("2024-07-26"), t_("weekday 3")}, "text:2024-07-31"},
		{"weekday sun to sat", Date, []value.Value{t_("2024-07-28"), t_("weekday 6")}, "text:2024-08-03"},
		{"weekday datetime", DateTime, []value.Value{t_("2024-07-22 10:30:00"), t_("weekday 3")}, "text:2024-07-24 10:30:00"},
		{"weekday start of day", DateTime, []value.Value{t_("2024-07-22 10:30:00"), t_("weekday 3"), t_("start of day")}, "text:2024-07-24 00:00:00"},
		{"start of month", Date, []value.Value{t_("2024-01-15"), t_("start of month")}, "text:2024-01-01"},
		{"start of year", DateTime, []value.Value{t_("2024-05-15 10:00:00"), t_("start of year")}, "text:2024-01-01 00:00:00"},
		{"plus days", Date, []value.Value{t_("2024-01-01"), t_("+1 day")}, "text:2024-01-02"},
		{"minus months clamp", Date, []value.Value{t_("2024-03-31"), t_("-1 month")}, "text:2024-02-29"},
		{"plus month clamp", Date, []value.Value{t_("2024-01-31"), t_("+1 months")}, "text:2024-02-29"},
		{"plus years", Date, []value.Value{t_("2024-02-29"), t_("+1 year")}, "text:2025-02-28"},
		{"hours", DateTime, []value.Value{t_("2024-01-01 23:00:00"), t_("+2 hours")}, "text:2024-01-02 01:00:00"},
		{"minutes negative", DateTime, []value.Value{t_("2024-01-01 00:00:00"), t_("-90 minutes")}, "text:2023-12-31 22:30:00"},
		{"fractional hours fail", DateTime, []value.Value{t_("2024-01-01"), t_("+1.5 hours")}, "NULL"},
		{"fractional seconds", Time, []value.Value{t_("10:00:00"), t_("+1.5 seconds"), t_("subsec")}, "text:10:00:01.500"},
		{"space after sign", Date, []value.Value{t_("2024-01-01"), t_("+ 2 days")}, "text:2024-01-03"},
		{"no space before unit", Date, []value.Value{t_("2024-01-01"), t_("+2days")}, "text:2024-01-01"},
		{"weekday needs digit", Date, []value.Value{t_("2024-07-22"), t_("weekday 7")}, "text:2024-07-22"},
		{"weekday tab", Date, []value.Value{t_("2024-07-22"), t_("weekday\t2")}, "text:2024-07-23"},
		{"case insensitive", Date, []value.Value{t_("2024-01-15"), t_("START OF MONTH")}, "text:2024-01-01"},
		{"unknown modifier ignored", Date, []value.Value{t_("2024-01-15"), t_("bogus")}, "text:2024-01-15"},
		{"non-text modifier ignored", Date, []value.Value{t_("2024-01-15"), i_(5)}, "text:2024-01-15"},
		{"offset converts", DateTime, []value.Value{t_("2024-01-01T01:00:00+01:00"), t_("+0 days")}, "text:2024-01-01 00:00:00"},
		{"T separator", DateTime, []value.Value{t_("2024-03-15T14:30"), t_("+0 days")}, "text:2024-03-15 14:30:00"},
		{"time only anchors 2000", DateTime, []value.Value{t_("10:30"), t_("+0 days")}, "text:2000-01-01 10:30:00"},
		{"yyyymmdd", Date, []value.Value{t_("20240102"), t_("+0 days")}, "text:2024-01-02"},
		{"julian day number", Date, []value.Value{f_(2460310.5), t_("+0 days")}, "text:2024-01-01"},
		{"epoch seconds heuristic", Date, []value.Value{i_(1704067200), t_("+0 days")}, "text:2024-01-01"},
		{"epoch ms heuristic", Date, []value.Value{i_(1704067200000), t_("+0 days")}, "text:2024-01-01"},
		{"julianday modifier", Date, []value.Value{i_(2460311), t_("julianday")}, "text:2024-01-01"},
		{"out of range number", Date, []value.Value{f_(1e300), t_("+0 days")}, "NULL"},
		{"null", Date, []value.Value{null, t_("+1 day")}, "NULL"},
		{"no args", Date, nil, "NULL"},
		{"blob", Date, []value.Value{value.Blob([]byte("2024-01-01")), t_("+1 day")}, "NULL"},
		{"Z on time only", Time, []value.Value{t_("10:00:00Z"), t_("+0 days")}, "NULL"},
		{"unixepoch subsec", UnixEpoch, []value.Value{t_("2024-07-26 12:30:45.5"), t_("subsec")}, "real:1721997045.5"},
		{"unixepoch fn", UnixEpoch, []value.Value{t_("2024-01-01")}, "int:1704067200"},
		{"IsISODate leap", IsISODate, []value.Value{t_("2024-02-29")}, "bool:true"},
		{"IsISODate non leap", IsISODate, []value.Value{t_("2023-02-29")}, "bool:false"},
		{"IsISODate month 13", IsISODate, []value.Value{t_("2024-13-01")}, "bool:false"},
		{"IsISODate day 32", IsISODate, []value.Value{t_("2024-01-32")}, "bool:false"},
		{"IsISODate null", IsISODate, []value.Value{null}, "bool:false"},
		{"IsISODateTime minutes", IsISODateTime, []value.Value{t_("2024-01-01T00:00")}, "bool:true"},
		{"IsISODateTime Z", IsISODateTime, []value.Value{t_("2024-01-01T00:00:00Z")}, "bool:true"},
		{"IsISODateTime offset", IsISODateTime, []value.Value{t_("2024-01-01T23:59:59+05:30")}, "bool:true"},
		{"IsISODateTime space", IsISODateTime, []value.Value{t_("2024-01-01 00:00:00")}, "bool:false"},
		{"IsISODateTime hour 24", IsISODateTime, []value.Value{t_("2024-01-01T24:00")}, "bool:false"},
		{"IsISODateTime 9 digits", IsISODateTime, []value.Value{t_("2024-01-01T10:00:00.123456789")}, "bool:true"},
		{"IsISODateTime 10 digits", IsISODateTime, []value.Value{t_("2024-01-01T10:00:00.1234567890")}, "bool:false"},
	})
}

func TestJulianDayDifference(t *testing.T) {
	a, err := JulianDay([]value.Value{t_("2024-01-01")})
	require.NoError(t, err)
	b, err := JulianDay([]value.Value{t_("2023-01-01")})
	require.NoError(t, err)
	assert.Equal(t, 365.0, a.Float()-b.Float())
}

func TestEpochFunctions(t *testing.T) {
	runCases(t, []fnCase{
		{"s epoch", EpochS, []value.Value{t_("1970-01-01 00:00:00")}, "int:0"},
		{"s T", EpochS, []value.Value{t_("1970-01-01T00:00:00")}, "int:0"},
		{"s 2000", EpochS, []value.Value{t_("2000-01-01 00:00:00")}, "int:946684800"},
		{"s 2024", EpochS, []value.Value{t_("2024-07-26 12:30:45")}, "int:1721997045"},
		{"s date only", EpochS, []value.Value{t_("2024-01-01")}, "int:1704067200"},
		{"s Z", EpochS, []value.Value{t_("2024-01-01T00:00:00Z")}, "int:1704067200"},
		{"s offset", EpochS, []value.Value{t_("2024-01-01T01:00:00+01:00")}, "int:1704067200"},
		{"ms 0", EpochMs, []value.Value{t_("1970-01-01 00:00:00")}, "int:0"},
		{"ms", EpochMs, []value.Value{t_("2024-01-01 00:00:00")}, "int:1704067200000"},
		{"ms frac", EpochMs, []value.Value{t_("2024-07-26 12:30:45.123")}, "int:1721997045123"},
		{"ms 999", EpochMs, []value.Value{t_("2024-07-26 12:30:45.999")}, "int:1721997045999"},
		{"frac 0", EpochSFrac, []value.Value{t_("1970-01-01 00:00:00")}, "real:0"},
		{"frac .5", EpochSFrac, []value.Value{t_("2024-07-26 12:30:45.5")}, "real:1721997045.5"},
		{"frac .123", EpochSFrac, []value.Value{t_("2024-07-26 12:30:45.123")}, "real:1721997045.123"},
		{"s plus day", EpochS, []value.Value{t_("2024-01-01"), t_("+1 day")}, "int:1704153600"},
		{"s start of month", EpochS, []value.Value{t_("2024-01-15"), t_("start of month")}, "int:1704067200"},
		{"s start of day", EpochS, []value.Value{t_("2024-06-15 12:00:00"), t_("start of day")}, "int:1718409600"},
		{"s number", EpochS, []value.Value{i_(1704067200)}, "NULL"},
		{"ms number", EpochMs, []value.Value{i_(1704067200000)}, "NULL"},
		{"frac number", EpochSFrac, []value.Value{f_(1704067200.5)}, "NULL"},
		{"s time only", EpochS, []value.Value{t_("12:30:45")}, "NULL"},
		{"s yyyymmdd", EpochS, []value.Value{t_("20240101")}, "NULL"},
		{"s null", EpochS, []value.Value{null}, "NULL"},
		{"s before 1970 floors", EpochS, []value.Value{t_("1969-12-31 23:59:59.5")}, "int:-1"},
	})
}

func TestNowIsPinnedAndNonNull(t *testing.T) {
	fixedNow(t, time.Date(2026, 11, 26, 8, 30, 15, 250_000_000, time.UTC))
	runCases(t, []fnCase{
		{"date now conversion", DateConvert, []value.Value{t_("now")}, "text:2026-11-26"},
		{"time now conversion", TimeConvert, []value.Value{t_("now")}, "text:08:30:15"},
		{"datetime now conversion", DateTimeConvert, []value.Value{t_("now")}, "text:2026-11-26T08:30:15.250Z"},
		{"datetime now modifier", DateTime, []value.Value{t_("NOW"), t_("start of day")}, "text:2026-11-26 00:00:00"},
		{"epoch_s now", EpochS, []value.Value{t_("now")}, "int:1795681815"},
		{"epoch_ms now", EpochMs, []value.Value{t_("now")}, "int:1795681815250"},
		{"epoch_s_frac now", EpochSFrac, []value.Value{t_("now")}, "real:1795681815.25"},
		{"julianday now", JulianDay, []value.Value{t_("now"), t_("start of day")}, "real:2461370.5"},
		{"unixepoch no args", UnixEpoch, nil, "int:1795681815"},
	})
}

func TestConversions(t *testing.T) {
	runCases(t, []fnCase{
		{"date", DateConvert, []value.Value{t_("2024-03-15")}, "text:2024-03-15"},
		{"date leap", DateConvert, []value.Value{t_("2024-02-29")}, "text:2024-02-29"},
		{"date null", DateConvert, []value.Value{null}, "NULL"},
		{"date from datetime", DateConvert, []value.Value{t_("2024-01-15T10:30:00Z")}, "text:2024-01-15"},
		{"date offset crosses", DateConvert, []value.Value{t_("2024-01-15T01:30:00+02:00")}, "text:2024-01-14"},
		{"date offset forward", DateConvert, []value.Value{t_("2024-01-15T23:30:00-05:00")}, "text:2024-01-16"},
		{"date annotated", DateConvert, []value.Value{t_("2024-01-15T10:30:00+00:00[UTC]")}, "text:2024-01-15"},
		{"date from ms", DateConvert, []value.Value{i_(1705320600000)}, "text:2024-01-15"},
		{"time", TimeConvert, []value.Value{t_("14:30:00")}, "text:14:30:00"},
		{"time midnight", TimeConvert, []value.Value{t_("00:00:00")}, "text:00:00:00"},
		{"time ms", TimeConvert, []value.Value{t_("12:30:45.123")}, "text:12:30:45.123"},
		{"time short", TimeConvert, []value.Value{t_("09:00")}, "text:09:00:00"},
		{"time from datetime Z", TimeConvert, []value.Value{t_("2024-01-15T10:30:00Z")}, "text:10:30:00"},
		{"time offset", TimeConvert, []value.Value{t_("2024-01-15T10:30:00+02:00")}, "text:08:30:00"},
		{"time annotated", TimeConvert, []value.Value{t_("2024-01-15T10:30:00+00:00[UTC]")}, "text:10:30:00"},
		{"time from seconds", TimeConvert, []value.Value{f_(3661.5)}, "text:01:01:01.5"},
		{"datetime T", DateTimeConvert, []value.Value{t_("2024-03-15T14:30:00")}, "text:2024-03-15T14:30:00"},
		{"datetime trims fraction", DateTimeConvert, []value.Value{t_("2024-01-01T12:00:00.500")}, "text:2024-01-01T12:00:00.5"},
		{"datetime space", DateTimeConvert, []value.Value{t_("2024-01-01 12:00")}, "text:2024-01-01T12:00:00"},
		{"datetime date only", DateTimeConvert, []value.Value{t_("2024-01-01")}, "text:2024-01-01T00:00:00"},
		{"datetime from ms", DateTimeConvert, []value.Value{i_(1500000000000)}, "text:2017-07-14T02:40:00"},
		{"datetime Z", DateTimeConvert, []value.Value{t_("2017-07-14T02:40:00Z")}, "text:2017-07-14T02:40:00"},
		{"datetime +00:00", DateTimeConvert, []value.Value{t_("2017-07-14T02:40:00+00:00")}, "text:2017-07-14T02:40:00"},
		{"datetime annotated", DateTimeConvert, []value.Value{t_("2017-07-14T02:40:00+00:00[UTC]")}, "text:2017-07-14T02:40:00"},
		{"datetime +02:00", DateTimeConvert, []value.Value{t_("2017-07-14T04:40:00+02:00")}, "text:2017-07-14T02:40:00"},
		{"datetime null", DateTimeConvert, []value.Value{null}, "NULL"},
	})
	for _, c := range []struct {
		fn   func([]value.Value) (value.Value, error)
		arg  value.Value
		want string
	}{
		{DateConvert, t_("2023-02-29"), "Cannot convert to DATE"},
		{DateConvert, t_("not-a-date"), "Cannot convert to DATE"},
		{DateConvert, t_(""), "Cannot convert to DATE"},
		{DateConvert, t_("10:30:00"), "Cannot convert to DATE"},
		{DateConvert, value.Bool(true), "Cannot convert to DATE"},
		{TimeConvert, t_("not-a-time"), "Cannot convert to TIME"},
		{TimeConvert, t_(""), "Cannot convert to TIME"},
		{TimeConvert, t_("25:00:00"), "Cannot convert to TIME"},
		{TimeConvert, f_(-1), "Cannot convert to TIME"},
		{DateTimeConvert, t_("not-a-datetime"), "Cannot convert to DATETIME"},
		{DateTimeConvert, t_(""), "Cannot convert to DATETIME"},
		{DateTimeConvert, t_("12:00:00"), "Cannot convert to DATETIME"},
	} {
		_, err := c.fn([]value.Value{c.arg})
		require.Error(t, err, c.arg.String())
		assert.Contains(t, err.Error(), c.want)
	}
}

func TestStrftimeSpecifiers(t *testing.T) {
	at := time.Date(2024, 7, 26, 15, 4, 5, 678_000_000, time.UTC) // a Friday
	cases := map[string]string{
		"%Y %m %d %e": "2024 07 26 26",
		"%j":          "208",
		"%F %D %C %y": "2024-07-26 07/26/24 20 24",
		"%b %h %B":    "Jul Jul July",
		"%a %A":       "Fri Friday",
		"%H %k %I %l": "15 15 03  3",
		"%M %S %f":    "04 05 05.678",
		"%p %P":       "PM pm",
		"%R %T %r":    "15:04 15:04:05 03:04:05 PM",
		"%c|%x|%X":    "2024-07-26 15:04:05|2024-07-26|15:04:05",
		"%w %u":       "5 5",
		"%W %U %V":    "30 29 30",
		"%G %g":       "2024 24",
		"%s %E %Q":    "1722006245 1722006245 1722006245678",
		"%z %Z":       "+0000 UTC",
		"100%% %q %":  "100% %q %",
		"a%nb%tc":     "a\nb\tc",
	}
	for format, want := range cases {
		assert.Equal(t, want, strftime(format, at), format)
	}
	assert.Equal(t, "2460518.1278434955", strftime("%J", at))
	assert.Equal(t, "-000044 -01 56 -000044-03-15", strftime("%Y %C %y %F", time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC)))
	sunday := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, "00 01 52 2022 0 7", strftime("%W %U %V %G %w %u", sunday))
}

func TestLocaltimeModifier(t *testing.T) {
	old := localZone
	localZone = func() *time.Location { return time.FixedZone("X", 2*3600) }
	t.Cleanup(func() { localZone = old })
	runCases(t, []fnCase{
		{"shown in local zone", DateTime, []value.Value{t_("2024-01-01 23:00:00"), t_("localtime")}, "text:2024-01-02 01:00:00"},
		{"utc wins when last", DateTime, []value.Value{t_("2024-01-01 23:00:00"), t_("localtime"), t_("utc")}, "text:2024-01-01 23:00:00"},
		{"start of day in local zone", DateTime, []value.Value{t_("2024-01-01 23:00:00"), t_("localtime"), t_("start of day")}, "text:2024-01-02 00:00:00"},
		{"strftime offset", Strftime, []value.Value{t_("%H %z"), t_("2024-01-01 23:00:00"), t_("localtime")}, "text:01 +0200"},
		{"epoch unchanged by zone", EpochS, []value.Value{t_("2024-01-01"), t_("localtime")}, "int:1704067200"},
		{"epoch arithmetic in zone", EpochS, []value.Value{t_("2024-01-01"), t_("localtime"), t_("start of day")}, "int:1704060000"},
	})
}
