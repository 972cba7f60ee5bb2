package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// ddlProgram wraps a schema change: it takes the write lock and is never
// re-planned (it resolves names when it runs).
func ddlProgram(run func(e *env) error) *program {
	return &program{ddl: true, writes: true, exec: func(e *env) (int64, []value.Row, error) { return 0, nil, run(e) }}
}

// ddlText is the catalog text of a statement.
func ddlText(st parser.Stmt) string { return parser.StmtString(st) }

// putCatalog writes (or with ddl "" deletes) a catalog entry through the
// transaction.
func putCatalog(e *env, key, ddl string) error {
	cs, err := e.conn.db.store.Provider().GetCatalogStore()
	if err != nil {
		return err
	}
	s := e.txn.Store(cs)
	if ddl == "" {
		return s.Delete([]byte(key))
	}
	return s.Put([]byte(key), []byte(ddl))
}

func schemaEvent(e *env, typ storage.SchemaChangeType, kind, name, ddl string) {
	e.txn.Emit(storage.SchemaChangeEvent{Type: typ, ObjectType: kind, SchemaName: schema.MainSchema, ObjectName: name, DDL: ddl})
}

var allowedModules = map[string]bool{"": true, "store": true, "memory": true}

func (c *compiler) createTable(st *parser.CreateTable) (*program, error) {
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	if st.AsSelect != nil || st.Maintained != nil {
		return c.createTableAs(st)
	}
	if !allowedModules[strings.ToLower(st.Module)] {
		return nil, fmt.Errorf("No virtual table module named '%s'", st.Module)
	}
	for _, o := range st.Options {
		return nil, fmt.Errorf("table option %s is not supported", o.Words)
	}
	if st.Temp {
		return nil, fmt.Errorf("TEMP tables are not supported")
	}
	for _, cd := range st.Columns {
		if cd.Type != nil {
			if err := validType(cd.Type.Name); err != nil {
				return nil, err
			}
		}
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	if !schema.IsMain(sn) {
		st.Name.Schema = sn // the stored definition names its schema
	}
	return ddlProgram(func(e *env) error {
		cat := e.conn.catalog()
		if cat.TableIn(sn, st.Name.Name) != nil || cat.ViewIn(sn, st.Name.Name) != nil {
			if st.IfNotExists {
				return nil
			}
			return fmt.Errorf("Table %s already exists", st.Name.Name)
		}
		t, err := e.conn.db.buildTable(st)
		if err != nil {
			return err
		}
		t.Schema = sn
		if err := c.checkDefaults(t); err != nil {
			return err
		}
		if err := checkFKArity(t); err != nil {
			return err
		}
		text := ddlText(st)
		if err := putCatalog(e, qualifiedCatalogKey("table", sn, t.Name), text); err != nil {
			return err
		}
		e.conn.editCatalog().PutTable(t)
		schemaEvent(e, storage.Create, "table", t.Name, text)
		return nil
	}), nil
}

// checkDefaults validates column defaults: deterministic, and literal
// defaults convertible to the column type.
func (c *compiler) checkDefaults(t *schema.Table) error {
	for _, ck := range t.Checks {
		if hasParam(ck.Expr) {
			return fmt.Errorf("bind parameters are not allowed in CHECK constraints")
		}
		// Compiling the body finds what the walk above cannot see: a
		// parameter or a non-deterministic call inside a subquery (any leg
		// of a compound). A body whose relations do not resolve yet is
		// checked when it is used.
		sub := &compiler{conn: c.conn, cat: catalogWith(c.cat, t), params: newParamSet()}
		if _, err := sub.exprIn(t, checkScope(t), ck.Expr); err == nil {
			if len(sub.params.refs) > 0 {
				return fmt.Errorf("bind parameters are not allowed in CHECK constraints")
			}
			if sub.nondeterministic {
				return fmt.Errorf("Non-deterministic expression not allowed in CHECK constraints")
			}
		}
	}
	for _, col := range t.Columns {
		if col.Default == nil {
			continue
		}
		if hasParam(col.Default) {
			return fmt.Errorf("bind parameters are not allowed in DEFAULT for column '%s'", col.Name)
		}
		if name := bareColumnRef(col.Default); name != "" {
			return fmt.Errorf("DEFAULT for column '%s' cannot reference bare column %s; use new.%s or a generated column", col.Name, name, name)
		}
		sub := &compiler{conn: c.conn, cat: catalogWith(c.cat, t), params: newParamSet()}
		ce, err := sub.exprIn(t, checkScope(t), col.Default)
		if err != nil && hasSubquery(col.Default) {
			continue // a subquery's relations resolve when the default is used
		}
		if err != nil {
			return err
		}
		if len(sub.params.refs) > 0 {
			return fmt.Errorf("bind parameters are not allowed in DEFAULT for column '%s'", col.Name)
		}
		if sub.nondeterministic {
			return fmt.Errorf("Non-deterministic expression not allowed in DEFAULT for column '%s'", col.Name)
		}
		if _, ok := col.Default.(*parser.Literal); ok || ce.konst {
			v, err := ce.fn(nil, nil)
			if err != nil {
				return err
			}
			if _, err := convertForColumn(v, col.Type, col.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *compiler) createIndex(st *parser.CreateIndex) (*program, error) {
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	return ddlProgram(func(e *env) error {
		cat := e.conn.catalog()
		t := cat.TableIn(sn, st.Table)
		if t == nil {
			return errNoTable(st.Table)
		}
		for _, ix := range t.Indexes {
			if ix.Implicit && strings.EqualFold(ix.Name, st.Name.Name) {
				if st.IfNotExists {
					return nil // the name is taken; IF NOT EXISTS adds nothing
				}
				return fmt.Errorf("Index %s already exists on table %s (it backs a UNIQUE constraint)", st.Name.Name, t.Name)
			}
		}
		if other := cat.IndexIn(sn, st.Name.Name); other != nil {
			if strings.EqualFold(other.Table, t.Name) {
				if st.IfNotExists {
					return nil
				}
				return fmt.Errorf("Index %s already exists on table %s", st.Name.Name, t.Name)
			}
			return fmt.Errorf("Index '%s' already exists in schema 'main' on table '%s'", st.Name.Name, other.Table)
		}
		ix, err := schema.BuildIndex(st, t, knownCollation)
		if err != nil {
			return err
		}
		for _, p := range ix.Parts {
			if p.Col < 0 && (hasSubquery(p.Expr) || hasParam(p.Expr)) {
				return fmt.Errorf("index expressions may not contain subqueries or bind parameters")
			}
		}
		nt := withIndex(t, ix)
		w, err := newWriter(e, c, nt, parser.OpInsert)
		if err != nil {
			return err
		}
		if err := w.backfill(ix); err != nil {
			return err
		}
		text := ddlText(st)
		if err := putCatalog(e, qualifiedCatalogKey("index", sn, ix.Name), text); err != nil {
			return err
		}
		e.conn.editCatalog().PutTable(nt)
		schemaEvent(e, storage.Create, "index", ix.Name, text)
		return nil
	}), nil
}

func (c *compiler) createView(st *parser.CreateView) (*program, error) {
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	return ddlProgram(func(e *env) error {
		cat := e.conn.catalog()
		if cat.ViewIn(sn, st.Name.Name) != nil || cat.TableIn(sn, st.Name.Name) != nil {
			if st.IfNotExists {
				return nil
			}
			return fmt.Errorf("View %s already exists", st.Name.Name)
		}
		sub := &compiler{conn: e.conn, cat: cat, params: newParamSet(), homeSchema: sn, homeSeesMain: true}
		plan, err := sub.query(&scope{noRow: true}, st.Select)
		if err != nil {
			return err
		}
		if len(st.Columns) > 0 && len(st.Columns) != len(plan.cols) {
			return fmt.Errorf("view %s: %d declared columns but the query has %d", st.Name.Name, len(st.Columns), len(plan.cols))
		}
		if err := rejectDMLWith(st.Select); err != nil {
			return err
		}
		if st.Materialized {
			if err := sub.checkMaterializable(st); err != nil {
				return err
			}
			if err := checkSetFill(e, &schema.View{Schema: sn, Name: st.Name.Name, Columns: st.Columns, Select: st.Select, Def: st}); err != nil {
				return err
			}
		}
		text := ddlText(st)
		if err := putCatalog(e, qualifiedCatalogKey("view", sn, st.Name.Name), text); err != nil {
			return err
		}
		e.conn.editCatalog().PutView(&schema.View{Schema: sn, Name: st.Name.Name, Columns: st.Columns, Select: st.Select, Def: st})
		schemaEvent(e, storage.Create, "view", st.Name.Name, text)
		return nil
	}), nil
}

func (c *compiler) drop(st *parser.Drop) (*program, error) {
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	name := st.Name.Name
	sn := schema.MainSchema
	if st.Name.Schema != "" {
		sn = c.cat.SchemaName(st.Name.Schema)
	}
	switch st.Kind {
	case parser.ObjTable:
		if !schema.IsMain(sn) {
			return ddlProgram(func(e *env) error { return dropTableIn(e, sn, name, st.IfExists) }), nil
		}
		return ddlProgram(func(e *env) error { return dropTable(e, name, st.IfExists) }), nil
	case parser.ObjIndex:
		return ddlProgram(func(e *env) error { return dropIndexIn(e, sn, name, st.IfExists) }), nil
	case parser.ObjAssertion:
		if !schema.IsMain(sn) {
			return ddlProgram(func(e *env) error { return dropAssertionIn(e, sn, name, st.IfExists) }), nil
		}
		return ddlProgram(func(e *env) error { return dropAssertion(e, name, st.IfExists) }), nil
	case parser.ObjView, parser.ObjMaterializedView:
		if !schema.IsMain(sn) {
			return ddlProgram(func(e *env) error { return dropViewIn(e, sn, name, st.IfExists) }), nil
		}
		materialized := st.Kind == parser.ObjMaterializedView
		return ddlProgram(func(e *env) error {
			v := e.conn.catalog().View(name)
			if v == nil || v.Materialized() != materialized {
				if st.IfExists {
					return nil
				}
				if err := mvDropMismatch(e, name, materialized); err != nil {
					return err
				}
				if materialized {
					return fmt.Errorf("no such materialized view: %s", name)
				}
				return fmt.Errorf("no such view: %s (View '%s' does not exist)", name, name)
			}
			if err := checkAssertionRefs(e, viewKindText(v), name); err != nil {
				return err
			}
			if err := checkViewExpressionRefs(e, v); err != nil {
				return err
			}
			if err := putCatalog(e, viewCatalogKey(name), ""); err != nil {
				return err
			}
			e.conn.editCatalog().DropView(name)
			schemaEvent(e, storage.Drop, "view", name, "")
			return nil
		}), nil
	}
	return nil, fmt.Errorf("DROP of this object kind is not supported")
}

// clearStore deletes every key of a store through the transaction.
func clearStore(e *env, s storage.KVStore) error {
	it, err := s.Iterate(storage.IterOptions{})
	if err != nil {
		return err
	}
	var keys [][]byte
	for it.Next() {
		keys = append(keys, append([]byte(nil), it.Key()...))
	}
	err = it.Err()
	it.Close()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func dropTable(e *env, name string, ifExists bool) error {
	cat := e.conn.catalog()
	t := cat.Table(name)
	if t == nil {
		if v := cat.View(name); v != nil && v.Materialized() {
			return dropMaterializedView(e, v)
		}
		if ifExists {
			return nil
		}
		return errNoTable(name)
	}
	if err := checkAssertionRefs(e, "table", t.Name); err != nil {
		return err
	}
	if err := checkMaintainedRefs(e, t.Name); err != nil {
		return err
	}
	if err := checkExpressionRefs(e, t.Name); err != nil {
		return err
	}
	if err := checkDropReferenced(e, t); err != nil {
		return err
	}
	return removeTable(e, schema.MainSchema, t)
}

// hasParam reports whether x contains a bind parameter.
func hasParam(x parser.Expr) bool {
	found := false
	walkExpr(x, func(n parser.Expr) bool {
		if _, ok := n.(*parser.Param); ok {
			found = true
		}
		return !found
	})
	return found
}

// bareColumnRef returns the first unqualified column reference of x
// outside subqueries ("" when none).
func bareColumnRef(x parser.Expr) string {
	name := ""
	walkExpr(x, func(n parser.Expr) bool {
		if ref, ok := n.(*parser.ColumnRef); ok && ref.Table == "" && name == "" {
			name = ref.Column
		}
		return name == ""
	})
	return name
}

// checkExpressionRefs refuses to drop a table that another table's CHECK
// constraint or column DEFAULT reads (through a subquery).
func checkExpressionRefs(e *env, table string) error {
	for _, other := range e.conn.catalog().Tables() {
		if strings.EqualFold(other.Name, table) {
			continue
		}
		for _, ck := range other.Checks {
			if !mentionsTable(ck.Expr, table) {
				continue
			}
			if strings.HasPrefix(ck.Name, "_check_") {
				return fmt.Errorf("cannot drop table 'main.%s': it is referenced by the CHECK constraint (%s) on table '%s'", table, parser.ExprString(ck.Expr), other.Name)
			}
			return fmt.Errorf("cannot drop table 'main.%s': it is referenced by CHECK constraint '%s' on table '%s'", table, ck.Name, other.Name)
		}
		for _, col := range other.Columns {
			if col.Default != nil && mentionsTable(col.Default, table) {
				return fmt.Errorf("cannot drop table 'main.%s': it is referenced by the DEFAULT of column '%s' on table '%s'", table, col.Name, other.Name)
			}
		}
	}
	return nil
}
