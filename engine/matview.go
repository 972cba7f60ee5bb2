package engine

// matview.go holds the materialized-view rules layered on top of views.
//
// A materialized view (CREATE MATERIALIZED VIEW, or the table form
// CREATE TABLE ... MAINTAINED AS) is stored as a view flagged
// Materialized and planned like a view, so it is always current: that is
// the observable effect of Quereus's row-time maintained backing table.
// On top of that this file adds what makes the object behave like a
// maintained table:
//   - the key gate: a single-source body must project its source's
//     primary key (each source row maps to exactly one MV row);
//   - write-through: DML on an MV whose body is a plain projection of all
//     columns of one table is routed to that table;
//   - the unified drop rules (DROP TABLE drops it, DROP VIEW redirects,
//     DROP MATERIALIZED VIEW on a table is refused);
//   - the table form's declared-shape checks (arity and column names).

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
)

// mvProjection describes a body of the form `SELECT <plain columns or *>
// FROM <one table>` with no grouping, DISTINCT, compound, CTE or LIMIT:
// the source table and, per output column, the source column index and
// whether the output keeps the source column's name.
type mvProjection struct {
	src     *schema.Table
	cols    []int
	renamed bool
}

// simpleProjection returns the body's projection, or nil when the body is
// not a plain single-table projection.
func (c *compiler) simpleProjection(sel *parser.Select, declared []string) *mvProjection {
	if sel == nil || sel.With != nil || sel.Limit != nil || sel.Offset != nil {
		return nil
	}
	core, ok := sel.Body.(*parser.SelectCore)
	if !ok || core.Distinct || len(core.GroupBy) > 0 || core.Having != nil || len(core.Windows) > 0 {
		return nil
	}
	ref, ok := core.From.(*parser.TableRef)
	if !ok || ref.Committed {
		return nil
	}
	t, v, err := c.resolveRelation(ref.Schema, ref.Name)
	if err != nil || v != nil || t == nil {
		return nil
	}
	p := &mvProjection{src: t}
	for _, rc := range core.Columns {
		if rc.Star {
			for i := range t.Columns {
				p.cols = append(p.cols, i)
			}
			continue
		}
		cr, ok := rc.Expr.(*parser.ColumnRef)
		if !ok || cr.Schema != "" {
			return nil
		}
		i := t.ColumnIndex(cr.Column)
		if i < 0 {
			return nil
		}
		if rc.Alias != "" && !strings.EqualFold(rc.Alias, t.Columns[i].Name) {
			p.renamed = true
		}
		p.cols = append(p.cols, i)
	}
	for i, name := range declared {
		if i >= len(p.cols) || !strings.EqualFold(name, t.Columns[p.cols[i]].Name) {
			p.renamed = true
		}
	}
	return p
}

// rejectDMLWith refuses a stored body (view, materialized view,
// maintained table) whose leading WITH holds a data-modifying CTE: such a
// CTE is only allowed in a statement's own leading WITH clause.
func rejectDMLWith(sel *parser.Select) error {
	if sel == nil || sel.With == nil {
		return nil
	}
	for _, cte := range sel.With.CTEs {
		if _, ok := cte.Query.(*parser.Select); !ok {
			return fmt.Errorf("data-modifying CTE %s is only allowed in a statement's own leading WITH clause", cte.Name)
		}
	}
	return nil
}

// checkMaterializable is the key gate: a plain single-table body must
// project every primary-key column of its source.
func (c *compiler) checkMaterializable(st *parser.CreateView) error {
	if err := rejectDMLWith(st.Select); err != nil {
		return err
	}
	if err := rejectNondeterministic(st.Name.Name, st.Select, st.Columns); err != nil {
		return err
	}
	if recursiveBag(st.Select) {
		return fmt.Errorf("materialized view %s cannot be materialized: a recursive UNION ALL body is a bag with no provable unique key", st.Name.Name)
	}
	p := c.simpleProjection(st.Select, st.Columns)
	if p == nil {
		return nil
	}
	for _, kp := range p.src.PK {
		found := false
		for _, ci := range p.cols {
			found = found || ci == kp.Col
		}
		if !found {
			return fmt.Errorf("materialized view %s cannot be materialized: no provable unique key (its body does not project the primary key of %s, "+
				"column %s); use a plain view or CREATE TABLE ... AS for a snapshot",
				st.Name.Name, p.src.Name, p.src.Columns[kp.Col].Name)
		}
	}
	return nil
}

// mvWriteTarget returns the source table DML on materialized view v is
// routed to: the body must project distinct source columns under their
// own names. It returns nil otherwise.
func (c *compiler) mvWriteTarget(v *schema.View) *schema.Table {
	if p := c.mvWritable(v); p != nil {
		return p.src
	}
	return nil
}

