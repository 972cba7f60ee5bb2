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

type dataListener struct {
	id uint64
	fn func(DataChangeEvent)
}

type schemaListener struct {
	id uint64
	fn func(SchemaChangeEvent)
}

func (e *emitter) onDataChange(fn func(DataChangeEvent)) func() {
	if fn == nil {
		return func() {}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nextID++
	id := e.nextID
	e.data = append(append([]dataListener(nil), e.data...), dataListener{id, fn})
	e.nData.Store(int32(len(e.data)))
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		kept := make([]dataListener, 0, len(e.data))
		for _, l := range e.data {
			if l.id != id {
				kept = append(kept, l)
			}
		}
		e.data = kept
		e.nData.Store(int32(len(e.data)))
	}
}

func (e *emitter) onSchemaChange(fn func(SchemaChangeEvent)) func() {
	if fn == nil {
		return func() {}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nextID++
	id := e.nextID
	e.schema = append(append([]schemaListener(nil), e.schema...), schemaListener{id, fn})
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		kept := make([]schemaListener, 0, len(e.schema))
		for _, l := range e.schema {
			if l.id != id {
				kept = append(kept, l)
			}
		}
		e.schema = kept
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
