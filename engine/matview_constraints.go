package engine

// matview_constraints.go enforces the declared constraints of a
// table-form maintained table (CREATE TABLE name (cols constraints)
// MAINTAINED AS body). The table is planned like a view, so its rows are
// always the body's current result; after every writing statement (and at
// create) the derived rows are checked against the declared NOT NULL,
// CHECK, FOREIGN KEY and UNIQUE constraints, and
// a violation fails the statement, which rolls back whole.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// maintainedView is the catalog object of a table-form maintained table.
func maintainedView(sn string, st *parser.CreateTable) *schema.View {
	var names []string
	for _, cd := range st.Columns {
		names = append(names, cd.Name)
	}
	if len(names) == 0 {
		names = st.MaintainedColumns
	}
	def := &parser.CreateView{Loc: st.Loc, Materialized: true, Name: st.Name, Columns: names, Select: st.Maintained, Tags: st.Tags}
	return &schema.View{Schema: sn, Name: st.Name.Name, Columns: names, Select: st.Maintained, Def: def, Declared: st}
}

// hasDeclaredConstraints reports whether a maintained table declares
// anything beyond its shape that derived rows must satisfy.
func hasDeclaredConstraints(st *parser.CreateTable) bool {
	if st == nil {
		return false
	}
	if len(st.Constraints) > 0 {
		return true
	}
	for _, cd := range st.Columns {
		for _, cc := range cd.Constraints {
			switch cc.Kind {
			case parser.ConstrCheck, parser.ConstrUnique, parser.ConstrForeignKey:
				return true
			}
		}
	}
	return false
}

// checkMaintainedTables checks every maintained table that declares
// constraints. A table whose body no longer plans (stale) is skipped: the
// staleness is reported when it is read.
func checkMaintainedTables(e *env) error {
	cat := e.conn.catalog()
	if !cat.HasViews() {
		return nil
	}
	for _, v := range cat.Views() {
		if v.Declared == nil || !hasDeclaredConstraints(v.Declared) && !mayCoarsenKey(e, v) {
			continue
		}
		if err := checkMaintained(e, v); err != nil {
			return err
		}
	}
	return nil
}

// checkMaintained checks the derived rows of maintained table v against
// its declared constraints.
func checkMaintained(e *env, v *schema.View) error {
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schemaOfView(v)}
	plan, err := sub.query(&scope{noRow: true}, v.Select)
	if err != nil {
		return nil
	}
	decl := *v.Declared
	decl.Maintained = nil
	t, err := e.conn.db.buildTable(&decl)
	if err != nil {
		return err
	}
	t.Schema = v.Schema
	rc, err := compileChecks(sub, t)
	if err != nil {
		return nil // a constraint no longer plans (a referenced object changed): nothing to enforce
	}
	rows, err := drainNode(e, plan.root)
	if err != nil {
		return err
	}
	w := &writer{e: e, c: sub, t: t, checks: rc}
	qualified := fmt.Sprintf("'%s.%s'", v.Schema, v.Name)
	seen := map[*schema.Index]map[string]bool{}
	keys := map[string]bool{}
	for _, r := range rows {
		row := append(value.Row(nil), r...)
		if len(row) != len(t.Columns) {
			return fmt.Errorf("maintained table %s: body produces %d columns but the table declares %d", v.Name, len(row), len(t.Columns))
		}
		if len(t.PK) > 0 {
			vals := make([]value.Value, len(t.PK))
			for i, kp := range t.PK {
				vals[i] = row[kp.Col]
			}
			key := string(appendKey(nil, vals, partsOf(t.PK)))
			if keys[key] {
				return &constraintError{msg: fmt.Sprintf("maintained table %s: the body derives duplicate rows for primary key (%s)",
					qualified, strings.Join(pkNames(t), ", "))}
			}
			keys[key] = true
		}
		if err := w.checkNotNull(row); err != nil {
			return fmt.Errorf("row derived into maintained table %s violates %w", qualified, err)
		}
		if err := derivedChecks(e, t, rc, row, qualified); err != nil {
			return err
		}
		if err := derivedFKs(w, row, qualified); err != nil {
			return err
		}
		for _, ix := range t.Indexes {
			if !ix.Unique {
				continue
			}
			if in, err := w.inIndex(ix, row); err != nil || !in {
				if err != nil {
					return err
				}
				continue
			}
			vals, err := w.indexValues(ix, row)
			if err != nil {
				return err
			}
			if anyNull(vals) {
				continue
			}
			key := string(appendKey(nil, vals, partsOf(ix.Parts)))
			if seen[ix] == nil {
				seen[ix] = map[string]bool{}
			}
			if seen[ix][key] {
				return &constraintError{msg: fmt.Sprintf("row derived into maintained table %s collides on its declared UNIQUE constraint (%s)",
					qualified, uniqueMsg(t, ix))}
			}
			seen[ix][key] = true
		}
	}
	return nil
}

