package storage

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lookupGet reads key through l ("" with found=false when absent).
func lookupGet(t testing.TB, l Lookup, key string) (string, bool) {
	t.Helper()
	v, found, err := l.Get([]byte(key))
	require.NoError(t, err)
	return string(v), found
}

func TestLookupReadsWriteSetOverSnapshot(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	other := tableStore(t, db, "main", "u")
	tx := writeTxn(t, db)
	for _, k := range []string{"a", "b", "c", "d"} {
		put(t, tx.Store(s), k, "old-"+k)
	}
	put(t, tx.Store(other), "a", "other-store")
	commit(t, tx)

	tx = writeTxn(t, db)
	v := tx.Store(s)
	put(t, v, "b", "new-b")
	require.NoError(t, v.Delete([]byte("c")))
	put(t, v, "e", "new-e")
	l := NewLookup(v)
	defer l.Close()
	for _, c := range []struct {
		key, want string
		found     bool
	}{
		{"a", "old-a", true}, {"b", "new-b", true}, {"c", "", false}, {"d", "old-d", true},
		{"e", "new-e", true}, {"ab", "", false}, {"", "", false}, {"z", "", false}, {"a", "old-a", true},
	} {
		got, found := lookupGet(t, l, c.key)
		assert.Equal(t, c.found, found, c.key)
		assert.Equal(t, c.want, got, c.key)
	}
	// A write after the cursor exists is seen by the next read.
	put(t, v, "d", "newer-d")
	got, _ := lookupGet(t, l, "d")
	assert.Equal(t, "newer-d", got)
	require.NoError(t, tx.Rollback())
	_, _, err := l.Get([]byte("a"))
	assert.ErrorIs(t, err, ErrTxDone)
}

func TestLookupSeesTheSnapshotNotLaterCommits(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "old")
	commit(t, tx)

	reader := readTxn(t, db)
	l := NewLookup(reader.Store(s))
	got, _ := lookupGet(t, l, "k")
	require.Equal(t, "old", got)
	writer := writeTxn(t, db)
	put(t, writer.Store(s), "k", "new")
	put(t, writer.Store(s), "k2", "new")
	commit(t, writer)
	got, _ = lookupGet(t, l, "k")
	assert.Equal(t, "old", got)
	_, found := lookupGet(t, l, "k2")
	assert.False(t, found)
	require.NoError(t, l.Close())
	require.NoError(t, l.Close())
	// A closed Lookup opens a new cursor on the same snapshot when reused.
	got, _ = lookupGet(t, l, "k")
	assert.Equal(t, "old", got)
	require.NoError(t, reader.Rollback())
}

func TestLookupMatchesGetOnManyKeys(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	for i := 0; i < 500; i += 2 {
		put(t, tx.Store(s), fmt.Sprintf("k%04d", i), fmt.Sprintf("v%d", i))
	}
	commit(t, tx)
	tx = readTxn(t, db)
	v := tx.Store(s)
	l := NewLookup(v)
	for i := 499; i >= 0; i -= 7 { // descending and sparse: seeks go backwards
		key := fmt.Sprintf("k%04d", i)
		want, wantFound := get(t, v, key)
		got, found := lookupGet(t, l, key)
		require.Equal(t, wantFound, found, key)
		require.Equal(t, want, got, key)
	}
	require.NoError(t, l.Close())
	require.NoError(t, tx.Rollback())
}

func TestLookupOnCommittedStoreUsesGet(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "v")
	commit(t, tx)
	l := NewLookup(s)
	got, found := lookupGet(t, l, "k")
	assert.True(t, found)
	assert.Equal(t, "v", got)
	_, found = lookupGet(t, l, "missing")
	assert.False(t, found)
	require.NoError(t, l.Close())
}

// BenchmarkPointRead compares a Get per key with one kept Lookup, reading
// random committed keys through a transaction (the join probe's pattern).
func BenchmarkPointRead(b *testing.B) {
	const n = 20000
	db := openMem(b)
	s := tableStore(b, db, "main", "t")
	tx := writeTxn(b, db)
	for i := 0; i < n; i++ {
		put(b, tx.Store(s), fmt.Sprintf("k%06d", i), "a row value of some sixty bytes, as an encoded table row is")
	}
	commit(b, tx)
	keys := make([][]byte, 1024)
	for i := range keys {
		keys[i] = []byte(fmt.Sprintf("k%06d", (i*7919)%n))
	}
	read := func(b *testing.B, get func([]byte) ([]byte, bool, error)) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, found, err := get(keys[i%len(keys)]); err != nil || !found {
				b.Fatal(err, found)
			}
		}
	}
	b.Run("get", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		read(b, tx.Store(s).Get)
	})
	b.Run("lookup", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		l := NewLookup(tx.Store(s))
		defer l.Close()
		read(b, l.Get)
	})
}
