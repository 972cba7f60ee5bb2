package engine

import (
	"strings"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// dataStore returns the provider store of a table's rows (cached).
func (db *Database) dataStore(t *schema.Table) (storage.KVStore, error) {
	k := "t\x00" + storeCacheName(t)
	db.mu.Lock()
	defer db.mu.Unlock()
	if s, ok := db.stores[k]; ok {
		return s, nil
	}
	s, err := db.store.Provider().GetStore(schemaOf(t), t.Name)
	if err != nil {
		return nil, err
	}
	db.stores[k] = s
	return s, nil
}

// indexStore returns the provider store of a secondary index (cached).
func (db *Database) indexStore(t *schema.Table, ix *schema.Index) (storage.KVStore, error) {
	k := "i\x00" + storeCacheName(t) + "\x00" + strings.ToLower(ix.Name)
	db.mu.Lock()
	defer db.mu.Unlock()
	if s, ok := db.stores[k]; ok {
		return s, nil
	}
	s, err := db.store.Provider().GetIndexStore(schemaOf(t), t.Name, ix.Name)
	if err != nil {
		return nil, err
	}
	db.stores[k] = s
	return s, nil
}

// forgetStores drops cached stores of a table (after DROP / RENAME).
func (db *Database) forgetStores(table string) {
	db.mu.Lock()
	defer db.mu.Unlock()
	t := strings.ToLower(table)
	for k := range db.stores {
		if k == "t\x00"+t || strings.HasPrefix(k, "i\x00"+t+"\x00") {
			delete(db.stores, k)
		}
	}
}

// pkValues extracts the primary-key values of a row.
func pkValues(t *schema.Table, row value.Row) []value.Value {
	out := make([]value.Value, len(t.PK))
	for i, p := range t.PK {
		out[i] = row[p.Col]
	}
	return out
}

// dataKey is the encoded primary key of a row.
func dataKey(t *schema.Table, row value.Row) []byte {
	return appendKey(nil, pkValues(t, row), partsOf(t.PK))
}
