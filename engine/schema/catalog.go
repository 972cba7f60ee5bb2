package schema

import (
	"sort"
	"strings"
)

// MainSchema is the default schema; others are created with AddSchema.
const MainSchema = "main"

// Catalog is a consistent set of schema objects. Treat it as immutable once
// published; use Clone to derive a modified catalog.
type Catalog struct {
	// Version increases with every published change; prepared statements
	// re-plan when it moved.
	Version uint64
	tables  map[string]*Table
	views   map[string]*View
	indexes map[string]*Index // by lower-cased index name
	asserts map[string]*Assertion
	schemas map[string]string // lower-cased name -> declared spelling (besides main)
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{tables: map[string]*Table{}, views: map[string]*View{}, indexes: map[string]*Index{},
		asserts: map[string]*Assertion{}, schemas: map[string]string{}}
}

func key(name string) string { return strings.ToLower(name) }

// Clone returns a shallow copy whose maps may be edited independently.
// Tables themselves are shared; replace a Table (PutTable) rather than
// mutating it.
func (c *Catalog) Clone() *Catalog {
	n := &Catalog{Version: c.Version + 1, tables: make(map[string]*Table, len(c.tables)),
		views: make(map[string]*View, len(c.views)), indexes: make(map[string]*Index, len(c.indexes)),
		asserts: make(map[string]*Assertion, len(c.asserts)), schemas: make(map[string]string, len(c.schemas))}
	for k, v := range c.schemas {
		n.schemas[k] = v
	}
	for k, v := range c.asserts {
		n.asserts[k] = v
	}
	for k, v := range c.tables {
		n.tables[k] = v
	}
	for k, v := range c.views {
		n.views[k] = v
	}
	for k, v := range c.indexes {
		n.indexes[k] = v
	}
	return n
}

// Table looks a table up by name.
func (c *Catalog) Table(name string) *Table { return c.tables[key(name)] }

// View looks a view up by name.
func (c *Catalog) View(name string) *View { return c.views[key(name)] }

// Index looks an index up by name.
func (c *Catalog) Index(name string) *Index { return c.indexes[key(name)] }

// PutTable adds or replaces a table (and registers its indexes).
func (c *Catalog) PutTable(t *Table) {
	if old := c.tables[qkey(t.Schema, t.Name)]; old != nil {
		for _, ix := range old.Indexes {
			delete(c.indexes, qkey(t.Schema, ix.Name))
		}
	}
	c.tables[qkey(t.Schema, t.Name)] = t
	for _, ix := range t.Indexes {
		// Indexes backing UNIQUE constraints are named per table; only
		// explicit indexes share the schema-wide index namespace.
		if !ix.Implicit {
			c.indexes[qkey(t.Schema, ix.Name)] = ix
		}
	}
}

// DropTable removes a table and its indexes.
func (c *Catalog) DropTable(name string) {
	if old := c.tables[key(name)]; old != nil {
		for _, ix := range old.Indexes {
			delete(c.indexes, key(ix.Name))
		}
	}
	delete(c.tables, key(name))
}

// PutView adds or replaces a view.
func (c *Catalog) PutView(v *View) { c.views[qkey(v.Schema, v.Name)] = v }

// DropView removes a view.
func (c *Catalog) DropView(name string) { delete(c.views, key(name)) }

// Tables lists the tables sorted by name.
func (c *Catalog) Tables() []*Table {
	out := make([]*Table, 0, len(c.tables))
	for _, t := range c.tables {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// HasViews reports whether the catalog holds any view (Views allocates).
func (c *Catalog) HasViews() bool { return len(c.views) > 0 }

// Views lists the views sorted by name.
func (c *Catalog) Views() []*View {
	out := make([]*View, 0, len(c.views))
	for _, v := range c.views {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Assertion looks an assertion up by name.
func (c *Catalog) Assertion(name string) *Assertion { return c.asserts[key(name)] }

// PutAssertion adds or replaces an assertion.
func (c *Catalog) PutAssertion(a *Assertion) { c.asserts[key(a.Name)] = a }

// DropAssertion removes an assertion.
func (c *Catalog) DropAssertion(name string) { delete(c.asserts, key(name)) }

// Assertions lists the assertions sorted by name.
func (c *Catalog) Assertions() []*Assertion {
	if len(c.asserts) == 0 {
		return nil // every commit asks; sort.Slice would allocate even for none
	}
	out := make([]*Assertion, 0, len(c.asserts))
	for _, a := range c.asserts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
