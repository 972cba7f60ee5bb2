package storage

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func has(t testing.TB, s KVStore, key string) bool {
	t.Helper()
	found, err := s.Has([]byte(key))
	require.NoError(t, err)
	return found
}

// TestHasProbeSeesCommittedRows checks ascending and descending existence
// checks against committed rows, the transaction's own writes and tombstones.
func TestHasProbeSeesCommittedRows(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	for i := 0; i < 100; i += 2 {
		put(t, tx.Store(s), fmt.Sprintf("k%03d", i), "v")
	}
	commit(t, tx)

	tx = writeTxn(t, db)
	defer tx.Rollback()
	v := tx.Store(s)
	del(t, v, "k010")
	put(t, v, "k011", "mine")
	for i := 0; i < 100; i++ {
		want := i%2 == 0 && i != 10 || i == 11
		require.Equal(t, want, has(t, v, fmt.Sprintf("k%03d", i)), "ascending k%03d", i)
	}
	require.False(t, has(t, v, "k100"))
	require.False(t, has(t, v, "zzz"))
	for i := 99; i >= 0; i-- {
		want := i%2 == 0 && i != 10 || i == 11
		require.Equal(t, want, has(t, v, fmt.Sprintf("k%03d", i)), "descending k%03d", i)
	}
	// Repeated and interleaved keys.
	for _, k := range []string{"k004", "k004", "k005", "k050", "k003", "k098", "k098", "k099"} {
		var i int
		_, err := fmt.Sscanf(k, "k%03d", &i)
		require.NoError(t, err)
		require.Equal(t, i%2 == 0, has(t, v, k), k)
	}
}

// TestHasProbeSeesLaterRawWrites: a transaction holding the write lock
// reads the live database; a raw store write made after its existence
// checks began (so after the probe's iterator was created) must be seen by
// the next check.
func TestHasProbeSeesLaterRawWrites(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	defer tx.Rollback()
	v := tx.Store(s)
	require.False(t, has(t, v, "a"))
	require.False(t, has(t, v, "b")) // ascending: answered by the probe
	require.NoError(t, s.Put([]byte("c"), []byte("raw")))
	require.True(t, has(t, v, "c"))
	require.NoError(t, s.Put([]byte("d"), []byte("raw")))
	require.True(t, has(t, v, "d"))
	require.NoError(t, s.Delete([]byte("d")))
	require.False(t, has(t, v, "d"))
	require.False(t, has(t, v, "e"))
}

// TestHasProbeKeepsSnapshot: a transaction that read before another one
// committed keeps answering from its snapshot.
func TestHasProbeKeepsSnapshot(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	r := readTxn(t, db)
	defer r.Rollback()
	rv := r.Store(s)
	require.False(t, has(t, rv, "a"))
	require.False(t, has(t, rv, "b"))

	w := writeTxn(t, db)
	put(t, w.Store(s), "c", "v")
	put(t, w.Store(s), "d", "v")
	commit(t, w)

	require.False(t, has(t, rv, "c"))
	require.False(t, has(t, rv, "d"))

	// A new transaction sees the commit, ascending and descending.
	w = writeTxn(t, db)
	defer w.Rollback()
	wv := w.Store(s)
	require.False(t, has(t, wv, "b"))
	require.True(t, has(t, wv, "c"))
	require.True(t, has(t, wv, "d"))
	require.True(t, has(t, wv, "c"))
}

// TestHasProbeClosedWithTxn: closing the database with a transaction whose
// probe is open must not leak the Pebble iterator (Pebble's Close reports
// leaked iterators as an error).
func TestHasProbeClosedWithTxn(t *testing.T) {
	db, err := Open(Options{})
	require.NoError(t, err)
	s := tableStore(t, db, "main", "t")
	tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
	require.NoError(t, err)
	require.False(t, has(t, tx.Store(s), "a"))
	require.False(t, has(t, tx.Store(s), "b"))
	require.NoError(t, db.Close())
}

// BenchmarkTxnHas is the primary-key existence check of a bulk insert: a
// write transaction checks fresh ascending keys above 100k committed rows
// (…Ascending), or absent keys in random order (…Random).
func BenchmarkTxnHas(b *testing.B) {
	db, s, _, _ := benchData(b)
	run := func(b *testing.B, next func(i int) uint64) {
		tx := writeTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		key := make([]byte, 8)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			setID(key, next(i))
			if found, err := v.Has(key); err != nil || found {
				b.Fatal("unexpected row", err)
			}
		}
	}
	b.Run("Ascending", func(b *testing.B) {
		run(b, func(i int) uint64 { return uint64(benchRows + i) })
	})
	b.Run("Random", func(b *testing.B) {
		x := uint64(1)
		run(b, func(int) uint64 {
			x = x*6364136223846793005 + 1442695040888963407
			return benchRows + 1 + x%(1<<40)
		})
	})
}
