package parser

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExprStringNaming pins the column-naming rendering of FORMAT.md §8.
func TestExprStringNaming(t *testing.T) {
	cases := []struct{ src, want string }{
		{"(a + b)", "a + b"},
		{"NOT NOT 1", "not not 1"},
		{"NULL XOR 1", "null xor 1"},
		{"NOT (n = 0)", "not (n = 0)"},
		{"- -1", "--1"},
		{"~-1", "~-1"},
		{"a <> b", "a != b"},
		{"a == b", "a == b"},
		{"i / 2.0", "i / 2.0"},
		{"'it''s'", "'it''s'"},
		{"X'0AFF'", "x'0aff'"},
		{"NULL", "null"},
		{"COUNT(*)", "count(*)"},
		{"count()", "count(*)"},
		{"COUNT(DISTINCT x)", "count(distinct x)"},
		{"CAST(x AS INTEGER)", "cast(x as integer)"},
		{"x COLLATE NOCASE", "x collate nocase"},
		{"CASE WHEN n > 0 THEN 'pos' ELSE 'neg' END", "case when n > 0 then 'pos' else 'neg' end"},
		{"CASE i WHEN 1 THEN 'one' END", "case i when 1 then 'one' end"},
		{"x IN (1,2)", "x in (1, 2)"},
		{"x NOT BETWEEN a AND b", "x not between a and b"},
		{"EXISTS (SELECT 1 FROM t)", "exists (select 1 from t)"},
		{"(SELECT MAX(val) FROM inner_t)", "(select max(val) from inner_t)"},
		{`"select" + "My Col" + Abc`, `"select" + "My Col" + Abc`},
		{"t.a + 1", "t.a + 1"},
		{"? + :id + $id", "? + :id + $id"},
		{"'{\"a\":1}' -> '$.a'", `json_extract('{"a":1}', '$.a')`},
		{"j ->> 'name'", "cast(json_extract(j, '$.name') as text)"},
		{"j -> 2", "json_extract(j, '$[2]')"},
		{"(a + b) * c", "(a + b) * c"},
		{"a - (b - c)", "a - (b - c)"},
		{"a + (b + c)", "a + b + c"},
		{"a and (b or c)", "a and (b or c)"},
		{"i > 1 xor t is null", "i > 1 xor t is null"},
		{"(a = b) is null", "(a = b) is null"},
		{"x is not true", "x is not true"},
		{"x not in (1, 2)", "not x in (1, 2)"},
		{"row_number() over (order by v)", "row_number() over (order by v)"},
		{"sum(x) filter (where x > 1)", "sum(x)"},
		{"LIKE('abc%', 'abcde')", "like('abc%', 'abcde')"},
		{"\"left\"(x, 1)", `"left"(x, 1)`},
		{"12345678901234567890", "12345678901234567890"},
		{"1e3", "1e3"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ExprString(mustExpr(t, c.src)), c.src)
	}
}

// TestExprStringSynthesized covers nodes that do not come from source text.
func TestExprStringSynthesized(t *testing.T) {
	b, _ := new(big.Int).SetString("99999999999999999999", 10)
	assert.Equal(t, "99999999999999999999", ExprString(&Literal{Kind: LitInteger, Big: b}))
	assert.Equal(t, "-5", ExprString(&Literal{Kind: LitInteger, Int: -5}))
	assert.Equal(t, "2.0", ExprString(&Literal{Kind: LitReal, Real: 2}))
	assert.Equal(t, "0.5", ExprString(&Literal{Kind: LitReal, Real: 0.5}))
	assert.Equal(t, "true", ExprString(&Literal{Kind: LitBool, Bool: true}))
	assert.Equal(t, "(a)", ExprString(&Paren{X: &ColumnRef{Column: "a"}}))
	assert.Equal(t, "x not in (1)", ExprString(&In{X: &ColumnRef{Column: "x"}, Not: true, List: []Expr{&Literal{Kind: LitInteger, Raw: "1"}}}))
}

