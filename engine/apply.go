package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// applySchema runs `apply schema`: it creates the schema when needed, runs
// the migration DDL of diff.go statement by statement in the current
// transaction and, with `with seed`, inserts the seed rows.
func applySchema(e *env, st *parser.ApplySchema) error {
	d := e.conn.db.schemas.declaredSchema(st.Name)
	if d == nil {
		return fmt.Errorf("No declared schema found for '%s'", st.Name)
	}
	if err := validateDeclaration(d); err != nil {
		return err
	}
	sn := e.conn.catalog().SchemaName(d.Name)
	if sn == "" {
		e.conn.editCatalog().AddSchema(d.Name)
		sn = d.Name
	}
	stmts, err := diffSchema(e.conn.db, e.conn.catalog(), sn, d)
	if err != nil {
		return err
	}
	for _, text := range stmts {
		if err := runNested(e, text); err != nil {
			return err
		}
	}
	if !st.WithSeed {
		return nil
	}
	for _, it := range d.Items {
		if s, ok := it.(*parser.Seed); ok && len(s.Rows) > 0 {
			text, err := seedInsert(e.conn.catalog(), sn, s)
			if err != nil {
				return err
			}
			if err := runNested(e, text); err != nil {
				return err
			}
		}
	}
	return nil
}

// runNested compiles and runs one statement inside the running statement's
// transaction, against the session's current catalog.
func runNested(e *env, text string) error {
	ast, err := parser.Parse(text)
	if err != nil {
		return fmt.Errorf("%s: %w", text, err)
	}
	comp := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet()}
	prog, err := comp.statement(ast)
	if err != nil {
		return err
	}
	prog = gateDDL(ast, prog)
	if prog.exec == nil {
		return fmt.Errorf("cannot run %q inside apply schema", text)
	}
	_, _, err = prog.exec(e)
	return err
}

// seedInsert is the INSERT of a seed: existing primary keys are skipped,
// so re-applying a seed keeps rows users edited and fires no cascades.
func seedInsert(cat *schema.Catalog, sn string, s *parser.Seed) (string, error) {
	t := cat.TableIn(sn, s.Table)
	if t == nil {
		return "", fmt.Errorf("Seed data for table '%s': table is not declared in schema '%s'", s.Table, sn)
	}
	var b strings.Builder
	b.WriteString("insert into ")
	if !schema.IsMain(sn) {
		b.WriteString(quoteName(sn) + ".")
	}
	b.WriteString(quoteName(t.Name))
	b.WriteString(" values ")
	for i, row := range s.Rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for j, x := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(parser.ExprString(x))
		}
		b.WriteString(")")
	}
	if len(t.PK) > 0 {
		b.WriteString(" on conflict (")
		for i, p := range t.PK {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteName(t.Columns[p.Col].Name))
		}
		b.WriteString(") do nothing")
	}
	return b.String(), nil
}

// quoteName double-quotes an identifier.
func quoteName(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
