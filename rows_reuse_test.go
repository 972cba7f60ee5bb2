package quereus

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The engine decodes a cursor's rows into one buffer (rows.Next converts
// each row before asking for the next): values scanned into *any, strings
// and []byte must stay as they were read while later rows are fetched.
func TestScannedValuesSurviveLaterRows(t *testing.T) {
	db := memDB(t)
	_, err := db.Exec(`CREATE TABLE r (id INTEGER PRIMARY KEY, name TEXT NULL, val REAL NULL, data BLOB NULL)`)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO r VALUES (1, 'alpha', 1.5, x'0102'), (2, NULL, NULL, NULL),
		(3, 'gamma', 3.5, x'03'), (4, 'delta', NULL, x'')`)
	require.NoError(t, err)
	rows, err := db.Query(`SELECT id, name, val, data FROM r WHERE id >= ? AND id < ?`, 1, 10)
	require.NoError(t, err)
	var got [][]any
	var names []string
	var blobs [][]byte
	for rows.Next() {
		vals := make([]any, 4)
		ptrs := []any{&vals[0], &vals[1], &vals[2], &vals[3]}
		require.NoError(t, rows.Scan(ptrs...))
		got = append(got, vals)
		var name *string
		var blob []byte
		// A second Scan of the same row into other destinations.
		require.NoError(t, rows.Scan(new(int64), &name, new(any), &blob))
		if name != nil {
			names = append(names, *name)
		}
		blobs = append(blobs, blob)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	assert.Equal(t, [][]any{
		{int64(1), "alpha", 1.5, []byte{1, 2}},
		{int64(2), nil, nil, nil},
		{int64(3), "gamma", 3.5, []byte{3}},
		{int64(4), "delta", nil, []byte{}},
	}, got)
	assert.Equal(t, []string{"alpha", "gamma", "delta"}, names)
	assert.Equal(t, [][]byte{{1, 2}, nil, {3}, {}}, blobs)
}

// A prepared statement's rows share one description of its columns, until
// a schema change re-plans it; the names a caller gets are its own.
func TestPreparedColumnsFollowReplanning(t *testing.T) {
	db := memDB(t)
	db.SetMaxOpenConns(1)
	_, err := db.Exec(`CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO c VALUES (1, 'one')`)
	require.NoError(t, err)
	st, err := db.Prepare(`SELECT * FROM c WHERE id = ?`)
	require.NoError(t, err)
	defer st.Close()
	columns := func() ([]string, []string) {
		rows, err := st.Query(1)
		require.NoError(t, err)
		defer rows.Close()
		names, err := rows.Columns()
		require.NoError(t, err)
		types, err := rows.ColumnTypes()
		require.NoError(t, err)
		var tn []string
		for _, ct := range types {
			tn = append(tn, ct.DatabaseTypeName())
		}
		names[0] = "changed by the caller"
		again, err := rows.Columns()
		require.NoError(t, err)
		return again, tn
	}
	names, types := columns()
	assert.Equal(t, []string{"id", "name"}, names)
	assert.Equal(t, []string{"INTEGER", "TEXT"}, types)
	names, _ = columns()
	assert.Equal(t, []string{"id", "name"}, names)
	_, err = db.Exec(`ALTER TABLE c ADD COLUMN born DATE NULL`)
	require.NoError(t, err)
	names, types = columns()
	assert.Equal(t, []string{"id", "name", "born"}, names)
	assert.Equal(t, []string{"INTEGER", "TEXT", "DATE"}, types)
}
