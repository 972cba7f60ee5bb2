package timefn

import (
	"regexp"
	"strings"

	"github.com/quereus/quereus/storage/value"
)

// The date/time functions with modifiers. Each takes (time-value,
// modifier...) and answers NULL when the time value or a modifier does not
// resolve (see resolve).

// Date is date(X, modifier...): YYYY-MM-DD.
func Date(args []value.Value) (value.Value, error) {
	m, ok := resolve(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Text(formatDate(m.t)), nil
}

// Time is time(X, modifier...): HH:MM:SS, or HH:MM:SS.SSS with 'subsec'.
func Time(args []value.Value) (value.Value, error) {
	m, ok := resolve(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Text(formatClock(m.t, m.subsec)), nil
}

// DateTime is datetime(X, modifier...): SQLite's space-separated
// YYYY-MM-DD HH:MM:SS, with .SSS under 'subsec'.
func DateTime(args []value.Value) (value.Value, error) {
	m, ok := resolve(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Text(formatDate(m.t) + " " + formatClock(m.t, m.subsec)), nil
}

// JulianDay is julianday(X, modifier...): the Julian day number as REAL.
func JulianDay(args []value.Value) (value.Value, error) {
	m, ok := resolve(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Float(julianDay(m.t)), nil
}

// UnixEpoch is unixepoch(X, modifier...) as in SQLite: whole Unix seconds
// as INTEGER, or REAL seconds with millisecond precision under 'subsec'.
// With no arguments it is the current time.
func UnixEpoch(args []value.Value) (value.Value, error) {
	if len(args) == 0 {
		args = []value.Value{value.Text("now")}
	}
	m, ok := resolve(args)
	if !ok {
		return value.Null(), nil
	}
	if m.subsec {
		return value.Float(float64(epochMillis(m.t)) / 1000), nil
	}
	return value.Int(epochSeconds(m.t)), nil
}

// Strftime is strftime(FORMAT, X, modifier...): X formatted by FORMAT (see
// strftime). A non-TEXT format gives NULL.
func Strftime(args []value.Value) (value.Value, error) {
	if len(args) == 0 || args[0].Kind() != value.KindText {
		return value.Null(), nil
	}
	m, ok := resolve(args[1:])
	if !ok {
		return value.Null(), nil
	}
	return value.Text(strftime(args[0].Text(), m.t)), nil
}

// resolveStrict is the argument processing of the epoch functions: the time
// value must be TEXT in strict ISO form (see strictISO) or 'now'; TEXT
// modifiers follow, 'localtime'/'utc' choosing the zone in which the
// arithmetic modifiers apply.
func resolveStrict(args []value.Value) (moment, bool) {
	if len(args) == 0 || args[0].Kind() != value.KindText {
		return moment{}, false
	}
	t, ok := parseStrictText(args[0].Text())
	if !ok {
		return moment{}, false
	}
	var arith []string
	loc := t.Location()
	for _, mod := range args[1:] {
		if mod.Kind() != value.KindText {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(mod.Text())) {
		case "localtime":
			loc = localZone()
		case "utc":
			loc = t.Location()
		default:
			arith = append(arith, mod.Text())
		}
	}
	t = t.In(loc)
	for _, mod := range arith {
		if t, ok = applyModifier(t, mod); !ok {
			return moment{}, false
		}
	}
	return moment{t: t}, true
}

// EpochS is epoch_s(X, modifier...): Unix seconds (INTEGER, rounded down).
// Only strict ISO text and 'now' are accepted; numbers give NULL.
func EpochS(args []value.Value) (value.Value, error) {
	m, ok := resolveStrict(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Int(epochSeconds(m.t)), nil
}

// EpochMs is epoch_ms(X, modifier...): Unix milliseconds (INTEGER).
func EpochMs(args []value.Value) (value.Value, error) {
	m, ok := resolveStrict(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Int(epochMillis(m.t)), nil
}

// EpochSFrac is epoch_s_frac(X, modifier...): Unix seconds as REAL with
// millisecond precision.
func EpochSFrac(args []value.Value) (value.Value, error) {
	m, ok := resolveStrict(args)
	if !ok {
		return value.Null(), nil
	}
	return value.Float(float64(epochMillis(m.t)) / 1000), nil
}

var isoDateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// IsISODate is IsISODate(X): true when X is TEXT of the form YYYY-MM-DD
// naming a real calendar date (surrounding white space ignored).
func IsISODate(args []value.Value) (value.Value, error) {
	if args[0].Kind() != value.KindText {
		return value.Bool(false), nil
	}
	s := strings.TrimSpace(args[0].Text())
	if !isoDateRE.MatchString(s) {
		return value.Bool(false), nil
	}
	_, ok := parseISO(s)
	return value.Bool(ok), nil
}

var isoDateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$`)

// IsISODateTime is IsISODateTime(X): true when X is TEXT of the form
// YYYY-MM-DDTHH:MM[:SS[.f{1,9}]][Z|±HH:MM] with valid fields (hour 24 is
// not valid).
func IsISODateTime(args []value.Value) (value.Value, error) {
	if args[0].Kind() != value.KindText {
		return value.Bool(false), nil
	}
	s := strings.TrimSpace(args[0].Text())
	if !isoDateTimeRE.MatchString(s) {
		return value.Bool(false), nil
	}
	_, ok := parseISO(s)
	return value.Bool(ok), nil
}
