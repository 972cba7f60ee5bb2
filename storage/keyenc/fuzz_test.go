package keyenc

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/quereus/quereus/storage/value"
)

// fuzzColumns derives 1-4 columns (collation and direction) from a byte.
func fuzzColumns(cfg uint16) []Column {
	n := 1 + int(cfg&3)
	cols := make([]Column, n)
	for i := range cols {
		bits := cfg >> (2 + 3*i)
		cols[i] = Column{Collation: allCollations[int(bits&3)%len(allCollations)], Desc: bits&4 != 0}
	}
	return cols
}

// FuzzDecodeKey feeds arbitrary bytes to the decoder: it must never panic, and
// whatever it accepts must be canonical (re-encoding gives the same bytes).
func FuzzDecodeKey(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 1))
	edges := edgeNumbers()
	for i := range 64 {
		cfg := uint16(r.Uint32())
		cols := fuzzColumns(cfg)
		vals := make([]value.Value, len(cols))
		for j := range vals {
			vals[j] = randomValue(r, edges)
			if i < len(edges) && j == 0 {
				vals[j] = edges[i]
			}
		}
		f.Add(EncodeKey(vals, cols), cfg)
	}
	f.Fuzz(func(t *testing.T, key []byte, cfg uint16) {
		cols := fuzzColumns(cfg)
		vals, rest, err := DecodeKey(key, cols)
		if err != nil {
			if _, skipErr := SkipKey(key, cols); skipErr == nil && !textCheckOnly(key, cols) {
				t.Fatalf("DecodeKey failed (%v) but SkipKey accepted %x", err, key)
			}
			return
		}
		consumed := key[:len(key)-len(rest)]
		again := EncodeKey(vals, cols)
		if !bytes.Equal(again, consumed) {
			t.Fatalf("not canonical: decoded %v from %x, re-encoded %x", vals, consumed, again)
		}
		skipped, err := SkipKey(key, cols)
		if err != nil || len(skipped) != len(rest) {
			t.Fatalf("SkipKey disagrees with DecodeKey: %v", err)
		}
	})
}

// textCheckOnly reports whether DecodeKey may reject key for reasons SkipKey
// does not check (collation key form and JSON validity).
func textCheckOnly(key []byte, cols []Column) bool {
	for _, c := range cols {
		if len(key) == 0 {
			return false
		}
		tag := key[0] ^ c.flip()
		if tag == tagText || tag == tagJSON {
			return true
		}
		rest, err := SkipValue(key, c)
		if err != nil {
			return false
		}
		key = rest
	}
	return false
}
