package quereus

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPreparedArgumentsPerExecution runs one prepared statement with
// different argument kinds in turn (Go int included, which the driver
// converts itself): every execution binds its own values, none leaks into
// the next.
func TestPreparedArgumentsPerExecution(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, `CREATE TABLE a (id INTEGER PRIMARY KEY, n INTEGER, s TEXT NULL)`)
	ins, err := db.Prepare(`INSERT INTO a VALUES (?, ?, ?)`)
	require.NoError(t, err)
	defer ins.Close()
	_, err = ins.Exec(1, math.MaxInt, "one")
	require.NoError(t, err)
	_, err = ins.Exec(int64(2), -7, nil)
	require.NoError(t, err)
	_, err = ins.Exec(3, int32(5), "three")
	require.NoError(t, err)
	_, err = ins.Exec(4, 1)
	require.Error(t, err, "a missing argument is refused, not bound to the previous execution's value")

	sel, err := db.Prepare(`SELECT n, s FROM a WHERE id = ?`)
	require.NoError(t, err)
	defer sel.Close()
	for _, tc := range []struct {
		id int
		n  int64
		s  any
	}{{1, math.MaxInt, "one"}, {2, -7, nil}, {3, 5, "three"}} {
		var n int64
		var s sql.NullString
		require.NoError(t, sel.QueryRow(tc.id).Scan(&n, &s))
		require.Equal(t, tc.n, n, "id %d", tc.id)
		if tc.s == nil {
			require.False(t, s.Valid, "id %d", tc.id)
		} else {
			require.Equal(t, tc.s, s.String, "id %d", tc.id)
		}
	}
	var count int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM a`).Scan(&count))
	require.Equal(t, 3, count)
}

// TestStmtReleasesArguments: after an execution the statement's reused
// argument buffer holds no reference to the values it was given.
func TestStmtReleasesArguments(t *testing.T) {
	db := memDB(t)
	ctx := context.Background()
	mustExec(t, db, `CREATE TABLE r (id INTEGER PRIMARY KEY, s TEXT)`)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.Raw(func(dc any) error {
		st, err := dc.(*conn).PrepareContext(ctx, `INSERT INTO r VALUES (?, ?)`)
		require.NoError(t, err)
		defer st.Close()
		s := st.(*stmt)
		_, err = s.ExecContext(ctx, []driver.NamedValue{{Ordinal: 1, Value: int64(1)}, {Ordinal: 2, Value: "big value"}})
		require.NoError(t, err)
		require.Len(t, s.argBuf, 2)
		for _, a := range s.argBuf {
			require.True(t, a.Value.IsNull(), "argument kept after the execution: %v", a)
		}
		return nil
	}))
}
