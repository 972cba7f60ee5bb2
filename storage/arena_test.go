package storage

import (
	"bytes"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestArenaPositions: every slice handed out reads back by its position,
// across chunk growth, dedicated chunks for large requests (first and in
// between) and empty requests.
func TestArenaPositions(t *testing.T) {
	var a arena
	type got struct {
		pos  apos
		want []byte
	}
	var all []got
	add := func(n int, fill byte) {
		p, b := a.alloc(n)
		require.Len(t, b, n)
		require.Equal(t, n, cap(b), "a slice must not reach into its neighbour")
		for i := range b {
			b[i] = fill + byte(i)
		}
		all = append(all, got{p, append([]byte(nil), b...)})
	}
	add(arenaMaxChunk/4+1, 1) // a dedicated chunk before any other
	for i := 0; i < 5000; i++ {
		add(i%700, byte(i))
		if i%997 == 0 {
			add(arenaMaxChunk/2, byte(i)) // dedicated chunks in between
		}
	}
	add(0, 0)
	var total int64
	for i, g := range all {
		require.True(t, bytes.Equal(g.want, a.bytes(g.pos, uint32(len(g.want)))), "slice %d", i)
		total += int64(len(g.want))
	}
	require.Equal(t, total, a.used)
	p := a.concat([]byte("key"), []byte("value"))
	require.Equal(t, "keyvalue", string(a.bytes(p, 8)))
}

// TestEntryPacking: an entry is 24 pointer-free bytes, and its key length
// and state share a word without disturbing each other up to the largest
// key a store can hold (MaxKeySize plus a store prefix).
func TestEntryPacking(t *testing.T) {
	require.Equal(t, uintptr(24), unsafe.Sizeof(wsEntry{}))
	longest := make([]byte, MaxKeySize+10)
	for _, key := range [][]byte{nil, []byte("k"), longest} {
		for _, st := range []entryState{stateAbsent, statePut, stateDeleted} {
			e := makeEntry(key, apos{chunk: 7, off: 9}, MaxValueSize, st)
			require.Equal(t, uint32(len(key)), e.klen())
			require.Equal(t, st, e.state())
			require.Equal(t, uint32(MaxValueSize), e.vlen)
		}
	}
}
