package storage

import (
	"context"
	"fmt"
	"time"
)

// writeLock is the database-level write lock: at most one transaction
// holds it, so commits are serialized. It is a one-slot semaphore, so that
// waiting can be bounded by a timer and abandoned on context cancellation.
type writeLock struct {
	slot chan struct{}
}

func newWriteLock() writeLock { return writeLock{slot: make(chan struct{}, 1)} }

// acquire takes the lock, waiting at most timeout. On timeout the error
// wraps ErrBusy; on cancellation it wraps ctx.Err().
func (l writeLock) acquire(ctx context.Context, timeout time.Duration) error {
	select {
	case l.slot <- struct{}{}:
		return nil
	default:
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("storage: waiting for the write lock: %w", err)
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case l.slot <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("storage: waiting for the write lock: %w", ctx.Err())
	case <-timer.C:
		return fmt.Errorf("%w: another transaction held the write lock for longer than the busy timeout (%v)", ErrBusy, timeout)
	}
}

// release gives the lock back; only its holder may call it.
func (l writeLock) release() { <-l.slot }
