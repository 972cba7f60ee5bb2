package storage

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randKey draws from a small key space with shared prefixes, empty keys and
// 0x00/0xff bytes, so that writes collide and ordering edge cases occur.
func randKey(r *rand.Rand) []byte {
	alphabet := []byte{0x00, 'a', 'b', 0xff}
	k := make([]byte, r.Intn(5))
	for i := range k {
		k[i] = alphabet[r.Intn(len(alphabet))]
	}
	return k
}

// putBoth puts key = val in the store view and in the model.
func putBoth(t *testing.T, view KVStore, model map[string]string, key, val string) {
	t.Helper()
	put(t, view, key, val)
	model[key] = val
}

// delBoth deletes key from the store view and from the model.
func delBoth(t *testing.T, view KVStore, model map[string]string, key string) {
	t.Helper()
	del(t, view, key)
	delete(model, key)
}

// modelScan is the expected result of an iteration over the model.
func modelScan(m map[string]string, lo, hi []byte, reverse bool) []kv {
	var out []kv
	for k, v := range m {
		if lo != nil && k < string(lo) {
			continue
		}
		if hi != nil && k >= string(hi) {
			continue
		}
		out = append(out, kv{k, v})
	}
	slices.SortFunc(out, func(a, b kv) int { return bytes.Compare([]byte(a.K), []byte(b.K)) })
	if reverse {
		slices.Reverse(out)
	}
	return out
}

func randBounds(r *rand.Rand) IterOptions {
	var o IterOptions
	if r.Intn(3) > 0 {
		o.Lower = randKey(r)
	}
	if r.Intn(3) > 0 {
		o.Upper = randKey(r)
	}
	o.Reverse = r.Intn(2) == 0
	return o
}

// TestTxnMatchesModel runs random puts, deletes, savepoints, rollbacks and
// releases against a transaction and a map model, comparing point reads
// and bounded iterations in both directions after every step, then the
// committed state.
func TestTxnMatchesModel(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			db := openMem(t)
			s := tableStore(t, db, "main", "t")
			neighbour := tableStore(t, db, "main", "t2") // must never leak into s

			committed := map[string]string{}
			setup := writeTxn(t, db)
			for i := 0; i < 150; i++ {
				k, v := randKey(r), fmt.Sprint("c", i)
				put(t, setup.Store(s), string(k), v)
				put(t, setup.Store(neighbour), string(k), "neighbour")
				committed[string(k)] = v
			}
			commit(t, setup)

			tx := writeTxn(t, db)
			view := tx.Store(s)
			model := maps.Clone(committed)
			var marks []map[string]string // model state at each mark
			for step := 0; step < 500; step++ {
				switch op := r.Intn(20); {
				case op < 9:
					putBoth(t, view, model, string(randKey(r)), fmt.Sprint("v", step))
				case op < 14:
					delBoth(t, view, model, string(randKey(r)))
				case op < 16:
					require.Equal(t, Mark(len(marks)), tx.Savepoint())
					marks = append(marks, maps.Clone(model))
				case op < 18 && len(marks) > 0:
					m := r.Intn(len(marks))
					require.NoError(t, tx.RollbackTo(Mark(m)))
					model = maps.Clone(marks[m])
					marks = marks[:m+1]
				case op < 19 && len(marks) > 0:
					m := r.Intn(len(marks))
					require.NoError(t, tx.Release(Mark(m)))
					marks = marks[:m]
				default:
					k := randKey(r)
					got, found := get(t, view, string(k))
					want, ok := model[string(k)]
					require.Equal(t, ok, found, "key %x", k)
					require.Equal(t, want, got, "key %x", k)
				}
				o := randBounds(r)
				require.Equal(t, modelScan(model, o.Lower, o.Upper, o.Reverse), scan(t, view, o),
					"step %d bounds %x..%x reverse=%v", step, o.Lower, o.Upper, o.Reverse)
			}
			require.Equal(t, modelScan(model, nil, nil, false), scan(t, view, IterOptions{}))
			require.Equal(t, modelScan(model, nil, nil, true), scan(t, view, IterOptions{Reverse: true}))
			commit(t, tx)
			require.Equal(t, modelScan(model, nil, nil, false), scan(t, s, IterOptions{}))
			for _, p := range scan(t, neighbour, IterOptions{}) {
				require.Equal(t, "neighbour", p.V)
			}
		})
	}
}

