package quereus

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTxCommitAndRollback(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")

	tx, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (1), (2)")
	assert.Equal(t, int64(2), queryInt(t, tx, "SELECT count(*) FROM t"), "a transaction sees its own writes")
	require.NoError(t, tx.Rollback())
	assert.Equal(t, int64(0), queryInt(t, db, "SELECT count(*) FROM t"))

	tx, err = db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (3)")
	require.NoError(t, tx.Commit())
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))
	assert.ErrorIs(t, tx.Commit(), sql.ErrTxDone)
}

func TestSQLTransactionControlRefusedInsideTx(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	tx, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (1)")
	for _, q := range []string{"BEGIN", "COMMIT", "ROLLBACK"} {
		_, err := tx.Exec(q)
		require.Error(t, err, q)
		assert.Contains(t, err.Error(), "cannot "+q)
	}
	// The refusals left the transaction as it was.
	assert.Equal(t, int64(1), queryInt(t, tx, "SELECT count(*) FROM t"))
	require.NoError(t, tx.Commit())
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))

	// The other way round: BeginTx on a connection inside SQL BEGIN.
	ctx := context.Background()
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	_, err = c.ExecContext(ctx, "BEGIN")
	require.NoError(t, err)
	_, err = c.BeginTx(ctx, nil)
	require.Error(t, err)
	_, err = c.ExecContext(ctx, "ROLLBACK")
	require.NoError(t, err)
}

func TestSavepointsThroughSQL(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")

	// Inside a database/sql transaction.
	tx, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (1)")
	mustExec(t, tx, "SAVEPOINT a")
	mustExec(t, tx, "INSERT INTO t VALUES (2)")
	mustExec(t, tx, "SAVEPOINT b")
	mustExec(t, tx, "INSERT INTO t VALUES (3)")
	mustExec(t, tx, "ROLLBACK TO a")
	assert.Equal(t, int64(1), queryInt(t, tx, "SELECT count(*) FROM t"))
	mustExec(t, tx, "INSERT INTO t VALUES (4)")
	mustExec(t, tx, "RELEASE a")
	require.NoError(t, tx.Commit())

	// SQL BEGIN/COMMIT on one pinned connection.
	ctx := context.Background()
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	for _, q := range []string{"BEGIN", "INSERT INTO t VALUES (5)", "SAVEPOINT s", "INSERT INTO t VALUES (6)",
		"ROLLBACK TO s", "RELEASE s", "COMMIT"} {
		_, err := c.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}

	assert.Equal(t, []int64{1, 4, 5}, queryColumn[int64](t, db, "SELECT id FROM t ORDER BY id"))
}

func TestReadOnlyTx(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	mustExec(t, db, "INSERT INTO t VALUES (1)")

	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	require.NoError(t, err)
	assert.Equal(t, int64(1), queryInt(t, tx, "SELECT count(*) FROM t"))
	_, err = tx.Exec("INSERT INTO t VALUES (2)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "read-only")
	require.NoError(t, tx.Rollback())
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))
}

func TestIsolationLevels(t *testing.T) {
	db := memDB(t)
	ctx := context.Background()
	for _, level := range []sql.IsolationLevel{sql.LevelDefault, sql.LevelSnapshot, sql.LevelSerializable} {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: level})
		require.NoError(t, err, level.String())
		require.NoError(t, tx.Rollback())
	}
	for _, level := range []sql.IsolationLevel{sql.LevelReadUncommitted, sql.LevelReadCommitted,
		sql.LevelWriteCommitted, sql.LevelRepeatableRead, sql.LevelLinearizable} {
		_, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: level})
		require.Error(t, err, level.String())
		assert.Contains(t, err.Error(), "isolation level "+level.String()+" is not supported")
	}
}

func TestSnapshotIsolation(t *testing.T) {
	db := openDB(t, fileDSN(t))
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	mustExec(t, db, "INSERT INTO t VALUES (1)")

	reader, err := db.Begin()
	require.NoError(t, err)
	assert.Equal(t, int64(1), queryInt(t, reader, "SELECT count(*) FROM t"))

	writer, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, writer, "INSERT INTO t VALUES (2), (3)")
	// Neither the reader's snapshot nor a fresh autocommit read sees uncommitted rows.
	assert.Equal(t, int64(1), queryInt(t, reader, "SELECT count(*) FROM t"))
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))

	require.NoError(t, writer.Commit())
	assert.Equal(t, int64(1), queryInt(t, reader, "SELECT count(*) FROM t"), "the reader keeps its snapshot")
	assert.Equal(t, int64(3), queryInt(t, db, "SELECT count(*) FROM t"))
	require.NoError(t, reader.Commit())
	assert.Equal(t, int64(3), queryInt(t, db, "SELECT count(*) FROM t"))
}

func TestBusyTimeout(t *testing.T) {
	db := openDB(t, fileDSN(t)+"?busy_timeout=50ms")
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	holder, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, holder, "INSERT INTO t VALUES (1)") // takes the write lock
	_, err = db.Exec("INSERT INTO t VALUES (2)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "database is busy")
	require.NoError(t, holder.Commit())
	mustExec(t, db, "INSERT INTO t VALUES (2)")
	assert.Equal(t, int64(2), queryInt(t, db, "SELECT count(*) FROM t"))
}

func TestConcurrentWritersAndReaders(t *testing.T) {
	db := openDB(t, fileDSN(t)+"?sync=off")
	mustExec(t, db, "CREATE TABLE t (w INTEGER, i INTEGER, PRIMARY KEY (w, i))")
	const writers, readers, perWriter = 8, 4, 40

	var wg sync.WaitGroup
	errs := make(chan error, writers+readers)
	done := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				var err error
				if i%2 == 0 {
					_, err = db.Exec("INSERT INTO t VALUES (?, ?)", w, i)
				} else {
					err = insertInTx(db, w, i)
				}
				if err != nil {
					errs <- fmt.Errorf("writer %d row %d: %w", w, i, err)
					return
				}
			}
		}()
	}
	var readersWG sync.WaitGroup
	for r := range readers {
		readersWG.Add(1)
		go func() {
			defer readersWG.Done()
			last := int64(0)
			for {
				select {
				case <-done:
					return
				default:
				}
				var n int64
				if err := db.QueryRow("SELECT count(*) FROM t").Scan(&n); err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				if n < last {
					errs <- fmt.Errorf("reader %d: count went back from %d to %d", r, last, n)
					return
				}
				last = n
			}
		}()
	}
	wg.Wait()
	close(done)
	readersWG.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, int64(writers*perWriter), queryInt(t, db, "SELECT count(*) FROM t"))
	assert.Equal(t, int64(writers), queryInt(t, db, "SELECT count(DISTINCT w) FROM t"))
}

func insertInTx(db *sql.DB, w, i int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (?, ?)", w, i); err != nil {
		return fmt.Errorf("%w (rollback: %v)", err, tx.Rollback())
	}
	return tx.Commit()
}

func TestFailedStatementInsideTxUndoesOnlyItself(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	tx, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (1)")
	_, err = tx.Exec("INSERT INTO t VALUES (2), (1)") // the second row conflicts
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UNIQUE constraint failed")
	_, err = tx.Exec("INSERT INTO t VALUES (?)", "not an integer")
	require.Error(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (3)")
	require.NoError(t, tx.Commit())

	assert.Equal(t, []int64{1, 3}, queryColumn[int64](t, db, "SELECT id FROM t ORDER BY id"))
}
