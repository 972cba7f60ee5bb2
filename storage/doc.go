// Package storage is the persistent store module of quereus for Go: logical
// key-value stores (one per table, one per secondary index, __stats__ and
// __catalog__) in a single Pebble instance, transactions with savepoints and
// snapshot isolation, row-count statistics and change events.
//
// api.go is the contract the engine programs against; the physical layout and
// byte formats are documented in the files that implement them.
package storage
