package engine

// matview_attach.go holds the checks an attach (ALTER TABLE ... SET
// MAINTAINED, or CREATE TABLE ... MAINTAINED AS) runs before the table
// becomes maintained: the body must be a SELECT that does not read the
// table itself (directly or through other materialized views), the
// table may not have generated columns, and an attach over a plain table
// may only append columns to its shape.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// maxDerivationDepth bounds the walk through materialized views.
const maxDerivationDepth = 64

// readsRelation reports whether a query reads the named relation,
// directly or through the bodies of the materialized views it reads.
func (c *compiler) readsRelation(sel *parser.Select, name string, depth int) bool {
	if sel == nil || depth > maxDerivationDepth {
		return false
	}
	found := false
	var walkBody func(b parser.SelectBody)
	var walkFrom func(te parser.TableExpr)
	walkFrom = func(te parser.TableExpr) {
		switch te := te.(type) {
		case *parser.TableRef:
			if strings.EqualFold(te.Name, name) {
				found = true
				return
			}
			if _, v, err := c.resolveRelation(te.Schema, te.Name); err == nil && v != nil && v.Materialized() {
				found = found || c.readsRelation(v.Select, name, depth+1)
			}
		case *parser.Join:
			walkFrom(te.Left)
			walkFrom(te.Right)
		case *parser.SubqueryTable:
			found = found || c.readsRelation(te.Select, name, depth+1)
		}
	}
	walkBody = func(b parser.SelectBody) {
		switch b := b.(type) {
		case *parser.SelectCore:
			if b.From != nil {
				walkFrom(b.From)
			}
		case *parser.Compound:
			walkBody(b.Left)
			walkBody(b.Right)
		}
	}
	walkBody(sel.Body)
	return found
}

// checkAttachBody validates the body of an attach to table name.
func (c *compiler) checkAttachBody(name string, q parser.Stmt) (*parser.Select, error) {
	sel, ok := q.(*parser.Select)
	if !ok {
		return nil, fmt.Errorf("maintained table %s: a %s statement cannot be used as a view body", name, stmtKind(q))
	}
	if err := rejectDMLWith(sel); err != nil {
		return nil, err
	}
	if c.readsRelation(sel, name, 0) {
		return nil, fmt.Errorf("maintained table %s: the body reads %s itself (derivation cycle)", name, name)
	}
	return sel, nil
}

// stmtKind names a statement's verb for messages.
func stmtKind(q parser.Stmt) string {
	switch q.(type) {
	case *parser.Insert:
		return "INSERT"
	case *parser.Update:
		return "UPDATE"
	case *parser.Delete:
		return "DELETE"
	}
	return "non-SELECT"
}

// checkGenerated refuses generated columns on a maintained table: the body
// supplies every column's value.
func checkGenerated(name string, cols []*parser.ColumnDef) error {
	for _, cd := range cols {
		if columnConstraint(cd, parser.ConstrGenerated) != nil {
			return fmt.Errorf("maintained table %s: column %s is generated, but the body supplies every column's value", name, cd.Name)
		}
	}
	return nil
}

// checkReshape allows an attach over plain table t only when the body's
// columns extend the table's in order (an append).
func checkReshape(t *schema.Table, out []string) error {
	for i, col := range t.Columns {
		if i >= len(out) || !strings.EqualFold(col.Name, out[i]) {
			got := "nothing"
			if i < len(out) {
				got = out[i]
			}
			return fmt.Errorf("maintained table %s: the shape changed incompatibly (column %d is %s in the table but %s in the body)",
				t.Name, i+1, col.Name, got)
		}
	}
	return nil
}
