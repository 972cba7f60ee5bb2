package keyenc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
	"github.com/quereus/quereus/storage/value/valuetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectedDecoding is what a key component decodes to: integral numbers as
// integers, text in its collation key form, everything else unchanged.
func expectedDecoding(v value.Value, c Column) value.Value {
	switch v.Kind() {
	case value.KindBoolean:
		return value.Int(boolInt(v.Bool()))
	case value.KindReal:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return value.Float(math.Float64frombits(canonicalNaN))
		case !math.IsInf(f, 0) && f == math.Trunc(f):
			return value.BigInt(doubleToBig(f))
		}
	case value.KindText:
		return value.Text(c.Collation.Normalize(v.Text()))
	case value.KindJSON:
		canon, err := value.ParseJSON(string(appendJSONKey(nil, v.JSONDoc())))
		if err != nil {
			panic(err)
		}
		return canon
	}
	return v
}

func TestRoundTripRandomTuples(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 37))
	edges := edgeNumbers()
	for range 3000 {
		cols := randomColumns(r, 1+r.IntN(4))
		vals := make([]value.Value, len(cols))
		for i := range vals {
			vals[i] = randomValue(r, edges)
		}
		key := EncodeKey(vals, cols)
		suffix := []byte{0xAB}
		got, rest, err := DecodeKey(append(key, suffix...), cols)
		require.NoError(t, err, "%v %x", vals, key)
		require.Equal(t, suffix, rest)
		require.Len(t, got, len(vals))
		for i := range vals {
			valuetest.RequireIdentical(t, expectedDecoding(vals[i], cols[i]), got[i])
		}
		require.Equal(t, key, EncodeKey(got, cols), "re-encoding the decoded key")
		after, err := SkipKey(key, cols)
		require.NoError(t, err)
		require.Empty(t, after)
	}
}

func TestDecodeKeyIntoReusesStorage(t *testing.T) {
	cols := []Column{{}, {Collation: collation.NoCase, Desc: true}}
	key := EncodeKey([]value.Value{value.Int(42), value.Text("Hello")}, cols)
	buf := make([]value.Value, 0, 4)
	got, rest, err := DecodeKeyInto(buf, key, cols)
	require.NoError(t, err)
	require.Empty(t, rest)
	assert.Equal(t, []value.Value{value.Int(42), value.Text("hello")}, got)
	assert.Same(t, &buf[:1][0], &got[0])
}

func TestDecodeIntegersAndReals(t *testing.T) {
	cases := []struct {
		in, want value.Value
	}{
		{value.Float(5), value.Int(5)},
		{value.Float(copySignZero()), value.Int(0)},
		{value.Float(-2.5), value.Float(-2.5)},
		{value.Float(1 << 63), value.BigInt(pow2(63))},
		{value.Float(-(1 << 63)), value.Int(math.MinInt64)},
		{value.Int(math.MaxInt64), value.Int(math.MaxInt64)},
		{value.Int(math.MinInt64), value.Int(math.MinInt64)},
		{value.BigInt(addBig(pow2(1024), 7)), value.BigInt(addBig(pow2(1024), 7))},
		{value.Float(math.Inf(-1)), value.Float(math.Inf(-1))},
		{value.Bool(true), value.Int(1)},
	}
	for _, tc := range cases {
		got, rest, err := DecodeValue(AppendValue(nil, tc.in, Column{}), Column{})
		require.NoError(t, err, "%v", tc.in)
		require.Empty(t, rest)
		valuetest.RequireIdentical(t, tc.want, got)
	}
}

func TestLayout(t *testing.T) {
	cases := []struct {
		v    value.Value
		col  Column
		want []byte
	}{
		{value.Null(), Column{}, []byte{0x00}},
		{value.Null(), Column{Desc: true}, []byte{0xFF}},
		{value.Int(5), Column{}, []byte{0x01, 0xC0, 0x14, 0, 0, 0, 0, 0, 0, 0x02}},
		{value.Int(-1), Column{}, []byte{0x01, 0x40, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02}},
		// 2^63-1: nearest double 2^63, residual -1 (marker 01, then ^(L=1, M=01)).
		{value.Int(math.MaxInt64), Column{}, []byte{0x01, 0xC3, 0xE0, 0, 0, 0, 0, 0, 0, 0x01, 0xFE, 0xFE}},
		// 2^53+1: nearest double 2^53 (ties to even), residual +1.
		{value.Int(1<<53 + 1), Column{}, []byte{0x01, 0xC3, 0x40, 0, 0, 0, 0, 0, 0, 0x03, 0x01, 0x01}},
		{value.Text("a\x00b\x01"), Column{}, []byte{0x03, 'a', 0x01, 0x01, 'b', 0x01, 0x02, 0x00}},
		{value.Text("AB"), Column{Collation: collation.NoCase}, []byte{0x03, 'a', 'b', 0x00}},
		{value.Text("ab  "), Column{Collation: collation.RTrim, Desc: true}, []byte{^byte(0x03), ^byte('a'), ^byte('b'), 0xFF}},
		{value.BlobString("\x00"), Column{}, []byte{0x04, 0x01, 0x01, 0x00}},
		{mustJSON(t, `{"b":1.0,"a":2.50}`), Column{}, append(append([]byte{0x05}, `{"a":2.5,"b":1}`...), 0x00)},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, AppendValue(nil, tc.v, tc.col), "%v", tc.v)
	}
}

func TestOrderedLengthIsOrdered(t *testing.T) {
	lengths := []uint64{0, 1, 0xF6, 0xF7, 0xF8, 0xFF, 0x100, 0xFFFF, 0x10000, 1 << 40, math.MaxUint64}
	for i, n := range lengths {
		enc := appendLength(nil, n)
		got, used, err := readLength(enc, 0)
		require.NoError(t, err)
		require.Equal(t, n, got)
		require.Equal(t, len(enc), used)
		if i > 0 {
			require.Equal(t, 1, compareBytes(enc, appendLength(nil, lengths[i-1])), "%d vs %d", n, lengths[i-1])
		}
	}
}

func mustJSON(t *testing.T, s string) value.Value {
	v, err := value.ParseJSON(s)
	require.NoError(t, err)
	return v
}
