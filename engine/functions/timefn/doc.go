// Package timefn implements the date, time and TIMESPAN builtins of the
// Quereus dialect and the temporal helpers the engine needs for the DATE,
// TIME, DATETIME and TIMESPAN types.
//
// # Functions (registered into functions.Default from init; see Defs)
//
//	date(X) time(X) datetime(X)       one argument: the type conversions
//	                                  (canonical text, errors "Cannot convert
//	                                  to DATE: ..."); datetime(X) uses the 'T'
//	                                  form with a trimmed fraction
//	date/time/datetime(X, mod...)     SQLite-style, space-separated datetime
//	julianday strftime unixepoch      SQLite-style
//	epoch_s epoch_ms epoch_s_frac     Unix time from strict ISO text or 'now'
//	IsISODate IsISODateTime           validation predicates
//	timespan(X)                       the TIMESPAN conversion
//	timespan_years ... _seconds       fields of an ISO duration
//	timespan_total_seconds ... _days  totals (calendar units from 2024-01-01)
//
// All functions that can read 'now' are non-deterministic, as in Quereus.
//
// # Time values and modifiers
//
// A time value is TEXT in any ISO-8601 form Temporal accepts (isoparse.go:
// dates, date-times with 'T', 't' or ' ', fractions to the nanosecond,
// offsets converted to UTC, [zone] annotations, time-only strings anchored
// at 2000-01-01), 'now', or a number read as a Julian day number, Unix
// seconds or Unix milliseconds by magnitude (input.go). Modifiers
// (modifier.go) are applied in order after the control modifiers
// ('unixepoch', 'localtime', 'utc', 'subsec', and the SQLite extras 'auto'
// and 'julianday') have been collected; an unrecognized modifier is ignored,
// as in Quereus. 'localtime' shows the result in the process's local zone
// (time.Local) rather than treating local time as UTC. Instants are Go
// time.Time values with nanosecond precision; results are computed with
// millisecond precision where Quereus uses epoch milliseconds.
//
// # TIMESPAN and temporal arithmetic
//
// Duration (duration.go) is an ISO-8601 duration with Temporal's fields and
// spelling; ParseTimespan also reads Quereus's human-readable form ("2
// hours 30 minutes"). TotalSeconds, Add, Scale, Divide, Ratio and Negate
// implement the TIMESPAN operations, and arith.go is the table of temporal
// operator cases (DATE - DATE, DATE + TIMESPAN, TIMESPAN * NUMBER, ...)
// behind Apply and Arithmetic, with ErrUnsupported for the rest.
//
// # Canonical forms
//
// CanonicalDate, CanonicalTime, CanonicalDateTime and CanonicalTimespan
// give the stored spelling of each temporal type; init installs them into
// engine/types with types.SetTemporalNormalizer, so casts and column
// conversion use the same parser as the functions.
package timefn
