// Package valuetest holds test helpers on values (assertions and
// constructors that can fail the test), shared by the tests of several
// packages: keyenc, rowenc, engine/types, engine/functions.
package valuetest

import (
	"math"
	"math/big"
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

// RequireSame fails the test unless got has want's kind and spelling
// (String), so that big integers compare by their digits.
func RequireSame(t testing.TB, want, got value.Value, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want.Kind(), got.Kind(), "kind: want %v got %v %v", want, got, msgAndArgs)
	require.Equal(t, want.String(), got.String(), msgAndArgs...)
}

// BigInt is the integer value spelled by decimal digits (a big integer when
// it is outside the int64 range).
func BigInt(t testing.TB, digits string) value.Value {
	t.Helper()
	b, ok := new(big.Int).SetString(digits, 10)
	require.True(t, ok, digits)
	return value.BigInt(b)
}

// JSON is the JSON value parsed from text.
func JSON(t testing.TB, text string) value.Value {
	t.Helper()
	v, err := value.ParseJSON(text)
	require.NoError(t, err)
	return v
}
