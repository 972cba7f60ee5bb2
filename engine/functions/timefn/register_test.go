package timefn

import (
	"testing"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/functions/internal/fntest"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistered(t *testing.T) {
	fntest.RequireRegistered(t, RegistrationErrors, Defs())
	call := func(name string, args ...value.Value) string {
		def, err := functions.Lookup(name, len(args))
		require.NoError(t, err, name)
		v, err := def.Call(nil, args)
		require.NoError(t, err, name)
		return show(v)
	}
	// One argument: the conversion (canonical T form); more: SQLite's form.
	assert.Equal(t, "text:2024-03-15T14:30:00", call("datetime", t_("2024-03-15 14:30")))
	assert.Equal(t, "text:2024-03-15 14:30:00", call("DATETIME", t_("2024-03-15 14:30"), t_("+0 days")))
	assert.Equal(t, "NULL", call("date"))
	def, err := functions.Lookup("date", 1)
	require.NoError(t, err)
	assert.False(t, def.Deterministic, "date('now') is not deterministic")
	def, err = functions.Lookup("timespan", 1)
	require.NoError(t, err)
	assert.True(t, def.Deterministic)
	assert.Equal(t, types.Timespan, def.ReturnType)
}

func TestTemporalNormalizersInstalled(t *testing.T) {
	cases := []struct {
		t        types.Type
		in, want string
	}{
		{types.Date, "2024-01-15T01:30:00+02:00", "2024-01-14"},
		{types.Time, "2024-01-15T10:30:00+02:00", "08:30:00"},
		{types.DateTime, "2017-07-14T04:40:00+02:00", "2017-07-14T02:40:00"},
		{types.DateTime, "2017-07-14T02:40:00+00:00[UTC]", "2017-07-14T02:40:00"},
		{types.Timespan, "90 minutes", "PT90M"},
	}
	for _, c := range cases {
		got, ok := types.NormalizeTemporal(c.t, c.in)
		require.True(t, ok, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	_, ok := types.NormalizeTemporal(types.Date, "2023-02-29")
	assert.False(t, ok)
	assert.Equal(t, "text:2024-01-14", show(types.Cast(t_("2024-01-15T01:30:00+02:00"), types.Date)))
}
