package types

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

// Short constructors for test tables.
var (
	null = value.Null()
	i    = value.Int
	f    = value.Float
	s    = value.Text
	bl   = func(b string) value.Value { return value.BlobString(b) }
	bo   = value.Bool
)

func big10(t testing.TB, digits string) value.Value {
	b, ok := new(big.Int).SetString(digits, 10)
	require.True(t, ok, digits)
	return value.BigInt(b)
}

func js(t testing.TB, text string) value.Value {
	v, err := value.ParseJSON(text)
	require.NoError(t, err)
	return v
}

// requireSame asserts kind and value identity (big integers by digits).
func requireSame(t *testing.T, want, got value.Value, msg ...any) {
	t.Helper()
	require.Equal(t, want.Kind(), got.Kind(), "kind of %v vs %v %v", want, got, msg)
	require.Equal(t, want.String(), got.String(), msg...)
}
