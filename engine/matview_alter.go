package engine

// matview_alter.go implements the maintained-table lifecycle verbs of
// ALTER TABLE: `SET MAINTAINED AS body` (attach: the table's content is
// replaced by the derived content, and the table becomes a materialized
// view) and `DROP MAINTAINED` (detach: the current derived rows are kept
// in an ordinary table, which becomes writable and is no longer
// maintained). Structural ALTERs of a materialized view are refused: its
// shape is defined by its body.

import (
	"fmt"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// alterMaterialized applies an ALTER TABLE action to materialized view v.
func (c *compiler) alterMaterialized(e *env, v *schema.View, action parser.AlterAction) error {
	switch a := action.(type) {
	case *parser.DropMaintained:
		return c.detachMaintained(e, v)
	case *parser.SetMaintained:
		if err := dropMaterializedView(e, v); err != nil {
			return err
		}
		if err := c.attachMaintained(e, v.Name, a); err != nil {
			return err
		}
		return keepDeclared(e, v, a)
	case *parser.RenameTable:
		return renameMaterialized(e, v, a.NewName)
	case *parser.AlterTags:
		return fmt.Errorf("%s is a materialized view; change its tags with ALTER MATERIALIZED VIEW", v.Name)
	}
	return fmt.Errorf("cannot alter materialized view %s: its shape is defined by its body (detach it with DROP MAINTAINED first)", v.Name)
}

// attachMaintained turns the (already vacated) name into a materialized
// view over the given body.
func (c *compiler) attachMaintained(e *env, name string, a *parser.SetMaintained) error {
	sel, ok := a.Query.(*parser.Select)
	if !ok {
		return fmt.Errorf("maintained table %s: the body must be a SELECT", name)
	}
	cv := &parser.CreateView{Loc: a.Loc, Materialized: true, Name: parser.ObjectName{Name: name}, Columns: a.Columns, Select: sel}
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schema.MainSchema}
	prog, err := sub.createView(cv)
	if err != nil {
		return err
	}
	_, _, err = prog.exec(e)
	return err
}

// setMaintained attaches a body to ordinary table t: the derived content
// wins, so the table's own rows are replaced.
func (c *compiler) setMaintained(e *env, t *schema.Table, a *parser.SetMaintained) error {
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schema.MainSchema}
	sel, err := sub.checkAttachBody(t.Name, a.Query)
	if err != nil {
		return err
	}
	if t.Def != nil {
		if err := checkGenerated(t.Name, t.Def.Columns); err != nil {
			return err
		}
		if err := rejectRowImages(t.Def); err != nil {
			return err
		}
	}
	plan, err := sub.query(&scope{noRow: true}, sel)
	if err != nil {
		return err
	}
	out := make([]string, len(plan.cols))
	for i, oc := range plan.cols {
		out[i] = oc.name
	}
	if len(a.Columns) > 0 {
		out = a.Columns
	}
	if err := checkReshape(t, out); err != nil {
		return err
	}
	if err := sub.checkMaterializable(&parser.CreateView{Name: parser.ObjectName{Name: t.Name}, Columns: a.Columns, Select: sel}); err != nil {
		return err
	}
	if err := dropTable(e, t.Name, false); err != nil {
		return err
	}
	if err := c.attachMaintained(e, t.Name, a); err != nil || t.Def == nil || len(t.Def.Columns) != len(out) || len(a.Columns) > 0 {
		return err
	}
	// Same shape: the table's declared form stays, and its constraints
	// (primary key included) now bind the derived rows.
	decl := copyDef(t.Def)
	decl.AsSelect, decl.Maintained = nil, sel
	v := maintainedView(schema.MainSchema, decl)
	if err := putCatalog(e, viewCatalogKey(t.Name), ddlText(decl)); err != nil {
		return err
	}
	e.conn.editCatalog().PutView(v)
	return checkMaintained(e, v)
}

