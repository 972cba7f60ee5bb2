package storage

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/bloom"
	"github.com/cockroachdb/pebble/v2/vfs"
)

// DB is an open database: one Pebble instance holding every logical store.
// It implements Database. DB's methods are safe for concurrent use; Close
// must not race with other use.
type DB struct {
	opts        Options
	busyTimeout time.Duration
	pdb         *pebble.DB
	dirLock     *pebble.Lock // nil for in-memory databases
	writeOpts   *pebble.WriteOptions

	wlock writeLock
	// commitSeq counts commits (of transactions, raw writes and store
	// drops/renames); a transaction compares it with the value it saw when
	// taking its snapshot to detect a stale snapshot.
	commitSeq atomic.Uint64
	// ddlMu serializes transaction commits with store drops and renames.
	ddlMu sync.Mutex
	// snaps shares read snapshots between transactions (snapshots.go).
	snaps snapshotCache

	dir          directory
	stats        statsTable
	events       emitter
	statsStore   *store
	catalogStore *store
	prov         provider

	closed  atomic.Bool
	mu      sync.Mutex // guards closing, txns and iters
	closing bool       // Close has begun: no new transactions or iterators
	txns    map[*txn]struct{}
	iters   map[*rawIter]struct{}
}

var _ Database = (*DB)(nil)

// Defaults for zero Options fields.
const (
	defaultBusyTimeout = 5 * time.Second
	defaultCacheSize   = 32 << 20
	defaultMaxTxnBytes = 1 << 30
)

// Pebble tuning (not user options).
const (
	// memTableSize is the largest memtable. Pebble starts at 256 KiB and
	// doubles per memtable up to it, so small databases stay small, while a
	// bulk load or a busy write stream flushes (and compacts) far less than
	// with Pebble's 4 MiB default; reads of recent data stay in memory. In
	// bench/ this made reads 30-75% cheaper in CPU time.
	memTableSize = 64 << 20
	// bloomBitsPerKey sizes the per-table bloom filters that let point
	// reads (primary-key lookups, uniqueness checks) skip tables that do
	// not hold the key: about 1% false positives.
	bloomBitsPerKey = 10
	// memTableReserve is the block-cache headroom for memtable
	// reservations: the active memtable plus one being flushed.
	memTableReserve = 2 * memTableSize
)

// Open opens (creating if needed) the database in opts.Dir, or a fresh
// in-memory database when opts.Dir is empty. Opening a directory another
// process has open fails with an error wrapping ErrLockedByOtherProcess.
func Open(opts Options) (*DB, error) {
	if opts.BusyTimeout < 0 {
		return nil, fmt.Errorf("storage: negative busy timeout %v", opts.BusyTimeout)
	}
	if opts.CacheSize < 0 || opts.MaxTxnBytes < 0 {
		return nil, fmt.Errorf("storage: negative cache size %d or transaction limit %d", opts.CacheSize, opts.MaxTxnBytes)
	}
	if opts.MaxTxnBytes == 0 {
		opts.MaxTxnBytes = defaultMaxTxnBytes
	}
	busy := opts.BusyTimeout
	if busy == 0 {
		busy = defaultBusyTimeout
	}
	cacheSize := opts.CacheSize
	if cacheSize == 0 {
		cacheSize = defaultCacheSize
	}
	// Pebble reserves every memtable (and every large batch it commits as
	// a flushable) from the block cache's capacity. Without headroom a
	// memtable grown to the cache size leaves no room for blocks at all and
	// every read of flushed data misses the cache (15x slower point reads
	// in BenchmarkPointGet). Size the cache for CacheSize of blocks plus
	// the memtable reservations.
	cache := pebble.NewCache(cacheSize + memTableReserve)
	defer cache.Unref() // Pebble holds its own reference while open
	po := &pebble.Options{Logger: quietLogger{}, ReadOnly: opts.ReadOnly, Cache: cache, MemTableSize: memTableSize}
	for i := range po.Levels {
		po.Levels[i].FilterPolicy = bloom.FilterPolicy(bloomBitsPerKey)
	}
	if !opts.ReadOnly {
		po.FormatMajorVersion = pebble.FormatNewest
	}
	var lock *pebble.Lock
	if opts.Dir == "" {
		if opts.ReadOnly {
			return nil, errors.New("storage: a read-only database needs a directory")
		}
		po.FS = vfs.NewMem()
	} else {
		if !opts.ReadOnly {
			if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
				return nil, fmt.Errorf("storage: creating %s: %w", opts.Dir, err)
			}
		}
		var err error
		if lock, err = pebble.LockDirectory(opts.Dir, vfs.Default); err != nil {
			return nil, lockError(opts.Dir, err)
		}
		po.Lock = lock
	}
	pdb, err := pebble.Open(opts.Dir, po)
	if err != nil {
		if lock != nil {
			_ = lock.Close()
		}
		return nil, fmt.Errorf("storage: opening %s: %w", describeDir(opts.Dir), err)
	}
	db := &DB{
		opts:        opts,
		busyTimeout: busy,
		pdb:         pdb,
		dirLock:     lock,
		writeOpts:   pebble.Sync,
		wlock:       newWriteLock(),
		txns:        map[*txn]struct{}{},
		iters:       map[*rawIter]struct{}{},
	}
	if opts.NoSync {
		db.writeOpts = pebble.NoSync
	}
	db.prov = provider{db: db}
	db.statsStore = newStore(db, statsStoreID, statsStoreName, nil)
	db.catalogStore = newStore(db, catalogStoreID, catalogStoreName, nil)
	if err := db.init(); err != nil {
		_ = pdb.Close()
		if lock != nil {
			_ = lock.Close()
		}
		return nil, err
	}
	return db, nil
}

