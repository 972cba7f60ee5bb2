package storage

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// drainIter reads the rest of an iterator.
func drainIter(t *testing.T, it Iterator) []kv {
	t.Helper()
	var out []kv
	for it.Next() {
		out = append(out, kv{string(it.Key()), string(it.Value())})
	}
	require.NoError(t, it.Err())
	return out
}

func bound(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s)
}

func TestReboundMatchesAFreshIterator(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	other := tableStore(t, db, "main", "u")
	tx := writeTxn(t, db)
	for i := 0; i < 40; i += 2 {
		put(t, tx.Store(s), fmt.Sprintf("k%02d", i), fmt.Sprintf("v%d", i))
	}
	put(t, tx.Store(other), "k05", "other store")
	commit(t, tx)

	tx = writeTxn(t, db)
	defer tx.Rollback()
	v := tx.Store(s)
	put(t, v, "k07", "new")                     // write-set only
	put(t, v, "k10", "overwritten")             // shadows the snapshot
	require.NoError(t, v.Delete([]byte("k12"))) // hides the snapshot's
	for _, reverse := range []bool{false, true} {
		it, err := v.Iterate(IterOptions{Lower: []byte("k04"), Upper: []byte("k09"), Reverse: reverse})
		require.NoError(t, err)
		rb, ok := it.(Rebounder)
		require.True(t, ok)
		require.True(t, it.Next()) // partly consumed before the first rebind
		for _, r := range [][2]string{{"k06", "k14"}, {"k13", "k13"}, {"k30", "k20"}, {"", "k03"}, {"k35", ""}, {"", ""}, {"k00", "k99"}} {
			rb.Rebound(bound(r[0]), bound(r[1]))
			want := scan(t, v, IterOptions{Lower: bound(r[0]), Upper: bound(r[1]), Reverse: reverse})
			assert.Equal(t, want, drainIter(t, it), "%v reverse=%v", r, reverse)
		}
		// Writes made between rebinds are seen by the next pass.
		put(t, v, "k09", "later")
		rb.Rebound([]byte("k08"), []byte("k11"))
		got := drainIter(t, it)
		assert.Contains(t, got, kv{"k09", "later"})
		require.NoError(t, v.Delete([]byte("k09")))
		require.NoError(t, it.Close())
	}
}
