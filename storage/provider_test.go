package storage

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// physicalKeys lists every Pebble key of the table and index stores.
func physicalKeys(t *testing.T, db *DB) []string {
	t.Helper()
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: storePrefix(firstDynamicStoreID)})
	require.NoError(t, err)
	defer it.Close()
	var keys []string
	for valid := it.First(); valid; valid = it.Next() {
		keys = append(keys, string(it.Key()))
	}
	require.NoError(t, it.Error())
	return keys
}

// keysUnder counts the Pebble keys under a store's prefix.
func keysUnder(t *testing.T, db *DB, s KVStore) int {
	t.Helper()
	st := s.(*store)
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: st.prefix, UpperBound: st.end})
	require.NoError(t, err)
	defer it.Close()
	n := 0
	for valid := it.First(); valid; valid = it.Next() {
		n++
	}
	return n
}

// directorySnapshot captures the directory and system keys, to check that
// a refused operation changed nothing.
func directorySnapshot(t *testing.T, db *DB) []string {
	t.Helper()
	it, err := db.pdb.NewIter(&pebble.IterOptions{UpperBound: []byte{0x01}})
	require.NoError(t, err)
	defer it.Close()
	var out []string
	for valid := it.First(); valid; valid = it.Next() {
		out = append(out, fmt.Sprintf("%q=%x", it.Key(), it.Value()))
	}
	return out
}

func fill(t *testing.T, db *DB, s KVStore, n int) {
	t.Helper()
	tx := writeTxn(t, db)
	for i := 0; i < n; i++ {
		put(t, tx.Store(s), fmt.Sprintf("k%03d", i), "v")
	}
	commit(t, tx)
}

func TestStoreNamesAreCaseInsensitiveAndStable(t *testing.T) {
	db := openMem(t)
	a := tableStore(t, db, "Main", "Users")
	b := tableStore(t, db, "main", "USERS")
	assert.Same(t, a, b)
	assert.Equal(t, "main.users", a.(*store).Name())
	ix, err := db.Provider().GetIndexStore("main", "users", "ByEmail")
	require.NoError(t, err)
	assert.Equal(t, "main.users_idx_byemail", ix.(*store).Name())
	st, err := db.Provider().GetStatsStore()
	require.NoError(t, err)
	cat, err := db.Provider().GetCatalogStore()
	require.NoError(t, err)
	assert.NotEqual(t, st.(*store).id, cat.(*store).id)
	_, err = db.Provider().GetStore("main", "")
	assert.Error(t, err)
	_, err = db.Provider().GetIndexStore("main", "t", string(make([]byte, maxNameLen+1)))
	assert.ErrorContains(t, err, "exceeds")
}

func TestNameCollisionsAreRefusedWithoutSideEffects(t *testing.T) {
	db := openMem(t)
	p := db.Provider()
	_, err := p.GetIndexStore("main", "q", "archive")
	require.NoError(t, err)
	before := directorySnapshot(t, db)

	_, err = p.GetStore("main", "q_idx_archive")
	require.ErrorIs(t, err, ErrStoreNameCollision)
	assert.Contains(t, err.Error(), "table main.q_idx_archive")
	assert.Contains(t, err.Error(), "index archive on table main.q")
	assert.Equal(t, before, directorySnapshot(t, db))
	_, known := db.RowCount("main", "q_idx_archive")
	assert.False(t, known)

	// The other order: the table first, then the index.
	_, err = p.GetStore("main", "r_idx_x")
	require.NoError(t, err)
	before = directorySnapshot(t, db)
	_, err = p.GetIndexStore("main", "r", "x")
	require.ErrorIs(t, err, ErrStoreNameCollision)
	assert.Contains(t, err.Error(), "index x on table main.r")
	assert.Contains(t, err.Error(), "table main.r_idx_x")
	assert.Equal(t, before, directorySnapshot(t, db))

	// Dropping "index x on r" must not drop the table that owns the name.
	err = p.DeleteIndexStore("main", "r", "x")
	require.ErrorIs(t, err, ErrStoreNameCollision)
	assert.Equal(t, before, directorySnapshot(t, db))
}