func describeDir(dir string) string {
	if dir == "" {
		return "in-memory database"
	}
	return dir
}

// lockError maps a failure to take Pebble's directory lock.
func lockError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.EAGAIN), errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EWOULDBLOCK):
		return fmt.Errorf("%w: %s (%v)", ErrLockedByOtherProcess, dir, err)
	case strings.Contains(err.Error(), "lock held by current process"):
		return fmt.Errorf("%w: %s is already open in this process; share the open *DB instead", ErrLockedByOtherProcess, dir)
	}
	return fmt.Errorf("storage: locking %s: %w", dir, err)
}

// init checks the layout version (writing it into a fresh database) and
// loads the store directory and the statistics.
func (db *DB) init() error {
	v, found, err := getFrom(db.pdb, layoutVersionKey)
	if err != nil {
		return err
	}
	if found {
		ver, n := binary.Uvarint(v)
		if n <= 0 || ver != layoutVersion {
			return fmt.Errorf("storage: %s has unsupported layout version %x (this build reads version %d)", describeDir(db.opts.Dir), v, layoutVersion)
		}
	} else {
		if err := db.checkEmpty(); err != nil {
			return err
		}
		if !db.opts.ReadOnly {
			b := db.pdb.NewBatch()
			_ = b.Set(layoutVersionKey, binary.AppendUvarint(nil, layoutVersion), nil)
			_ = b.Set(nextStoreIDKey, binary.AppendUvarint(nil, firstDynamicStoreID), nil)
			err := b.Commit(pebble.Sync)
			_ = b.Close()
			if err != nil {
				return err
			}
		}
	}
	if err := db.dir.load(db); err != nil {
		return err
	}
	return db.stats.load(db.pdb, db.statsStore)
}

// checkEmpty refuses to adopt a non-empty Pebble directory that lacks our
// layout version key.
func (db *DB) checkEmpty() error {
	it, err := db.pdb.NewIter(nil)
	if err != nil {
		return err
	}
	defer it.Close()
	if it.First() {
		return fmt.Errorf("storage: %s holds data that is not a quereus database", describeDir(db.opts.Dir))
	}
	return it.Error()
}

// Provider gives access to the logical stores.
func (db *DB) Provider() KVStoreProvider { return &db.prov }

