package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// Schema diff: the DDL that migrates a schema's catalog content to its
// declaration. Objects are matched by name (case-insensitively). The
// statements come in Quereus's order: DROP ASSERTION, DROP TABLE (children
// before the parents they reference), DROP VIEW, DROP INDEX, then the
// creates of tables (in declaration order), views and indexes, the
// per-table ALTERs (ADD COLUMN, DROP COLUMN), and last the assertions, which
// may read anything created or altered before them. A view, index or assertion
// whose definition changed is dropped and created again. Creates are
// printed from the declaration, qualified with the schema when it is not
// main and carrying the declaration's default module.

// migration computes the DDL statements for declared schema name.
func migration(conn *Conn, name string) ([]string, error) {
	d := conn.db.schemas.declaredSchema(name)
	if d == nil {
		return nil, fmt.Errorf("No declared schema found for '%s'", name)
	}
	if err := validateDeclaration(d); err != nil {
		return nil, err
	}
	cat := conn.catalog()
	sn := cat.SchemaName(d.Name)
	if sn == "" {
		sn = d.Name
	}
	return diffSchema(conn.db, cat, sn, d)
}

// declaredModule is the declaration's `using (default_vtab_module = m)`.
func declaredModule(d *parser.DeclareSchema) string {
	for _, o := range d.Using {
		if strings.EqualFold(o.Name, "default_vtab_module") {
			return optionText(o.Value)
		}
	}
	return ""
}

// qualify returns a copy of name qualified with sn (unless sn is main).
func qualify(n parser.ObjectName, sn string) parser.ObjectName {
	if schema.IsMain(sn) {
		n.Schema = ""
	} else {
		n.Schema = sn
	}
	return n
}

// schemaPrefix is "sn." for schemas other than main.
func schemaPrefix(sn string) string {
	if schema.IsMain(sn) {
		return ""
	}
	return sn + "."
}