// TestStmtStringRoundTrip checks parse(print(ast)) == ast on statements
// chosen to stress the printer beyond what the corpus contains.
func TestStmtStringRoundTrip(t *testing.T) {
	for _, src := range []string{
		"select - -1, - - - a, -(-(1)), ~ -1, - ~1",
		"select a + (b + c), a - (b - c), (a or b) and c, a or (b xor c), a || (b || c)",
		"select (a = b) = c, a = (b = c), (a < b) < c, a like (b like c), a between (1 and 2) and 3",
		"select not (a = 1), (not a) = 1, (not a) is null, not a is null, -(a is null)",
		"select a = (not b), a and not b, (a in (1)) in (2), a in (select 1) is not true",
		"select (a is b) is c, a is (b is c), a is not distinct from (b = c)",
		"select -a || b, (-a) || b, a collate nocase || b, (a || b) collate nocase, -a collate x",
		"select a & b | c, a & (b | c), a << 1 + 2, (a << 1) + 2, a = b & c, (a = b) & c",
		"select x -> 'a' ->> 'b', cast(x as varchar(10)), cast(x as double precision)",
		`select "select", "a b", "x""y", [key], "first", "filter" from "group" as "order"`,
		"select count(distinct a order by b desc nulls first) filter (where a > 0) over w from t window w as (partition by c order by d asc range between 1 preceding and current row exclude no others)",
		"select sum(a) over (w rows unbounded preceding), rank() over () from t window w as (order by a)",
		"select * from a natural left outer join b, lateral (select 1) as s (x) cross join c using (k) exists left as l, exists right as r",
		"select * from (a join b on 1) join (select 1) on 1",
		"select 1 union all select 2 intersect select 3 except values (1), (2) diff select 4 order by 1 limit 1 offset 2",
		"(select 1) union (select 2 order by 1 limit 1)",
		"with recursive c (n) as not materialized (select 1), d as materialized (select 2) select * from c, d",
		"insert or rollback into s.t as x (a, b) with context who = 1 with tags (a = 'b') values (1, default_v) on conflict (a collate nocase desc) where a do update set (a, b) = (1, 2), c = 3 where 1 on conflict do nothing returning *, t.*, a as b",
		"insert into t default values",
		"insert into t insert into u values (1) returning a",
		"replace into t select * from u where 1",
		"update or fail (select a from t) as v (x) with schema main set x = 1 from u where 1 returning x",
		"delete from s.t as x with context a = 1 where a returning *",
		"create temp table if not exists s.t (a integer primary key asc on conflict abort autoincrement, b text constraint n not null on conflict fail default (1 + 1) collate nocase, c as (a) virtual, d generated always as (a) stored with tags (x = 1), e references p match simple not deferrable initially immediate, constraint pk primary key (a, b desc), unique (c collate binary), check on delete (false) on conflict ignore, foreign key (a, b) references p (x, y) on delete set default on update no action) using store (path = 'x', 1) with context (who integer null) with tags (t = true) without rowid, strict",
		"create table t (a default 0 not null, b default -1 null, c text default 'x' collate nocase, d default (x collate y) collate z)",
		"create table t as select 1",
		"create table m (id integer primary key) maintained (a) as select id from s with defaults (x = 1)",
		"create unique index if not exists s.i on t ((a collate x) collate y desc, lower(b)) where a > 0 with tags (k = 'v')",
		"create materialized view if not exists v (a, b) as select 1, 2 with tags (k = 1)",
		"create assertion a check (not exists (select 1)) with tags (k = 1)",
		"alter table t add column x integer default 0 with tags (a = 1)",
		"alter table t alter column a set default 1 + 1",
		"alter table t alter column a set data type varchar(5)",
		"alter table t alter column a set tags ()",
		"alter table t set maintained as with c as (select 1) select * from c",
		"alter view v add tags (a = 1)",
		"alter materialized view v drop tags ()",
		"alter index i set tags (a = 1)",
		"analyze", "analyze t", "analyze s.*", "analyze s.t",
		"begin", "begin exclusive", "commit", "rollback to s", "savepoint s", "release s",
		"pragma x", "pragma s.x = -1", "pragma x = 'a'", "pragma x(on)", "pragma x = null", "pragma x = key",
		"explain query plan select 1", "explain explain delete from t",
		"declare schema s using (a = 1) { table t { a integer } ; index i on t (a); seed t ((1), ()); view v as select 1; materialized view m as select 1; assertion a check (1) }",
		"declare lens for a over b { view v as select x with inverse (y = new.x) from b.t }",
		"diff schema s", "apply schema s with seed options (dry_run = true)", "refresh materialized view s.m",
		"select ?, ?5, :a, @b, $c, ?",
		"select * from committed.s.t, committed.t as c",
		"select 0x1F, 1e10, .5, 2.0, 99999999999999999999999, x'', 'a''b'",
		"select t.* from t where a not in () and b in t and c in s.t",
		"select case when a then b end, case a when 1 then 2 else 3 end from t group by 1 having 1",
		"select * from t with schema a, b order by 1 with defaults (x = 1, (y, z) = (1, 2))",
		"values (1, 2), (3, 4) order by 1",
		"select x from t where x glob 'a' and x regexp 'b' and x match 'c' and x like 'd' escape 'e' and x not glob 'f'",
		"select exists (select 1) is not false, a isnull, a notnull, a not null",
	} {
		st, err := Parse(src)
		require.NoError(t, err, src)
		assert.Empty(t, roundTrip(st), src)
	}
}

// TestStmtStringKeepsParameterOrder checks that clauses the parser accepts
// in several places are printed where they were written, so anonymous
// parameters keep their numbering.
func TestStmtStringKeepsParameterOrder(t *testing.T) {
	for _, src := range []string{
		"select 1 limit ?, ?",
		"select 1 limit ? offset ?",
		"update t set a = ? where b = ? with context x = ? with tags (k = ?)",
		"update t with tags (k = ?) with context x = ? set a = ?",
		"delete from t where a = ? with context x = ?",
		"insert into t values (?) on conflict do update set a = ? with context x = ? returning ?",
		"insert into t with context x = ? values (?)",
		"insert into t default values with context x = ?",
		"create table t (a integer default ? with tags (k = ?) check (a > ?), b integer with tags (k = ?) default ?)",
		"create table t (a integer constraint c check (a > ?) with tags (k = ?) with tags (j = ?))",
		"create table t (a default ?, check (a > ?), b default ?, unique (a))",
	} {
		st, err := Parse(src)
		require.NoError(t, err, src)
		assert.Empty(t, roundTrip(st), src)
	}
}
