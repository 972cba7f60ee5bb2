package engine

import (
	"fmt"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
)

// DROP of objects by schema (main keeps dropTable and the view arm of
// drop, which also maintain assertions; indexes drop here in every schema).

func dropTableIn(e *env, sn, name string, ifExists bool) error {
	t := e.conn.catalog().TableIn(sn, name)
	if t == nil {
		if ifExists {
			return nil
		}
		return fmt.Errorf("no such table: %s.%s (Table not found: %s.%s)", sn, name, sn, name)
	}
	if err := checkDropReferenced(e, t); err != nil {
		return err
	}
	return removeTable(e, sn, t)
}

// removeTable deletes a table whose drop has passed its dependency checks:
// its rows and index entries through the transaction, its catalog entries,
// its row count and schema, and (after commit) its stores.
func removeTable(e *env, sn string, t *schema.Table) error {
	db := e.conn.db
	ds, err := db.dataStore(t)
	if err != nil {
		return err
	}
	if err := clearStore(e, e.txn.Store(ds)); err != nil {
		return err
	}
	var idxNames []string
	for _, ix := range t.Indexes {
		is, err := db.indexStore(t, ix)
		if err != nil {
			return err
		}
		if err := clearStore(e, e.txn.Store(is)); err != nil {
			return err
		}
		idxNames = append(idxNames, ix.Name)
		if !ix.Implicit {
			if err := putCatalog(e, qualifiedCatalogKey("index", sn, ix.Name), ""); err != nil {
				return err
			}
		}
	}
	if err := putCatalog(e, qualifiedCatalogKey("table", sn, t.Name), ""); err != nil {
		return err
	}
	if n, ok := db.store.RowCount(sn, t.Name); ok && n != 0 {
		e.txn.AdjustRowCount(sn, t.Name, -n)
	}
	e.conn.editCatalog().DropTableIn(sn, t.Name)
	e.txn.Emit(storage.SchemaChangeEvent{Type: storage.Drop, ObjectType: "table", SchemaName: sn, ObjectName: t.Name})
	cacheName, tableName := storeCacheName(t), t.Name
	e.conn.afterCommit = append(e.conn.afterCommit, func() {
		if db.catalog().TableIn(sn, tableName) != nil {
			return
		}
		db.forgetStores(cacheName)
		_ = db.store.Provider().DeleteTableStores(sn, tableName, idxNames)
	})
	return nil
}

func dropIndexIn(e *env, sn, name string, ifExists bool) error {
	cat := e.conn.catalog()
	ix := cat.IndexIn(sn, name)
	if ix == nil || ix.Implicit {
		if ifExists {
			return nil
		}
		return fmt.Errorf("no such index: %s", name)
	}
	t := cat.TableIn(sn, ix.Table)
	if t == nil {
		return fmt.Errorf("no such index: %s", name)
	}
	is, err := e.conn.db.indexStore(t, ix)
	if err != nil {
		return err
	}
	if err := clearStore(e, e.txn.Store(is)); err != nil {
		return err
	}
	if err := putCatalog(e, qualifiedCatalogKey("index", sn, ix.Name), ""); err != nil {
		return err
	}
	nt := *t
	nt.Indexes = nil
	for _, other := range t.Indexes {
		if other != ix {
			nt.Indexes = append(nt.Indexes, other)
		}
	}
	e.conn.editCatalog().PutTable(&nt)
	e.txn.Emit(storage.SchemaChangeEvent{Type: storage.Drop, ObjectType: "index", SchemaName: sn, ObjectName: ix.Name})
	return nil
}

func dropViewIn(e *env, sn, name string, ifExists bool) error {
	if e.conn.catalog().ViewIn(sn, name) == nil {
		if ifExists {
			return nil
		}
		return fmt.Errorf("no such view: %s (View '%s.%s' does not exist)", name, sn, name)
	}
	if err := putCatalog(e, qualifiedCatalogKey("view", sn, name), ""); err != nil {
		return err
	}
	e.conn.editCatalog().DropViewIn(sn, name)
	e.txn.Emit(storage.SchemaChangeEvent{Type: storage.Drop, ObjectType: "view", SchemaName: sn, ObjectName: name})
	return nil
}

func dropAssertionIn(e *env, sn, name string, ifExists bool) error {
	qname := assertionName(sn, name)
	if e.conn.catalog().Assertion(qname) == nil {
		if ifExists {
			return nil
		}
		return fmt.Errorf("no such assertion: %s", qname)
	}
	if err := putCatalog(e, qualifiedCatalogKey("assertion", sn, name), ""); err != nil {
		return err
	}
	e.conn.editCatalog().DropAssertion(qname)
	e.txn.Emit(storage.SchemaChangeEvent{Type: storage.Drop, ObjectType: "assertion", SchemaName: sn, ObjectName: name})
	return nil
}
