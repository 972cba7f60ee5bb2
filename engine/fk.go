package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// fkChecks is a placeholder for per-statement foreign-key state.
type fkChecks struct{}

// fkOn reports whether foreign keys are enforced.
func (w *writer) fkOn() bool { return !w.e.conn.db.foreignKeysOff.Load() }

// parentCols resolves the parent columns an FK references.
func parentCols(parent *schema.Table, fk *schema.ForeignKey) ([]int, error) {
	if len(fk.RefColumns) == 0 {
		return colsOf(parent.PK), nil
	}
	out := make([]int, len(fk.RefColumns))
	for i, n := range fk.RefColumns {
		out[i] = parent.ColumnIndex(n)
		if out[i] < 0 {
			return nil, fmt.Errorf("foreign key %s references unknown column %s.%s", fk.Name, parent.Name, n)
		}
	}
	return out, nil
}

// scanRows calls fn for every row of t until fn returns false.
func scanRows(e *env, t *schema.Table, fn func(key []byte, row value.Row) (bool, error)) error {
	ds, err := e.conn.db.dataStore(t)
	if err != nil {
		return err
	}
	it, err := e.txn.Store(ds).Iterate(storage.IterOptions{})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Next() {
		row, err := decodeRow(it.Value(), len(t.Columns))
		if err != nil {
			return err
		}
		more, err := fn(append([]byte(nil), it.Key()...), row)
		if err != nil || !more {
			return err
		}
	}
	return it.Err()
}

func matches(a value.Row, acols []int, b value.Row, bcols []int) bool {
	return matchesColl(a, acols, b, bcols, nil)
}

// matchesColl compares key columns, under colls[i] when given.
func matchesColl(a value.Row, acols []int, b value.Row, bcols []int, colls []string) bool {
	for i := range acols {
		coll := ""
		if colls != nil {
			coll = colls[i]
		}
		if a[acols[i]].IsNull() || b[bcols[i]].IsNull() || compareValues(a[acols[i]], b[bcols[i]], coll) != 0 {
			return false
		}
	}
	return true
}

// fkCollations are the collations an FK compares its columns under: the
// child column's declared collation, else the parent's.
func fkCollations(child, parent *schema.Table, fk *schema.ForeignKey, pcols []int) []string {
	out := make([]string, len(fk.Columns))
	for i, c := range fk.Columns {
		out[i] = child.Columns[c].Collation
		if out[i] == "" && i < len(pcols) {
			out[i] = parent.Columns[pcols[i]].Collation
		}
	}
	return out
}

// fkCheckChild verifies that every foreign key of a written row has its
// parent row.
func (w *writer) fkCheckChild(row value.Row) error {
	if !w.fkOn() {
		return nil
	}
	for _, fk := range w.t.FKs {
		if fk.Deferred && w.e.conn.explicit {
			fk, row := fk, row
			w.e.conn.deferred = append(w.e.conn.deferred, deferredCheck{run: func(e *env) error {
				return (&writer{e: e, c: w.c, t: w.t}).fkCheckOne(fk, row)
			}})
			continue
		}
		if err := w.fkCheckOne(fk, row); err != nil {
			return err
		}
	}
	return nil
}

// fkCheckOne verifies one foreign key of row against the parent table.
func (w *writer) fkCheckOne(fk *schema.ForeignKey, row value.Row) error {
	cat := w.e.conn.catalog()
	{
		null := false
		for _, c := range fk.Columns {
			null = null || row[c].IsNull()
		}
		if null {
			return nil
		}
		parent := cat.TableIn(fkParentSchema(w.t, fk), fk.RefTable)
		if parent == nil {
			return &constraintError{msg: fmt.Sprintf("CHECK constraint failed: %s — referenced table '%s.%s' does not exist", fk.Name, fkParentSchema(w.t, fk), fk.RefTable)}
		}
		pcols, err := parentCols(parent, fk)
		if err != nil {
			return err
		}
		found := false
		if strings.EqualFold(parent.Name, w.t.Name) && matches(row, fk.Columns, row, pcols) {
			found = true
		}
		if !found {
			colls := fkCollations(w.t, parent, fk, pcols)
			err = scanRows(w.e, parent, func(_ []byte, prow value.Row) (bool, error) {
				found = matchesColl(row, fk.Columns, prow, pcols, colls)
				return !found, nil
			})
			if err != nil {
				return err
			}
		}
		if !found {
			return &constraintError{msg: fmt.Sprintf("CHECK constraint failed: %s", fk.Name)}
		}
	}
	return nil
}

