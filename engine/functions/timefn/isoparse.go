package timefn

import (
	"strings"
	"time"
)

// isoFields is one parsed ISO-8601 / RFC 9557 date-time string, the grammar
// the Temporal API accepts: a date (YYYY-MM-DD, YYYYMMDD, or a signed
// six-digit year), an optional time after 'T', 't' or ' ' (HH, HH:MM,
// HH:MM:SS, with an optional '.'/',' fraction of 1-9 digits, or the same
// without colons), an optional offset (Z or ±HH[:MM[:SS]]), and optional
// bracketed annotations ([UTC], [u-ca=iso8601]). A time-only string (with
// an optional leading 'T') has hasDate false.
type isoFields struct {
	hasDate, hasTime bool
	year, month, day int
	hour, min, sec   int
	nsec             int
	fracDigits       int // digits in the seconds fraction, 0 when absent
	isZ              bool
	hasOffset        bool
	offsetSec        int
	zone             string // the time zone annotation, "" when absent
}

// parseISO parses s; ok is false when s does not match the grammar or a
// field is out of range (month 13, February 30, hour 24, ...). A leap
// second (:60) is read as :59, as Temporal does.
func parseISO(s string) (f isoFields, ok bool) {
	p := isoScanner{s: s}
	if p.date(&f) {
		f.hasDate = true
		if p.peekAny("Tt ") && p.i+1 < len(p.s) && isDigit(p.s[p.i+1]) {
			p.i++
			if !p.time(&f) {
				return f, false
			}
			f.hasTime = true
		}
	} else {
		p.i = 0
		if p.peekAny("Tt") {
			p.i++
		}
		if !p.time(&f) {
			return f, false
		}
		f.hasTime = true
	}
	if f.hasTime && !p.offset(&f) {
		return f, false
	}
	if !p.annotations(&f) || p.i != len(p.s) {
		return f, false
	}
	if f.hasDate && (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysIn(f.year, f.month)) {
		return f, false
	}
	if f.hour > 23 || f.min > 59 || f.sec > 60 {
		return f, false
	}
	if f.sec == 60 {
		f.sec = 59
	}
	return f, true
}

// daysIn returns the number of days in a month of the proleptic Gregorian
// calendar.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

type isoScanner struct {
	s string
	i int
}

func (p *isoScanner) peekAny(chars string) bool {
	return p.i < len(p.s) && strings.IndexByte(chars, p.s[p.i]) >= 0
}

// digits reads exactly n digits.
func (p *isoScanner) digits(n int) (int, bool) {
	if len(p.s)-p.i < n {
		return 0, false
	}
	v := 0
	for k := 0; k < n; k++ {
		c := p.s[p.i+k]
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	p.i += n
	return v, true
}

func (p *isoScanner) date(f *isoFields) bool {
	start := p.i
	sign := 1
	yearDigits := 4
	if p.peekAny("+-") {
		if p.s[p.i] == '-' {
			sign = -1
		}
		p.i++
		yearDigits = 6
	}
	y, ok := p.digits(yearDigits)
	if !ok || (sign < 0 && y == 0 && yearDigits == 6) {
		p.i = start
		return false
	}
	f.year = sign * y
	extended := p.peekAny("-")
	if extended {
		p.i++
	}
	m, ok1 := p.digits(2)
	if ok1 && extended && !p.peekAny("-") {
		ok1 = false
	}
	if ok1 && extended {
		p.i++
	}
	d, ok2 := p.digits(2)
	if !ok1 || !ok2 {
		p.i = start
		return false
	}
	f.month, f.day = m, d
	return true
}

func (p *isoScanner) time(f *isoFields) bool {
	h, ok := p.digits(2)
	if !ok {
		return false
	}
	f.hour = h
	extended := p.peekAny(":")
	next := func() (int, bool, bool) { // value, present, ok
		if extended {
			if !p.peekAny(":") {
				return 0, false, true
			}
			p.i++
			v, ok := p.digits(2)
			return v, true, ok
		}
		if p.i+2 > len(p.s) || !isDigit(p.s[p.i]) {
			return 0, false, true
		}
		v, ok := p.digits(2)
		return v, true, ok
	}
	m, present, ok := next()
	if !ok {
		return false
	}
	if !present {
		return true
	}
	f.min = m
	sec, present, ok := next()
	if !ok {
		return false
	}
	if !present {
		return true
	}
	f.sec = sec
	if p.peekAny(".,") {
		p.i++
		start := p.i
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			p.i++
		}
		n := p.i - start
		if n == 0 || n > 9 {
			return false
		}
		frac := p.s[start:p.i] + strings.Repeat("0", 9-n)
		v := 0
		for k := 0; k < 9; k++ {
			v = v*10 + int(frac[k]-'0')
		}
		f.nsec, f.fracDigits = v, n
	}
	return true
}

func (p *isoScanner) offset(f *isoFields) bool {
	if p.peekAny("Zz") {
		p.i++
		f.isZ = true
		return true
	}
	if !p.peekAny("+-") {
		return true
	}
	sign := 1
	if p.s[p.i] == '-' {
		sign = -1
	}
	p.i++
	h, ok := p.digits(2)
	if !ok || h > 23 {
		return false
	}
	total := h * 3600
	extended := p.peekAny(":")
	for _, mult := range []int{60, 1} {
		if extended {
			if !p.peekAny(":") {
				break
			}
			p.i++
		} else if p.i+2 > len(p.s) || !isDigit(p.s[p.i]) {
			break
		}
		v, ok := p.digits(2)
		if !ok || v > 59 {
			return false
		}
		total += v * mult
	}
	f.hasOffset, f.offsetSec = true, sign*total
	return true
}

func (p *isoScanner) annotations(f *isoFields) bool {
	for p.peekAny("[") {
		end := strings.IndexByte(p.s[p.i:], ']')
		if end < 0 {
			return false
		}
		body := strings.TrimPrefix(p.s[p.i+1:p.i+end], "!")
		if body == "" {
			return false
		}
		if !strings.Contains(body, "=") {
			if f.zone != "" {
				return false
			}
			f.zone = body
		}
		p.i += end + 1
	}
	return true
}

// wall returns the date and time fields as a UTC wall-clock time (offsets
// and zones not applied).
func (f isoFields) wall() time.Time {
	return time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, f.nsec, time.UTC)
}

// instant returns the moment f denotes: the wall clock shifted by the
// offset (Z is UTC), or interpreted in the annotated zone when there is no
// offset, or taken as UTC when there is neither. ok is false for an
// unknown zone name.
func (f isoFields) instant() (time.Time, bool) {
	w := f.wall()
	switch {
	case f.isZ:
		return w, true
	case f.hasOffset:
		return w.Add(-time.Duration(f.offsetSec) * time.Second), true
	case f.zone != "":
		loc, ok := zoneLocation(f.zone)
		if !ok {
			return time.Time{}, false
		}
		return time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, f.nsec, loc).UTC(), true
	}
	return w, true
}

// zoneLocation resolves a zone annotation: UTC spellings and numeric
// offsets directly, IANA names through the system time zone database.
func zoneLocation(name string) (*time.Location, bool) {
	switch strings.ToUpper(name) {
	case "UTC", "Z", "ETC/UTC", "GMT", "ETC/GMT":
		return time.UTC, true
	}
	if name[0] == '+' || name[0] == '-' {
		var g isoFields
		p := isoScanner{s: name}
		if p.offset(&g) && p.i == len(name) && g.hasOffset {
			return time.FixedZone(name, g.offsetSec), true
		}
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	return loc, true
}
