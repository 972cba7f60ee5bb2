package timefn

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Temporal arithmetic (Quereus types/temporal-ops.ts): the supported
// (operator, left kind, right kind) combinations and their results.
//
//	DATE|DATETIME - DATE|DATETIME  TIMESPAN, whole days ('P14D'; the time of
//	                               day is dropped, as at the pinned Quereus)
//	TIME - TIME                    TIMESPAN up to hours ('PT5H30M')
//	DATE ± TIMESPAN, TIMESPAN + DATE            DATE
//	DATETIME ± TIMESPAN, TIMESPAN + DATETIME    DATETIME (canonical 'T' form)
//	TIME ± TIMESPAN, TIMESPAN + TIME            TIME (wraps at 24 hours)
//	TIMESPAN ± TIMESPAN            TIMESPAN (no calendar units allowed)
//	TIMESPAN / TIMESPAN            number (NULL with calendar units or /0)
//	TIMESPAN * NUMBER, NUMBER * TIMESPAN, TIMESPAN / NUMBER   TIMESPAN
//	                               (NULL for / 0)
//
// Any other combination involving a temporal kind fails with
// ErrUnsupported. A NULL operand gives NULL.

// Kind is the operand shape temporal arithmetic dispatches on.
type Kind uint8

// The operand kinds. KindNone is a value or type that settles nothing
// (TEXT that is not temporal, BLOB, JSON, ANY, ...).
const (
	KindNone Kind = iota
	KindDate
	KindTime
	KindDateTime
	KindTimespan
	KindNumber
)

// IsTemporal reports whether k is one of the four temporal kinds.
func (k Kind) IsTemporal() bool { return k >= KindDate && k <= KindTimespan }

// ErrUnsupported is the error of a temporal combination that has no case.
var ErrUnsupported = errors.New("Unsupported temporal operation")

// KindOfType is the operand kind of a declared type: DATE, TIME, DATETIME,
// TIMESPAN, a numeric type (NUMBER), or KindNone (TEXT, ANY, NULL, ...).
func KindOfType(t types.Type) Kind {
	switch t {
	case types.Date:
		return KindDate
	case types.Time:
		return KindTime
	case types.DateTime:
		return KindDateTime
	case types.Timespan:
		return KindTimespan
	case types.Integer, types.Real, types.Numeric:
		return KindNumber
	}
	return KindNone
}

var (
	dateShapeRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	dateTimeShapeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T`)
	timeShapeRE     = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}`)
)

// KindOfValue sniffs a value's operand kind when no declared type settles
// it: TEXT shaped YYYY-MM-DD is a date, YYYY-MM-DDT... a datetime,
// HH:MM:SS... a time, P... or -P... a timespan; INTEGER and REAL are
// numbers; anything else (including big integers) is KindNone.
func KindOfValue(v value.Value) Kind {
	switch v.Kind() {
	case value.KindText:
		s := v.Text()
		switch {
		case dateShapeRE.MatchString(s):
			return KindDate
		case dateTimeShapeRE.MatchString(s):
			return KindDateTime
		case timeShapeRE.MatchString(s):
			return KindTime
		case strings.HasPrefix(s, "P") || strings.HasPrefix(s, "-P"):
			return KindTimespan
		}
	case value.KindInteger, value.KindReal:
		if _, ok := numberOf(v); ok {
			return KindNumber
		}
	}
	return KindNone
}

// ResultType is the static type of op over operands of kinds l and r; ok
// is false when the combination is not supported.
func ResultType(op byte, l, r Kind) (t types.Type, ok bool) {
	c, ok := opCase(op, l, r)
	return c.result, ok
}

// Arithmetic performs a binary operator on two values whose kinds are
// sniffed with KindOfValue. handled is false when neither operand is
// temporal (the caller does ordinary arithmetic); otherwise the result or
// the error (ErrUnsupported for a combination without a case) is final.
func Arithmetic(op byte, a, b value.Value) (result value.Value, handled bool, err error) {
	l, r := KindOfValue(a), KindOfValue(b)
	if !l.IsTemporal() && !r.IsTemporal() {
		return value.Null(), false, nil
	}
	result, err = Apply(op, l, r, a, b)
	return result, true, err
}

// Apply performs op ('+', '-', '*' or '/') on a and b taken as kinds l and
// r (from declared types via KindOfType, or sniffed). A NULL operand gives
// NULL before the kinds are consulted; an operand that does not parse as
// its kind is an error.
func Apply(op byte, l, r Kind, a, b value.Value) (value.Value, error) {
	if a.IsNull() || b.IsNull() {
		return value.Null(), nil
	}
	c, ok := opCase(op, l, r)
	if !ok {
		return value.Null(), ErrUnsupported
	}
	return c.apply(a, b)
}

type temporalCase struct {
	result types.Type
	apply  func(a, b value.Value) (value.Value, error)
}

