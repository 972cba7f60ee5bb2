package storage

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// insertEvent is a data event whose table name carries a sequence number.
func insertEvent(n int) DataChangeEvent {
	return DataChangeEvent{Type: Insert, SchemaName: "main", TableName: strconv.Itoa(n)}
}

func TestEventsDeliveredAfterCommitOnly(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "t")
	var data []string
	var schema []SchemaChangeEvent
	db.OnDataChange(func(ev DataChangeEvent) { data = append(data, ev.TableName) })
	db.OnSchemaChange(func(ev SchemaChangeEvent) { schema = append(schema, ev) })

	tx := writeTxn(t, db)
	put(t, tx.Store(s), "k", "v")
	tx.Emit(insertEvent(1))
	tx.Emit(SchemaChangeEvent{Type: Create, ObjectType: "table", SchemaName: "main", ObjectName: "t", DDL: "CREATE TABLE t (a)"})
	assert.Empty(t, data, "nothing before commit")
	commit(t, tx)
	assert.Equal(t, []string{"1"}, data)
	require.Len(t, schema, 1)
	assert.Equal(t, "CREATE TABLE t (a)", schema[0].DDL)

	rolled := writeTxn(t, db)
	rolled.Emit(insertEvent(2))
	require.NoError(t, rolled.Rollback())

	partial := writeTxn(t, db)
	partial.Emit(insertEvent(3))
	m := partial.Savepoint()
	partial.Emit(insertEvent(4))
	require.NoError(t, partial.RollbackTo(m))
	partial.Emit(insertEvent(5))
	commit(t, partial)

	failed := writeTxn(t, db)
	failed.Emit(insertEvent(6))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, failed.Commit(ctx), context.Canceled)

	assert.Equal(t, []string{"1", "3", "5"}, data)
}

func TestEventsInCommitOrderUnderConcurrency(t *testing.T) {
	db := openMem(t)
	s := tableStore(t, db, "main", "counter")
	var mu sync.Mutex
	var seen []int
	db.OnDataChange(func(ev DataChangeEvent) {
		n, _ := strconv.Atoi(ev.TableName)
		mu.Lock()
		seen = append(seen, n)
		mu.Unlock()
	})
	const writers, each = 4, 15
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
				if !assert.NoError(t, err) {
					return
				}
				v := tx.Store(s)
				cur, _, err := v.Get([]byte("n"))
				assert.NoError(t, err)
				n, _ := strconv.Atoi(string(cur))
				n++
				assert.NoError(t, v.Put([]byte("n"), []byte(strconv.Itoa(n))))
				tx.Emit(insertEvent(n))
				assert.NoError(t, tx.Commit(context.Background()))
			}
		}()
	}
	wg.Wait()
	want := make([]int, writers*each)
	for i := range want {
		want[i] = i + 1
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, want, seen, "the counter's values arrive in commit order")
}

func TestUnsubscribeAndPanickingListener(t *testing.T) {
	db := openMem(t)
	var first, second []string
	unsub := db.OnDataChange(func(ev DataChangeEvent) { first = append(first, ev.TableName) })
	db.OnDataChange(func(DataChangeEvent) { panic("listener bug") })
	db.OnDataChange(func(ev DataChangeEvent) { second = append(second, ev.TableName) })
	var schemaCalls int
	unsubSchema := db.OnSchemaChange(func(SchemaChangeEvent) { schemaCalls++ })

	tx := writeTxn(t, db)
	tx.Emit(insertEvent(1))
	tx.Emit(SchemaChangeEvent{Type: Drop, ObjectType: "table", SchemaName: "main", ObjectName: "x"})
	require.NoError(t, tx.Commit(context.Background()), "a panicking listener does not fail the commit")
	assert.Equal(t, []string{"1"}, first)
	assert.Equal(t, []string{"1"}, second)
	assert.Equal(t, 1, schemaCalls)

	assert.True(t, db.HasDataListeners())
	unsub()
	unsubSchema()
	unsub() // unsubscribing twice is harmless
	assert.True(t, db.HasDataListeners(), "two listeners remain")
	tx = writeTxn(t, db)
	tx.Emit(insertEvent(2))
	tx.Emit(SchemaChangeEvent{Type: Drop, ObjectType: "table", SchemaName: "main", ObjectName: "y"})
	commit(t, tx)
	assert.Equal(t, []string{"1"}, first)
	assert.Equal(t, []string{"1", "2"}, second)
	assert.Equal(t, 1, schemaCalls)
}

func TestListenerMayCommit(t *testing.T) {
	db := openMem(t)
	db.OnDataChange(nil)() // a nil listener is ignored
	assert.False(t, db.HasDataListeners())
	var seen []string
	db.OnDataChange(func(ev DataChangeEvent) {
		seen = append(seen, ev.TableName)
		if ev.TableName == "1" {
			// A listener reacting with its own transaction: no deadlock,
			// and its event follows the current one.
			tx, err := db.Begin(context.Background(), TxOptions{Immediate: true})
			require.NoError(t, err)
			tx.Emit(insertEvent(3))
			require.NoError(t, tx.Commit(context.Background()))
		}
	})
	tx := writeTxn(t, db)
	tx.Emit(insertEvent(1))
	tx.Emit(insertEvent(2))
	commit(t, tx)
	assert.Equal(t, []string{"1", "2", "3"}, seen)
}
