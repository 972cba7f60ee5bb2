package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/value"
)

// tvf_info.go holds the per-table introspection functions table_info,
// index_info, foreign_key_info, check_constraint_info and
// unique_constraint_info, with Quereus's column sets. Flags are INTEGER
// 0/1; tags are JSON object text or NULL. Tags are read from the table's
// CREATE TABLE definition (ALTER TABLE keeps it current), whose
// constraints appear in the same order as the built schema's.

// typedCols builds output columns from "name:TYPE" specs.
func typedCols(specs ...string) []outCol {
	out := make([]outCol, len(specs))
	for i, s := range specs {
		name, typ, _ := strings.Cut(s, ":")
		out[i] = outCol{name: name, typ: typ}
	}
	return out
}

var (
	tableInfoCols = typedCols("cid:INTEGER", "name:TEXT", "type:TEXT", "notnull:INTEGER", "dflt_value:TEXT",
		"pk:INTEGER", "tags:TEXT", "collation:TEXT", "generated:INTEGER")
	indexInfoCols = typedCols("index_name:TEXT", "seq:INTEGER", "column_name:TEXT", "desc:INTEGER",
		"collation:TEXT", "unique:INTEGER", "partial:INTEGER", "tags:TEXT")
	foreignKeyInfoCols = typedCols("id:INTEGER", "name:TEXT", "table:TEXT", "from:TEXT", "referenced_table:TEXT",
		"referenced_schema:TEXT", "to:TEXT", "on_update:TEXT", "on_delete:TEXT", "deferred:INTEGER", "seq:INTEGER", "tags:TEXT")
	checkInfoCols = typedCols("id:INTEGER", "name:TEXT", "expr:TEXT", "operations:TEXT", "deferrable:INTEGER",
		"initially_deferred:INTEGER", "tags:TEXT")
	uniqueInfoCols = typedCols("id:INTEGER", "name:TEXT", "seq:INTEGER", "column_name:TEXT", "partial:INTEGER", "tags:TEXT")
)

// infoTableFunction returns the per-table introspection function name, if
// it is one.
func infoTableFunction(name string) (*tableFunction, bool) {
	one := func(n int) bool { return n == 1 }
	var cols []outCol
	var rows func(cat catalogView, t *schema.Table) []value.Row
	switch name {
	case "table_info":
		cols, rows = tableInfoCols, tableInfoRows
	case "index_info":
		cols, rows = indexInfoCols, indexInfoRows
	case "foreign_key_info":
		cols, rows = foreignKeyInfoCols, foreignKeyInfoRows
	case "check_constraint_info":
		cols, rows = checkInfoCols, checkInfoRows
	case "unique_constraint_info":
		cols, rows = uniqueInfoCols, uniqueInfoRows
	default:
		return nil, false
	}
	return &tableFunction{cols: cols, nargs: one, call: func(e *env, args []value.Value) ([]value.Row, error) {
		if args[0].Kind() != value.KindText {
			return nil, fmt.Errorf("%s() requires a table name string argument", name)
		}
		cat := e.conn.catalog()
		t := tableByName(cat, args[0].Text())
		if t == nil {
			return nil, fmt.Errorf("Table '%s' not found", args[0].Text())
		}
		return rows(cat, t), nil
	}}, true
}

func flag(b bool) value.Value {
	if b {
		return value.Int(1)
	}
	return value.Int(0)
}

func textOrNull(s string) value.Value {
	if s == "" {
		return value.Null()
	}
	return value.Text(s)
}

func collationOrBinary(c string) string {
	if c == "" {
		return "BINARY"
	}
	return strings.ToUpper(c)
}

// defConstraints lists a table definition's constraints of one kind in
// build order (column constraints column by column, then table
// constraints), as their names and tags.
func defConstraints(def *parser.CreateTable, kind parser.ConstraintKind) (names []string, tags [][]*parser.Tag) {
	if def == nil {
		return nil, nil
	}
	for _, cd := range def.Columns {
		for _, cc := range cd.Constraints {
			if cc.Kind == kind {
				names, tags = append(names, cc.Name), append(tags, cc.Tags)
			}
		}
	}
	for _, tc := range def.Constraints {
		if tc.Kind == kind {
			names, tags = append(names, tc.Name), append(tags, tc.Tags)
		}
	}
	return names, tags
}

// tagsAt is the i'th tag list when the definition lists exactly n
// constraints of the kind (so positions correspond), else none.
func tagsAt(tags [][]*parser.Tag, n, i int) value.Value {
	if len(tags) != n {
		return value.Null()
	}
	return tagsValue(tags[i])
}

// columnTags merges a column's own tags and those written on its
// constraints (`id INTEGER PRIMARY KEY WITH TAGS (...)`), except the
// constraints introspected on their own (CHECK, UNIQUE, REFERENCES).
func columnTags(cd *parser.ColumnDef) value.Value {
	if cd == nil {
		return value.Null()
	}
	tags := append([]*parser.Tag{}, cd.Tags...)
	for _, cc := range cd.Constraints {
		switch cc.Kind {
		case parser.ConstrCheck, parser.ConstrUnique, parser.ConstrForeignKey:
		default:
			tags = append(tags, cc.Tags...)
		}
	}
	return tagsValue(tags)
}

// generatedFlag is 0 for a plain column, 1 for a virtual and 2 for a
// stored generated column.
func generatedFlag(col *schema.Column) int64 {
	if col.Generated == nil {
		return 0
	}
	if col.Def != nil {
		for _, cc := range col.Def.Constraints {
			if cc.Kind == parser.ConstrGenerated && cc.Stored {
				return 2
			}
		}
	}
	return 1
}

