package engine

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// alter_rename_scope.go rewrites column references for ALTER TABLE ...
// RENAME COLUMN and RENAME TO with SQL name resolution: a reference is
// renamed only when it binds to the renamed table, not when a CTE, a
// derived table or an alias in a nearer scope shadows it. Column names a
// derived table (CTE, FROM subquery) takes implicitly from a renamed column
// follow the rename, so outer references to them are renamed too.
//
// The binder is deliberately approximate where the answer does not matter
// for renaming: expressions other than column references are only walked,
// and the columns of table-valued functions are unknown.

// renameOp is one rename: table (the table as named before the rename)
// becomes newTable (table rename) or its column oldCol becomes newCol
// (column rename).
type renameOp struct {
	table, newTable string
	oldCol, newCol  string
	// columns returns the column names of a base table (nil if unknown);
	// for the renamed table it returns the names before the rename.
	columns func(table string) []string
	// viewRenames maps a rewritten view (lower-case name) to its output
	// columns the rename changed, so views reading it follow.
	viewRenames map[string]map[string]string
	// schema is the renamed table's schema ("" for main); home is the
	// schema the definition being rewritten lives in, whose tables an
	// unqualified name finds first. shadows reports whether schema sn has
	// a table named name (nil: no other schemas).
	schema, home string
	shadows      func(sn, name string) bool
}

// rnSource is a FROM item as the binder sees it.
type rnSource struct {
	qual    string   // name references qualify it by (lower case)
	aliased bool     // qualified by an alias rather than the table name
	target  bool     // the renamed base table
	cols    []string // column names in order (nil: unknown)
	renamed map[string]string
}

// has reports whether the source has a column named col, before or after
// the rename.
func (s *rnSource) has(col string) bool {
	if _, ok := s.renamed[strings.ToLower(col)]; ok {
		return true
	}
	for _, c := range s.cols {
		if strings.EqualFold(c, col) {
			return true
		}
	}
	return false
}

// rnCTE is a visible common table expression.
type rnCTE struct {
	cols    []string
	renamed map[string]string
}

type rnScope struct {
	sources []*rnSource
	ctes    map[string]*rnCTE
	parent  *rnScope
}

func (s *rnScope) cte(name string) *rnCTE {
	for sc := s; sc != nil; sc = sc.parent {
		if c, ok := sc.ctes[strings.ToLower(name)]; ok {
			return c
		}
	}
	return nil
}

// renameScoped applies op to every column reference and table reference
// in root. base is the scope root's expressions are evaluated in (the
// table a CHECK, DEFAULT or index predicate belongs to), or nil.
func renameScoped(root any, op *renameOp, base *rnScope) {
	op.walk(reflect.ValueOf(root), base)
}

// tableScopeFor is the base scope of the row-level expressions of table
// name: the table itself, also reachable as NEW and OLD.
func (op *renameOp) tableScopeFor(name string) *rnScope {
	target := strings.EqualFold(name, op.table)
	cols := op.columns(name)
	sc := &rnScope{}
	for _, q := range []string{name, "new", "old"} {
		sc.sources = append(sc.sources, &rnSource{qual: strings.ToLower(q), target: target, cols: cols, aliased: q != name})
	}
	return sc
}

var (
	selectType    = reflect.TypeOf(&parser.Select{})
	columnRefType = reflect.TypeOf(&parser.ColumnRef{})
)

// walk visits an AST value, binding column references in sc and opening
// a new scope at each SELECT.
func (op *renameOp) walk(v reflect.Value, sc *rnScope) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem().PkgPath() != "github.com/quereus/quereus/engine/parser" {
			return
		}
		switch v.Type() {
		case selectType:
			op.selectStmt(v.Interface().(*parser.Select), sc)
			return
		case columnRefType:
			op.columnRef(v.Interface().(*parser.ColumnRef), sc)
			return
		}
		if tr, ok := v.Interface().(*parser.TableRef); ok {
			op.tableRef(tr, sc)
			return
		}
		op.walk(v.Elem(), sc)
	case reflect.Interface:
		if !v.IsNil() {
			op.walk(v.Elem(), sc)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			op.walk(v.Index(i), sc)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			op.walk(v.Field(i), sc)
		}
	}
}

