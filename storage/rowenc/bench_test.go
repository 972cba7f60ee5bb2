package rowenc

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
)

var benchRow = value.Row{
	value.Int(42), value.Text("alice@example.com"), value.Text("Alice"), value.Float(1234.5), value.Bool(true),
}

func BenchmarkEncodeRow5(b *testing.B) {
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendRow(buf[:0], benchRow)
	}
}

func BenchmarkDecodeRow5(b *testing.B) {
	enc := EncodeRow(benchRow)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeRow(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeRowInto5(b *testing.B) {
	enc := EncodeRow(benchRow)
	dst := make(value.Row, 0, 8)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if dst, err = DecodeRowInto(dst, enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeColumn(b *testing.B) {
	enc := EncodeRow(benchRow)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := DecodeColumn(enc, 3); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeRowNeeded5 decodes the integer and real columns of the row
// into a reused buffer, skipping both texts (a scan reading two columns).
func BenchmarkDecodeRowNeeded5(b *testing.B) {
	enc := EncodeRow(benchRow)
	dst := make(value.Row, 0, 8)
	need := []bool{true, false, false, true, false}
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if dst, err = DecodeRowNeeded(dst, enc, need); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeRowProjected5 decodes three of the five columns straight
// into a new three-value row (a scan feeding a column projection).
func BenchmarkDecodeRowProjected5(b *testing.B) {
	enc := EncodeRow(benchRow)
	pos := []int{0, -1, 1, 2, -1}
	b.ReportAllocs()
	for b.Loop() {
		if err := DecodeRowProjected(make(value.Row, 3), enc, pos); err != nil {
			b.Fatal(err)
		}
	}
}
