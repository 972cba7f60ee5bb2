package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenameTableKeepsItsRowCount(t *testing.T) {
	db, c := openTestDB(t)
	mustExec(t, c, "create table t (a integer primary key); insert into t values (1), (2), (3); alter table t rename to u;")
	n, ok := db.Storage().RowCount("main", "u")
	require.True(t, ok)
	assert.Equal(t, int64(3), n)
	assert.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "select count(*) from u"))
}

func TestRolledBackRenameRestoresTheTable(t *testing.T) {
	db, c := openTestDB(t)
	mustExec(t, c, "create table t (a integer primary key, b text); create index t_b on t (b); insert into t values (1, 'x'), (2, 'y');")
	mustExec(t, c, "begin; alter table t rename to u; rollback;")
	assert.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from t"))
	assert.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select a from t where b = 'y'"))
	_, err := queryErr(c, "select * from u")
	assert.Error(t, err)
	n, ok := db.Storage().RowCount("main", "t")
	require.True(t, ok)
	assert.Equal(t, int64(2), n)
	// The old name's stores still work for writes, and the new name is free.
	mustExec(t, c, "insert into t values (3, 'z'); create table u (k integer primary key); insert into u values (9);")
	assert.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "select count(*) from t"))
}
