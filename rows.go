package quereus

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/quereus/quereus/engine"
)

// rows is a result cursor. Every fetch uses the context of the query that
// opened it, so cancelling that context stops a long query mid-iteration.
type rows struct {
	ctx       context.Context
	c         *conn
	er        *engine.Rows
	ownedStmt *engine.Stmt // closed with the rows (a query run without Prepare)
	names     []string
	cols      []column
	closed    bool
}

var (
	_ driver.Rows                           = (*rows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*rows)(nil)
	_ driver.RowsColumnTypeScanType         = (*rows)(nil)
	_ driver.RowsColumnTypeNullable         = (*rows)(nil)
)

func newRows(ctx context.Context, c *conn, er *engine.Rows, ownedStmt *engine.Stmt) *rows {
	// Next converts each row's values into dest before it asks for the
	// next row (fromValue keeps nothing of the row), so the engine may
	// decode every row into one buffer.
	er.ReuseRows()
	ecols := er.Columns()
	r := &rows{ctx: ctx, c: c, er: er, ownedStmt: ownedStmt,
		names: make([]string, len(ecols)), cols: make([]column, len(ecols))}
	for i, ec := range ecols {
		r.names[i] = ec.Name
		r.cols[i] = describeColumn(ec)
	}
	return r
}

// Columns returns the result-column names.
func (r *rows) Columns() []string { return r.names }

// Close releases the cursor (and the statement of an unprepared query).
func (r *rows) Close() (err error) {
	if r.closed {
		return nil
	}
	r.closed = true
	defer recoverTo(&err, r.c.markBroken)
	err = r.er.Close()
	if r.ownedStmt != nil {
		err = errors.Join(err, r.ownedStmt.Close())
	}
	return err
}

// Next fetches the next row into dest (see fromValue for the Go types).
func (r *rows) Next(dest []driver.Value) (err error) {
	if r.closed {
		return io.EOF
	}
	defer recoverTo(&err, r.c.markBroken)
	row, err := r.er.Next(r.ctx)
	if err != nil {
		return err
	}
	if len(row) != len(dest) {
		return fmt.Errorf("quereus: internal error: row has %d values for %d columns", len(row), len(dest))
	}
	for i, v := range row {
		dest[i] = fromValue(v, r.cols[i].temporal)
	}
	return nil
}

// ColumnTypeDatabaseTypeName is the declared type in upper case ("" for an
// expression of unknown type).
func (r *rows) ColumnTypeDatabaseTypeName(i int) string { return r.cols[i].dbType }

// ColumnTypeScanType is the Go type a value of the column scans into.
func (r *rows) ColumnTypeScanType(i int) reflect.Type { return r.cols[i].scanType }

// ColumnTypeNullable reports the column's nullability as the engine knows it.
func (r *rows) ColumnTypeNullable(i int) (nullable, ok bool) { return r.cols[i].nullable, true }
