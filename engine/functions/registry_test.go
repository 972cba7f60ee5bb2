package functions

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

func TestLookupArityAndCase(t *testing.T) {
	d, err := Lookup("ABS", 1)
	require.NoError(t, err)
	assert.Equal(t, "abs", d.Name)
	for _, c := range []struct {
		name string
		n    int
	}{{"abs", 0}, {"abs", 2}, {"length", 0}, {"round", 3}, {"non_existent_function", 1}, {"random", 1}, {"randomblob", 0}} {
		_, err := Lookup(c.name, c.n)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "Function not found: "+c.name)
	}
	_, err = Lookup("totally_made_up", 3)
	assert.EqualError(t, err, "Function not found: totally_made_up/3")
}

func TestRegistryLayeringAndOverloads(t *testing.T) {
	r := NewRegistry(Default)
	one := func(v value.Value) ScalarFunc {
		return func([]value.Value) (value.Value, error) { return v, nil }
	}
	require.NoError(t, r.Register(Def{Name: "MyFn", MinArgs: 0, MaxArgs: 1, Scalar: one(value.Int(1))}))
	require.NoError(t, r.Register(Def{Name: "myfn", MinArgs: 2, MaxArgs: Variadic, Scalar: one(value.Int(2))}))
	assert.Error(t, r.Register(Def{Name: "MYFN", MinArgs: 1, MaxArgs: 1, Scalar: one(value.Int(3))}), "overlap")
	d, err := r.Lookup("myfn", 5)
	require.NoError(t, err)
	v, _ := d.Call(nil, nil)
	assert.Equal(t, value.Int(2), v)
	// Falls back to the parent.
	_, err = r.Lookup("abs", 1)
	require.NoError(t, err)
	// The parent does not see the child's functions.
	_, err = Default.Lookup("myfn", 0)
	assert.Error(t, err)
	// A local overload shadows the parent's.
	require.NoError(t, r.Register(Def{Name: "abs", MinArgs: 1, MaxArgs: 1, Scalar: one(value.Int(7))}))
	d, err = r.Lookup("abs", 1)
	require.NoError(t, err)
	v, _ = d.Call(nil, []value.Value{value.Int(-1)})
	assert.Equal(t, value.Int(7), v)
	// Replace swaps overlapping overloads.
	require.NoError(t, r.Replace(Def{Name: "myfn", MinArgs: 1, MaxArgs: 1, Scalar: one(value.Int(9))}))
	d, err = r.Lookup("myfn", 1)
	require.NoError(t, err)
	v, _ = d.Call(nil, nil)
	assert.Equal(t, value.Int(9), v)
	_, err = r.Lookup("myfn", 0)
	assert.Error(t, err, "the replaced 0..1 overload is gone")
	assert.True(t, r.Exists("MYFN"))
	assert.False(t, r.Exists("nope"))
	assert.Contains(t, r.Names(), "myfn")
	assert.Contains(t, r.Names(), "abs")
}

func TestRegisterValidation(t *testing.T) {
	r := NewRegistry(nil)
	fn := func([]value.Value) (value.Value, error) { return value.Null(), nil }
	assert.Error(t, r.Register(Def{Name: "", Scalar: fn}))
	assert.Error(t, r.Register(Def{Name: "x", MinArgs: 2, MaxArgs: 1, Scalar: fn}))
	assert.Error(t, r.Register(Def{Name: "x", MinArgs: -1, MaxArgs: 1, Scalar: fn}))
	assert.Error(t, r.Register(Def{Name: "x", MinArgs: 0, MaxArgs: 1}), "no body")
	assert.Error(t, r.Register(Def{Name: "x", MinArgs: 0, MaxArgs: 1, Scalar: fn,
		NewAggregate: func() Aggregate { return &countAgg{} }}), "two bodies")
	assert.Error(t, r.Register(Def{Name: "x", MinArgs: 0, MaxArgs: MaxCallArgs + 1, Scalar: fn}))
	assert.Panics(t, func() { MustRegister(Def{Name: "abs", MinArgs: 1, MaxArgs: 1, Scalar: fn}) })
}

