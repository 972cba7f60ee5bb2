package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustParse(t *testing.T, src string) Stmt {
	t.Helper()
	st, err := Parse(src)
	require.NoError(t, err, src)
	return st
}

func TestParseSelectClauses(t *testing.T) {
	sel := mustParse(t, `with recursive c(n) as (select 1 union all select n + 1 from c where n < 5)
		select distinct a.x as ax, b.*, count(*) from a left outer join b using (id), c
		where a.x > 1 group by a.x having count(*) > 1 window w as (order by a.x)
		order by 1 desc nulls last, ax limit 5, 10`).(*Select)
	require.NotNil(t, sel.With)
	assert.True(t, sel.With.Recursive)
	assert.Equal(t, []string{"n"}, sel.With.CTEs[0].Columns)
	core := sel.Body.(*SelectCore)
	assert.True(t, core.Distinct)
	assert.Equal(t, "ax", core.Columns[0].Alias)
	assert.True(t, core.Columns[1].Star)
	assert.Equal(t, "b", core.Columns[1].Table)
	comma := core.From.(*Join)
	assert.Equal(t, JoinComma, comma.Kind)
	left := comma.Left.(*Join)
	assert.Equal(t, JoinLeft, left.Kind)
	assert.True(t, left.Outer)
	assert.Equal(t, []string{"id"}, left.Using)
	assert.NotNil(t, core.Where)
	assert.Len(t, core.GroupBy, 1)
	assert.NotNil(t, core.Having)
	assert.Equal(t, "w", core.Windows[0].Name)
	require.Len(t, sel.OrderBy, 2)
	assert.Equal(t, SortDesc, sel.OrderBy[0].Dir)
	assert.Equal(t, NullsLast, sel.OrderBy[0].Nulls)
	// LIMIT a, b means OFFSET a LIMIT b.
	assert.Equal(t, int64(5), sel.Offset.(*Literal).Int)
	assert.Equal(t, int64(10), sel.Limit.(*Literal).Int)
}

func TestParseJoinKinds(t *testing.T) {
	cases := map[string]JoinKind{
		"select * from a join b on 1":               JoinInner,
		"select * from a inner join b on 1":         JoinInner,
		"select * from a left join b on 1":          JoinLeft,
		"select * from a right join b on 1":         JoinRight,
		"select * from a full outer join b on 1":    JoinFull,
		"select * from a cross join b":              JoinCross,
		"select * from a natural join b":            JoinInner,
		"select * from t right join u on t.a = u.a": JoinRight,
	}
	for src, kind := range cases {
		j := mustParse(t, src).(*Select).Body.(*SelectCore).From.(*Join)
		assert.Equal(t, kind, j.Kind, src)
		// `t RIGHT JOIN u` must not read RIGHT as an alias of t.
		assert.Empty(t, j.Left.(*TableRef).Alias, src)
	}
	nat := mustParse(t, "select * from a natural left join b").(*Select).Body.(*SelectCore).From.(*Join)
	assert.True(t, nat.Natural)
	lat := mustParse(t, "select * from a cross join lateral json_each(a.j) as e").(*Select).Body.(*SelectCore).From.(*Join)
	assert.True(t, lat.Lateral)
	assert.Equal(t, "e", lat.Right.(*FuncTable).Alias)
	ex := mustParse(t, "select * from a left join b on a.x = b.x exists right as hasB").(*Select).Body.(*SelectCore).From.(*Join)
	require.Len(t, ex.Existence, 1)
	assert.Equal(t, "right", ex.Existence[0].Side)
	assert.Equal(t, "hasB", ex.Existence[0].Name)
}

func TestParseFromItems(t *testing.T) {
	core := mustParse(t, "select * from committed.t1 c, main.t2, (select 1) as s (x), generate_series(1, 3) g, (a join b on 1)").(*Select).Body.(*SelectCore)
	var items []TableExpr
	for te := core.From; ; {
		j, ok := te.(*Join)
		if !ok {
			items = append([]TableExpr{te}, items...)
			break
		}
		items = append([]TableExpr{j.Right}, items...)
		te = j.Left
	}
	require.Len(t, items, 5)
	assert.Equal(t, &TableRef{Loc: items[0].(*TableRef).Loc, Committed: true, Name: "t1", Alias: "c"}, items[0])
	assert.Equal(t, "main", items[1].(*TableRef).Schema)
	assert.Equal(t, []string{"x"}, items[2].(*SubqueryTable).Columns)
	assert.Equal(t, "generate_series", items[3].(*FuncTable).Name)
	assert.IsType(t, &ParenTable{}, items[4])
}

