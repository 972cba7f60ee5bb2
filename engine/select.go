package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// outCol describes one result column of a query.
type outCol struct {
	name    string
	typ     string
	coll    string
	notNull bool // the column never yields NULL (reported to the driver)
}

// queryPlan is a planned query.
type queryPlan struct {
	root node
	cols []outCol
}

// query plans a full SELECT (WITH, body, ORDER BY, LIMIT).
func (c *compiler) query(sc *scope, sel *parser.Select) (*queryPlan, error) {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxPlanDepth {
		return nil, fmt.Errorf("query nesting too deep")
	}
	if sel.With != nil {
		var err error
		if sc, err = c.with(sc, sel.With); err != nil {
			return nil, err
		}
	}
	if core, ok := sel.Body.(*parser.SelectCore); ok {
		return c.selectCore(sc, core, sel.OrderBy, sel.Limit, sel.Offset)
	}
	p, err := c.body(sc, sel.Body)
	if err != nil {
		return nil, err
	}
	if len(sel.OrderBy) > 0 {
		outScope := &scope{parent: sc}
		for _, oc := range p.cols {
			outScope.slots = append(outScope.slots, slot{name: oc.name, typ: oc.typ, coll: oc.coll})
		}
		var extras []*cexpr
		keys, err := c.orderKeys(outScope, sel.OrderBy, p.cols, nil, &extras)
		if err != nil {
			return nil, err
		}
		root := p.root
		if len(extras) > 0 {
			all := make([]*cexpr, 0, len(p.cols)+len(extras))
			for i, oc := range p.cols {
				all = append(all, slotCexpr(i, slot{name: oc.name, typ: oc.typ, coll: oc.coll}))
			}
			root = &projectNode{in: root, exprs: append(all, extras...)}
		}
		root = &sortNode{in: root, keys: keys}
		if len(extras) > 0 {
			root = &trimNode{in: root, n: len(p.cols)}
		}
		p = &queryPlan{root: root, cols: p.cols}
	}
	return c.applyLimit(sc, p, sel.Limit, sel.Offset)
}

func (c *compiler) applyLimit(sc *scope, p *queryPlan, limit, offset parser.Expr) (*queryPlan, error) {
	if limit == nil && offset == nil {
		return p, nil
	}
	ln := &limitNode{in: p.root}
	var err error
	ksc := &scope{parent: sc}
	if limit != nil {
		if ln.limit, err = c.expr(ksc, limit); err != nil {
			return nil, err
		}
	}
	if offset != nil {
		if ln.offset, err = c.expr(ksc, offset); err != nil {
			return nil, err
		}
	}
	return &queryPlan{root: ln, cols: p.cols}, nil
}

// body plans a query body without its own ORDER BY / LIMIT.
func (c *compiler) body(sc *scope, b parser.SelectBody) (*queryPlan, error) {
	switch b := b.(type) {
	case *parser.SelectCore:
		return c.selectCore(sc, b, nil, nil, nil)
	case *parser.Values:
		return c.values(sc, b)
	case *parser.Compound:
		return c.compound(sc, b)
	case *parser.Select:
		return c.query(sc, b)
	}
	return nil, fmt.Errorf("unsupported query body %T", b)
}

func (c *compiler) values(sc *scope, v *parser.Values) (*queryPlan, error) {
	n := &rowsNode{}
	width := -1
	ksc := &scope{parent: sc}
	for _, r := range v.Rows {
		if width >= 0 && len(r) != width {
			return nil, fmt.Errorf("all VALUES must have the same number of terms")
		}
		width = len(r)
		var row []*cexpr
		for _, x := range r {
			ce, err := c.expr(ksc, x)
			if err != nil {
				return nil, err
			}
			row = append(row, ce)
		}
		n.rows = append(n.rows, row)
	}
	p := &queryPlan{root: n}
	for i := 0; i < width; i++ {
		p.cols = append(p.cols, outCol{name: "column_" + strconv.Itoa(i)})
	}
	return p, nil
}

// resultName names a result column per the Quereus rules.
func resultName(rc *parser.ResultColumn) string {
	if rc.Alias != "" {
		return rc.Alias
	}
	if ref, ok := rc.Expr.(*parser.ColumnRef); ok {
		return ref.Column
	}
	return parser.ExprString(rc.Expr)
}

// dedupeNames numbers repeated names: a, a:1, a:2.
func dedupeNames(cols []outCol) {
	seen := map[string]int{}
	for i := range cols {
		n := cols[i].name
		if k, ok := seen[n]; ok {
			seen[n] = k + 1
			cols[i].name = n + ":" + strconv.Itoa(k+1)
			continue
		}
		seen[n] = 0
	}
}

