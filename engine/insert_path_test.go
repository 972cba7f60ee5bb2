package engine

import (
	"context"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// TestPreparedSingleRowInsert runs one prepared single-row INSERT (the
// direct VALUES path) many times: a column list that leaves columns to
// their defaults, expressions over parameters, an index to maintain, a
// failing row that must leave no trace, and re-execution after the failure.
func TestPreparedSingleRowInsert(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b INTEGER DEFAULT 7, c REAL DEFAULT (new.id * 2))`)
	mustExec(t, c, `CREATE INDEX t_a ON t(a)`)
	ins, err := c.Prepare(ctx, `INSERT INTO t (a, id) VALUES (upper(?), ? + 0)`)
	require.NoError(t, err)
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	for i := 1; i <= 20; i++ {
		res, err := ins.Exec(ctx, []Arg{{Ordinal: 1, Value: value.Text("x" + strings.Repeat("y", i%3))}, intArg(2, int64(i))})
		require.NoError(t, err)
		require.EqualValues(t, 1, res.RowsAffected)
	}
	_, err = ins.Exec(ctx, []Arg{{Ordinal: 1, Value: value.Text("dup")}, intArg(2, 3)})
	require.ErrorContains(t, err, "UNIQUE constraint failed")
	_, err = ins.Exec(ctx, []Arg{{Ordinal: 1, Value: value.Null()}, intArg(2, 99)})
	require.ErrorContains(t, err, "NOT NULL constraint failed")
	res, err := ins.Exec(ctx, []Arg{{Ordinal: 1, Value: value.Text("z")}, intArg(2, 21)})
	require.NoError(t, err)
	require.EqualValues(t, 1, res.RowsAffected)
	require.NoError(t, c.Commit(ctx))

	require.Equal(t, [][]any{{int64(21), int64(7), int64(21)}}, queryRows(t, c, `SELECT count(*), min(b), max(id) FROM t`))
	require.Equal(t, [][]any{{int64(3), "X", int64(7), 6.0}}, queryRows(t, c, `SELECT id, a, b, c FROM t WHERE id = 3`))
	// The index holds exactly the rows, found through it.
	require.Equal(t, [][]any{{int64(6)}}, queryRows(t, c, `SELECT count(*) FROM t WHERE a = 'X'`))
	require.Equal(t, [][]any{{int64(1)}}, queryRows(t, c, `SELECT count(*) FROM t WHERE a = 'Z'`))
	require.Equal(t, [][]any{}, queryRows(t, c, `SELECT id FROM t WHERE a = 'DUP' OR id = 99`))
}

// TestInsertManyParameters binds more parameters than the execution keeps
// inline.
func TestInsertManyParameters(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE w (c1 INTEGER PRIMARY KEY, c2 INTEGER, c3 INTEGER, c4 INTEGER, c5 INTEGER, c6 INTEGER, c7 INTEGER, c8 INTEGER)`)
	args := make([]Arg, 8)
	for i := range args {
		args[i] = intArg(i+1, int64(10*(i+1)))
	}
	mustExec(t, c, `INSERT INTO w VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	require.Equal(t, [][]any{{int64(10), int64(20), int64(30), int64(40), int64(50), int64(60), int64(70), int64(80)}},
		queryRows(t, c, `SELECT * FROM w`))
}

// TestStablePartsKeepsOnlyBuiltinCollations: key encodings are kept across
// executions only when no part names a custom collation, which may be
// re-registered between executions.
func TestStablePartsKeepsOnlyBuiltinCollations(t *testing.T) {
	require.NoError(t, collation.Register("insert_path_custom", strings.Compare, nil))
	parts, ok := stableParts([]schema.KeyPart{{Col: 0}, {Col: 1, Collation: "NOCASE", Desc: true}, {Col: 2, Collation: "rtrim"}})
	require.True(t, ok)
	require.Len(t, parts, 3)
	require.True(t, parts[1].kc.Desc)
	require.Equal(t, "NOCASE", parts[1].kc.Collation.Name())
	_, ok = stableParts([]schema.KeyPart{{Col: 0}, {Col: 1, Collation: "insert_path_custom"}})
	require.False(t, ok)
}

// TestKeepsValueMatchesConversion: wherever the conversion shortcut keeps
// a value, the full conversion returns exactly that value.
func TestKeepsValueMatchesConversion(t *testing.T) {
	vals := []value.Value{value.Null(), value.Int(0), value.Int(-7), value.Int(math.MaxInt64), value.Float(0.25),
		value.Float(math.Copysign(0, -1)), value.Float(math.NaN()), value.Float(math.Inf(1)), value.Text(""),
		value.Text("12"), value.Text("2024-01-02"), value.Text("héllo"), value.BlobString("ab"), value.Bool(true)}
	kept := 0
	for ty := types.Any; ty <= types.Timespan; ty++ {
		for _, v := range vals {
			if !keepsValue(v, ty) {
				continue
			}
			kept++
			got, err := convertForType(v, ty, "c")
			require.NoError(t, err, "%v as %s", v, ty.Name())
			require.Equal(t, v, got, "%v as %s", v, ty.Name()) // field by field: kind, bits, text
		}
	}
	require.Greater(t, kept, len(vals))
}

// TestExecReusesNothingOfTheLastRun: a prepared statement run again must
// not see the previous run's per-execution state: its cached uncorrelated
// subquery results, parameters or RETURNING rows.
func TestExecReusesNothingOfTheLastRun(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE n (id INTEGER PRIMARY KEY, tag TEXT NULL)`)
	next, err := c.Prepare(ctx, `INSERT INTO n (id, tag) VALUES ((SELECT coalesce(max(id), 0) FROM n) + 1, ?)`)
	require.NoError(t, err)
	for i := 0; i < 5; i++ {
		var args []Arg
		if i%2 == 0 {
			args = []Arg{{Ordinal: 1, Value: value.Text("even")}}
		}
		res, err := next.Exec(ctx, args)
		require.NoError(t, err, "run %d", i)
		require.EqualValues(t, 1, res.RowsAffected)
	}
	require.Equal(t, [][]any{{int64(1), "even"}, {int64(2), nil}, {int64(3), "even"}, {int64(4), nil}, {int64(5), "even"}},
		queryRows(t, c, `SELECT id, tag FROM n ORDER BY id`))

	ret, err := c.Prepare(ctx, `INSERT INTO n (id, tag) VALUES (?, 'r') RETURNING id * 10`)
	require.NoError(t, err)
	for _, id := range []int64{10, 11, 12} {
		rows, err := ret.Query(ctx, []Arg{intArg(1, id)})
		require.NoError(t, err)
		r, err := rows.Next(ctx)
		require.NoError(t, err)
		require.Equal(t, id*10, r[0].Int())
		_, err = rows.Next(ctx)
		require.Equal(t, io.EOF, err)
		require.NoError(t, rows.Close())
		res, err := ret.Exec(ctx, []Arg{intArg(1, id+100)})
		require.NoError(t, err)
		require.EqualValues(t, 1, res.RowsAffected)
		_, err = ret.Exec(ctx, []Arg{intArg(1, id)})
		require.ErrorContains(t, err, "UNIQUE constraint failed")
	}
	require.Equal(t, [][]any{{int64(6)}}, queryRows(t, c, `SELECT count(*) FROM n WHERE tag = 'r'`))
}

