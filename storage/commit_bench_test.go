package storage

import (
	"context"
	"encoding/binary"
	"testing"
)

// BenchmarkCommitLargeTxn times the commit alone of a 100,000-row
// transaction that writes a table store and an index store (the shape of a
// bulk INSERT) and is due a statistics flush. One op is one commit.
func BenchmarkCommitLargeTxn(b *testing.B) {
	const rows = 100_000
	db := openMem(b, func(o *Options) { o.NoSync = true })
	data := tableStore(b, db, "main", "items")
	index, err := db.Provider().GetIndexStore("main", "items", "grp")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	key := make([]byte, 8)
	ikey := make([]byte, 16)
	val := make([]byte, 60)
	b.ReportAllocs()
	commits := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		tx, err := db.Begin(ctx, TxOptions{Immediate: true})
		if err != nil {
			b.Fatal(err)
		}
		dv, iv := tx.Store(data), tx.Store(index)
		for r := 0; r < rows; r++ {
			id := uint64(i*rows + r)
			binary.BigEndian.PutUint64(key, id)
			binary.BigEndian.PutUint64(ikey, id%10_000)
			binary.BigEndian.PutUint64(ikey[8:], id)
			if err := dv.Put(key, val); err != nil {
				b.Fatal(err)
			}
			if err := iv.Put(ikey, key); err != nil {
				b.Fatal(err)
			}
		}
		tx.AdjustRowCount("main", "items", rows)
		b.StartTimer()
		if err := tx.Commit(ctx); err != nil {
			b.Fatal(err)
		}
		commits++
	}
	if n, ok := db.RowCount("main", "items"); !ok || n != int64(commits)*rows {
		b.Fatalf("row count %d (known: %v) after %d commits", n, ok, commits)
	}
}
