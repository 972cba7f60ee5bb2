package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// source is a planned FROM item: an operator and the layout of its rows.
type source struct {
	node  node
	slots []slot
	// scan is set when the source is a single base-table scan (for ORDER BY
	// satisfaction by the access path).
	scan *scanNode
	// implied are conjuncts (of the WHERE or an inner join's ON) that
	// every row of the source satisfies because its access paths apply
	// them exactly (accessPath.impliedConjuncts); they need no re-check.
	implied []parser.Expr
}

// from plans a FROM clause. conj are WHERE conjuncts usable for access
// paths; left is the already planned left side when te is the right side
// of a join (its columns are visible to key expressions through the outer
// stack).
func (c *compiler) from(sc *scope, te parser.TableExpr, conj []parser.Expr, left *source) (*source, error) {
	switch te := te.(type) {
	case *parser.TableRef:
		return c.tableRef(sc, te, conj, left)
	case *parser.ParenTable:
		return c.from(sc, te.Inner, conj, left)
	case *parser.SubqueryTable:
		if te.DML != nil {
			d, err := c.dmlRelation(cteOnlyScope(sc), te.DML)
			if err != nil {
				return nil, err
			}
			return derivedSource(d.node, d.cols, te.Alias, te.Columns)
		}
		if te.Lateral {
			// A LATERAL subquery sees the left side's columns through the
			// outer-row stack the join pushes, and runs per left row.
			parent := sc
			if left != nil {
				parent = &scope{slots: left.slots, parent: sc}
			}
			plan, err := c.query(&scope{parent: parent, noRow: true, ctes: cteOnlyScope(sc).ctes}, te.Select)
			if err != nil {
				return nil, err
			}
			return derivedSource(plan.root, plan.cols, te.Alias, te.Columns)
		}
		plan, err := c.query(cteOnlyScope(sc), te.Select)
		if err != nil {
			return nil, err
		}
		return derivedSource(&materialNode{in: plan.root}, plan.cols, te.Alias, te.Columns)
	case *parser.FuncTable:
		return c.tableFunc(sc, te, left)
	case *parser.Join:
		return c.join(sc, te, conj, left)
	}
	return nil, fmt.Errorf("unsupported FROM item %T", te)
}

// cteOnlyScope keeps the CTEs visible from sc but no row.
func cteOnlyScope(sc *scope) *scope {
	out := &scope{noRow: true, ctes: map[string]*cteDef{}}
	var chain []*scope
	for s := sc; s != nil; s = s.parent {
		chain = append(chain, s)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for k, v := range chain[i].ctes {
			out.ctes[k] = v
		}
	}
	return out
}

func derivedSource(n node, cols []outCol, alias string, names []string) (*source, error) {
	if len(names) > 0 && len(names) != len(cols) {
		return nil, fmt.Errorf("table %s has %d values for %d columns", alias, len(cols), len(names))
	}
	src := &source{node: n}
	for i, oc := range cols {
		name := oc.name
		if len(names) > 0 {
			name = names[i]
		}
		src.slots = append(src.slots, slot{table: alias, name: name, typ: oc.typ, coll: oc.coll, notNull: oc.notNull})
	}
	return src, nil
}

