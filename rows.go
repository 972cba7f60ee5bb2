package quereus

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"

	"github.com/quereus/quereus/engine"
)

// rows is a result cursor. Every fetch uses the context of the query that
// opened it, so cancelling that context stops a long query mid-iteration.
type rows struct {
	ctx       context.Context
	c         *conn
	er        *engine.Rows
	ownedStmt *engine.Stmt // closed with the rows (a query run without Prepare)
	desc      *columnSet   // shared, read-only
	cols      []column     // desc.cols
	closed    bool
}

// columnSet is the driver's description of one engine column list. The
// engine returns the same list for every run of a program (until the
// statement is re-planned), so a prepared statement describes it once and
// its rows share the description.
type columnSet struct {
	of    []engine.Column // the list described
	names []string
	cols  []column
}

func describeColumns(ecols []engine.Column) *columnSet {
	d := &columnSet{of: ecols, names: make([]string, len(ecols)), cols: make([]column, len(ecols))}
	for i, ec := range ecols {
		d.names[i] = ec.Name
		d.cols[i] = describeColumn(ec)
	}
	return d
}

// describes reports whether d describes exactly the list ecols.
func (d *columnSet) describes(ecols []engine.Column) bool {
	return d != nil && len(d.of) == len(ecols) && (len(ecols) == 0 || &d.of[0] == &ecols[0])
}

var (
	_ driver.Rows                           = (*rows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*rows)(nil)
	_ driver.RowsColumnTypeScanType         = (*rows)(nil)
	_ driver.RowsColumnTypeNullable         = (*rows)(nil)
)

// newRows wraps an engine cursor; *desc, when desc is not nil, is a kept
// description of the statement's columns, reused when it still applies
// and replaced when not.
func newRows(ctx context.Context, c *conn, er *engine.Rows, ownedStmt *engine.Stmt, desc **columnSet) *rows {
	// Next converts each row's values into dest before it asks for the
	// next row (fromValue keeps nothing of the row), so the engine may
	// decode every row into one buffer.
	er.ReuseRows()
	ecols := er.Columns()
	var d *columnSet
	if desc != nil && (*desc).describes(ecols) {
		d = *desc
	} else {
		d = describeColumns(ecols)
		if desc != nil {
			*desc = d
		}
	}
	return &rows{ctx: ctx, c: c, er: er, ownedStmt: ownedStmt, desc: d, cols: d.cols}
}

// Columns returns the result-column names: a copy, since the caller may
// change it and the description is shared.
func (r *rows) Columns() []string { return slices.Clone(r.desc.names) }

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
