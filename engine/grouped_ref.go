package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// groupedRef resolves a reference that reaches the output scope of a
// grouped query from a subquery nested in its select list, HAVING, ORDER BY
// or window specification, after the scope's own slots missed. Inside a
// window specification a select-list alias of a grouping key names that
// key's slot (the returned index). A name of one of the query's input
// columns that is not a grouping key is an error: the grouped row does not
// carry it. Otherwise the index is -1 and resolution moves outwards.
func (s *scope) groupedRef(ref *parser.ColumnRef) (int, error) {
	if s.agg == nil {
		return -1, nil
	}
	if i, ok := s.agg.specAliases[strings.ToLower(ref.Column)]; ok && ref.Table == "" {
		if i < 0 {
			return -1, fmt.Errorf("ambiguous column name: %s", ref.Column)
		}
		return i, nil
	}
	if _, _, _, err := (&scope{slots: s.agg.input.slots}).resolve(ref); err != nil {
		return -1, nil
	}
	return -1, errUngrouped(ref)
}

// groupKeyAliases maps the select-list aliases naming a grouping key (by
// its bare column or its expression) to the key's index; an alias naming
// two different keys maps to -2.
func groupKeyAliases(ab *aggBuilder, cols []*parser.ResultColumn) map[string]int {
	m := map[string]int{}
	for _, rc := range cols {
		if rc.Star || rc.Alias == "" {
			continue
		}
		i := groupIndex(ab, rc.Expr)
		if i < 0 {
			continue
		}
		k := strings.ToLower(rc.Alias)
		if j, ok := m[k]; ok && j != i {
			i = -2
		}
		m[k] = i
	}
	return m
}

// groupIndex returns the grouping key x denotes, or -1.
func groupIndex(ab *aggBuilder, x parser.Expr) int {
	fp := groupFingerprint(x)
	for i, g := range ab.groupKeys {
		if g == fp {
			return i
		}
	}
	if ref, ok := x.(*parser.ColumnRef); ok {
		if d, idx, _, err := (&scope{slots: ab.input.slots}).resolve(ref); err == nil && d == 0 {
			for i, gc := range ab.groupCols {
				if gc == idx {
					return i
				}
			}
		}
	}
	return -1
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