// mvWritable returns the projection of a write-through materialized view.
func (c *compiler) mvWritable(v *schema.View) *mvProjection {
	if !v.Materialized() {
		return nil
	}
	p := c.simpleProjection(v.Select, v.Columns)
	if p == nil || p.renamed {
		return nil
	}
	seen := map[int]bool{}
	for _, ci := range p.cols {
		if seen[ci] {
			return nil
		}
		seen[ci] = true
	}
	return p
}

// mvInsert rewrites an INSERT without a column list into a write-through
// materialized view so that it names the view's columns (which map to
// source columns by name), and adds the body's WITH DEFAULTS values for
// source columns the view does not expose (VALUES sources only). Other
// statements are returned unchanged.
func (c *compiler) mvInsert(st *parser.Insert) *parser.Insert {
	_, v, err := c.resolveRelation(st.Table.Schema, st.Table.Name)
	if err != nil || v == nil {
		return st
	}
	p := c.mvWritable(v)
	if p == nil || st.DefaultValues || st.Source == nil {
		return st
	}
	out := *st
	if len(out.Columns) == 0 {
		for _, ci := range p.cols {
			out.Columns = append(out.Columns, p.src.Columns[ci].Name)
		}
	}
	vals, ok := st.Source.Body.(*parser.Values)
	if !ok || len(v.Select.Defaults) == 0 {
		return &out
	}
	nv := &parser.Values{Loc: vals.Loc}
	var extra []parser.Expr
	cols := append([]string(nil), out.Columns...)
	for _, d := range v.Select.Defaults {
		for _, name := range d.Columns {
			present := false
			for _, col := range cols {
				present = present || strings.EqualFold(col, name)
			}
			if !present && len(d.Columns) == 1 {
				cols = append(cols, name)
				extra = append(extra, d.Value)
			}
		}
	}
	for _, r := range vals.Rows {
		nv.Rows = append(nv.Rows, append(append([]parser.Expr(nil), r...), extra...))
	}
	src := *st.Source
	src.Body = nv
	out.Source, out.Columns = &src, cols
	return &out
}