// derivedChecks evaluates the declared CHECK constraints (the
// declared foreign keys are checked by derivedFKs) over one derived row.
func derivedChecks(e *env, t *schema.Table, rc *rowChecks, row value.Row, qualified string) error {
	cr := constraintRow(row, row, nil, len(t.Columns))
	for i, ck := range rc.checks {
		// Derived images are both inserts and updates of the table: the
		// operation mask collapses.
		if !ck.AppliesTo(parser.OpInsert) && !ck.AppliesTo(parser.OpUpdate) {
			continue
		}
		v, err := rc.exprs[i].fn(e, cr)
		if err != nil {
			return err
		}
		if ok, known := truth(v); !known || ok {
			continue
		}
		return &constraintError{msg: fmt.Sprintf("row derived into maintained table %s violates CHECK constraint failed: %s (%s)",
			qualified, ck.Name, parser.ExprString(ck.Expr))}
	}
	return nil
}

// derivedFKs checks that every foreign key of a derived row has its
// parent row.
func derivedFKs(w *writer, row value.Row, qualified string) error {
	if !w.fkOn() {
		return nil
	}
	for _, fk := range w.t.FKs {
		if err := w.fkCheckOne(fk, row); err != nil {
			if _, ok := err.(*constraintError); !ok {
				return err
			}
			return &constraintError{msg: fmt.Sprintf("row derived into maintained table %s references a missing '%s.%s' (%s)",
				qualified, fkParentSchema(w.t, fk), fk.RefTable, fk.Name)}
		}
	}
	return nil
}

// anyNull reports whether any value is NULL.
func anyNull(vals []value.Value) bool {
	for _, v := range vals {
		if v.IsNull() {
			return true
		}
	}
	return false
}

// pkNames lists the primary-key column names of t.
func pkNames(t *schema.Table) []string {
	out := make([]string, len(t.PK))
	for i, kp := range t.PK {
		out[i] = t.Columns[kp.Col].Name
	}
	return out
}

// mayCoarsenKey reports whether a maintained table's body can derive two
// rows with one primary key: anything but a plain projection of its
// source's columns (which carries the source key through unchanged).
func mayCoarsenKey(e *env, v *schema.View) bool {
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schemaOfView(v)}
	return sub.simpleProjection(v.Select, nil) == nil
}

// rejectRowImages refuses declared CHECK constraints that reference the
// NEW or OLD row image: a derived row has no such images.
func rejectRowImages(st *parser.CreateTable) error {
	var exprs []parser.Expr
	for _, cd := range st.Columns {
		for _, cc := range cd.Constraints {
			if cc.Kind == parser.ConstrCheck && writesChecked(cc.CheckOn) {
				exprs = append(exprs, cc.Expr)
			}
		}
	}
	for _, tc := range st.Constraints {
		if tc.Kind == parser.ConstrCheck && writesChecked(tc.CheckOn) {
			exprs = append(exprs, tc.Expr)
		}
	}
	for _, x := range exprs {
		bad := false
		walkExpr(x, func(y parser.Expr) bool {
			if cr, ok := y.(*parser.ColumnRef); ok && cr.Schema == "" &&
				(strings.EqualFold(cr.Table, "new") || strings.EqualFold(cr.Table, "old")) {
				bad = true
			}
			return !bad
		})
		if bad {
			return fmt.Errorf("maintained table %s: CHECK (%s) references OLD/NEW row images, which derived rows do not have",
				st.Name.Name, parser.ExprString(x))
		}
	}
	return nil
}

// writesChecked reports whether a CHECK with operation mask on runs for
// inserts or updates (the operations a derived row stands for).
func writesChecked(on []parser.Operation) bool {
	if len(on) == 0 {
		return true
	}
	for _, op := range on {
		if op != parser.OpDelete {
			return true
		}
	}
	return false
}

// checkMaintainedRefs refuses to drop a table that a maintained table's
// declared CHECK constraint reads.
func checkMaintainedRefs(e *env, table string) error {
	for _, v := range e.conn.catalog().Views() {
		if v.Declared == nil || strings.EqualFold(v.Name, table) {
			continue
		}
		decl := *v.Declared
		decl.Maintained = nil
		t, err := e.conn.db.buildTable(&decl)
		if err != nil {
			continue
		}
		for _, ck := range t.Checks {
			if mentionsTable(ck.Expr, table) {
				return fmt.Errorf("cannot drop table 'main.%s': it is referenced by CHECK constraint '%s' on table '%s'", table, ck.Name, v.Name)
			}
		}
	}
	return nil
}
