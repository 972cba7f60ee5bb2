package storage

import (
	"context"
	"math/rand"
	"testing"
	"time"
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
		key, rawKey := make([]byte, 8), benchKey(prefix, 0)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			id := uint64(r.Intn(benchRows))
			t0 := time.Now()
			getTxn(b, v, key, id)
			t1 := time.Now()
			getRaw(b, raw, rawKey, id)
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
			n := scanTxn(b, v, start)
			t1 := time.Now()
			n += scanRaw(b, raw, prefix, start)
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
		key, rawKey := make([]byte, 8), benchKey(prefix, 0)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			base := next
			next += 1000
			t0 := time.Now()
			putBatchTxn(b, ctx, db, s, key, base, val)
			t1 := time.Now()
			putBatchRaw(b, raw, rawKey, base, val)
			t2 := time.Now()
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})

	b.Run("SmallTxn", func(b *testing.B) {
		key, rawKey := make([]byte, 8), benchKey(prefix, 0)
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			next++
			t0 := time.Now()
			smallTxn(b, ctx, db, s, key, next, val)
			t1 := time.Now()
			smallRaw(b, raw, rawKey, next, val)
			t2 := time.Now()
			ours, theirs = ours+t1.Sub(t0), theirs+t2.Sub(t1)
		}
		pairedReport(b, ours, theirs)
	})
}
