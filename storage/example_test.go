package storage_test

import (
	"context"
	"fmt"

	"github.com/quereus/quereus/storage"
)

// Example shows the life of a write transaction: stores come from the
// provider, reads and writes go through the transaction's views, a
// savepoint undoes part of the work, and the commit is atomic across
// stores and delivers the queued events.
func Example() {
	db, err := storage.Open(storage.Options{}) // in memory
	if err != nil {
		panic(err)
	}
	defer db.Close()
	users, _ := db.Provider().GetStore("main", "users")
	byName, _ := db.Provider().GetIndexStore("main", "users", "by_name")
	db.OnDataChange(func(ev storage.DataChangeEvent) {
		fmt.Println("event:", ev.Type, ev.TableName)
	})

	ctx := context.Background()
	tx, _ := db.Begin(ctx, storage.TxOptions{Immediate: true}) // takes the write lock
	tx.Store(users).Put([]byte("1"), []byte("alice"))
	tx.Store(byName).Put([]byte("alice/1"), nil)
	tx.AdjustRowCount("main", "users", 1)
	tx.Emit(storage.DataChangeEvent{Type: storage.Insert, SchemaName: "main", TableName: "users"})

	stmt := tx.Savepoint() // a statement that fails halfway
	tx.Store(users).Put([]byte("2"), []byte("bob"))
	tx.RollbackTo(stmt)
	tx.Release(stmt)

	if err := tx.Commit(ctx); err != nil {
		panic(err)
	}
	it, _ := users.Iterate(storage.IterOptions{})
	for it.Next() {
		fmt.Printf("%s=%s\n", it.Key(), it.Value())
	}
	it.Close()
	n, _ := db.RowCount("main", "users")
	fmt.Println("rows:", n)
	// Output:
	// event: insert users
	// 1=alice
	// rows: 1
}
