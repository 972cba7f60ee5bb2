package storage

import (
	"encoding/binary"
	"testing"

	"github.com/quereus/quereus/storage/keyenc"
	"github.com/quereus/quereus/storage/value"
)

// BenchmarkWriteSetPut measures buffering one write (with a savepoint
// active) into a write set growing to 100k entries, with keys of a store
// prefix, a type tag and an 8-byte big-endian integer, in ascending and in
// scattered order, and with the engine's own integer key encoding
// (storage/keyenc) in scattered order.
func BenchmarkWriteSetPut(b *testing.B) {
	const size = 100_000
	scattered := func(i uint64) uint64 { return i * 2654435761 % size }
	for _, bc := range []struct {
		name   string
		order  func(i uint64) uint64
		keyenc bool
	}{
		{"ascending", func(i uint64) uint64 { return i }, false},
		{"scattered", scattered, false},
		{"scattered-keyenc", scattered, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			key := make([]byte, 10)
			key[0], key[1] = 0x10, 0x21
			val := make([]byte, 100)
			if bc.keyenc {
				key = key[:1]
			}
			b.ReportAllocs()
			var ws writeSet
			for i := 0; i < b.N; i++ {
				if i%size == 0 {
					ws = writeSet{}
				}
				if bc.keyenc {
					key = keyenc.AppendValue(key[:1], value.Int(int64(bc.order(uint64(i%size)))), keyenc.Column{})
				} else {
					binary.BigEndian.PutUint64(key[2:], bc.order(uint64(i%size)))
				}
				ws.put(key, val, true)
			}
		})
	}
}
