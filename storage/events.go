package storage

import (
	"log"
	"sync"
	"sync/atomic"
)

// emitter is the database's StoreEventEmitter: it keeps the listeners and
// delivers committed events.
//
// Ordering: a committing transaction appends its events to the delivery
// queue while it still holds the write lock, so the queue is in commit
// order. After releasing the lock the committer drains the queue unless
// another goroutine is already draining it, in which case that goroutine
// delivers these events next. Hence events are delivered in commit order,
// one at a time, and a listener may itself commit a transaction (its events
// are delivered after the current batch instead of deadlocking). Rolled-back
// work never reaches the queue. A panicking listener is recovered and
// logged; it affects neither the commit nor the other listeners.
type emitter struct {
	mu     sync.Mutex
	nextID uint64
	data   []dataListener   // copy-on-write: replaced, never mutated
	schema []schemaListener // copy-on-write
	nData  atomic.Int32     // len(data), readable without mu

	qmu      sync.Mutex
	queue    [][]Event
	draining bool
}

// listener is one registered callback and the id its unsubscribe function
// removes.
type listener[F any] struct {
	id uint64
	fn F
}

type (
	dataListener   = listener[func(DataChangeEvent)]
	schemaListener = listener[func(SchemaChangeEvent)]
)

func (e *emitter) onDataChange(fn func(DataChangeEvent)) func() {
	if fn == nil {
		return func() {}
	}
	return subscribe(e, &e.data, fn, func() { e.nData.Store(int32(len(e.data))) })
}

func (e *emitter) onSchemaChange(fn func(SchemaChangeEvent)) func() {
	if fn == nil {
		return func() {}
	}
	return subscribe(e, &e.schema, fn, func() {})
}

// subscribe adds fn to the copy-on-write list *list under e.mu and returns
// the function that removes it again; changed runs under e.mu after each
// replacement of the list.
func subscribe[F any](e *emitter, list *[]listener[F], fn F, changed func()) func() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nextID++
	id := e.nextID
	*list = append(append([]listener[F](nil), *list...), listener[F]{id, fn})
	changed()
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		kept := make([]listener[F], 0, len(*list))
		for _, l := range *list {
			if l.id != id {
				kept = append(kept, l)
			}
		}
		*list = kept
		changed()
	}
}

// enqueue appends one commit's events; call it in commit order.
func (e *emitter) enqueue(events []Event) {
	if len(events) == 0 {
		return
	}
	e.qmu.Lock()
	e.queue = append(e.queue, events)
	e.qmu.Unlock()
}

// drain delivers queued events unless another goroutine already is.
func (e *emitter) drain() {
	e.qmu.Lock()
	if e.draining {
		e.qmu.Unlock()
		return
	}
	e.draining = true
	for len(e.queue) > 0 {
		batch := e.queue[0]
		e.queue[0] = nil
		e.queue = e.queue[1:]
		e.qmu.Unlock()
		e.deliver(batch)
		e.qmu.Lock()
	}
	e.queue = nil
	e.draining = false
	e.qmu.Unlock()
}

func (e *emitter) deliver(events []Event) {
	e.mu.Lock()
	data, schema := e.data, e.schema
	e.mu.Unlock()
	for _, ev := range events {
		switch ev := ev.(type) {
		case DataChangeEvent:
			for _, l := range data {
				callListener(func() { l.fn(ev) })
			}
		case SchemaChangeEvent:
			for _, l := range schema {
				callListener(func() { l.fn(ev) })
			}
		}
	}
}

// callListener runs one listener (or rollback action), containing its panic.
func callListener(call func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("storage: callback panicked: %v", r)
		}
	}()
	call()
}
