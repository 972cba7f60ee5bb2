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
			binary.BigEndian.PutUint64(key, uint64(r.Intn(benchRows)))
			if _, found, err := v.Get(key); err != nil || !found {
				b.Fatal("missing row", err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		key := append([]byte(nil), prefix...)
		key = append(key, make([]byte, 8)...)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			binary.BigEndian.PutUint64(key[len(prefix):], uint64(r.Intn(benchRows)))
			v, closer, err := raw.Get(key)
			if err != nil || len(v) != 100 {
				b.Fatal("missing row", err)
			}
			_ = closer.Close()
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
			start := uint64(r.Intn(benchRows - 100))
			it, err := v.Iterate(IterOptions{Lower: benchKey(nil, start), Upper: benchKey(nil, start+100)})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for it.Next() {
				n += len(it.Value())
			}
			_ = it.Close()
			if n != 100*100 {
				b.Fatal("short scan", n)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			start := uint64(r.Intn(benchRows - 100))
			it, err := raw.NewIter(&pebble.IterOptions{LowerBound: benchKey(prefix, start), UpperBound: benchKey(prefix, start+100)})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for valid := it.First(); valid; valid = it.Next() {
				n += len(it.Value())
			}
			_ = it.Close()
			if n != 100*100 {
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
			tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
			if err != nil {
				b.Fatal(err)
			}
			v := tx.Store(s)
			for j := 0; j < 1000; j++ {
				binary.BigEndian.PutUint64(key, uint64(benchRows+i*1000+j))
				if err := v.Put(key, val); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		key := append(append([]byte(nil), prefix...), make([]byte, 8)...)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			batch := raw.NewBatch()
			for j := 0; j < 1000; j++ {
				binary.BigEndian.PutUint64(key[len(prefix):], uint64(benchRows+i*1000+j))
				if err := batch.Set(key, val, nil); err != nil {
					b.Fatal(err)
				}
			}
			if err := batch.Commit(pebble.NoSync); err != nil {
				b.Fatal(err)
			}
			_ = batch.Close()
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
			binary.BigEndian.PutUint64(key, next)
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
	})
	b.Run("raw", func(b *testing.B) {
		key := append(append([]byte(nil), prefix...), make([]byte, 8)...)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			next++
			binary.BigEndian.PutUint64(key[len(prefix):], next)
			if _, closer, err := raw.Get(key); err == nil {
				_ = closer.Close()
				b.Fatal("unexpected row")
			}
			if err := raw.Set(key, val, pebble.NoSync); err != nil {
				b.Fatal(err)
			}
		}
	})
}