func TestRegisterAllCollectsErrors(t *testing.T) {
	fn := func([]value.Value) (value.Value, error) { return value.Null(), nil }
	errs := RegisterAll([]Def{
		{Name: "abs", MinArgs: 1, MaxArgs: 1, Scalar: fn}, // clashes with the builtin
		{Name: "", Scalar: fn},                            // invalid
	})
	assert.Len(t, errs, 2)
	assert.Empty(t, RegisterAll(nil))
}

func TestRegistryConcurrentUse(t *testing.T) {
	r := NewRegistry(Default)
	fn := func([]value.Value) (value.Value, error) { return value.Null(), nil }
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				_ = r.Replace(Def{Name: "udf", MinArgs: g, MaxArgs: g, Scalar: fn})
				_, _ = r.Lookup("udf", g)
				_, _ = r.Lookup("abs", 1)
			}
		}(g)
	}
	wg.Wait()
	for g := 0; g < 4; g++ {
		_, err := r.Lookup("udf", g)
		assert.NoError(t, err)
	}
}

func TestDeterminismFlags(t *testing.T) {
	for _, name := range []string{"random", "randomblob"} {
		d, err := Default.Lookup(name, map[string]int{"random": 0, "randomblob": 1}[name])
		require.NoError(t, err)
		assert.False(t, d.Deterministic, name)
	}
	for _, name := range []string{"abs", "lower", "coalesce", "sum"} {
		d, err := Default.Lookup(name, 1)
		require.NoError(t, err)
		assert.True(t, d.Deterministic, name)
	}
}

func TestPlanTimeTypes(t *testing.T) {
	for _, name := range []string{"abs", "floor", "sqrt", "round", "ceil", "ceiling"} {
		d, err := Lookup(name, 1)
		require.NoError(t, err)
		err = d.CheckArgTypes([]types.Type{types.Text})
		require.Error(t, err, name)
		assert.Equal(t, "Invalid argument types for function "+name, err.Error())
		assert.NoError(t, d.CheckArgTypes([]types.Type{types.Any}), name)
		assert.NoError(t, d.CheckArgTypes([]types.Type{types.Null}), name)
		assert.NoError(t, d.CheckArgTypes([]types.Type{types.Real}), name)
	}
	clamp, _ := Lookup("clamp", 3)
	assert.Error(t, clamp.CheckArgTypes([]types.Type{types.Text, types.Integer, types.Integer}))
	lower, _ := Lookup("lower", 1)
	assert.NoError(t, lower.CheckArgTypes([]types.Type{types.Integer}))
	assert.Equal(t, types.Text, lower.ResultType([]types.Type{types.Text}))
	abs, _ := Lookup("abs", 1)
	assert.Equal(t, types.Integer, abs.ResultType([]types.Type{types.Integer}))
	coalesce, _ := Lookup("coalesce", 2)
	assert.Equal(t, types.Integer, coalesce.ResultType([]types.Type{types.Null, types.Integer}))
	assert.Equal(t, types.Numeric, coalesce.ResultType([]types.Type{types.Integer, types.Real}))
	assert.Equal(t, types.Any, coalesce.ResultType([]types.Type{types.Integer, types.Text}))
	length, _ := Lookup("length", 1)
	assert.Equal(t, types.Integer, length.ResultType(nil))
	count, _ := Lookup("count", 0)
	assert.True(t, count.IsAggregate())
	assert.Equal(t, types.Integer, count.ResultType(nil))
	_, err := count.Call(nil, nil)
	assert.Error(t, err, "an aggregate is not callable as a scalar")
}

func TestCallPrefersCollatedVariant(t *testing.T) {
	r := NewRegistry(nil)
	var seen *collation.Collation
	require.NoError(t, r.Register(Def{Name: "onlycoll", MinArgs: 0, MaxArgs: 0,
		ScalarCollated: func(c *collation.Collation, _ []value.Value) (value.Value, error) {
			seen = c
			return value.Int(1), nil
		}}))
	d, err := r.Lookup("onlycoll", 0)
	require.NoError(t, err)
	v, err := d.Call(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, value.Int(1), v)
	assert.Nil(t, seen)
	_, err = d.Call(collation.NoCase, nil)
	require.NoError(t, err)
	assert.Equal(t, collation.NoCase, seen)
}
