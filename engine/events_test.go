package engine

import (
	"context"
	"sync"
	"testing"

	"github.com/quereus/quereus/storage"
	"github.com/stretchr/testify/require"
)

func TestChangeEventsAfterCommit(t *testing.T) {
	db, c := openTestDB(t)
	var mu sync.Mutex
	var data []storage.DataChangeEvent
	var ddl []storage.SchemaChangeEvent
	defer db.Storage().OnDataChange(func(ev storage.DataChangeEvent) {
		mu.Lock()
		defer mu.Unlock()
		data = append(data, ev)
	})()
	defer db.Storage().OnSchemaChange(func(ev storage.SchemaChangeEvent) {
		mu.Lock()
		defer mu.Unlock()
		ddl = append(ddl, ev)
	})()
	mustExec(t, c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, c, "INSERT INTO t VALUES (1, 'a'); UPDATE t SET v = 'b' WHERE id = 1")
	mustExec(t, c, "BEGIN; DELETE FROM t; ROLLBACK")
	mustExec(t, c, "DELETE FROM t")
	_, err := c.ExecScript(context.Background(), "INSERT INTO t VALUES (2, 'x'), (2, 'dup')", nil)
	require.Error(t, err)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, ddl, 1)
	require.Equal(t, storage.Create, ddl[0].Type)
	require.Equal(t, "t", ddl[0].ObjectName)
	require.Len(t, data, 3, "rolled-back and failed statements emit nothing")
	require.Equal(t, storage.Insert, data[0].Type)
	require.Equal(t, "a", data[0].NewRow[1].Text())
	require.Equal(t, storage.Update, data[1].Type)
	require.Equal(t, "a", data[1].OldRow[1].Text())
	require.Equal(t, "b", data[1].NewRow[1].Text())
	require.Equal(t, storage.Delete, data[2].Type)
	require.Equal(t, int64(1), data[2].Key[0].Int())
}
