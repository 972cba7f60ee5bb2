package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeclareDiffApplyMain(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema main {
		table users { id INTEGER PRIMARY KEY, name TEXT NOT NULL }
		seed users ((1, 'Ann'), (2, 'Bob'))
	}`)
	require.Equal(t, [][]any{{"create table users (id INTEGER primary key, name TEXT not null)"}},
		queryRows(t, c, "diff schema main"))
	mustExec(t, c, "apply schema main with seed")
	require.Equal(t, [][]any{{int64(1), "Ann"}, {int64(2), "Bob"}}, queryRows(t, c, "select * from users order by id"))
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema main"))

	// Re-seeding keeps edited rows (existing keys are skipped).
	mustExec(t, c, "update users set name = 'Edited' where id = 2")
	mustExec(t, c, "apply schema main with seed")
	require.Equal(t, [][]any{{int64(1), "Ann"}, {int64(2), "Edited"}}, queryRows(t, c, "select * from users order by id"))

	// Redeclaring drops what is no longer declared and adds columns.
	mustExec(t, c, `declare schema main {
		table users { id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NULL }
		index users_name on users (name)
	}`)
	require.Equal(t, [][]any{
		{"create index users_name on users (name)"},
		{"ALTER TABLE users ADD COLUMN email TEXT null"},
	}, queryRows(t, c, "diff schema main"))
	mustExec(t, c, "apply schema main")
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema main"))
	require.Equal(t, [][]any{{"Ann", nil}}, queryRows(t, c, "select name, email from users where id = 1"))
}

func TestDiffDropsChildrenBeforeParents(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table p (id integer primary key);
		create table ch (id integer primary key, pid integer references p(id));
		declare schema main { table other { id integer primary key } }`)
	require.Equal(t, [][]any{
		{"DROP TABLE IF EXISTS ch"},
		{"DROP TABLE IF EXISTS p"},
		{"create table other (id integer primary key)"},
	}, queryRows(t, c, "diff schema main"))
}

func TestDeclareRejectsDuplicates(t *testing.T) {
	_, c := openTestDB(t)
	// Duplicate relations are reported by diff and apply.
	mustExec(t, c, "declare schema s { table t (a integer) table T (b integer) }")
	_, err := queryErr(c, "diff schema s")
	require.ErrorContains(t, err, "Table 'T' is declared more than once in schema 's'")
	_, err = queryErr(c, "apply schema s")
	require.ErrorContains(t, err, "Table 'T' is declared more than once in schema 's'")
	mustExec(t, c, "declare schema s { table d (a integer) view d as select 1 }")
	_, err = queryErr(c, "diff schema s")
	require.ErrorContains(t, err, "'d' is declared as both a table and a view in schema 's'")

	// Duplicate seeds reject the declaration itself, which is not recorded.
	_, err = queryErr(c, "declare schema s2 { table t (a integer) seed t ((1)) seed T ((2)) }")
	require.ErrorContains(t, err, "Seed data for table 'T' is declared more than once in schema 's2'")
	_, err = queryErr(c, "diff schema s2")
	require.ErrorContains(t, err, "No declared schema found for 's2'")
	_, err = queryErr(c, "apply schema s options (dry_run = true)")
	require.ErrorContains(t, err, "Unsupported apply schema option 'dry_run'")
}

