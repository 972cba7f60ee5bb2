package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/cockroachdb/pebble/v2"
)

// provider is the database's KVStoreProvider. Store creation, drops and
// renames are metadata operations applied to committed state at once (they
// are not part of any transaction): each is one synced Pebble batch that
// updates the directory (and the statistics), plus a range deletion of the
// dropped stores' key ranges. Every name collision is detected before that
// batch is built, so a refused operation changes nothing.
type provider struct {
	db *DB
}

var _ KVStoreProvider = (*provider)(nil)

// maxNameLen bounds each schema, table and index name (in bytes).
const maxNameLen = 4096

func checkNames(names ...string) error {
	for _, n := range names {
		if n == "" {
			return errors.New("storage: empty schema, table or index name")
		}
		if len(n) > maxNameLen {
			return fmt.Errorf("storage: name of %d bytes exceeds the %d-byte limit", len(n), maxNameLen)
		}
	}
	return nil
}

// GetStore returns the data store of schema.table, creating it if absent.
func (p *provider) GetStore(schema, table string) (KVStore, error) {
	if err := checkNames(schema, table); err != nil {
		return nil, err
	}
	return p.getOrCreate(tableOwner(schema, table))
}

// GetIndexStore returns the store of index on schema.table, creating it if absent.
func (p *provider) GetIndexStore(schema, table, index string) (KVStore, error) {
	if err := checkNames(schema, table, index); err != nil {
		return nil, err
	}
	return p.getOrCreate(indexOwner(schema, table, index))
}

// GetStatsStore returns the __stats__ store.
func (p *provider) GetStatsStore() (KVStore, error) { return p.db.statsStore, nil }

// GetCatalogStore returns the __catalog__ store.
func (p *provider) GetCatalogStore() (KVStore, error) { return p.db.catalogStore, nil }

// CloseStore, CloseIndexStore and CloseAll release nothing: every store is
// a key range of the one Pebble instance that DB.Close closes.
func (p *provider) CloseStore(schema, table string) error             { return nil }
func (p *provider) CloseIndexStore(schema, table, index string) error { return nil }
func (p *provider) CloseAll() error                                   { return nil }

func (p *provider) getOrCreate(owner storeOwner) (*store, error) {
	db := p.db
	name := owner.storeName()
	d := &db.dir
	d.mu.Lock()
	defer d.mu.Unlock()
	if db.closed.Load() {
		return nil, errClosed
	}
	if s := d.byName[name]; s != nil {
		if *s.owner != owner {
			return nil, collision(owner, s)
		}
		return s, nil
	}
	if db.opts.ReadOnly {
		return nil, fmt.Errorf("%w: store %s does not exist", ErrReadOnly, name)
	}
	id := d.nextID
	b := db.pdb.NewBatch()
	defer b.Close()
	_ = b.Set(directoryKey(name), dirEntry{id: id, owner: owner}.encode(), nil)
	_ = b.Set(nextStoreIDKey, binary.AppendUvarint(nil, id+1), nil)
	if owner.kind == ownerTable {
		_ = b.Set(db.statsStore.physKey(nil, []byte(name)), encodeStats(0), nil)
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return nil, fmt.Errorf("storage: creating store %s: %w", name, err)
	}
	d.nextID++
	s := newStore(db, id, name, &owner)
	d.byName[name] = s
	d.byID[id] = s
	if owner.kind == ownerTable {
		db.stats.created(name)
	}
	return s, nil
}

// DeleteIndexStore drops the store of index on schema.table (a no-op when
// it does not exist).
func (p *provider) DeleteIndexStore(schema, table, index string) error {
	if err := checkNames(schema, table, index); err != nil {
		return err
	}
	return p.drop(tableOwner(schema, table), []storeOwner{indexOwner(schema, table, index)}, false)
}

// DeleteTableStores drops the data store of schema.table, the stores of the
// listed indexes and any other index store the directory records as
// belonging to the table, and the table's statistics.
func (p *provider) DeleteTableStores(schema, table string, indexNames []string) error {
	if err := checkNames(schema, table); err != nil {
		return err
	}
	owners := []storeOwner{tableOwner(schema, table)}
	for _, ix := range indexNames {
		owners = append(owners, indexOwner(schema, table, ix))
	}
	return p.drop(tableOwner(schema, table), owners, true)
}

// lockDirectory takes the DDL lock and then the directory lock for a
// change of the store directory, refusing when the database is closed or
// read-only (action names the refused change in that error). On success the
// caller must call unlock, which releases both locks.
func (p *provider) lockDirectory(action string) (d *directory, unlock func(), err error) {
	db := p.db
	db.ddlMu.Lock()
	d = &db.dir
	d.mu.Lock()
	unlock = func() {
		d.mu.Unlock()
		db.ddlMu.Unlock()
	}
	if db.closed.Load() {
		unlock()
		return nil, nil, errClosed
	}
	if db.opts.ReadOnly {
		unlock()
		return nil, nil, fmt.Errorf("%w: cannot %s", ErrReadOnly, action)
	}
	return d, unlock, nil
}

