package quereus

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventLog collects events from callbacks that may run on other goroutines.
type eventLog struct {
	mu     sync.Mutex
	data   []DataChangeEvent
	schema []SchemaChangeEvent
}

func (l *eventLog) onData(ev DataChangeEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.data = append(l.data, ev)
}

func (l *eventLog) onSchema(ev SchemaChangeEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.schema = append(l.schema, ev)
}

// summary renders data events as "type table key".
func (l *eventLog) summary() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, len(l.data))
	for i, ev := range l.data {
		out[i] = string(ev.Type) + " " + ev.TableName + " " + ev.Key[0].String()
	}
	return out
}

func TestChangeEventsThroughConnector(t *testing.T) {
	c, err := NewConnector("memory:events-test")
	require.NoError(t, err)
	var log eventLog
	stopData := c.OnDataChange(log.onData)
	c.OnSchemaChange(log.onSchema)
	db := sql.OpenDB(c)
	t.Cleanup(func() { assert.NoError(t, db.Close()) })

	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, db, "INSERT INTO t VALUES (1, 'a'), (2, 'b')")
	mustExec(t, db, "UPDATE t SET v = 'z' WHERE id = 2")
	mustExec(t, db, "DELETE FROM t WHERE id = 1")

	tx, err := db.Begin()
	require.NoError(t, err)
	mustExec(t, tx, "INSERT INTO t VALUES (3, 'rolled back')")
	require.NoError(t, tx.Rollback())

	assert.Equal(t, []string{"insert t 1", "insert t 2", "update t 2", "delete t 1"}, log.summary())
	log.mu.Lock()
	upd := log.data[2]
	require.Len(t, log.schema, 1)
	assert.Equal(t, Create, log.schema[0].Type)
	assert.Equal(t, "table", log.schema[0].ObjectType)
	assert.Equal(t, "t", log.schema[0].ObjectName)
	log.mu.Unlock()
	assert.Equal(t, `"b"`, upd.OldRow[1].String())
	assert.Equal(t, `"z"`, upd.NewRow[1].String())

	stopData()
	mustExec(t, db, "INSERT INTO t VALUES (4, 'after unsubscribe')")
	assert.Len(t, log.summary(), 4, "no events after unsubscribe")
}

func TestChangeEventsThroughRawConn(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()

	var log eventLog
	var stop func()
	require.NoError(t, conn.Raw(func(dc any) error {
		src, ok := dc.(EventSource)
		require.True(t, ok, "the driver connection is an EventSource")
		stop = src.OnDataChange(log.onData)
		return nil
	}))
	mustExec(t, db, "INSERT INTO t VALUES (10)") // any connection's commits are delivered
	_, err = conn.ExecContext(ctx, "INSERT INTO t VALUES (11)")
	require.NoError(t, err)
	assert.Equal(t, []string{"insert t 10", "insert t 11"}, log.summary())
	stop()
	mustExec(t, db, "INSERT INTO t VALUES (12)")
	assert.Len(t, log.summary(), 2)
}

func TestConnectorCloseEndsSubscriptions(t *testing.T) {
	keep, err := NewConnector("memory:events-close")
	require.NoError(t, err)
	keepDB := sql.OpenDB(keep)
	defer keepDB.Close()

	c, err := NewConnector("memory:events-close")
	require.NoError(t, err)
	var log eventLog
	c.OnDataChange(log.onData)
	mustExec(t, keepDB, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)")
	require.NoError(t, c.Close())
	require.NoError(t, c.Close(), "closing twice is fine")
	mustExec(t, keepDB, "INSERT INTO t VALUES (2)")
	assert.Equal(t, []string{"insert t 1"}, log.summary())

	_, err = c.Connect(context.Background())
	require.ErrorIs(t, err, ErrClosed)
	stop := c.OnDataChange(log.onData)
	stop()
	mustExec(t, keepDB, "INSERT INTO t VALUES (3)")
	assert.Len(t, log.summary(), 1, "a closed connector subscribes nothing")
}

func TestChangeEventsFollowCommitOrder(t *testing.T) {
	c, err := NewConnector(fileDSN(t) + "?sync=off")
	require.NoError(t, err)
	var log eventLog
	c.OnDataChange(log.onData)
	db := sql.OpenDB(c)
	t.Cleanup(func() { assert.NoError(t, db.Close()) })
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")

	// Each transaction inserts ids 10k+0 .. 10k+2 (k unique per transaction);
	// odd transactions roll back.
	const writers, txPerWriter = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range txPerWriter {
				k := w*txPerWriter + i
				tx, err := db.Begin()
				if err != nil {
					errs <- err
					return
				}
				for j := range 3 {
					if _, err := tx.Exec("INSERT INTO t VALUES (?)", 10*k+j); err != nil {
						errs <- errors.Join(err, tx.Rollback())
						return
					}
				}
				if k%2 == 1 {
					err = tx.Rollback()
				} else {
					err = tx.Commit()
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	log.mu.Lock()
	defer log.mu.Unlock()
	require.Len(t, log.data, writers*txPerWriter/2*3, "one event per committed row, none for rolled-back ones")
	seen := map[int64]bool{}
	for i := 0; i < len(log.data); i += 3 {
		// A transaction's events arrive together and in statement order.
		first := log.data[i].Key[0].Int()
		require.Equal(t, int64(0), first%10, "event %d starts a transaction", i)
		k := first / 10
		assert.Equal(t, int64(0), k%2, "transaction %d was rolled back", k)
		assert.False(t, seen[k])
		seen[k] = true
		for j := range int64(3) {
			assert.Equal(t, Insert, log.data[i+int(j)].Type)
			assert.Equal(t, 10*k+j, log.data[i+int(j)].Key[0].Int())
		}
	}
}
