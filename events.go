package quereus

import (
	"sync"

	"github.com/quereus/quereus/storage"
)

// Change events, re-exported from the storage layer so that users of the
// driver need not import it. Events are delivered after commit, in commit
// order, never for rolled-back work, for changes made through any connection
// of the database in this process.
type (
	// DataChangeEvent describes one committed row change.
	DataChangeEvent = storage.DataChangeEvent
	// DataChangeType is Insert, Update or Delete.
	DataChangeType = storage.DataChangeType
	// SchemaChangeEvent describes one committed DDL change.
	SchemaChangeEvent = storage.SchemaChangeEvent
	// SchemaChangeType is Create, Alter or Drop.
	SchemaChangeType = storage.SchemaChangeType
)

// Data and schema change types.
const (
	Insert = storage.Insert
	Update = storage.Update
	Delete = storage.Delete
	Create = storage.Create
	Alter  = storage.Alter
	Drop   = storage.Drop
)

// EventSource subscribes to change events. *Connector implements it, and so
// does the driver connection a *sql.Conn's Raw method hands out:
//
//	conn.Raw(func(dc any) error {
//		unsubscribe = dc.(quereus.EventSource).OnDataChange(fn)
//		return nil
//	})
//
// A subscription lasts until its unsubscribe function is called or the
// Connector it was made through is closed (for a *sql.DB: db.Close).
type EventSource interface {
	OnDataChange(fn func(DataChangeEvent)) (unsubscribe func())
	OnSchemaChange(fn func(SchemaChangeEvent)) (unsubscribe func())
}

// subscriptions tracks a Connector's live subscriptions so that closing the
// Connector ends them even while other Connectors keep the database open.
type subscriptions struct {
	mu     sync.Mutex
	closed bool
	next   int
	live   map[int]func()
}

// add registers a subscription made by subscribe and returns its
// unsubscribe function (idempotent). After close it subscribes nothing.
func (s *subscriptions) add(subscribe func() (unsubscribe func())) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return func() {}
	}
	if s.live == nil {
		s.live = map[int]func(){}
	}
	id := s.next
	s.next++
	s.live[id] = subscribe()
	return func() {
		s.mu.Lock()
		unsubscribe := s.live[id]
		delete(s.live, id)
		s.mu.Unlock()
		if unsubscribe != nil {
			unsubscribe()
		}
	}
}

// close ends every live subscription.
func (s *subscriptions) close() {
	s.mu.Lock()
	live := s.live
	s.live, s.closed = nil, true
	s.mu.Unlock()
	for _, unsubscribe := range live {
		unsubscribe()
	}
}
