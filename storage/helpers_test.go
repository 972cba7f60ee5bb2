package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// openMem opens an in-memory database closed at test end.
func openMem(t testing.TB, opts ...func(*Options)) *DB {
	t.Helper()
	var o Options
	for _, f := range opts {
		f(&o)
	}
	db, err := Open(o)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// openDir opens a directory database (not closed automatically).
func openDir(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := Open(Options{Dir: dir, NoSync: true})
	require.NoError(t, err)
	return db
}

// writeTxn begins a transaction holding the write lock.
func writeTxn(t testing.TB, db *DB) Txn {
	t.Helper()
	tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
	require.NoError(t, err)
	return tx
}

func readTxn(t testing.TB, db *DB) Txn {
	t.Helper()
	tx, err := db.Begin(context.Background(), TxOptions{})
	require.NoError(t, err)
	return tx
}

func tableStore(t testing.TB, db *DB, schema, table string) KVStore {
	t.Helper()
	s, err := db.Provider().GetStore(schema, table)
	require.NoError(t, err)
	return s
}

func commit(t testing.TB, tx Txn) {
	t.Helper()
	require.NoError(t, tx.Commit(context.Background()))
}

// get reads key through s and returns its value ("" with found=false when absent).
func get(t testing.TB, s KVStore, key string) (string, bool) {
	t.Helper()
	v, found, err := s.Get([]byte(key))
	require.NoError(t, err)
	return string(v), found
}

func put(t testing.TB, s KVStore, key, val string) {
	t.Helper()
	require.NoError(t, s.Put([]byte(key), []byte(val)))
}

func del(t testing.TB, s KVStore, key string) {
	t.Helper()
	require.NoError(t, s.Delete([]byte(key)))
}

// kv is one iterated pair.
type kv struct{ K, V string }

// scan collects an iteration.
func scan(t testing.TB, s KVStore, opts IterOptions) []kv {
	t.Helper()
	it, err := s.Iterate(opts)
	require.NoError(t, err)
	defer func() { require.NoError(t, it.Close()) }()
	var out []kv
	for it.Next() {
		out = append(out, kv{string(it.Key()), string(it.Value())})
	}
	require.NoError(t, it.Err())
	return out
}
