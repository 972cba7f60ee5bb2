package engine

// window.go plans window function calls (`f(...) OVER (...)`) of one SELECT
// core. The calls are collected from the select list and the ORDER BY before
// either is compiled; each gets an output position k among the core's nWin
// window columns. A windowNode (op_window.go) appends those columns to every
// input row, so a call compiles to a read of row[len(row)-nWin+k]: the
// position counts from the end because a grouped query's aggregate row is
// still growing while the select list compiles. The window specifications,
// arguments and frames are compiled afterwards, in the same scope as the
// select list (the aggregate output scope for a grouped query).
//
// Beyond Quereus, which rejects them, named windows (WINDOW w AS (...),
// OVER w, OVER (w ORDER BY ...)), GROUPS frames, EXCLUDE and FILTER are
// accepted. json_group_array and json_group_object stay plain aggregates, as
// in Quereus.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// maxWindowDepth bounds chains of named windows (`w2 AS (w1 ...)`).
const maxWindowDepth = 32

// windowSet is the window calls of one SELECT core.
type windowSet struct {
	calls []*windowCall
	byAST map[*parser.FuncCall]*windowCall
}

// windowCall is one window function call.
type windowCall struct {
	ast  *parser.FuncCall
	spec *parser.WindowSpec // named windows resolved
	idx  int                // output position among the window columns
	// Exactly one of win (window-only function) and agg is set.
	win      *functions.WindowDef
	agg      *funcDef
	args     []*cexpr
	filter   *cexpr
	distinct bool
	frame    frameSpec
	// planned is set once the function, arguments and FILTER are compiled.
	planned bool
}

// windowAggDenied lists aggregates Quereus registers as plain aggregates
// only; with OVER they fail with "Unknown window function".
var windowAggDenied = map[string]bool{"json_group_array": true, "json_group_object": true}

// collectWindows finds the window calls of the select list and ORDER BY,
// resolving named windows. It returns nil when there are none.
func collectWindows(core *parser.SelectCore, orderBy []*parser.OrderTerm) (*windowSet, error) {
	named := map[string]*parser.WindowSpec{}
	for _, d := range core.Windows {
		k := strings.ToLower(d.Name)
		if _, dup := named[k]; dup {
			return nil, fmt.Errorf("duplicate window name: %s", d.Name)
		}
		named[k] = d.Spec
	}
	ws := &windowSet{byAST: map[*parser.FuncCall]*windowCall{}}
	var err error
	visit := func(x parser.Expr) {
		walkExpr(x, func(n parser.Expr) bool {
			f, ok := n.(*parser.FuncCall)
			if ok && isAggregateCall(f) {
				for _, a := range f.Args {
					if err == nil && containsWindow(a) {
						err = fmt.Errorf("misuse of window function in the arguments of aggregate %s()", strings.ToLower(f.Name))
					}
				}
			}
			if !ok || err != nil || (f.Over == nil && f.OverName == "") {
				return err == nil
			}
			if _, seen := ws.byAST[f]; seen {
				return false
			}
			var spec *parser.WindowSpec
			if f.OverName != "" {
				spec, err = resolveWindow(named, &parser.WindowSpec{Base: f.OverName}, 0)
			} else {
				spec, err = resolveWindow(named, f.Over, 0)
			}
			for _, a := range f.Args {
				if err == nil && containsWindow(a) {
					err = fmt.Errorf("window function calls cannot be nested")
				}
			}
			if err != nil {
				return false
			}
			wc := &windowCall{ast: f, spec: spec, idx: len(ws.calls)}
			ws.calls = append(ws.calls, wc)
			ws.byAST[f] = wc
			return false
		})
	}
	for _, rc := range core.Columns {
		if !rc.Star {
			visit(rc.Expr)
		}
	}
	for _, t := range orderBy {
		visit(t.X)
	}
	if err != nil {
		return nil, err
	}
	for _, x := range append([]parser.Expr{core.Where, core.Having}, core.GroupBy...) {
		if containsWindow(x) {
			return nil, fmt.Errorf("window functions are not allowed in WHERE, GROUP BY or HAVING")
		}
	}
	if len(ws.calls) == 0 {
		return nil, nil
	}
	return ws, nil
}

// containsWindow reports whether x calls a window function outside
// subqueries.
func containsWindow(x parser.Expr) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if f, ok := n.(*parser.FuncCall); ok && (f.Over != nil || f.OverName != "") {
			found = true
		}
		return !found
	})
	return found
}

