package quereus

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage"
)

// openInstances counts the shared instances in the registry.
func openInstances() int {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	return len(registry.open)
}

func TestPersistenceAcrossReopen(t *testing.T) {
	dsn := fileDSN(t)
	db, err := sql.Open(DriverName, dsn)
	require.NoError(t, err)
	mustExec(t, db, `
		CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL);
		CREATE UNIQUE INDEX item_name ON item (name);
		CREATE VIEW cheap AS SELECT name FROM item WHERE price < 10;
		INSERT INTO item VALUES (1, 'pen', 2.5), (2, 'lamp', 30), (3, 'cup', 7);`)
	require.NoError(t, db.Close())

	db = openDB(t, dsn)
	assert.Equal(t, int64(3), queryInt(t, db, "SELECT count(*) FROM item"))
	assert.Equal(t, []string{"cup", "pen"}, queryColumn[string](t, db, "SELECT name FROM cheap ORDER BY name"))
	assert.Equal(t, int64(2), queryInt(t, db, "SELECT id FROM item WHERE name = 'lamp'"))

	// The unique index came back: it still rejects a duplicate name.
	_, err = db.Exec("INSERT INTO item VALUES (4, 'pen', 1)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UNIQUE constraint failed")
}

func TestSharedInstancePerPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	before := openInstances()
	a := openDB(t, "file:"+dir)
	b := openDB(t, dir+"/./") // another spelling of the same directory
	assert.Equal(t, before+1, openInstances(), "one instance for both")

	mustExec(t, a, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	mustExec(t, a, "INSERT INTO t VALUES (1)")
	assert.Equal(t, int64(1), queryInt(t, b, "SELECT count(*) FROM t"))

	_, err := sql.Open(DriverName, "file:"+dir+"?sync=off")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already open in this process with options sync=on")
	assert.Contains(t, err.Error(), "asked for sync=off")
}

func TestInstanceClosesWithLastReference(t *testing.T) {
	dsn := fileDSN(t)
	before := openInstances()
	a, err := sql.Open(DriverName, dsn)
	require.NoError(t, err)
	b, err := sql.Open(DriverName, dsn)
	require.NoError(t, err)
	mustExec(t, a, "CREATE TABLE t (id INTEGER PRIMARY KEY)")

	// A connection pinned from b keeps working after a closes.
	require.NoError(t, a.Close())
	mustExec(t, b, "INSERT INTO t VALUES (1)")
	require.NoError(t, b.Close())
	assert.Equal(t, before, openInstances())

	// Closed for real: the directory can be reopened with other options.
	c := openDB(t, dsn+"?sync=off")
	assert.Equal(t, int64(1), queryInt(t, c, "SELECT count(*) FROM t"))
}

func TestConnectionOutlivesDB(t *testing.T) {
	db, err := sql.Open(DriverName, "memory:outlive")
	require.NoError(t, err)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)")
	rows, err := db.Query("SELECT id FROM t")
	require.NoError(t, err)
	require.NoError(t, db.Close()) // the open rows keep their connection
	require.True(t, rows.Next())
	var id int64
	require.NoError(t, rows.Scan(&id))
	assert.Equal(t, int64(1), id)
	require.NoError(t, rows.Close())

	// Everything is released now: the name starts empty again.
	db2 := openDB(t, "memory:outlive")
	_, err = db2.Query("SELECT id FROM t")
	require.Error(t, err)
}

func TestMemoryDatabases(t *testing.T) {
	p1 := memDB(t)
	p2 := memDB(t)
	mustExec(t, p1, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	_, err := p2.Exec("INSERT INTO t VALUES (1)")
	require.Error(t, err, ":memory: is private per sql.Open")

	// A private database is shared by its pool's connections.
	p1.SetMaxIdleConns(4)
	ctx := t.Context()
	c1, err := p1.Conn(ctx)
	require.NoError(t, err)
	c2, err := p1.Conn(ctx)
	require.NoError(t, err)
	_, err = c1.ExecContext(ctx, "INSERT INTO t VALUES (1)")
	require.NoError(t, err)
	var n int64
	require.NoError(t, c2.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n))
	assert.Equal(t, int64(1), n)
	require.NoError(t, c1.Close())
	require.NoError(t, c2.Close())

	s1 := openDB(t, "memory:shared-test")
	s2 := openDB(t, "memory:shared-test")
	mustExec(t, s1, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)")
	assert.Equal(t, int64(2), queryInt(t, s2, "SELECT count(*) FROM t"))
	other := openDB(t, "memory:other-name")
	_, err = other.Query("SELECT * FROM t")
	require.Error(t, err)
}