// TestIteratorSeesWritesAhead checks iteration while the same transaction
// writes: entries written ahead of the cursor are seen, also after the
// write set's B-tree reshapes under the iterator.
func TestIteratorSeesWritesAhead(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	v := tx.Store(s)
	for i := 0; i < 1000; i += 2 {
		put(t, v, fmt.Sprintf("k%04d", i), "even")
	}
	it, err := v.Iterate(IterOptions{})
	require.NoError(t, err)
	var seen []string
	for it.Next() {
		k := string(it.Key())
		seen = append(seen, k)
		var n int
		_, _ = fmt.Sscanf(k, "k%04d", &n)
		if n%2 == 0 && n+1 < 1000 {
			put(t, v, fmt.Sprintf("k%04d", n+1), "odd") // ahead of the cursor
		}
	}
	require.NoError(t, it.Err())
	require.NoError(t, it.Close())
	require.Len(t, seen, 1000)
	require.True(t, slices.IsSorted(seen))
	require.NoError(t, tx.Rollback())
}

// TestBTreeOrderAndSeeks checks the write set's B-tree against a sorted
// reference at a size with several levels.
func TestBTreeOrderAndSeeks(t *testing.T) {
	orders := map[string]func(i int, r *rand.Rand) int{
		"random":     func(_ int, r *rand.Rand) int { return r.Intn(40000) },
		"ascending":  func(i int, _ *rand.Rand) int { return 2 * i },
		"descending": func(i int, _ *rand.Rand) int { return 40000 - 2*i },
	}
	for name, order := range orders {
		t.Run(name, func(t *testing.T) { checkBTree(t, order) })
	}
}

func checkBTree(t *testing.T, order func(i int, r *rand.Rand) int) {
	r := rand.New(rand.NewSource(7))
	var ws writeSet
	ref := map[string]bool{}
	for i := 0; i < 20000; i++ { // enough for three levels in every order
		k := fmt.Appendf(nil, "%06d", order(i, r))
		ws.put(k, nil, false)
		ref[string(k)] = true
	}
	keys := slices.Sorted(maps.Keys(ref))
	require.Equal(t, len(keys), ws.tree.length)
	require.GreaterOrEqual(t, ws.tree.depth(), 3)

	it := ws.iter()
	var got []string
	for it.first(); it.valid; it.next() {
		got = append(got, string(it.entry().key()))
	}
	require.Equal(t, keys, got)
	got = got[:0]
	for it.last(); it.valid; it.prev() {
		got = append(got, string(it.entry().key()))
	}
	rev := slices.Clone(keys)
	slices.Reverse(rev)
	require.Equal(t, rev, got)

	for i := 0; i < 1000; i++ {
		probe := fmt.Sprintf("%06d", r.Intn(40001))
		j, _ := slices.BinarySearch(keys, probe)
		it.seekGE([]byte(probe))
		if j < len(keys) {
			require.True(t, it.valid)
			require.Equal(t, keys[j], string(it.key))
		} else {
			require.False(t, it.valid)
		}
		it.seekLT([]byte(probe))
		if j > 0 {
			require.True(t, it.valid)
			require.Equal(t, keys[j-1], string(it.key))
			it.next()
			require.Equal(t, j < len(keys), it.valid)
		} else {
			require.False(t, it.valid)
		}
	}
}