// resolveWindow returns spec with its base window (`OVER w`,
// `OVER (w ORDER BY ...)`) merged in: the base supplies PARTITION BY and,
// when spec has none, ORDER BY and the frame.
func resolveWindow(named map[string]*parser.WindowSpec, spec *parser.WindowSpec, depth int) (*parser.WindowSpec, error) {
	if spec.Base == "" {
		return spec, nil
	}
	if depth > maxWindowDepth {
		return nil, fmt.Errorf("window definitions nested too deeply")
	}
	def, ok := named[strings.ToLower(spec.Base)]
	if !ok {
		return nil, fmt.Errorf("no such window: %s", spec.Base)
	}
	base, err := resolveWindow(named, def, depth+1)
	if err != nil {
		return nil, err
	}
	if len(spec.PartitionBy) > 0 {
		return nil, fmt.Errorf("cannot override PARTITION BY clause of window %s", spec.Base)
	}
	if len(spec.OrderBy) > 0 && len(base.OrderBy) > 0 {
		return nil, fmt.Errorf("cannot override ORDER BY clause of window %s", spec.Base)
	}
	out := &parser.WindowSpec{Loc: spec.Loc, PartitionBy: base.PartitionBy, OrderBy: base.OrderBy, Frame: base.Frame}
	if len(spec.OrderBy) > 0 {
		out.OrderBy = spec.OrderBy
	}
	if spec.Frame != nil {
		out.Frame = spec.Frame
	}
	return out, nil
}

// windowRef compiles a window call of the current SELECT core to a read of
// its output column. The call's arguments are compiled here (in sc, the
// select list's scope) so that a function returning its argument (min,
// lag, first_value, ...) takes over the argument's declared type.
func (c *compiler) windowRef(sc *scope, x *parser.FuncCall) (*cexpr, error) {
	ws := c.windows
	var wc *windowCall
	if ws != nil {
		wc = ws.byAST[x]
	}
	if wc == nil {
		return nil, fmt.Errorf("misuse of window function %s()", strings.ToLower(x.Name))
	}
	if err := c.planWindowCall(wc, sc); err != nil {
		return nil, err
	}
	back := len(ws.calls) - wc.idx
	name := strings.ToLower(x.Name)
	ce := &cexpr{fn: func(_ *env, row value.Row) (value.Value, error) {
		if len(row) < back {
			return value.Null(), fmt.Errorf("misuse of window function %s()", name)
		}
		return row[len(row)-back], nil
	}, col: -1}
	ce.class = windowClass(x)
	ce.typ = typeOfClass(ce.class)
	switch {
	case wc.returnsArg():
		a := wc.args[0]
		ce.class, ce.typ, ce.coll, ce.rank = a.class, a.typ, a.coll, a.rank
	case wc.agg != nil:
		if err := typeCall(ce, wc.agg.def, wc.args); err != nil {
			return nil, err
		}
	}
	return ce, nil
}

// returnsArg reports whether the call's result is one of its first
// argument's values (so it has the argument's type).
func (wc *windowCall) returnsArg() bool {
	if len(wc.args) == 0 {
		return false
	}
	if wc.win != nil {
		return wc.win.ReturnType == types.Any
	}
	return wc.agg.def.ReturnType == types.Any
}

// windowClass is the static type class of a window call's result.
func windowClass(x *parser.FuncCall) typeClass {
	switch strings.ToLower(x.Name) {
	case "row_number", "rank", "dense_rank", "ntile", "count":
		return classInteger
	case "percent_rank", "cume_dist", "avg", "total":
		return classReal
	}
	return classAny
}

// errWindowWithoutGroupBy is Quereus's rejection of a window call beside an
// aggregate in a query without GROUP BY: the window column counts as a
// non-aggregate column.
var errWindowWithoutGroupBy = fmt.Errorf("Cannot mix aggregate and non-aggregate columns in SELECT list without GROUP BY")

// enterWindows makes ws the current SELECT core's window calls and returns
// the function restoring the enclosing core's.
func (c *compiler) enterWindows(ws *windowSet) func() {
	prev := c.windows
	c.windows = ws
	return func() { c.windows = prev }
}

// wrapWindow puts the window node (when there is one) over root.
func wrapWindow(wn *windowNode, root node) node {
	if wn == nil {
		return root
	}
	wn.in = root
	return wn
}
