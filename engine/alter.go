package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// alterTable implements ALTER TABLE: the table's CREATE TABLE AST is
// copied, edited and rebuilt; stored rows are rewritten when the row
// layout or values change.
func (c *compiler) alterTable(st *parser.AlterTable) (*program, error) {
	if st.Kind != parser.ObjTable {
		return nil, fmt.Errorf("ALTER VIEW is not supported")
	}
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	return ddlProgram(func(e *env) error {
		t := e.conn.catalog().Table(st.Name.Name)
		if st.Name.Schema != "" {
			t = e.conn.catalog().TableIn(e.conn.catalog().SchemaName(st.Name.Schema), st.Name.Name)
		}
		if t == nil && st.Name.Schema == "" {
			if v := e.conn.catalog().View(st.Name.Name); v != nil && v.Materialized() {
				return c.alterMaterialized(e, v, st.Action)
			}
		}
		if t == nil {
			return errNoTable(st.Name.Name)
		}
		switch a := st.Action.(type) {
		case *parser.SetMaintained:
			return c.setMaintained(e, t, a)
		case *parser.DropMaintained:
			return fmt.Errorf("%s is not a maintained table", t.Name)
		case *parser.RenameTable:
			return c.renameTable(e, t, a.NewName)
		case *parser.AddColumn:
			return c.addColumn(e, t, a.Column)
		case *parser.DropColumn:
			return c.dropColumn(e, t, a.Name)
		case *parser.RenameColumn:
			return c.renameColumn(e, t, a.Old, a.New)
		case *parser.AddConstraint:
			def := copyDef(t.Def)
			def.Constraints = append(append([]*parser.TableConstraint{}, def.Constraints...), a.Constraint)
			return c.replaceTable(e, t, def, nil, true)
		case *parser.DropConstraint:
			return c.dropConstraint(e, t, a.Name)
		case *parser.AlterColumn:
			return c.alterColumn(e, t, a)
		}
		return fmt.Errorf("unsupported ALTER TABLE action %T", st.Action)
	}), nil
}

func copyDef(d *parser.CreateTable) *parser.CreateTable {
	nd := *d
	nd.Columns = append([]*parser.ColumnDef{}, d.Columns...)
	nd.Constraints = append([]*parser.TableConstraint{}, d.Constraints...)
	return &nd
}

func copyColumn(cd *parser.ColumnDef) *parser.ColumnDef {
	n := *cd
	n.Constraints = append([]*parser.ColumnConstraint{}, cd.Constraints...)
	return &n
}

// replaceTable rebuilds t from def, carries its explicit indexes over
// (renaming columns per rename), rewrites rows with mapRow when given and
// validates the rows against the new constraints when check is set.
func (c *compiler) replaceTable(e *env, t *schema.Table, def *parser.CreateTable, mapRow func(value.Row) (value.Row, error), check bool) error {
	nt, err := e.conn.db.buildTable(def)
	if err != nil {
		return err
	}
	if err := c.checkDefaults(nt); err != nil {
		return err
	}
	for _, ix := range t.Indexes {
		if ix.Implicit {
			continue
		}
		nix, err := schema.BuildIndex(ix.Def, nt, knownCollation)
		if err != nil {
			return err
		}
		nt.Indexes = append(nt.Indexes, nix)
	}
	text := ddlText(def)
	if err := putCatalog(e, qualifiedCatalogKey("table", schemaOf(t), t.Name), text); err != nil {
		return err
	}
	if mapRow != nil || check || len(nt.Indexes) != len(t.Indexes) || !samePK(t, nt) {
		if err := c.rewriteRows(e, t, nt, mapRow); err != nil {
			return err
		}
	}
	e.conn.editCatalog().PutTable(nt)
	schemaEvent(e, storage.Alter, "table", nt.Name, text)
	return nil
}

func samePK(a, b *schema.Table) bool {
	if len(a.PK) != len(b.PK) {
		return false
	}
	for i := range a.PK {
		if a.PK[i] != b.PK[i] {
			return false
		}
	}
	return true
}