func (c *compiler) selectCore(sc *scope, core *parser.SelectCore, orderBy []*parser.OrderTerm, limit, offset parser.Expr) (*queryPlan, error) {
	ws, werr := collectWindows(core, orderBy)
	if werr != nil {
		return nil, werr
	}
	defer c.enterWindows(ws)()
	conj := splitAnd(core.Where, nil)
	var src *source
	if core.From == nil {
		src = &source{node: oneRowNode{}}
	} else {
		var err error
		if src, err = c.from(sc, core.From, conj, nil); err != nil {
			return nil, err
		}
	}
	srcScope := &scope{parent: sc, slots: src.slots}
	root := src.node
	if core.Where != nil {
		if containsAggregate(core.Where) && !underAggregation(sc) {
			return nil, fmt.Errorf("misuse of aggregate function in WHERE")
		}
		// The whole WHERE is compiled for its errors; the conjuncts the
		// access paths apply exactly are then left out of the per-row check.
		pred, err := c.expr(srcScope, core.Where)
		if err != nil {
			return nil, err
		}
		if rest := withoutConjuncts(conj, src.implied); len(rest) < len(conj) {
			if pred, err = c.conjunction(srcScope, rest); err != nil {
				return nil, err
			}
		}
		if pred != nil {
			root = &filterNode{in: root, pred: pred}
		}
	}
	grouped := len(core.GroupBy) > 0 || containsAggregate(core.Having)
	for _, rc := range core.Columns {
		if !rc.Star && containsAggregate(rc.Expr) {
			grouped = true
		}
	}
	for _, t := range orderBy {
		if containsAggregate(t.X) {
			if !grouped && len(core.GroupBy) == 0 {
				// An aggregate only in ORDER BY would silently collapse the
				// query to one row; Quereus rejects it.
				return nil, fmt.Errorf("Aggregate function %s not allowed in this context", firstAggregateName(t.X))
			}
			grouped = true
		}
	}
	if grouped && len(core.GroupBy) == 0 && ws != nil {
		return nil, errWindowWithoutGroupBy
	}
	outScope := srcScope
	var ab *aggBuilder
	if grouped {
		groupBy := make([]parser.Expr, len(core.GroupBy))
		selectList := expandStars(core.Columns, src.slots)
		for i, g := range core.GroupBy {
			groupBy[i] = g
			if lit, ok := g.(*parser.Literal); ok && lit.Kind == parser.LitInteger {
				if lit.Int < 1 || int(lit.Int) > len(selectList) {
					return nil, fmt.Errorf("GROUP BY position %d is not in the SELECT list", lit.Int)
				}
				groupBy[i] = selectList[lit.Int-1]
			}
		}
		if len(groupBy) == 0 {
			// Quereus: with no GROUP BY, ORDER BY terms naming input columns
			// sort the aggregate's input rows.
			var inKeys []sortKey
			var rest []*parser.OrderTerm
			for _, t := range orderBy {
				ref, ok := t.X.(*parser.ColumnRef)
				if ok && !containsAggregate(t.X) && !isAlias(core.Columns, ref) {
					if d, idx, _, err := srcScope.resolve(ref); err == nil && d == 0 {
						inKeys = append(inKeys, sortKey{col: idx, desc: t.Dir == parser.SortDesc, nullsLast: t.Nulls == parser.NullsLast, coll: src.slots[idx].coll})
						continue
					}
				}
				rest = append(rest, t)
			}
			if len(inKeys) > 0 {
				root = &sortNode{in: root, keys: inKeys}
				orderBy = rest
			}
			for _, rc := range core.Columns {
				if rc.Star || !containsAggregate(rc.Expr) && refersTo(rc.Expr, src.slots) {
					return nil, fmt.Errorf("cannot mix aggregate and non-aggregate columns without GROUP BY (aggregate and non-aggregate)")
				}
			}
		}
		var err error
		if ab, err = newAggBuilder(c, srcScope, groupBy); err != nil {
			return nil, err
		}
		outScope = &scope{parent: sc, agg: ab}
		for i := range ab.groups {
			if ab.groupCols[i] >= 0 {
				outScope.slots = append(outScope.slots, src.slots[ab.groupCols[i]])
			} else {
				outScope.slots = append(outScope.slots, slot{})
			}
		}
	}
	// Result columns.
	var exprs []*cexpr
	var cols []outCol
	var aliased []bool
	aliases := map[string]*cexpr{}
	for _, rc := range core.Columns {
		if rc.Star {
			n := 0
			for i, s := range src.slots {
				if s.hidden || rc.Table != "" && !strings.EqualFold(s.table, rc.Table) {
					continue
				}
				n++
				ce := slotCexpr(i, s)
				if grouped {
					var err error
					if ce, err = c.expr(outScope, &parser.ColumnRef{Table: s.table, Column: s.name}); err != nil {
						return nil, err
					}
				}
				exprs = append(exprs, ce)
				cols = append(cols, outCol{name: s.name, typ: s.typ, coll: s.coll, notNull: s.notNull && !grouped})
				aliased = append(aliased, false)
			}
			if n == 0 && rc.Table != "" {
				return nil, fmt.Errorf("no such table: %s", rc.Table)
			}
			continue
		}
		ce, err := c.expr(outScope, rc.Expr)
		if err != nil {
			return nil, err
		}
		exprs = append(exprs, ce)
		oc := outCol{name: resultName(rc), typ: ce.typ, coll: ce.coll, notNull: ce.notNull}
		cols = append(cols, oc)
		aliased = append(aliased, rc.Alias != "")
		if rc.Alias != "" {
			k := strings.ToLower(rc.Alias)
			if _, dup := aliases[k]; dup {
				aliases[k] = nil // ambiguous
			} else {
				aliases[k] = ce
			}
		}
	}
	dedupeNames(cols)
	var wn *windowNode
	if ws != nil {
		if ab != nil {
			outScope.aliases = aliases
		}
		if wn, werr = c.planWindows(ws, outScope, ab, core.Columns); werr != nil {
			return nil, werr
		}
	}
	if ab != nil {
		outScope.aliases = aliases
		var having *cexpr
		if core.Having != nil {
			var err error
			outScope.preferAliases = true
			having, err = c.expr(outScope, core.Having)
			outScope.preferAliases = false
			if err != nil {
				return nil, err
			}
		}
		defer func() {}()
		var extras []*cexpr
		keys, err := c.orderKeys(outScope, orderBy, cols, aliased, &extras)
		if err != nil {
			return nil, err
		}
		allowRowReuse(root)
		root = &aggNode{in: root, groups: ab.groups, aggs: ab.aggs}
		if having != nil {
			root = &filterNode{in: root, pred: having}
		}
		root = wrapWindow(wn, root)
		return c.finishCore(sc, root, exprs, extras, keys, cols, core.Distinct, limit, offset)
	}
	if core.Having != nil {
		return nil, fmt.Errorf("HAVING clause on a non-aggregate query")
	}
	var extras []*cexpr
	keys, err := c.orderKeys(srcScope, orderBy, cols, aliased, &extras)
	if err != nil {
		return nil, err
	}
	if src.scan != nil && wn == nil && !core.Distinct && len(keys) > 0 && c.orderFromPath(src.scan, keys, exprs, extras) {
		keys = nil
	}
	root = wrapWindow(wn, root)
	return c.finishCore(sc, root, exprs, extras, keys, cols, core.Distinct, limit, offset)
}

