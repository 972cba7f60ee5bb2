package storage

import (
	"encoding/binary"
	"testing"
)

// BenchmarkWriteSetPut measures buffering one write (with a savepoint
// active) into a write set growing to 100k entries, with engine-like keys
// (store prefix, type tag, 8-byte integer) in ascending and in scattered
// order.
func BenchmarkWriteSetPut(b *testing.B) {
	const size = 100_000
	for _, bc := range []struct {
		name  string
		order func(i uint64) uint64
	}{
		{"ascending", func(i uint64) uint64 { return i }},
		{"scattered", func(i uint64) uint64 { return i * 2654435761 % size }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			key := make([]byte, 10)
			key[0], key[1] = 0x10, 0x21
			val := make([]byte, 100)
			b.ReportAllocs()
			var ws writeSet
			for i := 0; i < b.N; i++ {
				if i%size == 0 {
					ws = writeSet{}
				}
				binary.BigEndian.PutUint64(key[2:], bc.order(uint64(i%size)))
				ws.put(key, val, true)
			}
		})
	}
}
