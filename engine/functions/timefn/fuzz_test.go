package timefn

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
)

// FuzzTimeFunctions checks that parsing, modifiers and formatting never
// panic, and that canonical spellings are fixed points.
func FuzzTimeFunctions(f *testing.F) {
	f.Add("2024-07-26T12:30:45.123+02:00[UTC]", "+1 month", "%Y %W %f %J")
	f.Add("12:30", "weekday 3", "%s")
	f.Add("P1Y2M3DT4H5M6.5S", "start of year", "%%")
	f.Fuzz(func(t *testing.T, when, mod, format string) {
		args := []value.Value{value.Text(when), value.Text(mod)}
		for _, fn := range []func([]value.Value) (value.Value, error){Date, Time, DateTime, JulianDay, UnixEpoch, EpochS, EpochMs} {
			if _, err := fn(args); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Strftime([]value.Value{value.Text(format), value.Text(when), value.Text(mod)}); err != nil {
			t.Fatal(err)
		}
		for _, canon := range []func(string) (string, bool){CanonicalDate, CanonicalTime, CanonicalDateTime, CanonicalTimespan} {
			if s, ok := canon(when); ok {
				if again, ok := canon(s); !ok || again != s {
					t.Fatalf("canonical %q of %q is not a fixed point (%q, %v)", s, when, again, ok)
				}
			}
		}
		_, _, _ = Arithmetic('+', value.Text(when), value.Text(mod))
		_, _, _ = Arithmetic('-', value.Text(when), value.Text(mod))
		_, _, _ = Arithmetic('/', value.Text(when), value.Text(mod))
		_, _ = TimespanConvert([]value.Value{value.Text(when)})
		_, _ = DateConvert([]value.Value{value.Text(when)})
	})
}