// isTargetRef reports whether a FROM table reference names the renamed
// base table (and not a CTE that shadows it).
func (op *renameOp) isTargetRef(tr *parser.TableRef, sc *rnScope) bool {
	if !strings.EqualFold(tr.Name, op.table) {
		return false
	}
	target := op.schema
	if schema.IsMain(target) {
		target = schema.MainSchema
	}
	if tr.Schema != "" {
		return strings.EqualFold(tr.Schema, target) || schema.IsMain(tr.Schema) && target == schema.MainSchema
	}
	if sc.cte(tr.Name) != nil {
		return false
	}
	// An unqualified name looks in the definition's own schema first.
	home := op.home
	if schema.IsMain(home) {
		home = schema.MainSchema
	}
	if strings.EqualFold(home, target) {
		return true
	}
	return target == schema.MainSchema && (op.shadows == nil || !op.shadows(home, tr.Name))
}

func (op *renameOp) tableRef(tr *parser.TableRef, sc *rnScope) {
	if op.newTable != "" && op.isTargetRef(tr, sc) {
		tr.Name = op.newTable
	}
}

// columnRef renames a reference that binds to the renamed table's column
// (or to a derived column named after it).
func (op *renameOp) columnRef(ref *parser.ColumnRef, sc *rnScope) {
	src := bindColumn(ref, sc)
	if src == nil {
		return
	}
	if src.target {
		if op.newTable != "" && ref.Table != "" && !src.aliased && strings.EqualFold(ref.Table, op.table) {
			ref.Table = op.newTable
		}
		if op.newCol != "" && strings.EqualFold(ref.Column, op.oldCol) {
			ref.Column = op.newCol
		}
		return
	}
	if to, ok := src.renamed[strings.ToLower(ref.Column)]; ok {
		ref.Column = to
	}
}

// bindColumn finds the source a column reference binds to (nil if none
// is known).
func bindColumn(ref *parser.ColumnRef, sc *rnScope) *rnSource {
	for s := sc; s != nil; s = s.parent {
		if ref.Table != "" {
			for _, src := range s.sources {
				if src.qual == strings.ToLower(ref.Table) {
					return src
				}
			}
			continue
		}
		for _, src := range s.sources {
			if src.has(ref.Column) {
				return src
			}
		}
	}
	return nil
}

// selectStmt binds a query: its WITH clause, body, ORDER BY and LIMIT.
// It returns the query's output column names and the output columns that
// were renamed (old name → new name, keyed in lower case).
func (op *renameOp) selectStmt(sel *parser.Select, outer *rnScope) ([]string, map[string]string) {
	sc := &rnScope{parent: outer, ctes: map[string]*rnCTE{}}
	if sel.With != nil {
		for _, cte := range sel.With.CTEs {
			name := strings.ToLower(cte.Name)
			if sel.With.Recursive {
				// The recursive CTE is visible (and shadows tables) in its
				// own body; its columns are the declared ones, else those of
				// its first (anchor) arm.
				sc.ctes[name] = &rnCTE{cols: cte.Columns}
				if q, ok := cte.Query.(*parser.Select); ok && cte.Columns == nil {
					sc.ctes[name].cols = op.anchorColumns(q, sc)
				}
			}
			cols, renamed := op.cteQuery(cte, sc)
			if cte.Columns != nil {
				cols, renamed = cte.Columns, nil
			}
			sc.ctes[name] = &rnCTE{cols: cols, renamed: renamed}
		}
	}
	cols, renamed, bodyScope := op.body(sel.Body, sc)
	orderScope := sc
	if bodyScope != nil {
		orderScope = bodyScope
	}
	for _, t := range sel.OrderBy {
		op.walk(reflect.ValueOf(t.X), orderScope)
	}
	op.walk(reflect.ValueOf(sel.Limit), sc)
	op.walk(reflect.ValueOf(sel.Offset), sc)
	if len(sel.Defaults) > 0 {
		op.defaults(sel, bodyScope)
	}
	return cols, renamed
}

// anchorColumns binds a copy of a recursive CTE's anchor to learn its
// output names without renaming anything twice.
func (op *renameOp) anchorColumns(q *parser.Select, sc *rnScope) []string {
	body := q.Body
	for {
		cmp, ok := body.(*parser.Compound)
		if !ok {
			break
		}
		body = cmp.Left
	}
	cols, _, _ := op.body(cloneAST(body), sc)
	return cols
}

func (op *renameOp) cteQuery(cte *parser.CTE, sc *rnScope) ([]string, map[string]string) {
	if q, ok := cte.Query.(*parser.Select); ok {
		return op.selectStmt(q, sc)
	}
	op.walk(reflect.ValueOf(cte.Query), sc)
	return nil, nil
}

