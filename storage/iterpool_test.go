package storage

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadersOfOneSnapshotReuseIterators(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	u := tableStore(t, db, "main", "u")
	w := writeTxn(t, db)
	for _, k := range []string{"a", "b", "c"} {
		put(t, w.Store(s), k, "s-"+k)
		put(t, w.Store(u), k, "u-"+k)
	}
	commit(t, w)

	r1 := readTxn(t, db)
	snap := txnSnapshot(t, r1, s)
	assert.Equal(t, []kv{{"a", "s-a"}, {"b", "s-b"}}, scan(t, r1.Store(s), IterOptions{Upper: []byte("c")}))
	assert.Equal(t, 1, snap.idleIters(), "a closed iterator waits for reuse")
	l := NewLookup(r1.Store(u))
	got, _ := lookupGet(t, l, "b")
	assert.Equal(t, "u-b", got)
	assert.Equal(t, 0, snap.idleIters(), "the Lookup took it")
	require.NoError(t, r1.Rollback())
	assert.Equal(t, 1, snap.idleIters(), "the transaction's end gives back what it still held")

	// The next reader of the same snapshot reuses it on another store, in
	// the other direction, with other bounds.
	r2 := readTxn(t, db)
	require.Same(t, snap, txnSnapshot(t, r2, s))
	assert.Equal(t, []kv{{"c", "u-c"}, {"b", "u-b"}}, scan(t, r2.Store(u), IterOptions{Lower: []byte("b"), Reverse: true}))
	assert.Equal(t, []kv{{"b", "s-b"}, {"c", "s-c"}}, scan(t, r2.Store(s), IterOptions{Lower: []byte("b")}))
	assert.Equal(t, 1, snap.idleIters())
	require.NoError(t, r2.Rollback())

	// After a commit the next reader takes a new snapshot: the old one (and
	// its idle iterators) is closed, and nothing reads the old state.
	w = writeTxn(t, db)
	put(t, w.Store(s), "b", "s-b2")
	commit(t, w)
	r3 := readTxn(t, db)
	snap3 := txnSnapshot(t, r3, s)
	require.NotSame(t, snap, snap3)
	assert.True(t, snap.pool.closed)
	assert.Equal(t, 0, snap.idleIters())
	assert.Equal(t, []kv{{"a", "s-a"}, {"b", "s-b2"}, {"c", "s-c"}}, scan(t, r3.Store(s), IterOptions{}))
	require.NoError(t, r3.Rollback())
	// Close closes the idle iterators before Pebble (which reports leaks).
	assert.Equal(t, 1, snap3.idleIters())
	require.NoError(t, db.Close())
}

func TestIteratorPoolIsBounded(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := readTxn(t, db)
	snap := txnSnapshot(t, tx, s)
	var its []Iterator
	for range maxIdleIters + 3 {
		it, err := tx.Store(s).Iterate(IterOptions{})
		require.NoError(t, err)
		its = append(its, it)
	}
	for _, it := range its {
		require.NoError(t, it.Close())
	}
	assert.Equal(t, maxIdleIters, snap.idleIters())
	require.NoError(t, tx.Rollback())
}

func TestWritingReaderOverlaysReusedIterators(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	w := writeTxn(t, db)
	put(t, w.Store(s), "a", "1")
	put(t, w.Store(s), "c", "3")
	commit(t, w)
	r := readTxn(t, db)
	snap := txnSnapshot(t, r, s)
	scan(t, r.Store(s), IterOptions{}) // leaves an idle iterator
	require.Equal(t, 1, snap.idleIters())

	tx := readTxn(t, db)
	require.Same(t, snap, txnSnapshot(t, tx, s))
	require.NoError(t, tx.LockForWrite(context.Background()))
	v := tx.Store(s)
	put(t, v, "b", "2")
	del(t, v, "c")
	assert.Equal(t, []kv{{"a", "1"}, {"b", "2"}}, scan(t, v, IterOptions{}))
	l := NewLookup(v)
	_, found := lookupGet(t, l, "c")
	assert.False(t, found)
	got, _ := lookupGet(t, l, "b")
	assert.Equal(t, "2", got)
	assert.Equal(t, []kv{{"a", "1"}, {"c", "3"}}, scan(t, r.Store(s), IterOptions{}), "the other reader keeps the snapshot")
	require.NoError(t, r.Rollback())
	commit(t, tx)
}