func TestReadOnlyMode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	_, err := sql.Open(DriverName, "file:"+dir+"?mode=ro")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not exist")

	db, err := sql.Open(DriverName, "file:"+dir)
	require.NoError(t, err)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)")
	require.NoError(t, db.Close())

	ro := openDB(t, "file:"+dir+"?mode=ro")
	assert.Equal(t, int64(1), queryInt(t, ro, "SELECT count(*) FROM t"))
	_, err = ro.Exec("INSERT INTO t VALUES (2)")
	require.Error(t, err)
	assert.Contains(t, strings.ToLower(err.Error()), "read-only")
	assert.Equal(t, int64(1), queryInt(t, ro, "SELECT count(*) FROM t"))
}

func TestDSNOptionsReachTheEngine(t *testing.T) {
	strict := memDB(t)
	mustExec(t, strict, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	_, err := strict.Exec("INSERT INTO t VALUES (1, NULL)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "NOT NULL constraint failed")

	lax := openDB(t, ":memory:?nullable=nullable")
	mustExec(t, lax, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, lax, "INSERT INTO t VALUES (1, NULL)")

	fkOn := memDB(t)
	mustExec(t, fkOn, "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id))")
	_, err = fkOn.Exec("INSERT INTO c VALUES (1, 99)")
	require.Error(t, err)

	fkOff := openDB(t, ":memory:?foreign_keys=off")
	mustExec(t, fkOff, "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id))")
	mustExec(t, fkOff, "INSERT INTO c VALUES (1, 99)")

	nocase := memDB(t)
	mustExec(t, nocase, "CREATE TABLE k (name TEXT PRIMARY KEY)")
	mustExec(t, nocase, "INSERT INTO k VALUES ('Abc')")
	_, err = nocase.Exec("INSERT INTO k VALUES ('aBC')")
	require.Error(t, err, "TEXT keys are NOCASE by default")

	binary := openDB(t, ":memory:?key_collation=binary")
	mustExec(t, binary, "CREATE TABLE k (name TEXT PRIMARY KEY)")
	mustExec(t, binary, "INSERT INTO k VALUES ('Abc'), ('aBC')")
	assert.Equal(t, int64(2), queryInt(t, binary, "SELECT count(*) FROM k"))
}

func TestDriverOpen(t *testing.T) {
	d := &Driver{}
	c, err := d.Open("memory:driver-open")
	require.NoError(t, err)
	before := openInstances()
	require.NoError(t, c.Close())
	assert.Equal(t, before-1, openInstances(), "closing the only connection closes its database")

	_, err = d.Open("file:/x?nope=1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown option(s) "nope"`)
}

func TestCorruptCatalogEntryReportedAndSkipped(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db, err := sql.Open(DriverName, dir)
	require.NoError(t, err)
	mustExec(t, db, "CREATE TABLE good (id INTEGER PRIMARY KEY); INSERT INTO good VALUES (1)")
	require.NoError(t, db.Close())

	store, err := storage.Open(storage.Options{Dir: dir})
	require.NoError(t, err)
	cat, err := store.Provider().GetCatalogStore()
	require.NoError(t, err)
	require.NoError(t, cat.Put([]byte("main.broken"), []byte("CREATE TABLE broken (id INTEGER PRIMARY KEY,")))
	require.NoError(t, store.Close())

	c, err := NewConnector("file:" + dir)
	require.NoError(t, err)
	db = sql.OpenDB(c)
	defer db.Close()
	loadErrs := c.LoadErrors()
	require.Len(t, loadErrs, 1)
	assert.Contains(t, loadErrs[0].Error(), "broken")
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM good"))
}

func TestConcurrentOpenAndClose(t *testing.T) {
	dsn := fileDSN(t)
	before := openInstances()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				db, err := sql.Open(DriverName, dsn)
				if err != nil {
					errs <- err
					return
				}
				_, err = db.Exec("CREATE TABLE IF NOT EXISTS t (g INTEGER, i INTEGER, PRIMARY KEY (g, i))")
				if err == nil {
					_, err = db.Exec("INSERT INTO t VALUES (?, ?)", g, i)
				}
				if cerr := db.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					errs <- fmt.Errorf("goroutine %d round %d: %w", g, i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, before, openInstances(), "every instance was closed")
	db := openDB(t, dsn)
	assert.Equal(t, int64(40), queryInt(t, db, "SELECT count(*) FROM t"))
}
