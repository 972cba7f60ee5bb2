package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
)

// Database is an open SQL database: the schema plus its storage. It is safe
// for concurrent use by many Conns.
type Database struct {
	store storage.Database
	cfg   Config

	mu     sync.Mutex
	cat    *schema.Catalog // published catalog
	stores map[string]storage.KVStore
	// storesGen counts removals from stores (forgetStores), so that a
	// statement's resolved stores stay valid while it has not moved.
	storesGen atomic.Uint64

	nullableByDefault atomic.Bool
	foreignKeysOff    atomic.Bool

	schemas schemaState // declared schemas and the schema search path
}

// Catalog keys in the __catalog__ store (storage.CatalogEntry).
func tableCatalogKey(name string) string { return schema.MainSchema + "." + strings.ToLower(name) }
func indexCatalogKey(name string) string {
	return "\x00index\x00" + schema.MainSchema + "." + strings.ToLower(name)
}
func viewCatalogKey(name string) string {
	return "\x00view\x00" + schema.MainSchema + "." + strings.ToLower(name)
}

// Open loads the schema from the storage catalog. Catalog entries that fail
// to load are reported in loadErrs and skipped; err is for fatal failures.
func Open(ctx context.Context, cfg Config) (db *Database, loadErrs []error, err error) {
	if cfg.Storage == nil {
		return nil, nil, errors.New("engine: Config.Storage is required")
	}
	if cfg.TableKeyCollation == "" {
		cfg.TableKeyCollation = "NOCASE"
	}
	if !knownCollation(cfg.TableKeyCollation) {
		return nil, nil, fmt.Errorf("Unknown collation: %s", cfg.TableKeyCollation)
	}
	db = &Database{store: cfg.Storage, cfg: cfg, cat: schema.New(), stores: map[string]storage.KVStore{}}
	db.nullableByDefault.Store(cfg.NullableByDefault)
	db.foreignKeysOff.Store(cfg.ForeignKeysOff)
	entries, err := cfg.Storage.LoadCatalog()
	if err != nil {
		return nil, nil, fmt.Errorf("engine: loading catalog: %w", err)
	}
	loadErrs = db.rehydrate(entries)
	return db, loadErrs, nil
}

// rehydrate rebuilds the catalog from stored DDL: tables first, then
// indexes, then views (views may reference anything).
func (db *Database) rehydrate(entries []storage.CatalogEntry) []error {
	rank := func(k string) int {
		switch {
		case strings.HasPrefix(k, "\x00index\x00"):
			return 1
		case strings.HasPrefix(k, "\x00view\x00"):
			return 2
		case strings.HasPrefix(k, "\x00assertion\x00"):
			return 3
		}
		return 0
	}
	sort.SliceStable(entries, func(i, j int) bool { return rank(entries[i].Key) < rank(entries[j].Key) })
	var errs []error
	cat := db.cat.Clone()
	for _, ent := range entries {
		if err := db.loadEntry(cat, ent); err != nil {
			errs = append(errs, fmt.Errorf("catalog entry %q: %w", strings.ReplaceAll(ent.Key, "\x00", "/"), err))
		}
	}
	db.cat = cat
	return errs
}

func (db *Database) loadEntry(cat *schema.Catalog, ent storage.CatalogEntry) error {
	st, err := parser.Parse(ent.DDL)
	if err != nil {
		return err
	}
	switch st := st.(type) {
	case *parser.CreateTable:
		if st.Maintained != nil {
			cat.PutView(maintainedView(loadedSchema(cat, st.Name.Schema), st))
			return nil
		}
		t, err := db.buildTable(st)
		if err != nil {
			return err
		}
		t.Schema = loadedSchema(cat, st.Name.Schema)
		cat.PutTable(t)
	case *parser.CreateIndex:
		t := cat.TableIn(loadedSchema(cat, st.Name.Schema), st.Table)
		if t == nil {
			return fmt.Errorf("no such table: %s", st.Table)
		}
		ix, err := schema.BuildIndex(st, t, knownCollation)
		if err != nil {
			return err
		}
		cat.PutTable(withIndex(t, ix))
	case *parser.CreateView:
		cat.PutView(&schema.View{Schema: loadedSchema(cat, st.Name.Schema), Name: st.Name.Name, Columns: st.Columns, Select: st.Select, Def: st})
	case *parser.CreateAssertion:
		cat.PutAssertion(&schema.Assertion{Name: assertionName(loadedSchema(cat, st.Name.Schema), st.Name.Name), Check: st.Check, Def: st})
	default:
		return fmt.Errorf("unexpected statement %T", st)
	}
	return nil
}

// buildTable builds a table with the database's settings.
// A table of a schema other than main takes it from the definition's
// qualifier.
func (db *Database) buildTable(def *parser.CreateTable) (*schema.Table, error) {
	t, err := schema.BuildTable(def, schema.BuildOptions{
		NullableByDefault: db.nullableByDefault.Load(),
		KeyCollation:      db.cfg.TableKeyCollation,
	}, knownCollation)
	if err == nil && !schema.IsMain(def.Name.Schema) {
		t.Schema = def.Name.Schema
	}
	return t, err
}

// withIndex returns a copy of t with ix added.
func withIndex(t *schema.Table, ix *schema.Index) *schema.Table {
	nt := *t
	nt.Indexes = append(append([]*schema.Index{}, t.Indexes...), ix)
	return &nt
}

// catalog returns the published catalog.
func (db *Database) catalog() *schema.Catalog {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.cat
}

func (db *Database) publish(c *schema.Catalog) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.cat = c
}

// Storage returns the underlying store (for change-event subscriptions).
func (db *Database) Storage() storage.Database { return db.store }

// Close releases the engine's resources (not the storage).
func (db *Database) Close() error { return nil }

// Connect opens a session. A Conn is used by one goroutine at a time.
func (db *Database) Connect() *Conn { return &Conn{db: db} }

// catalogView is what the compiler needs from a catalog.
type catalogView interface {
	Table(name string) *schema.Table
	View(name string) *schema.View
	Index(name string) *schema.Index
	TableIn(schemaName, name string) *schema.Table
	ViewIn(schemaName, name string) *schema.View
	SchemaName(name string) string
	Schemas() []string
}
