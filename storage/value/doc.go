// Package value defines Value, the one representation of an SQL value shared by
// the storage codecs and the engine.
//
// A Value is a small immutable struct (no allocation for NULL, integers, reals
// and booleans) holding one of eight kinds:
//
//	KindNull     SQL NULL
//	KindInteger  a signed 64-bit integer
//	KindBigInt   an integer outside the int64 range (*big.Int); integers that fit
//	             in int64 are always KindInteger, so each integer has one form
//	KindReal     an IEEE-754 double (including -0, ±Inf and NaN)
//	KindText     a string of bytes (normally UTF-8, but any bytes are kept as-is)
//	KindBlob     a byte string
//	KindBoolean  true or false (a real result type in the Quereus dialect)
//	KindJSON     a parsed JSON document (see JSON)
//
// Semantics that depend on SQL rules (comparison across kinds, arithmetic,
// casts, collations) live in the engine; this package only holds values.
// Date, time and timespan values are text with a declared type, as in Quereus.
package value
