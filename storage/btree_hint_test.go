package storage

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBTreeHintedInserts writes the way a bulk INSERT does — ascending
// keys of two stores interleaved — mixed with scattered keys and rewrites
// of existing ones, and checks every lookup (present, absent, between and
// beyond keys) and the full order against a map, at several points while
// leaves split under the hints.
func TestBTreeHintedInserts(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var ws writeSet
	ref := map[string]string{}
	put := func(k, v string) {
		ws.put([]byte(k), []byte(v), false)
		ref[k] = v
	}
	check := func() {
		t.Helper()
		keys := slices.Sorted(maps.Keys(ref))
		require.Equal(t, len(keys), ws.tree.length)
		it := ws.iter()
		i := 0
		for it.first(); it.valid; it.next() {
			require.Equal(t, keys[i], string(it.entry().key()))
			i++
		}
		require.Equal(t, len(keys), i)
		for _, k := range keys {
			v, state := ws.lookup([]byte(k))
			require.Equal(t, statePut, state, k)
			require.Equal(t, ref[k], string(v), k)
		}
		for j := 0; j < 500; j++ {
			k := fmt.Sprintf("%c%07d", "abc"[r.Intn(3)], r.Intn(30000))
			_, state := ws.lookup([]byte(k))
			_, in := ref[k]
			require.Equal(t, in, state == statePut, k)
		}
	}
	for i := 0; i < 12000; i++ {
		put(fmt.Sprintf("a%07d", 2*i), fmt.Sprint("row", i))
		put(fmt.Sprintf("b%07d", (i*7919)%12000*2), fmt.Sprint("ix", i))
		if i%5 == 0 {
			put(fmt.Sprintf("a%07d", 2*r.Intn(i+1)+1), "scattered")
		}
		if i%7 == 0 {
			put(fmt.Sprintf("a%07d", 2*r.Intn(i+1)), "rewritten")
		}
		if i%3000 == 2999 {
			check()
		}
	}
	require.GreaterOrEqual(t, ws.tree.depth(), 2)
	require.Greater(t, ws.tree.splits, uint64(100))
}

// TestBTreeHintsAcrossSplits: several cursors advance through one key
// space in small random steps, interleaved, so that leaves split under
// hints of other leaves and inserts land between existing keys.
func TestBTreeHintsAcrossSplits(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	var ws writeSet
	ref := map[string]bool{}
	cursors := []int{0, 5000, 10000, 15000, 2500}
	for i := 0; i < 40000; i++ {
		c := r.Intn(len(cursors))
		cursors[c] += r.Intn(4)
		k := fmt.Sprintf("k%08d", cursors[c]%20000*3+r.Intn(3))
		ws.put([]byte(k), nil, false)
		ref[k] = true
	}
	keys := slices.Sorted(maps.Keys(ref))
	require.Equal(t, len(keys), ws.tree.length)
	it := ws.iter()
	var got []string
	for it.first(); it.valid; it.next() {
		got = append(got, string(it.entry().key()))
	}
	require.Equal(t, keys, got)
	for _, k := range keys {
		_, state := ws.lookup([]byte(k))
		require.Equal(t, statePut, state, k)
	}
}
