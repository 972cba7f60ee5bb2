package parser

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustExpr(t *testing.T, src string) Expr {
	t.Helper()
	e, err := ParseExpr(src)
	require.NoError(t, err, src)
	return e
}

func TestExprPrecedence(t *testing.T) {
	cases := []struct{ src, want string }{
		{"1 + 2 * 3", "(1 + (2 * 3))"},
		{"1 - 2 - 3", "((1 - 2) - 3)"},
		{"a or b and c", "(a or (b and c))"},
		{"a xor b or c", "((a xor b) or c)"},
		{"not a = 1", "(not (a = 1))"},
		{"not a and b", "((not a) and b)"},
		{"not not 1", "(not (not 1))"},
		{"a between 1 and 10 and b = 2", "((a between not=false 1 10) and (b = 2))"},
		{"a not between 1 + 1 and 10", "(a between not=true (1 + 1) 10)"},
		{"a = 1 is null", "((a = 1) isnull)"},
		{"a is not null and b notnull", "((a notnull) and (b notnull))"},
		{"a isnull", "(a isnull)"},
		{"a is true", "(a is not=false true)"},
		{"a is not false", "(a is not=true false)"},
		{"a is distinct from b", "(a is distinct from b)"},
		{"a is not distinct from b", "(a is not distinct from b)"},
		{"a is b", "(a is b)"},
		{"a <> b", "(a != b)"},
		{"a == b", "(a == b)"},
		{"a < b = c < d", "((a < b) = (c < d))"},
		{"a like 'x%' escape '!'", "(a like 'x%' escape '!')"},
		{"a not like 'x'", "(not (a like 'x'))"},
		{"a glob 'x*' or a regexp 'y' or a match 'z'", "(((a glob 'x*') or (a regexp 'y')) or (a match 'z'))"},
		{"a not in (1, 2)", "(not (a in [1 2]))"},
		{"(a, b) in ((1, 2), (3, 4))", "([a b] in [[1 2] [3 4]])"},
		{"a in (select 1)", "(a in [<select>])"},
		{"a in ()", "(a in [])"},
		{"a | b & c << 1", "(((a | b) & c) << 1)"},
		{"a + b & c", "((a + b) & c)"},
		{"-a * b", "((- a) * b)"},
		{"-a || b", "(- (a || b))"},
		{"- -1", "(- (- 1))"},
		{"~-1", "(~ (- 1))"},
		{"a || b collate nocase", "(a || (b collate nocase))"},
		{"a collate nocase = b", "((a collate nocase) = b)"},
		{"x -> 'a'", "json_extract(x, '$.a')"},
		{"x ->> '$.a.b'", "cast(json_extract(x, '$.a.b') as text)"},
		{"x -> 0 -> 'k'", "json_extract(json_extract(x, '$[0]'), '$.k')"},
		{"a = 1 or b = 2 and not c", "((a = 1) or ((b = 2) and (not c)))"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, sexpr(mustExpr(t, c.src)), c.src)
	}
}

func TestExprLiterals(t *testing.T) {
	lit := func(src string) *Literal {
		l, ok := mustExpr(t, src).(*Literal)
		require.True(t, ok, src)
		return l
	}
	assert.Equal(t, int64(42), lit("42").Int)
	assert.Equal(t, int64(31), lit("0x1F").Int)
	assert.Equal(t, int64(-1), lit("0xFFFFFFFFFFFFFFFF").Int)
	assert.Equal(t, int64(9223372036854775807), lit("9223372036854775807").Int)
	big1 := lit("9223372036854775808")
	require.NotNil(t, big1.Big)
	want, _ := new(big.Int).SetString("9223372036854775808", 10)
	assert.Zero(t, want.Cmp(big1.Big))
	assert.Equal(t, "99999999999999999999999999", lit("99999999999999999999999999").Big.String())
	assert.Equal(t, 2.0, lit("2.0").Real)
	assert.Equal(t, "2.0", lit("2.0").Raw)
	assert.Equal(t, LitString, lit("'a''b'").Kind)
	assert.Equal(t, "a'b", lit("'a''b'").Str)
	assert.Equal(t, []byte{0x01, 0xff}, lit("x'01FF'").Blob)
	assert.Equal(t, []byte{}, lit("x''").Blob)
	assert.Equal(t, LitNull, lit("NULL").Kind)
	assert.True(t, lit("TRUE").Bool)
	assert.Equal(t, LitBool, lit("false").Kind)
}

