package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// slot describes one column of the row a scope's expressions evaluate on.
type slot struct {
	table  string // qualifier (alias or table name); "" for none
	name   string
	typ    string // declared type
	coll   string // declared collation ("" = none declared)
	hidden bool   // excluded from * expansion
	// notNull: the column never holds NULL here (declared NOT NULL and not
	// on the null-extended side of an outer join).
	notNull bool
	// schemaName qualifies the table for schema.t.col references.
	schemaName string
	// use, for a base-table column, is set when the column is resolved by
	// name or read through slotCexpr (markUsed): the scan decodes only used
	// columns (scanNode.need).
	use *bool
}

// markUsed records that a compiled expression reads the column.
func (s slot) markUsed() {
	if s.use != nil {
		*s.use = true
	}
}

// scope resolves column names to row positions during compilation.
type scope struct {
	parent *scope
	slots  []slot
	// agg is set while compiling the output side of an aggregate query.
	agg *aggBuilder
	// ctes are the common table expressions visible here.
	ctes map[string]*cteDef
	// boundary marks the root scope of a subquery: resolving past it makes
	// the subquery correlated.
	boundary *bool
	// noRow marks a scope that only carries CTEs: it has no row of its own
	// at run time, so it does not count as a level of the outer-row stack.
	noRow bool
	// aliases are result-column aliases usable (after real columns) in
	// HAVING.
	aliases map[string]*cexpr
	// preferAliases makes bare names resolve to result-column aliases before
	// input columns (HAVING); an alias mapped to nil is ambiguous.
	preferAliases bool
}

// ambiguous reports whether a bare name matches more than one visible
// column of this scope (its own row, not the enclosing ones).
func (s *scope) ambiguous(name string) bool {
	n := 0
	for _, c := range s.slots {
		if !c.hidden && strings.EqualFold(c.name, name) {
			n++
		}
	}
	return n > 1
}

// resolve finds a column: depth is how many scopes up (0 = this row).
func (s *scope) resolve(ref *parser.ColumnRef) (depth, idx int, sl slot, err error) {
	for sc := s; sc != nil; sc = sc.parent {
		found := -1
		for i, c := range sc.slots {
			if !strings.EqualFold(c.name, ref.Column) || c.hidden && ref.Table == "" {
				continue
			}
			if ref.Table != "" && !strings.EqualFold(c.table, ref.Table) {
				continue
			}
			if ref.Schema != "" && !strings.EqualFold(c.schemaName, ref.Schema) {
				continue
			}
			if found >= 0 {
				if ref.Table != "" {
					return 0, 0, slot{}, fmt.Errorf("ambiguous column name: %s.%s", ref.Table, ref.Column)
				}
				return 0, 0, slot{}, fmt.Errorf("ambiguous column name: %s", ref.Column)
			}
			found = i
		}
		if found >= 0 {
			sc.slots[found].markUsed()
			return depth, found, sc.slots[found], nil
		}
		if i, err := sc.groupedRef(ref); err != nil {
			return 0, 0, slot{}, err
		} else if i >= 0 {
			sc.slots[i].markUsed()
			return depth, i, sc.slots[i], nil
		}
		if sc.boundary != nil && sc.parent != nil {
			*sc.boundary = true
		}
		if !sc.noRow {
			depth++
		}
	}
	if ref.Table != "" {
		return 0, 0, slot{}, fmt.Errorf("no such column: %s.%s (Column not found: %s.%s)", ref.Table, ref.Column, ref.Table, ref.Column)
	}
	return 0, 0, slot{}, fmt.Errorf("no such column: %s (Column not found: %s)", ref.Column, ref.Column)
}

// hasTable reports whether any slot is qualified by name.
func (s *scope) hasTable(name string) bool {
	for _, c := range s.slots {
		if strings.EqualFold(c.table, name) {
			return true
		}
	}
	return false
}

// cte finds a visible CTE.
func (s *scope) cte(name string) *cteDef {
	for sc := s; sc != nil; sc = sc.parent {
		if d, ok := sc.ctes[strings.ToLower(name)]; ok {
			return d
		}
	}
	return nil
}
