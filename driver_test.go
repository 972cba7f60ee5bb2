package quereus

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openDB opens dsn through database/sql and closes it when the test ends.
func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open(DriverName, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, db.Close()) })
	return db
}

// memDB is a private in-memory database.
func memDB(t *testing.T) *sql.DB { return openDB(t, ":memory:") }

// fileDSN names a fresh database directory.
func fileDSN(t *testing.T) string { return "file:" + filepath.Join(t.TempDir(), "db") }

func mustExec(t *testing.T, db interface {
	Exec(string, ...any) (sql.Result, error)
}, query string, args ...any) sql.Result {
	t.Helper()
	res, err := db.Exec(query, args...)
	require.NoError(t, err, query)
	return res
}

// queryInt runs a query returning one integer.
func queryInt(t *testing.T, db interface {
	QueryRow(string, ...any) *sql.Row
}, query string, args ...any) int64 {
	t.Helper()
	var n int64
	require.NoError(t, db.QueryRow(query, args...).Scan(&n), query)
	return n
}

// queryColumn runs a query returning one column and collects its values.
func queryColumn[T any](t *testing.T, db interface {
	Query(string, ...any) (*sql.Rows, error)
}, query string, args ...any) []T {
	t.Helper()
	rows, err := db.Query(query, args...)
	require.NoError(t, err, query)
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		require.NoError(t, rows.Scan(&v), query)
		out = append(out, v)
	}
	require.NoError(t, rows.Err(), query)
	return out
}

func TestCRUD(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, age INTEGER NULL)")

	res := mustExec(t, db, "INSERT INTO people VALUES (?, ?, ?), (?, ?, ?)", 1, "ann", 31, 2, "bob", nil)
	n, err := res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(2), n)
	_, err = res.LastInsertId()
	require.ErrorIs(t, err, ErrNoLastInsertID)

	var name string
	var age sql.NullInt64
	require.NoError(t, db.QueryRow("SELECT name, age FROM people WHERE id = ?", 2).Scan(&name, &age))
	assert.Equal(t, "bob", name)
	assert.False(t, age.Valid)

	res = mustExec(t, db, "UPDATE people SET age = age + 1 WHERE age IS NOT NULL")
	n, err = res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	assert.Equal(t, int64(32), queryInt(t, db, "SELECT age FROM people WHERE id = 1"))

	res = mustExec(t, db, "UPDATE people SET name = 'x' WHERE id = 99")
	n, err = res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(0), n)

	res = mustExec(t, db, "DELETE FROM people WHERE id = ?", 1)
	n, err = res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM people"))

	err = db.QueryRow("SELECT name FROM people WHERE id = 1").Scan(&name)
	assert.ErrorIs(t, err, sql.ErrNoRows)
}

func TestReturningThroughQuery(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	var id int64
	var v string
	require.NoError(t, db.QueryRow("INSERT INTO t VALUES (?, ?) RETURNING id, v", 7, "seven").Scan(&id, &v))
	assert.Equal(t, int64(7), id)
	assert.Equal(t, "seven", v)
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))
}

type person struct {
	ID    int64          `db:"id"`
	Name  string         `db:"name"`
	Email sql.NullString `db:"email"`
}

