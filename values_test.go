package quereus

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/engine"
	"github.com/quereus/quereus/storage/value"
)

type myInt int16
type myString string
type myBytes []byte

// upperValuer is a value-receiver Valuer.
type upperValuer struct{ s string }

func (u upperValuer) Value() (driver.Value, error) { return u.s + "!", nil }

// ptrValuer is a pointer-receiver Valuer.
type ptrValuer struct{ n int64 }

func (p *ptrValuer) Value() (driver.Value, error) {
	if p == nil {
		return "nil receiver", nil
	}
	return p.n, nil
}

type failingValuer struct{}

func (failingValuer) Value() (driver.Value, error) { return nil, errors.New("valuer failed") }

type loopValuer struct{}

func (l loopValuer) Value() (driver.Value, error) { return l, nil }

func TestToValue(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	i64 := int64(7)
	var nilInt *int64
	var nilUpper *upperValuer
	var nilPtrValuer *ptrValuer
	cases := []struct {
		name string
		in   any
		want value.Value
	}{
		{"nil", nil, value.Null()},
		{"int64", int64(-9), value.Int(-9)},
		{"int", 42, value.Int(42)},
		{"int8", int8(-8), value.Int(-8)},
		{"int32", int32(1 << 30), value.Int(1 << 30)},
		{"uint8", uint8(255), value.Int(255)},
		{"uint64 small", uint64(12), value.Int(12)},
		{"uint64 max int64", uint64(math.MaxInt64), value.Int(math.MaxInt64)},
		{"uint64 huge", uint64(math.MaxUint64), value.BigInt(new(big.Int).SetUint64(math.MaxUint64))},
		{"float64", 1.5, value.Float(1.5)},
		{"float32", float32(0.25), value.Float(0.25)},
		{"bool", true, value.Bool(true)},
		{"string", "héllo", value.Text("héllo")},
		{"bytes", []byte{0, 1, 2}, value.Blob([]byte{0, 1, 2})},
		{"empty bytes", []byte{}, value.Blob(nil)},
		{"nil bytes", []byte(nil), value.Null()},
		{"time", time.Date(2024, 3, 15, 16, 30, 0, 500000000, time.FixedZone("", 2*3600)),
			value.Text("2024-03-15T14:30:00.5")},
		{"time whole seconds", time.Date(2024, 3, 15, 14, 30, 0, 0, time.UTC), value.Text("2024-03-15T14:30:00")},
		{"*big.Int huge", huge, value.BigInt(huge)},
		{"*big.Int small", big.NewInt(3), value.Int(3)},
		{"big.Int", *big.NewInt(-4), value.Int(-4)},
		{"nil *big.Int", (*big.Int)(nil), value.Null()},
		{"value.Value", value.Bool(false), value.Bool(false)},
		{"named int", myInt(-3), value.Int(-3)},
		{"named string", myString("s"), value.Text("s")},
		{"named bytes", myBytes("ab"), value.Blob([]byte("ab"))},
		{"pointer", &i64, value.Int(7)},
		{"nil pointer", nilInt, value.Null()},
		{"valuer", upperValuer{"a"}, value.Text("a!")},
		{"pointer to valuer", &upperValuer{"b"}, value.Text("b!")},
		{"nil pointer to value-receiver valuer", nilUpper, value.Null()},
		{"pointer-receiver valuer", &ptrValuer{9}, value.Int(9)},
		{"nil pointer-receiver valuer is called", nilPtrValuer, value.Text("nil receiver")},
		{"sql.NullInt64 valid", sql.NullInt64{Int64: 5, Valid: true}, value.Int(5)},
		{"sql.NullInt64 null", sql.NullInt64{}, value.Null()},
		{"sql.NullTime", sql.NullTime{Time: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), Valid: true},
			value.Text("2020-01-02T03:04:05")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := toValue(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want.Kind(), got.Kind())
			assert.Equal(t, tc.want.String(), got.String())
		})
	}
}

