package schema

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// BuildOptions are the engine settings that shape a table definition.
type BuildOptions struct {
	// NullableByDefault makes columns without a nullability clause nullable.
	NullableByDefault bool
	// KeyCollation is given to undecorated TEXT primary-key columns.
	KeyCollation string
}

// BuildTable turns a CREATE TABLE statement (column form) into a Table.
// Collation names are validated by the caller (known reports whether a
// collation exists).
func BuildTable(def *parser.CreateTable, opts BuildOptions, known func(string) bool) (*Table, error) {
	if def.AsSelect != nil || def.Maintained != nil {
		return nil, fmt.Errorf("CREATE TABLE ... AS SELECT is not supported")
	}
	if len(def.Columns) == 0 {
		return nil, fmt.Errorf("table %s has no columns", def.Name.Name)
	}
	t := &Table{Schema: MainSchema, Name: def.Name.Name, Def: def}
	var pkCols []*parser.IndexedColumn
	pkDeclared := false
	type uniq struct {
		name     string
		cols     []*parser.IndexedColumn
		conflict parser.ConflictAction
	}
	var uniques []uniq
	for _, cd := range def.Columns {
		if t.ColumnIndex(cd.Name) >= 0 {
			return nil, fmt.Errorf("duplicate column name: %s", cd.Name)
		}
		col := &Column{Name: cd.Name, Def: cd, NotNull: !opts.NullableByDefault}
		if cd.Type != nil {
			col.Type = cd.Type.Name
		}
		for _, cc := range cd.Constraints {
			switch cc.Kind {
			case parser.ConstrNotNull:
				col.NotNull = true
				col.NotNullConflict = cc.OnConflict
			case parser.ConstrNull:
				col.NotNull = false
			case parser.ConstrDefault:
				col.Default = cc.Expr
			case parser.ConstrCollate:
				if known != nil && !known(cc.Collation) {
					return nil, fmt.Errorf("Unknown collation: %s", cc.Collation)
				}
				col.Collation = strings.ToUpper(cc.Collation)
			case parser.ConstrGenerated:
				col.Generated = cc.Expr
			case parser.ConstrPrimaryKey:
				if pkDeclared {
					return nil, fmt.Errorf("table %s has more than one primary key", def.Name.Name)
				}
				pkDeclared = true
				t.PKConflict = cc.OnConflict
				pkCols = []*parser.IndexedColumn{{X: &parser.ColumnRef{Column: cd.Name}, Dir: cc.Dir}}
			case parser.ConstrUnique:
				uniques = append(uniques, uniq{cc.Name, []*parser.IndexedColumn{{X: &parser.ColumnRef{Column: cd.Name}}}, cc.OnConflict})
			case parser.ConstrCheck:
				name := cc.Name
				if name == "" {
					name = "_check_" + cd.Name
				}
				t.Checks = append(t.Checks, &Check{Name: name, Expr: cc.Expr, On: cc.CheckOn, Conflict: cc.OnConflict})
			case parser.ConstrForeignKey:
				t.FKs = append(t.FKs, &ForeignKey{Name: cc.Name, RefTable: cc.FK.Table.Name, RefSchema: cc.FK.Table.Schema,
					RefColumns: cc.FK.Columns, OnDelete: cc.FK.OnDelete, OnUpdate: cc.FK.OnUpdate,
					Columns: []int{len(t.Columns)}, Deferred: deferred(cc.FK.Deferral)})
			}
		}
		if col.Default != nil && col.Generated != nil {
			return nil, fmt.Errorf("column '%s' cannot have both DEFAULT and GENERATED ALWAYS AS", cd.Name)
		}
		t.Columns = append(t.Columns, col)
	}
	checkN := 0
	for _, tc := range def.Constraints {
		switch tc.Kind {
		case parser.ConstrPrimaryKey:
			if pkDeclared {
				return nil, fmt.Errorf("table %s has more than one primary key", def.Name.Name)
			}
			pkDeclared = true
			t.PKConflict = tc.OnConflict
			pkCols = tc.Columns
			if pkCols == nil {
				pkCols = []*parser.IndexedColumn{}
			}
		case parser.ConstrUnique:
			uniques = append(uniques, uniq{tc.Name, tc.Columns, tc.OnConflict})
		case parser.ConstrCheck:
			name := tc.Name
			if name == "" {
				name = fmt.Sprintf("_check_%d", checkN)
				checkN++
			}
			t.Checks = append(t.Checks, &Check{Name: name, Expr: tc.Expr, On: tc.CheckOn, Conflict: tc.OnConflict})
		case parser.ConstrForeignKey:
			fk := &ForeignKey{Name: tc.Name, RefTable: tc.FK.Table.Name, RefSchema: tc.FK.Table.Schema, RefColumns: tc.FK.Columns,
				OnDelete: tc.FK.OnDelete, OnUpdate: tc.FK.OnUpdate, Deferred: deferred(tc.FK.Deferral)}
			for _, c := range tc.FKColumns {
				i := t.ColumnIndex(c)
				if i < 0 {
					return nil, fmt.Errorf("Column '%s' not found in table '%s'", c, t.Name)
				}
				fk.Columns = append(fk.Columns, i)
			}
			t.FKs = append(t.FKs, fk)
		}
	}
	seen := map[string]bool{}
	dup := func(name string) error {
		if name == "" || strings.HasPrefix(name, "_check_") {
			return nil
		}
		k := strings.ToLower(name)
		if seen[k] {
			return fmt.Errorf("duplicate constraint name '%s'", name)
		}
		seen[k] = true
		return nil
	}
	for _, ck := range t.Checks {
		if err := dup(ck.Name); err != nil {
			return nil, err
		}
	}
	for _, u := range uniques {
		if err := dup(u.name); err != nil {
			return nil, err
		}
	}
	for _, fk := range t.FKs {
		if err := dup(fk.Name); err != nil {
			return nil, err
		}
	}
	for _, fk := range t.FKs {
		if fk.Name == "" {
			names := make([]string, len(fk.Columns))
			for i, c := range fk.Columns {
				names[i] = t.Columns[c].Name
			}
			fk.Name = "_fk_" + t.Name + "_" + strings.Join(names, "_")
		}
	}
	// Primary key: declared, or every column.
	t.PKDeclared = pkDeclared
	if !pkDeclared {
		for i, c := range t.Columns {
			t.PK = append(t.PK, KeyPart{Col: i, Collation: c.Collation})
		}
	} else {
		for _, ic := range pkCols {
			i, err := indexedColumn(t, ic)
			if err != nil {
				return nil, err
			}
			col := t.Columns[i]
			if ic.Collation != "" {
				if known != nil && !known(ic.Collation) {
					return nil, fmt.Errorf("Unknown collation: %s", ic.Collation)
				}
				col.Collation = strings.ToUpper(ic.Collation)
			}
			if col.Collation == "" && isTextType(col.Type) && opts.KeyCollation != "" {
				col.Collation = strings.ToUpper(opts.KeyCollation)
			}
			t.PK = append(t.PK, KeyPart{Col: i, Desc: ic.Dir == parser.SortDesc, Collation: col.Collation})
		}
	}
	for n, u := range uniques {
		ix := &Index{Table: t.Name, Unique: true, Implicit: true, Conflict: u.conflict}
		var names []string
		for _, ic := range u.cols {
			i, err := indexedColumn(t, ic)
			if err != nil {
				return nil, err
			}
			coll := t.Columns[i].Collation
			if ic.Collation != "" {
				coll = strings.ToUpper(ic.Collation)
			}
			ix.Parts = append(ix.Parts, KeyPart{Col: i, Desc: ic.Dir == parser.SortDesc, Collation: coll})
			names = append(names, t.Columns[i].Name)
		}
		ix.Name = u.name
		if ix.Name == "" {
			ix.Name = fmt.Sprintf("_unique_%s_%s", t.Name, strings.Join(names, "_"))
			if n > 0 {
				for _, other := range t.Indexes {
					if strings.EqualFold(other.Name, ix.Name) {
						ix.Name = fmt.Sprintf("%s_%d", ix.Name, n)
					}
				}
			}
		}
		t.Indexes = append(t.Indexes, ix)
	}
	return t, nil
}