func TestParseCompound(t *testing.T) {
	sel := mustParse(t, "select 1 union select 2 except select 3 diff values (4) order by 1").(*Select)
	c := sel.Body.(*Compound)
	assert.Equal(t, Diff, c.Op)
	assert.IsType(t, &Values{}, c.Right)
	inner := c.Left.(*Compound)
	assert.Equal(t, Except, inner.Op)
	assert.Equal(t, Union, inner.Left.(*Compound).Op)
	assert.Len(t, sel.OrderBy, 1)
	ua := mustParse(t, "select 1 union all select 2").(*Select).Body.(*Compound)
	assert.Equal(t, UnionAll, ua.Op)
}

func TestParseDML(t *testing.T) {
	ins := mustParse(t, `insert or ignore into s.t as x (a, b) values (1, 2), (3, 4)
		on conflict (a) where a > 0 do update set b = excluded.b where b < 10
		on conflict do nothing returning a, b as bb`).(*Insert)
	assert.Equal(t, ConflictIgnore, ins.OrConflict)
	assert.Equal(t, ObjectName{Loc: ins.Table.Loc, Schema: "s", Name: "t"}, ins.Table)
	assert.Equal(t, "x", ins.Alias)
	assert.Len(t, ins.Source.Body.(*Values).Rows, 2)
	require.Len(t, ins.Upserts, 2)
	assert.NotNil(t, ins.Upserts[0].TargetWhere)
	assert.NotNil(t, ins.Upserts[0].Where)
	assert.True(t, ins.Upserts[1].DoNothing)
	assert.Len(t, ins.Returning, 2)

	assert.True(t, mustParse(t, "insert into t default values").(*Insert).DefaultValues)
	assert.True(t, mustParse(t, "replace into t values (1)").(*Insert).Replace)
	ctx := mustParse(t, "insert into t (a) with context who = 1 values (1)").(*Insert)
	assert.Equal(t, "who", ctx.Context[0].Name)

	up := mustParse(t, "update or replace t set (a, b) = (select 1, 2), c = 3 from u where t.id = u.id returning *").(*Update)
	assert.Equal(t, ConflictReplace, up.OrConflict)
	assert.True(t, up.Set[0].Parenthesized)
	assert.Equal(t, []string{"a", "b"}, up.Set[0].Columns)
	assert.NotNil(t, up.From)
	assert.True(t, up.Returning[0].Star)

	vu := mustParse(t, "update (select id, c from t) as v (k, c) set c = 1 where k = 2").(*Update)
	require.NotNil(t, vu.Target)
	assert.Equal(t, []string{"k", "c"}, vu.Target.Columns)
	// A data-modifying target parses; the engine rejects it.
	assert.NotNil(t, mustParse(t, "update (insert into t values (1) returning a) as v set a = 1").(*Update).Target.DML)

	del := mustParse(t, "with x as (select 1) delete from t where a in (select * from x) returning a").(*Delete)
	assert.NotNil(t, del.With)
	assert.NotNil(t, del.Where)
}

