package engine

import (
	"fmt"

	"github.com/quereus/quereus/engine/parser"
)

// ungroupedRef reports a reference that reaches the output scope of a
// grouped query (from a subquery nested in its select list, HAVING, ORDER
// BY or window specification) naming one of the query's input columns that
// is not a grouping key: the grouped row does not carry it.
func (s *scope) ungroupedRef(ref *parser.ColumnRef) error {
	if s.agg == nil {
		return nil
	}
	if _, _, _, err := (&scope{slots: s.agg.input.slots}).resolve(ref); err != nil {
		return nil
	}
	return errUngrouped(ref)
}

// errUngrouped is the error for a reference to a column that is neither
// grouped nor aggregated.
func errUngrouped(ref *parser.ColumnRef) error {
	name := ref.Column
	if ref.Table != "" {
		name = ref.Table + "." + ref.Column
	}
	return fmt.Errorf("Column '%s' must appear in the GROUP BY clause or be used in an aggregate function", name)
}

// errHavingUngrouped is the error for a HAVING clause naming a column that
// is neither grouped nor aggregated.
func errHavingUngrouped(ref *parser.ColumnRef) error {
	name := ref.Column
	if ref.Table != "" {
		name = ref.Table + "." + ref.Column
	}
	return fmt.Errorf("HAVING references non-grouped column '%s'", name)
}
