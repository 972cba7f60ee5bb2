package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// upsertClause is a compiled ON CONFLICT clause. SET and WHERE evaluate
// over [existing row..., proposed row (excluded.* / new.*)...].
type upsertClause struct {
	doNothing bool
	cols      []int
	sets      []*cexpr
	where     *cexpr
}

func upsertScope(t *schema.Table, alias string) *scope {
	sc := tableScope(t, alias)
	for _, q := range []string{"excluded", "new"} {
		for _, col := range t.Columns {
			sc.slots = append(sc.slots, slot{table: q, name: col.Name, typ: col.Type, coll: col.Collation, hidden: true})
		}
	}
	return sc
}

func (c *compiler) insert(st *parser.Insert) (*program, error) {
	if len(st.Context) > 0 {
		return nil, fmt.Errorf("WITH CONTEXT is not supported")
	}
	st = c.mvInsert(st)
	t, err := c.dmlTarget(st.Table)
	if err != nil {
		return nil, err
	}
	withScope, err := c.dmlWith(st.With)
	if err != nil {
		return nil, err
	}
	// Column mapping: target column for each source value.
	var targets []int
	if len(st.Columns) > 0 {
		seen := map[int]bool{}
		for _, name := range st.Columns {
			i := t.ColumnIndex(name)
			if i < 0 {
				return nil, fmt.Errorf("table %s has no column named %s (Column '%s' not found in table '%s')", t.Name, name, name, t.Name)
			}
			if seen[i] {
				return nil, fmt.Errorf("duplicate column %s in INSERT", name)
			}
			seen[i] = true
			targets = append(targets, i)
		}
	} else {
		for i, col := range t.Columns {
			if col.Generated == nil {
				targets = append(targets, i)
			}
		}
	}
	for _, i := range targets {
		if t.Columns[i].Generated != nil {
			return nil, fmt.Errorf("Cannot INSERT into generated column '%s'", t.Columns[i].Name)
		}
	}
	var src *queryPlan
	switch {
	case st.SourceDML != nil:
		// INSERT INTO t INSERT INTO u ... RETURNING: the inner statement's
		// RETURNING rows are the values.
		d, err := c.dmlRelation(cteOnlyScope(withScope), st.SourceDML)
		if err != nil {
			return nil, err
		}
		src = &queryPlan{root: d.node, cols: d.cols}
	case st.Source != nil:
		if src, err = c.query(withScope, st.Source); err != nil {
			return nil, err
		}
	case !st.DefaultValues:
		return nil, fmt.Errorf("INSERT has no source")
	}
	if src != nil {
		if len(src.cols) != len(targets) {
			return nil, fmt.Errorf("Column count mismatch: table %s has %d columns but %d values were supplied", t.Name, len(targets), len(src.cols))
		}
	}
	defaults := make([]*cexpr, len(t.Columns))
	supplied := make([]bool, len(t.Columns))
	for _, i := range targets {
		supplied[i] = !st.DefaultValues
	}
	for i, col := range t.Columns {
		if col.Default != nil && !supplied[i] {
			if name := unsuppliedNewRef(t, col.Default, supplied); name != "" {
				return nil, fmt.Errorf("DEFAULT for column '%s' reads new.%s, which isn't a column supplied by this INSERT", col.Name, name)
			}
		}
		if col.Default != nil {
			if defaults[i], err = c.exprIn(t, checkScope(t), col.Default); err != nil {
				return nil, err
			}
		}
	}
	checks, err := compileChecks(c, t)
	if err != nil {
		return nil, err
	}
	gen, err := c.generatedColumns(t)
	if err != nil {
		return nil, err
	}
	var upserts []*upsertClause
	usc := upsertScope(t, st.Alias)
	usc.parent = withScope
	if len(st.Upserts) > 0 && (st.Replace || st.OrConflict != parser.ConflictDefault) {
		return nil, fmt.Errorf("Cannot use both 'INSERT OR ...' and 'ON CONFLICT' in the same statement")
	}
	for _, u := range st.Upserts {
		uc := &upsertClause{doNothing: u.DoNothing}
		assigned := map[int]bool{}
		for _, tc := range u.Target {
			ref, ok := tc.X.(*parser.ColumnRef)
			if !ok {
				return nil, fmt.Errorf("ON CONFLICT target must name columns of %s", t.Name)
			}
			if t.ColumnIndex(ref.Column) < 0 {
				return nil, fmt.Errorf("ON CONFLICT target column '%s' not found in table '%s'", ref.Column, t.Name)
			}
			uc.cols = append(uc.cols, t.ColumnIndex(ref.Column))
		}
		for _, s := range u.Set {
			if len(s.Columns) != 1 {
				return nil, fmt.Errorf("multi-column SET is not supported")
			}
			i := t.ColumnIndex(s.Columns[0])
			if i < 0 {
				return nil, fmt.Errorf("no such column: %s", s.Columns[0])
			}
			if assigned[i] {
				return nil, fmt.Errorf("duplicate assignment to column %s in ON CONFLICT DO UPDATE", t.Columns[i].Name)
			}
			assigned[i] = true
			if t.Columns[i].Generated != nil {
				return nil, fmt.Errorf("Cannot UPDATE generated column '%s'", t.Columns[i].Name)
			}
			ce, err := c.expr(usc, s.Value)
			if err != nil {
				return nil, err
			}
			idx := i
			fn := ce.fn
			uc.sets = append(uc.sets, &cexpr{col: idx, fn: fn})
		}
		if u.Where != nil {
			if uc.where, err = c.expr(usc, u.Where); err != nil {
				return nil, err
			}
		}
		upserts = append(upserts, uc)
	}
	ret, cols, err := c.returning(returningScope(t, st.Alias, withScope), st.Returning)
	if err != nil {
		return nil, err
	}
	action := conflictOf(st.OrConflict)
	if st.Replace {
		action = parser.ConflictReplace
	}
	prog := &program{writes: true, cols: cols, rows: len(st.Returning) > 0, onError: action}
	wt := newWriteTarget(t)
	colTypes := columnTypes(t)
	// A single VALUES row is evaluated straight into the table-wide row
	// (no source cursor); its values are all given.
	var direct []*cexpr
	if src != nil {
		if rn, ok := src.root.(*rowsNode); ok && len(rn.rows) == 1 && len(rn.rows[0]) == len(targets) {
			direct = rn.rows[0]
		}
	}
	prog.exec = func(e *env) (int64, []value.Row, error) {
		var srcRows []value.Row
		var one [1]value.Row
		switch {
		case src == nil:
			srcRows = []value.Row{{}}
		case direct != nil:
			row := make(value.Row, len(t.Columns))
			for j, ce := range direct {
				v, err := ce.fn(e, nil)
				if err != nil {
					return 0, nil, err
				}
				row[targets[j]] = v
			}
			one[0] = row
			srcRows = one[:]
		default:
			if srcRows, err = drainNode(e, src.root); err != nil {
				return 0, nil, err
			}
		}
		w, err := newWriterAt(e, c, t, wt)
		if err != nil {
			return 0, nil, err
		}
		defer wt.release(w)
		w.checks = checks
		var n int64
		var out []value.Row
		for _, sr := range srcRows {
			var row value.Row
			var given []bool
			if direct != nil {
				row, given = sr, supplied
			} else {
				row = make(value.Row, len(t.Columns))
				given = make([]bool, len(t.Columns))
				for j, i := range targets {
					if j < len(sr) {
						row[i], given[i] = sr[j], true
					}
				}
			}
			// Defaults may read the supplied values as new.<column>.
			for i, d := range defaults {
				if !given[i] && d != nil {
					if row[i], err = d.fn(e, constraintRow(row, row, nil, len(row))); err != nil {
						return n, nil, err
					}
				}
			}
			if err := fillNotNullDefaults(e, t, row, defaults, action); err != nil {
				return n, nil, err
			}
			if err := convertRowTyped(t, colTypes, row); err != nil {
				return n, nil, err
			}
			if err := gen.apply(e, t, row); err != nil {
				return n, nil, err
			}
			final := row
			ok := false
			if len(upserts) > 0 {
				var handled bool
				// The DO UPDATE row goes through the same pipeline as an
				// UPDATE's: conversion, NOT NULL defaults, generated columns.
				complete := func(nr value.Row) error {
					if err := convertRow(t, nr); err != nil {
						return err
					}
					if err := fillNotNullDefaults(e, t, nr, defaults, action); err != nil {
						return err
					}
					return gen.apply(e, t, nr)
				}
				if final, handled, ok, err = w.upsert(row, upserts, complete); err != nil {
					return n, nil, err
				}
				if !handled {
					ok, err = w.insert(row, action)
				}
			} else {
				ok, err = w.insert(row, action)
			}
			if err != nil {
				return n, nil, err
			}
			if !ok {
				continue
			}
			n++
			if len(ret) > 0 {
				r, err := evalRow(e, ret, constraintRow(final, final, nil, len(final)))
				if err != nil {
					return n, nil, err
				}
				out = append(out, r)
			}
		}
		return n, out, nil
	}
	return prog, nil
}