func TestParseCreateTable(t *testing.T) {
	ct := mustParse(t, `create table if not exists main.t (
		id integer primary key desc on conflict replace,
		a integer null,
		b varchar(10) not null default 'x' collate nocase,
		c text constraint ck check on insert, update (c <> '') with tags (msg = 'bad'),
		d integer references p(id) on delete cascade on update set null deferrable initially deferred,
		g integer generated always as (a + 1) stored,
		h as (a * 2),
		primary key (),
		unique (a, b desc),
		constraint fk foreign key (a) references p (id),
		check (a > 0)
	) using store (path = 'x', 1) with context (who integer) with tags (audit = true) without rowid`).(*CreateTable)
	assert.True(t, ct.IfNotExists)
	assert.Equal(t, "main", ct.Name.Schema)
	require.Len(t, ct.Columns, 7)
	id := ct.Columns[0]
	assert.Equal(t, "integer", id.Type.Name)
	assert.Equal(t, ConstrPrimaryKey, id.Constraints[0].Kind)
	assert.Equal(t, SortDesc, id.Constraints[0].Dir)
	assert.Equal(t, ConflictReplace, id.Constraints[0].OnConflict)
	// `a integer null` is type integer plus an explicit NULL constraint.
	assert.Equal(t, "integer", ct.Columns[1].Type.Name)
	assert.Equal(t, ConstrNull, ct.Columns[1].Constraints[0].Kind)
	b := ct.Columns[2]
	assert.Equal(t, "varchar", b.Type.Name)
	assert.Len(t, b.Type.Args, 1)
	assert.Equal(t, ConstrNotNull, b.Constraints[0].Kind)
	assert.Equal(t, ConstrDefault, b.Constraints[1].Kind)
	c := ct.Columns[3].Constraints[0]
	assert.Equal(t, "ck", c.Name)
	assert.Equal(t, []Operation{OpInsert, OpUpdate}, c.CheckOn)
	assert.Equal(t, "msg", c.Tags[0].Name)
	fk := ct.Columns[4].Constraints[0].FK
	assert.Equal(t, FKCascade, fk.OnDelete)
	assert.Equal(t, FKSetNull, fk.OnUpdate)
	assert.Equal(t, DeferDeferrableDeferred, fk.Deferral)
	g := ct.Columns[5].Constraints[0]
	assert.True(t, g.Stored)
	assert.True(t, g.GeneratedAlways)
	assert.Nil(t, ct.Columns[6].Type)
	require.Len(t, ct.Constraints, 4)
	assert.Empty(t, ct.Constraints[0].Columns)
	assert.NotNil(t, ct.Constraints[0].Columns)
	assert.Equal(t, SortDesc, ct.Constraints[1].Columns[1].Dir)
	assert.Equal(t, []string{"a"}, ct.Constraints[2].FKColumns)
	assert.Equal(t, "store", ct.Module)
	assert.Equal(t, "path", ct.ModuleArgs[0].Name)
	assert.Equal(t, "who", ct.Context[0].Name)
	assert.Equal(t, "audit", ct.Tags[0].Name)
	assert.Equal(t, "WITHOUT ROWID", ct.Options[0].Words)
}

func TestParseOtherDDL(t *testing.T) {
	ci := mustParse(t, "create unique index if not exists ix on t (lower(a) collate nocase desc, b) where b is not null").(*CreateIndex)
	assert.True(t, ci.Unique)
	assert.Equal(t, "nocase", ci.Columns[0].Collation)
	assert.IsType(t, &FuncCall{}, ci.Columns[0].X)
	assert.NotNil(t, ci.Where)

	cv := mustParse(t, "create view if not exists v (x, y) as select 1, 2").(*CreateView)
	assert.Equal(t, []string{"x", "y"}, cv.Columns)
	mv := mustParse(t, "create materialized view mv as select 1").(*CreateView)
	assert.True(t, mv.Materialized)
	ca := mustParse(t, "create assertion a check (not exists (select 1 from t where x < 0))").(*CreateAssertion)
	assert.Equal(t, "a", ca.Name.Name)

	for src, kind := range map[string]ObjectKind{
		"drop table if exists t": ObjTable, "drop index i": ObjIndex, "drop view v": ObjView,
		"drop materialized view m": ObjMaterializedView, "drop assertion a": ObjAssertion,
	} {
		assert.Equal(t, kind, mustParse(t, src).(*Drop).Kind, src)
	}
	assert.True(t, mustParse(t, "drop table if exists t").(*Drop).IfExists)
}