func TestToValueJSON(t *testing.T) {
	got, err := toValue(json.RawMessage(`{"b": [1, 2.5], "a": null}`))
	require.NoError(t, err)
	assert.Equal(t, value.KindJSON, got.Kind())
	assert.Equal(t, `{"a":null,"b":[1,2.5]}`, got.JSONText())

	got, err = toValue(json.RawMessage(nil))
	require.NoError(t, err)
	assert.True(t, got.IsNull())

	_, err = toValue(json.RawMessage(`{"a":`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not valid JSON")
}

func TestToValueErrors(t *testing.T) {
	cases := []struct {
		name string
		in   any
		want string
	}{
		{"struct", struct{ A int }{1}, "unsupported argument type struct { A int }"},
		{"slice", []int{1}, "unsupported argument type []int"},
		{"map", map[string]int{}, "unsupported argument type map[string]int"},
		{"complex", complex(1, 2), "unsupported argument type complex128"},
		{"valuer error", failingValuer{}, "valuer failed"},
		{"valuer loop", loopValuer{}, "driver.Valuer chain deeper than"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := toValue(tc.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestFromValue(t *testing.T) {
	huge, _ := new(big.Int).SetString("-99999999999999999999", 10)
	doc, err := value.ParseJSON(`{"z":1,"a":[true,"x"]}`)
	require.NoError(t, err)
	cases := []struct {
		name     string
		in       value.Value
		temporal bool
		want     driver.Value
	}{
		{"null", value.Null(), false, nil},
		{"integer", value.Int(-5), false, int64(-5)},
		{"big integer", value.BigInt(huge), false, "-99999999999999999999"},
		{"real", value.Float(2.5), false, 2.5},
		{"boolean", value.Bool(true), false, true},
		{"text", value.Text("abc"), false, "abc"},
		{"blob", value.Blob([]byte{9, 8}), false, []byte{9, 8}},
		{"json", doc, false, []byte(`{"a":[true,"x"],"z":1}`)},
		{"datetime text in a plain column", value.Text("2024-03-15T14:30:00"), false, "2024-03-15T14:30:00"},
		{"datetime", value.Text("2024-03-15T14:30:00"), true, time.Date(2024, 3, 15, 14, 30, 0, 0, time.UTC)},
		{"datetime fraction", value.Text("2024-03-15T14:30:00.123456789"), true,
			time.Date(2024, 3, 15, 14, 30, 0, 123456789, time.UTC)},
		{"date", value.Text("2024-01-15"), true, time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)},
		{"space datetime", value.Text("2024-01-15 10:30:00"), true, time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC)},
		{"offset datetime", value.Text("2024-01-15T12:30:00+02:00"), true,
			time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC)},
		{"unparsable temporal text stays text", value.Text("not a date"), true, "not a date"},
		{"null temporal", value.Null(), true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := fromValue(tc.in, tc.temporal)
			assert.Equal(t, tc.want, got)
			if tt, ok := got.(time.Time); ok {
				assert.Equal(t, time.UTC, tt.Location())
			}
		})
	}
}

func TestTimeRoundTripThroughValues(t *testing.T) {
	for _, in := range []time.Time{
		time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.FixedZone("", -7*3600)),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2038, 1, 19, 3, 14, 8, 1000, time.Local),
	} {
		v, err := toValue(in)
		require.NoError(t, err)
		out, ok := fromValue(v, true).(time.Time)
		require.True(t, ok, "%s did not come back as a time", v)
		assert.True(t, in.Equal(out), "%s came back as %s", in, out)
	}
}

func TestDescribeColumn(t *testing.T) {
	cases := []struct {
		decl     string
		nullable bool
		scan     any
		temporal bool
	}{
		{"INTEGER", false, int64(0), false},
		{"INTEGER", true, sql.NullInt64{}, false},
		{"REAL", false, float64(0), false},
		{"TEXT", true, sql.NullString{}, false},
		{"VARCHAR(20)", false, "", false},
		{"BLOB", true, []byte(nil), false},
		{"BOOLEAN", false, false, false},
		{"DATE", false, time.Time{}, true},
		{"DATETIME", true, sql.NullTime{}, true},
		{"TIME", false, "", false},
		{"JSON", false, json.RawMessage(nil), false},
	}
	for _, tc := range cases {
		col := describeColumn(engine.Column{Name: "c", DeclType: tc.decl, Nullable: tc.nullable})
		assert.Equal(t, tc.decl, col.dbType)
		assert.Equal(t, tc.nullable, col.nullable)
		assert.Equal(t, tc.temporal, col.temporal, tc.decl)
		assert.Equal(t, reflect.TypeOf(tc.scan), col.scanType, "%s nullable=%v", tc.decl, tc.nullable)
	}
	unknown := describeColumn(engine.Column{Name: "x", DeclType: ""})
	assert.Equal(t, anyType, unknown.scanType)
	assert.False(t, unknown.temporal)
}

