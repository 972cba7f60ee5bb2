package main

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/bloom"
)

// rawConfig is one Pebble configuration the raw baseline runs with.
type rawConfig struct {
	name    string
	options func() *pebble.Options
}

// rawConfigs: Pebble's defaults, and the tuning quereus's storage applies
// (storage/db.go: 64 MiB memtables, 10-bit bloom filters on every level, a
// 32 MiB block cache plus two memtables of headroom), which is the physical
// limit of our storage on this shape.
var rawConfigs = []rawConfig{
	{"defaults", func() *pebble.Options { return &pebble.Options{} }},
	{"quereus tuning", func() *pebble.Options {
		const memTable = 64 << 20
		o := &pebble.Options{MemTableSize: memTable, Cache: pebble.NewCache(32<<20 + 2*memTable)}
		for i := range o.Levels {
			o.Levels[i].FilterPolicy = bloom.FilterPolicy(10)
		}
		return o
	}},
}

// rawResult is raw Pebble's rate on the bench's data shape.
type rawResult struct {
	config string
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
func runRawPebble(n int, cfg rawConfig) (rawResult, error) {
	dir, err := os.MkdirTemp("", "quereus-bench-pebble-")
	if err != nil {
		return rawResult{}, err
	}
	defer os.RemoveAll(dir)
	opts := cfg.options()
	db, err := pebble.Open(dir, opts)
	if opts.Cache != nil {
		opts.Cache.Unref() // Pebble holds its own reference while open
	}
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
	return rawResult{config: cfg.name, getOps: gets / elapsed.Seconds(), getCPU: gets / used.Seconds(), putOps: putOps}, nil
}