func opCase(op byte, l, r Kind) (temporalCase, bool) {
	isInstant := func(k Kind) bool { return k == KindDate || k == KindDateTime }
	switch {
	case op == '-' && isInstant(l) && isInstant(r):
		return temporalCase{types.Timespan, dateDifference}, true
	case op == '-' && l == KindTime && r == KindTime:
		return temporalCase{types.Timespan, timeDifference}, true
	case (op == '+' || op == '-') && r == KindTimespan && (l == KindDate || l == KindDateTime || l == KindTime):
		return temporalCase{typeOfKind(l), shiftCase(l, op == '-')}, true
	case op == '+' && l == KindTimespan && (r == KindDate || r == KindDateTime || r == KindTime):
		shiftFn := shiftCase(r, false)
		return temporalCase{typeOfKind(r), func(a, b value.Value) (value.Value, error) { return shiftFn(b, a) }}, true
	case (op == '+' || op == '-') && l == KindTimespan && r == KindTimespan:
		return temporalCase{types.Timespan, func(a, b value.Value) (value.Value, error) {
			return timespanSum(a, b, op == '-')
		}}, true
	case op == '/' && l == KindTimespan && r == KindTimespan:
		return temporalCase{types.Real, timespanRatio}, true
	case op == '*' && l == KindTimespan && r == KindNumber:
		return temporalCase{types.Timespan, timespanScale}, true
	case op == '*' && l == KindNumber && r == KindTimespan:
		return temporalCase{types.Timespan, func(a, b value.Value) (value.Value, error) { return timespanScale(b, a) }}, true
	case op == '/' && l == KindTimespan && r == KindNumber:
		return temporalCase{types.Timespan, timespanDivide}, true
	}
	return temporalCase{}, false
}

func typeOfKind(k Kind) types.Type {
	switch k {
	case KindDate:
		return types.Date
	case KindTime:
		return types.Time
	case KindDateTime:
		return types.DateTime
	}
	return types.Timespan
}

func invalid(kind string, v value.Value) error {
	return fmt.Errorf("Invalid %s value: %s", kind, v.String())
}

// plainDateTime reads a DATE or DATETIME operand as a wall-clock time (a
// date alone is midnight; an offset is ignored, as Temporal's
// PlainDateTime does).
func plainDateTime(v value.Value) (time.Time, error) {
	if v.Kind() == value.KindText {
		if f, ok := parseISO(v.Text()); ok && f.hasDate && !f.isZ {
			return f.wall(), nil
		}
	}
	return time.Time{}, invalid("date", v)
}

// plainTime reads a TIME operand as a wall-clock time on 2000-01-01.
func plainTime(v value.Value) (time.Time, error) {
	if v.Kind() == value.KindText {
		if f, ok := parseISO(v.Text()); ok && f.hasTime && !f.isZ {
			f.year, f.month, f.day = defaultYear, defaultMonth, defaultDay
			return f.wall(), nil
		}
	}
	return time.Time{}, invalid("time", v)
}

func timespanOf(v value.Value) (Duration, error) {
	if v.Kind() == value.KindText {
		if d, err := ParseISODuration(v.Text()); err == nil {
			return d, nil
		}
	}
	return Duration{}, invalid("timespan", v)
}

// operands reads both operands of a binary operation with of; the first
// one that does not convert gives the error.
func operands[T any](a, b value.Value, of func(value.Value) (T, error)) (x, y T, err error) {
	if x, err = of(a); err != nil {
		return x, y, err
	}
	y, err = of(b)
	return x, y, err
}

// timespanAndNumber reads the operands of TIMESPAN * NUMBER and
// TIMESPAN / NUMBER; a non-numeric n is ErrUnsupported.
func timespanAndNumber(ts, n value.Value) (Duration, float64, error) {
	d, err := timespanOf(ts)
	if err != nil {
		return Duration{}, 0, err
	}
	f, ok := numberOf(n)
	if !ok {
		return Duration{}, 0, ErrUnsupported
	}
	return d, f, nil
}

// dateDifference is DATE - DATE: the calendar days from b to a, as a
// TIMESPAN of days.
func dateDifference(a, b value.Value) (value.Value, error) {
	ta, tb, err := operands(a, b, plainDateTime)
	if err != nil {
		return value.Null(), err
	}
	days := (civilDays(ta) - civilDays(tb))
	return value.Text(Duration{Days: days}.String()), nil
}