func TestRenameCollisionsAreRefusedWithoutSideEffects(t *testing.T) {
	db := openMem(t)
	p := db.Provider()
	q := tableStore(t, db, "main", "q")
	_, err := p.GetIndexStore("main", "q", "a")
	require.NoError(t, err)
	tbl := tableStore(t, db, "main", "p")
	fill(t, db, tbl, 3)

	// New data store name taken by q's index store.
	before := directorySnapshot(t, db)
	keys := physicalKeys(t, db)
	err = p.RenameTableStores("main", "p", "q_idx_a", nil)
	require.ErrorIs(t, err, ErrStoreNameCollision)
	assert.Contains(t, err.Error(), "index a on table main.q")
	assert.Equal(t, before, directorySnapshot(t, db))
	assert.Equal(t, keys, physicalKeys(t, db))
	assert.Equal(t, "main.p", tbl.(*store).Name())

	// A relocated index store name taken by another table.
	_, err = p.GetStore("main", "n_idx_a")
	require.NoError(t, err)
	before = directorySnapshot(t, db)
	err = p.RenameTableStores("main", "q", "n", []string{"a"})
	require.ErrorIs(t, err, ErrStoreNameCollision)
	assert.Contains(t, err.Error(), "table main.n_idx_a")
	assert.Equal(t, before, directorySnapshot(t, db))
	assert.Equal(t, "main.q", q.(*store).Name())

	// An index never materialized still has its destination checked.
	tableStore(t, db, "main", "w")
	err = p.RenameTableStores("main", "w", "n", []string{"a"})
	require.ErrorIs(t, err, ErrStoreNameCollision)
}

func TestRenameIsMetadataOnly(t *testing.T) {
	db := openMem(t)
	p := db.Provider()
	s := tableStore(t, db, "main", "old")
	ix, err := p.GetIndexStore("main", "old", "i")
	require.NoError(t, err)
	fill(t, db, s, 5)
	fill(t, db, ix, 3)
	tx := writeTxn(t, db)
	tx.AdjustRowCount("main", "old", 5)
	commit(t, tx)
	keys := physicalKeys(t, db)
	id := s.(*store).id

	require.NoError(t, p.RenameTableStores("main", "old", "New", []string{"i"}))
	assert.Equal(t, keys, physicalKeys(t, db), "no key moved")

	renamed := tableStore(t, db, "main", "new")
	assert.Same(t, s, renamed)
	assert.Equal(t, id, renamed.(*store).id)
	assert.Len(t, scan(t, renamed, IterOptions{}), 5)
	rix, err := p.GetIndexStore("main", "new", "i")
	require.NoError(t, err)
	assert.Same(t, ix, rix)
	assert.Len(t, scan(t, rix, IterOptions{}), 3)
	n, ok := db.RowCount("main", "new")
	assert.True(t, ok)
	assert.Equal(t, int64(5), n)
	_, ok = db.RowCount("main", "old")
	assert.False(t, ok)

	// The old name is free again and starts empty.
	fresh := tableStore(t, db, "main", "old")
	assert.NotEqual(t, id, fresh.(*store).id)
	assert.Empty(t, scan(t, fresh, IterOptions{}))
}

func TestDropRemovesData(t *testing.T) {
	db := openMem(t)
	p := db.Provider()
	s := tableStore(t, db, "main", "t")
	ix, err := p.GetIndexStore("main", "t", "listed")
	require.NoError(t, err)
	orphan, err := p.GetIndexStore("main", "t", "unlisted")
	require.NoError(t, err)
	other := tableStore(t, db, "main", "t_other")
	for _, st := range []KVStore{s, ix, orphan, other} {
		fill(t, db, st, 4)
	}
	require.Equal(t, 4, keysUnder(t, db, s))

	// A transaction with buffered writes to the table while it is dropped.
	pending := writeTxn(t, db)
	put(t, pending.Store(s), "zzz", "late")
	put(t, pending.Store(other), "zzz", "kept")

	require.NoError(t, p.DeleteTableStores("main", "t", []string{"listed"}))
	for _, st := range []KVStore{s, ix, orphan} {
		assert.Equal(t, 0, keysUnder(t, db, st))
		_, _, err := st.Get([]byte("k000"))
		assert.ErrorContains(t, err, "dropped")
	}
	assert.Equal(t, 4, keysUnder(t, db, other))
	_, ok := db.RowCount("main", "t")
	assert.False(t, ok)

	commit(t, pending)
	assert.Equal(t, 0, keysUnder(t, db, s), "writes to a dropped store are discarded")
	assert.Equal(t, 5, keysUnder(t, db, other))

	// DeleteIndexStore drops one index.
	ix2, err := p.GetIndexStore("main", "t_other", "j")
	require.NoError(t, err)
	fill(t, db, ix2, 2)
	require.NoError(t, p.DeleteIndexStore("main", "t_other", "j"))
	assert.Equal(t, 0, keysUnder(t, db, ix2))
	require.NoError(t, p.DeleteIndexStore("main", "t_other", "j"), "dropping a missing store is a no-op")
}

func TestStatsFlushAndReloadAcrossReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db := openDir(t, dir)
	s := tableStore(t, db, "main", "t")
	n, ok := db.RowCount("main", "t")
	require.True(t, ok, "a new table starts with a known count of zero")
	require.Equal(t, int64(0), n)

	statsValue := func() statsRecord {
		st, err := db.Provider().GetStatsStore()
		require.NoError(t, err)
		v, found, err := st.Get([]byte("main.t"))
		require.NoError(t, err)
		require.True(t, found)
		var rec statsRecord
		require.NoError(t, json.Unmarshal(v, &rec))
		assert.Positive(t, rec.UpdatedAt)
		return rec
	}

	tx := writeTxn(t, db)
	for i := 0; i < 150; i++ {
		put(t, tx.Store(s), fmt.Sprint(i), "v")
		tx.AdjustRowCount("main", "t", 1)
	}
	commit(t, tx)
	assert.Equal(t, int64(150), statsValue().RowCount, "flushed after 100 mutations")

	tx = writeTxn(t, db)
	tx.AdjustRowCount("main", "T", -10)
	commit(t, tx)
	n, _ = db.RowCount("main", "t")
	assert.Equal(t, int64(140), n)
	assert.Equal(t, int64(150), statsValue().RowCount, "not flushed yet")

	tx = writeTxn(t, db)
	tx.AdjustRowCount("main", "no_such_table", 5)
	commit(t, tx)
	_, ok = db.RowCount("main", "no_such_table")
	assert.False(t, ok, "deltas for a table without a data store are ignored")

	require.NoError(t, db.Close())
	db = openDir(t, dir)
	defer db.Close()
	_, ok = db.RowCount("main", "no_such_table")
	assert.False(t, ok)
	n, ok = db.RowCount("MAIN", "t")
	require.True(t, ok)
	assert.Equal(t, int64(140), n, "flushed on close, read back on open")
	assert.Equal(t, int64(140), statsValue().RowCount)
}

func TestCatalogPersistsInKeyOrder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db := openDir(t, dir)
	cat, err := db.Provider().GetCatalogStore()
	require.NoError(t, err)
	tx := writeTxn(t, db)
	c := tx.Store(cat)
	put(t, c, "main.t", "CREATE TABLE t (a integer primary key)")
	put(t, c, "\x00view\x00main.v", "CREATE VIEW v AS SELECT 1")
	put(t, c, "\x00index\x00main.i", "CREATE INDEX i ON t(a)")
	put(t, c, "main.gone", "CREATE TABLE gone (a)")
	del(t, c, "main.gone")
	commit(t, tx)

	rolled := writeTxn(t, db)
	put(t, rolled.Store(cat), "main.never", "CREATE TABLE never (a)")
	require.NoError(t, rolled.Rollback())
	require.NoError(t, db.Close())

	db = openDir(t, dir)
	defer db.Close()
	entries, err := db.LoadCatalog()
	require.NoError(t, err)
	assert.Equal(t, []CatalogEntry{
		{Key: "\x00index\x00main.i", DDL: "CREATE INDEX i ON t(a)"},
		{Key: "\x00view\x00main.v", DDL: "CREATE VIEW v AS SELECT 1"},
		{Key: "main.t", DDL: "CREATE TABLE t (a integer primary key)"},
	}, entries)
}

func TestDirectoryPersistsAcrossReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db := openDir(t, dir)
	s := tableStore(t, db, "main", "t")
	fill(t, db, s, 3)
	_, err := db.Provider().GetIndexStore("main", "q", "archive")
	require.NoError(t, err)
	require.NoError(t, db.Provider().RenameTableStores("main", "t", "u", nil))
	id := s.(*store).id
	require.NoError(t, db.Close())

	db = openDir(t, dir)
	defer db.Close()
	u := tableStore(t, db, "main", "u")
	assert.Equal(t, id, u.(*store).id)
	assert.Len(t, scan(t, u, IterOptions{}), 3)
	_, err = db.Provider().GetStore("main", "q_idx_archive")
	assert.ErrorIs(t, err, ErrStoreNameCollision, "owners survive reopen")
	fresh := tableStore(t, db, "main", "new")
	assert.Greater(t, fresh.(*store).id, id, "ids are never reused")
}

func TestRawStoreAndBatches(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	put(t, s, "a", "1")
	b := s.Batch()
	b.Put([]byte("b"), []byte("2"))
	b.Put([]byte("c"), []byte("3"))
	b.Delete([]byte("a"))
	require.NoError(t, b.Commit())
	assert.Equal(t, []kv{{"b", "2"}, {"c", "3"}}, scan(t, s, IterOptions{}))
	assert.Equal(t, []kv{{"c", "3"}}, scan(t, s, IterOptions{Lower: []byte("c")}))
	assert.Equal(t, []kv{{"b", "2"}}, scan(t, s, IterOptions{Upper: []byte("c"), Reverse: true}))
	assert.Empty(t, scan(t, s, IterOptions{Lower: []byte("c"), Upper: []byte("b")}))

	tx := writeTxn(t, db)
	tb := tx.Store(s).Batch()
	tb.Put([]byte("d"), []byte("4"))
	tb.Delete([]byte("b"))
	require.NoError(t, tb.Commit())
	assert.Equal(t, []kv{{"b", "2"}, {"c", "3"}}, scan(t, s, IterOptions{}), "a transaction batch stays in the transaction")
	commit(t, tx)
	assert.Equal(t, []kv{{"c", "3"}, {"d", "4"}}, scan(t, s, IterOptions{}))

	big := make([]byte, MaxKeySize+1)
	assert.ErrorContains(t, s.Put(big, nil), "exceeds")
}

func TestReadOnlyDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db := openDir(t, dir)
	fill(t, db, tableStore(t, db, "main", "t"), 2)
	require.NoError(t, db.Close())

	ro, err := Open(Options{Dir: dir, ReadOnly: true})
	require.NoError(t, err)
	defer ro.Close()
	s := tableStore(t, ro, "main", "t")
	assert.Len(t, scan(t, s, IterOptions{}), 2)
	assert.ErrorIs(t, s.Put([]byte("x"), nil), ErrReadOnly)
	_, err = ro.Provider().GetStore("main", "absent")
	assert.ErrorIs(t, err, ErrReadOnly)
	tx := readTxn(t, ro)
	assert.ErrorIs(t, tx.LockForWrite(t.Context()), ErrReadOnly)
	require.NoError(t, tx.Rollback())
}

func TestDropKeepsOlderSnapshotsReadable(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	fill(t, db, s, 3)
	reader := readTxn(t, db)
	require.Len(t, scan(t, reader.Store(s), IterOptions{}), 3) // snapshot taken
	notYetReading := readTxn(t, db)

	require.NoError(t, db.Provider().DeleteTableStores("main", "t", nil))
	assert.Len(t, scan(t, reader.Store(s), IterOptions{}), 3, "the snapshot predates the drop")
	v, found := get(t, reader.Store(s), "k001")
	assert.True(t, found)
	assert.Equal(t, "v", v)
	_, _, err := notYetReading.Store(s).Get([]byte("k001"))
	assert.ErrorContains(t, err, "dropped")
	require.NoError(t, reader.Rollback())
	require.NoError(t, notYetReading.Rollback())
}