func diffSchema(db *Database, cat *schema.Catalog, sn string, d *parser.DeclareSchema) ([]string, error) {
	module := declaredModule(d)
	var tables []*parser.CreateTable
	var views []*parser.CreateView
	var indexes []*parser.CreateIndex
	var asserts []*parser.CreateAssertion
	for _, it := range d.Items {
		switch it := it.(type) {
		case *parser.CreateTable:
			tables = append(tables, it)
		case *parser.CreateView:
			views = append(views, it)
		case *parser.CreateIndex:
			indexes = append(indexes, it)
		case *parser.CreateAssertion:
			asserts = append(asserts, it)
		}
	}
	prefix := schemaPrefix(sn)
	var dropAsserts, dropTables, dropViews, dropIndexes []string
	var creates, alters []string

	// Assertions.
	declaredAsserts := map[string]*parser.CreateAssertion{}
	for _, a := range asserts {
		declaredAsserts[strings.ToLower(a.Name.Name)] = a
	}
	for _, a := range cat.Assertions() {
		if !strings.EqualFold(assertionSchema(cat, a), sn) {
			continue
		}
		da := declaredAsserts[strings.ToLower(a.Def.Name.Name)]
		if da == nil || assertionText(da, sn) != assertionText(a.Def, sn) {
			dropAsserts = append(dropAsserts, "DROP ASSERTION IF EXISTS "+prefix+a.Def.Name.Name)
		}
	}

	// Tables.
	declaredTables := map[string]*parser.CreateTable{}
	for _, t := range tables {
		declaredTables[strings.ToLower(t.Name.Name)] = t
	}
	actual := cat.TablesIn(sn)
	// A declared table that does not exist but names an existing,
	// undeclared table as its previous name is a rename of it.
	var renames []string
	renamedFrom := map[string]*schema.Table{} // declared name -> actual table
	renamedAway := map[string]bool{}
	for _, dt := range tables {
		if cat.TableIn(sn, dt.Name.Name) != nil {
			continue
		}
		prev := previousName(dt.Tags)
		if at := cat.TableIn(sn, prev); prev != "" && at != nil && declaredTables[strings.ToLower(prev)] == nil {
			renames = append(renames, "ALTER TABLE "+prefix+at.Name+" RENAME TO "+dt.Name.Name)
			renamedFrom[strings.ToLower(dt.Name.Name)] = at
			renamedAway[strings.ToLower(at.Name)] = true
		}
	}
	dropSet := map[string]bool{}
	for _, t := range actual {
		if declaredTables[strings.ToLower(t.Name)] == nil && !renamedAway[strings.ToLower(t.Name)] {
			dropSet[strings.ToLower(t.Name)] = true
		}
	}
	columnRenames := map[string]map[string]string{} // table -> new -> old
	for _, t := range orderDrops(actual, dropSet) {
		dropTables = append(dropTables, "DROP TABLE IF EXISTS "+prefix+t)
	}
	for _, dt := range tables {
		at := cat.TableIn(sn, dt.Name.Name)
		if at == nil {
			at = renamedFrom[strings.ToLower(dt.Name.Name)]
		}
		if at == nil {
			ct := *dt
			ct.Name = qualify(dt.Name, sn)
			if ct.Module == "" && module != "" {
				ct.Module = module
			}
			creates = append(creates, parser.StmtString(&ct))
			continue
		}
		cr := columnRenamesOf(dt, at)
		columnRenames[strings.ToLower(dt.Name.Name)] = cr
		alters = append(alters, alterColumns(prefix+dt.Name.Name, dt, at, cr)...)
		alters = append(alters, alterColumnAttrs(db, prefix+dt.Name.Name, dt, at, cr)...)
	}

	// Views.
	declaredViews := map[string]*parser.CreateView{}
	for _, v := range views {
		declaredViews[strings.ToLower(v.Name.Name)] = v
	}
	for _, v := range cat.ViewsIn(sn) {
		dv := declaredViews[strings.ToLower(v.Name)]
		if dv == nil || viewText(dv, sn) != viewText(v.Def, sn) && !reattachInPlace(v, dv) {
			dropViews = append(dropViews, viewDropDDL(v, prefix))
		}
	}
	var viewCreates []string
	for _, dv := range views {
		av := cat.ViewIn(sn, dv.Name.Name)
		if reattachInPlace(av, dv) && viewText(dv, sn) != viewText(av.Def, sn) {
			viewCreates = append(viewCreates, reattachDDL(dv, sn))
		} else if av == nil || viewText(dv, sn) != viewText(av.Def, sn) {
			viewCreates = append(viewCreates, viewText(dv, sn))
		}
	}

	// Indexes (explicit ones; UNIQUE constraints' indexes belong to tables).
	declaredIndexes := map[string]*parser.CreateIndex{}
	for _, ix := range indexes {
		declaredIndexes[strings.ToLower(ix.Name.Name)] = ix
	}
	for _, t := range actual {
		for _, ix := range t.Indexes {
			if ix.Implicit || ix.Def == nil {
				continue
			}
			di := declaredIndexes[strings.ToLower(ix.Name)]
			if di == nil || indexText(di, sn) != indexText(ix.Def, sn) {
				dropIndexes = append(dropIndexes, "DROP INDEX IF EXISTS "+prefix+ix.Name)
			}
		}
	}
	var indexCreates []string
	for _, di := range indexes {
		ai := cat.IndexIn(sn, di.Name.Name)
		if ai == nil || ai.Def == nil || indexText(di, sn) != indexText(ai.Def, sn) {
			// The index is created before the table's column renames run,
			// so it names the columns as they are then.
			indexCreates = append(indexCreates, indexText(withOldColumns(di, columnRenames[strings.ToLower(di.Table)]), sn))
		}
	}

	var assertCreates []string
	for _, da := range asserts {
		aa := cat.Assertion(assertionName(sn, da.Name.Name))
		if aa == nil || assertionText(da, sn) != assertionText(aa.Def, sn) {
			assertCreates = append(assertCreates, assertionText(da, sn))
		}
	}

	out := append(renames, dropAsserts...)
	out = append(out, dropTables...)
	out = append(out, dropViews...)
	out = append(out, dropIndexes...)
	out = append(out, creates...)
	out = append(out, viewCreates...)
	out = append(out, indexCreates...)
	out = append(out, alters...)
	return append(out, assertCreates...), nil
}

func viewText(v *parser.CreateView, sn string) string {
	c := *v
	c.Name = qualify(v.Name, sn)
	c.IfNotExists = false
	return parser.StmtString(&c)
}

func indexText(ix *parser.CreateIndex, sn string) string {
	c := *ix
	c.Name = qualify(ix.Name, sn)
	c.IfNotExists = false
	text := parser.StmtString(&c)
	if !schema.IsMain(sn) {
		// Quereus qualifies the indexed table too.
		text = strings.Replace(text, " on "+ix.Table+" (", " on "+sn+"."+ix.Table+" (", 1)
	}
	return text
}

