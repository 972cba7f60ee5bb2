package timefn

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/quereus/quereus/storage/value"
)

// Now is the clock behind 'now'. Tests may replace it; it must be safe for
// concurrent use.
var Now = time.Now

// localZone is the zone of the 'localtime' modifier: the process's local
// time zone (time.Local), as Quereus uses the host's zone. Tests may
// replace it.
var localZone = func() *time.Location { return time.Local }

// defaultDate anchors time-only strings, as in SQLite.
const defaultYear, defaultMonth, defaultDay = 2000, 1, 1

// Numeric-input heuristics (Quereus parseNumericToTemporal): a number in
// the open range (1e6, 4e6) is a Julian day number, one in
// (minEpochSeconds, maxEpochSeconds) is Unix seconds, and one in the same
// range times 1000 is Unix milliseconds; anything else is not a time.
const (
	julianDayUnixEpoch = 2440587.5
	minJulianDay       = 1_000_000
	maxJulianDay       = 4_000_000
	minEpochSeconds    = -2208988800 // about 1900
	maxEpochSeconds    = 32503680000 // about 3000
	msPerDay           = 86_400_000
)

// fromEpochMillis returns the UTC time of a (possibly fractional) count of
// Unix milliseconds, rounded to the millisecond; ok is false when it is out
// of the representable range.
func fromEpochMillis(ms float64) (time.Time, bool) {
	if math.IsNaN(ms) || math.Abs(ms) > 8.64e15 {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(math.Round(ms))).UTC(), true
}

// fromNumber reads a number as a time: Unix seconds when unixEpoch is set,
// a Julian day number when julian is set, otherwise by the heuristic.
func fromNumber(n float64, unixEpoch, julian bool) (time.Time, bool) {
	switch {
	case unixEpoch:
		return fromEpochMillis(n * 1000)
	case julian || (n > minJulianDay && n < maxJulianDay):
		return fromEpochMillis((n - julianDayUnixEpoch) * msPerDay)
	case n > minEpochSeconds && n < maxEpochSeconds:
		return fromEpochMillis(n * 1000)
	case n > minEpochSeconds*1000 && n < maxEpochSeconds*1000:
		return fromEpochMillis(n)
	}
	return time.Time{}, false
}

// numberOf returns the double of an INTEGER or REAL value. Integers beyond
// JavaScript's safe range are bigints in Quereus and are not numbers here.
func numberOf(v value.Value) (float64, bool) {
	switch v.Kind() {
	case value.KindInteger:
		i := v.Int()
		if i < -(1<<53-1) || i > 1<<53-1 {
			return 0, false
		}
		return float64(i), true
	case value.KindReal:
		return v.Float(), true
	}
	return 0, false
}

// parseTimeText reads a time string the lenient way the date/time functions
// do: 'now' (any case), then any ISO-8601 date, date-time or time form (see
// parseISO). Offsets and zone annotations are applied; a date-time without
// either is UTC. A time-only string is anchored at 2000-01-01; it may not
// carry 'Z' (a numeric offset on it is ignored, as Temporal's PlainTime
// does).
func parseTimeText(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "now") {
		return Now().UTC(), true
	}
	f, ok := parseISO(s)
	if !ok {
		return time.Time{}, false
	}
	if !f.hasDate {
		if f.isZ {
			return time.Time{}, false
		}
		f.year, f.month, f.day = defaultYear, defaultMonth, defaultDay
		return f.wall(), true
	}
	return f.instant()
}

// strictISO is the only input shape epoch_s, epoch_ms and epoch_s_frac
// accept (besides 'now').
var strictISO = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$`)

// parseStrictText reads the strict input of the epoch functions.
func parseStrictText(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "now") {
		return Now().UTC(), true
	}
	if !strictISO.MatchString(s) {
		return time.Time{}, false
	}
	return parseTimeText(s)
}

// numericText reads TEXT that spells a plain decimal number (for
// 'unixepoch' and 'julianday' applied to text, as SQLite allows).
func numericText(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}
