package engine

import (
	"fmt"
	"strings"
	"sync"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
)

// Named schemas and name resolution.
//
// A qualified name (`s.t`) is looked up in schema s only; an unknown s is
// "unknown schema: s". An unqualified name walks a search path one schema
// at a time, tables and views together (they share one namespace per
// schema): the statement's WITH SCHEMA list when it has one, else the
// session path set by `pragma schema_path = 'a,b'`, else just main. A view
// body resolves unqualified names in the view's own schema, whatever the
// reader's path is.

// maxSchemaPath bounds the entries of a search path.
const maxSchemaPath = 64

// schemaState is a Database's declared schemas (`declare schema`) and its
// session search path.
type schemaState struct {
	mu       sync.Mutex
	declared map[string]*parser.DeclareSchema // by lower-cased schema name
	path     []string                         // nil: main only
	strict   bool                             // ddl_transaction_policy = strict
}

func (s *schemaState) declare(d *parser.DeclareSchema) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.declared == nil {
		s.declared = map[string]*parser.DeclareSchema{}
	}
	s.declared[strings.ToLower(d.Name)] = d
}

func (s *schemaState) declaredSchema(name string) *parser.DeclareSchema {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.declared[strings.ToLower(name)]
}

func (s *schemaState) setPath(p []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.path = p
}

func (s *schemaState) searchPath() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.path) == 0 {
		return []string{schema.MainSchema}
	}
	return s.path
}

// parseSchemaPath splits a `pragma schema_path` value ("a, b").
func parseSchemaPath(text string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(text, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(out) == maxSchemaPath {
			return nil, fmt.Errorf("schema_path has more than %d entries", maxSchemaPath)
		}
		out = append(out, p)
	}
	return out, nil
}

// searchPath is the path unqualified names are resolved on.
func (c *compiler) searchPath() []string {
	switch {
	case c.homeSeesMain && strings.EqualFold(c.homeSchema, schema.TempSchema):
		return []string{schema.TempSchema, schema.MainSchema}
	case c.homeSchema != "":
		return []string{c.homeSchema}
	case len(c.schemaPath) > 0:
		return c.schemaPath
	}
	return c.conn.db.schemas.searchPath()
}

// withSchemaPath sets the statement-level WITH SCHEMA path (when given).
func (c *compiler) withSchemaPath(p []string) {
	if len(p) > 0 {
		c.schemaPath = p
	}
}

// checkSchema validates an explicit qualifier.
func (c *compiler) checkSchema(name string) error {
	if name != "" && c.cat.SchemaName(name) == "" {
		return fmt.Errorf("unknown schema: %s", name)
	}
	return nil
}

// targetSchema is the schema a CREATE puts an object into: the qualifier,
// else the first schema of the search path.
func (c *compiler) targetSchema(qualifier string) (string, error) {
	if qualifier == "" {
		p := c.searchPath()
		qualifier = p[0]
	}
	sn := c.cat.SchemaName(qualifier)
	if sn == "" {
		return "", fmt.Errorf("unknown schema: %s", qualifier)
	}
	return sn, nil
}

// resolveRelation finds the table or view a (possibly qualified) name
// designates.
func (c *compiler) resolveRelation(qualifier, name string) (*schema.Table, *schema.View, error) {
	if qualifier != "" {
		sn := c.cat.SchemaName(qualifier)
		if sn == "" {
			return nil, nil, fmt.Errorf("unknown schema: %s", qualifier)
		}
		if t := c.cat.TableIn(sn, name); t != nil {
			return t, nil, nil
		}
		if v := c.cat.ViewIn(sn, name); v != nil {
			return nil, v, nil
		}
		if schema.IsMain(sn) {
			return nil, nil, errNoTable(name)
		}
		return nil, nil, fmt.Errorf("no such table: %s.%s (Table not found: %s.%s)", sn, name, sn, name)
	}
	path := c.searchPath()
	for _, s := range path {
		sn := c.cat.SchemaName(s)
		if sn == "" {
			continue
		}
		if t := c.cat.TableIn(sn, name); t != nil {
			return t, nil, nil
		}
		if v := c.cat.ViewIn(sn, name); v != nil {
			return nil, v, nil
		}
	}
	return nil, nil, c.errNotInPath(name, path)
}

