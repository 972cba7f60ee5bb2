package timefn

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Duration is a TIMESPAN value: the fields of an ISO-8601 duration as
// Temporal.Duration keeps them (not balanced: PT90M stays 90 minutes), all
// of one sign. Nanos holds the sub-second part (Temporal's milliseconds,
// microseconds and nanoseconds together).
type Duration struct {
	Years, Months, Weeks, Days     int64
	Hours, Minutes, Seconds, Nanos int64
}

// maxDurationField bounds each field's magnitude (Temporal rejects
// durations whose time part exceeds 2^53 seconds; this keeps every
// computation below far from int64 overflow).
const maxDurationField = 1 << 40

// ErrDuration is wrapped by duration parse and arithmetic errors.
var ErrDuration = errors.New("invalid timespan")

var isoDurationRE = regexp.MustCompile(`^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(T(?:(\d+)(?:[.,](\d{1,9}))?H)?(?:(\d+)(?:[.,](\d{1,9}))?M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$`)

// ParseISODuration parses an ISO-8601 duration the way Temporal.Duration.from
// does: an optional sign, 'P', then Y, M, W, D and, after 'T', H, M, S
// components (letters in any case). At least one component is required,
// and one after 'T' when 'T' is present. Only the smallest time component
// may have a fraction ('.' or ',', up to 9 digits); a fractional hour or
// minute spills into the smaller units (PT1.5H is 1 hour 30 minutes).
func ParseISODuration(s string) (Duration, error) {
	m := isoDurationRE.FindStringSubmatch(strings.ToUpper(s))
	if m == nil {
		return Duration{}, fmt.Errorf("%w: %q", ErrDuration, clip(s))
	}
	var d Duration
	present := false
	field := func(i int, dst *int64) bool {
		if m[i] == "" {
			return true
		}
		present = true
		n, err := strconv.ParseInt(m[i], 10, 64)
		if err != nil || n > maxDurationField {
			return false
		}
		*dst = n
		return true
	}
	ok := field(2, &d.Years) && field(3, &d.Months) && field(4, &d.Weeks) && field(5, &d.Days) &&
		field(7, &d.Hours) && field(9, &d.Minutes) && field(11, &d.Seconds)
	timePart := m[7] != "" || m[9] != "" || m[11] != ""
	if !ok || !present || (m[6] != "" && !timePart) {
		return Duration{}, fmt.Errorf("%w: %q", ErrDuration, clip(s))
	}
	// Fractions: only on the last time component present.
	fracs := []struct {
		frac  string
		unit  int64 // nanoseconds per unit
		later bool  // a smaller component follows
	}{
		{m[8], int64(time.Hour), m[9] != "" || m[11] != ""},
		{m[10], int64(time.Minute), m[11] != ""},
		{m[12], int64(time.Second), false},
	}
	for _, f := range fracs {
		if f.frac == "" {
			continue
		}
		if f.later {
			return Duration{}, fmt.Errorf("%w: %q", ErrDuration, clip(s))
		}
		digits := f.frac + strings.Repeat("0", 9-len(f.frac))
		n, _ := strconv.ParseInt(digits, 10, 64) // billionths of the unit
		ns := n * (f.unit / 1e9)                 // units are whole seconds
		d.Minutes += ns / int64(time.Minute)
		ns %= int64(time.Minute)
		d.Seconds += ns / int64(time.Second)
		d.Nanos += ns % int64(time.Second)
	}
	if m[1] == "-" {
		d = d.Negate()
	}
	return d, nil
}

