package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// cteDef is a planned common table expression, shared (materialized once
// per execution) by every reference.
type cteDef struct {
	node node
	cols []outCol
}

// maxRecursiveRows bounds a recursive CTE's output.
const maxRecursiveRows = 1_000_000

func (c *compiler) with(sc *scope, w *parser.With) (*scope, error) {
	out := &scope{parent: sc, noRow: true, ctes: map[string]*cteDef{}}
	for _, cte := range w.CTEs {
		sel, ok := cte.Query.(*parser.Select)
		if !ok {
			if c.depth > 1 {
				// Only the statement's own leading WITH may modify data:
				// a nested one would run once per evaluation, or not at all.
				return nil, fmt.Errorf("data-modifying CTE %s is only allowed in a statement's own leading WITH clause", cte.Name)
			}
			d, err := c.dmlRelation(cteOnlyScope(out), cte.Query)
			if err != nil {
				return nil, err
			}
			out.ctes[strings.ToLower(cte.Name)] = d
			continue
		}
		var d *cteDef
		var err error
		if w.Recursive && selfReferences(sel, cte.Name) {
			d, err = c.recursiveCTE(out, cte, sel)
		} else {
			var p *queryPlan
			p, err = c.query(cteOnlyScope(out), sel)
			if err == nil {
				d = &cteDef{node: &materialNode{in: p.root}, cols: p.cols}
			} else if sc != nil && strings.HasPrefix(err.Error(), "no such column") {
				// A CTE of a subquery may be correlated with the enclosing
				// query's row: it is then planned in that scope and not
				// materialized, so each evaluation sees the current row.
				if cp, cerr := c.query(out, sel); cerr == nil {
					d, err = &cteDef{node: cp.root, cols: cp.cols}, nil
				}
			}
		}
		if err != nil {
			return nil, err
		}
		if len(cte.Columns) > 0 {
			if len(cte.Columns) != len(d.cols) {
				return nil, fmt.Errorf("table %s has %d values for %d columns", cte.Name, len(d.cols), len(cte.Columns))
			}
			cols := make([]outCol, len(d.cols))
			for i := range cols {
				cols[i] = outCol{name: cte.Columns[i], typ: d.cols[i].typ, coll: d.cols[i].coll, notNull: d.cols[i].notNull}
			}
			d.cols = cols
		}
		out.ctes[strings.ToLower(cte.Name)] = d
	}
	return out, nil
}

// selfReferences reports whether a query's text mentions name as a table.
func selfReferences(sel *parser.Select, name string) bool {
	comp, ok := sel.Body.(*parser.Compound)
	if !ok {
		return false
	}
	found := false
	var visit func(b parser.SelectBody)
	var visitFrom func(t parser.TableExpr)
	visitFrom = func(t parser.TableExpr) {
		switch t := t.(type) {
		case *parser.TableRef:
			if t.Schema == "" && strings.EqualFold(t.Name, name) {
				found = true
			}
		case *parser.Join:
			visitFrom(t.Left)
			visitFrom(t.Right)
		case *parser.ParenTable:
			visitFrom(t.Inner)
		case *parser.SubqueryTable:
			if t.Select != nil {
				visit(t.Select.Body)
			}
		}
	}
	visit = func(b parser.SelectBody) {
		switch b := b.(type) {
		case *parser.SelectCore:
			if b.From != nil {
				visitFrom(b.From)
			}
		case *parser.Compound:
			visit(b.Left)
			visit(b.Right)
		case *parser.Select:
			visit(b.Body)
		}
	}
	visit(comp.Right)
	return found
}

func (c *compiler) recursiveCTE(sc *scope, cte *parser.CTE, sel *parser.Select) (*cteDef, error) {
	comp := sel.Body.(*parser.Compound)
	if comp.Op != parser.Union && comp.Op != parser.UnionAll {
		return nil, fmt.Errorf("recursive CTE %s must use UNION or UNION ALL", cte.Name)
	}
	anchor, err := c.body(cteOnlyScope(sc), comp.Left)
	if err != nil {
		return nil, err
	}
	// The recursive step may yield NULL where the anchor does not.
	cols := append([]outCol(nil), anchor.cols...)
	for i := range cols {
		cols[i].notNull = false
	}
	if len(cte.Columns) > 0 {
		if len(cte.Columns) != len(cols) {
			return nil, fmt.Errorf("table %s has %d values for %d columns", cte.Name, len(cols), len(cte.Columns))
		}
		cols = make([]outCol, len(anchor.cols))
		for i := range cols {
			cols[i] = outCol{name: cte.Columns[i], typ: anchor.cols[i].typ}
		}
	}
	work := &workTable{}
	stepScope := cteOnlyScope(sc)
	stepScope.ctes[strings.ToLower(cte.Name)] = &cteDef{node: work, cols: cols}
	step, err := c.body(stepScope, comp.Right)
	if err != nil {
		return nil, err
	}
	if len(step.cols) != len(cols) {
		return nil, fmt.Errorf("SELECTs to the left and right of UNION do not have the same number of result columns")
	}
	rec := &recursiveNode{anchor: anchor.root, step: step.root, work: work, distinct: comp.Op == parser.Union}
	return &cteDef{node: &materialNode{in: rec}, cols: cols}, nil
}

// workTable is the rows of the previous iteration of a recursive CTE.
type workTable struct{}

func (w *workTable) explain(out *[]string, depth int) {}
func (w *workTable) open(e *env) (rowIter, error) {
	rows, _ := e.cache[w].([]value.Row)
	return &sliceIter{rows: rows}, nil
}

type recursiveNode struct {
	anchor, step node
	work         *workTable
	distinct     bool
}

func (r *recursiveNode) explain(out *[]string, depth int) {}

func (r *recursiveNode) open(e *env) (rowIter, error) {
	rows, err := drainNode(e, r.anchor)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	keep := func(in []value.Row) []value.Row {
		if !r.distinct {
			return in
		}
		var out []value.Row
		for _, row := range in {
			k := string(rowKey(row))
			if !seen[k] {
				seen[k] = true
				out = append(out, row)
			}
		}
		return out
	}
	rows = keep(rows)
	result := append([]value.Row(nil), rows...)
	for len(rows) > 0 {
		e.cache[r.work] = rows
		next, err := drainNode(e, r.step)
		if err != nil {
			return nil, err
		}
		rows = keep(next)
		result = append(result, rows...)
		if len(result) > maxRecursiveRows {
			return nil, fmt.Errorf("recursive CTE exceeded %d rows", maxRecursiveRows)
		}
	}
	return &sliceIter{rows: result}, nil
}