// rewriteRows reads every row of the old table, maps it, clears the old
// data and index stores, and inserts the rows into the new layout with
// full constraint checks.
func (c *compiler) rewriteRows(e *env, old, nt *schema.Table, mapRow func(value.Row) (value.Row, error)) error {
	type kr struct {
		key []byte
		row value.Row
	}
	var rows []kr
	if err := scanRows(e, old, func(key []byte, row value.Row) (bool, error) {
		rows = append(rows, kr{key, row})
		return true, nil
	}); err != nil {
		return err
	}
	ow, err := newWriter(e, c, old, parser.OpDelete)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := ow.deleteIndexes(r.row, r.key); err != nil {
			return err
		}
		if err := ow.data.Delete(r.key); err != nil {
			return err
		}
	}
	nw, err := newWriter(e, c, nt, parser.OpInsert)
	if err != nil {
		return err
	}
	if nw.checks, err = compileChecks(c, nt); err != nil {
		return err
	}
	gen, err := c.generatedColumns(nt)
	if err != nil {
		return err
	}
	for _, r := range rows {
		row := r.row
		if mapRow != nil {
			if row, err = mapRow(row); err != nil {
				return err
			}
		}
		if err := convertRow(nt, row); err != nil {
			return err
		}
		if err := gen.apply(e, nt, row); err != nil {
			return err
		}
		if err := nw.checkNotNull(row); err != nil {
			return err
		}
		if err := nw.checkRow(parser.OpInsert, row, row, nil); err != nil {
			return err
		}
		key := dataKey(nt, row)
		if cf, err := nw.findConflicts(row, key, nil); err != nil {
			return err
		} else if len(cf) > 0 {
			return &constraintError{msg: cf[0].msg}
		}
		if err := nw.data.Put(key, encodeRow(row)); err != nil {
			return err
		}
		if err := nw.putIndexes(row, key); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) renameTable(e *env, t *schema.Table, newName string) error {
	cat := e.conn.catalog()
	if sn := schemaOf(t); cat.TableIn(sn, newName) != nil || cat.ViewIn(sn, newName) != nil {
		return fmt.Errorf("Table %s already exists", newName)
	}
	op := newRenameOp(e, t.Name, newName, "", "")
	op.schema, op.home = schemaOf(t), schemaOf(t)
	def := cloneAST(t.Def)
	op.apply(def)
	def.Name.Name = newName
	nt, err := e.conn.db.buildTable(def)
	if err != nil {
		return err
	}
	var names []string
	for _, ix := range t.Indexes {
		names = append(names, ix.Name)
		if ix.Implicit {
			continue
		}
		idef := cloneAST(ix.Def)
		op.apply(idef)
		idef.Table = newName
		nix, err := schema.BuildIndex(idef, nt, knownCollation)
		if err != nil {
			return err
		}
		nt.Indexes = append(nt.Indexes, nix)
		if err := putCatalog(e, indexCatalogKey(ix.Name), ddlText(idef)); err != nil {
			return err
		}
	}
	if err := putCatalog(e, qualifiedCatalogKey("table", schemaOf(t), t.Name), ""); err != nil {
		return err
	}
	text := ddlText(def)
	if err := putCatalog(e, qualifiedCatalogKey("table", schemaOf(t), newName), text); err != nil {
		return err
	}
	db := e.conn.db
	db.forgetStores(storeCacheName(t))
	// The provider renames the stores (and moves the row count) at once,
	// outside the transaction; a rollback renames them back.
	provider := db.store.Provider()
	if err := provider.RenameTableStores(schemaOf(t), t.Name, newName, names); err != nil {
		return err
	}
	oldName, sn, newCacheName := t.Name, schemaOf(t), storeCacheName(nt)
	e.txn.OnRollback(func() {
		db.forgetStores(newCacheName)
		_ = provider.RenameTableStores(sn, newName, oldName, names)
	})
	cat2 := e.conn.editCatalog()
	cat2.DropTableIn(sn, t.Name)
	cat2.PutTable(nt)
	schemaEvent(e, storage.Alter, "table", newName, text)
	return c.propagate(e, t.Name, op)
}

