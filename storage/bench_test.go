package storage

import (
	"context"
	"encoding/binary"
	"math/rand"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/bloom"
	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/stretchr/testify/require"
)

// The benchmarks compare the transactional path with raw Pebble on the same
// data shape: 100k rows, keys = store prefix + 8-byte big-endian id, 100-byte
// values, both in Pebble's in-memory filesystem and flushed to sstables.
const benchRows = 100_000

func benchKey(prefix []byte, i uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), prefix...), i)
}

// benchData opens our database and a raw Pebble instance holding the same rows.
func benchData(b *testing.B) (*DB, KVStore, *pebble.DB, []byte) {
	b.Helper()
	db := openMem(b, func(o *Options) { o.NoSync = true })
	s := tableStore(b, db, "main", "bench")
	tx := writeTxn(b, db)
	val := make([]byte, 100)
	for i := uint64(0); i < benchRows; i++ {
		require.NoError(b, tx.Store(s).Put(benchKey(nil, i), val))
	}
	commit(b, tx)
	require.NoError(b, db.pdb.Flush())

	// The same Pebble configuration as Open's, so that only our layer differs.
	cache := pebble.NewCache(defaultCacheSize + memTableReserve)
	defer cache.Unref()
	po := &pebble.Options{FS: vfs.NewMem(), Logger: quietLogger{}, Cache: cache, MemTableSize: memTableSize, FormatMajorVersion: pebble.FormatNewest}
	for i := range po.Levels {
		po.Levels[i].FilterPolicy = bloom.FilterPolicy(bloomBitsPerKey)
	}
	raw, err := pebble.Open("", po)
	require.NoError(b, err)
	b.Cleanup(func() { _ = raw.Close() })
	prefix := s.(*store).prefix
	batch := raw.NewBatch()
	for i := uint64(0); i < benchRows; i++ {
		require.NoError(b, batch.Set(benchKey(prefix, i), val, nil))
	}
	require.NoError(b, batch.Commit(pebble.NoSync))
	require.NoError(b, raw.Flush())
	return db, s, raw, prefix
}

// The measured operations, each on our transactional path (…Txn) and on
// raw Pebble (…Raw), shared by the side-by-side and the paired benchmarks.
// key is a scratch key whose last 8 bytes take the row id: 8 bytes for our
// stores, the store prefix plus 8 bytes for raw Pebble.

func setID(key []byte, id uint64) { binary.BigEndian.PutUint64(key[len(key)-8:], id) }

// getTxn reads the existing row id.
func getTxn(b *testing.B, v KVStore, key []byte, id uint64) {
	setID(key, id)
	if _, found, err := v.Get(key); err != nil || !found {
		b.Fatal("missing row", err)
	}
}

func getRaw(b *testing.B, raw *pebble.DB, key []byte, id uint64) {
	setID(key, id)
	got, closer, err := raw.Get(key)
	if err != nil || len(got) != 100 {
		b.Fatal("missing row", err)
	}
	_ = closer.Close()
}

// scanTxn reads the 100 rows from start and returns the bytes of their
// values.
func scanTxn(b *testing.B, v KVStore, start uint64) int {
	it, err := v.Iterate(IterOptions{Lower: benchKey(nil, start), Upper: benchKey(nil, start+100)})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for it.Next() {
		n += len(it.Value())
	}
	_ = it.Close()
	return n
}

func scanRaw(b *testing.B, raw *pebble.DB, prefix []byte, start uint64) int {
	it, err := raw.NewIter(&pebble.IterOptions{LowerBound: benchKey(prefix, start), UpperBound: benchKey(prefix, start+100)})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for valid := it.First(); valid; valid = it.Next() {
		n += len(it.Value())
	}
	_ = it.Close()
	return n
}