func assertionText(a *parser.CreateAssertion, sn string) string {
	if a == nil {
		return ""
	}
	c := *a
	c.Name = qualify(a.Name, sn)
	return parser.StmtString(&c)
}

// previousName is the `"quereus.previous_name"` rename hint of a tag set.
func previousName(tags []*parser.Tag) string {
	for _, t := range tags {
		if strings.EqualFold(t.Name, "quereus.previous_name") {
			return optionText(t.Value)
		}
	}
	return ""
}

// columnRenamesOf maps declared column names to the existing columns they
// rename (by their previous-name hint), new -> old, lower-cased keys.
func columnRenamesOf(dt *parser.CreateTable, at *schema.Table) map[string]string {
	out := map[string]string{}
	for _, cd := range dt.Columns {
		if at.ColumnIndex(cd.Name) >= 0 {
			continue
		}
		prev := previousName(cd.Tags)
		if i := at.ColumnIndex(prev); prev != "" && i >= 0 && declaredColumn(dt, prev) == nil {
			out[strings.ToLower(cd.Name)] = at.Columns[i].Name
		}
	}
	return out
}

func declaredColumn(dt *parser.CreateTable, name string) *parser.ColumnDef {
	for _, cd := range dt.Columns {
		if strings.EqualFold(cd.Name, name) {
			return cd
		}
	}
	return nil
}

// withOldColumns returns ix with its plain column references renamed back
// through renames (new -> old).
func withOldColumns(ix *parser.CreateIndex, renames map[string]string) *parser.CreateIndex {
	if len(renames) == 0 {
		return ix
	}
	c := *ix
	c.Columns = make([]*parser.IndexedColumn, len(ix.Columns))
	for i, ic := range ix.Columns {
		n := *ic
		if ref, ok := ic.X.(*parser.ColumnRef); ok && ref.Table == "" {
			if old, ok := renames[strings.ToLower(ref.Column)]; ok {
				r := *ref
				r.Column = old
				n.X = &r
			}
		}
		c.Columns[i] = &n
	}
	return &c
}

// alterColumns is the RENAME COLUMN / ADD COLUMN / DROP COLUMN DDL that
// turns table at's columns into the declared ones.
func alterColumns(qname string, dt *parser.CreateTable, at *schema.Table, renames map[string]string) []string {
	var out []string
	renamed := map[string]bool{}
	for _, cd := range dt.Columns {
		if old, ok := renames[strings.ToLower(cd.Name)]; ok {
			out = append(out, "ALTER TABLE "+qname+" RENAME COLUMN "+old+" TO "+cd.Name)
			renamed[strings.ToLower(old)] = true
		}
	}
	for _, cd := range dt.Columns {
		if _, ok := renames[strings.ToLower(cd.Name)]; ok {
			continue
		}
		if at.ColumnIndex(cd.Name) < 0 {
			text := parser.StmtString(&parser.AlterTable{Kind: parser.ObjTable, Name: parser.ObjectName{Name: "t"},
				Action: &parser.AddColumn{Column: cd}})
			if i := strings.Index(text, " add column "); i >= 0 {
				text = text[i+len(" add column "):]
			}
			out = append(out, "ALTER TABLE "+qname+" ADD COLUMN "+text)
		}
	}
	out = append(out, alterConstraints(qname, dt, at)...)
	for _, col := range at.Columns {
		found := renamed[strings.ToLower(col.Name)]
		for _, cd := range dt.Columns {
			if strings.EqualFold(cd.Name, col.Name) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, "ALTER TABLE "+qname+" DROP COLUMN "+col.Name)
		}
	}
	return out
}

