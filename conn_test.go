package quereus

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecoverToTurnsPanicIntoError(t *testing.T) {
	c := &conn{}
	call := func() (err error) {
		defer recoverTo(&err, c.markBroken)
		panic("engine bug")
	}
	err := call()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "internal error (recovered panic): engine bug")
	assert.True(t, c.broken)
	assert.False(t, c.IsValid())
	assert.ErrorIs(t, c.ResetSession(context.Background()), driver.ErrBadConn)
	assert.ErrorIs(t, c.Ping(context.Background()), driver.ErrBadConn)
	_, err = c.ExecContext(context.Background(), "SELECT 1", nil)
	assert.ErrorIs(t, err, driver.ErrBadConn, "a broken connection runs nothing more")

	quiet := func() (err error) {
		defer recoverTo(&err, c.markBroken)
		return errors.New("plain")
	}
	assert.EqualError(t, quiet(), "plain")
}

func TestPreparedStatementWithNamedParameters(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	ins, err := db.Prepare("INSERT INTO t VALUES (:id, @v)")
	require.NoError(t, err)
	defer ins.Close()
	for i, v := range []string{"a", "b", "c"} {
		_, err := ins.Exec(sql.Named("v", v), sql.Named("id", i))
		require.NoError(t, err)
	}
	_, err = ins.Exec(sql.Named("id", 9))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no argument for parameter :v")
	assert.Equal(t, int64(3), queryInt(t, db, "SELECT count(*) FROM t"))
}

func TestConnReuseAfterErrors(t *testing.T) {
	db := memDB(t)
	db.SetMaxOpenConns(1) // every statement runs on the same connection
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	for range 3 {
		_, err := db.Exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)")
		require.Error(t, err)
	}
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))
	mustExec(t, db, "INSERT INTO t VALUES (2)")
	assert.Equal(t, int64(2), queryInt(t, db, "SELECT count(*) FROM t"))
}