// errNotInPath is the unqualified-miss error, with a hint naming the
// schemas off the path that do hold the name.
func (c *compiler) errNotInPath(name string, path []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "no such table: %s (Table '%s' not found in schema path: %s)", name, name, strings.Join(path, ", "))
	for _, s := range c.cat.Schemas() {
		if c.cat.TableIn(s, name) != nil || c.cat.ViewIn(s, name) != nil {
			fmt.Fprintf(&b, "\n  Did you mean: %s.%s?", s, name)
		}
	}
	return fmt.Errorf("%s", b.String())
}

// storeCacheName is a table's key in the Database's store cache.
func storeCacheName(t *schema.Table) string {
	if schema.IsMain(t.Schema) {
		return strings.ToLower(t.Name)
	}
	return strings.ToLower(t.Schema) + "\x01" + strings.ToLower(t.Name)
}

// schemaOf is the storage schema name of a table.
func schemaOf(t *schema.Table) string {
	if t.Schema == "" {
		return schema.MainSchema
	}
	return t.Schema
}

// qualifiedCatalogKey is a catalog key for an object of any schema; main
// keeps the historical keys.
func qualifiedCatalogKey(kind, schemaName, name string) string {
	prefix := ""
	if kind != "table" {
		prefix = "\x00" + kind + "\x00"
	}
	if schemaName == "" {
		schemaName = schema.MainSchema
	}
	return prefix + strings.ToLower(schemaName) + "." + strings.ToLower(name)
}

// schemaOfView is the schema a view lives in.
func schemaOfView(v *schema.View) string {
	if v.Schema == "" {
		return schema.MainSchema
	}
	return v.Schema
}

// exprIn compiles a schema-authored expression of table t (a DEFAULT, a
// generated column, a CHECK): its unqualified names resolve in t's own
// schema, not on the writing statement's path.
func (c *compiler) exprIn(t *schema.Table, sc *scope, x parser.Expr) (*cexpr, error) {
	defer c.homeIn(t)()
	return c.expr(sc, x)
}

// homeIn makes t's schema the resolution home; the returned func restores
// the previous one.
func (c *compiler) homeIn(t *schema.Table) func() {
	home := c.homeSchema
	c.homeSchema = schemaOf(t)
	return func() { c.homeSchema = home }
}

// assertionName is the catalog name of an assertion: its own name in main,
// "schema.name" elsewhere (which is also how failures name it).
func assertionName(sn, name string) string {
	if schema.IsMain(sn) {
		return name
	}
	return sn + "." + name
}

// assertionSchema is the schema an assertion was created in.
func assertionSchema(cat *schema.Catalog, a *schema.Assertion) string {
	if a.Def == nil || schema.IsMain(a.Def.Name.Schema) {
		return schema.MainSchema
	}
	if sn := cat.SchemaName(a.Def.Name.Schema); sn != "" {
		return sn
	}
	return a.Def.Name.Schema
}

// loadedSchema is the schema of a catalog entry being loaded: its
// qualifier (registering the schema) or main.
func loadedSchema(cat *schema.Catalog, qualifier string) string {
	if schema.IsMain(qualifier) {
		return schema.MainSchema
	}
	if sn := cat.SchemaName(qualifier); sn != "" {
		return sn
	}
	cat.AddSchema(qualifier)
	return qualifier
}

// fkParentSchema is the schema of a foreign key's parent table: its
// qualifier, else the child's own schema.
func fkParentSchema(child *schema.Table, fk *schema.ForeignKey) string {
	if fk.RefSchema != "" {
		if schema.IsMain(fk.RefSchema) {
			return schema.MainSchema
		}
		return fk.RefSchema
	}
	return schemaOf(child)
}

// tableByName finds a table named by a string argument: "t" in main, or
// "schema.t" when the prefix names an existing schema.
func tableByName(cat catalogView, name string) *schema.Table {
	if t := cat.Table(name); t != nil {
		return t
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		if sn := cat.SchemaName(name[:i]); sn != "" {
			return cat.TableIn(sn, name[i+1:])
		}
	}
	return nil
}
