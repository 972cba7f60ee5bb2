package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMatViewKeyGate(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table pt (x integer primary key, y text); insert into pt values (1, 'a')")
	_, err := queryErr(c, "create materialized view pmv as select y from pt")
	require.ErrorContains(t, err, "cannot be materialized")
	mustExec(t, c, "create materialized view pmv as select x, y from pt")
	require.Equal(t, [][]any{{int64(1), "a"}}, queryRows(t, c, "select * from pmv"))
}

func TestMatViewWriteThrough(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table t (x integer primary key, y text); create materialized view mv as select x, y from t")
	mustExec(t, c, "insert into mv values (9, 'z'); update mv set y = 'Z' where x = 9")
	require.Equal(t, [][]any{{int64(9), "Z"}}, queryRows(t, c, "select x, y from t"))
	mustExec(t, c, "delete from mv where x = 9")
	require.Empty(t, queryRows(t, c, "select * from t"))

	// a renaming body is not write-through
	mustExec(t, c, "create materialized view rmv (k, v) as select x, y from t")
	_, err := queryErr(c, "insert into rmv values (1, 'a')")
	require.ErrorContains(t, err, "cannot write through view")
}

func TestMatViewDropRules(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table plain (id integer primary key)")
	_, err := queryErr(c, "drop materialized view plain")
	require.ErrorContains(t, err, "not a materialized view")
	_, err = queryErr(c, "drop materialized view missing")
	require.ErrorContains(t, err, "no such materialized view")

	mustExec(t, c, "create materialized view pmv as select id from plain")
	_, err = queryErr(c, "drop view pmv")
	require.ErrorContains(t, err, "use DROP MATERIALIZED VIEW")
	mustExec(t, c, "drop table pmv")
	_, err = queryErr(c, "refresh materialized view pmv")
	require.ErrorContains(t, err, "no such materialized view")
	mustExec(t, c, "create table pmv (z integer primary key)")
}

func TestMatViewStale(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table s (x integer primary key, y text); create materialized view smv as select x, y from s; drop table s")
	_, err := queryErr(c, "select * from smv")
	require.ErrorContains(t, err, "stale")
}

func TestMaintainedTable(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table src (id integer primary key, v text); insert into src values (1, 'a')")
	_, err := queryErr(c, "create table mt (id integer primary key, v text, extra integer) maintained as select id, v from src")
	require.ErrorContains(t, err, "body produces 2 columns")
	_, err = queryErr(c, "create table mt (id integer primary key, vv text) maintained as select id, v from src")
	require.ErrorContains(t, err, "alias the body output")
	_, err = queryErr(c, "create table mt (k integer primary key) maintained as with c as (insert into src (id) values (5) returning id) select id as k from c")
	require.ErrorContains(t, err, "only allowed in a statement's own leading WITH clause")

	mustExec(t, c, "create table mt (id integer primary key, v text) maintained as select id, v from src")
	mustExec(t, c, "insert into src values (2, 'b')")
	require.Equal(t, [][]any{{int64(1), "a"}, {int64(2), "b"}}, queryRows(t, c, "select * from mt order by id"))
	mustExec(t, c, "drop materialized view mt")
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from src"))
}

func TestMaintainedTableShapeChecks(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table src2 (id integer primary key, v text not null)")
	for sql, want := range map[string]string{
		"create table mt2 (id integer primary key, v integer not null) maintained as select id, v from src2":             "body derives type",
		"create table mt2 (id integer primary key, v text null) maintained as select id, v from src2":                    "nullable",
		"create table mt2 (id integer primary key, v text not null collate nocase) maintained as select id, v from src2": "collation",
		"create table mt2 (id integer not null, v text not null primary key) maintained as select id, v from src2":       "primary-key component",
		"create table mt2 (id integer primary key desc, v text not null) maintained as select id, v from src2":           "direction",
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, want, sql)
	}
	mustExec(t, c, "create table mt2 (id integer primary key, v text not null) maintained as select id, v from src2")
}