func (c *compiler) addColumn(e *env, t *schema.Table, cd *parser.ColumnDef) error {
	if t.ColumnIndex(cd.Name) >= 0 {
		return fmt.Errorf("column %s already exists in table %s", cd.Name, t.Name)
	}
	if cd.Type != nil {
		if err := validType(cd.Type.Name); err != nil {
			return err
		}
	}
	for _, cc := range cd.Constraints {
		if cc.Kind == parser.ConstrPrimaryKey {
			return fmt.Errorf("cannot add a PRIMARY KEY column")
		}
	}
	def := copyDef(t.Def)
	def.Columns = append(def.Columns, cd)
	nt, err := e.conn.db.buildTable(def)
	if err != nil {
		return err
	}
	col := nt.Columns[len(nt.Columns)-1]
	var dflt *cexpr
	if col.Default != nil {
		if dflt, err = c.expr(checkScope(nt), col.Default); err != nil {
			return err
		}
	}
	// Existing rows get the default, computed per row (it may read
	// new.<column> of the row).
	mapRow := func(r value.Row) (value.Row, error) {
		out := append(append(value.Row{}, r[:len(t.Columns)]...), value.Null())
		if dflt != nil {
			v, err := dflt.fn(e, constraintRow(out, out, nil, len(out)))
			if err != nil {
				return nil, err
			}
			out[len(out)-1] = v
		}
		if col.NotNull && col.Generated == nil && out[len(out)-1].IsNull() {
			return nil, &constraintError{msg: fmt.Sprintf("NOT NULL constraint failed: %s.%s (cannot add NOT NULL column '%s' without a non-null DEFAULT to non-empty table '%s.%s')",
				t.Name, col.Name, col.Name, schema.MainSchema, t.Name)}
		}
		return out, nil
	}
	return c.replaceTable(e, t, def, mapRow, true)
}

func (c *compiler) dropColumn(e *env, t *schema.Table, name string) error {
	i := t.ColumnIndex(name)
	if i < 0 {
		return fmt.Errorf("no such column: %s (Column '%s' not found in table '%s')", name, name, t.Name)
	}
	if t.PKDeclared && t.IsPKColumn(i) {
		return fmt.Errorf("cannot drop PRIMARY KEY column %s", name)
	}
	if len(t.Columns) == 1 {
		return fmt.Errorf("cannot drop the only column of table %s", t.Name)
	}
	for _, ck := range t.Checks {
		if exprMentions(ck.Expr, name) && !strings.HasPrefix(ck.Name, "_check_") {
			return fmt.Errorf("cannot drop column %s: it is referenced by CHECK constraint '%s'", name, ck.Name)
		}
	}
	for _, a := range e.conn.catalog().Assertions() {
		if a.Def != nil && readsColumn(e, a.Def, t, name) {
			return fmt.Errorf("cannot drop column %s: it is referenced by assertion '%s'", name, a.Name)
		}
	}
	for _, fk := range t.FKs {
		for _, c := range fk.Columns {
			if c == i {
				return fmt.Errorf("cannot drop column %s: it is referenced by foreign key %s", name, fk.Name)
			}
		}
	}
	for _, child := range e.conn.catalog().Tables() {
		for _, fk := range child.FKs {
			if !strings.EqualFold(fk.RefTable, t.Name) {
				continue
			}
			pcols, err := parentCols(t, fk)
			if err != nil {
				continue
			}
			for _, pc := range pcols {
				if pc == i {
					return fmt.Errorf("cannot drop column %s: it is referenced by foreign key %s of table %s", name, fk.Name, child.Name)
				}
			}
		}
	}
	// Indexes over the dropped column go with it.
	kept := *t
	kept.Indexes = nil
	for _, ix := range t.Indexes {
		uses := false
		for _, p := range ix.Parts {
			uses = uses || p.Col == i
		}
		if uses && !ix.Implicit {
			if err := putCatalog(e, indexCatalogKey(ix.Name), ""); err != nil {
				return err
			}
			is, err := e.conn.db.indexStore(t, ix)
			if err != nil {
				return err
			}
			if err := clearStore(e, e.txn.Store(is)); err != nil {
				return err
			}
			continue
		}
		kept.Indexes = append(kept.Indexes, ix)
	}
	t = &kept
	def := copyDef(t.Def)
	def.Columns = append(def.Columns[:i:i], def.Columns[i+1:]...)
	var cons []*parser.TableConstraint
	for _, tc := range def.Constraints {
		if constraintMentions(tc, name) {
			continue
		}
		cons = append(cons, tc)
	}
	def.Constraints = cons
	mapRow := func(r value.Row) (value.Row, error) {
		out := append(append(value.Row{}, r[:i]...), r[i+1:]...)
		return out, nil
	}
	return c.replaceTable(e, t, def, mapRow, false)
}