// defaults renames the base-table columns a view's WITH DEFAULTS clause
// assigns when the view reads the renamed table.
func (op *renameOp) defaults(sel *parser.Select, bodyScope *rnScope) {
	readsTarget := false
	if bodyScope != nil {
		for _, src := range bodyScope.sources {
			readsTarget = readsTarget || src.target
		}
	}
	for _, sc := range sel.Defaults {
		if readsTarget && op.newCol != "" {
			for i, c := range sc.Columns {
				if strings.EqualFold(c, op.oldCol) {
					sc.Columns[i] = op.newCol
				}
			}
		}
		op.walk(reflect.ValueOf(sc.Value), nil)
	}
}

// body binds a select body and returns its output names, renamed output
// columns and (for a simple SELECT) the scope of its FROM clause.
func (op *renameOp) body(b parser.SelectBody, sc *rnScope) ([]string, map[string]string, *rnScope) {
	switch b := b.(type) {
	case *parser.SelectCore:
		return op.core(b, sc)
	case *parser.Compound:
		cols, renamed, _ := op.body(b.Left, sc)
		op.body(b.Right, sc)
		return cols, renamed, nil
	case *parser.Select:
		cols, renamed := op.selectStmt(b, sc)
		return cols, renamed, nil
	case *parser.Values:
		op.walk(reflect.ValueOf(b.Rows), sc)
		if len(b.Rows) == 0 {
			return nil, nil, nil
		}
		cols := make([]string, len(b.Rows[0]))
		for i := range cols {
			cols[i] = "column_" + strconv.Itoa(i)
		}
		return cols, nil, nil
	}
	return nil, nil, nil
}

func (op *renameOp) core(c *parser.SelectCore, outer *rnScope) ([]string, map[string]string, *rnScope) {
	sc := &rnScope{parent: outer}
	if c.From != nil {
		op.from(c.From, sc, outer)
	}
	var cols []string
	renamed := map[string]string{}
	for _, rc := range c.Columns {
		if rc.Star {
			for _, src := range sc.sources {
				if rc.Table != "" && src.qual != strings.ToLower(rc.Table) {
					continue
				}
				for _, col := range src.cols {
					name := col
					if src.target && op.newCol != "" && strings.EqualFold(col, op.oldCol) {
						name = op.newCol
						renamed[strings.ToLower(col)] = name
					} else if to, ok := src.renamed[strings.ToLower(col)]; ok {
						name = to
						renamed[strings.ToLower(col)] = name
					}
					cols = append(cols, name)
				}
			}
			continue
		}
		ref, bare := rc.Expr.(*parser.ColumnRef)
		var before string
		if bare {
			before = ref.Column
		}
		op.walk(reflect.ValueOf(rc.Expr), sc)
		switch {
		case rc.Alias != "":
			cols = append(cols, rc.Alias)
		case bare:
			if !strings.EqualFold(before, ref.Column) {
				renamed[strings.ToLower(before)] = ref.Column
			}
			cols = append(cols, ref.Column)
		default:
			cols = append(cols, parser.ExprString(rc.Expr))
		}
	}
	op.walk(reflect.ValueOf(c.Where), sc)
	op.walk(reflect.ValueOf(c.GroupBy), sc)
	op.walk(reflect.ValueOf(c.Having), sc)
	op.walk(reflect.ValueOf(c.Windows), sc)
	return cols, renamed, sc
}

// from adds the sources of a FROM clause to sc, binding join conditions
// and derived tables as it goes. Derived tables see outer, not their
// siblings (unless LATERAL).
func (op *renameOp) from(t parser.TableExpr, sc, outer *rnScope) {
	switch t := t.(type) {
	case *parser.TableRef:
		qual, aliased := t.Name, false
		if t.Alias != "" {
			qual, aliased = t.Alias, true
		}
		src := &rnSource{qual: strings.ToLower(qual), aliased: aliased}
		if cte := sc.cte(t.Name); cte != nil && t.Schema == "" {
			src.cols, src.renamed = cte.cols, cte.renamed
		} else if rn, ok := op.viewRenames[strings.ToLower(t.Name)]; ok {
			src.renamed = rn
		} else {
			src.target = op.isTargetRef(t, sc)
			src.cols = op.columns(t.Name)
			if src.target && op.newTable != "" && t.Alias == "" {
				// The renamed table keeps its old name as an alias, so the
				// query's qualified references keep their meaning even when
				// the new name is an alias or CTE the query already uses.
				t.Alias, src.aliased = t.Name, true
			}
			op.tableRef(t, sc)
		}
		sc.sources = append(sc.sources, src)
	case *parser.SubqueryTable:
		in := outer
		if t.Lateral {
			in = sc
		}
		src := &rnSource{qual: strings.ToLower(t.Alias), aliased: true}
		if t.Select != nil {
			src.cols, src.renamed = op.selectStmt(t.Select, in)
		} else {
			op.walk(reflect.ValueOf(t.DML), in)
		}
		if t.Columns != nil {
			src.cols, src.renamed = t.Columns, nil
		}
		sc.sources = append(sc.sources, src)
	case *parser.FuncTable:
		op.walk(reflect.ValueOf(t.Args), sc)
		qual := t.Name
		if t.Alias != "" {
			qual = t.Alias
		}
		sc.sources = append(sc.sources, &rnSource{qual: strings.ToLower(qual), aliased: true, cols: t.Columns})
	case *parser.ParenTable:
		op.from(t.Inner, sc, outer)
	case *parser.Join:
		op.from(t.Left, sc, outer)
		op.from(t.Right, sc, outer)
		op.walk(reflect.ValueOf(t.On), sc)
	}
}