func TestSqlx(t *testing.T) {
	db := sqlx.NewDb(memDB(t), DriverName)
	db.MustExec("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, email TEXT NULL)")

	res, err := db.NamedExec("INSERT INTO person (id, name, email) VALUES (:id, :name, :email)", []person{
		{ID: 1, Name: "ann", Email: sql.NullString{String: "ann@example.com", Valid: true}},
		{ID: 2, Name: "bob"},
	})
	require.NoError(t, err)
	n, err := res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(2), n)

	var people []person
	require.NoError(t, db.Select(&people, "SELECT id, name, email FROM person ORDER BY id"))
	assert.Equal(t, []person{
		{ID: 1, Name: "ann", Email: sql.NullString{String: "ann@example.com", Valid: true}},
		{ID: 2, Name: "bob"},
	}, people)

	var p person
	require.NoError(t, db.Get(&p, "SELECT id, name, email FROM person WHERE name = ?", "bob"))
	assert.Equal(t, person{ID: 2, Name: "bob"}, p)

	// sqlx named queries against the driver's own named parameters.
	rows, err := db.NamedQuery("SELECT id FROM person WHERE id >= :id ORDER BY id", map[string]any{"id": 2})
	require.NoError(t, err)
	var ids []int64
	for rows.Next() {
		var id int64
		require.NoError(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	assert.Equal(t, []int64{2}, ids)
}

func TestMultiStatementExec(t *testing.T) {
	db := memDB(t)
	res := mustExec(t, db, `
		CREATE TABLE a (id INTEGER PRIMARY KEY);
		INSERT INTO a VALUES (1), (2);
		INSERT INTO a VALUES (3);
		SELECT * FROM a;
		UPDATE a SET id = id + 10 WHERE id > 1;`)
	n, err := res.RowsAffected()
	require.NoError(t, err)
	assert.Equal(t, int64(5), n, "2 + 1 inserted, 2 updated")
	assert.Equal(t, int64(3), queryInt(t, db, "SELECT count(*) FROM a"))

	// A failing statement stops the script; the earlier ones stay done.
	_, err = db.Exec("INSERT INTO a VALUES (4); INSERT INTO a VALUES (4); INSERT INTO a VALUES (5)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UNIQUE constraint failed")
	assert.Equal(t, int64(4), queryInt(t, db, "SELECT count(*) FROM a"))

	// Query with a script and no arguments returns the last statement's rows.
	var got int64
	require.NoError(t, db.QueryRow("INSERT INTO a VALUES (6); SELECT count(*) FROM a").Scan(&got))
	assert.Equal(t, int64(5), got)

	// A syntax error anywhere in a queried script is reported as such, and
	// nothing runs.
	_, err = db.Query("INSERT INTO a VALUES (7); SELEC count(*) FROM a")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SELEC")
	assert.Equal(t, int64(0), queryInt(t, db, "SELECT count(*) FROM a WHERE id = 7"))
	// With arguments, Query takes a single statement.
	_, err = db.Query("INSERT INTO a VALUES (?); SELECT count(*) FROM a", 8)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "single statement")

	// With arguments Exec binds across the script.
	mustExec(t, db, "INSERT INTO a VALUES (?); INSERT INTO a VALUES (?)", 20, 21)
	assert.Equal(t, int64(2), queryInt(t, db, "SELECT count(*) FROM a WHERE id IN (20, 21)"))
}

func TestParameters(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, db, "INSERT INTO p VALUES (1, 'one'), (2, 'two'), (3, 'three')")

	for _, sigil := range []string{":", "@", "$"} {
		t.Run(sigil, func(t *testing.T) {
			var v string
			q := "SELECT v FROM p WHERE id = " + sigil + "id"
			require.NoError(t, db.QueryRow(q, sql.Named("id", 2)).Scan(&v))
			assert.Equal(t, "two", v)
		})
	}

	var v string
	require.NoError(t, db.QueryRow("SELECT v FROM p WHERE id = ?2 AND v <> ?1", "x", 3).Scan(&v))
	assert.Equal(t, "three", v)

	// A named parameter used twice binds once.
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM p WHERE id = :k OR id = :k + 10", sql.Named("k", 1)))

	// Named and positional together: the named parameter takes slot 1.
	require.NoError(t, db.QueryRow("SELECT v FROM p WHERE id = :a AND v = ?", sql.Named("a", 1), "one").Scan(&v))
	assert.Equal(t, "one", v)

	// A prepared statement with only positional parameters checks the count.
	stmt, err := db.Prepare("SELECT v FROM p WHERE id = ?")
	require.NoError(t, err)
	defer stmt.Close()
	_, err = stmt.Query(1, 2)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expected 1 arguments, got 2")
	for id, want := range map[int]string{1: "one", 3: "three"} {
		require.NoError(t, stmt.QueryRow(id).Scan(&v))
		assert.Equal(t, want, v)
	}
}

