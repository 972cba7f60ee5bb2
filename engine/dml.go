package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// dmlTarget resolves the table a DML statement writes.
func (c *compiler) dmlTarget(name parser.ObjectName) (*schema.Table, error) {
	if strings.EqualFold(name.Schema, "committed") && c.cat.SchemaName(name.Schema) == "" {
		// committed.t reads the pre-transaction snapshot and is read-only.
		return nil, fmt.Errorf("Cannot modify committed-state table 'committed.%s'", name.Name)
	}
	t, v, err := c.resolveRelation(name.Schema, name.Name)
	if err != nil {
		return nil, err
	}
	if v != nil {
		if t := c.mvWriteTarget(v); t != nil {
			return t, nil
		}
		return nil, fmt.Errorf("cannot write through view %s", name.Name)
	}
	return t, nil
}

// tableScope is the scope of a table's own row under a qualifier.
func tableScope(t *schema.Table, alias string) *scope {
	if alias == "" {
		alias = t.Name
	}
	sc := &scope{}
	for _, col := range t.Columns {
		sc.slots = append(sc.slots, slot{table: alias, name: col.Name, typ: col.Type, coll: col.Collation, schemaName: schemaOf(t)})
	}
	return sc
}

// returningScope is the scope of a RETURNING list: the written row under
// the table's qualifier, and NEW.x / OLD.x for the new and old rows
// (evaluated over constraintRow(row, new, old)).
func returningScope(t *schema.Table, alias string, parent *scope) *scope {
	sc := checkScope(t)
	if alias != "" {
		for i := range t.Columns {
			sc.slots[i].table = alias
		}
	}
	sc.parent = parent
	return sc
}

// returning compiles a RETURNING list over scope sc.
func (c *compiler) returning(sc *scope, list []*parser.ResultColumn) ([]*cexpr, []outCol, error) {
	var exprs []*cexpr
	var cols []outCol
	for _, rc := range list {
		if rc.Star {
			for i, s := range sc.slots {
				if s.hidden || rc.Table != "" && !strings.EqualFold(rc.Table, s.table) {
					continue
				}
				exprs = append(exprs, slotCexpr(i, s))
				cols = append(cols, outCol{name: s.name, typ: s.typ, coll: s.coll})
			}
			continue
		}
		if containsAggregate(rc.Expr) {
			return nil, nil, fmt.Errorf("aggregate functions are not allowed in RETURNING")
		}
		ce, err := c.expr(sc, rc.Expr)
		if err != nil {
			return nil, nil, err
		}
		exprs = append(exprs, ce)
		cols = append(cols, outCol{name: returningName(rc), typ: ce.typ, coll: ce.coll})
	}
	dedupeNames(cols)
	return exprs, cols, nil
}

// returningName names a RETURNING column: as a select-list column, except
// that an unaliased NEW.x / OLD.x keeps its qualifier as written (so the
// two images of a column stay apart).
func returningName(rc *parser.ResultColumn) string {
	if ref, ok := rc.Expr.(*parser.ColumnRef); ok && rc.Alias == "" &&
		(strings.EqualFold(ref.Table, "new") || strings.EqualFold(ref.Table, "old")) {
		return ref.Table + "." + ref.Column
	}
	return resultName(rc)
}

