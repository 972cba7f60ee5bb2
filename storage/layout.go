package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Physical key layout (see doc.go for the overview).
//
// Every Pebble key starts with a store prefix: the uvarint encoding of a
// store id. Uvarints are prefix-free (no id's encoding is a prefix of
// another's), so the key ranges of distinct stores are disjoint, and the
// range of store id s is [uvarint(s), uvarint(s) with its last byte + 1):
// the last byte of a uvarint has its continuation bit clear, so adding one
// never carries.
//
// Store id 0 (key prefix 0x00) is the system range, never a logical store:
//
//	0x00 'm' "layout"   → uvarint layout version (layoutVersion)
//	0x00 'n'            → uvarint next store id to allocate
//	0x00 'd' name       → directory entry of the store called name (dirEntry encoding)
//
// Store ids 1 and 2 are the fixed ids of __stats__ and __catalog__; table
// and index stores get ids from firstDynamicStoreID upwards, never reused,
// so a dropped store's id cannot resurface.
const (
	systemStoreID       uint64 = 0
	statsStoreID        uint64 = 1
	catalogStoreID      uint64 = 2
	firstDynamicStoreID uint64 = 16

	layoutVersion uint64 = 1

	statsStoreName   = "__stats__"
	catalogStoreName = "__catalog__"
)

var (
	layoutVersionKey = []byte("\x00mlayout")
	nextStoreIDKey   = []byte("\x00n")
	directoryPrefix  = []byte("\x00d")
)

// storePrefix returns the key prefix of store id.
func storePrefix(id uint64) []byte {
	return binary.AppendUvarint(nil, id)
}

// prefixEnd returns the exclusive upper bound of the keys starting with a
// store prefix (see the layout comment for why incrementing the last byte is
// enough).
func prefixEnd(prefix []byte) []byte {
	end := append([]byte(nil), prefix...)
	end[len(end)-1]++
	return end
}

// keyRangeEnd returns the smallest key greater than every key starting with
// p, for an arbitrary byte string p; nil when there is none (p all 0xff).
func keyRangeEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] != 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// directoryKey is the system key of the directory entry for store name.
func directoryKey(name string) []byte {
	k := make([]byte, 0, len(directoryPrefix)+len(name))
	k = append(k, directoryPrefix...)
	return append(k, name...)
}

// ownerKind says which kind of logical object owns a store.
type ownerKind uint8

const (
	ownerTable ownerKind = 1 // the data store of a table
	ownerIndex ownerKind = 2 // a secondary index store
)

// storeOwner identifies the logical object a store belongs to; all names
// are lowercased.
type storeOwner struct {
	kind   ownerKind
	schema string
	table  string
	index  string // ownerIndex only
}

// String names the object for error messages.
func (o storeOwner) String() string {
	if o.kind == ownerIndex {
		return fmt.Sprintf("index %s on table %s.%s", o.index, o.schema, o.table)
	}
	return fmt.Sprintf("table %s.%s", o.schema, o.table)
}

// storeName is the physical store name of the owner, per the seed.
func (o storeOwner) storeName() string {
	if o.kind == ownerIndex {
		return indexStoreName(o.schema, o.table, o.index)
	}
	return tableStoreName(o.schema, o.table)
}

// dirEntry is one directory record.
//
// Value encoding: version byte 1, uvarint store id, owner kind byte, then
// schema, table and index names each as uvarint length + bytes.
type dirEntry struct {
	id    uint64
	owner storeOwner
}

const dirEntryVersion = 1

func (e dirEntry) encode() []byte {
	b := make([]byte, 0, 16+len(e.owner.schema)+len(e.owner.table)+len(e.owner.index))
	b = append(b, dirEntryVersion)
	b = binary.AppendUvarint(b, e.id)
	b = append(b, byte(e.owner.kind))
	for _, s := range []string{e.owner.schema, e.owner.table, e.owner.index} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

var errCorruptDirectory = errors.New("storage: corrupt store directory entry")

func decodeDirEntry(b []byte) (dirEntry, error) {
	var e dirEntry
	if len(b) < 1 || b[0] != dirEntryVersion {
		return e, errCorruptDirectory
	}
	b = b[1:]
	id, n := binary.Uvarint(b)
	if n <= 0 || len(b) < n+1 {
		return e, errCorruptDirectory
	}
	e.id = id
	b = b[n:]
	e.owner.kind = ownerKind(b[0])
	if e.owner.kind != ownerTable && e.owner.kind != ownerIndex {
		return e, errCorruptDirectory
	}
	b = b[1:]
	var fields [3]string
	for i := range fields {
		l, n := binary.Uvarint(b)
		if n <= 0 || uint64(len(b)-n) < l {
			return e, errCorruptDirectory
		}
		fields[i] = string(b[n : n+int(l)])
		b = b[n+int(l):]
	}
	if len(b) != 0 {
		return e, errCorruptDirectory
	}
	e.owner.schema, e.owner.table, e.owner.index = fields[0], fields[1], fields[2]
	return e, nil
}
