package timefn

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quereus/quereus/engine/types"
)

// formatYear spells a year as Temporal does: four digits for 0-9999,
// otherwise a sign and six digits.
func formatYear(y int) string {
	if y >= 0 && y <= 9999 {
		return fmt.Sprintf("%04d", y)
	}
	if y < 0 {
		return fmt.Sprintf("-%06d", -y)
	}
	return fmt.Sprintf("+%06d", y)
}

// formatDate is YYYY-MM-DD.
func formatDate(t time.Time) string {
	return formatYear(t.Year()) + fmt.Sprintf("-%02d-%02d", t.Month(), t.Day())
}

// formatClock is HH:MM:SS, with ".mmm" (milliseconds, truncated) when
// subsec is set: the time() and datetime() function spelling.
func formatClock(t time.Time, subsec bool) string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
	if subsec {
		s += fmt.Sprintf(".%03d", t.Nanosecond()/1e6)
	}
	return s
}

// formatCanonicalClock is HH:MM:SS with the fraction of a second, if any,
// trimmed of trailing zeros (Temporal's PlainTime.toString).
func formatCanonicalClock(t time.Time) string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
	if ns := t.Nanosecond(); ns != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%09d", ns), "0")
	}
	return s
}

// formatCanonicalDateTime is the canonical DATETIME spelling
// YYYY-MM-DDTHH:MM:SS[.fraction] (Temporal's PlainDateTime.toString).
func formatCanonicalDateTime(t time.Time) string {
	return formatDate(t) + "T" + formatCanonicalClock(t)
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
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		spec := format[i]
		if !writeSpec(&b, spec, t) {
			b.WriteByte('%')
			b.WriteByte(spec)
		}
	}
	return b.String()
}

func pad2(n int) string { return fmt.Sprintf("%02d", n) }

func hour12(h int) int {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}

func ampm(h int, upper bool) string {
	s := "AM"
	if h >= 12 {
		s = "PM"
	}
	if !upper {
		s = strings.ToLower(s)
	}
	return s
}

func writeSpec(b *strings.Builder, spec byte, t time.Time) bool {
	switch spec {
	case 'Y':
		b.WriteString(formatYear(t.Year()))
	case 'm':
		b.WriteString(pad2(int(t.Month())))
	case 'd':
		b.WriteString(pad2(t.Day()))
	case 'e':
		fmt.Fprintf(b, "%2d", t.Day())
	case 'j':
		fmt.Fprintf(b, "%03d", t.YearDay())
	case 'F', 'x':
		b.WriteString(formatDate(t))
	case 'D':
		fmt.Fprintf(b, "%02d/%02d/%02d", t.Month(), t.Day(), floorMod(t.Year(), 100))
	case 'C':
		b.WriteString(pad2(floorDiv(t.Year(), 100)))
	case 'y':
		b.WriteString(pad2(floorMod(t.Year(), 100)))
	case 'b', 'h':
		b.WriteString(monthNames[t.Month()-1][:3])
	case 'B':
		b.WriteString(monthNames[t.Month()-1])
	case 'a':
		b.WriteString(weekdayNames[t.Weekday()][:3])
	case 'A':
		b.WriteString(weekdayNames[t.Weekday()])
	case 'H':
		b.WriteString(pad2(t.Hour()))
	case 'k':
		fmt.Fprintf(b, "%2d", t.Hour())
	case 'I':
		b.WriteString(pad2(hour12(t.Hour())))
	case 'l':
		fmt.Fprintf(b, "%2d", hour12(t.Hour()))
	case 'M':
		b.WriteString(pad2(t.Minute()))
	case 'S':
		b.WriteString(pad2(t.Second()))
	case 'f':
		fmt.Fprintf(b, "%02d.%03d", t.Second(), t.Nanosecond()/1e6)
	case 'p':
		b.WriteString(ampm(t.Hour(), true))
	case 'P':
		b.WriteString(ampm(t.Hour(), false))
	case 'R':
		fmt.Fprintf(b, "%02d:%02d", t.Hour(), t.Minute())
	case 'T', 'X':
		b.WriteString(formatClock(t, false))
	case 'r':
		fmt.Fprintf(b, "%02d:%02d:%02d %s", hour12(t.Hour()), t.Minute(), t.Second(), ampm(t.Hour(), true))
	case 'c':
		b.WriteString(formatDate(t) + " " + formatClock(t, false))
	case 'w':
		b.WriteString(strconv.Itoa(int(t.Weekday())))
	case 'u':
		b.WriteString(strconv.Itoa((int(t.Weekday())+6)%7 + 1))
	case 'W':
		b.WriteString(pad2((t.YearDay() + 6 - (int(t.Weekday())+6)%7) / 7))
	case 'U':
		b.WriteString(pad2((t.YearDay() + 6 - int(t.Weekday())) / 7))
	case 'V':
		_, w := t.ISOWeek()
		b.WriteString(pad2(w))
	case 'G':
		y, _ := t.ISOWeek()
		b.WriteString(formatYear(y))
	case 'g':
		y, _ := t.ISOWeek()
		b.WriteString(pad2(floorMod(y, 100)))
	case 'J':
		b.WriteString(types.FormatReal(julianDay(t)))
	case 's', 'E':
		b.WriteString(strconv.FormatInt(epochSeconds(t), 10))
	case 'Q':
		b.WriteString(strconv.FormatInt(epochMillis(t), 10))
	case 'z':
		_, off := t.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		fmt.Fprintf(b, "%c%02d%02d", sign, off/3600, off%3600/60)
	case 'Z':
		name, _ := t.Zone()
		b.WriteString(name)
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case '%':
		b.WriteByte('%')
	default:
		return false
	}
	return true
}