// upsert resolves a conflicting insert through the ON CONFLICT clauses.
// handled is false when there is no conflict (insert normally); ok reports
// whether a row was written.
func (w *writer) upsert(row value.Row, clauses []*upsertClause, complete func(value.Row) error) (final value.Row, handled, ok bool, err error) {
	if err := w.checkNotNull(row); err != nil {
		return nil, false, false, err
	}
	key := w.dataKey(row)
	conflicts, err := w.findConflicts(row, key, nil)
	if err != nil || len(conflicts) == 0 {
		return row, false, false, err
	}
	cf := conflicts[0]
	var uc *upsertClause
	for _, cand := range clauses {
		if len(cand.cols) == 0 || w.conflictMatches(cf, cand.cols) {
			uc = cand
			break
		}
	}
	if uc == nil {
		return nil, true, false, &constraintError{msg: cf.msg}
	}
	if uc.doNothing {
		return nil, true, false, nil
	}
	existing, found, err := w.get(cf.key)
	if err != nil || !found {
		return nil, true, false, err
	}
	n := len(w.t.Columns)
	ctx := make(value.Row, 3*n)
	copy(ctx, existing)
	copy(ctx[n:], row)
	copy(ctx[2*n:], row)
	if uc.where != nil {
		v, err := uc.where.fn(w.e, ctx)
		if err != nil {
			return nil, true, false, err
		}
		if t, _ := truth(v); !t {
			return nil, true, false, nil
		}
	}
	nr := append(value.Row(nil), existing...)
	for _, s := range uc.sets {
		if nr[s.col], err = s.fn(w.e, ctx); err != nil {
			return nil, true, false, err
		}
	}
	if err := complete(nr); err != nil {
		return nil, true, false, err
	}
	// Constraints of the updated row resolve under their own ON CONFLICT
	// clauses (the statement has none: OR <action> excludes ON CONFLICT).
	ok, err = w.update(cf.key, existing, nr, parser.ConflictDefault)
	return nr, true, ok, err
}