func TestTimeRoundTrip(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME, day DATE, at_null DATETIME NULL)")
	at := time.Date(2024, 3, 15, 16, 30, 5, 250000000, time.FixedZone("CET", 3600))
	day := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	mustExec(t, db, "INSERT INTO ev VALUES (1, ?, ?, ?)", at, day, nil)

	var gotAt, gotDay time.Time
	var gotNull sql.NullTime
	require.NoError(t, db.QueryRow("SELECT at, day, at_null FROM ev").Scan(&gotAt, &gotDay, &gotNull))
	assert.True(t, at.Equal(gotAt), "got %s", gotAt)
	assert.Equal(t, time.UTC, gotAt.Location())
	assert.True(t, day.Equal(gotDay), "got %s", gotDay)
	assert.False(t, gotNull.Valid)

	// The stored text is the canonical form, so a time argument matches it.
	var text string
	require.NoError(t, db.QueryRow("SELECT cast(at AS TEXT) FROM ev").Scan(&text))
	assert.Equal(t, "2024-03-15T15:30:05.25", text)
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM ev WHERE at = ?", at))
}

func TestBigIntegerMapping(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE b (id INTEGER PRIMARY KEY, n INTEGER)")
	huge, ok := new(big.Int).SetString("123456789012345678901234567890", 10)
	require.True(t, ok)
	mustExec(t, db, "INSERT INTO b VALUES (1, ?), (2, ?), (3, ?)", huge, uint64(math.MaxUint64), int64(math.MinInt64))

	var s string
	require.NoError(t, db.QueryRow("SELECT n FROM b WHERE id = 1").Scan(&s))
	assert.Equal(t, huge.String(), s)
	require.NoError(t, db.QueryRow("SELECT n FROM b WHERE id = 2").Scan(&s))
	assert.Equal(t, "18446744073709551615", s)

	var raw any
	require.NoError(t, db.QueryRow("SELECT n FROM b WHERE id = 1").Scan(&raw))
	assert.Equal(t, huge.String(), raw, "big integers come back as decimal strings")
	require.NoError(t, db.QueryRow("SELECT n FROM b WHERE id = 3").Scan(&raw))
	assert.Equal(t, int64(math.MinInt64), raw)

	var i int64
	err := db.QueryRow("SELECT n FROM b WHERE id = 1").Scan(&i)
	require.Error(t, err, "a big integer does not fit an int64")
	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM b WHERE n = ?", huge))
}

func TestValueKindsRoundTrip(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE k (id INTEGER PRIMARY KEY, r REAL, b BOOLEAN, t TEXT, bl BLOB, j JSON)")
	mustExec(t, db, "INSERT INTO k VALUES (?, ?, ?, ?, ?, ?)",
		1, 2.5, true, "tëxt", []byte{0, 0xff, 7}, json.RawMessage(`{"b":[1,2],"a":"x"}`))

	var (
		r  float64
		b  bool
		tx string
		bl []byte
		j  json.RawMessage
	)
	require.NoError(t, db.QueryRow("SELECT r, b, t, bl, j FROM k").Scan(&r, &b, &tx, &bl, &j))
	assert.Equal(t, 2.5, r)
	assert.True(t, b)
	assert.Equal(t, "tëxt", tx)
	assert.Equal(t, []byte{0, 0xff, 7}, bl)
	assert.JSONEq(t, `{"a":"x","b":[1,2]}`, string(j))

	var vals [5]any
	require.NoError(t, db.QueryRow("SELECT r, b, t, bl, 1 = 1 FROM k").Scan(&vals[0], &vals[1], &vals[2], &vals[3], &vals[4]))
	assert.Equal(t, [5]any{2.5, true, "tëxt", []byte{0, 0xff, 7}, true}, vals)

	// Column metadata.
	rows, err := db.Query("SELECT id, r, t, j FROM k")
	require.NoError(t, err)
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	require.NoError(t, err)
	require.Len(t, cts, 4)
	assert.Equal(t, "INTEGER", cts[0].DatabaseTypeName())
	assert.Equal(t, "REAL", cts[1].DatabaseTypeName())
	assert.Equal(t, "TEXT", cts[2].DatabaseTypeName())
	assert.Equal(t, "JSON", cts[3].DatabaseTypeName())
	nullable, ok := cts[0].Nullable()
	assert.True(t, ok)
	wantScan := map[bool]string{false: "int64", true: "sql.NullInt64"}[nullable]
	assert.Equal(t, wantScan, cts[0].ScanType().String(), "scan type agrees with nullability")
	assert.Equal(t, "json.RawMessage", cts[3].ScanType().String())
}

