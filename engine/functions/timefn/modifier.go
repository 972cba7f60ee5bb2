package timefn

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/quereus/quereus/storage/value"
)

// moment is a resolved date/time: an instant shown in a zone (UTC unless
// 'localtime' was given), plus the 'subsec' flag.
type moment struct {
	t      time.Time
	subsec bool
}

// parseRelative reads "±N unit[s]" (N with an optional fraction; white
// space allowed between the sign and N); ok is false for anything else.
func parseRelative(s string) (n float64, unit string, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return 0, "", false
	}
	if i < len(s) && s[i] == '.' {
		i++
		fracStart := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == fracStart {
			return 0, "", false
		}
	}
	num, rest := s[:i], s[i:]
	trimmed := strings.TrimLeft(rest, " \t")
	if len(trimmed) == len(rest) {
		return 0, "", false // a space must separate the number and the unit
	}
	unit = strings.TrimSuffix(trimmed, "s")
	switch unit {
	case "day", "hour", "minute", "second", "month", "year":
	default:
		return 0, "", false
	}
	n, err := strconv.ParseFloat(strings.Join(strings.Fields(num), ""), 64)
	return n, unit, err == nil
}

// resolve implements the argument processing shared by date, time,
// datetime, julianday, strftime and unixepoch (Quereus processDateTimeArgs):
//
//  1. 'unixepoch' anywhere makes a numeric time value Unix seconds; when it
//     is the first argument, the time value is the second argument.
//  2. The control modifiers are collected wherever they appear: 'localtime'
//     (show in time.Local) and 'utc' (show in UTC; the last one wins),
//     'subsec', 'unixepoch', and the SQLite extras 'auto' (the default
//     numeric heuristic) and 'julianday' (a number is a Julian day).
//  3. The time value is parsed (numbers: see fromNumber; text: see
//     parseTimeText), converted to the display zone, and the other
//     modifiers are applied in order (see applyModifier). Non-TEXT
//     modifiers are ignored.
//
// ok is false when there are no arguments, the time value is NULL or does
// not parse, or a modifier fails.
func resolve(args []value.Value) (moment, bool) {
	if len(args) == 0 {
		return moment{}, false
	}
	isWord := func(v value.Value, w string) bool {
		return v.Kind() == value.KindText && strings.EqualFold(strings.TrimSpace(v.Text()), w)
	}
	hasUnixEpoch := false
	for _, a := range args {
		if isWord(a, "unixepoch") {
			hasUnixEpoch = true
			break
		}
	}
	timeVal, mods := args[0], args[1:]
	if hasUnixEpoch && isWord(args[0], "unixepoch") {
		timeVal, mods = value.Null(), nil
		if len(args) > 1 {
			timeVal, mods = args[1], args[2:]
		}
	}
	var m moment
	loc := time.UTC
	julian := false
	var arith []string
	for _, mod := range mods {
		if mod.Kind() != value.KindText {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(mod.Text())) {
		case "unixepoch", "auto":
		case "julianday":
			julian = true
		case "localtime":
			loc = localZone()
		case "utc":
			loc = time.UTC
		case "subsec", "subsecond":
			m.subsec = true
		default:
			arith = append(arith, mod.Text())
		}
	}
	t, ok := parseTimeValue(timeVal, hasUnixEpoch, julian)
	if !ok {
		return m, false
	}
	t = t.In(loc)
	for _, mod := range arith {
		if t, ok = applyModifier(t, mod); !ok {
			return m, false
		}
	}
	m.t = t
	return m, true
}

// parseTimeValue parses the time-value argument.
func parseTimeValue(v value.Value, unixEpoch, julian bool) (time.Time, bool) {
	if n, ok := numberOf(v); ok {
		return fromNumber(n, unixEpoch, julian)
	}
	if v.Kind() != value.KindText {
		return time.Time{}, false
	}
	if unixEpoch || julian {
		if n, ok := numericText(v.Text()); ok {
			return fromNumber(n, unixEpoch, julian)
		}
	}
	return parseTimeText(v.Text())
}

// applyModifier applies one arithmetic modifier (Quereus
// applyTemporalModifier), case-insensitively:
//
//	±N days|months|years   calendar shift by trunc(N); a month or year shift
//	                       clamps the day to the target month's length
//	±N hours|minutes       exact shift; a fractional N fails (NULL result),
//	                       as Temporal rejects fractional duration fields
//	±N seconds             exact shift, fraction kept to the nanosecond
//	start of day|month|year
//	weekday N              forward to the next weekday N (0 = Sunday), or
//	                       no change when already on it
//
// Unrecognized modifiers are ignored, as in Quereus.
func applyModifier(t time.Time, mod string) (time.Time, bool) {
	s := strings.ToLower(strings.TrimSpace(mod))
	if n, unit, ok := parseRelative(s); ok {
		return shift(t, n, unit)
	}
	switch s {
	case "start of day":
		return startOfDay(t), true
	case "start of month":
		d := startOfDay(t)
		return d.AddDate(0, 0, 1-d.Day()), true
	case "start of year":
		d := startOfDay(t)
		return time.Date(d.Year(), time.January, 1, 0, 0, 0, 0, d.Location()), true
	}
	if target, ok := parseWeekday(s); ok {
		days := (target - int(t.Weekday()) + 7) % 7
		return t.AddDate(0, 0, days), true
	}
	return t, true
}

// parseWeekday reads "weekday N" with N in 0-6.
func parseWeekday(s string) (int, bool) {
	rest, ok := strings.CutPrefix(s, "weekday")
	if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return 0, false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) != 1 || rest[0] < '0' || rest[0] > '6' {
		return 0, false
	}
	return int(rest[0] - '0'), true
}

func startOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// maxShift bounds the magnitude of a relative modifier (about ±300,000
// years in seconds), keeping the arithmetic far from overflow.
const maxShift = 1e13

func shift(t time.Time, n float64, unit string) (time.Time, bool) {
	if math.Abs(n) > maxShift {
		return t, false
	}
	switch unit {
	case "year":
		return addMonthsClamped(t, int(math.Trunc(n))*12), true
	case "month":
		return addMonthsClamped(t, int(math.Trunc(n))), true
	case "day":
		return t.AddDate(0, 0, int(math.Trunc(n))), true
	case "hour", "minute":
		if n != math.Trunc(n) {
			return t, false
		}
		secs := int64(n) * 3600
		if unit == "minute" {
			secs = int64(n) * 60
		}
		return addExact(t, secs, 0), true
	default: // second
		whole := math.Trunc(n)
		return addExact(t, int64(whole), int64(math.Round((n-whole)*1e9))), true
	}
}

// addExact adds elapsed seconds and nanoseconds (no overflow for any shift
// within maxShift), keeping t's zone.
func addExact(t time.Time, secs, nsec int64) time.Time {
	return time.Unix(t.Unix()+secs, int64(t.Nanosecond())+nsec).In(t.Location())
}

// addMonthsClamped adds months keeping the wall clock, clamping the day to
// the last day of the target month (2024-01-31 +1 month is 2024-02-29).
func addMonthsClamped(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	total := y*12 + int(m-1) + months
	ny, nm := floorDiv(total, 12), time.Month(floorMod(total, 12)+1)
	if last := daysIn(ny, int(nm)); d > last {
		d = last
	}
	return time.Date(ny, nm, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
