package schema

import (
	"testing"

	"github.com/quereus/quereus/engine/parser"
	"github.com/stretchr/testify/require"
)

func buildTable(t *testing.T, sql string, opts BuildOptions) (*Table, error) {
	t.Helper()
	st, err := parser.Parse(sql)
	require.NoError(t, err)
	return BuildTable(st.(*parser.CreateTable), opts, func(name string) bool {
		switch name {
		case "BINARY", "binary", "NOCASE", "nocase", "RTRIM", "rtrim":
			return true
		}
		return false
	})
}

func TestBuildTablePrimaryKeys(t *testing.T) {
	opts := BuildOptions{KeyCollation: "NOCASE"}
	tbl, err := buildTable(t, "CREATE TABLE t (a TEXT PRIMARY KEY, b INTEGER NULL)", opts)
	require.NoError(t, err)
	require.Equal(t, []KeyPart{{Col: 0, Collation: "NOCASE"}}, tbl.PK, "undecorated TEXT keys take the key collation")
	require.True(t, tbl.Columns[0].NotNull)
	require.False(t, tbl.Columns[1].NotNull)

	tbl, err = buildTable(t, "CREATE TABLE t (a TEXT COLLATE BINARY, b INTEGER, PRIMARY KEY (b DESC, a))", opts)
	require.NoError(t, err)
	require.Equal(t, []KeyPart{{Col: 1, Desc: true}, {Col: 0, Collation: "BINARY"}}, tbl.PK)

	tbl, err = buildTable(t, "CREATE TABLE t (a INTEGER, b INTEGER)", opts)
	require.NoError(t, err)
	require.False(t, tbl.PKDeclared)
	require.Len(t, tbl.PK, 2, "no declared key: every column")

	tbl, err = buildTable(t, "CREATE TABLE t (v INTEGER, PRIMARY KEY ())", opts)
	require.NoError(t, err)
	require.True(t, tbl.PKDeclared)
	require.Empty(t, tbl.PK)

	_, err = buildTable(t, "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY)", opts)
	require.ErrorContains(t, err, "more than one primary key")
	_, err = buildTable(t, "CREATE TABLE t (a INTEGER, PRIMARY KEY (zz))", opts)
	require.ErrorContains(t, err, "Column 'zz' not found")
}

func TestBuildTableConstraints(t *testing.T) {
	tbl, err := buildTable(t, `CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER CHECK (a > 0) UNIQUE,
		b INTEGER, CHECK (b < 10), CONSTRAINT named CHECK ON UPDATE (b > 1), UNIQUE (a, b),
		FOREIGN KEY (b) REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)`, BuildOptions{NullableByDefault: true})
	require.NoError(t, err)
	require.False(t, tbl.Columns[1].NotNull, "nullable by default")
	names := []string{}
	for _, ck := range tbl.Checks {
		names = append(names, ck.Name)
	}
	require.Equal(t, []string{"_check_a", "_check_0", "named"}, names)
	require.True(t, tbl.Checks[0].AppliesTo(parser.OpInsert))
	require.False(t, tbl.Checks[2].AppliesTo(parser.OpInsert))
	require.True(t, tbl.Checks[2].AppliesTo(parser.OpUpdate))
	require.Len(t, tbl.Indexes, 2)
	require.True(t, tbl.Indexes[0].Unique && tbl.Indexes[0].Implicit)
	require.Len(t, tbl.FKs, 1)
	require.Equal(t, "_fk_t_b", tbl.FKs[0].Name)
	require.True(t, tbl.FKs[0].Deferred)

	_, err = buildTable(t, "CREATE TABLE t (a INTEGER, CONSTRAINT z UNIQUE (a), CONSTRAINT z CHECK (a > 0))", BuildOptions{})
	require.ErrorContains(t, err, "duplicate constraint name 'z'")
	_, err = buildTable(t, "CREATE TABLE t (a TEXT COLLATE klingon)", BuildOptions{})
	require.ErrorContains(t, err, "Unknown collation")
	_, err = buildTable(t, "CREATE TABLE t (a INTEGER, a TEXT)", BuildOptions{})
	require.ErrorContains(t, err, "duplicate column name")
}

func TestCatalogCloneIsolation(t *testing.T) {
	base := New()
	tbl, err := buildTable(t, "CREATE TABLE t (a INTEGER PRIMARY KEY)", BuildOptions{})
	require.NoError(t, err)
	tbl.Schema = MainSchema
	base.PutTable(tbl)
	clone := base.Clone()
	require.Greater(t, clone.Version, base.Version)
	clone.DropTable("T")
	require.Nil(t, clone.Table("t"))
	require.NotNil(t, base.Table("T"), "the published catalog is untouched")
}
