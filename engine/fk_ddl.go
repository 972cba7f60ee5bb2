package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// fk_ddl.go holds the foreign-key rules that DDL enforces: a key must
// name as many parent columns as child columns, and a parent table cannot
// be dropped while child rows still reference its rows.

// checkFKArity rejects a foreign key whose written parent column list has
// a different length than its child column list. (A key that defaults to
// the parent's primary key is checked when it is enforced, because the
// parent may not exist yet.)
func checkFKArity(t *schema.Table) error {
	for _, fk := range t.FKs {
		if len(fk.RefColumns) > 0 && len(fk.RefColumns) != len(fk.Columns) {
			return fmt.Errorf("Foreign key '%s' on table '%s.%s': %d column(s) reference %d column(s) of '%s.%s'",
				fk.Name, schema.MainSchema, t.Name, len(fk.Columns), len(fk.RefColumns), schema.MainSchema, fk.RefTable)
		}
	}
	return nil
}

// checkDropReferenced fails when foreign keys are enforced and a row of
// another table references a row of t (dropping t would orphan it).
func checkDropReferenced(e *env, t *schema.Table) error {
	if e.conn.db.foreignKeysOff.Load() {
		return nil
	}
	for _, child := range e.conn.catalog().Tables() {
		if strings.EqualFold(child.Name, t.Name) {
			continue
		}
		for _, fk := range child.FKs {
			if !strings.EqualFold(fk.RefTable, t.Name) || !strings.EqualFold(fkParentSchema(child, fk), schemaOf(t)) {
				continue
			}
			pcols, err := parentCols(t, fk)
			if err != nil || len(pcols) != len(fk.Columns) {
				continue
			}
			referenced := false
			err = scanRows(e, child, func(_ []byte, crow value.Row) (bool, error) {
				return !referenced, scanRows(e, t, func(_ []byte, prow value.Row) (bool, error) {
					referenced = matches(crow, fk.Columns, prow, pcols)
					return !referenced, nil
				})
			})
			if err != nil {
				return err
			}
			if referenced {
				return &constraintError{msg: fmt.Sprintf("FOREIGN KEY constraint failed: cannot drop table '%s': rows of '%s' reference it", t.Name, child.Name)}
			}
		}
	}
	return nil
}
