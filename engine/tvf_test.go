package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaObjects reads what the command-line shell reads for .schema/.dump.
func schemaObjects(t *testing.T, c *Conn) [][]any {
	t.Helper()
	return queryRows(t, c, `SELECT type, name, tbl_name, sql FROM schema()
		WHERE schema = 'main' AND type IN ('table','view','index') ORDER BY type, name`)
}

func TestSchemaSQLRecreatesTheSchema(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `
		CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, price REAL NULL DEFAULT 1.5,
			category TEXT NULL, CHECK (price >= 0));
		CREATE TABLE orders (id INTEGER PRIMARY KEY, product_id INTEGER REFERENCES products(id),
			qty INTEGER NOT NULL, note TEXT NULL, UNIQUE (product_id, note));
		CREATE INDEX idx_name ON products (name);
		CREATE UNIQUE INDEX idx_cat_price ON products (category DESC, price);
		CREATE INDEX idx_big ON orders (qty) WHERE qty > 10;
		CREATE VIEW big_orders AS SELECT o.id, p.name FROM orders o JOIN products p ON p.id = o.product_id WHERE o.qty > 10;
		INSERT INTO products VALUES (1, 'Widget', 2.5, 'tools');
		INSERT INTO orders VALUES (1, 1, 20, NULL)`)
	before := schemaObjects(t, c)
	require.Len(t, before, 6, "2 tables, 3 indexes, 1 view")

	mustExec(t, c, `DROP VIEW big_orders; DROP TABLE orders; DROP TABLE products`)
	require.Empty(t, schemaObjects(t, c))

	// Re-create in dump order: tables, then indexes, then views.
	for _, kind := range []string{"table", "index", "view"} {
		for _, r := range before {
			if r[0] == kind {
				mustExec(t, c, r[3].(string))
			}
		}
	}
	assert.Equal(t, before, schemaObjects(t, c))

	// The re-created objects behave like the originals.
	mustExec(t, c, `INSERT INTO products VALUES (1, 'Widget', 2.5, 'tools'); INSERT INTO orders VALUES (1, 1, 20, NULL)`)
	assert.Equal(t, [][]any{{"Widget"}}, queryRows(t, c, `SELECT name FROM big_orders`))
	_, err := queryErr(c, `INSERT INTO products VALUES (2, 'x', -1, 'y')`)
	assert.ErrorContains(t, err, "CHECK")
	_, err = queryErr(c, `INSERT INTO products VALUES (3, 'x', 2.5, 'tools')`)
	assert.ErrorContains(t, err, "UNIQUE", "the unique index was re-created")
	_, err = queryErr(c, `INSERT INTO orders VALUES (2, 99, 1, NULL)`)
	assert.ErrorContains(t, err, "_fk_", "the foreign key was re-created")
}

func TestSchemaIndexSQLInQuereusForm(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TEXT, kind TEXT COLLATE NOCASE);
		CREATE INDEX idx_created_desc ON events (created_at DESC);
		CREATE INDEX idx_kind_created ON events (kind, created_at)`)
	assert.Equal(t, [][]any{
		{`CREATE INDEX "idx_created_desc" ON "events" ("created_at" COLLATE BINARY DESC)`},
		{`CREATE INDEX "idx_kind_created" ON "events" ("kind" COLLATE NOCASE, "created_at" COLLATE BINARY)`},
	}, queryRows(t, c, `SELECT sql FROM schema() WHERE type = 'index' ORDER BY name`))
}

func TestSchemaFunctionRowsAndTags(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY) WITH TAGS (display_name = 'Tee', audit = true, n = -2);
		CREATE VIEW v AS SELECT id FROM t`)
	assert.Equal(t, [][]any{{"function"}, {"table"}, {"view"}},
		queryRows(t, c, `SELECT DISTINCT type FROM schema() ORDER BY type`))
	rows := queryRows(t, c, `SELECT name, tbl_name, sql, tags FROM schema() WHERE type = 'function' AND name IN ('abs', 'json_each')`)
	assert.Equal(t, [][]any{{"abs", "abs", "FUNCTION abs(...)", nil}, {"json_each", "json_each", "FUNCTION json_each(...)", nil}}, rows)
	assert.Equal(t, [][]any{{`{"audit":true,"display_name":"Tee","n":-2}`}, {nil}},
		queryRows(t, c, `SELECT tags FROM schema() WHERE type IN ('table', 'view') ORDER BY type`))
}

