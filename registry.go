package quereus

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/quereus/quereus/engine"
	"github.com/quereus/quereus/storage"
)

// instance is one open database (a storage instance plus the engine over
// it), shared by every Connector and connection of one directory or memory
// name in the process. Reference counts (one per Connector, one per
// connection) decide when it closes: the last release closes the engine and
// the store.
type instance struct {
	key      string // registry key; "" for a private in-memory database
	opts     instanceOptions
	store    storage.Database
	db       *engine.Database
	loadErrs []error
	refs     int // guarded by registry.mu
}

// registry maps registry keys (config.registryKey) to open instances. Opening
// and closing happen under mu, so a reopen of a directory waits until its
// previous close has released the Pebble lock.
var registry = struct {
	mu   sync.Mutex
	open map[string]*instance
}{open: map[string]*instance{}}

// openStorage opens the storage layer. A nil *storage.DB must not become a
// non-nil interface, hence the explicit error path.
func openStorage(opts storage.Options) (storage.Database, error) {
	db, err := storage.Open(opts)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// acquire returns the instance the config denotes with one more reference,
// opening it if needed.
func acquire(cfg config) (*instance, error) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	key := cfg.registryKey()
	if inst := registry.open[key]; key != "" && inst != nil {
		if inst.opts != cfg.opts {
			return nil, fmt.Errorf("quereus: %s is already open in this process with options %s; "+
				"every connector of one database must use the same options (asked for %s)", key, inst.opts, cfg.opts)
		}
		inst.refs++
		return inst, nil
	}
	inst, err := openInstance(cfg)
	if err != nil {
		return nil, err
	}
	inst.key, inst.refs = key, 1
	if key != "" {
		registry.open[key] = inst
	}
	return inst, nil
}

func openInstance(cfg config) (*instance, error) {
	if err := cfg.checkExists(); err != nil {
		return nil, err
	}
	store, err := openStorage(storage.Options{
		Dir:         cfg.path,
		NoSync:      cfg.opts.noSync,
		BusyTimeout: cfg.opts.busyTimeout,
		ReadOnly:    cfg.opts.readOnly,
	})
	if err != nil {
		return nil, err
	}
	db, loadErrs, err := engine.Open(context.Background(), engine.Config{
		Storage:           store,
		NullableByDefault: cfg.opts.nullableByDefault,
		ForeignKeysOff:    cfg.opts.foreignKeysOff,
		TableKeyCollation: cfg.opts.keyCollation,
	})
	if err != nil {
		return nil, errors.Join(err, store.Close())
	}
	return &instance{opts: cfg.opts, store: store, db: db, loadErrs: loadErrs}, nil
}

// retain adds a reference.
func (inst *instance) retain() {
	registry.mu.Lock()
	inst.refs++
	registry.mu.Unlock()
}

// release drops a reference; the last one closes the engine and the store.
func (inst *instance) release() error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if inst.refs <= 0 {
		return errors.New("quereus: database released more often than acquired")
	}
	inst.refs--
	if inst.refs > 0 {
		return nil
	}
	if inst.key != "" && registry.open[inst.key] == inst {
		delete(registry.open, inst.key)
	}
	return errors.Join(inst.db.Close(), inst.store.Close())
}