func (c *compiler) finishCore(sc *scope, root node, exprs, extras []*cexpr, keys []sortKey, cols []outCol, distinct bool, limit, offset parser.Expr) (*queryPlan, error) {
	root = newProjectNode(root, append(exprs, extras...))
	if distinct {
		parts := make([]keyPart, len(exprs))
		for i, oc := range cols {
			parts[i] = typedPart(oc.coll, oc.typ)
		}
		root = &distinctNode{in: root, n: len(exprs), parts: parts}
	}
	if len(keys) > 0 {
		root = &sortNode{in: root, keys: keys}
	}
	if len(extras) > 0 {
		root = &trimNode{in: root, n: len(exprs)}
	}
	return c.applyLimit(sc, &queryPlan{root: root, cols: cols}, limit, offset)
}

// orderKeys resolves ORDER BY terms to columns of the projected row:
// ordinals and output aliases refer to result columns, anything else is
// computed as an extra column appended after them.
func (c *compiler) orderKeys(sc *scope, terms []*parser.OrderTerm, cols []outCol, aliased []bool, extras *[]*cexpr) ([]sortKey, error) {
	var keys []sortKey
	for _, t := range terms {
		k := sortKey{col: -1, desc: t.Dir == parser.SortDesc}
		switch t.Nulls {
		case parser.NullsFirst:
			k.nullsLast = false
		case parser.NullsLast:
			k.nullsLast = true
		}
		x := t.X
		coll := ""
		if cl, ok := x.(*parser.Collate); ok {
			coll = strings.ToUpper(cl.Name)
			x = cl.X
		}
		if u, ok := x.(*parser.Unary); ok && u.Op == parser.OpNeg {
			if lit, ok := u.X.(*parser.Literal); ok && lit.Kind == parser.LitInteger {
				return nil, fmt.Errorf("ORDER BY position -%d is not in the SELECT list (1..%d)", lit.Int, len(cols))
			}
		}
		if lit, ok := x.(*parser.Literal); ok && lit.Kind == parser.LitInteger {
			if lit.Int < 1 || int(lit.Int) > len(cols) {
				return nil, fmt.Errorf("ORDER BY position %d is not in the SELECT list (1..%d)", lit.Int, len(cols))
			}
			k.col = int(lit.Int) - 1
			k.coll = cols[k.col].coll
		} else if ref, ok := x.(*parser.ColumnRef); ok && ref.Table == "" {
			if a, dup := sc.aliasOf(ref.Column); dup && a == nil {
				return nil, fmt.Errorf("ambiguous column name: %s", ref.Column)
			}
			for i, oc := range cols {
				if (aliased == nil || aliased[i]) && strings.EqualFold(oc.name, ref.Column) {
					if k.col >= 0 && aliased != nil {
						return nil, fmt.Errorf("ambiguous column name: %s", ref.Column)
					}
					if k.col < 0 {
						k.col, k.coll = i, oc.coll
					}
				}
			}
		}
		if k.col < 0 {
			ce, err := c.expr(sc, t.X)
			if err != nil {
				return nil, err
			}
			k.col = len(cols) + len(*extras)
			k.coll = ce.coll
			*extras = append(*extras, ce)
		} else if coll != "" {
			k.coll = coll
		}
		k.timespan = timespanKey(k.col, cols, *extras)
		keys = append(keys, k)
	}
	return keys, nil
}