func TestMaintainedAttachDetach(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table base (id integer primary key, v text not null);
		insert into base values (1, 'a'), (2, 'b');
		create table tgt (id integer primary key, v text not null);
		insert into tgt values (1, 'a'), (2, 'STALE'), (4, 'EXTRA')`)
	_, err := queryErr(c, "alter table tgt drop maintained")
	require.ErrorContains(t, err, "not a maintained table")

	mustExec(t, c, "alter table tgt set maintained as select id, v from base")
	require.Equal(t, [][]any{{int64(1), "a"}, {int64(2), "b"}}, queryRows(t, c, "select * from tgt order by id"))
	_, err = queryErr(c, "alter table tgt add column x integer")
	require.ErrorContains(t, err, "materialized view")

	mustExec(t, c, "alter table tgt drop maintained; insert into base values (6, 'f'); insert into tgt values (7, 'local')")
	require.Equal(t, [][]any{{int64(1), "a"}, {int64(2), "b"}, {int64(7), "local"}}, queryRows(t, c, "select * from tgt order by id"))
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "select count(*) from base"))
}

func TestMatViewDeclaredSchema(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `declare schema main {
		table mvr_t (id INTEGER PRIMARY KEY, x INTEGER NOT NULL)
		materialized view mvr_mv (a, b) as select id, x from mvr_t
	}`)
	mustExec(t, c, "apply schema main")
	mustExec(t, c, "insert into mvr_t values (1, 10)")
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "select a, b from mvr_mv"))
	require.Empty(t, queryRows(t, c, "diff schema main"))

	mustExec(t, c, `declare schema main {
		table mvr_t (id INTEGER PRIMARY KEY, x INTEGER NOT NULL)
		materialized view mvr_mv (a, c) as select id, x from mvr_t
	}`)
	require.Equal(t, [][]any{{"alter table mvr_mv set maintained (a, c) as select id, x from mvr_t"}}, queryRows(t, c, "diff schema main"))
	mustExec(t, c, "apply schema main")
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "select a, c from mvr_mv"))

	mustExec(t, c, `declare schema main {
		table mvr_t (id INTEGER PRIMARY KEY, x INTEGER NOT NULL)
	}`)
	require.Equal(t, [][]any{{"DROP MATERIALIZED VIEW IF EXISTS mvr_mv"}}, queryRows(t, c, "diff schema main"))
}

func TestMaintainedDeclaredConstraints(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table src (id integer primary key, v text not null); insert into src values (1, 'bad')")
	_, err := queryErr(c, "create table mt (id integer primary key, v text not null check (v <> 'bad')) maintained as select id, v from src")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mt'")
	_, err = queryErr(c, "select * from mt")
	require.ErrorContains(t, err, "no such table")

	mustExec(t, c, "update src set v = 'ok' where id = 1")
	mustExec(t, c, "create table mt (id integer primary key, v text not null check (v <> 'bad')) maintained as select id, v from src")
	_, err = queryErr(c, "insert into src values (2, 'bad')")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mt'")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "select count(*) from src"))

	mustExec(t, c, "create table usrc (id integer primary key, tag text not null); insert into usrc values (1, 'x')")
	mustExec(t, c, "create table mu (id integer primary key, tag text not null unique) maintained as select id, tag from usrc")
	_, err = queryErr(c, "insert into usrc values (2, 'x')")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mu' collides on its declared UNIQUE constraint")
	mustExec(t, c, "insert into usrc values (2, 'y')")

	mustExec(t, c, "create table parent (pid integer primary key); insert into parent values (1)")
	mustExec(t, c, "create table csrc (id integer primary key, ref integer null); insert into csrc values (10, 1)")
	mustExec(t, c, "create table mfk (id integer primary key, ref integer null references parent(pid)) maintained as select id, ref from csrc")
	_, err = queryErr(c, "update csrc set ref = 2 where id = 10")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mfk' references a missing 'main.parent'")
}

func TestMaintainedTableSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	c, closeDB := connectDir(t, dir)
	mustExec(t, c, `create table src (id integer primary key, v text not null);
		insert into src values (1, 'ok');
		create table mt (id integer primary key, v text not null check (v <> 'bad')) maintained as select id, v from src;
		create materialized view mv as select id, v from src`)
	closeDB()

	c, closeDB = connectDir(t, dir)
	defer closeDB()
	mustExec(t, c, "insert into src values (2, 'two')")
	require.Equal(t, [][]any{{int64(1), "ok"}, {int64(2), "two"}}, queryRows(t, c, "select * from mt order by id"))
	require.Equal(t, [][]any{{int64(2)}}, queryRows(t, c, "select count(*) from mv"))
	_, err := queryErr(c, "insert into src values (3, 'bad')")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mt'")
}

func TestMatViewWriteThroughProjection(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table g (id integer primary key, name text, created integer not null);
		create materialized view mv7 as select name, id from g with defaults (created = 55)`)
	mustExec(t, c, "insert into mv7 values ('y', 1)")
	require.Equal(t, [][]any{{int64(1), "y", int64(55)}}, queryRows(t, c, "select id, name, created from g"))
	mustExec(t, c, "insert into mv7 (id, name) values (2, 'z')")
	require.Equal(t, [][]any{{"y", int64(1)}, {"z", int64(2)}}, queryRows(t, c, "select * from mv7 order by id"))
	mustExec(t, c, "update mv7 set name = 'Z' where id = 2; delete from mv7 where id = 1")
	require.Equal(t, [][]any{{int64(2), "Z", int64(55)}}, queryRows(t, c, "select id, name, created from g"))
}