// createMaintainedTable implements CREATE TABLE name (cols) MAINTAINED AS
// body: the declared shape must match the body's output (arity and
// names), and the object is then created as a materialized view.
func (c *compiler) createMaintainedTable(st *parser.CreateTable) (*program, error) {
	if err := rejectDMLWith(st.Maintained); err != nil {
		return nil, err
	}
	if err := checkGenerated(st.Name.Name, st.Columns); err != nil {
		return nil, err
	}
	if err := rejectRowImages(st); err != nil {
		return nil, err
	}
	names := st.MaintainedColumns
	if len(st.Columns) > 0 {
		home, err := c.targetSchema(st.Name.Schema)
		if err != nil {
			return nil, err
		}
		// The body resolves in the table's home schema.
		sub := &compiler{conn: c.conn, cat: c.cat, params: newParamSet(), homeSchema: home}
		plan, err := sub.query(&scope{noRow: true}, st.Maintained)
		if err != nil {
			return nil, err
		}
		if len(plan.cols) != len(st.Columns) {
			return nil, fmt.Errorf("maintained table %s: body produces %d columns but the table declares %d",
				st.Name.Name, len(plan.cols), len(st.Columns))
		}
		outNames := make([]string, len(plan.cols))
		for i, oc := range plan.cols {
			outNames[i] = oc.name
		}
		if len(st.MaintainedColumns) > 0 {
			if len(st.MaintainedColumns) != len(outNames) {
				return nil, fmt.Errorf("maintained table %s: the rename list has %d columns but the body produces %d",
					st.Name.Name, len(st.MaintainedColumns), len(outNames))
			}
			outNames = st.MaintainedColumns
		}
		names = nil
		for i, cd := range st.Columns {
			if !strings.EqualFold(cd.Name, outNames[i]) {
				return nil, fmt.Errorf("maintained table %s: column %d is declared %s but the body produces %s; alias the body output to the declared name",
					st.Name.Name, i+1, cd.Name, outNames[i])
			}
			names = append(names, cd.Name)
		}
		if p := sub.simpleProjection(st.Maintained, names); p != nil && len(p.cols) == len(st.Columns) {
			if err := checkDeclaredShape(st, p); err != nil {
				return nil, err
			}
		} else if err := checkDerivedTypes(st, plan.cols); err != nil {
			return nil, err
		}
	}
	create, err := c.createView(&parser.CreateView{Loc: st.Loc, Materialized: true, IfNotExists: st.IfNotExists,
		Name: st.Name, Columns: names, Select: st.Maintained, Tags: st.Tags})
	if err != nil || len(st.Columns) == 0 {
		return create, err
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	return ddlProgram(func(e *env) error {
		if old := e.conn.catalog().ViewIn(sn, st.Name.Name); old != nil || e.conn.catalog().TableIn(sn, st.Name.Name) != nil {
			_, _, err := create.exec(e) // IF NOT EXISTS no-op, or the "already exists" error
			return err
		}
		if _, _, err := create.exec(e); err != nil {
			return err
		}
		// Keep the declared table form: it is what the catalog stores and
		// what the derived rows are checked against.
		v := maintainedView(sn, st)
		if err := putCatalog(e, qualifiedCatalogKey("view", sn, st.Name.Name), ddlText(st)); err != nil {
			return err
		}
		e.conn.editCatalog().PutView(v)
		return checkMaintained(e, v)
	}), nil
}

// dropMaterializedView removes materialized view v from the main schema.
func dropMaterializedView(e *env, v *schema.View) error {
	if err := checkAssertionRefs(e, viewKindText(v), v.Name); err != nil {
		return err
	}
	if err := checkViewExpressionRefs(e, v); err != nil {
		return err
	}
	if err := putCatalog(e, viewCatalogKey(v.Name), ""); err != nil {
		return err
	}
	e.conn.editCatalog().DropView(v.Name)
	schemaEvent(e, storage.Drop, "view", v.Name, "")
	return nil
}

// mvDropMismatch is the error for DROP VIEW / DROP MATERIALIZED VIEW
// naming the other kind of object, or nil when there is no such object.
func mvDropMismatch(e *env, name string, materialized bool) error {
	cat := e.conn.catalog()
	if materialized {
		if cat.Table(name) != nil || cat.View(name) != nil {
			return fmt.Errorf("%s is not a materialized view", name)
		}
		return nil
	}
	if v := cat.View(name); v != nil && v.Materialized() {
		return fmt.Errorf("%s is a materialized view; use DROP MATERIALIZED VIEW", name)
	}
	return nil
}

// nondeterministicFuncs are the functions whose result differs between
// evaluations, so a body projecting them cannot be reproduced.
var nondeterministicFuncs = map[string]bool{"random": true, "randomblob": true}

// rejectNondeterministic refuses a body whose result columns call a
// non-deterministic function.
func rejectNondeterministic(name string, sel *parser.Select, declared []string) error {
	core, ok := sel.Body.(*parser.SelectCore)
	if !ok {
		return nil
	}
	for i, rc := range core.Columns {
		bad := false
		walkExpr(rc.Expr, func(x parser.Expr) bool {
			if f, ok := x.(*parser.FuncCall); ok && f.Schema == "" && nondeterministicFuncs[strings.ToLower(f.Name)] {
				bad = true
			}
			return !bad
		})
		if !bad {
			continue
		}
		col := rc.Alias
		if i < len(declared) {
			col = declared[i]
		}
		if col == "" {
			col = parser.ExprString(rc.Expr)
		}
		return fmt.Errorf("materialized view %s cannot be materialized: non-deterministic expression column '%s'", name, col)
	}
	return nil
}

// recursiveBag reports whether a body's WITH RECURSIVE holds a CTE built
// with UNION ALL (a bag: its rows have no provable key).
func recursiveBag(sel *parser.Select) bool {
	if sel.With == nil || !sel.With.Recursive {
		return false
	}
	for _, cte := range sel.With.CTEs {
		if q, ok := cte.Query.(*parser.Select); ok {
			if cp, ok := q.Body.(*parser.Compound); ok && cp.Op == parser.UnionAll {
				return true
			}
		}
	}
	return false
}

// viewKindText names a view's kind in messages.
func viewKindText(v *schema.View) string {
	if v.Materialized() {
		return "materialized view"
	}
	return "view"
}

// checkViewExpressionRefs refuses to drop view v while a table's CHECK
// constraint reads it, directly or through another view.
func checkViewExpressionRefs(e *env, v *schema.View) error {
	cat := e.conn.catalog()
	kind := viewKindText(v)
	for _, t := range cat.Tables() {
		for _, ck := range t.Checks {
			if mentionsTable(ck.Expr, v.Name) {
				return fmt.Errorf("cannot drop %s 'main.%s': it is referenced by CHECK constraint '%s' on table '%s'", kind, v.Name, ck.Name, t.Name)
			}
			for _, via := range cat.Views() {
				if via != v && mentionsTable(ck.Expr, via.Name) && mentionsTable(via.Def, v.Name) {
					return fmt.Errorf("cannot drop %s 'main.%s': CHECK constraint '%s' on table '%s' reaches it through %s '%s' — drop or redefine it first",
						kind, v.Name, ck.Name, t.Name, viewKindText(via), via.Name)
				}
			}
		}
	}
	return nil
}