// TestReusedIteratorsMatchModel runs random readers, scans (some abandoned
// midway), lookups and commits over two stores and checks every read
// against the committed state each reader began with.
func TestReusedIteratorsMatchModel(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			db := openMem(t)
			stores := []KVStore{tableStore(t, db, "main", "t"), tableStore(t, db, "main", "u")}
			committed := []map[string]string{{}, {}}
			type reader struct {
				tx    Txn
				model []map[string]string
			}
			var readers []reader
			for step := 0; step < 600; step++ {
				switch op := r.Intn(10); {
				case op < 2 || len(readers) == 0:
					tx := readTxn(t, db)
					get(t, tx.Store(stores[0]), "") // takes the snapshot now
					readers = append(readers, reader{tx, []map[string]string{maps.Clone(committed[0]), maps.Clone(committed[1])}})
				case op < 3:
					w := writeTxn(t, db)
					for range 1 + r.Intn(4) {
						i, k := r.Intn(2), string(randKey(r))
						if r.Intn(3) == 0 {
							del(t, w.Store(stores[i]), k)
							delete(committed[i], k)
						} else {
							v := fmt.Sprint("v", step)
							put(t, w.Store(stores[i]), k, v)
							committed[i][k] = v
						}
					}
					commit(t, w)
				case op < 4:
					i := r.Intn(len(readers))
					require.NoError(t, readers[i].tx.Rollback())
					readers = append(readers[:i], readers[i+1:]...)
				case op < 7:
					rd, i := readers[r.Intn(len(readers))], r.Intn(2)
					o := randBounds(r)
					want := modelScan(rd.model[i], o.Lower, o.Upper, o.Reverse)
					if r.Intn(3) > 0 {
						require.Equal(t, want, scan(t, rd.tx.Store(stores[i]), o), "step %d", step)
						break
					}
					// Abandon the scan midway: the iterator goes back positioned.
					it, err := rd.tx.Store(stores[i]).Iterate(o)
					require.NoError(t, err)
					for n := 0; n < len(want)/2 && it.Next(); n++ {
						require.Equal(t, want[n].K, string(it.Key()), "step %d", step)
					}
					require.NoError(t, it.Close())
				default:
					rd, i := readers[r.Intn(len(readers))], r.Intn(2)
					l := NewLookup(rd.tx.Store(stores[i]))
					for range 3 {
						k := string(randKey(r))
						want, ok := rd.model[i][k]
						got, found := lookupGet(t, l, k)
						require.Equal(t, ok, found, "step %d key %x", step, k)
						require.Equal(t, want, got, "step %d key %x", step, k)
					}
					require.NoError(t, l.Close())
				}
			}
			for _, rd := range readers {
				require.NoError(t, rd.tx.Rollback())
			}
		})
	}
}

// TestConcurrentReadersShareIterators hands pooled iterators between
// goroutines (run with -race).
func TestConcurrentReadersShareIterators(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	w := writeTxn(t, db)
	for i := range 50 {
		k := fmt.Sprintf("k%02d", i)
		put(t, w.Store(s), k, "v"+k)
	}
	commit(t, w)
	var wg sync.WaitGroup
	errs := make([]error, 4) // each goroutine's first failure
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				if errs[g] = concurrentRead(db, s, fmt.Sprintf("k%02d", (g*7+i)%50)); errs[g] != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
}

// concurrentRead looks k up and scans from it in a read transaction.
func concurrentRead(db *DB, s KVStore, k string) error {
	tx, err := db.Begin(context.Background(), TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	l := NewLookup(tx.Store(s))
	v, found, err := l.Get([]byte(k))
	if err != nil || !found || string(v) != "v"+k {
		return fmt.Errorf("lookup %s: %q %v %v", k, v, found, err)
	}
	it, err := tx.Store(s).Iterate(IterOptions{Lower: []byte(k)})
	if err != nil {
		return err
	}
	defer it.Close()
	if !it.Next() || string(it.Key()) != k {
		return fmt.Errorf("scan from %s: %q %v", k, it.Key(), it.Err())
	}
	return nil
}

// BenchmarkReadTxnScanAndLookups is the storage side of an autocommit
// indexed join: a read transaction scans 10 index entries and looks up 20
// rows in two stores, all on the snapshot the previous one read.
func BenchmarkReadTxnScanAndLookups(b *testing.B) {
	db := openMem(b)
	ix := tableStore(b, db, "main", "ix")
	rows := tableStore(b, db, "main", "rows")
	w := writeTxn(b, db)
	for i := range 10000 {
		k := []byte(fmt.Sprintf("k%05d", i))
		require.NoError(b, w.Store(ix).Put(k, nil))
		require.NoError(b, w.Store(rows).Put(k, []byte("a row value of some forty bytes, encoded")))
	}
	commit(b, w)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tx := readTxn(b, db)
		lo := []byte(fmt.Sprintf("k%05d", (i*7919)%9990))
		it, err := tx.Store(ix).Iterate(IterOptions{Lower: lo})
		require.NoError(b, err)
		a, c := NewLookup(tx.Store(rows)), NewLookup(tx.Store(rows))
		for n := 0; n < 10 && it.Next(); n++ {
			if _, found, err := a.Get(it.Key()); err != nil || !found {
				b.Fatal(err, found)
			}
			if _, found, err := c.Get(lo); err != nil || !found {
				b.Fatal(err, found)
			}
		}
		require.NoError(b, it.Close())
		require.NoError(b, a.Close())
		require.NoError(b, c.Close())
		require.NoError(b, tx.Rollback())
	}
}
