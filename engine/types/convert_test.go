package types

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

func TestFromDeclared(t *testing.T) {
	cases := map[string]Type{
		"": Any, "any": Any, "INTEGER": Integer, "int": Integer, "BigInt": Integer,
		"real": Real, "float": Real, "double precision": Real, "numeric": Numeric,
		"DECIMAL(10, 2)": Numeric, "text": Text, "varchar(20)": Text, "CHAR(3)": Text,
		"blob": Blob, "boolean": Boolean, "bool": Boolean, "json": JSON, "date": Date,
		"time": Time, "datetime": DateTime, "timestamp": DateTime, "timespan": Timespan,
		"unsigned big int": Integer, "nvarchar(5)": Text, "mediumtext": Text,
	}
	for name, want := range cases {
		got, err := FromDeclared(name)
		require.NoError(t, err, name)
		assert.Equal(t, want, got, name)
	}
	for _, bad := range []string{"wibble", "varchar(3", "xyz(1)"} {
		_, err := FromDeclared(bad)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "INTEGER", Integer.Name())
	assert.Equal(t, "DATETIME", DateTime.String())
	assert.True(t, Boolean.IsNumeric())
	assert.True(t, Date.IsTextual())
	assert.False(t, Blob.IsTextual())
	assert.True(t, Null.IsUnknown())
}

func TestCast(t *testing.T) {
	cases := []struct {
		in   value.Value
		to   Type
		want value.Value
	}{
		{f(3.7), Integer, i(3)}, {f(-2.9), Integer, i(-2)}, {s("42"), Integer, i(42)},
		{bo(true), Integer, i(1)}, {bo(false), Integer, i(0)}, {s("abc"), Integer, i(0)},
		{null, Integer, null}, {s(""), Integer, null}, {s("  42  "), Integer, i(42)},
		{s("9e18"), Integer, i(9)}, {s("12abc"), Integer, i(12)}, {s("-9007199254740993"), Integer, i(-9007199254740993)},
		{s("99999999999999999999999999"), Integer, big10(t, "99999999999999999999999999")},
		{s("+9007199254740993"), Integer, i(9007199254740993)}, {f(1e20), Integer, big10(t, "100000000000000000000")},
		{i(42), Real, f(42)}, {s("3.14"), Real, f(3.14)}, {bo(true), Real, f(1)}, {s("junk"), Real, f(0)},
		{s("1.23e+2"), Real, f(123)}, {s("  3.14"), Real, f(3.14)}, {s("hello"), Real, f(0)},
		{s("42"), Numeric, i(42)}, {s("3.14"), Numeric, f(3.14)}, {s("+42"), Numeric, i(42)},
		{s("9007199254740993"), Numeric, i(9007199254740993)}, {s("9007199254740993.0"), Numeric, f(9007199254740992)},
		{s("junk"), Numeric, i(0)},
		{i(123), Text, s("123")}, {f(3.14), Text, s("3.14")}, {bo(true), Text, s("true")}, {null, Text, null},
		{bl("ab"), Text, s("ab")},
		{s("hello"), Blob, bl("hello")}, {i(123), Blob, bl("123")}, {s("6162"), Blob, bl("6162")},
		{js(t, `{"a":1}`), Blob, bl(`{"a":1}`)}, {bl("\x01\x02"), Blob, bl("\x01\x02")},
		{i(1), Boolean, bo(true)}, {i(0), Boolean, bo(false)}, {i(42), Boolean, bo(true)}, {i(-1), Boolean, bo(true)},
		{f(0.5), Boolean, bo(true)}, {f(0), Boolean, bo(false)}, {s("junk"), Boolean, null}, {s("true"), Boolean, bo(true)},
		{bl("\x01"), JSON, null}, {s("abc"), JSON, s("abc")},
		{s("junk"), Date, null}, {s("junk"), Time, null}, {s("junk"), DateTime, null}, {s("junk"), Timespan, null},
		{s("2024-03-05"), Date, s("2024-03-05")}, {bl("\x01"), Date, null},
		{s("2024-01-01T10:00:00+02:00"), DateTime, s("2024-01-01T08:00:00")},
		{s("14:30"), Time, s("14:30:00")}, {s("PT1H"), Timespan, s("PT1H")}, {s("P"), Timespan, null},
		{i(5), Any, i(5)},
	}
	for _, c := range cases {
		requireSame(t, c.want, Cast(c.in, c.to), c.in.String()+" as "+c.to.Name())
	}
	j := Cast(s(`{"a":1}`), JSON)
	require.Equal(t, value.KindJSON, j.Kind())
	assert.Equal(t, `{"a":1}`, j.JSONText())
}