// exprMentions reports whether x references column by name.
func exprMentions(x parser.Expr, column string) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if ref, ok := n.(*parser.ColumnRef); ok && strings.EqualFold(ref.Column, column) {
			found = true
		}
		return !found
	})
	return found
}

// constraintMentions reports whether a table constraint references column.
func constraintMentions(tc *parser.TableConstraint, column string) bool {
	for _, ic := range tc.Columns {
		if ref, ok := ic.X.(*parser.ColumnRef); ok && strings.EqualFold(ref.Column, column) {
			return true
		}
	}
	for _, c := range tc.FKColumns {
		if strings.EqualFold(c, column) {
			return true
		}
	}
	found := false
	walkExpr(tc.Expr, func(x parser.Expr) bool {
		if ref, ok := x.(*parser.ColumnRef); ok && strings.EqualFold(ref.Column, column) {
			found = true
		}
		return !found
	})
	return found
}

func (c *compiler) renameColumn(e *env, t *schema.Table, oldName, newName string) error {
	i := t.ColumnIndex(oldName)
	if i < 0 {
		return fmt.Errorf("no such column: %s (Column '%s' not found in table '%s')", oldName, oldName, t.Name)
	}
	if j := t.ColumnIndex(newName); j >= 0 && j != i {
		return fmt.Errorf("column %s already exists in table %s", newName, t.Name)
	}
	op := newRenameOp(e, t.Name, "", oldName, newName)
	op.schema, op.home = schemaOf(t), schemaOf(t)
	def := cloneAST(t.Def)
	def.Columns[i].Name = newName
	op.apply(def)
	// Explicit indexes refer to columns by name: rename there too.
	renamed := *t
	renamed.Indexes = nil
	for _, ix := range t.Indexes {
		if ix.Implicit {
			renamed.Indexes = append(renamed.Indexes, ix)
			continue
		}
		idef := cloneAST(ix.Def)
		op.apply(idef)
		nix := *ix
		nix.Def = idef
		renamed.Indexes = append(renamed.Indexes, &nix)
		if err := putCatalog(e, indexCatalogKey(ix.Name), ddlText(idef)); err != nil {
			return err
		}
	}
	if err := c.replaceTable(e, &renamed, def, nil, false); err != nil {
		return err
	}
	return c.propagate(e, t.Name, op)
}

// propagate applies a rename to the stored ASTs of every other table and
// view that references table, re-storing their catalog text.
func (c *compiler) propagate(e *env, table string, op *renameOp) error {
	cat := e.conn.catalog()
	for _, other := range cat.Tables() {
		if strings.EqualFold(other.Name, table) || !mentionsTable(other.Def, table) {
			continue
		}
		def := cloneAST(other.Def)
		op.home = schemaOf(other)
		op.apply(def)
		nt, err := e.conn.db.buildTable(def)
		if err != nil {
			return err
		}
		for _, ix := range other.Indexes {
			if !ix.Implicit {
				nt.Indexes = append(nt.Indexes, ix)
			}
		}
		if err := putCatalog(e, tableCatalogKey(other.Name), ddlText(def)); err != nil {
			return err
		}
		e.conn.editCatalog().PutTable(nt)
	}
	// Views reading the table, then views reading views whose columns
	// the rename changed, until nothing changes.
	done := map[string]bool{}
	for progress := true; progress; {
		progress = false
		for _, v := range cat.Views() {
			name := strings.ToLower(v.Schema + "." + v.Name)
			if done[name] || !mentionsTable(v.Def, table) && !op.readsRenamedView(v.Def) {
				continue
			}
			done[name], progress = true, true
			def := cloneAST(v.Def)
			op.home = schemaOfView(v)
			op.apply(def)
			if err := putCatalog(e, qualifiedCatalogKey("view", schemaOfView(v), v.Name), ddlText(def)); err != nil {
				return err
			}
			nv := *v
			nv.Columns, nv.Select, nv.Def = def.Columns, def.Select, def
			e.conn.editCatalog().PutView(&nv)
		}
	}
	for _, a := range cat.Assertions() {
		if a.Def == nil || !mentionsTable(a.Def, table) && !op.readsRenamedView(a.Def) {
			continue
		}
		sn := assertionSchema(cat, a)
		def := cloneAST(a.Def)
		op.home = sn
		op.apply(def)
		if err := putCatalog(e, qualifiedCatalogKey("assertion", sn, def.Name.Name), ddlText(def)); err != nil {
			return err
		}
		e.conn.editCatalog().PutAssertion(&schema.Assertion{Name: a.Name, Check: def.Check, Def: def})
	}
	return nil
}

