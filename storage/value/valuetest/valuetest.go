// Package valuetest holds test assertions on values, shared by the tests of
// the packages that encode and decode them (keyenc, rowenc).
package valuetest

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

// RequireIdentical fails the test unless got is the very value want: the
// same kind, reals by their IEEE-754 bits (so -0 and NaN payloads count),
// big integers by value, JSON documents by their text, and every other kind
// by ==.
func RequireIdentical(t testing.TB, want, got value.Value) {
	t.Helper()
	require.Equal(t, want.Kind(), got.Kind(), "want %v got %v", want, got)
	switch want.Kind() {
	case value.KindReal:
		require.Equal(t, math.Float64bits(want.Float()), math.Float64bits(got.Float()), "want %v got %v", want, got)
	case value.KindBigInt:
		require.Zero(t, want.Big().Cmp(got.Big()), "want %v got %v", want, got)
	case value.KindJSON:
		require.Equal(t, want.JSONText(), got.JSONText())
	default:
		require.Equal(t, want, got)
	}
}
