package timefn

import (
	"fmt"
	"math"
	"time"

	"github.com/quereus/quereus/storage/value"
)

// Canonical forms of the temporal types (Quereus DATE_TYPE, TIME_TYPE,
// DATETIME_TYPE parse). Values are stored as this text.

// utcWall reads a date-bearing ISO string as a UTC wall-clock time: a
// string with an offset, 'Z' or a zone annotation is converted to UTC; a
// bare one is already UTC.
func utcWall(s string) (time.Time, bool) {
	f, ok := parseISO(s)
	if !ok || !f.hasDate {
		return time.Time{}, false
	}
	return f.instant()
}

// CanonicalDate returns the DATE spelling (YYYY-MM-DD) of an ISO date or
// date-time string, converted to UTC first ('2024-01-15T01:30:00+02:00' is
// '2024-01-14').
func CanonicalDate(s string) (string, bool) {
	t, ok := utcWall(s)
	if !ok {
		return "", false
	}
	return formatDate(t), true
}

// CanonicalTime returns the TIME spelling (HH:MM:SS[.fraction]) of an ISO
// time string, or of the time part of a date or date-time string converted
// to UTC.
// A time-only string may not carry 'Z'; a numeric offset on it is ignored.
func CanonicalTime(s string) (string, bool) {
	f, ok := parseISO(s)
	if !ok {
		return "", false
	}
	if f.hasDate { // a date alone is midnight
		t, ok := f.instant()
		if !ok {
			return "", false
		}
		return formatCanonicalClock(t), true
	}
	if f.isZ || f.zone != "" {
		return "", false
	}
	f.year, f.month, f.day = defaultYear, defaultMonth, defaultDay
	return formatCanonicalClock(f.wall()), true
}

// CanonicalDateTime returns the DATETIME spelling
// (YYYY-MM-DDTHH:MM:SS[.fraction]) of an ISO date or date-time string,
// converted to UTC; a date alone is midnight.
func CanonicalDateTime(s string) (string, bool) {
	t, ok := utcWall(s)
	if !ok {
		return "", false
	}
	return formatCanonicalDateTime(t), true
}

// DateFromNumber is the DATE of a number of Unix milliseconds.
func DateFromNumber(ms float64) (string, bool) {
	t, ok := fromEpochMillis(ms)
	if !ok || ms != math.Trunc(ms) {
		return "", false
	}
	return formatDate(t), true
}

// DateTimeFromNumber is the DATETIME of a number of Unix milliseconds.
func DateTimeFromNumber(ms float64) (string, bool) {
	t, ok := fromEpochMillis(ms)
	if !ok || ms != math.Trunc(ms) {
		return "", false
	}
	return formatCanonicalDateTime(t), true
}

// TimeFromNumber is the TIME of a non-negative number of seconds (rounded
// to the millisecond, wrapping at 24 hours).
func TimeFromNumber(secs float64) (string, bool) {
	if secs < 0 || math.IsInf(secs, 0) || math.IsNaN(secs) || secs > 1e15 {
		return "", false
	}
	ms := int64(math.Round(secs * 1000))
	t := time.UnixMilli(ms % msPerDay).UTC()
	return formatCanonicalClock(t), true
}

// conversion is one of the one-argument conversion functions date(X),
// time(X) and datetime(X).
type conversion struct {
	typeName string
	now      func(time.Time) string
	text     func(string) (string, bool)
	number   func(float64) (string, bool)
}

var (
	dateConversion = conversion{"DATE", formatDate, CanonicalDate, DateFromNumber}
	timeConversion = conversion{"TIME", func(t time.Time) string { return formatClock(t, false) },
		CanonicalTime, TimeFromNumber}
	dateTimeConversion = conversion{"DATETIME", func(t time.Time) string {
		return t.Format("2006-01-02T15:04:05.000Z") // JavaScript's Date.toISOString
	}, CanonicalDateTime, DateTimeFromNumber}
)

func (c conversion) call(args []value.Value) (value.Value, error) {
	v := args[0]
	switch v.Kind() {
	case value.KindNull:
		return value.Null(), nil
	case value.KindText:
		if v.Text() == "now" {
			return value.Text(c.now(Now().UTC())), nil
		}
		if s, ok := c.text(v.Text()); ok {
			return value.Text(s), nil
		}
		return value.Null(), fmt.Errorf("Cannot convert to %s: Cannot convert '%s' to %s", c.typeName, clip(v.Text()), c.typeName)
	}
	if n, ok := numberOf(v); ok {
		if s, ok := c.number(n); ok {
			return value.Text(s), nil
		}
		return value.Null(), fmt.Errorf("Cannot convert to %s: Cannot convert '%v' to %s", c.typeName, n, c.typeName)
	}
	return value.Null(), fmt.Errorf("Cannot convert to %s: Cannot convert %s to %s", c.typeName, jsTypeName(v), c.typeName)
}

// DateConvert is the one-argument date(X): the DATE conversion. 'now' is
// today (UTC); text must be an ISO date or date-time; a number is Unix
// milliseconds. Anything else fails with "Cannot convert to DATE: ...".
func DateConvert(args []value.Value) (value.Value, error) { return dateConversion.call(args) }

// TimeConvert is the one-argument time(X): the TIME conversion. 'now' is
// the current UTC time (HH:MM:SS); a number is seconds since midnight.
func TimeConvert(args []value.Value) (value.Value, error) { return timeConversion.call(args) }

// DateTimeConvert is the one-argument datetime(X): the DATETIME conversion
// with the canonical 'T' spelling ('2024-01-01T12:00:00.5'). 'now' is the
// current instant as JavaScript's toISOString spells it; a number is Unix
// milliseconds.
func DateTimeConvert(args []value.Value) (value.Value, error) {
	return dateTimeConversion.call(args)
}

// jsTypeName names a value's JavaScript type for conversion errors.
func jsTypeName(v value.Value) string {
	switch v.Kind() {
	case value.KindBoolean:
		return "boolean"
	case value.KindBigInt, value.KindInteger:
		return "bigint"
	}
	return "object"
}

// clip bounds text quoted in error messages.
func clip(s string) string {
	if len(s) > 64 {
		return s[:61] + "..."
	}
	return s
}
