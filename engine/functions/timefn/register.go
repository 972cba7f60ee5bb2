package timefn

import (
	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/types"
)

// Defs lists the function definitions this package registers into
// functions.Default from init(). date, time and datetime have two shapes:
// with exactly one argument they are the DATE/TIME/DATETIME conversions
// (DateConvert, ...); with none or several they are the SQLite-style
// functions with modifiers (Date, ...), as in Quereus. Every function that
// can read 'now' is non-deterministic.
func Defs() []functions.Def {
	v := functions.Variadic
	def := func(name string, minArgs, maxArgs int, deterministic bool, ret types.Type, fn functions.ScalarFunc) functions.Def {
		return functions.Def{Name: name, MinArgs: minArgs, MaxArgs: maxArgs, Deterministic: deterministic, Scalar: fn, ReturnType: ret}
	}
	fixed := func(name string, ret types.Type, fn functions.ScalarFunc) functions.Def {
		return def(name, 1, 1, true, ret, fn)
	}
	return []functions.Def{
		def("date", 1, 1, false, types.Date, DateConvert),
		def("date", 0, 0, false, types.Text, Date),
		def("date", 2, v, false, types.Text, Date),
		def("time", 1, 1, false, types.Time, TimeConvert),
		def("time", 0, 0, false, types.Text, Time),
		def("time", 2, v, false, types.Text, Time),
		def("datetime", 1, 1, false, types.DateTime, DateTimeConvert),
		def("datetime", 0, 0, false, types.Text, DateTime),
		def("datetime", 2, v, false, types.Text, DateTime),
		def("julianday", 0, v, false, types.Real, JulianDay),
		def("unixepoch", 0, v, false, types.Numeric, UnixEpoch),
		def("strftime", 1, v, false, types.Text, Strftime),
		def("epoch_s", 0, v, false, types.Integer, EpochS),
		def("epoch_ms", 0, v, false, types.Integer, EpochMs),
		def("epoch_s_frac", 0, v, false, types.Real, EpochSFrac),
		fixed("IsISODate", types.Boolean, IsISODate),
		fixed("IsISODateTime", types.Boolean, IsISODateTime),
		fixed("timespan", types.Timespan, TimespanConvert),
		fixed("timespan_years", types.Integer, TimespanYears),
		fixed("timespan_months", types.Integer, TimespanMonths),
		fixed("timespan_weeks", types.Integer, TimespanWeeks),
		fixed("timespan_days", types.Integer, TimespanDays),
		fixed("timespan_hours", types.Integer, TimespanHours),
		fixed("timespan_minutes", types.Integer, TimespanMinutes),
		fixed("timespan_seconds", types.Numeric, TimespanSeconds),
		fixed("timespan_total_seconds", types.Numeric, TimespanTotalSeconds),
		fixed("timespan_total_minutes", types.Numeric, TimespanTotalMinutes),
		fixed("timespan_total_hours", types.Numeric, TimespanTotalHours),
		fixed("timespan_total_days", types.Numeric, TimespanTotalDays),
	}
}

// RegistrationErrors holds the errors of registering Defs at init (a name
// clash with another package's builtin). It is empty in a correct build;
// the package tests assert that, so a clash fails tests instead of
// panicking at program start.
var RegistrationErrors []error

func init() {
	RegistrationErrors = functions.RegisterAll(Defs())
	types.SetTemporalNormalizer(types.Date, CanonicalDate)
	types.SetTemporalNormalizer(types.Time, CanonicalTime)
	types.SetTemporalNormalizer(types.DateTime, CanonicalDateTime)
	types.SetTemporalNormalizer(types.Timespan, CanonicalTimespan)
}