func tableInfoRows(_ catalogView, t *schema.Table) []value.Row {
	rows := make([]value.Row, 0, len(t.Columns))
	for i, col := range t.Columns {
		dflt := value.Null()
		if col.Default != nil {
			dflt = value.Text(parser.ExprString(col.Default))
		}
		rows = append(rows, value.Row{value.Int(int64(i)), value.Text(col.Name), value.Text(declaredType(col.Type).Name()),
			flag(col.NotNull), dflt, flag(t.IsPKColumn(i)), columnTags(col.Def), value.Text(collationOrBinary(col.Collation)),
			value.Int(generatedFlag(col))})
	}
	return rows
}

// indexInfoRows lists the explicit indexes (those backing UNIQUE
// constraints are an implementation detail, as in schema()).
func indexInfoRows(_ catalogView, t *schema.Table) []value.Row {
	var rows []value.Row
	for _, ix := range t.Indexes {
		if ix.Implicit {
			continue
		}
		tags := value.Null()
		if ix.Def != nil {
			tags = tagsValue(ix.Def.Tags)
		}
		for seq, p := range ix.Parts {
			name := value.Null()
			if p.Col >= 0 && p.Col < len(t.Columns) {
				name = value.Text(t.Columns[p.Col].Name)
			} else if p.Expr != nil {
				name = value.Text(parser.ExprString(p.Expr))
			}
			rows = append(rows, value.Row{value.Text(ix.Name), value.Int(int64(seq)), name, flag(p.Desc),
				value.Text(collationOrBinary(p.Collation)), flag(ix.Unique), flag(ix.Where != nil), tags})
		}
	}
	return rows
}

// fkActionName is a foreign key action as Quereus reports it; no clause
// means RESTRICT.
func fkActionName(a parser.FKAction) string {
	switch a {
	case parser.FKNoAction:
		return "no action"
	case parser.FKSetNull:
		return "set null"
	case parser.FKSetDefault:
		return "set default"
	case parser.FKCascade:
		return "cascade"
	}
	return "restrict"
}

// foreignKeyInfoRows has one row per (foreign key, column). A key written
// without a parent column list references the parent's primary key
// (declared or synthesized); positions it does not cover, or a missing
// parent, report "to" as NULL.
func foreignKeyInfoRows(cat catalogView, t *schema.Table) []value.Row {
	_, tags := defConstraints(t.Def, parser.ConstrForeignKey)
	var rows []value.Row
	for id, fk := range t.FKs {
		parent := cat.TableIn(fkParentSchema(t, fk), fk.RefTable)
		for seq, c := range fk.Columns {
			to := value.Null()
			switch {
			case seq < len(fk.RefColumns):
				to = value.Text(fk.RefColumns[seq])
			case len(fk.RefColumns) == 0 && parent != nil && seq < len(parent.PK):
				if pc := parent.PK[seq].Col; pc >= 0 && pc < len(parent.Columns) {
					to = value.Text(parent.Columns[pc].Name)
				}
			}
			from := value.Null()
			if c >= 0 && c < len(t.Columns) {
				from = value.Text(t.Columns[c].Name)
			}
			rows = append(rows, value.Row{value.Int(int64(id)), textOrNull(fk.Name), value.Text(t.Name), from,
				value.Text(fk.RefTable), value.Null(), to, value.Text(fkActionName(fk.OnUpdate)),
				value.Text(fkActionName(fk.OnDelete)), flag(fk.Deferred), value.Int(int64(seq)), tagsAt(tags, len(t.FKs), id)})
		}
	}
	return rows
}

// operationsText lists the operations a CHECK runs for.
func operationsText(ck *schema.Check) string {
	var parts []string
	for i, op := range []parser.Operation{parser.OpInsert, parser.OpUpdate, parser.OpDelete} {
		if ck.AppliesTo(op) {
			parts = append(parts, [...]string{"insert", "update", "delete"}[i])
		}
	}
	return strings.Join(parts, ",")
}

// checkInfoRows lists the CHECK constraints; a name the engine made up
// for an unnamed constraint reads as NULL.
func checkInfoRows(_ catalogView, t *schema.Table) []value.Row {
	_, tags := defConstraints(t.Def, parser.ConstrCheck)
	rows := make([]value.Row, 0, len(t.Checks))
	for i, ck := range t.Checks {
		name := ck.Name
		if strings.HasPrefix(name, "_check_") {
			name = ""
		}
		rows = append(rows, value.Row{value.Int(int64(i)), textOrNull(name), value.Text(parser.ExprString(ck.Expr)),
			value.Text(operationsText(ck)), value.Int(0), value.Int(0), tagsAt(tags, len(t.Checks), i)})
	}
	return rows
}

// uniqueInfoRows lists the UNIQUE constraints (the implicit unique
// indexes), one row per column; an engine-made name reads as NULL.
func uniqueInfoRows(_ catalogView, t *schema.Table) []value.Row {
	names, tags := defConstraints(t.Def, parser.ConstrUnique)
	var uniques []*schema.Index
	for _, ix := range t.Indexes {
		if ix.Implicit {
			uniques = append(uniques, ix)
		}
	}
	var rows []value.Row
	for id, ix := range uniques {
		name := ix.Name
		if len(names) == len(uniques) {
			name = names[id]
		} else if strings.HasPrefix(name, "_unique_") {
			name = ""
		}
		tg := tagsAt(tags, len(uniques), id)
		for seq, p := range ix.Parts {
			col := value.Null()
			if p.Col >= 0 && p.Col < len(t.Columns) {
				col = value.Text(t.Columns[p.Col].Name)
			}
			rows = append(rows, value.Row{value.Int(int64(id)), textOrNull(name), value.Int(int64(seq)), col,
				flag(ix.Where != nil), tg})
		}
	}
	return rows
}
