package value

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBigIntNormalizesToInteger(t *testing.T) {
	assert.Equal(t, KindInteger, BigInt(big.NewInt(42)).Kind())
	huge, ok := new(big.Int).SetString("99999999999999999999999999", 10)
	require.True(t, ok)
	v := BigInt(huge)
	assert.Equal(t, KindBigInt, v.Kind())
	assert.Equal(t, "99999999999999999999999999", v.String())
	huge.SetInt64(1) // the value keeps its own copy
	assert.Equal(t, "99999999999999999999999999", v.Big().String())
}

func TestAccessorsByKind(t *testing.T) {
	assert.True(t, Null().IsNull())
	assert.Equal(t, int64(-7), Int(-7).Int())
	assert.True(t, math.Signbit(Float(math.Copysign(0, -1)).Float()))
	assert.Equal(t, "héllo", Text("héllo").Text())
	assert.Equal(t, []byte{0, 1}, Blob([]byte{0, 1}).Blob())
	assert.True(t, Bool(true).Bool())
	assert.False(t, Int(1).Bool())
}

func TestJSONCanonicalText(t *testing.T) {
	v, err := ParseJSON(`{"b": [1, 2.50, "<x>"], "a": null}`)
	require.NoError(t, err)
	assert.Equal(t, `{"a":null,"b":[1,2.50,"<x>"]}`, v.JSONText())
	_, err = ParseJSON(`{"a":1} x`)
	assert.Error(t, err)
	_, err = ParseJSON(`{"a":`)
	assert.Error(t, err)
}
