package keyenc

import (
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

var (
	intCols       = []Column{{}}
	intKey        = []value.Value{value.Int(123456789)}
	compositeCols = []Column{{Collation: collation.NoCase}, {}}
	compositeKey  = []value.Value{value.Text("alice@example.com"), value.Int(42)}
)

func BenchmarkEncodeIntKey(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendKey(buf[:0], intKey, intCols)
	}
}

func BenchmarkDecodeIntKey(b *testing.B) {
	key := EncodeKey(intKey, intCols)
	out := make([]value.Value, 0, 1)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if out, _, err = DecodeKeyInto(out, key, intCols); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeCompositeKey(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendKey(buf[:0], compositeKey, compositeCols)
	}
}

func BenchmarkDecodeCompositeKey(b *testing.B) {
	key := EncodeKey(compositeKey, compositeCols)
	out := make([]value.Value, 0, 2)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if out, _, err = DecodeKeyInto(out, key, compositeCols); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeBigIntKey(b *testing.B) {
	key := []value.Value{value.BigInt(bigFrom("123456789012345678901234567890"))}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendKey(buf[:0], key, intCols)
	}
}