func TestExprParams(t *testing.T) {
	st, err := Parse("select ?, :a, ?, $b, @c, ?7, :1")
	require.NoError(t, err)
	cols := st.(*Select).Body.(*SelectCore).Columns
	want := []Param{{Ordinal: 1}, {Name: ":a"}, {Ordinal: 2}, {Name: "$b"}, {Name: "@c"}, {Index: 7}, {Name: ":1"}}
	require.Len(t, cols, len(want))
	for i, c := range cols {
		p := c.Expr.(*Param)
		assert.Equal(t, want[i].Name, p.Name, i)
		assert.Equal(t, want[i].Index, p.Index, i)
		assert.Equal(t, want[i].Ordinal, p.Ordinal, i)
	}
}

func TestExprFunctionCalls(t *testing.T) {
	f := mustExpr(t, "count(distinct x)").(*FuncCall)
	assert.True(t, f.Distinct)
	assert.True(t, mustExpr(t, "count(*)").(*FuncCall).Star)
	g := mustExpr(t, "group_concat(x, ',' order by y desc) filter (where x > 0)").(*FuncCall)
	require.Len(t, g.OrderBy, 1)
	assert.Equal(t, SortDesc, g.OrderBy[0].Dir)
	assert.NotNil(t, g.Filter)
	w := mustExpr(t, "sum(x) over (partition by a order by b rows between unbounded preceding and 1 following exclude ties)").(*FuncCall)
	require.NotNil(t, w.Over)
	require.NotNil(t, w.Over.Frame)
	assert.Equal(t, BoundUnboundedPreceding, w.Over.Frame.Start.Kind)
	assert.Equal(t, BoundFollowing, w.Over.Frame.End.Kind)
	assert.Equal(t, ExcludeTies, w.Over.Frame.Exclude)
	assert.Equal(t, "w", mustExpr(t, "rank() over w").(*FuncCall).OverName)
	assert.Equal(t, "like", mustExpr(t, "like('a%', x)").(*FuncCall).Name)
	assert.Equal(t, "replace", mustExpr(t, "replace(x, 'a', 'b')").(*FuncCall).Name)
	s := mustExpr(t, "main.f(1)").(*FuncCall)
	assert.Equal(t, "main", s.Schema)
}

func TestExprColumnRefs(t *testing.T) {
	assert.Equal(t, &ColumnRef{Loc: Loc{0}, Column: "a"}, mustExpr(t, "a"))
	assert.Equal(t, &ColumnRef{Loc: Loc{0}, Table: "t", Column: "a"}, mustExpr(t, "t.a"))
	assert.Equal(t, &ColumnRef{Loc: Loc{0}, Schema: "s", Table: "t", Column: "a"}, mustExpr(t, "s.t.a"))
	assert.Equal(t, &ColumnRef{Loc: Loc{0}, Column: "select"}, mustExpr(t, `"select"`))
	for _, w := range []string{"key", "value", "type", "desc", "notnull", "first", "data"} {
		ref, ok := mustExpr(t, w).(*ColumnRef)
		require.True(t, ok, w)
		assert.Equal(t, w, ref.Column)
	}
}

func TestExprPositions(t *testing.T) {
	e := mustExpr(t, "a +\n  b")
	b := e.(*Binary)
	assert.Equal(t, Pos(0), b.Pos())
	assert.Equal(t, Pos(6), b.R.Pos())
	line, col := LineCol("a +\n  b", b.R.Pos())
	assert.Equal(t, 2, line)
	assert.Equal(t, 3, col)
}