// TestPreparedInsertAcrossStoreChanges: a prepared INSERT keeps writing
// the right stores when they are renamed away and back (a rolled back
// transaction) and when the table is dropped and created anew.
func TestPreparedInsertAcrossStoreChanges(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `CREATE TABLE s (id INTEGER PRIMARY KEY, v INTEGER)`)
	mustExec(t, c, `CREATE INDEX s_v ON s(v)`)
	ins, err := c.Prepare(ctx, `INSERT INTO s VALUES (?, ?)`)
	require.NoError(t, err)
	exec := func(id int64) {
		t.Helper()
		_, err := ins.Exec(ctx, []Arg{intArg(1, id), intArg(2, id%3)})
		require.NoError(t, err, "id %d", id)
	}
	exec(1)
	mustExec(t, c, `BEGIN`)
	exec(2)
	exec(3)
	mustExec(t, c, `COMMIT`)
	mustExec(t, c, `BEGIN`)
	mustExec(t, c, `ALTER TABLE s RENAME TO s3`)
	mustExec(t, c, `ROLLBACK`)
	exec(4)
	require.Equal(t, [][]any{{int64(1)}, {int64(2)}, {int64(3)}, {int64(4)}}, queryRows(t, c, `SELECT id FROM s ORDER BY id`))
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, `SELECT id FROM s WHERE v = 0`))

	mustExec(t, c, `DROP TABLE s`)
	mustExec(t, c, `CREATE TABLE s (id INTEGER PRIMARY KEY, v INTEGER)`)
	mustExec(t, c, `CREATE INDEX s_v ON s(v)`)
	exec(5)
	exec(6)
	require.Equal(t, [][]any{{int64(5)}, {int64(6)}}, queryRows(t, c, `SELECT id FROM s ORDER BY id`))
	require.Equal(t, [][]any{{int64(6)}}, queryRows(t, c, `SELECT id FROM s WHERE v = 0`))
}

