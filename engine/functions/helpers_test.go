package functions

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
	"github.com/quereus/quereus/storage/value/valuetest"
)

var (
	null = value.Null()
	i    = value.Int
	f    = value.Float
	s    = value.Text
	bl   = func(b string) value.Value { return value.BlobString(b) }
	bo   = value.Bool
)

// Values that can fail the test, and the kind-and-spelling assertion.
var (
	bigv = valuetest.BigInt
	jsv  = valuetest.JSON
	same = valuetest.RequireSame
)

// call looks a scalar up in Default and runs it.
func call(t *testing.T, name string, args ...value.Value) value.Value {
	t.Helper()
	d, err := Lookup(name, len(args))
	require.NoError(t, err, name)
	v, err := d.Call(nil, args)
	require.NoError(t, err, name)
	return v
}

// callErr looks a scalar up and runs it, returning its error.
func callErr(t *testing.T, name string, args ...value.Value) error {
	t.Helper()
	d, err := Lookup(name, len(args))
	require.NoError(t, err, name)
	_, err = d.Call(nil, args)
	return err
}

// aggregate runs an aggregate over rows of arguments.
func aggregate(t *testing.T, name string, nargs int, rows ...[]value.Value) value.Value {
	t.Helper()
	d, err := Lookup(name, nargs)
	require.NoError(t, err, name)
	require.True(t, d.IsAggregate(), name)
	a := d.NewAggregate()
	for _, r := range rows {
		require.NoError(t, a.Step(r))
	}
	v, err := a.Result()
	require.NoError(t, err)
	return v
}

// col turns values into one-argument rows.
func col(vs ...value.Value) [][]value.Value {
	rows := make([][]value.Value, len(vs))
	for k, v := range vs {
		rows[k] = []value.Value{v}
	}
	return rows
}

type scalarCase struct {
	name string
	args []value.Value
	want value.Value
}

func args(vs ...value.Value) []value.Value { return vs }

func runScalarCases(t *testing.T, cases []scalarCase) {
	t.Helper()
	for _, c := range cases {
		same(t, c.want, call(t, c.name, c.args...), "%s%v", c.name, c.args)
	}
}
