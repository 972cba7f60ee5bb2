package engine

import (
	"strings"

	"github.com/quereus/quereus/engine/schema"
)

// withNewTable is the catalog a new table's DEFAULT expressions compile
// against: the catalog plus the table being created, so that a DEFAULT's
// subquery may read it (`w integer default ((select count(*) from t))`).
type withNewTable struct {
	catalogView
	t *schema.Table
}

func (w withNewTable) Table(name string) *schema.Table {
	if strings.EqualFold(name, w.t.Name) && schema.IsMain(schemaOf(w.t)) {
		return w.t
	}
	return w.catalogView.Table(name)
}

func (w withNewTable) TableIn(schemaName, name string) *schema.Table {
	if strings.EqualFold(name, w.t.Name) && strings.EqualFold(w.catalogView.SchemaName(schemaName), w.catalogView.SchemaName(schemaOf(w.t))) {
		return w.t
	}
	return w.catalogView.TableIn(schemaName, name)
}

// catalogWith returns cat, seeing t as well when a DEFAULT of t has a
// subquery.
func catalogWith(cat catalogView, t *schema.Table) catalogView {
	if cat == nil {
		return cat
	}
	for _, col := range t.Columns {
		if col.Default != nil && hasSubquery(col.Default) {
			return withNewTable{catalogView: cat, t: t}
		}
	}
	return cat
}