func TestBadInputKeepsDatabaseIntact(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	mustExec(t, db, "INSERT INTO t VALUES (1, 'a')")

	_, err := db.Exec("SELEC * FROM t")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SELEC")

	_, err = db.Query("SELECT * FROM nowhere")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nowhere")

	_, err = db.Exec("INSERT INTO t VALUES (?, ?)", 2, struct{}{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unsupported argument type struct {}")

	for _, tc := range []struct {
		query string
		args  []any
		want  string
	}{
		{"INSERT INTO t VALUES (?, ?)", []any{2}, "no argument for parameter ?2"},
		{"INSERT INTO t VALUES (?, ?)", []any{2, "b", 3}, "3 arguments for a statement with 2 parameter(s)"},
		{"INSERT INTO t VALUES (:id, :v)", []any{sql.Named("id", 2)}, "no argument for parameter :v"},
		{"INSERT INTO t VALUES (:id, :v)", []any{sql.Named("id", 2), sql.Named("v", "b"), sql.Named("x", 1)},
			`argument "x" matches no parameter`},
	} {
		_, err = db.Exec(tc.query, tc.args...)
		require.Error(t, err, tc.query)
		assert.Contains(t, err.Error(), tc.want)
		_, err = db.Query(tc.query, tc.args...)
		require.Error(t, err, tc.query)
		assert.Contains(t, err.Error(), tc.want)
	}

	_, err = db.Exec("INSERT INTO t VALUES (1, 'dup')")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UNIQUE constraint failed")

	_, err = db.Exec("INSERT INTO t VALUES (?, ?)", 3, json.RawMessage(`{`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not valid JSON")

	assert.Equal(t, int64(1), queryInt(t, db, "SELECT count(*) FROM t"))
	var v string
	require.NoError(t, db.QueryRow("SELECT v FROM t WHERE id = 1").Scan(&v))
	assert.Equal(t, "a", v)
	require.NoError(t, db.Ping())
}

func TestCancelLongJoin(t *testing.T) {
	db := memDB(t)
	mustExec(t, db, "CREATE TABLE n (i INTEGER PRIMARY KEY)")
	tx, err := db.Begin()
	require.NoError(t, err)
	stmt, err := tx.Prepare("INSERT INTO n VALUES (?)")
	require.NoError(t, err)
	const rowsN = 3000
	for i := range rowsN {
		_, err := stmt.Exec(i)
		require.NoError(t, err)
	}
	require.NoError(t, stmt.Close())
	require.NoError(t, tx.Commit())

	// 9 million joined rows: far longer than the deadline.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var n int64
	start := time.Now()
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM n AS a CROSS JOIN n AS b WHERE a.i + b.i >= 0").Scan(&n)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	// Not a speed measurement: the whole join takes about a minute, so
	// stopping within seconds shows the deadline reached the engine.
	assert.Less(t, time.Since(start), 10*time.Second)

	// A cancelled write is undone as a whole.
	mustExec(t, db, "CREATE TABLE sink (v INTEGER PRIMARY KEY)")
	ctx3, cancel3 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel3()
	_, err = db.ExecContext(ctx3, "INSERT INTO sink SELECT a.i * 10000 + b.i FROM n AS a CROSS JOIN n AS b")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, int64(0), queryInt(t, db, "SELECT count(*) FROM sink"))

	// Cancellation while iterating rows.
	ctx2, cancel2 := context.WithCancel(context.Background())
	rows, err := db.QueryContext(ctx2, "SELECT a.i, b.i FROM n AS a CROSS JOIN n AS b")
	require.NoError(t, err)
	require.True(t, rows.Next())
	cancel2()
	for rows.Next() {
	}
	assert.ErrorIs(t, rows.Err(), context.Canceled)
	require.NoError(t, rows.Close())

	// The database is still usable.
	assert.Equal(t, int64(rowsN), queryInt(t, db, "SELECT count(*) FROM n"))
}
