// Package storage is the persistent store module of quereus for Go: logical
// key-value stores (one per table, one per secondary index, __stats__ and
// __catalog__) in a single Pebble instance, transactions with savepoints and
// snapshot isolation, row-count statistics and change events. It knows
// nothing of SQL text or of the key and row encodings (storage/keyenc,
// storage/rowenc): keys and values are opaque bytes compared bytewise.
//
// api.go is the contract the engine programs against; nothing Pebble-specific
// crosses it, so a provider over another transactional KV store can slot in.
//
// # Physical layout
//
// All logical stores live in one Pebble instance (a directory, or Pebble's
// in-memory filesystem), so one Pebble batch commits across stores
// atomically. Each store is a key range named by a store id:
//
//	physical key = uvarint(store id) ‖ logical key
//
// Uvarints are prefix-free, so distinct stores' ranges are disjoint and a
// store's whole range is [uvarint(id), uvarint(id) with its last byte + 1).
// Ids are never reused. The id 0 range (keys starting 0x00) is the system
// range (layout.go):
//
//	0x00 'm' "layout"  → uvarint layout version (1); Open refuses other versions
//	                     and non-empty Pebble directories without this key
//	0x00 'n'           → uvarint next store id (dynamic ids start at 16)
//	0x00 'd' name      → directory entry: store id and owning object
//
// Store names follow the seed, lowercased: "{schema}.{table}" (data),
// "{schema}.{table}_idx_{index}" (secondary index). __stats__ has the fixed
// id 1 and __catalog__ the fixed id 2; they have no directory entry. The
// directory entry records which logical object owns each name (table, or
// index of which table), because "_idx_" may occur inside identifiers: index
// "archive" on table "q" and a table named "q_idx_archive" both map to
// "main.q_idx_archive". Creating, dropping or renaming onto a name owned by
// a different object fails with ErrStoreNameCollision before any write.
//
// Renaming a table rewrites only directory entries (the data and index
// stores keep their ids) and moves its statistics record, in one synced
// batch. Dropping one is a range deletion over each of its stores' ranges
// plus removal of their directory entries and statistics, in one batch.
// Store creation, drop and rename apply to committed state immediately;
// they are not undone by rolling back a transaction (Txn.OnRollback
// registers compensating actions, such as the inverse rename).
//
// The __stats__ store maps "{schema}.{table}" to JSON
// {"rowCount":n,"updatedAt":unixMillis}; the __catalog__ store maps
// "schema.table", "\x00index\x00schema.index" and "\x00view\x00schema.view"
// to DDL text, written by the engine through transactions and read back in
// key order by DB.LoadCatalog.
//
// # Transactions
//
// A Txn reads committed state as of its first read or its write-lock
// acquisition, whichever is first, overlaid with its own write set: a
// Pebble snapshot taken at the first read, or, for a transaction that locks
// before reading, the live database (nobody else can commit while it holds
// the lock, and this avoids the snapshot's cost). Transactions that first
// read while no commit happens in between share one reference-counted
// snapshot (snapshots.go), so short read-only transactions do not each pay
// for creating and closing one; the Pebble iterators they close go back to
// that snapshot and are rebound by its next readers (iterpool.go).
//
// The write set (writeset.go, btree.go, arena.go) is an in-memory B-tree
// keyed by physical key whose entries are a value, a tombstone, or "absent"
// (an undone write); key and value bytes are copied into an arena of large
// chunks, so a write costs its bytes plus 64 to 128 bytes of bookkeeping
// (B-tree entry and undo record; leaves fill up under ascending inserts).
// Entries name their bytes by arena position and carry the key's first 8
// bytes, so the collector never scans them and most comparisons stay in
// the node; inserts and lookups near the last two leaves written go there
// directly (btHint).
// Options.MaxTxnBytes (default 1 GiB of keys and values) bounds a
// transaction's buffer; MaxKeySize and MaxValueSize bound single writes.
// Point reads consult the write set, then the snapshot; existence checks
// (Has) in ascending key order after the first use one Pebble iterator
// per store for the transaction (probe.go), recreated whenever commitSeq
// shows the live state it reads has changed. Iterators
// (mergeiter.go) merge a bounded snapshot iterator with the write set in
// either direction; at equal keys the write set wins.
//
// Savepoints are cheap: a Mark records the lengths of the undo log, the
// event queue and the row-count log. While any mark is active every write
// appends the entry's previous state to the undo log; RollbackTo restores
// those states in reverse and truncates the queues; Release drops marks
// (and the whole undo log once none remain).
//
// Commit copies the live write-set entries, in key order, into one Pebble
// batch sized exactly in advance (the statistics records, when a flush is
// due, go first, so the whole batch is in key order), and commits it
// (pebble.Sync unless Options.NoSync). Writes to stores dropped meanwhile
// are skipped. A transaction with no writes commits without touching
// Pebble.
//
// # Locking
//
// One writer at a time: the database write lock (writelock.go) is taken by
// Txn.LockForWrite, or at Begin with TxOptions.Immediate, waiting up to
// Options.BusyTimeout (default 5s) and honouring the context; timing out
// fails with an error wrapping ErrBusy ("database is busy"). Writes through
// a transactional view without the lock fail. Readers never wait: they only
// take snapshots. Every commit increments a commit counter; a transaction
// whose snapshot predates the latest commit cannot take the write lock (its
// read-modify-writes would miss that commit): LockForWrite fails with
// ErrBusy "snapshot is stale; retry the transaction". Another process
// opening the same directory is refused by Pebble's directory lock, reported
// as ErrLockedByOtherProcess. Raw KVStore views from the provider bypass the
// write lock and isolation: they read and write committed state directly.
//
// # Statistics
//
// Row counts are kept in memory per table and changed only by commits
// (Txn.AdjustRowCount deltas that survived savepoint rollbacks). After about
// 100 row mutations the next commit also writes every changed count into
// its own batch; Close writes the rest; Open reads them back (stats.go).
//
// # Events
//
// Txn.Emit queues data and schema change events; RollbackTo and Rollback
// drop them. A successful commit appends its events to the delivery queue
// while it still holds the write lock (so the queue is in commit order) and
// then delivers the queue, unless another goroutine is already delivering,
// in which case that goroutine delivers them next. Listeners therefore see
// events one at a time in commit order, and may themselves commit. A
// panicking listener is recovered and logged (events.go).
package storage
