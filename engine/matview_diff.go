package engine

// matview_diff.go renders the DDL `diff schema` emits for materialized
// views: a removed one is dropped with DROP MATERIALIZED VIEW, and one
// whose definition changed is re-attached in place with ALTER TABLE ...
// SET MAINTAINED (its rows are re-derived; the name keeps its identity).

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// viewDropDDL is the DROP statement for view v under the schema prefix.
func viewDropDDL(v *schema.View, prefix string) string {
	if v.Materialized() {
		return "DROP MATERIALIZED VIEW IF EXISTS " + prefix + v.Name
	}
	return "DROP VIEW IF EXISTS " + prefix + v.Name
}

// reattachInPlace reports whether a changed view is re-attached rather
// than dropped and recreated: both the stored and the declared view are
// materialized.
func reattachInPlace(actual *schema.View, declared *parser.CreateView) bool {
	return actual != nil && actual.Materialized() && declared.Materialized
}

// reattachDDL is the ALTER TABLE ... SET MAINTAINED statement that
// re-attaches materialized view name (qualified for schema sn) to the
// declared body.
func reattachDDL(declared *parser.CreateView, sn string) string {
	return parser.StmtString(&parser.AlterTable{Kind: parser.ObjTable, Name: qualify(declared.Name, sn),
		Action: &parser.SetMaintained{Columns: declared.Columns, Query: declared.Select}})
}
