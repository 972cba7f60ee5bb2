package timefn

import (
	"strconv"
	"time"

	"github.com/quereus/quereus/engine/types"
)

// appendPadded appends n with at least width digits (after a '-' for a
// negative n).
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}

// appendYear spells a year as Temporal does: four digits for 0-9999,
// otherwise a sign and six digits.
func appendYear(b []byte, y int) []byte {
	switch {
	case y >= 0 && y <= 9999:
		return appendPadded(b, y, 4)
	case y < 0:
		return appendPadded(append(b, '-'), -y, 6)
	}
	return appendPadded(append(b, '+'), y, 6)
}

func formatYear(y int) string { return string(appendYear(nil, y)) }

// appendDate appends YYYY-MM-DD.
func appendDate(b []byte, t time.Time) []byte {
	b = append(appendYear(b, t.Year()), '-')
	b = append(appendPadded(b, int(t.Month()), 2), '-')
	return appendPadded(b, t.Day(), 2)
}

// appendClock appends HH:MM:SS.
func appendClock(b []byte, t time.Time) []byte {
	b = append(appendPadded(b, t.Hour(), 2), ':')
	b = append(appendPadded(b, t.Minute(), 2), ':')
	return appendPadded(b, t.Second(), 2)
}

// formatDate is YYYY-MM-DD.
func formatDate(t time.Time) string { return string(appendDate(make([]byte, 0, 10), t)) }

// formatClock is HH:MM:SS, with ".mmm" (milliseconds, truncated) when
// subsec is set: the time() and datetime() function spelling.
func formatClock(t time.Time, subsec bool) string {
	b := appendClock(make([]byte, 0, 12), t)
	if subsec {
		b = appendPadded(append(b, '.'), t.Nanosecond()/1e6, 3)
	}
	return string(b)
}

// appendCanonicalClock appends HH:MM:SS with the fraction of a second, if
// any, trimmed of trailing zeros (Temporal's PlainTime.toString).
func appendCanonicalClock(b []byte, t time.Time) []byte {
	b = appendClock(b, t)
	if ns := t.Nanosecond(); ns != 0 {
		b = appendPadded(append(b, '.'), ns, 9)
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}

func formatCanonicalClock(t time.Time) string {
	return string(appendCanonicalClock(make([]byte, 0, 18), t))
}

// formatCanonicalDateTime is the canonical DATETIME spelling
// YYYY-MM-DDTHH:MM:SS[.fraction] (Temporal's PlainDateTime.toString).
func formatCanonicalDateTime(t time.Time) string {
	b := append(appendDate(make([]byte, 0, 30), t), 'T')
	return string(appendCanonicalClock(b, t))
}

// epochMillis is the Unix time in whole milliseconds, rounded down.
func epochMillis(t time.Time) int64 {
	return t.Unix()*1000 + int64(t.Nanosecond())/1e6
}

// epochSeconds is the Unix time in whole seconds, rounded down.
func epochSeconds(t time.Time) int64 { return t.Unix() }

// julianDay is the Julian day number of t (millisecond precision).
func julianDay(t time.Time) float64 {
	return float64(epochMillis(t))/msPerDay + julianDayUnixEpoch
}

var (
	weekdayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthNames   = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// strftime formats t. Every '%' and the character after it is one
// specifier; an unknown specifier is copied as is, and a final lone '%'
// stays. The specifiers are SQLite's plus Quereus's %E and %Q:
//
//	%Y year  %m month  %d day  %e day, space-padded  %j day of year (001-366)
//	%F %Y-%m-%d  %D %m/%d/%y  %C century  %y 2-digit year
//	%b %h abbreviated month  %B month name  %a abbreviated weekday  %A weekday
//	%H hour  %k hour, space-padded  %I 12-hour  %l 12-hour, space-padded
//	%M minute  %S second  %f seconds with milliseconds (SS.SSS)
//	%p AM/PM  %P am/pm  %R %H:%M  %T %H:%M:%S  %r %I:%M:%S %p
//	%c %F %T  %x %F  %X %T
//	%w weekday 0-6 (Sunday 0)  %u weekday 1-7 (Monday 1)
//	%W week of year, Monday first (00-53)  %U week of year, Sunday first
//	%V ISO week  %G ISO week-year  %g 2-digit ISO week-year
//	%J Julian day  %s %E Unix seconds  %Q Unix milliseconds
//	%z offset (+HHMM)  %Z zone abbreviation  %n newline  %t tab  %% percent
func strftime(format string, t time.Time) string {
	b := make([]byte, 0, len(format)+16)
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b = append(b, c)
			continue
		}
		i++
		var ok bool
		if b, ok = appendSpec(b, format[i], t); !ok {
			b = append(b, '%', format[i])
		}
	}
	return string(b)
}