// orderFromPath reports whether the scan's key order already yields the
// ORDER BY (possibly by iterating in reverse), so the sort can be skipped.
// It may switch a full scan to an index scan that provides the order.
func (c *compiler) orderFromPath(scan *scanNode, keys []sortKey, exprs, extras []*cexpr) bool {
	all := append(append([]*cexpr{}, exprs...), extras...)
	cols := make([]int, len(keys))
	for i, k := range keys {
		if k.timespan {
			return false // key bytes order TIMESPAN text, not elapsed time
		}
		ce := all[k.col]
		if ce.col < 0 || ce.depth != 0 {
			return false
		}
		cols[i] = ce.col
	}
	try := func(p *accessPath, unique bool) (reverse, ok bool) {
		start := len(p.eq)
		for i, k := range keys {
			j := start + i
			if j >= len(p.parts) {
				return reverse, unique && start < len(p.parts) || unique
			}
			part := p.parts[j]
			if p.cols[j] != cols[i] || !collationOrders(part.coll) || !sameColl(k.coll, part.coll) {
				return false, false
			}
			rev := k.desc != part.desc
			// Key bytes put NULL first in ascending byte order; the ORDER BY
			// must want NULLs where the iteration direction puts them.
			if k.nullsLast != k.desc && !scan.t.Columns[cols[i]].NotNull {
				return false, false
			}
			if i == 0 {
				reverse = rev
			} else if rev != reverse {
				return false, false
			}
		}
		return reverse, true
	}
	p := scan.path
	if rev, ok := try(p, p.index == nil || p.index.Unique); ok {
		p.reverse = rev
		return true
	}
	if p.usesKey() {
		return false
	}
	for _, ix := range scan.t.Indexes {
		if ix.Where != nil || hasExprPart(ix.Parts) {
			continue
		}
		cand := &accessPath{index: ix, parts: partsOf(ix.Parts), cols: colsOf(ix.Parts)}
		if rev, ok := try(cand, ix.Unique); ok {
			cand.reverse = rev
			cand.detail = strings.Replace(p.detail, "SCAN ", "SCAN ", 1) + " USING INDEX " + ix.Name
			scan.path = cand
			return true
		}
	}
	return false
}

func sameColl(a, b string) bool {
	norm := func(s string) string {
		if s == "" {
			return "BINARY"
		}
		return strings.ToUpper(s)
	}
	return norm(a) == norm(b)
}

// isAlias reports whether ref names a result-column alias.
func isAlias(cols []*parser.ResultColumn, ref *parser.ColumnRef) bool {
	if ref.Table != "" {
		return false
	}
	for _, rc := range cols {
		if rc.Alias != "" && strings.EqualFold(rc.Alias, ref.Column) {
			return true
		}
	}
	return false
}

// expandStars lists the select-list expressions with * and t.* expanded
// to column references (for GROUP BY ordinals).
func expandStars(cols []*parser.ResultColumn, slots []slot) []parser.Expr {
	var out []parser.Expr
	for _, rc := range cols {
		if !rc.Star {
			out = append(out, rc.Expr)
			continue
		}
		for _, s := range slots {
			if s.hidden || rc.Table != "" && !strings.EqualFold(s.table, rc.Table) {
				continue
			}
			out = append(out, &parser.ColumnRef{Table: s.table, Column: s.name})
		}
	}
	return out
}

// firstAggregateName names the first aggregate call in x.
func firstAggregateName(x parser.Expr) string {
	name := ""
	walkExpr(x, func(n parser.Expr) bool {
		if f, ok := n.(*parser.FuncCall); ok && name == "" && isAggregateCall(f) {
			name = strings.ToLower(f.Name)
		}
		return name == ""
	})
	return name
}