func TestTableFunctionCorrelatedArguments(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE docs (id INTEGER PRIMARY KEY, doc TEXT);
		INSERT INTO docs VALUES (1, '[10, 20]'), (2, '{"a": 1}'), (3, '[]')`)
	want := [][]any{{int64(1), int64(0), int64(10)}, {int64(1), int64(1), int64(20)}, {int64(2), "a", int64(1)}}
	assert.Equal(t, want, queryRows(t, c, `SELECT d.id, j.key, j.value FROM docs d, json_each(d.doc) j ORDER BY d.id, j.id`))
	assert.Equal(t, want, queryRows(t, c, `SELECT d.id, j.key, j.value FROM docs d JOIN json_each(d.doc) AS j ORDER BY d.id, j.id`))
	assert.Equal(t, [][]any{{int64(1), int64(2)}, {int64(2), int64(1)}, {int64(3), int64(0)}},
		queryRows(t, c, `SELECT d.id, count(j.key) FROM docs d LEFT JOIN json_each(d.doc) j ON 1 = 1 GROUP BY d.id ORDER BY d.id`),
		"a left join keeps rows whose function call is empty")
	assert.Equal(t, [][]any{{int64(1), int64(2)}, {int64(2), int64(1)}, {int64(3), int64(0)}},
		queryRows(t, c, `SELECT id, (SELECT count(*) FROM json_each(docs.doc)) FROM docs ORDER BY id`),
		"a subquery's function call sees the outer row")
	assert.Equal(t, [][]any{{int64(1), int64(1)}, {int64(1), int64(2)}, {int64(2), int64(2)}},
		queryRows(t, c, `SELECT a.value, b.value FROM generate_series(1, 2) a JOIN generate_series(a.value, 2) b ORDER BY 1, 2`))
	_, err := queryErr(c, `SELECT * FROM json_each(nope.doc)`)
	assert.ErrorContains(t, err, "no such column")
}

func TestTableFunctionErrors(t *testing.T) {
	_, c := openTestDB(t)
	cases := map[string]string{
		`SELECT * FROM non_existent_tvf(1)`:       "Function not found: non_existent_tvf/1",
		`SELECT * FROM json_each()`:               "json_each requires 1 or 2 arguments",
		`SELECT * FROM json_each('invalid json')`: "Error: Invalid JSON provided to json_each",
		`SELECT * FROM schema(1)`:                 "Function not found: schema/1",
		`SELECT * FROM generate_series(1, 2, 0)`:  "step",
		`SELECT * FROM other.json_each('[]')`:     "unknown schema",
	}
	for sql, msg := range cases {
		_, err := queryErr(c, sql)
		if assert.Error(t, err, sql) {
			assert.Contains(t, err.Error(), msg, sql)
		}
	}
}

func TestGenerateSeries(t *testing.T) {
	_, c := openTestDB(t)
	col := func(rows [][]any) []any {
		out := []any{}
		for _, r := range rows {
			out = append(out, r[0])
		}
		return out
	}
	assert.Equal(t, []any{int64(1), int64(2), int64(3)}, col(queryRows(t, c, `SELECT value FROM generate_series(1, 3)`)))
	assert.Equal(t, []any{int64(10), int64(7), int64(4), int64(1)}, col(queryRows(t, c, `SELECT value FROM generate_series(10, 1, -3)`)))
	assert.Equal(t, []any{}, col(queryRows(t, c, `SELECT value FROM generate_series(3, 1)`)))
	assert.Equal(t, []any{}, col(queryRows(t, c, `SELECT value FROM generate_series(1, NULL)`)))
	assert.True(t, strings.EqualFold("value", columnNames(t, c, `SELECT * FROM generate_series(1, 2)`)[0]))
}

func TestTableInfoFunctions(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE parent (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
		CREATE TABLE p2 (pid INTEGER PRIMARY KEY);
		CREATE TABLE child (
			id INTEGER PRIMARY KEY WITH TAGS (display_name = 'ID'),
			x INTEGER NULL, y INTEGER NULL, email TEXT COLLATE NOCASE, region TEXT, code TEXT,
			price REAL DEFAULT 1.5, g REAL GENERATED ALWAYS AS (price * 2) STORED, v REAL GENERATED ALWAYS AS (price + 1),
			CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES parent WITH TAGS (kind = 'composite'),
			FOREIGN KEY (x) REFERENCES p2 ON DELETE CASCADE ON UPDATE SET NULL,
			CONSTRAINT chk_price CHECK (price > 0) WITH TAGS (msg = 'positive'),
			CHECK ON DELETE (price < 1000),
			CONSTRAINT uq_email UNIQUE (email) WITH TAGS (msg = 'unique email'),
			UNIQUE (region, code));
		CREATE INDEX idx_rc ON child (region DESC, code) WHERE code > 'a'`)
	assert.Equal(t, [][]any{
		{int64(0), "id", "INTEGER", int64(1), nil, int64(1), `{"display_name":"ID"}`, "BINARY", int64(0)},
		{int64(1), "x", "INTEGER", int64(0), nil, int64(0), nil, "BINARY", int64(0)},
		{int64(3), "email", "TEXT", int64(1), nil, int64(0), nil, "NOCASE", int64(0)},
		{int64(6), "price", "REAL", int64(1), "1.5", int64(0), nil, "BINARY", int64(0)},
		{int64(7), "g", "REAL", int64(1), nil, int64(0), nil, "BINARY", int64(2)},
		{int64(8), "v", "REAL", int64(1), nil, int64(0), nil, "BINARY", int64(1)},
	}, queryRows(t, c, `SELECT * FROM table_info('child') WHERE name IN ('id', 'x', 'email', 'price', 'g', 'v') ORDER BY cid`))
	assert.Equal(t, [][]any{{"a", int64(1)}, {"b", int64(1)}}, queryRows(t, c, `SELECT name, pk FROM table_info('parent')`))

	assert.Equal(t, [][]any{
		{"idx_rc", int64(0), "region", int64(1), "BINARY", int64(0), int64(1), nil},
		{"idx_rc", int64(1), "code", int64(0), "BINARY", int64(0), int64(1), nil},
	}, queryRows(t, c, `SELECT * FROM index_info('child') ORDER BY seq`), "implicit unique indexes are not listed")

	assert.Equal(t, [][]any{
		{int64(0), "fk_xy", "child", "x", "parent", nil, "a", "restrict", "restrict", int64(0), int64(0), `{"kind":"composite"}`},
		{int64(0), "fk_xy", "child", "y", "parent", nil, "b", "restrict", "restrict", int64(0), int64(1), `{"kind":"composite"}`},
		{int64(1), "_fk_child_x", "child", "x", "p2", nil, "pid", "set null", "cascade", int64(0), int64(0), nil},
	}, queryRows(t, c, `SELECT * FROM foreign_key_info('child') ORDER BY id, seq`))

	assert.Equal(t, [][]any{
		{int64(0), "chk_price", "price > 0", "insert,update", int64(0), int64(0), `{"msg":"positive"}`},
		{int64(1), nil, "price < 1000", "delete", int64(0), int64(0), nil},
	}, queryRows(t, c, `SELECT * FROM check_constraint_info('child') ORDER BY id`))

	assert.Equal(t, [][]any{
		{int64(0), "uq_email", int64(0), "email", int64(0), `{"msg":"unique email"}`},
		{int64(1), nil, int64(0), "region", int64(0), nil},
		{int64(1), nil, int64(1), "code", int64(0), nil},
	}, queryRows(t, c, `SELECT * FROM unique_constraint_info('child') ORDER BY id, seq`))

	for _, fn := range []string{"table_info", "index_info", "foreign_key_info", "check_constraint_info", "unique_constraint_info"} {
		_, err := queryErr(c, `SELECT * FROM `+fn+`('nope')`)
		assert.ErrorContains(t, err, "Table 'nope' not found", fn)
		_, err = queryErr(c, `SELECT * FROM `+fn+`(1)`)
		assert.ErrorContains(t, err, "requires a table name string argument", fn)
		_, err = queryErr(c, `SELECT * FROM `+fn+`()`)
		assert.ErrorContains(t, err, "Function not found: "+fn+"/0", fn)
	}
}

