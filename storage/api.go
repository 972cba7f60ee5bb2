package storage

import (
	"context"
	"errors"
	"time"

	"github.com/quereus/quereus/storage/value"
)

// This file is the contract between the storage layer and the engine. The
// engine sees only these types; nothing Pebble-specific crosses it, so that a
// provider over another transactional KV store can slot in later.

// Errors with stable identities. Messages carry the texts users see.
var (
	// ErrBusy: the write lock could not be taken within the busy timeout, or a
	// deferred transaction's snapshot went stale before its first write.
	// Its text contains "database is busy".
	ErrBusy = errors.New("database is busy")
	// ErrLockedByOtherProcess: another process has the directory open.
	ErrLockedByOtherProcess = errors.New("database is locked by another process")
	// ErrReadOnly: a write on a read-only database or transaction.
	ErrReadOnly = errors.New("attempt to write a read-only database")
	// ErrTxDone: use of a committed or rolled-back transaction.
	ErrTxDone = errors.New("transaction has already been committed or rolled back")
	// ErrStoreNameCollision: two logical objects would map to one physical store name.
	ErrStoreNameCollision = errors.New("store name collision")
)

// Options configure Open.
type Options struct {
	// Dir is the Pebble directory, created if absent. Empty means an
	// in-memory database (Pebble over its in-memory filesystem).
	Dir string
	// NoSync commits without fsync (faster, loses the last commits on a crash).
	NoSync bool
	// BusyTimeout bounds the wait for the write lock; 0 means 5 seconds.
	BusyTimeout time.Duration
	// ReadOnly refuses every write.
	ReadOnly bool
	// CacheSize is the block cache size in bytes; 0 means 32 MiB.
	CacheSize int64
	// MaxTxnBytes bounds the key and value bytes one transaction may buffer
	// (rewrites count again); a write past it fails with a clear error
	// instead of exhausting memory. 0 means 1 GiB.
	MaxTxnBytes int64
}

// KVStore is one logical ordered key-value store (a table's data, one
// secondary index, the stats store or the catalog store), as in the store
// module design. Keys are compared bytewise. A KVStore obtained from a
// Provider reads and writes committed state directly; one obtained from
// Txn.Store reads the transaction's snapshot plus its own writes and buffers
// writes until commit.
type KVStore interface {
	// Get returns a copy of the value stored under key; found is false when absent.
	Get(key []byte) (val []byte, found bool, err error)
	Has(key []byte) (bool, error)
	Put(key, val []byte) error
	Delete(key []byte) error
	// Iterate returns an iterator over [opts.Lower, opts.Upper) in key order,
	// or in reverse order when opts.Reverse is set. The caller must Close it.
	Iterate(opts IterOptions) (Iterator, error)
	// Batch returns a write batch applied atomically by its Commit.
	Batch() WriteBatch
	Close() error
}

// IterOptions bound an iteration. Nil bounds are open.
type IterOptions struct {
	Lower   []byte // inclusive
	Upper   []byte // exclusive
	Reverse bool
}

// Iterator walks a KVStore. Key and Value are valid until the next call to
// Next or Close; copy them to keep them.
type Iterator interface {
	Next() bool
	Key() []byte
	Value() []byte
	Err() error
	Close() error
}

// WriteBatch collects writes to one store for atomic application.
type WriteBatch interface {
	Put(key, val []byte)
	Delete(key []byte)
	Commit() error
}

// KVStoreProvider maps logical stores to physical storage (the seed's
// KVStoreProvider in Go idiom). Store names follow the seed: data store
// "{schema}.{table}", index store "{schema}.{table}_idx_{index}", "__stats__",
// "__catalog__". Names are case-insensitive (lowercased). Creating a store
// whose physical name is already taken by a different logical object fails
// with ErrStoreNameCollision before any side effect; so do renames onto, and
// drops of, names owned by another object. Creation, deletion and renaming
// apply to committed state at once, outside any transaction: drop a table's
// stores after the dropping transaction commits, and register the inverse
// rename with Txn.OnRollback. RenameTableStores moves the table's row-count
// statistic too, and DeleteTableStores deletes it (and every index store the
// table owns, listed or not). Close* methods release nothing (all stores
// share one Pebble instance) and leave handles usable.
type KVStoreProvider interface {
	GetStore(schema, table string) (KVStore, error)
	GetIndexStore(schema, table, index string) (KVStore, error)
	GetStatsStore() (KVStore, error)
	GetCatalogStore() (KVStore, error)
	CloseStore(schema, table string) error
	CloseIndexStore(schema, table, index string) error
	DeleteIndexStore(schema, table, index string) error
	DeleteTableStores(schema, table string, indexNames []string) error
	RenameTableStores(schema, oldName, newName string, indexNames []string) error
	CloseAll() error
}

// TxOptions configure Begin.
type TxOptions struct {
	// Immediate takes the write lock at Begin (BEGIN IMMEDIATE).
	Immediate bool
	// ReadOnly refuses writes in this transaction.
	ReadOnly bool
}

