package quereus

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestColumnNullabilityReported(t *testing.T) {
	db := openDB(t, ":memory:")
	mustExec(t, db, "CREATE TABLE n (id INTEGER PRIMARY KEY, req TEXT, opt TEXT NULL)")
	rows, err := db.Query("SELECT id, req, opt FROM n")
	require.NoError(t, err)
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	require.NoError(t, err)
	require.Len(t, cts, 3)
	for i, want := range []bool{false, false, true} {
		nullable, ok := cts[i].Nullable()
		assert.True(t, ok)
		assert.Equal(t, want, nullable, cts[i].Name())
	}
	assert.Equal(t, "int64", cts[0].ScanType().String())
	assert.Equal(t, "string", cts[1].ScanType().String())
	assert.Equal(t, "sql.NullString", cts[2].ScanType().String())
}

// The engine reports DeclType "" for JSON-typed expressions (json(), json_object(),
// json_group_array(), ->), so the driver cannot tell a JSON value's column from a
// blob's: DatabaseTypeName must be "JSON" there (the sqllogic runner relies on it:
// 79 corpus blocks fail with "expected object/array, got opaque").
func TestJSONExpressionColumnType(t *testing.T) {
	db := openDB(t, ":memory:")
	rows, err := db.Query(`SELECT json('{"a":1}') AS j, json_object('b', 2) AS o`)
	require.NoError(t, err)
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	require.NoError(t, err)
	assert.Equal(t, "JSON", cts[0].DatabaseTypeName())
	assert.Equal(t, "JSON", cts[1].DatabaseTypeName())
}
