package engine

import (
	"strings"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// dataStore returns the provider store of a table's rows (cached).
func (db *Database) dataStore(t *schema.Table) (storage.KVStore, error) {
	return db.dataStoreAt(dataStoreKey(t), t)
}

// dataStoreKey is the store cache key of a table's rows.
func dataStoreKey(t *schema.Table) string { return "t\x00" + storeCacheName(t) }

// dataStoreAt is dataStore with its cache key k = dataStoreKey(t) computed.
func (db *Database) dataStoreAt(k string, t *schema.Table) (storage.KVStore, error) {
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
	return db.indexStoreAt(indexStoreKey(t, ix), t, ix)
}

// indexStoreKey is the store cache key of a secondary index.
func indexStoreKey(t *schema.Table, ix *schema.Index) string {
	return "i\x00" + storeCacheName(t) + "\x00" + strings.ToLower(ix.Name)
}

// indexStoreAt is indexStore with its cache key k = indexStoreKey(t, ix)
// computed.
func (db *Database) indexStoreAt(k string, t *schema.Table, ix *schema.Index) (storage.KVStore, error) {
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
	db.storesGen.Add(1)
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
