package engine

// matview_fill.go is the set contract of a materialized view's fill
// (create and REFRESH): a body with no known key must produce distinct
// rows, and a coarsened-key body must be a set on its key.
//
// Coarsened key: A body that passes its source's primary key through a collation
// change (`select handle collate nocase as handle ...`) is keyed on the
// coarsened key; a fill (create or REFRESH) over source rows that collide
// under it is refused: the body's result must be a set on that key.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// stripPassthrough removes value-preserving wrappers (parentheses,
// COLLATE, CAST) and reports whether a COLLATE was among them.
func stripPassthrough(x parser.Expr) (parser.Expr, bool) {
	collated := false
	for {
		switch y := x.(type) {
		case *parser.Paren:
			x = y.X
		case *parser.Collate:
			x, collated = y.X, true
		case *parser.Cast:
			x = y.X
		default:
			return x, collated
		}
	}
}

// coarsenedKey returns the output positions of a body's coarsened key: the
// source primary-key columns passed through with at least one collation
// change. It returns nil when the body is not of that shape.
func (c *compiler) coarsenedKey(sel *parser.Select) []int {
	if sel == nil || sel.With != nil {
		return nil
	}
	core, ok := sel.Body.(*parser.SelectCore)
	if !ok || len(core.GroupBy) > 0 || core.Distinct {
		return nil
	}
	ref, ok := core.From.(*parser.TableRef)
	if !ok {
		return nil
	}
	src, v, err := c.resolveRelation(ref.Schema, ref.Name)
	if err != nil || v != nil || len(src.PK) == 0 {
		return nil
	}
	pos := make([]int, len(src.PK))
	for i := range pos {
		pos[i] = -1
	}
	coarsened := false
	for i, rc := range core.Columns {
		if rc.Star {
			return nil
		}
		x, collated := stripPassthrough(rc.Expr)
		cr, ok := x.(*parser.ColumnRef)
		if !ok {
			continue
		}
		ci := src.ColumnIndex(cr.Column)
		for k, kp := range src.PK {
			if kp.Col == ci && pos[k] < 0 {
				pos[k] = i
				coarsened = coarsened || collated
			}
		}
	}
	for _, p := range pos {
		if p < 0 {
			return nil
		}
	}
	if !coarsened {
		return nil
	}
	return pos
}

// checkSetFill refuses a fill of materialized view v whose rows collide
// on its coarsened key.
func checkSetFill(e *env, v *schema.View) error {
	sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: schemaOfView(v)}
	pos := sub.coarsenedKey(v.Select)
	bag := false
	if pos == nil {
		if sub.simpleProjection(v.Select, nil) != nil {
			return nil // a plain projection carries its source key: always a set
		}
		bag = true // no key is known: the whole row must be unique
	}
	plan, err := sub.query(&scope{noRow: true}, v.Select)
	if err != nil {
		return fmt.Errorf("materialized view %s is stale: %w", v.Name, err)
	}
	rows, err := drainNode(e, plan.root)
	if err != nil {
		return err
	}
	if bag {
		pos = make([]int, len(plan.cols))
		for i := range pos {
			pos[i] = i
		}
	}
	kps := make([]schema.KeyPart, len(pos))
	names := make([]string, len(pos))
	for i, p := range pos {
		kps[i] = schema.KeyPart{Col: p, Collation: plan.cols[p].coll}
		names[i] = plan.cols[p].name
	}
	parts := partsOf(kps)
	seen := map[string]bool{}
	for _, r := range rows {
		vals := make([]value.Value, len(pos))
		for i, p := range pos {
			vals[i] = r[p]
		}
		k := string(appendKey(nil, vals, parts))
		if seen[k] && bag {
			return fmt.Errorf("materialized view '%s.%s' body produces duplicate rows, so it has no unique key", v.Schema, v.Name)
		}
		if seen[k] {
			return fmt.Errorf("materialized view %s: the body's rows must be a set on its key, but source rows derive duplicate rows for primary key (%s)",
				v.Name, strings.Join(names, ", "))
		}
		seen[k] = true
	}
	return nil
}
