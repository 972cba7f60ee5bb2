package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// restrictError is the error for a parent-side RESTRICT violation: a
// DELETE or key-changing UPDATE of w.t while a row of child references
// the old key through fk.
//
// Quereus reports it in one of two shapes, depending on whether the
// statement's parent-side checks are "batchable": when every inbound key
// of the parent is a plain RESTRICT / NO ACTION key from another table,
// the check is a statement-level probe that names the operation
// ("FOREIGN KEY constraint failed: UPDATE on 'p' violates RESTRICT from
// 'c'"); when any inbound key cascades, sets NULL / DEFAULT or refers to
// its own table, the check is the synthesized per-row constraint of the
// child's key ("CHECK constraint failed: _fk_c_p").
func (w *writer) restrictError(child *schema.Table, fk *schema.ForeignKey, update bool) error {
	if !w.restrictBatchable(update) {
		return &constraintError{msg: fmt.Sprintf("CHECK constraint failed: %s", fk.Name)}
	}
	op := "DELETE"
	if update {
		op = "UPDATE"
	}
	return &constraintError{msg: fmt.Sprintf("FOREIGN KEY constraint failed: %s on '%s' violates RESTRICT from '%s'", op, w.t.Name, child.Name)}
}

// restrictBatchable reports whether every foreign key referencing w.t is
// a restricting key of another table for the operation.
func (w *writer) restrictBatchable(update bool) bool {
	ok := true
	_ = w.childRefs(func(child *schema.Table, fk *schema.ForeignKey) error {
		action := fk.OnDelete
		if update {
			action = fk.OnUpdate
		}
		switch action {
		case parser.FKCascade, parser.FKSetNull, parser.FKSetDefault:
			ok = false
		}
		if strings.EqualFold(child.Name, w.t.Name) {
			ok = false
		}
		return nil
	})
	return ok
}