// TestPreparedInsertReusedWriter: one prepared INSERT run many times in a
// transaction whose deferred foreign-key checks (holding the writers of
// earlier runs) run at COMMIT, into a table with an expression index.
func TestPreparedInsertReusedWriter(t *testing.T) {
	_, c := openTestDB(t)
	ctx := context.Background()
	mustExec(t, c, `pragma foreign_keys = true`)
	mustExec(t, c, `CREATE TABLE par (id INTEGER PRIMARY KEY)`)
	mustExec(t, c, `CREATE TABLE ch (id INTEGER PRIMARY KEY, p INTEGER NULL REFERENCES par DEFERRABLE INITIALLY DEFERRED, name TEXT)`)
	mustExec(t, c, `CREATE INDEX ch_lname ON ch(lower(name))`)
	mustExec(t, c, `INSERT INTO par VALUES (1), (2)`)
	ins, err := c.Prepare(ctx, `INSERT INTO ch VALUES (?, ?, ?)`)
	require.NoError(t, err)
	run := func(id, p int64, name string) {
		t.Helper()
		_, err := ins.Exec(ctx, []Arg{intArg(1, id), intArg(2, p), {Ordinal: 3, Value: value.Text(name)}})
		require.NoError(t, err, "id %d", id)
	}
	require.NoError(t, c.Begin(ctx, TxOptions{}))
	run(1, 1, "Ann")
	run(2, 3, "BOB") // parent 3 does not exist yet: checked at COMMIT
	run(3, 2, "ann")
	mustExec(t, c, `INSERT INTO par VALUES (3)`)
	require.NoError(t, c.Commit(ctx))
	require.Equal(t, [][]any{{int64(1)}, {int64(3)}}, queryRows(t, c, `SELECT id FROM ch WHERE lower(name) = 'ann' ORDER BY id`))

	require.NoError(t, c.Begin(ctx, TxOptions{}))
	run(4, 9, "Cy") // no parent 9 at COMMIT
	run(5, 1, "cy")
	require.ErrorContains(t, c.Commit(ctx), "constraint failed: _fk_ch_p")
	require.Equal(t, [][]any{{int64(3)}}, queryRows(t, c, `SELECT count(*) FROM ch`))
	require.Equal(t, [][]any{}, queryRows(t, c, `SELECT id FROM ch WHERE lower(name) = 'cy'`))
}
