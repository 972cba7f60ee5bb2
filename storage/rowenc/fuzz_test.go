package rowenc

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/quereus/quereus/storage/value/valuetest"
)

// FuzzDecodeRow feeds arbitrary bytes to the decoder: it must never panic, and
// whatever it accepts must re-encode to bytes that decode to the same row.
func FuzzDecodeRow(f *testing.F) {
	edges := edgeValues()
	f.Add(EncodeRow(value.Row(edges)))
	for i := range edges {
		f.Add(EncodeRow(value.Row{edges[i], edges[len(edges)-1-i]}))
	}
	f.Add([]byte{0x01, 0x00})
	f.Add([]byte{0x01, 0x02, tagInt, 0x80, tagReal, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		row, err := DecodeRow(b)
		if n, cerr := ColumnCount(b); cerr == nil {
			// The projected decoder (with its inline integer and real
			// paths) accepts exactly what DecodeRow does, with the same values.
			pos := make([]int, n)
			for i := range pos {
				pos[i] = n - 1 - i
			}
			proj := make(value.Row, n)
			perr := DecodeRowProjected(proj, b, pos)
			if (perr == nil) != (err == nil) {
				t.Fatalf("DecodeRow: %v, DecodeRowProjected: %v", err, perr)
			}
			for i := range row {
				valuetest.RequireIdentical(t, row[i], proj[n-1-i])
			}
		}
		if err != nil {
			return
		}
		again := EncodeRow(row)
		row2, err := DecodeRow(again)
		if err != nil {
			t.Fatalf("re-encoded row does not decode: %v", err)
		}
		if len(row2) != len(row) {
			t.Fatalf("length changed: %d -> %d", len(row), len(row2))
		}
		for i := range row {
			valuetest.RequireIdentical(t, row[i], row2[i])
			v, present, err := DecodeColumn(b, i)
			if err != nil || !present {
				t.Fatalf("DecodeColumn(%d): %v %v", i, present, err)
			}
			valuetest.RequireIdentical(t, row[i], v)
		}
		if string(EncodeRow(row2)) != string(again) {
			t.Fatalf("encoding not stable")
		}
	})
}
