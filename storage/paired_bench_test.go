package storage

import (
	"context"
	"encoding/binary"
	"math/rand"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
)

// The paired benchmarks alternate our operation and the raw-Pebble one in a
// single loop and time each, so that machine load affects both alike;
// they report txn-ns/op, raw-ns/op and their ratio.
func pairedReport(b *testing.B, ours, raw time.Duration) {
	b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N), "txn-ns/op")
	b.ReportMetric(float64(raw.Nanoseconds())/float64(b.N), "raw-ns/op")
	b.ReportMetric(float64(ours)/float64(raw), "ratio")
}

func BenchmarkPaired(b *testing.B) {
	db, s, raw, prefix := benchData(b)
	ctx := context.Background()
	r := rand.New(rand.NewSource(1))
	val := make([]byte, 100)

	b.Run("PointGet", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		key := make([]byte, 8)
		rawKey := append(append([]byte(nil), prefix...), key...)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			id := uint64(r.Intn(benchRows))
			binary.BigEndian.PutUint64(key, id)
			binary.BigEndian.PutUint64(rawKey[len(prefix):], id)
			t0 := time.Now()
			if _, found, err := v.Get(key); err != nil || !found {
				b.Fatal("missing row", err)
			}
			t1 := time.Now()
			if got, closer, err := raw.Get(rawKey); err != nil || len(got) != 100 {
				b.Fatal("missing row", err)
			} else {
				_ = closer.Close()
			}
			t2 := time.Now()
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})

	b.Run("RangeScan100", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			start := uint64(r.Intn(benchRows - 100))
			t0 := time.Now()
			it, err := v.Iterate(IterOptions{Lower: benchKey(nil, start), Upper: benchKey(nil, start+100)})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for it.Next() {
				n += len(it.Value())
			}
			_ = it.Close()
			t1 := time.Now()
			rit, err := raw.NewIter(&pebble.IterOptions{LowerBound: benchKey(prefix, start), UpperBound: benchKey(prefix, start+100)})
			if err != nil {
				b.Fatal(err)
			}
			for valid := rit.First(); valid; valid = rit.Next() {
				n += len(rit.Value())
			}
			_ = rit.Close()
			t2 := time.Now()
			if n != 2*100*100 {
				b.Fatal("short scan", n)
			}
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})

	next := uint64(4 * benchRows)
	b.Run("BatchedPuts1000", func(b *testing.B) {
		key := make([]byte, 8)
		rawKey := append(append([]byte(nil), prefix...), key...)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			base := next
			next += 1000
			t0 := time.Now()
			tx, err := db.Begin(ctx, TxOptions{Immediate: true})
			if err != nil {
				b.Fatal(err)
			}
			v := tx.Store(s)
			for j := uint64(0); j < 1000; j++ {
				binary.BigEndian.PutUint64(key, base+j)
				if err := v.Put(key, val); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(ctx); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			batch := raw.NewBatch()
			for j := uint64(0); j < 1000; j++ {
				binary.BigEndian.PutUint64(rawKey[len(prefix):], base+j)
				if err := batch.Set(rawKey, val, nil); err != nil {
					b.Fatal(err)
				}
			}
			if err := batch.Commit(pebble.NoSync); err != nil {
				b.Fatal(err)
			}
			_ = batch.Close()
			t2 := time.Now()
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})

	b.Run("SmallTxn", func(b *testing.B) {
		key := make([]byte, 8)
		rawKey := append(append([]byte(nil), prefix...), key...)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			next++
			binary.BigEndian.PutUint64(key, next)
			binary.BigEndian.PutUint64(rawKey[len(prefix):], next)
			t0 := time.Now()
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
			t1 := time.Now()
			if _, closer, err := raw.Get(rawKey); err == nil {
				_ = closer.Close()
				b.Fatal("unexpected row")
			}
			if err := raw.Set(rawKey, val, pebble.NoSync); err != nil {
				b.Fatal(err)
			}
			t2 := time.Now()
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})
}