// drop removes the stores of owners (and, when wholeTable, every index
// store of table) in one batch.
func (p *provider) drop(table storeOwner, owners []storeOwner, wholeTable bool) error {
	db := p.db
	d, unlock, err := p.lockDirectory(fmt.Sprintf("drop stores of %s", table))
	if err != nil {
		return err
	}
	defer unlock()
	var victims []*store
	for _, o := range owners {
		s := d.byName[o.storeName()]
		if s == nil {
			continue
		}
		if *s.owner != o {
			return fmt.Errorf("storage: refusing to drop store %q: %w", s.Name(), collision(o, s))
		}
		victims = append(victims, s)
	}
	if wholeTable {
		for _, s := range d.byName {
			if s.owner.kind == ownerIndex && s.owner.schema == table.schema && s.owner.table == table.table && !slices.Contains(victims, s) {
				victims = append(victims, s)
			}
		}
	}
	b := db.pdb.NewBatch()
	defer b.Close()
	for _, s := range victims {
		_ = b.DeleteRange(s.prefix, s.end, nil)
		_ = b.Delete(directoryKey(s.Name()), nil)
	}
	statsName := table.storeName()
	if wholeTable {
		_ = b.Delete(db.statsStore.physKey(nil, []byte(statsName)), nil)
	}
	if b.Empty() {
		return nil
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("storage: dropping stores of %s: %w", table, err)
	}
	seq := db.commitSeq.Add(1)
	for _, s := range victims {
		s.droppedAt.Store(seq)
		delete(d.byName, s.Name())
		delete(d.byID, s.id)
	}
	if wholeTable {
		db.stats.dropped(statsName)
	}
	return nil
}

// RenameTableStores relocates the data and index stores of schema.oldName
// to schema.newName: a directory update (same store ids, so no data moves)
// and a move of the table's statistics, in one batch. The new data store
// name and every relocated index store name (the listed indexes plus any
// the directory records for the table) are checked for collisions first.
func (p *provider) RenameTableStores(schema, oldName, newName string, indexNames []string) error {
	if err := checkNames(schema, oldName, newName); err != nil {
		return err
	}
	from, to := tableOwner(schema, oldName), tableOwner(schema, newName)
	if from == to {
		return nil
	}
	db := p.db
	d, unlock, err := p.lockDirectory(fmt.Sprintf("rename %s", from))
	if err != nil {
		return err
	}
	defer unlock()

	type move struct {
		src *store // nil when the store was never created
		dst storeOwner
	}
	moves := []move{{dst: to}}
	indexes := map[string]bool{}
	for _, ix := range indexNames {
		indexes[indexOwner(schema, oldName, ix).index] = true
	}
	for _, s := range d.byName {
		if s.owner.kind == ownerIndex && s.owner.schema == from.schema && s.owner.table == from.table {
			indexes[s.owner.index] = true
		}
	}
	for ix := range indexes {
		moves = append(moves, move{dst: storeOwner{kind: ownerIndex, schema: to.schema, table: to.table, index: ix}})
	}
	// Sources: each must belong to the object being renamed.
	var sources []*store
	for i := range moves {
		src := storeOwner{kind: moves[i].dst.kind, schema: from.schema, table: from.table, index: moves[i].dst.index}
		s := d.byName[src.storeName()]
		if s == nil {
			continue
		}
		if *s.owner != src {
			return fmt.Errorf("storage: cannot rename %s to %s: %w", from, to, collision(src, s))
		}
		moves[i].src = s
		sources = append(sources, s)
	}
	// Destinations: each must be free or be one of the stores moving away.
	for _, m := range moves {
		if s := d.byName[m.dst.storeName()]; s != nil && !slices.Contains(sources, s) {
			return fmt.Errorf("storage: cannot rename %s to %s: %w", from, to, collision(m.dst, s))
		}
	}

	b := db.pdb.NewBatch()
	defer b.Close()
	for _, m := range moves {
		if m.src != nil {
			_ = b.Delete(directoryKey(m.src.Name()), nil)
		}
	}
	for _, m := range moves {
		if m.src != nil {
			_ = b.Set(directoryKey(m.dst.storeName()), dirEntry{id: m.src.id, owner: m.dst}.encode(), nil)
		}
	}
	if err := db.stats.planRename(b, db.statsStore, from.storeName(), to.storeName()); err != nil {
		return err
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("storage: renaming %s to %s: %w", from, to, err)
	}
	db.commitSeq.Add(1)
	for _, m := range moves {
		if m.src != nil {
			delete(d.byName, m.src.Name())
		}
	}
	for _, m := range moves {
		if m.src != nil {
			owner, name := m.dst, m.dst.storeName()
			m.src.owner = &owner
			m.src.name.Store(&name)
			d.byName[name] = m.src
		}
	}
	db.stats.renamed(from.storeName(), to.storeName())
	return nil
}