func (c *compiler) tableRef(sc *scope, te *parser.TableRef, conj []parser.Expr, left *source) (*source, error) {
	if te.Schema == "" {
		if d := sc.cte(te.Name); d != nil {
			alias := te.Alias
			if alias == "" {
				alias = te.Name
			}
			return derivedSource(d.node, d.cols, alias, nil)
		}
	}
	alias := te.Alias
	if alias == "" {
		alias = te.Name
	}
	t, v, err := c.resolveRelation(te.Schema, te.Name)
	if err != nil {
		return nil, err
	}
	if v != nil {
		if c.depth > maxPlanDepth {
			return nil, fmt.Errorf("view nesting too deep: %s", v.Name)
		}
		home, seesMain := c.homeSchema, c.homeSeesMain
		c.homeSchema, c.homeSeesMain = schemaOfView(v), true
		plan, err := c.query(&scope{noRow: true}, v.Select)
		c.homeSchema, c.homeSeesMain = home, seesMain
		if err != nil && v.Materialized() {
			return nil, fmt.Errorf("materialized view %s is stale (its body no longer plans; refresh or recreate it): %w", v.Name, err)
		}
		if err != nil {
			return nil, fmt.Errorf("view %s: %w", v.Name, err)
		}
		return derivedSource(&materialNode{in: plan.root}, plan.cols, alias, v.Columns)
	}
	src := &source{}
	need := make([]bool, len(t.Columns))
	for i, col := range t.Columns {
		src.slots = append(src.slots, slot{table: alias, name: col.Name, typ: col.Type, coll: col.Collation, schemaName: schemaOf(t), notNull: col.NotNull, use: &need[i]})
	}
	var avail *scope
	if left != nil {
		avail = &scope{slots: left.slots, parent: sc}
	} else {
		avail = sc
	}
	keyScope := &scope{parent: avail}
	tsc := &scope{slots: src.slots}
	label := t.Name
	if te.Alias != "" && !strings.EqualFold(te.Alias, t.Name) {
		label += " AS " + te.Alias
	}
	preds := c.keyPreds(tsc, keyScope, conj)
	path := c.choosePath(t, label, preds)
	scan := newScanNode(c.conn.db, t, path, need)
	src.node, src.scan = scan, scan
	src.implied = path.impliedConjuncts(preds)
	return src, nil
}

func (c *compiler) join(sc *scope, j *parser.Join, conj []parser.Expr, outerLeft *source) (*source, error) {
	leftConj := conj
	if j.Kind == parser.JoinRight || j.Kind == parser.JoinFull {
		leftConj = nil
	}
	l, err := c.from(sc, j.Left, leftConj, outerLeft)
	if err != nil {
		return nil, err
	}
	var rightConj []parser.Expr
	rightLeft := l
	switch j.Kind {
	case parser.JoinInner, parser.JoinCross, parser.JoinComma:
		rightConj = append(splitAnd(j.On, nil), conj...)
	case parser.JoinLeft:
		rightConj = splitAnd(j.On, nil)
	default:
		rightLeft = nil
	}
	r, err := c.from(sc, j.Right, rightConj, rightLeft)
	if err != nil {
		return nil, err
	}
	out := &source{slots: append(append([]slot{}, l.slots...), r.slots...)}
	markNullExtended(out.slots, len(l.slots), j.Kind)
	// Rows of the left side, and right rows matched to them, satisfy the
	// conjuncts their paths imply; every joined row does for an inner join
	// (a LEFT join's NULL-padded rows do only for the left side's).
	on := splitAnd(j.On, nil)
	switch j.Kind {
	case parser.JoinInner, parser.JoinCross, parser.JoinComma:
		out.implied = append(append(out.implied, l.implied...), r.implied...)
		on = withoutConjuncts(on, r.implied)
	case parser.JoinLeft:
		out.implied = append(out.implied, l.implied...)
		on = withoutConjuncts(on, r.implied)
	}
	jn := &joinNode{left: l.node, right: r.node, kind: j.Kind, nLeft: len(l.slots), nRight: len(r.slots)}
	if j.Kind != parser.JoinRight && j.Kind != parser.JoinFull {
		allowRowReuse(l.node)
		allowRowReuse(r.node)
	}
	combined := &scope{slots: out.slots, parent: sc}
	if j.On != nil {
		// The full ON is compiled for its errors; the conjuncts the right
		// side's path applies are then left out of the per-row check.
		if jn.on, err = c.expr(combined, j.On); err != nil {
			return nil, err
		}
		if len(on) < len(splitAnd(j.On, nil)) {
			if jn.on, err = c.conjunction(combined, on); err != nil {
				return nil, err
			}
		}
	}
	using := j.Using
	if j.Natural {
		using = commonColumns(l.slots, r.slots)
	}
	for _, name := range using {
		li, err := usingSlot(l.slots, name, "left")
		if err != nil {
			return nil, err
		}
		ri, err := usingSlot(r.slots, name, "right")
		if err != nil {
			return nil, err
		}
		lref, rref := len(l.slots)+ri, li
		eq, err := c.comparison(parser.OpEq, slotCexpr(rref, out.slots[rref]), slotCexpr(lref, out.slots[lref]))
		if err != nil {
			return nil, err
		}
		if jn.on == nil {
			jn.on = eq
		} else {
			jn.on = logical(parser.OpAnd, jn.on, eq)
		}
	}
	// Quereus existence flags: `EXISTS LEFT|RIGHT AS name` columns tell
	// whether that side of the joined row matched.
	for _, f := range j.Existence {
		out.slots = append(out.slots, slot{name: f.Name, typ: "BOOLEAN"})
		jn.flags = append(jn.flags, strings.EqualFold(f.Side, "right"))
	}
	out.node = jn
	return out, nil
}

