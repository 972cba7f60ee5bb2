package quereus

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchDB is an in-memory database with a table of n rows.
func benchDB(b *testing.B, n int) *sql.DB {
	b.Helper()
	db, err := sql.Open(DriverName, ":memory:")
	require.NoError(b, err)
	b.Cleanup(func() { db.Close() })
	_, err = db.Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL)")
	require.NoError(b, err)
	tx, err := db.Begin()
	require.NoError(b, err)
	stmt, err := tx.Prepare("INSERT INTO t VALUES (?, ?, ?)")
	require.NoError(b, err)
	for i := range n {
		_, err := stmt.Exec(i, "name", float64(i)/2)
		require.NoError(b, err)
	}
	require.NoError(b, tx.Commit())
	return db
}

func BenchmarkPreparedPointSelect(b *testing.B) {
	db := benchDB(b, 1000)
	stmt, err := db.Prepare("SELECT name, score FROM t WHERE id = ?")
	require.NoError(b, err)
	defer stmt.Close()
	var name string
	var score float64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := stmt.QueryRow(i%1000).Scan(&name, &score); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnpreparedPointSelect(b *testing.B) { benchUnpreparedPointSelect(b) }

// benchUnpreparedPointSelect measures db.QueryRow with SQL text and
// arguments (no Prepare) on a table of 1000 rows.
func benchUnpreparedPointSelect(b *testing.B) {
	db := benchDB(b, 1000)
	var name string
	var score float64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := db.QueryRow("SELECT name, score FROM t WHERE id = ?", i%1000).Scan(&name, &score); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScan1000Rows(b *testing.B) {
	db := benchDB(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		rows, err := db.Query("SELECT id, name, score FROM t")
		if err != nil {
			b.Fatal(err)
		}
		var id int64
		var name string
		var score float64
		for rows.Next() {
			if err := rows.Scan(&id, &name, &score); err != nil {
				b.Fatal(err)
			}
		}
		if err := rows.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInsertInTx(b *testing.B) {
	db := benchDB(b, 0)
	tx, err := db.Begin()
	require.NoError(b, err)
	stmt, err := tx.Prepare("INSERT INTO t VALUES (?, ?, ?)")
	require.NoError(b, err)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := stmt.Exec(i, "name", 1.5); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	require.NoError(b, tx.Commit())
}

func BenchmarkAutocommitInsert(b *testing.B) {
	db := benchDB(b, 0)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := db.Exec("INSERT INTO t VALUES (?, ?, ?)", i, "name", 1.5); err != nil {
			b.Fatal(err)
		}
	}
}
