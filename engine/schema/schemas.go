package schema

import (
	"sort"
	"strings"
)

// Named schemas. Every catalog has the schemas "main" and "temp"; others
// are added with AddSchema (by `apply schema` or `create schema`). Objects
// of main are keyed by their lower-cased name alone, so the main-only
// accessors (Table, View, Index, DropTable, DropView) keep working; objects
// of any other schema are keyed by "schema\x00name", which no unquoted or
// quoted SQL identifier of main can collide with.

// TempSchema is the always-present temporary schema.
const TempSchema = "temp"

// qkey is the map key of object name in schema schemaName.
func qkey(schemaName, name string) string {
	if schemaName == "" || strings.EqualFold(schemaName, MainSchema) {
		return key(name)
	}
	return key(schemaName) + "\x00" + key(name)
}

// IsMain reports whether name designates the main schema ("" counts).
func IsMain(name string) bool { return name == "" || strings.EqualFold(name, MainSchema) }

// HasSchema reports whether the named schema exists.
func (c *Catalog) HasSchema(name string) bool {
	if IsMain(name) || strings.EqualFold(name, TempSchema) {
		return true
	}
	_, ok := c.schemas[key(name)]
	return ok
}

// SchemaName returns the canonical spelling of an existing schema ("" when
// it does not exist).
func (c *Catalog) SchemaName(name string) string {
	switch {
	case IsMain(name):
		return MainSchema
	case strings.EqualFold(name, TempSchema):
		return TempSchema
	}
	return c.schemas[key(name)]
}

// AddSchema creates a schema (a no-op when it exists).
func (c *Catalog) AddSchema(name string) {
	if !c.HasSchema(name) {
		c.schemas[key(name)] = name
	}
}

// Schemas lists every schema: main, temp, then the others sorted by name.
func (c *Catalog) Schemas() []string {
	out := make([]string, 0, len(c.schemas))
	for _, v := range c.schemas {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return append([]string{MainSchema, TempSchema}, out...)
}

// TableIn looks a table up in the named schema.
func (c *Catalog) TableIn(schemaName, name string) *Table { return c.tables[qkey(schemaName, name)] }

// ViewIn looks a view up in the named schema.
func (c *Catalog) ViewIn(schemaName, name string) *View { return c.views[qkey(schemaName, name)] }

// IndexIn looks an index up in the named schema.
func (c *Catalog) IndexIn(schemaName, name string) *Index { return c.indexes[qkey(schemaName, name)] }

// DropTableIn removes a table of the named schema and its indexes.
func (c *Catalog) DropTableIn(schemaName, name string) {
	if old := c.tables[qkey(schemaName, name)]; old != nil {
		for _, ix := range old.Indexes {
			delete(c.indexes, qkey(schemaName, ix.Name))
		}
	}
	delete(c.tables, qkey(schemaName, name))
}

// DropViewIn removes a view of the named schema.
func (c *Catalog) DropViewIn(schemaName, name string) { delete(c.views, qkey(schemaName, name)) }

// TablesIn lists the tables of one schema sorted by name.
func (c *Catalog) TablesIn(schemaName string) []*Table {
	var out []*Table
	for _, t := range c.Tables() {
		if sameSchema(t.Schema, schemaName) {
			out = append(out, t)
		}
	}
	return out
}

// ViewsIn lists the views of one schema sorted by name.
func (c *Catalog) ViewsIn(schemaName string) []*View {
	var out []*View
	for _, v := range c.Views() {
		if sameSchema(v.Schema, schemaName) {
			out = append(out, v)
		}
	}
	return out
}

func sameSchema(a, b string) bool {
	if IsMain(a) {
		return IsMain(b)
	}
	return strings.EqualFold(a, b)
}
