package rowenc

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeRowNeededSkipsUnneededColumns(t *testing.T) {
	row := edgeValues()
	b := EncodeRow(row)
	for _, every := range []int{1, 2, 3} {
		need := make([]bool, len(row)-1) // the last column lies past need: decoded
		for i := range need {
			need[i] = i%every == 0
		}
		got, err := DecodeRowNeeded(value.Row{value.Int(99)}, b, need)
		require.NoError(t, err)
		require.Len(t, got, len(row))
		for i := range row {
			if i < len(need) && !need[i] {
				assert.True(t, got[i].IsNull(), "column %d is skipped", i)
				continue
			}
			requireIdenticalRows(t, value.Row{row[i]}, value.Row{got[i]})
		}
	}
	all, err := DecodeRowNeeded(nil, b, nil)
	require.NoError(t, err)
	requireIdenticalRows(t, row, all)
}

func TestDecodeRowNeededStillChecksSkippedBytes(t *testing.T) {
	b := EncodeRow(value.Row{value.Text("abc"), value.Int(1)})
	_, err := DecodeRowNeeded(nil, b[:len(b)-3], []bool{false, true})
	assert.ErrorIs(t, err, ErrCorrupt)
	_, err = DecodeRowNeeded(nil, append(b, 0), []bool{false, false})
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestDecodeRowProjectedPlacesColumns(t *testing.T) {
	row := value.Row{value.Int(1), value.Text("skip"), value.Float(2.5), value.Text("b"), value.Null()}
	b := EncodeRow(row)
	dst := make(value.Row, 3)
	require.NoError(t, DecodeRowProjected(dst, b, []int{2, -1, 0, 1}))
	requireIdenticalRows(t, value.Row{value.Float(2.5), value.Text("b"), value.Int(1)}, dst)
	// A column past the row's end leaves its output untouched (NULL).
	short := EncodeRow(row[:2])
	dst = make(value.Row, 2)
	require.NoError(t, DecodeRowProjected(dst, short, []int{-1, 1, 0}))
	requireIdenticalRows(t, value.Row{value.Null(), value.Text("skip")}, dst)
	assert.ErrorIs(t, DecodeRowProjected(make(value.Row, 1), b[:len(b)-2], []int{0}), ErrCorrupt)
}
