package storage

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFlushedDataIsServedFromBlockCache guards against memtable
// reservations starving the block cache: with a cache smaller than the
// memtable a big commit grows, a second pass over flushed data must still
// hit the cache.
func TestFlushedDataIsServedFromBlockCache(t *testing.T) {
	db := openMem(t, func(o *Options) { o.CacheSize = 1 << 20; o.NoSync = true })
	s := tableStore(t, db, "main", "t")
	tx := writeTxn(t, db)
	val := make([]byte, 100)
	const rows = 20_000 // about 2 MiB, so the memtable grows past the cache size
	for i := uint64(0); i < rows; i++ {
		require.NoError(t, tx.Store(s).Put(binary.BigEndian.AppendUint64(nil, i), val))
	}
	commit(t, tx)
	require.NoError(t, db.pdb.Flush())

	read := func() {
		r := readTxn(t, db)
		defer r.Rollback()
		for i := uint64(0); i < rows; i += 50 {
			_, found, err := r.Store(s).Get(binary.BigEndian.AppendUint64(nil, i))
			require.NoError(t, err)
			require.True(t, found)
		}
	}
	read() // warm
	before := db.pdb.Metrics().BlockCache
	read()
	after := db.pdb.Metrics().BlockCache
	hits, misses := after.Hits-before.Hits, after.Misses-before.Misses
	assert.Greater(t, hits, 4*misses, "second pass: %d hits, %d misses", hits, misses)
}