// OnDataChange subscribes to committed data changes.
func (db *DB) OnDataChange(fn func(DataChangeEvent)) func() { return db.events.onDataChange(fn) }

// OnSchemaChange subscribes to committed schema changes.
func (db *DB) OnSchemaChange(fn func(SchemaChangeEvent)) func() {
	return db.events.onSchemaChange(fn)
}

// HasDataListeners reports whether any data-change listener is subscribed.
func (db *DB) HasDataListeners() bool { return db.events.nData.Load() > 0 }

// RowCount is the committed row-count statistic of schema.table.
func (db *DB) RowCount(schema, table string) (int64, bool) {
	return db.stats.rowCount(statsKey(schema, table))
}

// LoadCatalog returns every entry of the __catalog__ store in key order.
func (db *DB) LoadCatalog() ([]CatalogEntry, error) {
	it, err := db.catalogStore.Iterate(IterOptions{})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []CatalogEntry
	for it.Next() {
		out = append(out, CatalogEntry{Key: string(it.Key()), DDL: string(it.Value())})
	}
	return out, it.Err()
}

// Close rolls back open transactions, closes open iterators, writes the
// unflushed statistics and closes Pebble. Closing twice is a no-op.
func (db *DB) Close() error {
	db.mu.Lock()
	if db.closing {
		db.mu.Unlock()
		return nil
	}
	db.closing = true
	txns := make([]*txn, 0, len(db.txns))
	for t := range db.txns {
		txns = append(txns, t)
	}
	iters := make([]*rawIter, 0, len(db.iters))
	for it := range db.iters {
		iters = append(iters, it)
	}
	db.mu.Unlock()
	for _, t := range txns {
		t.finish() // runs rollback actions while the provider still works
	}
	db.closed.Store(true)
	for _, it := range iters {
		_ = it.Close()
	}
	db.closeSnapshots()
	var errs []error
	if !db.opts.ReadOnly {
		errs = append(errs, db.flushStats())
	}
	errs = append(errs, db.pdb.Close())
	if db.dirLock != nil {
		errs = append(errs, db.dirLock.Close())
	}
	return errors.Join(errs...)
}

// flushStats writes every unflushed row count.
func (db *DB) flushStats() error {
	db.ddlMu.Lock()
	defer db.ddlMu.Unlock()
	b := db.pdb.NewBatch()
	defer b.Close()
	flushed, err := db.stats.planCommit(b, db.statsStore, nil, true)
	if err != nil {
		return err
	}
	if b.Empty() {
		return nil
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("storage: writing statistics: %w", err)
	}
	db.stats.applyCommit(nil, flushed)
	return nil
}

// Begin starts a transaction; with opts.Immediate it takes the write lock
// first (waiting as LockForWrite does).
func (db *DB) Begin(ctx context.Context, opts TxOptions) (Txn, error) {
	if opts.Immediate && (opts.ReadOnly || db.opts.ReadOnly) {
		return nil, fmt.Errorf("%w: cannot begin an immediate transaction", ErrReadOnly)
	}
	t := newTxn(db, opts)
	db.mu.Lock()
	if db.closing {
		db.mu.Unlock()
		return nil, errClosed
	}
	db.txns[t] = struct{}{}
	db.mu.Unlock()
	if opts.Immediate {
		if err := t.LockForWrite(ctx); err != nil {
			t.finish()
			return nil, err
		}
	}
	return t, nil
}

func (db *DB) trackIter(it *rawIter) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closing {
		return errClosed
	}
	db.iters[it] = struct{}{}
	return nil
}

func (db *DB) untrackIter(it *rawIter) {
	db.mu.Lock()
	delete(db.iters, it)
	db.mu.Unlock()
}

func (db *DB) untrackTxn(t *txn) {
	db.mu.Lock()
	delete(db.txns, t)
	db.mu.Unlock()
}

// quietLogger drops Pebble's informational messages and forwards errors.
type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{}) {}
func (quietLogger) Errorf(format string, args ...interface{}) {
	pebble.DefaultLogger.Errorf(format, args...)
}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	pebble.DefaultLogger.Fatalf(format, args...)
}
