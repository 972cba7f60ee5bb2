package engine

// window_plan.go compiles a SELECT core's window calls once its select list
// is compiled: each call's function, arguments and FILTER; each distinct
// PARTITION BY / ORDER BY pair into a windowGroup whose rows are sorted
// once; and each call's frame (window_frame.go).

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// windowGroup is the calls sharing one PARTITION BY and ORDER BY: their
// rows are sorted once.
type windowGroup struct {
	partition []*cexpr
	order     []*cexpr
	// keys sorts rows of partition values followed by order values.
	keys []sortKey
	// timespan marks the keys of declared type TIMESPAN, which order by
	// elapsed time (semanticKey).
	timespan []bool
	calls    []*windowCall
}

// isTimespan reports whether ce has the declared type TIMESPAN.
func isTimespan(ce *cexpr) bool {
	t, err := types.FromDeclared(ce.typ)
	return err == nil && t == types.Timespan
}

// semanticKey maps a TIMESPAN key value that parses as a duration to its
// elapsed seconds, so 'PT1H' and 'PT60M' are peers and 'PT90M' < 'PT2H'.
func semanticKey(v value.Value, timespan bool) value.Value {
	if timespan && v.Kind() == value.KindText {
		if secs, ok := types.TimespanSeconds(v.Text()); ok {
			return value.Float(secs)
		}
	}
	return v
}

// planWindows compiles the specifications, arguments and frames of ws in
// scope sc and returns the window node (its input is set by the caller).
// ab is the aggregate builder of a grouped query (nil otherwise): an
// aggregate first seen in a window's PARTITION BY or ORDER BY is rejected,
// as Quereus does.
func (c *compiler) planWindows(ws *windowSet, sc *scope, ab *aggBuilder, cols []*parser.ResultColumn) (*windowNode, error) {
	n := &windowNode{nWin: len(ws.calls)}
	if ab != nil {
		ab.specAliases = groupKeyAliases(ab, cols)
		defer func() { ab.specAliases = nil }()
	}
	byKey := map[string]*windowGroup{}
	for _, wc := range ws.calls {
		if err := c.planWindowCall(wc, sc); err != nil {
			return nil, err
		}
		key := specKey(wc.spec)
		g := byKey[key]
		if g == nil {
			var err error
			if g, err = c.planWindowGroup(wc.spec, sc, ab, cols); err != nil {
				return nil, err
			}
			byKey[key] = g
			n.groups = append(n.groups, g)
		}
		var err error
		if wc.frame, err = c.planFrame(wc.spec, g); err != nil {
			return nil, err
		}
		g.calls = append(g.calls, wc)
	}
	return n, nil
}

// specKey identifies a PARTITION BY / ORDER BY pair.
func specKey(s *parser.WindowSpec) string {
	var b strings.Builder
	for _, x := range s.PartitionBy {
		b.WriteString(parser.ExprString(x))
		b.WriteByte(0)
	}
	b.WriteByte(1)
	for _, t := range s.OrderBy {
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00", parser.ExprString(t.X), t.Dir, t.Nulls)
	}
	return b.String()
}

func (c *compiler) planWindowCall(wc *windowCall, sc *scope) error {
	if wc.planned {
		return nil
	}
	wc.planned = true
	f := wc.ast
	n := len(f.Args)
	if f.Star {
		n = 0
	}
	if len(f.OrderBy) > 0 {
		return fmt.Errorf("ORDER BY inside a window function call is not supported")
	}
	if functions.IsWindowFunction(f.Name) {
		d, err := functions.LookupWindow(f.Name, n)
		if err != nil {
			return err
		}
		if f.Star || f.Distinct || f.Filter != nil {
			return fmt.Errorf("DISTINCT, FILTER and * are not allowed with window function %s()", strings.ToLower(f.Name))
		}
		wc.win = d
	} else {
		d, ok := lookupFunc(f.Name, n)
		if !ok || !d.isAggregate() || windowAggDenied[strings.ToLower(f.Name)] {
			return fmt.Errorf("Unknown window function: %s", strings.ToLower(f.Name))
		}
		if f.Distinct && n != 1 {
			return fmt.Errorf("DISTINCT aggregates must have exactly one argument")
		}
		wc.agg, wc.distinct = d, f.Distinct
	}
	for _, a := range f.Args {
		ce, err := c.expr(sc, a)
		if err != nil {
			return err
		}
		wc.args = append(wc.args, ce)
	}
	if f.Filter != nil {
		if containsAggregate(f.Filter) {
			return fmt.Errorf("aggregate functions are not allowed in FILTER")
		}
		ce, err := c.expr(sc, f.Filter)
		if err != nil {
			return err
		}
		wc.filter = ce
	}
	return nil
}

func (c *compiler) planWindowGroup(spec *parser.WindowSpec, sc *scope, ab *aggBuilder, cols []*parser.ResultColumn) (*windowGroup, error) {
	g := &windowGroup{}
	compile := func(x parser.Expr, clause string) (*cexpr, error) {
		x, err := groupedSpecExpr(x, ab, cols)
		if err != nil {
			return nil, err
		}
		before := 0
		if ab != nil {
			before = len(ab.aggs)
		}
		ce, err := c.expr(sc, x)
		if err != nil {
			return nil, err
		}
		if ab != nil && len(ab.aggs) > before {
			return nil, fmt.Errorf("Aggregate function %s in a window function's %s is only supported when the same aggregate also appears in the SELECT list",
				ab.aggs[before].def.def.Name, clause)
		}
		return ce, nil
	}
	for _, x := range spec.PartitionBy {
		ce, err := compile(x, "PARTITION BY")
		if err != nil {
			return nil, err
		}
		g.keys = append(g.keys, sortKey{col: len(g.partition), coll: ce.coll})
		g.timespan = append(g.timespan, isTimespan(ce))
		g.partition = append(g.partition, ce)
	}
	for _, t := range spec.OrderBy {
		ce, err := compile(t.X, "ORDER BY")
		if err != nil {
			return nil, err
		}
		g.keys = append(g.keys, sortKey{col: len(spec.PartitionBy) + len(g.order), desc: t.Dir == parser.SortDesc,
			nullsLast: t.Nulls == parser.NullsLast, coll: ce.coll})
		g.timespan = append(g.timespan, isTimespan(ce))
		g.order = append(g.order, ce)
	}
	return g, nil
}

// groupedSpecExpr applies Quereus's naming rule to a bare name in a window
// specification of a grouped query: a name that is not a grouping key but
// is a select-list alias denotes the aliased expression (an alias is the
// lowest-precedence name, yet it shadows an ungrouped column of the same
// name); two such aliases of different expressions make the name
// ambiguous.
func groupedSpecExpr(x parser.Expr, ab *aggBuilder, cols []*parser.ResultColumn) (parser.Expr, error) {
	ref, ok := x.(*parser.ColumnRef)
	if !ok || ab == nil || ref.Table != "" {
		return x, nil
	}
	if d, idx, _, err := ab.input.resolve(ref); err == nil && d == 0 {
		for _, gc := range ab.groupCols {
			if gc == idx {
				return x, nil
			}
		}
	}
	var found parser.Expr
	for _, rc := range cols {
		if rc.Star || !strings.EqualFold(rc.Alias, ref.Column) || containsWindow(rc.Expr) {
			continue
		}
		if found != nil && parser.ExprString(found) != parser.ExprString(rc.Expr) {
			return nil, fmt.Errorf("ambiguous column name: %s", ref.Column)
		}
		found = rc.Expr
	}
	if found == nil {
		return x, nil
	}
	return found, nil
}