func TestConvertStrict(t *testing.T) {
	good := []struct {
		in   value.Value
		to   Type
		want value.Value
	}{
		{i(42), Integer, i(42)}, {s("123"), Integer, i(123)}, {f(3.14), Integer, i(3)}, {f(-3.9), Integer, i(-3)},
		{bo(true), Integer, i(1)}, {s("9007199254740993"), Integer, i(9007199254740993)},
		{i(42), Real, f(42)}, {s("3.14"), Real, f(3.14)}, {s("42"), Real, f(42)},
		{i(42), Text, s("42")}, {f(3.14), Text, s("3.14")}, {bo(false), Text, s("false")},
		{i(1), Boolean, bo(true)}, {s("true"), Boolean, bo(true)}, {s("false"), Boolean, bo(false)},
		{s("yes"), Boolean, bo(true)}, {s("no"), Boolean, bo(false)}, {s("on"), Boolean, bo(true)}, {s("off"), Boolean, bo(false)},
		{s("abc"), Blob, bl("abc")}, {i(42), Blob, bl("42")}, {bo(true), Blob, bl("true")},
		{null, Integer, null},
	}
	for _, c := range good {
		got, err := Convert(c.in, c.to)
		require.NoError(t, err)
		requireSame(t, c.want, got, c.in.String()+" to "+c.to.Name())
	}
	bad := []struct {
		in  value.Value
		to  Type
		msg string
	}{
		{s("not_a_number"), Integer, "Cannot convert to INTEGER"}, {s("not_a_number"), Real, "Cannot convert to REAL"},
		{s("maybe"), Boolean, "Cannot convert to BOOLEAN"}, {js(t, `{"a":1}`), Blob, "Cannot convert to BLOB"},
		{s("{"), JSON, "Cannot convert to JSON"},
	}
	for _, c := range bad {
		_, err := Convert(c.in, c.to)
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.msg)
	}
}

func TestConvertForColumn(t *testing.T) {
	good := []struct {
		in   value.Value
		to   Type
		want value.Value
	}{
		{s("123"), Integer, i(123)}, {s("45.6"), Real, f(45.6)}, {i(789), Text, s("789")},
		{s("text_as_blob"), Blob, bl("text_as_blob")}, {s("999.99"), Numeric, f(999.99)},
		{s("9007199254740993"), Numeric, i(9007199254740993)}, {s("9007199254740993"), Integer, i(9007199254740993)},
		{f(4), Integer, i(4)}, {f(9.7), Integer, i(9)}, {f(-9.7), Integer, i(-9)}, {i(1), Real, f(1)}, {null, Integer, null}, {bl("x"), Any, bl("x")},
		{i(0), Boolean, bo(false)}, {bo(true), Boolean, bo(true)}, {s("2024-07-26"), Date, s("2024-07-26")},
	}
	for _, c := range good {
		got, err := ConvertForColumn(c.in, c.to, "c")
		require.NoError(t, err)
		requireSame(t, c.want, got, c.in.String()+" into "+c.to.Name())
	}
	j, err := ConvertForColumn(s(`[1,2,3]`), JSON, "j")
	require.NoError(t, err)
	assert.Equal(t, "[1,2,3]", j.JSONText())

	bad := []struct {
		in value.Value
		to Type
	}{
		{s("not-a-number"), Integer}, {s("abc"), Real}, {s("{invalid"), JSON}, {f(math.NaN()), Integer}, {f(math.Inf(1)), Integer},
		{bl("\x00"), Integer}, {i(1), Blob}, {s("not-a-date"), Date}, {bl("x"), Text}, {s("maybe"), Boolean},
	}
	for _, c := range bad {
		_, err := ConvertForColumn(c.in, c.to, "j")
		require.Error(t, err, "%v into %v", c.in, c.to)
		assert.Contains(t, err.Error(), "Type conversion failed for column 'j'")
	}
}

func TestCastForComparison(t *testing.T) {
	requireSame(t, i(42), CastForComparison(s("42")))
	requireSame(t, f(1.9), CastForComparison(s("1.9")))
	requireSame(t, f(1000), CastForComparison(s("1e3")))
	requireSame(t, i(0), CastForComparison(s("abc")))
	requireSame(t, i(9007199254740993), CastForComparison(s("9007199254740993")))
	requireSame(t, i(5), CastForComparison(i(5)))
	requireSame(t, null, CastForComparison(null))
}

func TestSetTemporalNormalizer(t *testing.T) {
	prev := temporalNormalizers[Date]
	defer SetTemporalNormalizer(Date, prev)
	SetTemporalNormalizer(Date, func(s string) (string, bool) { return "D:" + s, s != "bad" })
	requireSame(t, s("D:x"), Cast(s("x"), Date))
	requireSame(t, null, Cast(s("bad"), Date))
	SetTemporalNormalizer(Integer, nil) // ignored: not temporal
	requireSame(t, i(1), Cast(s("1"), Integer))
}
