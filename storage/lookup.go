package storage

import (
	"bytes"
	"errors"
)

// Lookup reads single keys of one store again and again, as an index
// nested-loop join or an index scan fetching table rows does. On a
// transactional view it keeps one Pebble iterator for all its reads and
// seeks it per key, instead of building and tearing down an iterator per
// Get, and it returns the stored bytes without copying them.
type Lookup interface {
	// Get returns the value stored under key; found is false when absent.
	// The value is valid until the next Get, Close, or write through the
	// transaction; copy it to keep it.
	Get(key []byte) (val []byte, found bool, err error)
	// Close releases the cursor (the transaction's end releases it too).
	Close() error
}

// NewLookup returns a Lookup reading s. A view from Txn.Store gets a kept
// cursor; any other store is read through its Get.
func NewLookup(s KVStore) Lookup {
	if v, ok := s.(*txnStore); ok {
		l := &txnLookup{v: v}
		l.key = l.keyArr[:0]
		return l
	}
	return getLookup{s}
}

// getLookup is the Lookup of a store without a cursor: one Get per read.
type getLookup struct{ s KVStore }

func (g getLookup) Get(key []byte) ([]byte, bool, error) { return g.s.Get(key) }
func (g getLookup) Close() error                         { return nil }

// txnLookup is a Lookup on a transactional view: the write set first (as
// Get), then a seek of a kept snapshot iterator. The iterator is created
// at the first read that reaches the snapshot, is registered with the
// transaction like an Iterate cursor (so the transaction's end releases
// it), and sees the same committed state Get would: the transaction's
// snapshot, or, under the write lock without one, the live database, where
// nothing else can commit while the lock is held.
type txnLookup struct {
	v   *txnStore
	it  *txnIter // its snap iterator is the kept cursor
	key []byte   // physical key scratch (over keyArr while keys are short)

	keyArr [32]byte
}

var errLookupClosed = errors.New("storage: read through a closed Lookup")

func (l *txnLookup) Get(key []byte) ([]byte, bool, error) {
	if err := l.v.usable(); err != nil {
		return nil, false, err
	}
	t := l.v.t
	l.key = l.v.s.physKey(l.key, key)
	val, state := t.ws.lookup(l.key)
	switch state {
	case statePut:
		return val, true, nil
	case stateDeleted:
		return nil, false, nil
	}
	if l.it == nil {
		it, err := l.v.Iterate(IterOptions{})
		if err != nil {
			return nil, false, err
		}
		ti, ok := it.(*txnIter)
		if !ok { // an empty store range: nothing to find
			_ = it.Close()
			return nil, false, nil
		}
		l.it = ti
	}
	if l.it.closed || l.it.released {
		return nil, false, errLookupClosed
	}
	// The store's comparer treats the whole key as its prefix, so a prefix
	// seek finds exactly key (and may skip tables by their bloom filters).
	snap := l.it.snap
	if !snap.SeekPrefixGE(l.key) || !bytes.Equal(snap.Key(), l.key) {
		return nil, false, snap.Error()
	}
	v, err := snap.ValueAndErr()
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

func (l *txnLookup) Close() error {
	if l.it == nil {
		return nil
	}
	err := l.it.Close()
	l.it = nil
	return err
}