// detachMaintained replaces materialized view v by an ordinary table
// holding its current rows. The table's columns take the body's names and
// types; its primary key is the source key when the body is a plain
// single-table projection.
func (c *compiler) detachMaintained(e *env, v *schema.View) error {
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schemaOfView(v)}
	plan, err := sub.query(&scope{noRow: true}, v.Select)
	if err != nil && v.Declared != nil {
		// A stale table-form maintained table detaches to its declared
		// (empty: its rows were never stored apart from the body) table.
		return c.detachDeclared(e, v, sub, nil)
	}
	if err != nil {
		return fmt.Errorf("materialized view %s is stale: %w", v.Name, err)
	}
	rows, err := drainNode(e, plan.root)
	if err != nil {
		return err
	}
	if v.Declared != nil {
		return c.detachDeclared(e, v, sub, rows)
	}
	def := &parser.CreateTable{Name: parser.ObjectName{Name: v.Name}}
	for i, oc := range plan.cols {
		name := oc.name
		if i < len(v.Columns) {
			name = v.Columns[i]
		}
		cd := &parser.ColumnDef{Name: name, Constraints: []*parser.ColumnConstraint{{Kind: parser.ConstrNull}}}
		if tn := typeName(oc.typ); tn != "" {
			cd.Type = &parser.TypeName{Name: tn}
		}
		def.Columns = append(def.Columns, cd)
	}
	if p := sub.simpleProjection(v.Select, v.Columns); p != nil && len(p.src.PK) > 0 {
		pk := &parser.TableConstraint{Kind: parser.ConstrPrimaryKey}
		for _, kp := range p.src.PK {
			for i, ci := range p.cols {
				if ci == kp.Col {
					pk.Columns = append(pk.Columns, &parser.IndexedColumn{X: &parser.ColumnRef{Column: def.Columns[i].Name}})
					break
				}
			}
		}
		if len(pk.Columns) == len(p.src.PK) {
			def.Constraints = append(def.Constraints, pk)
		}
	}
	return c.detachInto(e, v, sub, def, rows)
}

// detachDeclared detaches a table-form maintained table into its declared
// table definition.
func (c *compiler) detachDeclared(e *env, v *schema.View, sub *compiler, rows []value.Row) error {
	def := copyDef(v.Declared)
	def.Maintained, def.MaintainedColumns = nil, nil
	return c.detachInto(e, v, sub, def, rows)
}

// detachInto drops materialized view v and creates table def holding rows.
func (c *compiler) detachInto(e *env, v *schema.View, sub *compiler, def *parser.CreateTable, rows []value.Row) error {
	if err := dropMaterializedView(e, v); err != nil {
		return err
	}
	create, err := sub.createTable(def)
	if err != nil {
		return err
	}
	if _, _, err := create.exec(e); err != nil {
		return err
	}
	t := e.conn.catalog().Table(v.Name)
	w, err := newWriter(e, sub, t, parser.OpInsert)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) != len(t.Columns) {
			return fmt.Errorf("cannot detach %s: the body produces %d columns but the table declares %d", v.Name, len(r), len(t.Columns))
		}
		row := append(value.Row(nil), r...)
		if err := convertRow(t, row); err != nil {
			return err
		}
		if _, err := w.insert(row, parser.ConflictDefault); err != nil {
			return err
		}
	}
	return nil
}

// renameMaterialized renames materialized view v (main schema).
func renameMaterialized(e *env, v *schema.View, newName string) error {
	cat := e.conn.catalog()
	if cat.Table(newName) != nil || cat.View(newName) != nil {
		return fmt.Errorf("table %s already exists", newName)
	}
	if err := dropMaterializedView(e, v); err != nil {
		return err
	}
	def := *v.Def
	def.Name = parser.ObjectName{Name: newName}
	nv := &schema.View{Schema: v.Schema, Name: newName, Columns: v.Columns, Select: v.Select, Def: &def}
	text := ddlText(&def)
	if v.Declared != nil {
		decl := copyDef(v.Declared)
		decl.Name = def.Name
		nv = maintainedView(v.Schema, decl)
		text = ddlText(decl)
	}
	if err := putCatalog(e, viewCatalogKey(newName), text); err != nil {
		return err
	}
	e.conn.editCatalog().PutView(nv)
	schemaEvent(e, storage.Create, "view", newName, text)
	return nil
}

// viewKind is the schema() type of a view.
func viewKind(v *schema.View) string {
	if v.Materialized() {
		return "materialized_view"
	}
	return "view"
}

// keepDeclared carries a table-form maintained table's declared form over
// a re-attach (same rename list): the new body's rows are checked
// against it.
func keepDeclared(e *env, old *schema.View, a *parser.SetMaintained) error {
	sel, ok := a.Query.(*parser.Select)
	if old.Declared == nil || !ok || len(a.Columns) > 0 && len(a.Columns) != len(old.Declared.Columns) {
		return nil
	}
	decl := copyDef(old.Declared)
	decl.Maintained, decl.MaintainedColumns = sel, a.Columns
	if len(a.Columns) > 0 {
		for i, cd := range decl.Columns {
			c := *cd
			c.Name = a.Columns[i]
			decl.Columns[i] = &c
		}
	}
	v := maintainedView(old.Schema, decl)
	if err := putCatalog(e, viewCatalogKey(old.Name), ddlText(decl)); err != nil {
		return err
	}
	e.conn.editCatalog().PutView(v)
	return checkMaintained(e, v)
}