func TestMatViewRenameAndSchemaKind(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table um_src (id integer primary key, v text not null); create materialized view um_mv as select id, v from um_src")
	require.Equal(t, [][]any{{"materialized_view", "um_mv"}, {"table", "um_src"}},
		queryRows(t, c, "select type, name from schema() where name like 'um_%' order by name"))
	_, err := queryErr(c, "alter table um_mv set tags (purpose = 'x')")
	require.ErrorContains(t, err, "ALTER MATERIALIZED VIEW")
	mustExec(t, c, "alter table um_mv rename to um_mv2; insert into um_mv2 values (4, 'd')")
	require.Equal(t, [][]any{{int64(4), "d"}}, queryRows(t, c, "select * from um_src"))
	_, err = queryErr(c, "select * from um_mv")
	require.ErrorContains(t, err, "no such table")
}

func TestMaintainedRenameListAndStaleDetach(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table rsrc (id integer primary key, x text not null);
		insert into rsrc values (1, 'a');
		create table rmv (a integer primary key, b text not null) maintained (a, b) as select id, x from rsrc`)
	require.Equal(t, [][]any{{int64(1), "a"}}, queryRows(t, c, "select a, b from rmv"))

	mustExec(t, c, `create table src3 (id integer primary key, v text not null);
		create table mt3 (id integer primary key, v text not null) maintained as select id, v from src3;
		alter table src3 drop column v`)
	_, err := queryErr(c, "select * from mt3")
	require.ErrorContains(t, err, "stale")
	mustExec(t, c, "alter table mt3 drop maintained; insert into mt3 values (2, 'b')")
	require.Equal(t, [][]any{{int64(2), "b"}}, queryRows(t, c, "select * from mt3"))
}

func TestMaintainedAttachChecks(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table base (id integer primary key, v text not null);
		insert into base values (1, 'a');
		create table plain1 (id integer primary key)`)
	_, err := queryErr(c, "alter table plain1 set maintained as insert into base values (99, 'x') returning id")
	require.ErrorContains(t, err, "cannot be used as a view body")
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, "select count(*) from base"))

	mustExec(t, c, "alter table plain1 set maintained as select id, v from base; alter table plain1 drop maintained")
	_, err = queryErr(c, "alter table plain1 set maintained as select v, id from base")
	require.ErrorContains(t, err, "changed incompatibly")

	_, err = queryErr(c, "alter table base set maintained as select id, v from base")
	require.ErrorContains(t, err, "derivation cycle")
	mustExec(t, c, "create table b1 (id integer primary key, v text not null); alter table b1 set maintained as select id, v from base")
	_, err = queryErr(c, "alter table base set maintained as select id, v from b1")
	require.ErrorContains(t, err, "derivation cycle")

	_, err = queryErr(c, "create table gen1 (id integer primary key, v text not null generated always as ('x')) maintained as select id, v from base")
	require.ErrorContains(t, err, "generated")

	mustExec(t, c, "create table contacts (handle text collate binary primary key, email text not null); insert into contacts values ('alice', 'a@x'), ('ALICE', 'A@X')")
	_, err = queryErr(c, `create table contacts2 (handle text not null collate nocase primary key, email text not null)
		maintained as select handle collate nocase as handle, email from contacts`)
	require.ErrorContains(t, err, "duplicate rows for primary key")
}