func evalRow(e *env, exprs []*cexpr, row value.Row) (value.Row, error) {
	out := make(value.Row, len(exprs))
	for i, ce := range exprs {
		v, err := ce.fn(e, row)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// convertRow converts every value of a row to its column's type.
func convertRow(t *schema.Table, row value.Row) error {
	for i, col := range t.Columns {
		v, err := convertForColumn(row[i], col.Type, col.Name)
		if err != nil {
			return err
		}
		row[i] = v
	}
	return nil
}

// columnTypes resolves the declared type of every column once, for
// convertRowTyped (a declared type name always resolves the same way).
func columnTypes(t *schema.Table) []types.Type {
	out := make([]types.Type, len(t.Columns))
	for i, col := range t.Columns {
		out[i] = declaredType(col.Type)
	}
	return out
}

// convertRowTyped is convertRow with the column types resolved
// (columnTypes(t)).
func convertRowTyped(t *schema.Table, typs []types.Type, row value.Row) error {
	for i, col := range t.Columns {
		if keepsValue(row[i], typs[i]) {
			continue
		}
		v, err := convertForType(row[i], typs[i], col.Name)
		if err != nil {
			return err
		}
		row[i] = v
	}
	return nil
}

// keepsValue reports whether converting v for a column of type t returns
// v itself (convertForType's result for these cases), so the common
// already-typed value skips the conversion: NULL, an INTEGER into INTEGER,
// a REAL into REAL, a TEXT into TEXT, anything into ANY.
func keepsValue(v value.Value, t types.Type) bool {
	switch v.Kind() {
	case value.KindNull:
		return true
	case value.KindInteger:
		return t == types.Integer || t == types.Any
	case value.KindReal:
		return t == types.Real || t == types.Any
	case value.KindText:
		return t == types.Text || t == types.Any
	}
	return t == types.Any
}

// generated computes generated columns of a row in place.
type generatedCols struct {
	cols  []int
	exprs []*cexpr
	// wide: some expression spells a column new.<column>, so the
	// expressions are compiled over checkScope and evaluated over the
	// constraint row layout.
	wide bool
}

func (c *compiler) generatedColumns(t *schema.Table) (*generatedCols, error) {
	g := &generatedCols{}
	sc := tableScope(t, "")
	for _, col := range t.Columns {
		if col.Generated != nil && readsNewRow(col.Generated) {
			g.wide = true
			sc = checkScope(t)
		}
	}
	for i, col := range t.Columns {
		if col.Generated == nil {
			continue
		}
		ce, err := c.exprIn(t, sc, col.Generated)
		if err != nil {
			return nil, err
		}
		g.cols = append(g.cols, i)
		g.exprs = append(g.exprs, ce)
	}
	return g, nil
}

func (g *generatedCols) apply(e *env, t *schema.Table, row value.Row) error {
	// Generated columns may depend on each other in any declaration order:
	// len(cols) passes reach the fixpoint of any acyclic chain.
	for pass := 0; pass < len(g.cols); pass++ {
		if err := g.applyOnce(e, t, row); err != nil {
			return err
		}
	}
	return nil
}

func (g *generatedCols) applyOnce(e *env, t *schema.Table, row value.Row) error {
	for i, c := range g.cols {
		src := row
		if g.wide {
			src = constraintRow(row, row, nil, len(row))
		}
		v, err := g.exprs[i].fn(e, src)
		if err != nil {
			return err
		}
		if row[c], err = convertForColumn(v, t.Columns[c].Type, t.Columns[c].Name); err != nil {
			return err
		}
	}
	return nil
}

// scanTarget plans the rows a WHERE selects from a DML target table.
func (c *compiler) scanTarget(t *schema.Table, sc *scope, where parser.Expr) (node, error) {
	label := t.Name
	path := c.choosePath(t, label, c.keyPreds(&scope{slots: sc.slots}, &scope{}, splitAnd(where, nil)))
	var n node = newScanNode(c.conn.db, t, path, nil)
	if where != nil {
		if containsAggregate(where) {
			return nil, fmt.Errorf("misuse of aggregate function in WHERE")
		}
		pred, err := c.expr(sc, where)
		if err != nil {
			return nil, err
		}
		n = &filterNode{in: n, pred: pred}
	}
	return n, nil
}

func conflictOf(action parser.ConflictAction) parser.ConflictAction { return action }

func (c *compiler) update(st *parser.Update) (*program, error) {
	if len(st.Context) > 0 {
		return nil, fmt.Errorf("WITH CONTEXT is not supported")
	}
	t, err := c.dmlTarget(st.Table)
	if err != nil {
		return nil, err
	}
	sc := tableScope(t, st.Alias)
	if sc.parent, err = c.dmlWith(st.With); err != nil {
		return nil, err
	}
	var src node
	evalScope := sc
	if st.From != nil {
		// UPDATE ... FROM: the target joined with the FROM sources; SET and
		// WHERE see both, and each target row is updated once (first match).
		if src, evalScope, err = c.updateFrom(t, sc, st); err != nil {
			return nil, err
		}
	} else if src, err = c.scanTarget(t, sc, st.Where); err != nil {
		return nil, err
	}
	type assign struct {
		col int
		val *cexpr
	}
	var sets []assign
	seen := map[int]bool{}
	for _, s := range st.Set {
		if len(s.Columns) != 1 {
			return nil, fmt.Errorf("multi-column SET is not supported")
		}
		i := t.ColumnIndex(s.Columns[0])
		if i < 0 {
			return nil, fmt.Errorf("no such column: %s", s.Columns[0])
		}
		if seen[i] {
			return nil, fmt.Errorf("duplicate assignment to column %s", s.Columns[0])
		}
		seen[i] = true
		if t.Columns[i].Generated != nil {
			return nil, fmt.Errorf("Cannot UPDATE generated column '%s'", t.Columns[i].Name)
		}
		ce, err := c.expr(evalScope, s.Value)
		if err != nil {
			return nil, err
		}
		sets = append(sets, assign{i, ce})
	}
	checks, err := compileChecks(c, t)
	if err != nil {
		return nil, err
	}
	gen, err := c.generatedColumns(t)
	if err != nil {
		return nil, err
	}
	action := conflictOf(st.OrConflict)
	defaults, err := c.notNullDefaults(t, action)
	if err != nil {
		return nil, err
	}
	ret, cols, err := c.returning(returningScope(t, st.Alias, sc.parent), st.Returning)
	if err != nil {
		return nil, err
	}
	prog := &program{writes: true, cols: cols, rows: len(st.Returning) > 0, onError: action, explainer: src}
	prog.exec = func(e *env) (int64, []value.Row, error) {
		targets, w, err := c.targetRows(e, src, t, parser.OpUpdate, checks)
		if err != nil {
			return 0, nil, err
		}
		var n int64
		var out []value.Row
		done := map[string]bool{}
		for _, joined := range targets {
			old := joined[:len(t.Columns)]
			if st.From != nil {
				k := string(dataKey(t, old))
				if done[k] {
					continue
				}
				done[k] = true
			}
			nr := append(value.Row(nil), old...)
			for _, a := range sets {
				if nr[a.col], err = a.val.fn(e, joined); err != nil {
					return n, nil, err
				}
			}
			// A NULL set into a NOT NULL column whose conflict action is
			// REPLACE takes the column default, as on INSERT.
			if err := fillNotNullDefaults(e, t, nr, defaults, action); err != nil {
				return n, nil, err
			}
			if err := convertRow(t, nr); err != nil {
				return n, nil, err
			}
			if err := gen.apply(e, t, nr); err != nil {
				return n, nil, err
			}
			ok, err := w.update(dataKey(t, old), old, nr, action)
			if err != nil {
				return n, nil, err
			}
			if !ok {
				continue
			}
			n++
			if len(ret) > 0 {
				r, err := evalRow(e, ret, constraintRow(nr, nr, old, len(nr)))
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

func (c *compiler) delete(st *parser.Delete) (*program, error) {
	if len(st.Context) > 0 {
		return nil, fmt.Errorf("WITH CONTEXT is not supported")
	}
	t, err := c.dmlTarget(st.Table)
	if err != nil {
		return nil, err
	}
	sc := tableScope(t, st.Alias)
	if sc.parent, err = c.dmlWith(st.With); err != nil {
		return nil, err
	}
	src, err := c.scanTarget(t, sc, st.Where)
	if err != nil {
		return nil, err
	}
	checks, err := compileChecks(c, t)
	if err != nil {
		return nil, err
	}
	ret, cols, err := c.returning(returningScope(t, st.Alias, sc.parent), st.Returning)
	if err != nil {
		return nil, err
	}
	prog := &program{writes: true, cols: cols, rows: len(st.Returning) > 0, explainer: src}
	prog.exec = func(e *env) (int64, []value.Row, error) {
		targets, w, err := c.targetRows(e, src, t, parser.OpDelete, checks)
		if err != nil {
			return 0, nil, err
		}
		var out []value.Row
		for _, row := range targets {
			if err := w.del(dataKey(t, row), row); err != nil {
				return 0, nil, err
			}
			if len(ret) > 0 {
				r, err := evalRow(e, ret, constraintRow(row, nil, row, len(row)))
				if err != nil {
					return 0, nil, err
				}
				out = append(out, r)
			}
		}
		return int64(len(targets)), out, nil
	}
	return prog, nil
}

// dmlWith plans a DML statement's leading WITH clause (nil when absent),
// inside the CTE scope of an enclosing statement when the DML is itself a
// CTE or FROM item.
func (c *compiler) dmlWith(w *parser.With) (*scope, error) {
	if w == nil {
		return c.dmlParent, nil
	}
	return c.with(c.dmlParent, w)
}

// dmlRelation plans an INSERT/UPDATE/DELETE ... RETURNING used as a
// relation (a WITH member or a FROM item): it runs once per execution of
// the enclosing statement and yields its RETURNING rows.
func (c *compiler) dmlRelation(sc *scope, st parser.Stmt) (*cteDef, error) {
	saved := c.dmlParent
	c.dmlParent = sc
	defer func() { c.dmlParent = saved }()
	var prog *program
	var err error
	switch st := st.(type) {
	case *parser.Insert:
		if len(st.Returning) == 0 {
			return nil, fmt.Errorf("a data-modifying statement used as a relation must have a RETURNING clause")
		}
		prog, err = c.insert(st)
	case *parser.Update:
		if len(st.Returning) == 0 {
			return nil, fmt.Errorf("a data-modifying statement used as a relation must have a RETURNING clause")
		}
		prog, err = c.update(st)
	case *parser.Delete:
		if len(st.Returning) == 0 {
			return nil, fmt.Errorf("a data-modifying statement used as a relation must have a RETURNING clause")
		}
		prog, err = c.delete(st)
	default:
		return nil, fmt.Errorf("unsupported statement in WITH: %T", st)
	}
	if err != nil {
		return nil, err
	}
	c.writes = true
	return &cteDef{node: &materialNode{in: &dmlNode{prog: prog}}, cols: prog.cols}, nil
}

// dmlNode runs a DML program and yields its RETURNING rows.
type dmlNode struct{ prog *program }

func (n *dmlNode) explain(out *[]string, depth int) {
	if n.prog.explainer != nil {
		n.prog.explainer.explain(out, depth)
	}
}

func (n *dmlNode) open(e *env) (rowIter, error) {
	_, rows, err := n.prog.exec(e)
	if err != nil {
		return nil, err
	}
	return &sliceIter{rows: rows}, nil
}

// readsNewRow reports whether x references a column as new.<column>.
func readsNewRow(x parser.Expr) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if ref, ok := n.(*parser.ColumnRef); ok && strings.EqualFold(ref.Table, "new") {
			found = true
		}
		return !found
	})
	return found
}

// updateFrom plans the rows of UPDATE ... FROM: the target table (seeking
// by WHERE conjuncts on its own columns) joined with the FROM sources,
// filtered by WHERE. Rows are [target columns..., FROM columns...].
func (c *compiler) updateFrom(t *schema.Table, sc *scope, st *parser.Update) (node, *scope, error) {
	conj := splitAnd(st.Where, nil)
	label := t.Name
	path := c.choosePath(t, label, c.keyPreds(&scope{slots: sc.slots}, &scope{parent: sc.parent}, conj))
	target := &source{node: newScanNode(c.conn.db, t, path, nil), slots: sc.slots}
	from, err := c.from(sc.parent, st.From, conj, target)
	if err != nil {
		return nil, nil, err
	}
	combined := &scope{slots: append(append([]slot{}, sc.slots...), from.slots...), parent: sc.parent}
	var n node = &joinNode{left: target.node, right: from.node, kind: parser.JoinInner, nLeft: len(sc.slots), nRight: len(from.slots)}
	if st.Where != nil {
		if containsAggregate(st.Where) {
			return nil, nil, fmt.Errorf("misuse of aggregate function in WHERE")
		}
		pred, err := c.expr(combined, st.Where)
		if err != nil {
			return nil, nil, err
		}
		n = &filterNode{in: n, pred: pred}
	}
	return n, combined, nil
}

// targetRows collects every row an UPDATE or DELETE will change before any
// is written (so the statement never sees its own writes) and returns the
// writer that applies the changes.
func (c *compiler) targetRows(e *env, src node, t *schema.Table, op parser.Operation, checks *rowChecks) ([]value.Row, *writer, error) {
	targets, err := drainNode(e, src)
	if err != nil {
		return nil, nil, err
	}
	w, err := newWriter(e, c, t, op)
	if err != nil {
		return nil, nil, err
	}
	w.checks = checks
	return targets, w, nil
}
