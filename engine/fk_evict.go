package engine

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// evict deletes a row that a REPLACE conflict resolution displaces in
// favour of replacement, running the full delete pipeline for it: the row
// and its index entries go, and the foreign keys referencing it take their
// ON DELETE actions (CASCADE, SET NULL, SET DEFAULT). A restricting key
// only objects when the replacement does not carry the referenced values
// forward, since then the children would be orphaned.
func (w *writer) evict(key []byte, old, replacement value.Row) error {
	if err := w.remove(key, old); err != nil {
		return err
	}
	if !w.fkOn() {
		return nil
	}
	return w.childRefs(func(child *schema.Table, fk *schema.ForeignKey) error {
		switch fk.OnDelete {
		case parser.FKCascade, parser.FKSetNull, parser.FKSetDefault:
		default:
			pcols, err := parentCols(w.t, fk)
			if err != nil {
				return err
			}
			if replacement != nil && matches(old, pcols, replacement, pcols) {
				return nil
			}
		}
		return w.fkApply(child, fk, old, nil, fk.OnDelete)
	})
}