func TestNamedSchemaTables(t *testing.T) {
	_, c := openTestDB(t)
	_, err := queryErr(c, "create table app.t (id integer primary key)")
	require.ErrorContains(t, err, "unknown schema: app")

	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, v TEXT } }`)
	require.Equal(t, [][]any{{"create table app.t (id INTEGER primary key, v TEXT)"}}, queryRows(t, c, "diff schema app"))
	mustExec(t, c, "apply schema app")
	mustExec(t, c, "create table t (id integer primary key, v text)")
	mustExec(t, c, "insert into app.t values (1, 'app'); insert into t values (1, 'main')")

	// Unqualified names resolve on the path: main by default.
	require.Equal(t, [][]any{{"main"}}, queryRows(t, c, "select v from t"))
	require.Equal(t, [][]any{{"app"}}, queryRows(t, c, "select v from app.t"))
	require.Equal(t, [][]any{{"app"}}, queryRows(t, c, "select v from t with schema app"))
	mustExec(t, c, "pragma schema_path = 'app,main'")
	require.Equal(t, [][]any{{"schema_path", "app,main"}}, queryRows(t, c, "pragma schema_path"))
	require.Equal(t, [][]any{{"app"}}, queryRows(t, c, "select v from t"))
	mustExec(t, c, "pragma schema_path = 'main'")

	// A view body resolves next to the view, whatever the reader's path.
	mustExec(t, c, "create view app.v as select v from t")
	require.Equal(t, [][]any{{"app"}}, queryRows(t, c, "select * from app.v"))

	_, err = queryErr(c, "select * from v")
	require.ErrorContains(t, err, "Table 'v' not found in schema path: main")
	assert.ErrorContains(t, err, "Did you mean: app.v?")

	mustExec(t, c, "drop view app.v; drop table app.t")
	_, err = queryErr(c, "select * from app.t")
	require.ErrorContains(t, err, "Table not found: app.t")
	require.Equal(t, [][]any{{"main"}}, queryRows(t, c, "select v from t"))
}

func TestDiffRenameHints(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table src_old (id integer primary key, amount integer);
		create index ix_old on src_old (amount);
		insert into src_old values (1, 10)`)
	mustExec(t, c, `declare schema main {
		table src_new {
			id integer primary key,
			qty integer with tags ("quereus.previous_name" = 'amount')
		} with tags ("quereus.previous_name" = 'src_old')
		index ix_new on src_new (qty)
	}`)
	require.Equal(t, [][]any{
		{"ALTER TABLE src_old RENAME TO src_new"},
		{"DROP INDEX IF EXISTS ix_old"},
		{"create index ix_new on src_new (amount)"},
		{"ALTER TABLE src_new RENAME COLUMN amount TO qty"},
	}, queryRows(t, c, "diff schema main"))
	mustExec(t, c, "apply schema main")
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "select id, qty from src_new"))
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema main"))
}

func TestDiffConstraintBodyChange(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema main {
		table tc { id integer primary key, qty integer, constraint chk check (qty > 0) }
	}; apply schema main; insert into tc values (1, 5)`)
	_, err := queryErr(c, "insert into tc values (2, 0)")
	require.ErrorContains(t, err, "CHECK constraint failed")

	mustExec(t, c, `declare schema main {
		table tc { id integer primary key, qty integer, constraint chk check (qty >= 0) }
	}`)
	require.Equal(t, [][]any{
		{"ALTER TABLE tc DROP CONSTRAINT chk"},
		{"ALTER TABLE tc ADD constraint chk check (qty >= 0)"},
	}, queryRows(t, c, "diff schema main"))
	mustExec(t, c, "apply schema main; insert into tc values (2, 0)")
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from tc"))
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema main"))
}

func TestNamedSchemaPersists(t *testing.T) {
	dir := t.TempDir()
	c, closeDB := connectDir(t, dir)
	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, v TEXT } index t_v on t (v) }; apply schema app;
		create table t (id integer primary key, v text);
		create view app.tv as select v from t;
		insert into app.t values (1, 'app'); insert into t values (1, 'main')`)
	closeDB()

	c, closeDB = connectDir(t, dir)
	defer closeDB()
	require.Equal(t, [][]any{{"app"}}, queryRows(t, c, "select v from app.tv"))
	require.Equal(t, [][]any{{"main"}}, queryRows(t, c, "select v from t"))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "select id from app.t where v = 'app'"))
	mustExec(t, c, "drop index app.t_v")
}

