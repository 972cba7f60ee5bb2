package engine

import (
	"context"
	"io"
	"testing"

	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// openTestDB opens an in-memory database and one connection.
func openTestDB(t *testing.T) (*Database, *Conn) {
	t.Helper()
	st, err := storage.Open(storage.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	db, loadErrs, err := Open(context.Background(), Config{Storage: st})
	require.NoError(t, err)
	require.Empty(t, loadErrs)
	conn := db.Connect()
	t.Cleanup(func() { _ = conn.Close() })
	return db, conn
}

// mustExec runs a script and fails the test on error.
func mustExec(t *testing.T, c *Conn, sql string, args ...Arg) int64 {
	t.Helper()
	n, err := c.ExecScript(context.Background(), sql, args)
	require.NoError(t, err, sql)
	return n
}

// queryRows runs one statement and returns its rows rendered as Go values.
func queryRows(t *testing.T, c *Conn, sql string, args ...Arg) [][]any {
	t.Helper()
	rows, err := queryErr(c, sql, args...)
	require.NoError(t, err, sql)
	return rows
}

func queryErr(c *Conn, sql string, args ...Arg) ([][]any, error) {
	ctx := context.Background()
	st, err := c.Prepare(ctx, sql)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	rows, err := st.Query(ctx, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := [][]any{}
	for {
		r, err := rows.Next(ctx)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, renderRow(r))
	}
}

// renderRow renders a row's values for assertions.
func renderRow(r value.Row) []any {
	row := make([]any, len(r))
	for i, v := range r {
		row[i] = goValue(v)
	}
	return row
}

// goValue renders a value for assertions.
func goValue(v value.Value) any {
	switch v.Kind() {
	case value.KindNull:
		return nil
	case value.KindInteger:
		return v.Int()
	case value.KindBigInt:
		return v.Big().String()
	case value.KindReal:
		return v.Float()
	case value.KindText:
		return v.Text()
	case value.KindBlob:
		return v.Blob()
	case value.KindBoolean:
		return v.Bool()
	}
	return v.JSONText()
}

// columnNames lists a prepared statement's result column names.
func columnNames(t *testing.T, c *Conn, sql string) []string {
	t.Helper()
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(t, err)
	var names []string
	for _, col := range st.Columns() {
		names = append(names, col.Name)
	}
	return names
}

func intArg(i int, v int64) Arg { return Arg{Ordinal: i, Value: value.Int(v)} }

func textValue(s string) value.Value { return value.Text(s) }
func intValue(i int64) value.Value   { return value.Int(i) }

func mustPrepare(t *testing.T, c *Conn, sql string) *Stmt {
	t.Helper()
	st, err := c.Prepare(context.Background(), sql)
	require.NoError(t, err)
	return st
}
