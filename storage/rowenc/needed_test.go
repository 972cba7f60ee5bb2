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
