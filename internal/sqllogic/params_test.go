package sqllogic

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBindArgsArray(t *testing.T) {
	args, err := bindArgs(`[1, 20.0, 2.5, -0, 9007199254740991, 9007199254740992, 1e2, "s", true, null, [1], {"a":1}]`)
	require.NoError(t, err)
	assert.Equal(t, []any{int64(1), int64(20), 2.5, int64(0), int64(9007199254740991), 9007199254740992.0,
		int64(100), "s", true, nil, "[1]", `{"a":1}`}, args)
}

func TestBindArgsObject(t *testing.T) {
	args, err := bindArgs(`{"name": "gamma", "min": 15, "2": "second", "1": 1.5}`)
	require.NoError(t, err)
	assert.Equal(t, []any{1.5, "second", sql.Named("min", int64(15)), sql.Named("name", "gamma")}, args)

	args, err = bindArgs(`{"3": 1}`)
	require.NoError(t, err)
	assert.Equal(t, []any{nil, nil, int64(1)}, args, "gaps bind NULL")

	args, err = bindArgs(`{}`)
	require.NoError(t, err)
	assert.Empty(t, args)
}

func TestBindArgsErrors(t *testing.T) {
	for _, raw := range []string{`1`, `"x"`, `[1`, `{"0": 1}`, `{"99999": 1}`, `[1] [2]`} {
		_, err := bindArgs(raw)
		assert.Error(t, err, raw)
	}
	args, err := bindArgs("")
	require.NoError(t, err)
	assert.Nil(t, args)
}
