package quereus_test

import (
	"database/sql"
	"fmt"
	"log"

	"github.com/quereus/quereus"
)

func Example() {
	db, err := sql.Open("quereus", ":memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	// One Exec may run a whole script.
	if _, err := db.Exec(`
		CREATE TABLE fruit (name TEXT PRIMARY KEY, qty INTEGER);
		INSERT INTO fruit VALUES ('apple', 3), ('pear', 0);`); err != nil {
		log.Fatal(err)
	}
	res, err := db.Exec("UPDATE fruit SET qty = qty + :n WHERE name = :name",
		sql.Named("n", 2), sql.Named("name", "pear"))
	if err != nil {
		log.Fatal(err)
	}
	n, _ := res.RowsAffected()
	fmt.Println("updated:", n)

	rows, err := db.Query("SELECT name, qty FROM fruit WHERE qty > ? ORDER BY name", 1)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var qty int64
		if err := rows.Scan(&name, &qty); err != nil {
			log.Fatal(err)
		}
		fmt.Println(name, qty)
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// updated: 1
	// apple 3
	// pear 2
}

func ExampleNewConnector() {
	c, err := quereus.NewConnector("memory:example-events")
	if err != nil {
		log.Fatal(err)
	}
	stop := c.OnDataChange(func(ev quereus.DataChangeEvent) {
		fmt.Println(ev.Type, ev.TableName, ev.Key[0])
	})
	defer stop()
	db := sql.OpenDB(c) // db.Close closes the connector
	defer db.Close()

	if _, err := db.Exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); err != nil {
		log.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO t VALUES (1), (2)"); err != nil {
		log.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := tx.Exec("DELETE FROM t WHERE id = 1"); err != nil {
		log.Fatal(err)
	}
	if err := tx.Rollback(); err != nil { // rolled back: no event
		log.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM t WHERE id = 2"); err != nil {
		log.Fatal(err)
	}
	// Output:
	// insert t 1
	// insert t 2
	// delete t 2
}
