package jsonfn

import (
	"testing"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/functions/internal/fntest"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistered(t *testing.T) {
	fntest.RequireRegistered(t, RegistrationErrors, Defs())
	def, err := functions.Lookup("JSON_EXTRACT", 2)
	require.NoError(t, err)
	v, err := def.Call(nil, []value.Value{value.Text(`{"a":[1,2]}`), value.Text("$.a[1]")})
	require.NoError(t, err)
	assert.Equal(t, "int:2", show(v))

	agg, err := functions.Lookup("json_group_array", 1)
	require.NoError(t, err)
	require.True(t, agg.IsAggregate())
	a := agg.NewAggregate()
	require.NoError(t, a.Step([]value.Value{value.Int(1)}))
	assert.Equal(t, "json:[1]", show(Must(a.Result())))

	patch, err := functions.Lookup("json_patch", 2)
	require.NoError(t, err)
	assert.False(t, patch.Deterministic)
}
