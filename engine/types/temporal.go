package types

import (
	"strings"
	"sync"
	"time"
)

// TemporalNormalizer validates text for a temporal type and returns its
// canonical spelling; ok is false when the text is not a valid value.
type TemporalNormalizer func(s string) (canonical string, ok bool)

var temporalMu sync.RWMutex

var temporalNormalizers = map[Type]TemporalNormalizer{
	Date:     normalizeDate,
	Time:     normalizeTime,
	DateTime: normalizeDateTime,
	Timespan: normalizeTimespan,
}

// SetTemporalNormalizer replaces the normaliser used for t (DATE, TIME,
// DATETIME or TIMESPAN) by Cast, Convert and ConvertForColumn. The date/time
// function package installs its full parser this way from init(); the
// built-in defaults accept plain ISO-8601 forms.
func SetTemporalNormalizer(t Type, fn TemporalNormalizer) {
	if !t.IsTemporal() || fn == nil {
		return
	}
	temporalMu.Lock()
	temporalNormalizers[t] = fn
	temporalMu.Unlock()
}

// NormalizeTemporal validates s as a value of temporal type t and returns
// its canonical text.
func NormalizeTemporal(t Type, s string) (string, bool) {
	temporalMu.RLock()
	fn := temporalNormalizers[t]
	temporalMu.RUnlock()
	if fn == nil || len(s) > 128 {
		return "", false
	}
	return fn(strings.TrimSpace(s))
}

var timeLayouts = []string{"15:04:05.999999999", "15:04"}

var dateTimeLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
}

func parseDateTime(s string) (time.Time, bool) {
	for _, l := range dateTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func normalizeDate(s string) (string, bool) {
	t, ok := parseDateTime(s)
	if !ok {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func normalizeTime(s string) (string, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("15:04:05.999999999"), true
		}
	}
	if t, ok := parseDateTime(s); ok && len(s) > 10 {
		return t.Format("15:04:05.999999999"), true
	}
	return "", false
}

func normalizeDateTime(s string) (string, bool) {
	t, ok := parseDateTime(s)
	if !ok {
		return "", false
	}
	return t.Format("2006-01-02T15:04:05.999999999"), true
}

func normalizeTimespan(s string) (string, bool) {
	if _, ok := TimespanSeconds(s); !ok {
		return "", false
	}
	return strings.ToUpper(s), true
}