// newRenameOp prepares a rename over the connection's catalog.
func newRenameOp(e *env, table, newTable, oldCol, newCol string) *renameOp {
	op := &renameOp{table: table, newTable: newTable, oldCol: oldCol, newCol: newCol}
	op.shadows = func(sn, name string) bool { return e.conn.catalog().TableIn(sn, name) != nil }
	op.columns = func(name string) []string {
		target := strings.EqualFold(name, table)
		lookup := name
		cat := e.conn.catalog()
		if target && newTable != "" && cat.Table(name) == nil {
			lookup = newTable
		}
		t := cat.Table(lookup)
		if t == nil {
			return nil
		}
		out := make([]string, len(t.Columns))
		hasOld := false
		for i, c := range t.Columns {
			out[i] = c.Name
			hasOld = hasOld || strings.EqualFold(c.Name, oldCol)
		}
		if target && newCol != "" && !hasOld {
			for i, c := range out {
				if strings.EqualFold(c, newCol) {
					out[i] = oldCol
				}
			}
		}
		return out
	}
	return op
}

// apply performs the rename on a stored definition: a table (its CHECK,
// DEFAULT and generated expressions see the table's row), an index (its
// predicate sees its table's row) or a view.
func (op *renameOp) apply(root any) {
	var base *rnScope
	bound := false
	switch r := root.(type) {
	case *parser.CreateTable:
		base = op.tableScopeFor(r.Name.Name)
	case *parser.CreateIndex:
		base = op.tableScopeFor(r.Table)
	case *parser.CreateView:
		if r.Select != nil {
			bound = true
			_, renamed := op.selectStmt(r.Select, nil)
			if len(renamed) > 0 && r.Columns == nil {
				if op.viewRenames == nil {
					op.viewRenames = map[string]map[string]string{}
				}
				op.viewRenames[strings.ToLower(r.Name.Name)] = renamed
			}
		}
	}
	if !bound {
		renameScoped(root, op, base)
	}
	// Names that are not column references: foreign key targets and the
	// table an index is on.
	visitAST(root, func(n any) {
		switch n := n.(type) {
		case *parser.ForeignKey:
			if !strings.EqualFold(n.Table.Name, op.table) {
				return
			}
			if op.newTable != "" {
				n.Table.Name = op.newTable
			}
			if op.newCol != "" {
				for i, c := range n.Columns {
					if strings.EqualFold(c, op.oldCol) {
						n.Columns[i] = op.newCol
					}
				}
			}
		case *parser.CreateIndex:
			if op.newTable != "" && strings.EqualFold(n.Table, op.table) {
				n.Table = op.newTable
			}
		}
	})
}

// readsRenamedView reports whether root reads a view whose output columns
// the rename changed.
func (op *renameOp) readsRenamedView(root any) bool {
	found := false
	visitAST(root, func(n any) {
		if tr, ok := n.(*parser.TableRef); ok {
			_, hit := op.viewRenames[strings.ToLower(tr.Name)]
			found = found || hit
		}
	})
	return found
}

// readsColumn reports whether root (a stored query or assertion) reads
// column of table t, by name resolution: it binds a copy, renaming the
// references to that column to a name no SQL identifier can have.
func readsColumn(e *env, root any, t *schema.Table, column string) bool {
	if !mentionsTable(root, t.Name) {
		return false
	}
	const marker = "\x00read"
	op := newRenameOp(e, t.Name, "", column, marker)
	op.schema, op.home = schemaOf(t), schemaOf(t)
	c := cloneAST(root)
	renameScoped(c, op, nil)
	found := false
	visitAST(c, func(n any) {
		if ref, ok := n.(*parser.ColumnRef); ok && ref.Column == marker {
			found = true
		}
	})
	return found
}