func TestParseAlterTable(t *testing.T) {
	cases := map[string]AlterAction{
		"alter table t rename to u":                       &RenameTable{NewName: "u"},
		"alter table t rename column a to b":              &RenameColumn{Old: "a", New: "b"},
		"alter table t rename a to b":                     &RenameColumn{Old: "a", New: "b"},
		"alter table t drop column a":                     &DropColumn{Name: "a"},
		"alter table t drop tags":                         &DropColumn{Name: "tags"},
		"alter table t drop constraint c":                 &DropConstraint{Name: "c"},
		"alter table t rename constraint c to d":          &RenameConstraint{Old: "c", New: "d"},
		"alter table t alter column a set not null":       &AlterColumn{Column: "a", Op: AlterSetNotNull},
		"alter table t alter column a drop not null":      &AlterColumn{Column: "a", Op: AlterDropNotNull},
		"alter table t alter column a drop default":       &AlterColumn{Column: "a", Op: AlterDropDefault},
		"alter table t alter column a set collate nocase": &AlterColumn{Column: "a", Op: AlterSetCollate, Collation: "nocase"},
		"alter table t drop maintained":                   &DropMaintained{},
	}
	for src, want := range cases {
		got := mustParse(t, src).(*AlterTable).Action
		assert.Empty(t, astDiff(want, got), src)
	}
	add := mustParse(t, "alter table t add column c integer not null default 0").(*AlterTable).Action.(*AddColumn)
	assert.Equal(t, "c", add.Column.Name)
	assert.Len(t, add.Column.Constraints, 2)
	ty := mustParse(t, "alter table t alter column a set data type text").(*AlterTable).Action.(*AlterColumn)
	assert.Equal(t, "text", ty.Type.Name)
	pk := mustParse(t, "alter table t alter primary key (a, b desc)").(*AlterTable).Action.(*AlterPrimaryKey)
	assert.Len(t, pk.Columns, 2)
	con := mustParse(t, "alter table t add constraint u unique (a) with tags (x = 1)").(*AlterTable).Action.(*AddConstraint)
	assert.Equal(t, "u", con.Constraint.Name)
	tags := mustParse(t, "alter table t alter constraint u drop tags (x, y)").(*AlterTable).Action.(*AlterTags)
	assert.Equal(t, "u", tags.Constraint)
	assert.Equal(t, []string{"x", "y"}, tags.Names)
	sm := mustParse(t, "alter table t set maintained (a, b) as select x, y from s").(*AlterTable).Action.(*SetMaintained)
	assert.Equal(t, []string{"a", "b"}, sm.Columns)
	assert.Equal(t, ObjIndex, mustParse(t, "alter index i set tags (a = 1)").(*AlterTable).Kind)
}

func TestParseTransactionAndMisc(t *testing.T) {
	assert.Equal(t, TxImmediate, mustParse(t, "begin immediate transaction").(*Begin).Mode)
	assert.IsType(t, &Commit{}, mustParse(t, "end"))
	assert.Equal(t, "s", mustParse(t, "rollback to savepoint s").(*Rollback).Savepoint)
	assert.Equal(t, "", mustParse(t, "rollback").(*Rollback).Savepoint)
	assert.Equal(t, "s", mustParse(t, "savepoint s").(*Savepoint).Name)
	assert.Equal(t, "s", mustParse(t, "release s").(*Release).Name)
	pr := mustParse(t, "pragma main.foreign_keys = on").(*Pragma)
	assert.Equal(t, "main", pr.Name.Schema)
	assert.Equal(t, "on", pr.Value.(*ColumnRef).Column)
	assert.True(t, mustParse(t, "pragma table_info('t')").(*Pragma).Call)
	assert.Equal(t, "*", mustParse(t, "analyze temp.*").(*Analyze).Name.Name)
	ex := mustParse(t, "explain query plan select 1").(*Explain)
	assert.True(t, ex.QueryPlan)
	assert.IsType(t, &Select{}, ex.Stmt)
}