// putBatchTxn puts rows base..base+999 in one transaction.
func putBatchTxn(b *testing.B, ctx context.Context, db *DB, s KVStore, key []byte, base uint64, val []byte) {
	tx, err := db.Begin(ctx, TxOptions{Immediate: true})
	if err != nil {
		b.Fatal(err)
	}
	v := tx.Store(s)
	for j := uint64(0); j < 1000; j++ {
		setID(key, base+j)
		if err := v.Put(key, val); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		b.Fatal(err)
	}
}

func putBatchRaw(b *testing.B, raw *pebble.DB, key []byte, base uint64, val []byte) {
	batch := raw.NewBatch()
	for j := uint64(0); j < 1000; j++ {
		setID(key, base+j)
		if err := batch.Set(key, val, nil); err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Commit(pebble.NoSync); err != nil {
		b.Fatal(err)
	}
	_ = batch.Close()
}

// smallTxn is an autocommit-style write of the absent row id: begin
// (taking the write lock), check the key is absent, put, commit.
func smallTxn(b *testing.B, ctx context.Context, db *DB, s KVStore, key []byte, id uint64, val []byte) {
	setID(key, id)
	tx, err := db.Begin(ctx, TxOptions{Immediate: true})
	if err != nil {
		b.Fatal(err)
	}
	v := tx.Store(s)
	if found, err := v.Has(key); err != nil || found {
		b.Fatal("unexpected row", err)
	}
	if err := v.Put(key, val); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		b.Fatal(err)
	}
}

func smallRaw(b *testing.B, raw *pebble.DB, key []byte, id uint64, val []byte) {
	setID(key, id)
	if _, closer, err := raw.Get(key); err == nil {
		_ = closer.Close()
		b.Fatal("unexpected row")
	}
	if err := raw.Set(key, val, pebble.NoSync); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkPointGet(b *testing.B) {
	db, s, raw, prefix := benchData(b)
	r := rand.New(rand.NewSource(1))
	b.Run("txn", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		key := make([]byte, 8)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			getTxn(b, v, key, uint64(r.Intn(benchRows)))
		}
	})
	b.Run("raw", func(b *testing.B) {
		key := benchKey(prefix, 0)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			getRaw(b, raw, key, uint64(r.Intn(benchRows)))
		}
	})
}

func BenchmarkRangeScan100(b *testing.B) {
	db, s, raw, prefix := benchData(b)
	r := rand.New(rand.NewSource(1))
	b.Run("txn", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if n := scanTxn(b, v, uint64(r.Intn(benchRows-100))); n != 100*100 {
				b.Fatal("short scan", n)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if n := scanRaw(b, raw, prefix, uint64(r.Intn(benchRows-100))); n != 100*100 {
				b.Fatal("short scan", n)
			}
		}
	})
}

// BenchmarkBatchedPuts commits 1000 puts per transaction (per batch for raw
// Pebble); one op is one commit.
func BenchmarkBatchedPuts(b *testing.B) {
	db, s, raw, prefix := benchData(b)
	val := make([]byte, 100)
	b.Run("txn", func(b *testing.B) {
		key := make([]byte, 8)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			putBatchTxn(b, context.Background(), db, s, key, uint64(benchRows+i*1000), val)
		}
	})
	b.Run("raw", func(b *testing.B) {
		key := benchKey(prefix, 0)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			putBatchRaw(b, raw, key, uint64(benchRows+i*1000), val)
		}
	})
}

// BenchmarkSmallTxn is an autocommit-style write: begin (taking the write
// lock), check the key is absent, put one row, commit; against a raw
// Pebble Get plus Set.
func BenchmarkSmallTxn(b *testing.B) {
	db, s, raw, prefix := benchData(b)
	val := make([]byte, 100)
	ctx := context.Background()
	next := uint64(2 * benchRows) // fresh keys across both runs and all b.N rounds
	b.Run("txn", func(b *testing.B) {
		key := make([]byte, 8)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			next++
			smallTxn(b, ctx, db, s, key, next, val)
		}
	})
	b.Run("raw", func(b *testing.B) {
		key := benchKey(prefix, 0)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			next++
			smallRaw(b, raw, key, next, val)
		}
	})
}
