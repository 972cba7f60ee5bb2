package engine

import (
	"context"
	"testing"

	"github.com/quereus/quereus/storage"
	"github.com/stretchr/testify/require"
)

func openDirDB(t *testing.T, dir string) (storage.Database, *Database, []error) {
	t.Helper()
	st, err := storage.Open(storage.Options{Dir: dir, NoSync: true})
	require.NoError(t, err)
	db, loadErrs, err := Open(context.Background(), Config{Storage: st})
	require.NoError(t, err)
	return st, db, loadErrs
}

// connectDir opens the database in dir, requiring a clean load, and one
// connection; closeDB releases both (tests reopen the directory after it).
func connectDir(t *testing.T, dir string) (c *Conn, closeDB func()) {
	t.Helper()
	st, db, loadErrs := openDirDB(t, dir)
	require.Empty(t, loadErrs)
	c = db.Connect()
	return c, func() {
		require.NoError(t, c.Close())
		require.NoError(t, st.Close())
	}
}

func TestPersistenceAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	c, closeDB := connectDir(t, dir)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score INTEGER NULL);
		CREATE INDEX t_score ON t (score);
		CREATE VIEW top AS SELECT name FROM t WHERE score > 5;
		INSERT INTO t VALUES (1, 'a', 3), (2, 'b', 8), (3, 'c', 9);
		CREATE TABLE gone (x INTEGER); DROP TABLE gone`)
	closeDB()

	c, closeDB = connectDir(t, dir)
	defer closeDB()
	require.Equal(t, [][]any{{"b"}, {"c"}}, queryRows(t, c, "SELECT name FROM top ORDER BY name"))
	require.Equal(t, []string{"SEARCH t USING INDEX t_score (score=?)"}, plan(t, c, "SELECT * FROM t WHERE score = 8"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "SELECT id FROM t WHERE score = 8"))
	_, err := queryErr(c, "SELECT * FROM gone")
	require.ErrorContains(t, err, "no such table")
	_, err = c.ExecScript(context.Background(), "INSERT INTO t VALUES (1, 'dup', 1)", nil)
	require.ErrorContains(t, err, "UNIQUE constraint failed: t PK")
}

func TestCorruptCatalogEntrySkipped(t *testing.T) {
	dir := t.TempDir()
	st, db, _ := openDirDB(t, dir)
	c := db.Connect()
	mustExec(t, c, "CREATE TABLE good (id INTEGER PRIMARY KEY); INSERT INTO good VALUES (1)")
	cs, err := st.Provider().GetCatalogStore()
	require.NoError(t, err)
	require.NoError(t, cs.Put([]byte("main.bad"), []byte("CREATE TABLE bad (")))
	require.NoError(t, c.Close())
	require.NoError(t, st.Close())

	st, db, loadErrs := openDirDB(t, dir)
	defer st.Close()
	require.Len(t, loadErrs, 1)
	require.ErrorContains(t, loadErrs[0], "main.bad")
	c = db.Connect()
	defer c.Close()
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "SELECT id FROM good"))
}