func TestParseQuereusStatements(t *testing.T) {
	ds := mustParse(t, `declare logical schema app using (default_vtab_module = 'memory') {
		table users { id integer primary key, name text, }
		table posts (id integer primary key) with tags (a = 1);
		unique index ix on users (name)
		view v as select id from users
		materialized view mv as select id from users
		assertion a check (1)
		seed users ((1, 'a'), (2, 'b'))
	}`).(*DeclareSchema)
	assert.True(t, ds.Logical)
	assert.Equal(t, "default_vtab_module", ds.Using[0].Name)
	require.Len(t, ds.Items, 7)
	assert.IsType(t, &CreateTable{}, ds.Items[0])
	assert.Len(t, ds.Items[0].(*CreateTable).Columns, 2)
	assert.True(t, ds.Items[2].(*CreateIndex).Unique)
	assert.True(t, ds.Items[4].(*CreateView).Materialized)
	assert.Len(t, ds.Items[6].(*Seed).Rows, 2)

	dl := mustParse(t, "declare lens for app over base { view v as select id, x + 1 as y with inverse (x = new.y - 1) from base.t }").(*DeclareLens)
	v := dl.Items[0].(*CreateView)
	assert.Equal(t, []string{"x"}, v.Select.Body.(*SelectCore).Columns[1].Inverse[0].Columns)

	ap := mustParse(t, "apply schema app with seed options (dry_run = true)").(*ApplySchema)
	assert.True(t, ap.WithSeed)
	assert.Equal(t, "dry_run", ap.Options[0].Name)
	assert.Equal(t, "app", mustParse(t, "diff schema app").(*DiffSchema).Name)
	assert.Equal(t, "mv", mustParse(t, "refresh materialized view mv").(*RefreshMaterializedView).Name.Name)
	sel := mustParse(t, "select * from t with schema main, aux order by 1").(*Select)
	assert.Equal(t, []string{"main", "aux"}, sel.WithSchema)
	mt := mustParse(t, "create table m (id integer primary key) maintained as select id from s").(*CreateTable)
	assert.NotNil(t, mt.Maintained)
}

func TestParseScript(t *testing.T) {
	src := "select 1;; -- comment\n insert into t values (1) ; declare schema s { table t (a) } apply schema s"
	list, err := ParseScript(src)
	require.NoError(t, err)
	require.Len(t, list, 4)
	assert.Equal(t, "select 1", list[0].Text)
	assert.Equal(t, "insert into t values (1)", list[1].Text)
	assert.Equal(t, "declare schema s { table t (a) }", list[2].Text)
	assert.Equal(t, "apply schema s", list[3].Text)
	assert.Equal(t, list[1].Text, src[list[1].Start:list[1].End])

	for _, empty := range []string{"", "  ", ";;", "-- only a comment", "/* c */ ; -- x"} {
		list, err := ParseScript(empty)
		require.NoError(t, err, empty)
		assert.Empty(t, list, empty)
	}
	_, err = ParseScript("select 1; select from")
	require.Error(t, err)
}

func TestParseExactlyOne(t *testing.T) {
	_, err := Parse("select 1;")
	assert.NoError(t, err)
	_, err = Parse("select 1; select 2")
	assert.ErrorContains(t, err, "single statement")
	_, err = Parse("  ")
	assert.ErrorContains(t, err, "Empty statement")
	_, err = Parse("select 1 2")
	assert.Error(t, err)
}

func TestParseColumnDefaultBeforeNotNull(t *testing.T) {
	ct := mustParse(t, `create table t (
		a integer default 0 not null,
		b integer default (select x from u where x not null) not null,
		c integer default case when y not null then 1 end not null,
		d integer default a + 1 null,
		e integer default (f not null))`).(*CreateTable)
	for i, c := range ct.Columns[:3] {
		require.Len(t, c.Constraints, 2, c.Name)
		assert.Equal(t, ConstrDefault, c.Constraints[0].Kind, i)
		assert.Equal(t, ConstrNotNull, c.Constraints[1].Kind, i)
	}
	assert.IsType(t, &Binary{}, ct.Columns[0+3].Constraints[0].Expr)
	assert.Equal(t, ConstrNull, ct.Columns[3].Constraints[1].Kind)
	assert.IsType(t, &IsNull{}, ct.Columns[4].Constraints[0].Expr)
	assert.Empty(t, roundTrip(ct))
}

// TestParseInsertCTENamedLikeClause checks that a CTE named context or
// schema before an INSERT source is not taken for a Quereus clause.
func TestParseInsertCTENamedLikeClause(t *testing.T) {
	for _, s := range []string{
		"insert into t with context as (select 1) select * from context",
		"insert into t with schema (a) as (select 1) select * from schema",
	} {
		ins := mustParse(t, s).(*Insert)
		assert.Nil(t, ins.Context, s)
		require.NotNil(t, ins.Source.With, s)
		assert.Empty(t, roundTrip(ins), s)
	}
	ins := mustParse(t, "insert into t with context x = 1 values (1)").(*Insert)
	assert.Equal(t, "x", ins.Context[0].Name)
}
