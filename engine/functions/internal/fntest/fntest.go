// Package fntest holds test helpers shared by the function packages that
// register into engine/functions (jsonfn, timefn).
package fntest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/engine/functions"
)

// RequireRegistered asserts that registering defs at init failed for none
// of them (errs is the package's RegistrationErrors) and that each is found
// under its name in functions.Default.
func RequireRegistered(t *testing.T, errs []error, defs []functions.Def) {
	t.Helper()
	require.Empty(t, errs)
	for _, d := range defs {
		got, err := functions.Lookup(d.Name, d.MinArgs)
		require.NoError(t, err, d.Name)
		assert.Equal(t, d.Name, got.Name)
	}
}
