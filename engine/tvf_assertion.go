package engine

import (
	"encoding/json"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// tvf_assertion.go implements assertion_info(): one row per CREATE
// ASSERTION, sorted by name. violation_sql is the query whose rows mean the
// assertion is violated (`select 1 where not (<check>)`); assertions are
// checked at commit, so they report deferrable and initially_deferred as
// 1; dependent_tables is a JSON array with one {"base": "main.<table>"}
// object (lower case) per base-table reference in the check.

var assertionInfoCols = typedCols("name:TEXT", "violation_sql:TEXT", "deferrable:INTEGER",
	"initially_deferred:INTEGER", "dependent_tables:TEXT")

func assertionInfoFunction() *tableFunction {
	return &tableFunction{cols: assertionInfoCols, nargs: func(n int) bool { return n == 0 },
		call: func(e *env, _ []value.Value) ([]value.Row, error) {
			cat := e.conn.catalog()
			var rows []value.Row
			for _, a := range cat.Assertions() {
				deps := []map[string]string{}
				visitAST(a.Check, func(n any) {
					if ref, ok := n.(*parser.TableRef); ok {
						if t := cat.Table(ref.Name); t != nil {
							deps = append(deps, map[string]string{"base": lowerASCII(t.Schema + "." + t.Name)})
						}
					}
				})
				depJSON, err := json.Marshal(deps)
				if err != nil {
					return nil, err
				}
				rows = append(rows, value.Row{value.Text(a.Name),
					value.Text("select 1 where not (" + parser.ExprString(a.Check) + ")"),
					value.Int(1), value.Int(1), value.Text(string(depJSON))})
			}
			return rows, nil
		}}
}

// lowerASCII lower-cases ASCII letters only (schema object keys).
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