// orderDrops orders the tables to drop so that a table referencing
// another of the set comes first.
func orderDrops(actual []*schema.Table, dropSet map[string]bool) []string {
	byName := map[string]*schema.Table{}
	for _, t := range actual {
		byName[strings.ToLower(t.Name)] = t
	}
	var post []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(t *schema.Table)
	visit = func(t *schema.Table) {
		k := strings.ToLower(t.Name)
		if state[k] != 0 {
			return
		}
		state[k] = 1
		for _, fk := range t.FKs {
			rk := strings.ToLower(fk.RefTable)
			if rk != k && dropSet[rk] && byName[rk] != nil {
				visit(byName[rk])
			}
		}
		state[k] = 2
		post = append(post, t.Name)
	}
	for _, t := range actual {
		if dropSet[strings.ToLower(t.Name)] {
			visit(t)
		}
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// alterConstraints is the DROP CONSTRAINT / ADD CONSTRAINT DDL for the
// named table constraints: one the declaration lacks is dropped, a new one
// added, and one whose body changed is dropped and added again (the add
// re-validates existing rows for UNIQUE and FOREIGN KEY).
func alterConstraints(qname string, dt *parser.CreateTable, at *schema.Table) []string {
	if at.Def == nil {
		return nil
	}
	actual := map[string]*parser.TableConstraint{}
	for _, c := range at.Def.Constraints {
		if c.Name != "" {
			actual[strings.ToLower(c.Name)] = c
		}
	}
	declared := map[string]bool{}
	var drops, adds []string
	for _, c := range dt.Constraints {
		if c.Name == "" {
			continue
		}
		k := strings.ToLower(c.Name)
		declared[k] = true
		ac := actual[k]
		if ac != nil && constraintBody(ac) == constraintBody(c) {
			continue
		}
		if ac != nil {
			drops = append(drops, "ALTER TABLE "+qname+" DROP CONSTRAINT "+ac.Name)
		}
		adds = append(adds, "ALTER TABLE "+qname+" ADD "+constraintText(c))
	}
	for _, c := range at.Def.Constraints {
		if c.Name != "" && !declared[strings.ToLower(c.Name)] {
			drops = append(drops, "ALTER TABLE "+qname+" DROP CONSTRAINT "+c.Name)
		}
	}
	return append(drops, adds...)
}

// constraintText prints a table constraint as ALTER TABLE ... ADD takes it.
func constraintText(c *parser.TableConstraint) string {
	text := parser.StmtString(&parser.AlterTable{Kind: parser.ObjTable, Name: parser.ObjectName{Name: "t"},
		Action: &parser.AddConstraint{Constraint: c}})
	if i := strings.Index(text, " add "); i >= 0 {
		return text[i+len(" add "):]
	}
	return text
}

// constraintBody is a constraint's text without its tags (tag changes are
// not body changes).
func constraintBody(c *parser.TableConstraint) string {
	n := *c
	n.Tags = nil
	return constraintText(&n)
}

// alterColumnAttrs is the ALTER COLUMN DDL for the columns present on both
// sides whose type, collation, default or nullability differ. The declared
// side is built as CREATE TABLE would build it (session nullability, store
// key collation), so only real drift shows. Per column: the type and the
// collation (collation first when it falls back to BINARY, since a
// non-text type cannot keep a text collation), then DEFAULT, then NOT NULL.
func alterColumnAttrs(db *Database, qname string, dt *parser.CreateTable, at *schema.Table, renames map[string]string) []string {
	want, err := db.buildTable(dt)
	if err != nil {
		return nil
	}
	var out []string
	for i, cd := range dt.Columns {
		name := cd.Name
		if old, ok := renames[strings.ToLower(name)]; ok {
			name = old
		}
		j := at.ColumnIndex(name)
		if j < 0 {
			continue
		}
		have, w := at.Columns[j], want.Columns[i]
		prefix := "ALTER TABLE " + qname + " ALTER COLUMN " + cd.Name + " "
		var typ, coll string
		if cd.Type != nil && !strings.EqualFold(cd.Type.Name, have.Type) {
			typ = prefix + "SET DATA TYPE " + cd.Type.Name
		}
		if !strings.EqualFold(collationName(w.Collation), collationName(have.Collation)) {
			coll = prefix + "SET COLLATE " + collationName(w.Collation)
		}
		switch {
		case coll != "" && collationName(w.Collation) == "BINARY":
			out = appendNonEmpty(out, coll, typ)
		default:
			out = appendNonEmpty(out, typ, coll)
		}
		switch {
		case w.Default == nil && have.Default != nil:
			out = append(out, prefix+"DROP DEFAULT")
		case w.Default != nil && (have.Default == nil || parser.ExprString(w.Default) != parser.ExprString(have.Default)):
			out = append(out, prefix+"SET DEFAULT "+parser.ExprString(w.Default))
		}
		if w.NotNull != have.NotNull {
			if w.NotNull {
				out = append(out, prefix+"SET NOT NULL")
			} else {
				out = append(out, prefix+"DROP NOT NULL")
			}
		}
	}
	return out
}

// collationName is a collation's canonical name ("" is BINARY).
func collationName(c string) string {
	if c == "" {
		return "BINARY"
	}
	return strings.ToUpper(c)
}

func appendNonEmpty(out []string, s ...string) []string {
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