// withoutConjuncts returns conj minus the conjuncts in drop. It drops
// nothing when a remaining conjunct holds a subquery: the remaining ones are
// compiled a second time (after the whole condition, for its errors), and a
// subquery's planning is kept to one pass.
func withoutConjuncts(conj, drop []parser.Expr) []parser.Expr {
	if len(drop) == 0 {
		return conj
	}
	for _, x := range conj {
		if !slices.Contains(drop, x) && hasSubquery(x) {
			return conj
		}
	}
	var out []parser.Expr
	for _, x := range conj {
		if !slices.Contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

// conjunction compiles the AND of conj (nil when conj is empty: no check).
func (c *compiler) conjunction(sc *scope, conj []parser.Expr) (*cexpr, error) {
	var out *cexpr
	for _, x := range conj {
		ce, err := c.expr(sc, x)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = ce
		} else {
			out = logical(parser.OpAnd, out, ce)
		}
	}
	return out, nil
}

// usingSlot finds a USING column on one side of a join. As in Quereus, a
// side that carries the name more than once (the left side of a second
// USING join holds both earlier tables' columns) pairs by its first one.
func usingSlot(slots []slot, name, side string) (int, error) {
	for i, s := range slots {
		if strings.EqualFold(s.name, name) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("USING column not found on %s side of join: %s", side, name)
}

func slotCexpr(i int, s slot) *cexpr {
	s.markUsed()
	ce := &cexpr{fn: func(_ *env, row value.Row) (value.Value, error) { return row[i], nil }, col: i,
		class: classOf(s.typ), typ: s.typ, coll: s.coll, rank: rankOf(s.coll), notNull: s.notNull}
	if s.typ == "" {
		ce.class = classAny
	}
	return ce
}

// errNoTable is the unknown-table error (it carries both the SQLite and
// the Quereus wording).
func errNoTable(name string) error {
	return fmt.Errorf("no such table: %s (Table '%s' not found in schema path: main)", name, name)
}

// markNullExtended clears notNull on the slots of the side(s) an outer join
// pads with NULLs (the first nLeft slots are the left side's).
func markNullExtended(slots []slot, nLeft int, kind parser.JoinKind) {
	padLeft := kind == parser.JoinRight || kind == parser.JoinFull
	padRight := kind == parser.JoinLeft || kind == parser.JoinFull
	for i := range slots {
		if i < nLeft && padLeft || i >= nLeft && padRight {
			slots[i].notNull = false
		}
	}
}

// commonColumns lists the visible column names both sides share, in the
// left side's order: the implicit USING list of a NATURAL join.
func commonColumns(left, right []slot) []string {
	var out []string
	seen := map[string]bool{}
	for _, ls := range left {
		k := strings.ToLower(ls.name)
		if ls.hidden || seen[k] {
			continue
		}
		for _, rs := range right {
			if !rs.hidden && strings.EqualFold(rs.name, ls.name) {
				out = append(out, ls.name)
				seen[k] = true
				break
			}
		}
	}
	return out
}
