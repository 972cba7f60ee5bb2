package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
)

// The data shape every target gets: items with a secondary index on grp
// (10 rows per group) and orders (N/10 rows) with an index on cust.
const schemaItems = `CREATE TABLE items (
	id INTEGER PRIMARY KEY,
	grp INTEGER NOT NULL,
	cat INTEGER NOT NULL,
	name TEXT NOT NULL,
	val REAL NOT NULL)`

var schemaStatements = []string{
	schemaItems,
	`CREATE INDEX items_grp ON items(grp)`,
	`CREATE TABLE orders (
		id INTEGER PRIMARY KEY,
		item_id INTEGER NOT NULL,
		cust INTEGER NOT NULL,
		qty INTEGER NOT NULL)`,
	`CREATE INDEX orders_cust ON orders(cust)`,
	`CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT NOT NULL)`,
}

const customers = 1000

func createSchema(ctx context.Context, db *sql.DB) error {
	for _, s := range schemaStatements {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// itemRow returns the column values of item id for a table of n items.
func itemRow(id, n int) (grp, cat int, name string, val float64) {
	groups := max(n/10, 1)
	return id % groups, id % 100, fmt.Sprintf("item-%08d-abcdefghijklmnopqrstuvwxyz", id), float64(id) * 0.25
}

// insertItems inserts items 1..n in one transaction through a prepared
// statement (the bulk-insert workload).
func insertItems(ctx context.Context, db *sql.DB, n int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO items (id, grp, cat, name, val) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id := 1; id <= n; id++ {
		grp, cat, name, val := itemRow(id, n)
		if _, err := stmt.ExecContext(ctx, id, grp, cat, name, val); err != nil {
			return fmt.Errorf("insert item %d: %w", id, err)
		}
	}
	return tx.Commit()
}

// insertOrders inserts n/10 orders (setup for the join workload, untimed).
func insertOrders(ctx context.Context, db *sql.DB, n int, rng *rand.Rand) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO orders (id, item_id, cust, qty) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id := 1; id <= max(n/10, 1); id++ {
		if _, err := stmt.ExecContext(ctx, id, 1+rng.IntN(n), id%customers, 1+rng.IntN(9)); err != nil {
			return fmt.Errorf("insert order %d: %w", id, err)
		}
	}
	return tx.Commit()
}