func TestColumnInfo(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER NULL, g INTEGER GENERATED ALWAYS AS (n + 1));
		CREATE TABLE u (uid INTEGER PRIMARY KEY, tid INTEGER, label TEXT);
		CREATE VIEW v AS SELECT id AS k, name COLLATE NOCASE AS nm, n + 1 AS n1, n * 2 AS n2, name || '!' AS bang, g FROM t;
		CREATE VIEW j AS SELECT t.id, u.label FROM t JOIN u ON u.tid = t.id;
		CREATE VIEW x AS SELECT t.id, u.label FROM t CROSS JOIN u;
		CREATE VIEW a AS SELECT count(*) AS c FROM t;
		CREATE VIEW vv (a, b) AS SELECT k, n1 FROM v;
		CREATE VIEW s AS SELECT * FROM u`)
	info := func(name string) [][]any {
		return queryRows(t, c, `SELECT column_name, is_updatable, base_table, base_column FROM column_info('`+name+`') ORDER BY cid`)
	}
	assert.Equal(t, [][]any{{"id", "YES", "t", "id"}, {"name", "YES", "t", "name"}, {"n", "YES", "t", "n"}, {"g", "NO", nil, nil}}, info("t"))
	assert.Equal(t, [][]any{{"k", "YES", "t", "id"}, {"nm", "YES", "t", "name"}, {"n1", "YES", "t", "n"},
		{"n2", "NO", nil, nil}, {"bang", "NO", nil, nil}, {"g", "NO", nil, nil}}, info("v"))
	assert.Equal(t, [][]any{{"id", "YES", "t", "id"}, {"label", "YES", "u", "label"}}, info("j"))
	assert.Equal(t, [][]any{{"id", "NO", nil, nil}, {"label", "NO", nil, nil}}, info("x"), "a cross join does not write through")
	assert.Equal(t, [][]any{{"c", "NO", nil, nil}}, info("a"))
	assert.Equal(t, [][]any{{"a", "YES", "t", "id"}, {"b", "YES", "t", "n"}}, info("vv"), "traced through a view")
	assert.Equal(t, [][]any{{"uid", "YES", "u", "uid"}, {"tid", "YES", "u", "tid"}, {"label", "YES", "u", "label"}}, info("s"))
	assert.Equal(t, [][]any{{"main", "v"}}, queryRows(t, c, `SELECT DISTINCT schema, name FROM column_info('v')`))
	_, err := queryErr(c, `SELECT * FROM column_info('nope')`)
	assert.ErrorContains(t, err, "not found")
}

func TestAssertionInfo(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE AssertData (id INTEGER PRIMARY KEY, val INTEGER);
		CREATE ASSERTION val_positive CHECK (NOT EXISTS (SELECT 1 FROM AssertData WHERE val < 0))`)
	assert.Equal(t, [][]any{{"val_positive", "select 1 where not (not exists (select 1 from AssertData where val < 0))",
		int64(1), int64(1), `[{"base":"main.assertdata"}]`}}, queryRows(t, c, `SELECT * FROM assertion_info()`))
	mustExec(t, c, `DROP ASSERTION val_positive`)
	assert.Empty(t, queryRows(t, c, `SELECT * FROM assertion_info()`))
}
