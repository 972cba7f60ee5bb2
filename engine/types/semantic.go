package types

import (
	"math"
	"strconv"
	"strings"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// Semantic ordering: wherever a value of a declared TIMESPAN type is
// ordered or compared (ORDER BY, comparison operators, BETWEEN, keys,
// DISTINCT/GROUP BY identity, joins, IN, simple CASE), it is ordered by
// elapsed time, so 'PT1H' = 'PT60M' and 'PT90M' < 'PT2H'. JSON values
// always compare structurally (Compare). Other types use Compare.

// Calendar units in a duration are converted with fixed lengths: a year is
// 365 days, a month 30 days, a week 7 days, a day 86400 seconds.
const (
	secondsPerDay   = 86400
	secondsPerWeek  = 7 * secondsPerDay
	secondsPerMonth = 30 * secondsPerDay
	secondsPerYear  = 365 * secondsPerDay
)

// TimespanSeconds parses an ISO-8601 duration ("PT1H30M", "P2D",
// "-PT0.5S", "P1Y2M3W4DT5H6M7.5S", case-insensitive) into its total
// seconds. ok is false for anything else (including "P" and "PT").
func TimespanSeconds(s string) (seconds float64, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) > 128 {
		return 0, false
	}
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 2 {
		return 0, false
	}
	s = s[1:]
	inTime, any := false, false
	order := "YMWD"
	for len(s) > 0 {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return 0, false
			}
			inTime, order = true, "HMS"
			s = s[1:]
			continue
		}
		j := 0
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
			j++
		}
		if j == 0 || j == len(s) {
			return 0, false
		}
		n, err := strconv.ParseFloat(s[:j], 64)
		if err != nil {
			return 0, false
		}
		unit := s[j]
		k := strings.IndexByte(order, unit)
		if k < 0 {
			return 0, false
		}
		order = order[k+1:]
		switch {
		case !inTime && unit == 'Y':
			seconds += n * secondsPerYear
		case !inTime && unit == 'M':
			seconds += n * secondsPerMonth
		case unit == 'W':
			seconds += n * secondsPerWeek
		case unit == 'D':
			seconds += n * secondsPerDay
		case unit == 'H':
			seconds += n * 3600
		case inTime && unit == 'M':
			seconds += n * 60
		case unit == 'S':
			seconds += n
		}
		any = true
		s = s[j+1:]
	}
	if !any || math.IsInf(seconds, 0) {
		return 0, false
	}
	if neg {
		seconds = -seconds
	}
	return seconds, true
}

// timespanOf returns the elapsed seconds of a text value that parses as a
// duration.
func timespanOf(v value.Value) (float64, bool) {
	if v.Kind() != value.KindText {
		return 0, false
	}
	return TimespanSeconds(v.Text())
}

// CompareAs compares a and b under the semantic ordering of logical type t
// (the declared type of the compared column or expression). For TIMESPAN,
// two values that both parse as durations compare by elapsed time; a value
// that does not parse falls back to Compare. Other types use Compare.
func CompareAs(a, b value.Value, t Type, coll *collation.Collation) int {
	if t == Timespan {
		if x, ok := timespanOf(a); ok {
			if y, ok := timespanOf(b); ok {
				return cmpFloat(x, y)
			}
		}
	}
	return Compare(a, b, coll)
}

// KeyStringAs is KeyString under the semantic ordering of type t: a
// TIMESPAN value that parses is keyed by its elapsed seconds (class byte
// '5'), so equal elapsed times share a key.
func KeyStringAs(v value.Value, t Type, coll *collation.Collation) (string, bool) {
	if t == Timespan {
		if x, ok := timespanOf(v); ok {
			return "5" + realKey(x), true
		}
	}
	return KeyString(v, coll)
}