// civilDays numbers the calendar day of t (days since 1970-01-01).
func civilDays(t time.Time) int64 {
	return floorDiv64(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix(), 86400)
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func timeDifference(a, b value.Value) (value.Value, error) {
	ta, tb, err := operands(a, b, plainTime)
	if err != nil {
		return value.Null(), err
	}
	return value.Text(balance(int64(ta.Sub(tb)), 3).String()), nil
}

// shiftCase returns the kind-specific "instant ± timespan" operation.
func shiftCase(k Kind, subtract bool) func(a, b value.Value) (value.Value, error) {
	return func(a, b value.Value) (value.Value, error) {
		d, err := timespanOf(b)
		if err != nil {
			return value.Null(), err
		}
		if subtract {
			d = d.Negate()
		}
		switch k {
		case KindTime:
			t, err := plainTime(a)
			if err != nil {
				return value.Null(), err
			}
			return value.Text(formatCanonicalClock(AddToTime(t, d))), nil
		case KindDate:
			t, err := plainDateTime(a)
			if err != nil {
				return value.Null(), err
			}
			return value.Text(formatDate(AddToDate(t, d))), nil
		default:
			t, err := plainDateTime(a)
			if err != nil {
				return value.Null(), err
			}
			return value.Text(formatCanonicalDateTime(AddToDateTime(t, d))), nil
		}
	}
}

// AddToDate adds a duration to a calendar date (Temporal PlainDate.add):
// years and months first (clamping the day), then weeks and days, then the
// time fields' whole days (toward zero).
func AddToDate(t time.Time, d Duration) time.Time {
	t = addMonthsClamped(t, int(d.Years*12+d.Months))
	timeDays := (d.Hours*3600 + d.Minutes*60 + d.Seconds + d.Nanos/1e9) / 86400
	return t.AddDate(0, 0, int(d.Weeks*7+d.Days+timeDays))
}

// AddToDateTime adds a duration to a wall-clock date-time (Temporal
// PlainDateTime.add): calendar fields as AddToDate, then the time fields
// exactly.
func AddToDateTime(t time.Time, d Duration) time.Time {
	t = addMonthsClamped(t, int(d.Years*12+d.Months)).AddDate(0, 0, int(d.Weeks*7+d.Days))
	return addExact(t, d.Hours*3600+d.Minutes*60+d.Seconds, d.Nanos)
}

// AddToTime adds a duration's time fields to a time of day, wrapping at 24
// hours (Temporal PlainTime.add; date fields are ignored).
func AddToTime(t time.Time, d Duration) time.Time {
	const day = int64(24 * time.Hour)
	ofDay := int64(t.Hour())*int64(time.Hour) + int64(t.Minute())*int64(time.Minute) +
		int64(t.Second())*int64(time.Second) + int64(t.Nanosecond())
	delta := ((d.Hours*3600+d.Minutes*60+d.Seconds)%86400)*int64(time.Second) + d.Nanos%day
	ns := ((ofDay+delta)%day + day) % day
	return time.Date(defaultYear, defaultMonth, defaultDay, 0, 0, 0, 0, time.UTC).Add(time.Duration(ns))
}

func timespanSum(a, b value.Value, subtract bool) (value.Value, error) {
	da, db, err := operands(a, b, timespanOf)
	if err != nil {
		return value.Null(), err
	}
	if subtract {
		db = db.Negate()
	}
	sum, err := da.Add(db)
	if err != nil {
		return value.Null(), err
	}
	return value.Text(sum.String()), nil
}

func timespanRatio(a, b value.Value) (value.Value, error) {
	da, db, err := operands(a, b, timespanOf)
	if err != nil {
		return value.Null(), err
	}
	r, ok := da.Ratio(db)
	if !ok {
		return value.Null(), nil
	}
	return numberValue(r), nil
}

func timespanScale(ts, n value.Value) (value.Value, error) {
	d, f, err := timespanAndNumber(ts, n)
	if err != nil {
		return value.Null(), err
	}
	out, err := d.Scale(f)
	if err != nil {
		return value.Null(), err
	}
	return value.Text(out.String()), nil
}

func timespanDivide(ts, n value.Value) (value.Value, error) {
	d, f, err := timespanAndNumber(ts, n)
	if err != nil {
		return value.Null(), err
	}
	out, ok, err := d.Divide(f)
	if err != nil || !ok {
		return value.Null(), err
	}
	return value.Text(out.String()), nil
}

// NegateTimespan is unary minus on a TIMESPAN value ('PT1H' -> '-PT1H');
// NULL stays NULL. Human-readable text is accepted too.
func NegateTimespan(v value.Value) (value.Value, error) {
	if v.IsNull() {
		return v, nil
	}
	if v.Kind() == value.KindText {
		if d, err := ParseTimespan(v.Text()); err == nil {
			return value.Text(d.Negate().String()), nil
		}
	}
	return value.Null(), invalid("timespan", v)
}

// CompareTimespans orders two TIMESPAN texts by TotalSeconds (calendar
// units from 2024-01-01); ok is false when either does not parse (Quereus
// then compares the texts).
func CompareTimespans(a, b string) (c int, ok bool) {
	da, err1 := ParseTimespan(a)
	db, err2 := ParseTimespan(b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	x, y := da.TotalSeconds(), db.TotalSeconds()
	switch {
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}
