package main

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/cockroachdb/pebble/v2"
)

// rawResult is the physical limit of our storage on the bench's data shape.
type rawResult struct {
	getOps float64 // random point gets per second
	getCPU float64 // random point gets per CPU-second
	putOps float64 // rows per second, batched with index entries, one synced commit
}

func rawKey(prefix uint32, id uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, prefix)
	binary.BigEndian.PutUint64(k[4:], id)
	return k
}

// runRawPebble writes n rows (a data entry and an index entry each, as the
// SQL targets do) in one synced batch, then does random point gets.
func runRawPebble(n int) (rawResult, error) {
	dir, err := os.MkdirTemp("", "quereus-bench-pebble-")
	if err != nil {
		return rawResult{}, err
	}
	defer os.RemoveAll(dir)
	db, err := pebble.Open(dir, &pebble.Options{})
	if err != nil {
		return rawResult{}, err
	}
	defer db.Close()

	start := time.Now()
	b := db.NewBatch()
	for id := 1; id <= n; id++ {
		grp, cat, name, val := itemRow(id, n)
		row := fmt.Appendf(nil, "%d|%d|%s|%g", grp, cat, name, val)
		if err := b.Set(rawKey(1, uint64(id)), row, nil); err != nil {
			return rawResult{}, err
		}
		if err := b.Set(append(rawKey(2, uint64(grp)), rawKey(0, uint64(id))...), nil, nil); err != nil {
			return rawResult{}, err
		}
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return rawResult{}, err
	}
	putOps := float64(n) / time.Since(start).Seconds()

	const gets = 20000
	rng := rand.New(rand.NewPCG(1, 2))
	start, startCPU := time.Now(), cpuTime()
	for i := 0; i < gets; i++ {
		v, closer, err := db.Get(rawKey(1, uint64(1+rng.IntN(n))))
		if err != nil {
			return rawResult{}, err
		}
		_ = v
		closer.Close()
	}
	elapsed, used := time.Since(start), cpuTime()-startCPU
	return rawResult{getOps: gets / elapsed.Seconds(), getCPU: gets / used.Seconds(), putOps: putOps}, nil
}
