package engine

import (
	"slices"

	"github.com/quereus/quereus/storage/value"
)

// aggSpec is one aggregate call of a grouped query.
type aggSpec struct {
	def      *funcDef
	args     []*cexpr // over input rows
	distinct bool
	key      string
	coll     string // collation of the first argument (min/max, DISTINCT)
	// filter is the FILTER (WHERE ...) condition (nil when absent).
	filter *cexpr
	// order are the ORDER BY values inside the call; rows are then buffered
	// per group and stepped in that order.
	order     []*cexpr
	orderKeys []sortKey
}

// aggNode groups its input by key expressions and computes aggregates.
// Output rows are group-key values followed by aggregate results. Without
// GROUP BY it yields exactly one row, even over empty input.
type aggNode struct {
	in     node
	groups []*cexpr
	aggs   []*aggSpec
}

func (n *aggNode) explain(out *[]string, depth int) { n.in.explain(out, depth) }

type aggGroup struct {
	keys  value.Row
	accs  []aggregator
	seen  []map[string]bool
	order int
	// buffered holds [args..., order values...] of ordered aggregates.
	buffered [][]value.Row
}

func (n *aggNode) open(e *env) (rowIter, error) {
	it, err := n.in.open(e)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var groups map[string]*aggGroup // by encoded group key (GROUP BY only)
	var ordered []*aggGroup
	newGroup := func(keys value.Row) *aggGroup {
		g := &aggGroup{keys: keys, accs: make([]aggregator, len(n.aggs)), seen: make([]map[string]bool, len(n.aggs)),
			buffered: make([][]value.Row, len(n.aggs))}
		for i, a := range n.aggs {
			g.accs[i] = newAggregator(a.def, a.coll)
			if a.distinct {
				g.seen[i] = map[string]bool{}
			}
		}
		ordered = append(ordered, g)
		return g
	}
	// single is the one group of an aggregate without GROUP BY: every row
	// goes to it without building and looking up a group key.
	var single *aggGroup
	var keys value.Row
	var parts []keyPart
	if len(n.groups) == 0 {
		single = newGroup(nil)
	} else {
		groups = map[string]*aggGroup{}
		// keys and keyBuf are scratch reused for every row; a new group
		// keeps a copy of keys, and the map lookup by string(keyBuf) does
		// not allocate.
		keys = make(value.Row, len(n.groups))
		parts = n.groupParts()
	}
	args := make([]value.Value, 0, 4)
	var keyBuf []byte
	for {
		r, err := it.Next()
		if err != nil {
			return nil, err
		}
		if r == nil {
			break
		}
		if err := e.tick(); err != nil {
			return nil, err
		}
		g := single
		if g == nil {
			for i, ge := range n.groups {
				if keys[i], err = ge.fn(e, r); err != nil {
					return nil, err
				}
			}
			keyBuf = appendKey(keyBuf[:0], keys, parts)
			if g = groups[string(keyBuf)]; g == nil {
				g = newGroup(slices.Clone(keys))
				groups[string(keyBuf)] = g
			}
		}
		for i, a := range n.aggs {
			if a.filter != nil {
				fv, err := a.filter.fn(e, r)
				if err != nil {
					return nil, err
				}
				if t, _ := truth(fv); !t {
					continue
				}
			}
			args = args[:0]
			for _, ae := range a.args {
				v, err := ae.fn(e, r)
				if err != nil {
					return nil, err
				}
				args = append(args, v)
			}
			if a.distinct {
				if len(args) > 0 && args[0].IsNull() {
					continue
				}
				dk := string(appendKey(nil, args, distinctParts(a, len(args))))
				if g.seen[i][dk] {
					continue
				}
				g.seen[i][dk] = true
			}
			if len(a.order) > 0 {
				buf := append(value.Row(nil), args...)
				for _, o := range a.order {
					v, err := o.fn(e, r)
					if err != nil {
						return nil, err
					}
					buf = append(buf, v)
				}
				g.buffered[i] = append(g.buffered[i], buf)
				continue
			}
			if err := g.accs[i].Step(args); err != nil {
				return nil, err
			}
		}
	}
	for _, g := range ordered {
		for i, a := range n.aggs {
			if len(a.order) == 0 {
				continue
			}
			sortRows(g.buffered[i], a.orderKeys)
			for _, buf := range g.buffered[i] {
				if err := g.accs[i].Step(buf[:len(a.args)]); err != nil {
					return nil, err
				}
			}
		}
	}
	out := make([]value.Row, 0, len(ordered))
	for _, g := range ordered {
		row := make(value.Row, len(n.groups)+len(n.aggs))
		copy(row, g.keys)
		for i, acc := range g.accs {
			v, err := acc.Result()
			if err != nil {
				return nil, err
			}
			row[len(n.groups)+i] = v
		}
		out = append(out, row)
	}
	return &sliceIter{rows: out}, nil
}

// groupParts are the key parts that encode group-key values under their
// collations, so values equal under a collation fall into one group.
func (n *aggNode) groupParts() []keyPart {
	parts := make([]keyPart, len(n.groups))
	for i, g := range n.groups {
		parts[i] = typedPart(g.coll, g.typ)
	}
	return parts
}

// distinctParts are the key parts of a DISTINCT aggregate's arguments.
func distinctParts(a *aggSpec, n int) []keyPart {
	parts := make([]keyPart, n)
	if n > 0 {
		parts[0] = typedPart(a.coll, a.args[0].typ)
	}
	return parts
}
