package engine

// matview_shape.go checks the declared shape of a table-form maintained
// table (CREATE TABLE name (cols) MAINTAINED AS body) against what a
// plain single-table body derives: per column the type, nullability and
// collation, and the primary key's components and directions.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// declaredPK returns the declared primary-key column names and
// directions, from a column constraint or a table constraint.
func declaredPK(st *parser.CreateTable) (names []string, desc []bool) {
	for _, cd := range st.Columns {
		for _, cc := range cd.Constraints {
			if cc.Kind == parser.ConstrPrimaryKey {
				names, desc = append(names, cd.Name), append(desc, cc.Dir == parser.SortDesc)
			}
		}
	}
	for _, tc := range st.Constraints {
		if tc.Kind != parser.ConstrPrimaryKey {
			continue
		}
		for _, ic := range tc.Columns {
			if cr, ok := ic.X.(*parser.ColumnRef); ok {
				names, desc = append(names, cr.Column), append(desc, ic.Dir == parser.SortDesc)
			}
		}
	}
	return names, desc
}

// columnConstraint returns the column's first constraint of kind k.
func columnConstraint(cd *parser.ColumnDef, k parser.ConstraintKind) *parser.ColumnConstraint {
	for _, cc := range cd.Constraints {
		if cc.Kind == k {
			return cc
		}
	}
	return nil
}

// checkDeclaredShape compares the declared columns of st with projection
// p of its body (the arity and names already match).
func checkDeclaredShape(st *parser.CreateTable, p *mvProjection) error {
	name := st.Name.Name
	pkNames, pkDesc := declaredPK(st)
	for i, cd := range st.Columns {
		src := p.src.Columns[p.cols[i]]
		if cd.Type != nil && src.Type != "" && !strings.EqualFold(cd.Type.Name, src.Type) {
			return fmt.Errorf("maintained table %s: column %s is declared %s but the body derives type %s",
				name, cd.Name, cd.Type.Name, src.Type)
		}
		if p.src.IsPKColumn(p.cols[i]) {
			continue
		}
		declNotNull := columnConstraint(cd, parser.ConstrNull) == nil
		if declNotNull != src.NotNull {
			if declNotNull {
				return fmt.Errorf("maintained table %s: column %s is declared NOT NULL but the body derives it nullable", name, cd.Name)
			}
			return fmt.Errorf("maintained table %s: column %s is declared nullable but the body derives it NOT NULL", name, cd.Name)
		}
		declColl := "BINARY"
		if cc := columnConstraint(cd, parser.ConstrCollate); cc != nil {
			declColl = cc.Collation
		}
		srcColl := src.Collation
		if srcColl == "" {
			srcColl = "BINARY"
		}
		if !strings.EqualFold(declColl, srcColl) {
			return fmt.Errorf("maintained table %s: column %s is declared with collation %s but the body derives collation %s",
				name, cd.Name, declColl, srcColl)
		}
	}
	if len(pkNames) == 0 {
		return nil
	}
	if len(pkNames) != len(p.src.PK) {
		return fmt.Errorf("maintained table %s: the declared primary key has %d columns but the body's key has %d primary-key components",
			name, len(pkNames), len(p.src.PK))
	}
	for k, kp := range p.src.PK {
		out := -1
		for i, ci := range p.cols {
			if ci == kp.Col {
				out = i
				break
			}
		}
		if out < 0 || !strings.EqualFold(st.Columns[out].Name, pkNames[k]) {
			return fmt.Errorf("maintained table %s: declared primary-key component %d is %s, which is not the body's key column", name, k+1, pkNames[k])
		}
		if pkDesc[k] != kp.Desc {
			return fmt.Errorf("maintained table %s: primary-key column %s is declared with a different direction than the body's key", name, pkNames[k])
		}
	}
	return nil
}

// checkDerivedTypes compares the declared column types of a maintained
// table whose body is not a plain projection with the types the body's
// planned columns derive (where both are known).
func checkDerivedTypes(st *parser.CreateTable, cols []outCol) error {
	for i, cd := range st.Columns {
		if cd.Type == nil || i >= len(cols) {
			continue
		}
		derived := typeName(cols[i].typ)
		if derived != "" && !strings.EqualFold(typeName(cd.Type.Name), derived) {
			return fmt.Errorf("maintained table %s: column %s is declared %s but the body derives type %s",
				st.Name.Name, cd.Name, cd.Type.Name, derived)
		}
	}
	return nil
}
