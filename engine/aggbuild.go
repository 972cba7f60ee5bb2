package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// aggBuilder rewrites the output expressions of a grouped query: GROUP BY
// expressions and aggregate calls become references to the aggregate
// node's output row; any other reference to an input column is an error.
type aggBuilder struct {
	input     *scope
	groupAST  []parser.Expr
	groupKeys []string
	groupCols []int // input column of a bare group-by column, else -1
	groups    []*cexpr
	aggs      []*aggSpec
	// specAliases, while window specifications compile, maps select-list
	// aliases of grouping keys to their group slot (-2: ambiguous) for
	// references from subqueries (grouped_ref.go).
	specAliases map[string]int
}

func newAggBuilder(c *compiler, input *scope, groupBy []parser.Expr) (*aggBuilder, error) {
	b := &aggBuilder{input: input}
	for _, g := range groupBy {
		ce, err := c.expr(input, g)
		if err != nil {
			return nil, err
		}
		b.groupAST = append(b.groupAST, g)
		b.groupKeys = append(b.groupKeys, groupFingerprint(g))
		col := -1
		if ce.depth == 0 {
			col = ce.col
		}
		b.groupCols = append(b.groupCols, col)
		b.groups = append(b.groups, ce)
	}
	return b, nil
}

func slotRef(i int, like *cexpr) *cexpr {
	ce := &cexpr{fn: func(_ *env, row value.Row) (value.Value, error) { return row[i], nil }, col: -1}
	if like != nil {
		ce.class, ce.typ, ce.coll, ce.rank = like.class, like.typ, like.coll, like.rank
	}
	return ce
}

// rewrite handles x when it is a group key, an aggregate call or an input
// column; ok is false when normal compilation should proceed.
func (b *aggBuilder) rewrite(c *compiler, sc *scope, x parser.Expr) (*cexpr, bool, error) {
	if _, isLit := x.(*parser.Literal); isLit {
		return nil, false, nil
	}
	if f, ok := x.(*parser.FuncCall); ok && isAggregateCall(f) {
		return b.aggregate(c, f)
	}
	key := groupFingerprint(x)
	for i, g := range b.groupKeys {
		if key != "" && key == g {
			return slotRef(i, b.groups[i]), true, nil
		}
	}
	ref, ok := x.(*parser.ColumnRef)
	if !ok {
		return nil, false, nil
	}
	if sc.preferAliases && ref.Table == "" {
		if a, ok := sc.aliases[strings.ToLower(ref.Column)]; ok {
			// An alias does not rescue a bare name that is already
			// ambiguous among the grouped query's own columns.
			if a == nil || b.input.ambiguous(ref.Column) {
				return nil, true, fmt.Errorf("ambiguous column name: %s", ref.Column)
			}
			return a, true, nil
		}
	}
	depth, idx, _, err := b.input.resolve(ref)
	if err != nil {
		if a, ok := sc.aliases[strings.ToLower(ref.Column)]; ok && ref.Table == "" && a != nil {
			return a, true, nil
		}
		return nil, true, err
	}
	if depth > 0 {
		return nil, false, nil
	}
	for i, col := range b.groupCols {
		if col == idx {
			return slotRef(i, b.groups[i]), true, nil
		}
	}
	if sc.preferAliases { // HAVING
		return nil, true, errHavingUngrouped(ref)
	}
	return nil, true, errUngrouped(ref)
}

func (b *aggBuilder) aggregate(c *compiler, f *parser.FuncCall) (*cexpr, bool, error) {
	key := parser.ExprString(f)
	if f.Filter != nil || len(f.OrderBy) > 0 {
		key = "" // not shared with the plain call of the same text
	}
	for i, a := range b.aggs {
		if key != "" && a.key == key {
			return slotRef(len(b.groups)+i, nil), true, nil
		}
	}
	n := len(f.Args)
	if f.Star {
		n = 0
	}
	def, _ := lookupFunc(f.Name, n)
	spec := &aggSpec{def: def, distinct: f.Distinct, key: key}
	for _, a := range f.Args {
		if containsAggregate(a) {
			return nil, true, fmt.Errorf("misuse of aggregate function %s()", strings.ToLower(f.Name))
		}
		ce, err := c.expr(b.input, a)
		if err != nil {
			return nil, true, err
		}
		spec.args = append(spec.args, ce)
	}
	if len(spec.args) > 0 {
		spec.coll = spec.args[0].coll
	}
	if f.Filter != nil {
		if containsAggregate(f.Filter) {
			return nil, true, fmt.Errorf("misuse of aggregate function in FILTER")
		}
		ce, err := c.expr(b.input, f.Filter)
		if err != nil {
			return nil, true, err
		}
		spec.filter = ce
	}
	for _, t := range f.OrderBy {
		ce, err := c.expr(b.input, t.X)
		if err != nil {
			return nil, true, err
		}
		k := sortKey{col: len(spec.args) + len(spec.order), desc: t.Dir == parser.SortDesc, nullsLast: t.Nulls == parser.NullsLast, coll: ce.coll}
		spec.order = append(spec.order, ce)
		spec.orderKeys = append(spec.orderKeys, k)
	}
	b.aggs = append(b.aggs, spec)
	ref := slotRef(len(b.groups)+len(b.aggs)-1, nil)
	if def != nil {
		if err := typeCall(ref, def.def, spec.args); err != nil {
			return nil, true, err
		}
	}
	if spec.coll != "" && (strings.EqualFold(f.Name, "min") || strings.EqualFold(f.Name, "max")) {
		ref.coll, ref.rank = spec.coll, 2
	}
	return ref, true, nil
}
