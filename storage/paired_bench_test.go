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

// runPaired runs b.N rounds of next (untimed: it picks the round's input),
// ours and raw, and reports the summed times of ours and raw per round.
func runPaired(b *testing.B, next, ours, raw func()) {
	var tOurs, tRaw time.Duration
	for i := 0; i < b.N; i++ {
		next()
		t0 := time.Now()
		ours()
		t1 := time.Now()
		raw()
		t2 := time.Now()
		tOurs, tRaw = tOurs+t1.Sub(t0), tRaw+t2.Sub(t1)
	}
	b.ReportMetric(float64(tOurs.Nanoseconds())/float64(b.N), "txn-ns/op")
	b.ReportMetric(float64(tRaw.Nanoseconds())/float64(b.N), "raw-ns/op")
	b.ReportMetric(float64(tOurs)/float64(tRaw), "ratio")
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
		var id uint64
		runPaired(b,
			func() { id = uint64(r.Intn(benchRows)) },
			func() { getTxn(b, v, key, id) },
			func() { getRaw(b, raw, rawKey, id) })
	})

	b.Run("RangeScan100", func(b *testing.B) {
		tx := readTxn(b, db)
		defer tx.Rollback()
		v := tx.Store(s)
		var start uint64
		var n int
		runPaired(b,
			func() { start = uint64(r.Intn(benchRows - 100)) },
			func() { n = scanTxn(b, v, start) },
			func() {
				if n += scanRaw(b, raw, prefix, start); n != 2*100*100 {
					b.Fatal("short scan", n)
				}
			})
	})

	next := uint64(4 * benchRows)
	b.Run("BatchedPuts1000", func(b *testing.B) {
		key, rawKey := make([]byte, 8), benchKey(prefix, 0)
		var base uint64
		runPaired(b,
			func() { base, next = next, next+1000 },
			func() { putBatchTxn(b, ctx, db, s, key, base, val) },
			func() { putBatchRaw(b, raw, rawKey, base, val) })
	})

	b.Run("SmallTxn", func(b *testing.B) {
		key, rawKey := make([]byte, 8), benchKey(prefix, 0)
		runPaired(b,
			func() { next++ },
			func() { smallTxn(b, ctx, db, s, key, next, val) },
			func() { smallRaw(b, raw, rawKey, next, val) })
	})
}