func hour12(h int) int {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}

func ampm(h int, upper bool) string {
	switch {
	case h < 12 && upper:
		return "AM"
	case h < 12:
		return "am"
	case upper:
		return "PM"
	}
	return "pm"
}

// appendSpaced appends n (0-99) right-aligned in two columns.
func appendSpaced(b []byte, n int) []byte {
	if n < 10 {
		b = append(b, ' ')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

func appendSpec(b []byte, spec byte, t time.Time) ([]byte, bool) {
	switch spec {
	case 'Y':
		b = appendYear(b, t.Year())
	case 'm':
		b = appendPadded(b, int(t.Month()), 2)
	case 'd':
		b = appendPadded(b, t.Day(), 2)
	case 'e':
		b = appendSpaced(b, t.Day())
	case 'j':
		b = appendPadded(b, t.YearDay(), 3)
	case 'F', 'x':
		b = appendDate(b, t)
	case 'D':
		b = append(appendPadded(b, int(t.Month()), 2), '/')
		b = append(appendPadded(b, t.Day(), 2), '/')
		b = appendPadded(b, floorMod(t.Year(), 100), 2)
	case 'C':
		b = appendPadded(b, floorDiv(t.Year(), 100), 2)
	case 'y':
		b = appendPadded(b, floorMod(t.Year(), 100), 2)
	case 'b', 'h':
		b = append(b, monthNames[t.Month()-1][:3]...)
	case 'B':
		b = append(b, monthNames[t.Month()-1]...)
	case 'a':
		b = append(b, weekdayNames[t.Weekday()][:3]...)
	case 'A':
		b = append(b, weekdayNames[t.Weekday()]...)
	case 'H':
		b = appendPadded(b, t.Hour(), 2)
	case 'k':
		b = appendSpaced(b, t.Hour())
	case 'I':
		b = appendPadded(b, hour12(t.Hour()), 2)
	case 'l':
		b = appendSpaced(b, hour12(t.Hour()))
	case 'M':
		b = appendPadded(b, t.Minute(), 2)
	case 'S':
		b = appendPadded(b, t.Second(), 2)
	case 'f':
		b = append(appendPadded(b, t.Second(), 2), '.')
		b = appendPadded(b, t.Nanosecond()/1e6, 3)
	case 'p':
		b = append(b, ampm(t.Hour(), true)...)
	case 'P':
		b = append(b, ampm(t.Hour(), false)...)
	case 'R':
		b = append(appendPadded(b, t.Hour(), 2), ':')
		b = appendPadded(b, t.Minute(), 2)
	case 'T', 'X':
		b = appendClock(b, t)
	case 'r':
		b = append(appendPadded(b, hour12(t.Hour()), 2), ':')
		b = append(appendPadded(b, t.Minute(), 2), ':')
		b = append(appendPadded(b, t.Second(), 2), ' ')
		b = append(b, ampm(t.Hour(), true)...)
	case 'c':
		b = appendClock(append(appendDate(b, t), ' '), t)
	case 'w':
		b = strconv.AppendInt(b, int64(t.Weekday()), 10)
	case 'u':
		b = strconv.AppendInt(b, int64((int(t.Weekday())+6)%7+1), 10)
	case 'W':
		b = appendPadded(b, (t.YearDay()+6-(int(t.Weekday())+6)%7)/7, 2)
	case 'U':
		b = appendPadded(b, (t.YearDay()+6-int(t.Weekday()))/7, 2)
	case 'V':
		_, w := t.ISOWeek()
		b = appendPadded(b, w, 2)
	case 'G':
		y, _ := t.ISOWeek()
		b = appendYear(b, y)
	case 'g':
		y, _ := t.ISOWeek()
		b = appendPadded(b, floorMod(y, 100), 2)
	case 'J':
		b = append(b, types.FormatReal(julianDay(t))...)
	case 's', 'E':
		b = strconv.AppendInt(b, epochSeconds(t), 10)
	case 'Q':
		b = strconv.AppendInt(b, epochMillis(t), 10)
	case 'z':
		_, off := t.Zone()
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		b = appendPadded(append(b, sign), off/3600, 2)
		b = appendPadded(b, off%3600/60, 2)
	case 'Z':
		name, _ := t.Zone()
		b = append(b, name...)
	case 'n':
		b = append(b, '\n')
	case 't':
		b = append(b, '\t')
	case '%':
		b = append(b, '%')
	default:
		return b, false
	}
	return b, true
}
