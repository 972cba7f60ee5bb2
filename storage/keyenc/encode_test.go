package keyenc

import (
	"math"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
)

func TestEncodingCommonValuesDoesNotAllocate(t *testing.T) {
	buf := make([]byte, 0, 128)
	cases := []struct {
		v   value.Value
		col Column
	}{
		{value.Int(42), Column{}},
		{value.Int(math.MaxInt64), Column{Desc: true}},
		{value.Float(-2.5), Column{}},
		{value.Bool(true), Column{}},
		{value.Text("Hello World"), Column{Collation: collation.NoCase}},
		{value.Text("Ünïcödé Σ"), Column{Collation: collation.NoCase, Desc: true}},
		{value.Text("padded   "), Column{Collation: collation.RTrim}},
		{value.BlobString("\x00\x01\x02"), Column{}},
	}
	for _, tc := range cases {
		allocs := testing.AllocsPerRun(50, func() { buf = AppendValue(buf[:0], tc.v, tc.col) })
		assert.Zero(t, allocs, "%v", tc.v)
	}
}

func TestTextWithLowBytesUnderNoCase(t *testing.T) {
	col := Column{Collation: collation.NoCase}
	got := AppendValue([]byte{0xAA}, value.Text("A\x00B\x01"), col)
	assert.Equal(t, []byte{0xAA, 0x03, 'a', 0x01, 0x01, 'b', 0x01, 0x02, 0x00}, got)
}