func TestMatViewReproducibilityRejects(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table g (id integer primary key, v integer); insert into g values (1, 5)")
	_, err := queryErr(c, "create materialized view bad_nondet as select id, random() as r from g")
	require.ErrorContains(t, err, "non-deterministic expression column 'r'")
	_, err = queryErr(c, "create materialized view bad_nopk as select v from g")
	require.ErrorContains(t, err, "no provable unique key")
	_, err = queryErr(c, "create materialized view bad_rec as with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) select n from r")
	require.ErrorContains(t, err, "no provable unique key")
	mustExec(t, c, "create materialized view ok_rec as with recursive r(n) as (select 1 union select n + 1 from r where n < 3) select n from r")
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, "select count(*) from ok_rec"))
}

func TestMatViewCoarsenedKeyFill(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table dup_src (handle text collate binary primary key); insert into dup_src values ('Bob'), ('bob')")
	_, err := queryErr(c, "create materialized view dup_v2 as select handle collate nocase as handle from dup_src")
	require.ErrorContains(t, err, "must be a set")
	mustExec(t, c, "create table dup_v2 (x integer primary key); drop table dup_v2")

	mustExec(t, c, "delete from dup_src where handle = 'bob'")
	mustExec(t, c, "create materialized view dup_v2 as select handle collate nocase as handle from dup_src")
	mustExec(t, c, "insert into dup_src values ('BOB')")
	_, err = queryErr(c, "refresh materialized view dup_v2")
	require.ErrorContains(t, err, "must be a set")
}

func TestMaintainedCheckMasksAndReattach(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table usrc (id integer primary key, v text not null);
		create table mu (id integer primary key, v text not null check on update (v <> 'nope')) maintained as select id, v from usrc`)
	_, err := queryErr(c, "insert into usrc values (1, 'nope')")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mu'")

	mustExec(t, c, "create table osrc (id integer primary key, v integer not null)")
	_, err = queryErr(c, "create table mo (id integer primary key, v integer not null, check on update (new.v > old.v)) maintained as select id, v from osrc")
	require.ErrorContains(t, err, "references OLD/NEW row images")
	mustExec(t, c, "create table mo3 (id integer primary key, v integer not null, check on delete (old.v < 100)) maintained as select id, v from osrc")

	mustExec(t, c, `create table a1 (id integer primary key, v text not null); insert into a1 values (1, 'good');
		create table a2 (id integer primary key, v text not null); insert into a2 values (1, 'evil');
		create table mr (id integer primary key, v text not null check (v <> 'evil')) maintained as select id, v from a1`)
	_, err = queryErr(c, "alter table mr set maintained as select id, v from a2")
	require.ErrorContains(t, err, "row derived into maintained table 'main.mr'")
	require.Equal(t, [][]any{{int64(1), "good"}}, queryRows(t, c, "select * from mr"))

	mustExec(t, c, `create table xparent (pid integer primary key); create table xsrc (id integer primary key, ref integer null);
		create table xmt (id integer primary key, ref integer null references xparent(pid)) maintained as select id, ref from xsrc;
		drop table xparent`)
	_, err = queryErr(c, "insert into xsrc values (1, 5)")
	require.ErrorContains(t, err, "row derived into maintained table 'main.xmt' references a missing 'main.xparent'")
}

func TestMatViewRefreshQualified(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table main.s14 (id integer primary key, v integer); insert into s14 values (1, 10)")
	mustExec(t, c, "create materialized view temp.mv14 as select id, v from main.s14")
	mustExec(t, c, "refresh materialized view temp.mv14")
	require.Equal(t, [][]any{{int64(1), int64(10)}}, queryRows(t, c, "select id, v from temp.mv14"))
	_, err := queryErr(c, "refresh materialized view temp.missing")
	require.ErrorContains(t, err, "no such materialized view")
}

func TestViewBodyDMLCTERejected(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table t (k integer primary key)")
	for _, sql := range []string{
		"create view v_dml as with c as (insert into t (k) values (1) returning k) select k from c",
		"create materialized view mv_dml as with c as (insert into t (k) values (1) returning k) select k from c",
	} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, "only allowed in a statement's own leading WITH clause", sql)
	}
	require.Equal(t, [][]any{{int64(0)}}, queryRows(t, c, "select count(*) from t"))
}

func TestMatViewStrictDDLPolicyAndAssertionRefs(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table st (id integer primary key, v integer);
		create materialized view smv as select id, v from st;
		pragma ddl_transaction_policy = 'strict'`)
	mustExec(t, c, "begin")
	for _, sql := range []string{"refresh materialized view smv", "drop materialized view smv"} {
		_, err := queryErr(c, sql)
		require.ErrorContains(t, err, "ddl_transaction_policy = strict", sql)
	}
	mustExec(t, c, "drop materialized view if exists nothing_here; rollback")

	mustExec(t, c, "create assertion smv_nonneg check (not exists (select 1 from smv where v < 0))")
	_, err := queryErr(c, "drop materialized view smv")
	require.ErrorContains(t, err, "cannot drop materialized view 'main.smv': assertion 'smv_nonneg' still refers to it")
}

