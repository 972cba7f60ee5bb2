package storage

import (
	"errors"

	"github.com/cockroachdb/pebble/v2"
)

// AppendGetter is implemented by stores that can append a value to the
// caller's buffer rather than return a new copy: a reader that decodes each
// value at once (a point select) then reads every value into one buffer.
// Transactional views (Txn.Store) implement it.
type AppendGetter interface {
	// GetAppend appends the value stored under key to dst and returns the
	// extended buffer; when the key is absent, found is false and dst is
	// returned as it was.
	GetAppend(dst, key []byte) (val []byte, found bool, err error)
}

var _ AppendGetter = (*txnStore)(nil)

// GetAppend is Get appending to dst: the view's transaction's write set,
// then its snapshot.
func (v *txnStore) GetAppend(dst, key []byte) ([]byte, bool, error) {
	if err := v.usable(); err != nil {
		return dst, false, err
	}
	t := v.t
	t.keyBuf = v.s.physKey(t.keyBuf, key)
	val, state := t.ws.lookup(t.keyBuf)
	switch state {
	case statePut:
		return append(dst, val...), true, nil
	case stateDeleted:
		return dst, false, nil
	}
	return appendFrom(dst, t.reader(), t.keyBuf)
}

// appendFrom reads a physical key from r, appending its value to dst.
func appendFrom(dst []byte, r pebble.Reader, pk []byte) ([]byte, bool, error) {
	v, closer, err := r.Get(pk)
	if errors.Is(err, pebble.ErrNotFound) {
		return dst, false, nil
	}
	if err != nil {
		return dst, false, err
	}
	dst = append(dst, v...)
	return dst, true, closer.Close()
}

// copyFound is the Get form of an append read into nil: a found value is
// never nil, even when empty.
func copyFound(val []byte, found bool, err error) ([]byte, bool, error) {
	if found && val == nil {
		val = []byte{}
	}
	return val, found, err
}
