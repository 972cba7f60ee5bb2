package storage

import (
	"encoding/binary"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// heapPeak samples HeapInuse until stopped and reports the peak above the
// baseline measured at start (after a GC).
type heapPeak struct {
	base, peak uint64
	stop       chan struct{}
	wg         sync.WaitGroup
}

func startHeapPeak() *heapPeak {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h := &heapPeak{base: ms.HeapInuse, peak: ms.HeapInuse, stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			h.sample()
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

func (h *heapPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > h.peak {
		h.peak = ms.HeapInuse
	}
}

// finish stops sampling and returns the peak growth in bytes.
func (h *heapPeak) finish() uint64 {
	close(h.stop)
	h.wg.Wait()
	h.sample()
	return h.peak - h.base
}

// insertRows commits one transaction of n rows with 10-byte keys and
// 100-byte values.
func insertRows(t testing.TB, db *DB, n int) {
	s := tableStore(t, db, "main", "big")
	tx := writeTxn(t, db)
	v := tx.Store(s)
	m := tx.Savepoint() // the engine holds a statement mark throughout
	key := make([]byte, 10)
	val := make([]byte, 100)
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint64(key[2:], uint64(i)*2654435761%uint64(n)) // scattered order
		binary.BigEndian.PutUint64(val, uint64(i))
		require.NoError(t, v.Put(key, val))
		tx.AdjustRowCount("main", "big", 1)
	}
	require.NoError(t, tx.Release(m))
	commit(t, tx)
}

// TestLargeTransactionMemory checks that a big transaction's memory stays
// proportional to its data: 100k rows (11 MB of keys and values) must peak
// below 100 MiB, i.e. the 1 GiB budget for a million rows scaled down.
// BenchmarkLargeTxn measures the full million.
func TestLargeTransactionMemory(t *testing.T) {
	if raceEnabled {
		t.Skip("heap measurement needs a build without the race detector (it runs in plain go test)")
	}
	const rows = 100_000
	db, err := Open(Options{Dir: filepath.Join(t.TempDir(), "db"), NoSync: true})
	require.NoError(t, err)
	defer db.Close()
	h := startHeapPeak()
	insertRows(t, db, rows)
	peak := h.finish()
	t.Logf("peak heap growth for %d rows: %.1f MiB", rows, float64(peak)/(1<<20))
	require.Less(t, peak, uint64(100<<20))
	n, _ := db.RowCount("main", "big")
	require.Equal(t, int64(rows), n)
}

// BenchmarkLargeTxn commits a one-million-row transaction (10-byte keys,
// 100-byte values) and reports the peak heap growth.
func BenchmarkLargeTxn(b *testing.B) {
	const rows = 1_000_000
	for i := 0; i < b.N; i++ {
		db, err := Open(Options{Dir: filepath.Join(b.TempDir(), "db"), NoSync: true})
		require.NoError(b, err)
		h := startHeapPeak()
		insertRows(b, db, rows)
		peak := h.finish()
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		require.NoError(b, db.Close())
	}
}