func TestMatViewBagBodyRejected(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table nk (id integer primary key, a text); insert into nk values (1, 'x'), (2, 'y')")
	_, err := queryErr(c, "create materialized view mvbad as select count(*) n from nk group by a")
	require.ErrorContains(t, err, "materialized view 'main.mvbad' body produces duplicate rows")
	mustExec(t, c, "create materialized view mvn as select count(*) n, a from nk group by a")
	require.Equal(t, [][]any{{int64(1), "x"}, {int64(1), "y"}}, queryRows(t, c, "select n, a from mvn order by a"))
}

func TestDropViewReferencedByCheck(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table base (id integer primary key, v integer);
		create materialized view msrc as select id, v from base;
		create view vw as select id from msrc;
		create table r1 (id integer primary key, check (id in (select id from msrc)));
		create table r2 (id integer primary key, check (id in (select id from vw)))`)
	_, err := queryErr(c, "drop materialized view msrc")
	require.ErrorContains(t, err, "cannot drop materialized view 'main.msrc': it is referenced by CHECK constraint")
	mustExec(t, c, "drop table r1")
	_, err = queryErr(c, "drop materialized view msrc")
	require.ErrorContains(t, err, "reaches it through view 'vw'")
	mustExec(t, c, "drop table r2; drop view vw; drop materialized view msrc")
}

func TestMaintainedDerivedTypeOfAggregateBody(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, "create table agg_rt (id integer primary key, grp text not null, v integer not null)")
	_, err := queryErr(c, `create table agg_rt_bad (grp text not null collate binary primary key, ja real null)
		maintained as select grp, json_group_array(v) as ja from agg_rt group by grp`)
	require.ErrorContains(t, err, "body derives type")
}

func TestMaintainedTableHomeSchema(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table temp.mt_src (id integer primary key, n integer not null);
		insert into temp.mt_src values (1, 2);
		create table temp.mt (id integer primary key, n integer not null check (n <= 5)) maintained as select id, n from mt_src`)
	require.Equal(t, [][]any{{int64(1), int64(2)}}, queryRows(t, c, "select * from temp.mt"))
	_, err := queryErr(c, "insert into temp.mt_src values (2, 9)")
	require.ErrorContains(t, err, "row derived into maintained table 'temp.mt'")
}

func TestDropTableReadByMaintainedCheck(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table fquota (k integer primary key, lim integer not null); insert into fquota values (1, 100);
		create table fqsrc (id integer primary key, n integer not null);
		create table fmq (id integer primary key, n integer not null check (n <= (select lim from fquota where k = 1))) maintained as select id, n from fqsrc`)
	_, err := queryErr(c, "drop table fquota")
	require.ErrorContains(t, err, "it is referenced by CHECK constraint '_check_n' on table 'fmq'")
	_, err = queryErr(c, "insert into fqsrc values (2, 500)")
	require.ErrorContains(t, err, "row derived into maintained table 'main.fmq'")
	mustExec(t, c, "drop table fmq; drop table fquota")
}

func TestDetachShapeDrift(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `create table src (id integer primary key, v integer); insert into src values (1, 2);
		create table mt (id integer primary key, v integer) maintained as select * from src;
		alter table src add column z integer default 0`)
	_, err := queryErr(c, "alter table mt drop maintained")
	require.ErrorContains(t, err, "the body produces 3 columns but the table declares 2")
	require.Equal(t, [][]any{{"materialized_view"}}, queryRows(t, c, "select type from schema() where name = 'mt'"))
}
