// Package fntest holds test helpers shared by the function packages that
// register into engine/functions (jsonfn, timefn): table-driven calls of a
// function implementation and the check that a package's definitions are
// registered.
package fntest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// ShowScalar renders NULL, integers, reals, text and booleans with their
// kind, so that tests pin both: "NULL", "int:1", "real:1.5" (reals spelled
// as types.FormatReal), "text:a", "bool:true". ok is false for the other
// kinds, which each package renders its own way.
func ShowScalar(v value.Value) (s string, ok bool) {
	switch v.Kind() {
	case value.KindNull:
		return "NULL", true
	case value.KindInteger:
		return fmt.Sprintf("int:%d", v.Int()), true
	case value.KindReal:
		return "real:" + types.FormatReal(v.Float()), true
	case value.KindText:
		return "text:" + v.Text(), true
	case value.KindBoolean:
		return fmt.Sprintf("bool:%t", v.Bool()), true
	}
	return "", false
}

// Case is one call of a function implementation and the expected rendering
// of its result. Test packages define their own type on it (type fnCase
// fntest.Case) so that their case tables may list the fields in order.
type Case struct {
	Name string
	Fn   func([]value.Value) (value.Value, error)
	Args []value.Value
	Want string
}

// Run runs c as a subtest: the call must succeed and show (the package's
// rendering of a value with its kind) must give c.Want.
func Run(t *testing.T, c Case, show func(value.Value) string) {
	t.Helper()
	t.Run(c.Name, func(t *testing.T) {
		got, err := c.Fn(c.Args)
		require.NoError(t, err)
		assert.Equal(t, c.Want, show(got))
	})
}

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