// childRefs calls fn for each (child table, fk) referencing w.t.
func (w *writer) childRefs(fn func(child *schema.Table, fk *schema.ForeignKey) error) error {
	for _, child := range w.e.conn.catalog().Tables() {
		for _, fk := range child.FKs {
			if strings.EqualFold(fk.RefTable, w.t.Name) && strings.EqualFold(fkParentSchema(child, fk), schemaOf(w.t)) {
				if err := fn(child, fk); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fkParentDelete applies ON DELETE actions for rows referencing row.
func (w *writer) fkParentDelete(row value.Row) error {
	if !w.fkOn() {
		return nil
	}
	return w.childRefs(func(child *schema.Table, fk *schema.ForeignKey) error {
		return w.fkApply(child, fk, row, nil, fk.OnDelete)
	})
}

// fkParentUpdate applies ON UPDATE actions when referenced columns change.
func (w *writer) fkParentUpdate(oldRow, newRow value.Row) error {
	if !w.fkOn() {
		return nil
	}
	return w.childRefs(func(child *schema.Table, fk *schema.ForeignKey) error {
		pcols, err := parentCols(w.t, fk)
		if err != nil {
			return err
		}
		if matches(oldRow, pcols, newRow, pcols) {
			return nil
		}
		return w.fkApply(child, fk, oldRow, newRow, fk.OnUpdate)
	})
}

func (w *writer) fkApply(child *schema.Table, fk *schema.ForeignKey, parentRow, newParent value.Row, action parser.FKAction) error {
	pcols, err := parentCols(w.t, fk)
	if err != nil {
		return err
	}
	type hit struct {
		key []byte
		row value.Row
	}
	var hits []hit
	err = scanRows(w.e, child, func(key []byte, crow value.Row) (bool, error) {
		if matches(crow, fk.Columns, parentRow, pcols) {
			hits = append(hits, hit{key, crow})
		}
		return true, nil
	})
	if err != nil || len(hits) == 0 {
		return err
	}
	cw, err := newWriter(w.e, w.c, child, parser.OpDelete)
	if err != nil {
		return err
	}
	if cw.checks, err = compileChecks(w.c, child); err != nil {
		return err
	}
	for _, h := range hits {
		switch action {
		case parser.FKCascade:
			if newParent == nil {
				if err := cw.del(h.key, h.row); err != nil {
					return err
				}
				continue
			}
			nr := append(value.Row(nil), h.row...)
			for i, c := range fk.Columns {
				nr[c] = newParent[pcols[i]]
			}
			if _, err := cw.update(h.key, h.row, nr, parser.ConflictAbort); err != nil {
				return err
			}
		case parser.FKSetNull, parser.FKSetDefault:
			nr := append(value.Row(nil), h.row...)
			for _, c := range fk.Columns {
				nr[c] = value.Null()
				if action == parser.FKSetDefault && child.Columns[c].Default != nil {
					ce, err := w.c.expr(&scope{}, child.Columns[c].Default)
					if err != nil {
						return err
					}
					if nr[c], err = ce.fn(w.e, nil); err != nil {
						return err
					}
				}
			}
			if _, err := cw.update(h.key, h.row, nr, parser.ConflictAbort); err != nil {
				return err
			}
		default:
			return w.restrictError(child, fk, newParent != nil)
		}
	}
	return nil
}