func TestAlterTableInNamedSchema(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, v TEXT } }; apply schema app;
		create table t (id integer primary key);
		insert into app.t values (1, 'x')`)
	mustExec(t, c, "alter table app.t add column w integer null")
	require.Equal(t, [][]any{{int64(1), "x", nil}}, queryRows(t, c, "select * from app.t"))
	mustExec(t, c, "alter table app.t rename to t2")
	require.Equal(t, [][]any{{int64(1), "x", nil}}, queryRows(t, c, "select * from app.t2"))
	require.Equal(t, [][]any{}, queryRows(t, c, "select * from t"))
	_, err := queryErr(c, "select * from app.t")
	require.ErrorContains(t, err, "Table not found: app.t")
}

func TestForeignKeysAcrossSchemas(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema s1 {
		table items { id INTEGER PRIMARY KEY }
		table orders { id INTEGER PRIMARY KEY, item_id INTEGER, FOREIGN KEY (item_id) REFERENCES items(id) ON DELETE RESTRICT }
	}; declare schema s2 { table items { id INTEGER PRIMARY KEY } };
	apply schema s1; apply schema s2;
	create table items (id integer primary key);
	insert into s1.items values (1); insert into s2.items values (1); insert into items values (2);
	insert into s1.orders values (10, 1)`)

	// The unqualified parent resolves in the child's schema.
	_, err := queryErr(c, "insert into s1.orders values (11, 2)")
	require.ErrorContains(t, err, "CHECK constraint failed: _fk_orders_item_id")
	mustExec(t, c, "delete from s2.items where id = 1")
	_, err = queryErr(c, "delete from s1.items where id = 1")
	require.ErrorContains(t, err, "RESTRICT")

	// A qualified parent reaches another schema.
	mustExec(t, c, "create table s2.refs_main (id integer primary key, p integer null references main.items(id))")
	mustExec(t, c, "insert into s2.refs_main values (1, 2)")
	_, err = queryErr(c, "insert into s2.refs_main values (2, 1)")
	require.ErrorContains(t, err, "CHECK constraint failed: _fk_refs_main_p")
}

func TestDiffColumnAttributes(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, d TEXT COLLATE NOCASE, n INTEGER NULL DEFAULT 1 } index t_d on t (d) };
		apply schema app; insert into app.t values (1, '2024-01-01', null)`)
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema app"))
	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, d DATE, n INTEGER NULL DEFAULT 2 } index t_d on t (d) }`)
	require.Equal(t, [][]any{
		{"ALTER TABLE app.t ALTER COLUMN d SET COLLATE BINARY"},
		{"ALTER TABLE app.t ALTER COLUMN d SET DATA TYPE DATE"},
		{"ALTER TABLE app.t ALTER COLUMN n SET DEFAULT 2"},
	}, queryRows(t, c, "diff schema app"))
	mustExec(t, c, "apply schema app")
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema app"))
	require.Equal(t, [][]any{{"2024-01-01"}}, queryRows(t, c, "select d from app.t"))

	// An index names its table qualified, and `on schema.table` parses.
	mustExec(t, c, `declare schema app { table t { id INTEGER PRIMARY KEY, d DATE, n INTEGER NULL DEFAULT 2 } index t_n on t (n) }`)
	require.Equal(t, [][]any{
		{"DROP INDEX IF EXISTS app.t_d"},
		{"create index app.t_n on app.t (n)"},
	}, queryRows(t, c, "diff schema app"))
	mustExec(t, c, "apply schema app")
	require.Equal(t, [][]any{}, queryRows(t, c, "diff schema app"))
}

func TestSchemaAuthoredDefaultResolvesAtHome(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table c (k integer primary key); insert into c values (1);
		create table temp.c (k integer primary key); insert into temp.c values (1), (2), (3);
		create table temp.d (id integer primary key, w integer default (select count(*) from c));
		insert into temp.d (id) values (1)`)
	// The default reads temp.c (next to temp.d), not main.c.
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "select w from temp.d"))

	// A relation only in another schema is not found, when the default runs.
	mustExec(t, c, "create table main.only_main (k integer primary key); create table temp.e (id integer primary key, w integer default (select count(*) from only_main))")
	_, err := queryErr(c, "insert into temp.e (id) values (1)")
	require.ErrorContains(t, err, "only_main")
}

func TestInfoFunctionsTakeQualifiedNames(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema app { table p { id INTEGER PRIMARY KEY } table ch { id INTEGER PRIMARY KEY, pid INTEGER NULL REFERENCES p(id) } };
		apply schema app`)
	require.Equal(t, [][]any{{"id"}, {"pid"}}, queryRows(t, c, "select name from table_info('app.ch') order by cid"))
	_, err := queryErr(c, "select * from table_info('ch')")
	require.ErrorContains(t, err, "Table 'ch' not found")
}

func TestCommittedQualifierIsReadOnly(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table ro (id integer primary key)")
	for _, sql := range []string{
		"insert into committed.ro values (1)",
		"update committed.ro set id = 2",
		"delete from committed.ro",
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, "Cannot modify committed-state table 'committed.ro'", sql)
	}
}
