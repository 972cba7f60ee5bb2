package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// The ddl_transaction_policy pragma. Under `permissive` (the default) DDL
// runs inside explicit transactions like any statement. Under `strict`,
// DDL that Quereus dispatches to a table module (CREATE / DROP TABLE and
// INDEX, ALTER TABLE, materialized views) is refused while an explicit
// transaction is open, before it changes anything, so the transaction stays
// usable. Autocommit DDL (including what `apply schema` generates) is not
// gated.

func (s *schemaState) strictDDL() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.strict
}

func (s *schemaState) setStrictDDL(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.strict = on
}

// ddlPolicyPragma reads or sets `pragma ddl_transaction_policy`.
func (c *compiler) ddlPolicyPragma(st *parser.Pragma) (*program, error) {
	db := c.conn.db
	if st.Value == nil {
		return &program{rows: true, cols: []outCol{{name: "name"}, {name: "value"}},
			exec: func(*env) (int64, []value.Row, error) {
				v := "permissive"
				if db.schemas.strictDDL() {
					v = "strict"
				}
				return 0, []value.Row{{value.Text("ddl_transaction_policy"), value.Text(v)}}, nil
			}}, nil
	}
	v, err := pragmaValue(st.Value)
	if err != nil {
		return nil, err
	}
	var strict bool
	switch strings.ToLower(toText(v)) {
	case "strict":
		strict = true
	case "permissive":
	default:
		return nil, fmt.Errorf("invalid ddl_transaction_policy: %s (expected 'permissive' or 'strict')", toText(v))
	}
	return &program{exec: func(*env) (int64, []value.Row, error) {
		db.schemas.setStrictDDL(strict)
		return 0, nil, nil
	}}, nil
}

// moduleDDL names the statement when it is DDL the strict policy gates.
func moduleDDL(ast parser.Stmt) string {
	switch st := ast.(type) {
	case *parser.CreateTable:
		return "CREATE TABLE"
	case *parser.CreateIndex:
		return "CREATE INDEX"
	case *parser.AlterTable:
		return "ALTER TABLE"
	case *parser.CreateView:
		if st.Materialized {
			return "CREATE MATERIALIZED VIEW"
		}
	case *parser.Drop:
		switch st.Kind {
		case parser.ObjTable:
			return "DROP TABLE"
		case parser.ObjIndex:
			return "DROP INDEX"
		case parser.ObjMaterializedView:
			if !st.IfExists { // IF EXISTS may have no target to resolve a module from
				return "DROP MATERIALIZED VIEW"
			}
		}
	case *parser.RefreshMaterializedView:
		return "REFRESH MATERIALIZED VIEW"
	}
	return ""
}

// gateDDL makes a gated DDL program fail inside an explicit transaction
// when the policy is strict.
func gateDDL(ast parser.Stmt, prog *program) *program {
	verb := moduleDDL(ast)
	if verb == "" || prog.exec == nil {
		return prog
	}
	inner := prog.exec
	prog.exec = func(e *env) (int64, []value.Row, error) {
		if (e.conn.explicit || e.conn.apiTx) && e.conn.db.schemas.strictDDL() && !droppedIndexMissing(e, ast) {
			return 0, nil, fmt.Errorf("%s is not allowed inside an explicit transaction when ddl_transaction_policy = strict: the table module's schema change is not transactional", verb)
		}
		return inner(e)
	}
	return prog
}

// droppedIndexMissing reports a DROP INDEX whose target is not a droppable
// index: name resolution fails first, with the statement's own error.
func droppedIndexMissing(e *env, ast parser.Stmt) bool {
	st, ok := ast.(*parser.Drop)
	if !ok || st.Kind != parser.ObjIndex {
		return false
	}
	sn := st.Name.Schema
	if sn == "" {
		sn = schema.MainSchema
	}
	ix := e.conn.catalog().IndexIn(sn, st.Name.Name)
	return ix == nil || ix.Implicit
}
