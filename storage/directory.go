package storage

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/cockroachdb/pebble/v2"
)

// directory is the in-memory copy of the store directory (system keys
// 0x00 'd' name, see layout.go): which table and index stores exist, their
// ids and the logical object owning each name. Every change is written to
// Pebble (synced) before the in-memory copy changes.
type directory struct {
	mu     sync.Mutex
	byName map[string]*store
	byID   map[uint64]*store
	nextID uint64
}

// load reads the directory and the next store id.
func (d *directory) load(db *DB) error {
	d.byName = map[string]*store{}
	d.byID = map[uint64]*store{}
	d.nextID = firstDynamicStoreID
	v, found, err := getFrom(db.pdb, nextStoreIDKey)
	if err != nil {
		return err
	}
	if found {
		id, n := binary.Uvarint(v)
		if n <= 0 || id < firstDynamicStoreID {
			return fmt.Errorf("storage: corrupt next-store-id record %x", v)
		}
		d.nextID = id
	}
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: directoryPrefix, UpperBound: keyRangeEnd(directoryPrefix)})
	if err != nil {
		return err
	}
	defer it.Close()
	for valid := it.First(); valid; valid = it.Next() {
		name := string(it.Key()[len(directoryPrefix):])
		v, err := it.ValueAndErr()
		if err != nil {
			return err
		}
		e, err := decodeDirEntry(v)
		if err != nil || e.id < firstDynamicStoreID || e.id >= d.nextID || e.owner.storeName() != name {
			return fmt.Errorf("storage: corrupt store directory entry for %q", name)
		}
		owner := e.owner
		s := newStore(db, e.id, name, &owner)
		d.byName[name] = s
		d.byID[e.id] = s
	}
	return it.Error()
}

// isLive reports whether store id is a live store (fixed stores always are).
func (d *directory) isLive(id uint64) bool {
	if id == statsStoreID || id == catalogStoreID {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.byID[id]
	return ok
}

// collision describes an attempt by owner to use a name held by another object.
func collision(owner storeOwner, holder *store) error {
	return fmt.Errorf("%w: %s and %s both map to store name %q",
		ErrStoreNameCollision, owner, holder.owner, holder.Name())
}