// conflictMatches reports whether a conflict is on a constraint whose
// columns include all of cols.
func (w *writer) conflictMatches(cf conflict, cols []int) bool {
	want := map[int]bool{}
	for _, c := range cols {
		want[c] = true
	}
	// Quereus accepts a partial target: it names the constraint whose
	// columns include every target column.
	same := func(parts []schema.KeyPart) bool {
		in := map[int]bool{}
		for _, p := range parts {
			in[p.Col] = true
		}
		for c := range want {
			if !in[c] {
				return false
			}
		}
		return true
	}
	if cf.msg == fmt.Sprintf("UNIQUE constraint failed: %s PK.", w.t.Name) {
		return same(w.t.PK)
	}
	for _, ix := range w.t.Indexes {
		if ix.Unique && cf.msg == uniqueMsg(w.t, ix) && same(ix.Parts) {
			return true
		}
	}
	return false
}

// unsuppliedNewRef returns the first new.<column> a DEFAULT reads that the
// INSERT does not supply ("" when none).
func unsuppliedNewRef(t *schema.Table, x parser.Expr, supplied []bool) string {
	name := ""
	walkExpr(x, func(n parser.Expr) bool {
		if ref, ok := n.(*parser.ColumnRef); ok && strings.EqualFold(ref.Table, "new") {
			if i := t.ColumnIndex(ref.Column); i >= 0 && !supplied[i] && name == "" {
				name = ref.Column
			}
		}
		return name == ""
	})
	return name
}

// notNullDefaults compiles the DEFAULT of every NOT NULL column whose NULL
// the statement's conflict action resolves as REPLACE: what
// fillNotNullDefaults may substitute (nil elsewhere).
func (c *compiler) notNullDefaults(t *schema.Table, stmt parser.ConflictAction) ([]*cexpr, error) {
	defaults := make([]*cexpr, len(t.Columns))
	for i, col := range t.Columns {
		if !col.NotNull || col.Default == nil || resolve(stmt, col.NotNullConflict) != parser.ConflictReplace {
			continue
		}
		ce, err := c.exprIn(t, checkScope(t), col.Default)
		if err != nil {
			return nil, err
		}
		defaults[i] = ce
	}
	return defaults, nil
}

// fillNotNullDefaults resolves NOT NULL violations whose conflict action
// (the statement's, else the column's) is REPLACE with the column default.
func fillNotNullDefaults(e *env, t *schema.Table, row value.Row, defaults []*cexpr, stmt parser.ConflictAction) error {
	for i, col := range t.Columns {
		if !col.NotNull || !row[i].IsNull() || defaults[i] == nil || resolve(stmt, col.NotNullConflict) != parser.ConflictReplace {
			continue
		}
		v, err := defaults[i].fn(e, constraintRow(row, row, nil, len(row)))
		if err != nil {
			return err
		}
		row[i] = v
	}
	return nil
}
