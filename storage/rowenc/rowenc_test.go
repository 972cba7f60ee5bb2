package rowenc

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/quereus/quereus/storage/value/valuetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireIdentical checks exact equality, including float bit patterns.
func requireIdenticalRows(t *testing.T, want, got value.Row) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		valuetest.RequireIdentical(t, want[i], got[i])
	}
}

func bigFrom(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

func mustJSON(s string) value.Value {
	v, err := value.ParseJSON(s)
	if err != nil {
		panic(err)
	}
	return v
}

func edgeValues() []value.Value {
	return []value.Value{
		value.Null(), value.Int(0), value.Int(-1), value.Int(63), value.Int(-64), value.Int(64),
		value.Int(math.MaxInt64), value.Int(math.MinInt64),
		value.BigInt(bigFrom("9223372036854775808")), value.BigInt(bigFrom("-9223372036854775809")),
		value.BigInt(bigFrom("99999999999999999999999999")), value.BigInt(bigFrom("-99999999999999999999999999")),
		value.Float(0), value.Float(math.Copysign(0, -1)), value.Float(math.Inf(1)), value.Float(math.Inf(-1)),
		value.Float(math.NaN()), value.Float(math.Float64frombits(0xFFF8000000000001)),
		value.Float(math.Float64frombits(0x7FF0000000000001)), value.Float(math.SmallestNonzeroFloat64), value.Float(1.5),
		value.Text(""), value.Text("hello"), value.Text("a\x00b"), value.Text("\xff\xfe invalid"), value.Text("héllo 😀"),
		value.Blob(nil), value.Blob([]byte{0, 1, 2, 0xFF}),
		value.Bool(true), value.Bool(false),
		mustJSON(`{"b":[1,2.50,"x"],"a":null}`), mustJSON(`"s"`), mustJSON(`null`), mustJSON(`[]`),
	}
}

func TestRoundTripEveryKind(t *testing.T) {
	row := value.Row(edgeValues())
	enc := EncodeRow(row)
	require.Equal(t, formatVersion, enc[0])
	got, err := DecodeRow(enc)
	require.NoError(t, err)
	requireIdenticalRows(t, row, got)
	n, err := ColumnCount(enc)
	require.NoError(t, err)
	require.Equal(t, len(row), n)
	for i, want := range row {
		v, present, err := DecodeColumn(enc, i)
		require.NoError(t, err)
		require.True(t, present)
		valuetest.RequireIdentical(t, want, v)
	}
	_, present, err := DecodeColumn(enc, len(row))
	require.NoError(t, err)
	assert.False(t, present, "a column added later is absent")
	_, present, err = DecodeColumn(enc, -1)
	require.NoError(t, err)
	assert.False(t, present)
}

func TestRoundTripRandomRows(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	edges := edgeValues()
	var buf []byte
	var into value.Row
	for range 3000 {
		row := make(value.Row, r.IntN(8))
		for i := range row {
			switch r.IntN(5) {
			case 0:
				row[i] = value.Int(int64(r.Uint64()) >> r.IntN(64))
			case 1:
				row[i] = value.Float(math.Float64frombits(r.Uint64()))
			default:
				row[i] = edges[r.IntN(len(edges))]
			}
		}
		buf = AppendRow(buf[:0], row)
		var err error
		into, err = DecodeRowInto(into, buf)
		require.NoError(t, err)
		requireIdenticalRows(t, row, into)
	}
}

func TestEmptyRowAndLayout(t *testing.T) {
	assert.Equal(t, []byte{0x01, 0x00}, EncodeRow(nil))
	row, err := DecodeRow([]byte{0x01, 0x00})
	require.NoError(t, err)
	assert.Empty(t, row)
	assert.Equal(t, []byte{0x01, 0x04, 0x00, 0x01, 0x54, 0x05, 0x01, 'a', 0x08},
		EncodeRow(value.Row{value.Null(), value.Int(42), value.Text("a"), value.Bool(true)}))
}

func TestOlderRowsDecodeShorter(t *testing.T) {
	old := EncodeRow(value.Row{value.Int(1), value.Text("x")})
	row, err := DecodeRow(old)
	require.NoError(t, err)
	assert.Len(t, row, 2, "no padding: the engine fills defaults for columns added later")
}

func TestDecodeRejectsCorruptInput(t *testing.T) {
	valid := EncodeRow(value.Row{value.Int(300), value.Text("abc"), value.Float(1)})
	cases := map[string][]byte{
		"empty":             nil,
		"bad version":       {0x02, 0x00},
		"version 0":         {0x00},
		"missing count":     {0x01},
		"bad count varint":  {0x01, 0x80},
		"count too big":     {0x01, 0x05, 0x00},
		"count over max":    append([]byte{0x01, 0x80, 0x80, 0x02}, make([]byte, 40000)...),
		"unknown tag":       {0x01, 0x01, 0x0A},
		"truncated int":     {0x01, 0x01, 0x01, 0x80},
		"truncated real":    {0x01, 0x01, 0x04, 0, 0, 0},
		"text past end":     {0x01, 0x01, 0x05, 0x05, 'a'},
		"huge text length":  {0x01, 0x01, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01},
		"invalid JSON":      {0x01, 0x01, 0x09, 0x01, '{'},
		"trailing bytes":    append(append([]byte{}, valid...), 0x00),
		"truncated valid":   valid[:len(valid)-1],
		"big past end":      {0x01, 0x01, 0x02, 0x09, 0x01},
		"varint too long":   {0x01, 0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01},
		"missing values":    {0x01, 0x02, 0x00},
		"truncated tag run": {0x01, 0x03, 0x00, 0x00},
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := DecodeRow(b)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrCorrupt)
		})
	}
	_, _, err := DecodeColumn([]byte{0x01, 0x02, 0x0B, 0x00}, 1)
	assert.ErrorIs(t, err, ErrCorrupt, "a corrupt earlier value is reported while skipping")
}

func TestDecodeRowIntoAllocations(t *testing.T) {
	row := value.Row{value.Int(7), value.Float(2.5), value.Bool(true), value.Null(), value.Int(-99)}
	enc := EncodeRow(row)
	dst := make(value.Row, 0, 8)
	allocs := testing.AllocsPerRun(100, func() {
		var err error
		dst, err = DecodeRowInto(dst, enc)
		if err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "scalar rows decode without allocating")
	withText := EncodeRow(value.Row{value.Text("a"), value.Int(1), value.BlobString("bb"), value.Text("ccc")})
	allocs = testing.AllocsPerRun(100, func() {
		var err error
		dst, err = DecodeRowInto(dst, withText)
		if err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 1.0, allocs, "a row's strings share one allocation")
	assert.Equal(t, "ccc", dst[3].Text())
}

func TestDecodedValuesDoNotAliasInput(t *testing.T) {
	enc := EncodeRow(value.Row{value.Text("abc"), value.BlobString("xyz")})
	row, err := DecodeRow(enc)
	require.NoError(t, err)
	for i := range enc {
		enc[i] = 0
	}
	assert.Equal(t, "abc", row[0].Text())
	assert.Equal(t, "xyz", row[1].Text())
}
