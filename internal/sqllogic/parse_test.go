package sqllogic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBlockKindsAndLines(t *testing.T) {
	src := "-- leading comment\n" + // 1
		"create table t (a integer primary key);\n" + // 2
		"insert into t values (1);\n" + // 3
		"-- run\n" + // 4
		"\n" + // 5
		"select a from t;\n" + // 6
		"→ [{\"a\":1}]\n" + // 7
		"insert into t values (1);\n" + // 8
		"-- error: UNIQUE\n" + // 9
		"drop table t;\n" // 10
	blocks := Parse(src)
	require.Len(t, blocks, 4)

	assert.Equal(t, Block{Kind: KindSetup, Line: 4, StartLine: 2,
		SQL: "create table t (a integer primary key);\ninsert into t values (1);"}, blocks[0])
	assert.Equal(t, Block{Kind: KindResult, Line: 7, StartLine: 6, SQL: "select a from t;", Expected: `[{"a":1}]`}, blocks[1])
	assert.Equal(t, Block{Kind: KindError, Line: 9, StartLine: 8, SQL: "insert into t values (1);", Expected: "UNIQUE"}, blocks[2])
	assert.Equal(t, Block{Kind: KindEOFSetup, Line: 10, StartLine: 10, SQL: "drop table t;"}, blocks[3])
}

func TestParseBlankLinesAreDroppedEvenInsideLiterals(t *testing.T) {
	blocks := Parse("select 'a\n\n   \nb' as s;\n→ [{\"s\":\"a\\nb\"}]\n")
	require.Len(t, blocks, 1)
	assert.Equal(t, "select 'a\nb' as s;", blocks[0].SQL)
}

func TestParseCutsSQLAtFirstDoubleDashEvenInLiteral(t *testing.T) {
	blocks := Parse("select 'x--y' as v; -- trailing\n  select 2 -- note\n→ [2]\n")
	require.Len(t, blocks, 1)
	assert.Equal(t, "select 'x\n  select 2", blocks[0].SQL, "cut at the first --, indentation kept")
}

func TestParseLineWithOnlyACommentAfterCutIsDropped(t *testing.T) {
	blocks := Parse("   -- not a directive\nselect 1 as x;\n   --error: no space, not a directive\n→ [{\"x\":1}]\n")
	require.Len(t, blocks, 1)
	assert.Equal(t, KindResult, blocks[0].Kind)
	assert.Equal(t, "select 1 as x;", blocks[0].SQL)
}

func TestParseDirectivesWithNothingPendingAreNoOps(t *testing.T) {
	src := "-- params: [1]\n" + // params stay pending across no-ops
		"-- error: dropped silently\n" +
		"-- run\n" +
		"→ [1]\n" +
		"select ? as x;\n" +
		"→ [{\"x\":1}]\n"
	blocks := Parse(src)
	require.Len(t, blocks, 1)
	assert.Equal(t, Block{Kind: KindResult, Line: 6, StartLine: 5, SQL: "select ? as x;", Expected: `[{"x":1}]`, Params: "[1]"}, blocks[0])
}

func TestParseParamsResetByAnyFlush(t *testing.T) {
	src := "-- params: [1]\nselect 1;\n-- error:\nselect ? as x;\n→ []\n-- params: [2]\ncreate table t (a);\n-- run\nselect 3 as y;\n→ [{\"y\":3}]\n"
	blocks := Parse(src)
	require.Len(t, blocks, 4)
	assert.Equal(t, KindError, blocks[0].Kind)
	assert.Equal(t, "", blocks[0].Expected, "empty substring kept")
	assert.Equal(t, "[1]", blocks[0].Params, "params are recorded but unused by error blocks")
	assert.Equal(t, "", blocks[1].Params)
	assert.Equal(t, "[2]", blocks[2].Params)
	assert.Equal(t, "", blocks[3].Params)
}

func TestParseDirectivesAreCaseInsensitiveAndTrimmed(t *testing.T) {
	src := "\uFEFF  SELECT 1;\r\n  -- ERROR:   Some Text  \r\n\tselect 2;\r\n-- RUN\r\nselect 3 as z;\r\n  →   [{\"z\":3}]   \r\n"
	blocks := Parse(src)
	require.Len(t, blocks, 3)
	assert.Equal(t, "SELECT 1;", blocks[0].SQL, "U+FEFF trimmed like JS trim")
	assert.Equal(t, "Some Text", blocks[0].Expected)
	assert.Equal(t, KindSetup, blocks[1].Kind)
	assert.Equal(t, "select 2;", blocks[1].SQL)
	assert.Equal(t, `[{"z":3}]`, blocks[2].Expected)
}

func TestParseOtherCommentsAreIgnored(t *testing.T) {
	src := "select 1;\n-- expect error: x\n-- skip\n-- requires-capability: standalone-index-ddl\n-- run it\nselect 2 as a;\n→ [{\"a\":2}]\n"
	blocks := Parse(src)
	require.Len(t, blocks, 1)
	assert.Equal(t, "select 1;\nselect 2 as a;", blocks[0].SQL, "a statement with no directive joins the next block")
}

func TestParseBadParamsJSONIsAFailingBlock(t *testing.T) {
	blocks := Parse("-- params: [1,\nselect ? as x;\n→ [{\"x\":1}]\n")
	require.Len(t, blocks, 2)
	assert.Equal(t, KindBadDirective, blocks[0].Kind)
	assert.Equal(t, 1, blocks[0].Line)
	assert.Equal(t, "", blocks[1].Params)
}

func TestParseEOFSetupLineIsLastSQLLine(t *testing.T) {
	blocks := Parse("select 1 as a;\n→ [{\"a\":1}]\ndrop table a;\n\ndrop table b; -- bye\n-- trailing comment\n\n")
	require.Len(t, blocks, 2)
	assert.Equal(t, Block{Kind: KindEOFSetup, Line: 5, StartLine: 3, SQL: "drop table a;\ndrop table b;"}, blocks[1])
}

func TestSplitStatements(t *testing.T) {
	setup, final := splitStatements("create table t(a);\n insert into t values (';');\n select a from t;\n;")
	assert.Equal(t, []string{"create table t(a)", "insert into t values ('", "')"}, setup, "the split is not quote-aware")
	assert.Equal(t, "select a from t", final, "empty pieces dropped")

	setup, final = splitStatements("select 1")
	assert.Empty(t, setup)
	assert.Equal(t, "select 1", final)
}

func TestJSTrim(t *testing.T) {
	assert.Equal(t, "x", jsTrim("\uFEFF\u00A0\t x \u2028\r\n"))
	assert.Equal(t, "\u0085x", jsTrim("\u0085x"), "NEL is not JavaScript white space")
}
