package engine

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/functions/jsonfn"
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// tvf_schema.go renders catalog objects for the introspection table-valued
// functions: the CREATE INDEX text schema() reports, tag sets as JSON
// text, and the function rows.

// quoteIdent double-quotes an identifier the way Quereus prints schema
// objects (always quoted, embedded quotes doubled).
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// indexSQL is the CREATE INDEX statement of ix in Quereus's schema() form:
// every part quoted and followed by its collation (BINARY when none),
// `CREATE INDEX "idx_name" ON "products" ("name" COLLATE BINARY)`. UNIQUE
// and a partial index's WHERE clause are kept so the text re-creates the
// same index; an expression part is parenthesized.
func indexSQL(t *schema.Table, ix *schema.Index) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX ")
	b.WriteString(quoteIdent(ix.Name))
	b.WriteString(" ON ")
	b.WriteString(quoteIdent(t.Name))
	b.WriteString(" (")
	for i, p := range ix.Parts {
		if i > 0 {
			b.WriteString(", ")
		}
		if p.Col >= 0 && p.Col < len(t.Columns) {
			b.WriteString(quoteIdent(t.Columns[p.Col].Name))
		} else {
			b.WriteString("(" + parser.ExprString(p.Expr) + ")")
		}
		coll := p.Collation
		if coll == "" {
			coll = "BINARY"
		}
		b.WriteString(" COLLATE " + strings.ToUpper(coll))
		if p.Desc {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	if ix.Where != nil {
		b.WriteString(" WHERE " + parser.ExprString(ix.Where))
	}
	return b.String()
}

// tagsValue is a tag set as a JSON object text, or NULL when there are no
// tags (so `tags IS NULL` finds untagged objects). Literal tag values keep
// their JSON type (text, number, boolean, null); any other expression is
// recorded as its SQL text.
func tagsValue(tags []*parser.Tag) value.Value {
	if len(tags) == 0 {
		return value.Null()
	}
	m := make(map[string]any, len(tags))
	for _, tg := range tags {
		m[tg.Name] = tagJSON(tg.Value)
	}
	out, err := json.Marshal(m)
	if err != nil {
		return value.Null()
	}
	return value.Text(string(out))
}

func tagJSON(x parser.Expr) any {
	if u, ok := x.(*parser.Unary); ok && u.Op == parser.OpNeg {
		if l, ok := u.X.(*parser.Literal); ok && (l.Kind == parser.LitInteger || l.Kind == parser.LitReal) {
			return json.RawMessage("-" + literalJSON(l))
		}
	}
	l, ok := x.(*parser.Literal)
	if !ok {
		if x == nil {
			return nil
		}
		return parser.ExprString(x)
	}
	switch l.Kind {
	case parser.LitNull:
		return nil
	case parser.LitBool:
		return l.Bool
	case parser.LitString:
		return l.Str
	case parser.LitInteger, parser.LitReal:
		return json.RawMessage(literalJSON(l))
	}
	return parser.ExprString(l)
}

// literalJSON is a numeric literal as a JSON number.
func literalJSON(l *parser.Literal) string {
	v := literalValue(l)
	if s := v.String(); json.Valid([]byte(s)) {
		return s
	}
	return "null"
}

// functionRows are schema()'s rows for the registered functions: one per
// name (scalars, aggregates and window functions from the registry, plus
// the table-valued functions), sorted by name, with the signature text
// `FUNCTION name(...)` as sql and no tags.
func functionRows() []value.Row {
	names := functions.Default.Names()
	for _, tf := range jsonfn.TableFunctions {
		names = append(names, tf.Name)
	}
	names = append(names, introspectionFunctionNames...)
	sort.Strings(names)
	rows := make([]value.Row, 0, len(names))
	prev := ""
	for _, n := range names {
		if n == prev {
			continue
		}
		prev = n
		rows = append(rows, value.Row{value.Text(schema.MainSchema), value.Text("function"), value.Text(n),
			value.Text(n), value.Text("FUNCTION " + n + "(...)"), value.Null()})
	}
	return rows
}

// introspectionFunctionNames are the engine's own table-valued functions.
var introspectionFunctionNames = []string{"generate_series", "schema", "table_info", "index_info",
	"foreign_key_info", "unique_constraint_info", "check_constraint_info", "column_info",
	"assertion_info"}
