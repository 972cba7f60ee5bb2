package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// Declarative schema statements.
//
// `declare schema s { ... }` validates and records the desired content of
// schema s (per Database, replacing an earlier declaration of s); nothing
// is created. `diff schema s` compares the declaration with the catalog
// and returns the migration as rows of one column, ddl (see diff.go).
// `apply schema s [with seed] [options (...)]` runs that migration in the
// statement's transaction, creating s first when it is not main, and with
// `with seed` inserts the declared seed rows, skipping rows whose primary
// key already exists (see apply.go).

// stmtSchemaPath is a statement's WITH SCHEMA list (nil when absent).
func stmtSchemaPath(ast parser.Stmt) []string {
	switch st := ast.(type) {
	case *parser.Select:
		return st.WithSchema
	case *parser.Insert:
		if len(st.WithSchema) == 0 && st.Source != nil {
			return st.Source.WithSchema
		}
		return st.WithSchema
	case *parser.Update:
		return st.WithSchema
	case *parser.Delete:
		return st.WithSchema
	}
	return nil
}

// schemaPathPragma reads or sets `pragma schema_path`.
func (c *compiler) schemaPathPragma(st *parser.Pragma) (*program, error) {
	db := c.conn.db
	if st.Value == nil {
		return &program{rows: true, cols: []outCol{{name: "name"}, {name: "value"}},
			exec: func(*env) (int64, []value.Row, error) {
				return 0, []value.Row{{value.Text("schema_path"), value.Text(strings.Join(db.schemas.searchPath(), ","))}}, nil
			}}, nil
	}
	v, err := pragmaValue(st.Value)
	if err != nil {
		return nil, err
	}
	path, err := parseSchemaPath(toText(v))
	if err != nil {
		return nil, err
	}
	return &program{exec: func(*env) (int64, []value.Row, error) {
		db.schemas.setPath(path)
		return 0, nil, nil
	}}, nil
}

// schemaStatement compiles DECLARE / DIFF / APPLY SCHEMA.
func (c *compiler) schemaStatement(ast parser.Stmt) (*program, error) {
	db := c.conn.db
	switch st := ast.(type) {
	case *parser.DeclareSchema:
		if st.Logical {
			return nil, fmt.Errorf("declare logical schema is not supported")
		}
		if err := validateSeeds(st); err != nil {
			return nil, err
		}
		return &program{exec: func(*env) (int64, []value.Row, error) {
			db.schemas.declare(st)
			return 0, nil, nil
		}}, nil
	case *parser.DiffSchema:
		name := st.Name
		return &program{rows: true, cols: []outCol{{name: "ddl", typ: "TEXT"}},
			exec: func(e *env) (int64, []value.Row, error) {
				stmts, err := migration(e.conn, name)
				if err != nil {
					return 0, nil, err
				}
				rows := make([]value.Row, len(stmts))
				for i, s := range stmts {
					rows[i] = value.Row{value.Text(s)}
				}
				return 0, rows, nil
			}}, nil
	case *parser.ApplySchema:
		if err := checkApplyOptions(st.Options); err != nil {
			return nil, err
		}
		return ddlProgram(func(e *env) error { return applySchema(e, st) }), nil
	}
	return nil, fmt.Errorf("unsupported statement: %T", ast)
}

// declaredKind names an item kind the way the duplicate errors do.
func declaredKind(n parser.Node) (kind, name string) {
	switch it := n.(type) {
	case *parser.CreateTable:
		return "table", it.Name.Name
	case *parser.CreateView:
		if it.Materialized {
			return "materialized view", it.Name.Name
		}
		return "view", it.Name.Name
	case *parser.CreateIndex:
		return "index", it.Name.Name
	case *parser.CreateAssertion:
		return "assertion", it.Name.Name
	}
	return "", ""
}

// validateSeeds rejects a declaration with two seeds for one table (the
// declaration is then not recorded).
func validateSeeds(d *parser.DeclareSchema) error {
	seeds := map[string]bool{}
	for _, it := range d.Items {
		if s, ok := it.(*parser.Seed); ok {
			k := strings.ToLower(s.Table)
			if seeds[k] {
				return fmt.Errorf("Seed data for table '%s' is declared more than once in schema '%s'", s.Table, d.Name)
			}
			seeds[k] = true
		}
	}
	return nil
}

// validateDeclaration rejects duplicate names in a declaration (checked by
// diff and apply): tables, views and materialized views share one
// namespace; indexes and assertions have their own.
func validateDeclaration(d *parser.DeclareSchema) error {
	relations := map[string]string{}
	others := map[string]bool{}
	for _, it := range d.Items {
		kind, name := declaredKind(it)
		if kind == "" {
			continue
		}
		k := strings.ToLower(name)
		if kind == "index" || kind == "assertion" {
			if others[kind+"\x00"+k] {
				return fmt.Errorf("%s '%s' is declared more than once in schema '%s'", capitalize(kind), name, d.Name)
			}
			others[kind+"\x00"+k] = true
			continue
		}
		if prev, ok := relations[k]; ok {
			if prev == kind {
				return fmt.Errorf("%s '%s' is declared more than once in schema '%s'", capitalize(kind), name, d.Name)
			}
			return fmt.Errorf("'%s' is declared as both a %s and a %s in schema '%s'", name, prev, kind, d.Name)
		}
		relations[k] = kind
	}
	return nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checkApplyOptions validates `apply schema ... options (...)`.
func checkApplyOptions(opts []*parser.Option) error {
	for _, o := range opts {
		switch strings.ToLower(o.Name) {
		case "allow_destructive":
			if !isBoolLiteral(o.Value) {
				return fmt.Errorf("Expected 'true' or 'false' for apply schema option '%s'", o.Name)
			}
		case "rename_policy":
			v := optionText(o.Value)
			switch strings.ToLower(v) {
			case "allow", "require-hint", "deny":
			default:
				return fmt.Errorf("Invalid rename_policy '%s' (expected 'allow', 'require-hint' or 'deny')", v)
			}
		default:
			return fmt.Errorf("Unsupported apply schema option '%s'", o.Name)
		}
	}
	return nil
}

func isBoolLiteral(x parser.Expr) bool {
	switch x := x.(type) {
	case *parser.Literal:
		v := literalValue(x)
		return v.Kind() == value.KindBoolean
	case *parser.ColumnRef:
		l := strings.ToLower(x.Column)
		return l == "true" || l == "false"
	}
	return false
}

// optionText is the text of an option value (a string literal or a bare
// word).
func optionText(x parser.Expr) string {
	switch x := x.(type) {
	case *parser.Literal:
		return toText(literalValue(x))
	case *parser.ColumnRef:
		return x.Column
	}
	return parser.ExprString(x)
}