// TestIteratorOverSnapshotSeesWritesAhead interleaves committed rows with
// rows written during the iteration, including enough to split B-tree nodes
// under the open cursor, in both directions.
func TestIteratorOverSnapshotSeesWritesAhead(t *testing.T) {
	for _, reverse := range []bool{false, true} {
		db := openMem(t)
		s := tableStore(t, db, "main", "t")
		setup := writeTxn(t, db)
		for i := 0; i < 600; i += 3 {
			put(t, setup.Store(s), fmt.Sprintf("k%04d", i), "committed")
		}
		commit(t, setup)

		tx := writeTxn(t, db)
		v := tx.Store(s)
		put(t, v, "k0001", "early") // the write set starts non-empty
		it, err := v.Iterate(IterOptions{Reverse: reverse})
		require.NoError(t, err)
		var seen []string
		for it.Next() {
			k := string(it.Key())
			seen = append(seen, k)
			var n int
			_, _ = fmt.Sscanf(k, "k%04d", &n)
			if n%3 == 0 {
				// Two rows ahead of the cursor in the iteration direction.
				for _, d := range []int{1, 2} {
					next := n + d
					if reverse {
						next = n - d
					}
					if next >= 0 && next < 600 {
						put(t, v, fmt.Sprintf("k%04d", next), "written")
					}
				}
			}
		}
		require.NoError(t, it.Err())
		require.NoError(t, it.Close())
		want := 600 // k0000..k0599: the last committed row is k0597
		if reverse {
			want = 598 // rows above k0597 are never written going down
		}
		require.Len(t, seen, want, "reverse=%v", reverse)
		if reverse {
			slices.Reverse(seen)
		}
		require.True(t, slices.IsSorted(seen))
		require.NoError(t, tx.Rollback())
	}
}

// depth is the number of levels of the write set's B-tree.
func (t *btree) depth() int {
	d := 0
	for n := t.root; n != nil; d++ {
		if n.leaf() {
			return d + 1
		}
		n = n.children[0]
	}
	return d
}

// TestIteratorWithInterleavedWritesMatchesModel interleaves an open
// iterator's steps with random writes, deletes and savepoint rollbacks.
// Each step must return the first key past the previous one (in the
// iteration direction, within bounds) in the transaction's current view.
func TestIteratorWithInterleavedWritesMatchesModel(t *testing.T) {
	steps := 0
	defer func() { assert.Greater(t, steps, 100, "the iterations were too short to mean much") }()
	for seed := int64(1); seed <= 12; seed++ {
		r := rand.New(rand.NewSource(seed))
		db := openMem(t)
		s := tableStore(t, db, "main", "t")
		model := map[string]string{}
		setup := writeTxn(t, db)
		for i := 0; i < 120; i++ {
			k, v := randKey(r), fmt.Sprint("c", i)
			put(t, setup.Store(s), string(k), v)
			model[string(k)] = v
		}
		commit(t, setup)

		tx := writeTxn(t, db)
		view := tx.Store(s)
		mark := tx.Savepoint()
		atMark := maps.Clone(model)
		o := randBounds(r)
		it, err := view.Iterate(o)
		require.NoError(t, err)
		var last []byte
		started := false
		for step := 0; ; step++ {
			for n := r.Intn(4); n > 0; n-- {
				switch op := r.Intn(10); {
				case op < 5:
					putBoth(t, view, model, string(randKey(r)), fmt.Sprint("w", step))
				case op < 9:
					delBoth(t, view, model, string(randKey(r)))
				default:
					require.NoError(t, tx.RollbackTo(mark))
					model = maps.Clone(atMark)
				}
			}
			want := modelScan(model, o.Lower, o.Upper, o.Reverse) // in iteration order
			past := func(k string) bool {
				if o.Reverse {
					return k < string(last)
				}
				return k > string(last)
			}
			i := 0
			for started && i < len(want) && !past(want[i].K) {
				i++
			}
			if !it.Next() {
				require.Equal(t, len(want), i, "seed %d step %d: iteration ended early", seed, step)
				break
			}
			require.Less(t, i, len(want), "seed %d step %d: unexpected key %x", seed, step, it.Key())
			require.Equal(t, want[i], kv{string(it.Key()), string(it.Value())}, "seed %d step %d", seed, step)
			last, started = append(last[:0], it.Key()...), true
			steps++
		}
		require.NoError(t, it.Err())
		require.NoError(t, it.Close())
		require.NoError(t, tx.Rollback())
	}
}