// Mark identifies a savepoint within a transaction (also used for
// statement-level atomicity: the engine marks before each statement).
type Mark int

// Txn is one transaction. Reads see a snapshot of committed state, taken at
// the transaction's first read or at its write-lock acquisition, whichever
// comes first, plus the transaction's own writes. Other transactions never
// see uncommitted writes; Commit makes all writes visible atomically, as one
// Pebble batch across all stores. A Txn is used by one goroutine at a time.
type Txn interface {
	// Store returns the transactional view of a store obtained from the
	// provider this transaction belongs to.
	Store(s KVStore) KVStore
	// LockForWrite takes the database write lock (one writer at a time),
	// waiting up to the busy timeout and honouring ctx. It is a no-op when
	// already held. Writes through Store views fail unless it is held.
	// If another transaction committed after this transaction's snapshot was
	// taken, it fails with ErrBusy (retry the transaction): the snapshot
	// would otherwise hide that commit from a read-modify-write.
	LockForWrite(ctx context.Context) error
	// Savepoint marks the current state of the write set and queued events.
	Savepoint() Mark
	// RollbackTo undoes every write and queued event after m; m stays valid.
	RollbackTo(m Mark) error
	// Release forgets m and every mark after it, keeping their writes.
	Release(m Mark) error
	// AdjustRowCount records a row-count change for a table's statistics,
	// applied on commit and undone by RollbackTo.
	AdjustRowCount(schema, table string, delta int64)
	// Emit queues a data or schema change event, delivered after commit in
	// commit order, dropped on rollback (including rollback-to past it).
	Emit(ev Event)
	// OnRollback registers a compensating action for work the transaction
	// cannot undo itself, such as Provider store renames (which apply to
	// committed state at once). fn runs if the work is undone: on Rollback,
	// on a failed Commit, or on RollbackTo a mark taken before the
	// registration; registered actions run in reverse order, still under the
	// transaction's write lock. A successful Commit discards them. A
	// panicking fn is recovered.
	OnRollback(fn func())
	// Commit applies the writes atomically (synced unless Options.NoSync)
	// and then delivers queued events.
	Commit(ctx context.Context) error
	// Rollback discards everything. Rolling back a finished Txn is a no-op.
	Rollback() error
}

// Event is a DataChangeEvent or a SchemaChangeEvent.
type Event interface{ isEvent() }

// DataChangeType is insert, update or delete.
type DataChangeType string

// Data change types.
const (
	Insert DataChangeType = "insert"
	Update DataChangeType = "update"
	Delete DataChangeType = "delete"
)

// DataChangeEvent describes one row change (seed: DataChangeEvent).
type DataChangeEvent struct {
	Type       DataChangeType
	SchemaName string
	TableName  string
	Key        value.Row // primary key values
	OldRow     value.Row // update and delete
	NewRow     value.Row // insert and update
}

// SchemaChangeType is create, alter or drop.
type SchemaChangeType string

// Schema change types.
const (
	Create SchemaChangeType = "create"
	Alter  SchemaChangeType = "alter"
	Drop   SchemaChangeType = "drop"
)

// SchemaChangeEvent describes one DDL change (seed: SchemaChangeEvent).
type SchemaChangeEvent struct {
	Type       SchemaChangeType
	ObjectType string // "table", "index" or "view"
	SchemaName string
	ObjectName string
	DDL        string // for create and alter
}

func (DataChangeEvent) isEvent()   {}
func (SchemaChangeEvent) isEvent() {}

// CatalogEntry is one DDL record of the catalog store.
type CatalogEntry struct {
	Key string // "schema.table", "\x00index\x00schema.index", "\x00view\x00schema.view"
	DDL string
}

// Database is an open database: one Pebble instance holding every logical
// store. *DB (returned by Open) implements it.
type Database interface {
	// Provider gives access to the logical stores.
	Provider() KVStoreProvider
	// Begin starts a transaction.
	Begin(ctx context.Context, opts TxOptions) (Txn, error)
	// OnDataChange subscribes to committed data changes; call the returned
	// function to unsubscribe.
	OnDataChange(fn func(DataChangeEvent)) (unsubscribe func())
	// OnSchemaChange subscribes to committed schema changes.
	OnSchemaChange(fn func(SchemaChangeEvent)) (unsubscribe func())
	// HasDataListeners reports whether any data-change listener is
	// subscribed, so the engine can skip building DataChangeEvents (row
	// copies) when nobody listens. A listener subscribing while a
	// transaction runs may then miss that transaction's events.
	HasDataListeners() bool
	// RowCount is the table's row-count statistic (committed state); ok is
	// false when nothing is known about the table.
	RowCount(schema, table string) (n int64, ok bool)
	// LoadCatalog returns every catalog entry in key order, for rehydration.
	LoadCatalog() ([]CatalogEntry, error)
	// Close flushes statistics and closes Pebble. Open transactions are rolled back.
	Close() error
}