func indexedColumn(t *Table, ic *parser.IndexedColumn) (int, error) {
	ref, ok := ic.X.(*parser.ColumnRef)
	if !ok {
		return -1, fmt.Errorf("key columns must be plain column names")
	}
	i := t.ColumnIndex(ref.Column)
	if i < 0 {
		return -1, fmt.Errorf("Column '%s' not found in table '%s'", ref.Column, t.Name)
	}
	return i, nil
}

// isTextType reports whether a declared type name has TEXT affinity.
func isTextType(typ string) bool {
	u := strings.ToUpper(typ)
	return strings.Contains(u, "CHAR") || strings.Contains(u, "TEXT") || strings.Contains(u, "CLOB") || u == "STRING"
}

// BuildIndex turns a CREATE INDEX statement into an Index of t.
func BuildIndex(def *parser.CreateIndex, t *Table, known func(string) bool) (*Index, error) {
	ix := &Index{Name: def.Name.Name, Table: t.Name, Unique: def.Unique, Where: def.Where, Def: def}
	for _, ic := range def.Columns {
		part := KeyPart{Col: -1, Desc: ic.Dir == parser.SortDesc}
		expr := ic.X
		if c, ok := expr.(*parser.Collate); ok {
			ic = &parser.IndexedColumn{X: c.X, Collation: c.Name, Dir: ic.Dir}
			expr = c.X
		}
		if ref, ok := expr.(*parser.ColumnRef); ok && ref.Table == "" {
			i := t.ColumnIndex(ref.Column)
			if i < 0 {
				return nil, fmt.Errorf("Column '%s' not found in table '%s'", ref.Column, t.Name)
			}
			part.Col = i
			part.Collation = t.Columns[i].Collation
		} else {
			part.Expr = expr
		}
		if ic.Collation != "" {
			if known != nil && !known(ic.Collation) {
				return nil, fmt.Errorf("Unknown collation: %s", ic.Collation)
			}
			part.Collation = strings.ToUpper(ic.Collation)
		}
		ix.Parts = append(ix.Parts, part)
	}
	return ix, nil
}

// deferred reports whether a DEFERRABLE clause postpones checks to COMMIT.
func deferred(d parser.Deferral) bool {
	return d == parser.DeferDeferrableDeferred || d == parser.DeferInitiallyDeferredOnly
}