func (c *compiler) dropConstraint(e *env, t *schema.Table, name string) error {
	def := copyDef(t.Def)
	found := false
	var cons []*parser.TableConstraint
	for _, tc := range def.Constraints {
		if strings.EqualFold(tc.Name, name) {
			found = true
			continue
		}
		cons = append(cons, tc)
	}
	def.Constraints = cons
	for i, cd := range def.Columns {
		var kept []*parser.ColumnConstraint
		for _, cc := range cd.Constraints {
			if cc.Name != "" && strings.EqualFold(cc.Name, name) {
				found = true
				continue
			}
			kept = append(kept, cc)
		}
		if len(kept) != len(cd.Constraints) {
			ncd := copyColumn(cd)
			ncd.Constraints = kept
			def.Columns[i] = ncd
		}
	}
	if !found {
		return fmt.Errorf("no such constraint: %s", name)
	}
	return c.replaceTable(e, t, def, nil, false)
}

func (c *compiler) alterColumn(e *env, t *schema.Table, a *parser.AlterColumn) error {
	i := t.ColumnIndex(a.Column)
	if i < 0 {
		return fmt.Errorf("no such column: %s (Column '%s' not found in table '%s')", a.Column, a.Column, t.Name)
	}
	def := copyDef(t.Def)
	cd := copyColumn(def.Columns[i])
	def.Columns[i] = cd
	without := func(kinds ...parser.ConstraintKind) {
		var kept []*parser.ColumnConstraint
		for _, cc := range cd.Constraints {
			drop := false
			for _, k := range kinds {
				drop = drop || cc.Kind == k
			}
			if !drop {
				kept = append(kept, cc)
			}
		}
		cd.Constraints = kept
	}
	check := false
	var mapRow func(value.Row) (value.Row, error)
	switch a.Op {
	case parser.AlterSetNotNull:
		without(parser.ConstrNull, parser.ConstrNotNull)
		cd.Constraints = append(cd.Constraints, &parser.ColumnConstraint{Kind: parser.ConstrNotNull})
		check = true
	case parser.AlterDropNotNull:
		without(parser.ConstrNull, parser.ConstrNotNull)
		cd.Constraints = append(cd.Constraints, &parser.ColumnConstraint{Kind: parser.ConstrNull})
	case parser.AlterSetDefault:
		without(parser.ConstrDefault)
		cd.Constraints = append(cd.Constraints, &parser.ColumnConstraint{Kind: parser.ConstrDefault, Expr: a.Default})
	case parser.AlterDropDefault:
		without(parser.ConstrDefault)
	case parser.AlterSetDataType:
		if err := validType(a.Type.Name); err != nil {
			return err
		}
		cd.Type = a.Type
		mapRow = func(r value.Row) (value.Row, error) { return append(value.Row{}, r...), nil }
	case parser.AlterSetCollate:
		if !knownCollation(a.Collation) {
			return fmt.Errorf("Unknown collation: %s", a.Collation)
		}
		without(parser.ConstrCollate)
		cd.Constraints = append(cd.Constraints, &parser.ColumnConstraint{Kind: parser.ConstrCollate, Collation: a.Collation})
		check = true
	}
	return c.replaceTable(e, t, def, mapRow, check)
}