var humanDurationRE = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*(years?|months?|weeks?|days?|hours?|minutes?|seconds?|mins?|secs?)`)

// ParseHumanDuration parses Quereus's human-readable durations: "1 hour",
// "2 days 3 hours", "5 mins", "-2 hours" (a leading '-' negates the whole).
// Every "<number> <unit>" match counts (other text is ignored); units are
// year(s), month(s), week(s), day(s), hour(s), minute(s)/min(s) and
// second(s)/sec(s), and repeated units add up. Fractional amounts are
// rejected, as Temporal rejects fractional duration fields.
func ParseHumanDuration(s string) (Duration, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	neg := strings.HasPrefix(in, "-")
	if neg {
		in = strings.TrimSpace(in[1:])
	}
	matches := humanDurationRE.FindAllStringSubmatch(in, -1)
	if matches == nil {
		return Duration{}, fmt.Errorf("%w: %q", ErrDuration, clip(s))
	}
	var d Duration
	for _, m := range matches {
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil || n != math.Trunc(n) || n > maxDurationField {
			return Duration{}, fmt.Errorf("%w: %q", ErrDuration, clip(s))
		}
		v := int64(n)
		switch unit := m[2]; {
		case strings.HasPrefix(unit, "year"):
			d.Years += v
		case strings.HasPrefix(unit, "month"):
			d.Months += v
		case strings.HasPrefix(unit, "week"):
			d.Weeks += v
		case strings.HasPrefix(unit, "day"):
			d.Days += v
		case strings.HasPrefix(unit, "hour"):
			d.Hours += v
		case strings.HasPrefix(unit, "min"):
			d.Minutes += v
		default:
			d.Seconds += v
		}
	}
	if neg {
		d = d.Negate()
	}
	return d, d.check()
}

// ParseTimespan parses TIMESPAN text: an ISO-8601 duration, else a
// human-readable one.
func ParseTimespan(s string) (Duration, error) {
	if d, err := ParseISODuration(strings.TrimSpace(s)); err == nil {
		return d, nil
	}
	return ParseHumanDuration(s)
}

// CanonicalTimespan is the canonical TIMESPAN spelling of s (see
// Duration.String): 'PT1H', '1 hour' -> 'PT1H', '90 minutes' -> 'PT90M'.
func CanonicalTimespan(s string) (string, bool) {
	d, err := ParseTimespan(s)
	if err != nil {
		return "", false
	}
	return d.String(), true
}

// DurationFromSeconds is the TIMESPAN of a number of seconds
// (timespan(3600) is 'PT3600S'). A fractional number is rejected, as
// Temporal.Duration.from({seconds}) rejects it.
func DurationFromSeconds(secs float64) (Duration, error) {
	if secs != math.Trunc(secs) || math.Abs(secs) > maxDurationField*3600 {
		return Duration{}, fmt.Errorf("%w: %v seconds is not a whole number of seconds in range", ErrDuration, secs)
	}
	return Duration{Seconds: int64(secs)}, nil
}

// fields lists the fields from years down to nanoseconds.
func (d Duration) fields() [8]int64 {
	return [8]int64{d.Years, d.Months, d.Weeks, d.Days, d.Hours, d.Minutes, d.Seconds, d.Nanos}
}

func durationOf(f [8]int64) Duration {
	return Duration{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]}
}

// check validates the field ranges and the one-sign rule.
func (d Duration) check() error {
	pos, neg := false, false
	for _, f := range d.fields() {
		if f > 0 {
			pos = true
		} else if f < 0 {
			neg = true
		}
		if f > maxDurationField*3600*1e3 || f < -maxDurationField*3600*1e3 {
			return fmt.Errorf("%w: field out of range", ErrDuration)
		}
	}
	if pos && neg {
		return fmt.Errorf("%w: mixed signs", ErrDuration)
	}
	return nil
}

// Sign is -1, 0 or 1.
func (d Duration) Sign() int {
	for _, f := range d.fields() {
		if f > 0 {
			return 1
		}
		if f < 0 {
			return -1
		}
	}
	return 0
}

// Negate flips the sign of every field.
func (d Duration) Negate() Duration {
	return Duration{-d.Years, -d.Months, -d.Weeks, -d.Days, -d.Hours, -d.Minutes, -d.Seconds, -d.Nanos}
}

// HasCalendarUnits reports whether years, months or weeks are set (units
// without a fixed length in seconds).
func (d Duration) HasCalendarUnits() bool { return d.Years != 0 || d.Months != 0 || d.Weeks != 0 }

// String spells the duration as Temporal's Duration.toString does:
// [-]P[nY][nM][nW][nD][T[nH][nM][n[.fraction]S]], 'PT0S' when zero. Fields
// are not balanced, except that whole seconds in Nanos join Seconds.
func (d Duration) String() string {
	if d.Sign() < 0 {
		return "-" + d.Negate().String()
	}
	secs, nanos := d.Seconds+d.Nanos/1e9, d.Nanos%1e9
	var b strings.Builder
	b.WriteByte('P')
	for _, f := range []struct {
		n    int64
		unit byte
	}{{d.Years, 'Y'}, {d.Months, 'M'}, {d.Weeks, 'W'}, {d.Days, 'D'}} {
		if f.n != 0 {
			b.WriteString(strconv.FormatInt(f.n, 10))
			b.WriteByte(f.unit)
		}
	}
	if d.Hours != 0 || d.Minutes != 0 || secs != 0 || nanos != 0 || b.Len() == 1 {
		b.WriteByte('T')
		if d.Hours != 0 {
			b.WriteString(strconv.FormatInt(d.Hours, 10) + "H")
		}
		if d.Minutes != 0 {
			b.WriteString(strconv.FormatInt(d.Minutes, 10) + "M")
		}
		if secs != 0 || nanos != 0 || b.Len() == 2 {
			b.WriteString(strconv.FormatInt(secs, 10))
			if nanos != 0 {
				b.WriteString("." + strings.TrimRight(fmt.Sprintf("%09d", nanos), "0"))
			}
			b.WriteByte('S')
		}
	}
	return b.String()
}

// timeSeconds is the length of the days and time fields in seconds (days
// as 24 hours), as Temporal totals a duration without calendar units.
func (d Duration) timeSeconds() float64 {
	return float64(d.Days)*86400 + float64(d.Hours)*3600 + float64(d.Minutes)*60 +
		float64(d.Seconds) + float64(d.Nanos)/1e9
}

// referenceDate resolves calendar units in totals, as Quereus does.
var referenceDate = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// TotalSeconds is the length of the duration in seconds, with calendar
// units (years, months, weeks, days) counted from 2024-01-01 (Temporal's
// total with relativeTo 2024-01-01; a month clamps the day as
// addMonthsClamped does).
func (d Duration) TotalSeconds() float64 {
	end := addMonthsClamped(referenceDate, int(d.Years*12+d.Months)).AddDate(0, 0, int(d.Weeks*7+d.Days))
	days := float64(end.Sub(referenceDate) / (24 * time.Hour))
	return days*86400 + float64(d.Hours)*3600 + float64(d.Minutes)*60 + float64(d.Seconds) + float64(d.Nanos)/1e9
}

// totalNanos is the exact length of a duration without calendar units
// (days as 24 hours), in nanoseconds; ok is false on overflow.
func (d Duration) totalNanos() (int64, bool) {
	const limit = math.MaxInt64 / 4
	s := d.Days*86400 + d.Hours*3600 + d.Minutes*60 + d.Seconds
	if s > limit/int64(time.Second) || s < -limit/int64(time.Second) {
		return 0, false
	}
	return s*1e9 + d.Nanos, true
}

// largestUnit ranks the largest non-zero field: 4 days, 3 hours, 2 minutes,
// 1 seconds (or smaller).
func (d Duration) largestUnit() int {
	switch {
	case d.Days != 0:
		return 4
	case d.Hours != 0:
		return 3
	case d.Minutes != 0:
		return 2
	}
	return 1
}

// balance spreads a signed nanosecond total over days (largest 4), hours
// (3), minutes (2) or seconds (1) and smaller.
func balance(total int64, largest int) Duration {
	neg := total < 0
	if neg {
		total = -total
	}
	var d Duration
	d.Nanos = total % 1e9
	secs := total / 1e9
	if largest >= 2 {
		d.Minutes, secs = secs/60, secs%60
	}
	if largest >= 3 {
		d.Hours, d.Minutes = d.Minutes/60, d.Minutes%60
	}
	if largest >= 4 {
		d.Days, d.Hours = d.Hours/24, d.Hours%24
	}
	d.Seconds = secs
	if neg {
		d = d.Negate()
	}
	return d
}

// Add is Temporal's Duration.add: both durations must be free of calendar
// units; the sum is balanced up to the larger of the two largest units
// (PT1H + PT30M = PT1H30M, P1D + PT12H = P1DT12H).
func (d Duration) Add(o Duration) (Duration, error) {
	if d.HasCalendarUnits() || o.HasCalendarUnits() {
		return Duration{}, fmt.Errorf("%w: cannot add durations with years, months or weeks without a reference date", ErrDuration)
	}
	a, ok1 := d.totalNanos()
	b, ok2 := o.totalNanos()
	if !ok1 || !ok2 {
		return Duration{}, fmt.Errorf("%w: out of range", ErrDuration)
	}
	return balance(a+b, max(d.largestUnit(), o.largestUnit())), nil
}

// Scale is TIMESPAN * NUMBER (Quereus scaleTimespan): a duration with
// calendar units has every field multiplied; otherwise the result is the
// total in seconds (PT1H * 2 = PT7200S). A result that is not a whole
// number in some field is an error, as in Temporal.
func (d Duration) Scale(factor float64) (Duration, error) {
	if d.HasCalendarUnits() {
		f := d.fields()
		for i := range f {
			v := float64(f[i]) * factor
			if v != math.Trunc(v) || math.Abs(v) > maxDurationField*3600*1e3 {
				return Duration{}, fmt.Errorf("%w: scaled field is not a whole number in range", ErrDuration)
			}
			f[i] = int64(v)
		}
		out := durationOf(f)
		return out, out.check()
	}
	return DurationFromSeconds(d.timeSeconds() * factor)
}

// Divide is TIMESPAN / NUMBER (Quereus divideDuration); ok is false for a
// zero divisor (the SQL result is NULL). Without calendar units the result
// is total seconds / n, which must be whole. With calendar units each
// field is divided and its remainder cascades to the next smaller unit
// (years to months, weeks to days to hours to minutes to seconds to
// nanoseconds); a month remainder is dropped.
func (d Duration) Divide(n float64) (out Duration, ok bool, err error) {
	if n == 0 {
		return Duration{}, false, nil
	}
	if !d.HasCalendarUnits() {
		out, err = DurationFromSeconds(d.timeSeconds() / n)
		return out, true, err
	}
	f := []float64{float64(d.Years), float64(d.Months), float64(d.Weeks), float64(d.Days),
		float64(d.Hours), float64(d.Minutes), float64(d.Seconds), float64(d.Nanos)}
	cascade := []struct {
		from, to int
		factor   float64
	}{{0, 1, 12}, {2, 3, 7}, {3, 4, 24}, {4, 5, 60}, {5, 6, 60}, {6, 7, 1e9}}
	for _, c := range cascade {
		q := math.Trunc(f[c.from] / n)
		f[c.to] += (f[c.from] - q*n) * c.factor
		f[c.from] = q
	}
	f[7] = math.Trunc(f[7] / n)
	f[1] = math.Trunc(f[1] / n)
	var whole [8]int64
	for i, v := range f {
		whole[i] = int64(v)
	}
	out = durationOf(whole)
	return out, true, out.check()
}

// Ratio is TIMESPAN / TIMESPAN: the ratio of the lengths in seconds; ok is
// false (NULL) when either has calendar units or the divisor is zero.
func (d Duration) Ratio(o Duration) (float64, bool) {
	if d.HasCalendarUnits() || o.HasCalendarUnits() {
		return 0, false
	}
	den := o.timeSeconds()
	if den == 0 {
		return 0, false
	}
	return d.timeSeconds() / den, true
}
