package quereus

import (
	"errors"
	"fmt"

	"github.com/quereus/quereus/storage"
)

// Errors callers may test for with errors.Is.
var (
	// ErrBusy: the write lock was not obtained within the busy timeout, or a
	// transaction's snapshot went stale before its first write (retry it).
	ErrBusy = storage.ErrBusy
	// ErrReadOnly: a write in a read-only database or transaction.
	ErrReadOnly = storage.ErrReadOnly
	// ErrLockedByOtherProcess: another process has the directory open.
	ErrLockedByOtherProcess = storage.ErrLockedByOtherProcess
	// ErrNoLastInsertID is what Result.LastInsertId returns.
	ErrNoLastInsertID = errors.New("quereus: LastInsertId is not supported: tables have no rowids (use RETURNING)")
	// ErrClosed: use of a closed Connector or connection.
	ErrClosed = errors.New("quereus: database is closed")
)

// recoverTo is the last line of defence at the driver boundary: deferred in
// every method that calls into the engine, it turns a panic into an error
// and runs onPanic (which marks the connection unusable).
func recoverTo(err *error, onPanic func()) {
	if r := recover(); r != nil {
		if onPanic != nil {
			onPanic()
		}
		*err = fmt.Errorf("quereus: internal error (recovered panic): %v", r)
	}
}
