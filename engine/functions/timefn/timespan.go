package timefn

import (
	"fmt"
	"math"

	"github.com/quereus/quereus/storage/value"
)

// TimespanConvert is timespan(X): the TIMESPAN conversion. NULL stays NULL;
// a number is seconds (timespan(90) is 'PT90S'; a fractional number fails);
// TEXT is an ISO-8601 or human-readable duration, returned in canonical
// form. Anything else fails with "Cannot convert to TIMESPAN: ...".
func TimespanConvert(args []value.Value) (value.Value, error) {
	v := args[0]
	switch v.Kind() {
	case value.KindNull:
		return value.Null(), nil
	case value.KindText:
		if s, ok := CanonicalTimespan(v.Text()); ok {
			return value.Text(s), nil
		}
		return value.Null(), fmt.Errorf("Cannot convert to TIMESPAN: Cannot convert '%s' to TIMESPAN", clip(v.Text()))
	}
	if n, ok := numberOf(v); ok {
		d, err := DurationFromSeconds(n)
		if err != nil {
			return value.Null(), fmt.Errorf("Cannot convert to TIMESPAN: %v", err)
		}
		return value.Text(d.String()), nil
	}
	return value.Null(), fmt.Errorf("Cannot convert to TIMESPAN: Cannot convert %s to TIMESPAN", jsTypeName(v))
}

// isoArg reads the TIMESPAN argument of the extraction and total
// functions: TEXT holding an ISO-8601 duration (human-readable text and
// non-TEXT values are not accepted; they give NULL).
func isoArg(v value.Value) (Duration, bool) {
	if v.Kind() != value.KindText {
		return Duration{}, false
	}
	d, err := ParseISODuration(v.Text())
	return d, err == nil
}

// numberValue is the SQL value of a JavaScript number: INTEGER when whole
// and within ±(2^53-1), REAL otherwise.
func numberValue(f float64) value.Value {
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53-1 {
		return value.Int(int64(f))
	}
	return value.Float(f)
}

// fieldFunc makes an extraction function timespan_<unit>(X): one field of
// the duration as written (not balanced), or NULL for a non-ISO argument.
func fieldFunc(get func(Duration) value.Value) func([]value.Value) (value.Value, error) {
	return func(args []value.Value) (value.Value, error) {
		d, ok := isoArg(args[0])
		if !ok {
			return value.Null(), nil
		}
		return get(d), nil
	}
}

// totalFunc makes timespan_total_<unit>(X): the whole duration in the unit
// (calendar units resolved from 2024-01-01), or NULL.
func totalFunc(unitSeconds float64) func([]value.Value) (value.Value, error) {
	return func(args []value.Value) (value.Value, error) {
		d, ok := isoArg(args[0])
		if !ok {
			return value.Null(), nil
		}
		return numberValue(d.TotalSeconds() / unitSeconds), nil
	}
}

// The TIMESPAN extraction and total functions.
var (
	TimespanYears   = fieldFunc(func(d Duration) value.Value { return value.Int(d.Years) })
	TimespanMonths  = fieldFunc(func(d Duration) value.Value { return value.Int(d.Months) })
	TimespanWeeks   = fieldFunc(func(d Duration) value.Value { return value.Int(d.Weeks) })
	TimespanDays    = fieldFunc(func(d Duration) value.Value { return value.Int(d.Days) })
	TimespanHours   = fieldFunc(func(d Duration) value.Value { return value.Int(d.Hours) })
	TimespanMinutes = fieldFunc(func(d Duration) value.Value { return value.Int(d.Minutes) })
	TimespanSeconds = fieldFunc(func(d Duration) value.Value {
		return numberValue(float64(d.Seconds) + float64(d.Nanos)/1e9)
	})
	TimespanTotalSeconds = totalFunc(1)
	TimespanTotalMinutes = totalFunc(60)
	TimespanTotalHours   = totalFunc(3600)
	TimespanTotalDays    = totalFunc(86400)
)
