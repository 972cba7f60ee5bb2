package storage

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentReadersSeeAtomicCommits runs writers that keep two keys in
// two stores equal, readers that check the invariant in their snapshots,
// and a goroutine creating, renaming and dropping unrelated stores.
func TestConcurrentReadersSeeAtomicCommits(t *testing.T) {
	db := openMem(t, func(o *Options) { o.NoSync = true })
	a := tableStore(t, db, "main", "a")
	b := tableStore(t, db, "main", "b")
	const rounds = 60
	ctx := context.Background()
	var wg sync.WaitGroup
	run := func(f func()) {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	for w := 0; w < 2; w++ {
		run(func() {
			for i := 0; i < rounds; i++ {
				tx, err := db.Begin(ctx, TxOptions{})
				if !assert.NoError(t, err) {
					return
				}
				cur, _, err := tx.Store(a).Get([]byte("n"))
				assert.NoError(t, err)
				if err := tx.LockForWrite(ctx); err != nil {
					assert.ErrorIs(t, err, ErrBusy) // stale snapshot: retry
					_ = tx.Rollback()
					continue
				}
				n, _ := strconv.Atoi(string(cur))
				next := []byte(strconv.Itoa(n + 1))
				assert.NoError(t, tx.Store(a).Put([]byte("n"), next))
				assert.NoError(t, tx.Store(b).Put([]byte("n"), next))
				tx.AdjustRowCount("main", "a", 1)
				assert.NoError(t, tx.Commit(ctx))
			}
		})
	}
	for r := 0; r < 2; r++ {
		run(func() {
			for i := 0; i < rounds; i++ {
				tx, err := db.Begin(ctx, TxOptions{ReadOnly: true})
				if !assert.NoError(t, err) {
					return
				}
				va, _, errA := tx.Store(a).Get([]byte("n"))
				got := scanAll(tx.Store(b))
				assert.NoError(t, errA)
				if len(got) == 1 {
					assert.Equal(t, string(va), got[0].V, "both stores change in one commit")
				} else {
					assert.Empty(t, va)
				}
				_, _ = db.RowCount("main", "a")
				assert.NoError(t, tx.Rollback())
			}
		})
	}
	run(func() {
		p := db.Provider()
		for i := 0; i < rounds/3; i++ {
			name := fmt.Sprint("tmp", i)
			s, err := p.GetStore("main", name)
			if !assert.NoError(t, err) {
				return
			}
			assert.NoError(t, s.Put([]byte("k"), []byte("v")))
			assert.NoError(t, p.RenameTableStores("main", name, name+"x", nil))
			assert.NoError(t, p.DeleteTableStores("main", name+"x", nil))
		}
	})
	wg.Wait()
	v, found := get(t, a, "n")
	require.True(t, found)
	n, _ := strconv.Atoi(v)
	rc, _ := db.RowCount("main", "a")
	assert.Equal(t, int64(n), rc, "one row-count increment per successful commit")
}

// scanAll collects a full iteration, reporting errors as a pair with key "error".
func scanAll(s KVStore) []kv {
	it, err := s.Iterate(IterOptions{})
	if err != nil {
		return []kv{{"error", err.Error()}}
	}
	defer it.Close()
	var out []kv
	for it.Next() {
		out = append(out, kv{string(it.Key()), string(it.Value())})
	}
	if err := it.Err(); err != nil {
		out = append(out, kv{"error", err.Error()})
	}
	return out
}