func TestNumInput(t *testing.T) {
	assert.Equal(t, 0, numInput(nil))
	assert.Equal(t, 2, numInput([]engine.ParamInfo{{Ordinal: 1}, {Ordinal: 2}}))
	assert.Equal(t, 3, numInput([]engine.ParamInfo{{Ordinal: 3}}), "?3 needs three arguments")
	assert.Equal(t, -1, numInput([]engine.ParamInfo{{Ordinal: 1}, {Ordinal: 2, Name: "id"}}))
}

func TestToArgs(t *testing.T) {
	args, err := toArgs([]driver.NamedValue{
		{Ordinal: 1, Value: int64(1)},
		{Ordinal: 2, Name: "id", Value: "x"},
		{Ordinal: 3, Value: value.Bool(true)},
	})
	require.NoError(t, err)
	require.Len(t, args, 3)
	assert.Equal(t, engine.Arg{Ordinal: 1, Value: value.Int(1)}, args[0])
	assert.Equal(t, engine.Arg{Name: "id", Value: value.Text("x")}, args[1])
	assert.Equal(t, engine.Arg{Ordinal: 3, Value: value.Bool(true)}, args[2])

	_, err = toArgs([]driver.NamedValue{{Ordinal: 1, Name: "p", Value: struct{}{}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "argument :p")

	args, err = toArgs(nil)
	require.NoError(t, err)
	assert.Nil(t, args)
}

func TestCheckNamedValue(t *testing.T) {
	c := &conn{}
	nv := driver.NamedValue{Ordinal: 1, Value: uint16(9)}
	require.NoError(t, c.CheckNamedValue(&nv))
	assert.Equal(t, value.Int(9), nv.Value)

	var out string
	nv = driver.NamedValue{Ordinal: 1, Value: sql.Out{Dest: &out}}
	err := c.CheckNamedValue(&nv)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "sql.Out")

	nv = driver.NamedValue{Ordinal: 1, Value: panickyValuer{}}
	err = c.CheckNamedValue(&nv)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "recovered panic")
}

type panickyValuer struct{}

func (panickyValuer) Value() (driver.Value, error) { panic("boom") }

func TestResult(t *testing.T) {
	r := result{rowsAffected: 3}
	n, err := r.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(3), n)
	_, err = r.LastInsertId()
	require.ErrorIs(t, err, ErrNoLastInsertID)
	assert.Contains(t, err.Error(), "no rowids")
}

func TestCheckArgs(t *testing.T) {
	params := []engine.ParamInfo{{Ordinal: 1}, {Ordinal: 2, Name: "id"}}
	one := value.Int(1)
	assert.NoError(t, checkArgs(params, []engine.Arg{{Ordinal: 1, Value: one}, {Name: "ID", Value: one}}),
		"names match case-insensitively")
	assert.NoError(t, checkArgs(params, []engine.Arg{{Ordinal: 1, Value: one}, {Ordinal: 2, Value: one}}),
		"a named parameter's slot can be bound by position")
	assert.NoError(t, checkArgs(nil, nil))

	cases := []struct {
		args []engine.Arg
		want string
	}{
		{[]engine.Arg{{Ordinal: 1, Value: one}}, "no argument for parameter :id"},
		{[]engine.Arg{{Name: "id", Value: one}}, "no argument for parameter ?1"},
		{[]engine.Arg{{Ordinal: 1}, {Name: "id"}, {Ordinal: 3}}, "3 arguments for a statement with 2 parameter(s)"},
		{[]engine.Arg{{Ordinal: 1}, {Name: "nope"}}, `argument "nope" matches no parameter`},
	}
	for _, tc := range cases {
		err := checkArgs(params, tc.args)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.want)
	}
}
