// Command bench measures quereus against SQLite in Go — modernc.org/sqlite
// (pure Go) and github.com/mattn/go-sqlite3 (cgo) — on the same workloads,
// through database/sql, plus raw Pebble as the physical limit of our storage.
//
// It is a separate module so that the SQLite drivers never enter the main
// module's dependencies. Each workload runs against each target in turn, on a
// fresh database in a temporary directory; the report prints ops/s per
// workload and target and the ratios quereus/modernc and quereus/mattn.
//
// Durability is matched: SQLite runs in WAL mode with synchronous=FULL,
// quereus commits with fsync (its default).
package main
