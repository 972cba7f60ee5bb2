package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// env is what a workload runs against: a database already holding n items
// and n/10 orders (except for the bulk workload, which fills it).
type env struct {
	db  *sql.DB
	n   int
	rng *rand.Rand
	// logID is the last id the durable inserts used (they may run again).
	logID int
}

// workload is one measured operation mix. run returns the number of
// operations it completed; the harness times it.
type workload struct {
	name string
	what string
	run  func(ctx context.Context, e *env) (int, error)
}

var workloads = []workload{
	{"bulk_insert", "rows inserted in one transaction, prepared, with a secondary index", runBulkInsert},
	{"durable_insert", "autocommit single-row inserts, synced", runDurableInserts},
	{"pk_point", "primary-key point selects", runPointSelects},
	{"index_eq", "secondary-index equality lookups (10 rows)", runIndexLookups},
	{"pk_range100", "100-row primary-key range scans", runRangeScans},
	{"groupby_scan", "full-scan GROUP BY aggregate", runGroupBy},
	{"join_agg", "indexed join with aggregate", runJoin},
	{"concurrent_read", "point selects by 4 readers while 1 writer updates", runConcurrent},
}

func runBulkInsert(ctx context.Context, e *env) (int, error) {
	return e.n, insertItems(ctx, e.db, e.n)
}

func runDurableInserts(ctx context.Context, e *env) (int, error) {
	const count = 1000
	stmt, err := e.db.PrepareContext(ctx, `INSERT INTO log (id, msg) VALUES (?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for i := 1; i <= count; i++ {
		e.logID++
		if _, err := stmt.ExecContext(ctx, e.logID, "durable log entry"); err != nil {
			return i - 1, err
		}
	}
	return count, nil
}

// queryAll runs a prepared query and drains it, returning the row count.
func queryAll(ctx context.Context, stmt *sql.Stmt, dest []any, args ...any) (int, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func scanDest(n int) []any {
	dest := make([]any, n)
	for i := range dest {
		dest[i] = new(any)
	}
	return dest
}

// repeat runs one prepared query count times with args from argsFor and
// checks each returns want rows (want < 0: any).
func repeat(ctx context.Context, e *env, query string, count, cols, want int, argsFor func() []any) (int, error) {
	stmt, err := e.db.PrepareContext(ctx, query)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	dest := scanDest(cols)
	for i := 0; i < count; i++ {
		got, err := queryAll(ctx, stmt, dest, argsFor()...)
		if err != nil {
			return i, err
		}
		if want >= 0 && got != want {
			return i, fmt.Errorf("%s: got %d rows, want %d", query, got, want)
		}
	}
	return count, nil
}

func runPointSelects(ctx context.Context, e *env) (int, error) {
	return repeat(ctx, e, `SELECT id, grp, cat, name, val FROM items WHERE id = ?`, 20000, 5, 1,
		func() []any { return []any{1 + e.rng.IntN(e.n)} })
}

func runIndexLookups(ctx context.Context, e *env) (int, error) {
	groups := max(e.n/10, 1)
	return repeat(ctx, e, `SELECT id, name FROM items WHERE grp = ?`, 5000, 2, -1,
		func() []any { return []any{e.rng.IntN(groups)} })
}

func runRangeScans(ctx context.Context, e *env) (int, error) {
	return repeat(ctx, e, `SELECT id, name, val FROM items WHERE id >= ? AND id < ?`, 2000, 3, -1,
		func() []any {
			lo := 1 + e.rng.IntN(max(e.n-100, 1))
			return []any{lo, lo + 100}
		})
}

func runGroupBy(ctx context.Context, e *env) (int, error) {
	return repeat(ctx, e, `SELECT cat, count(*), sum(val) FROM items GROUP BY cat`, 5, 3, min(100, e.n),
		func() []any { return nil })
}

func runJoin(ctx context.Context, e *env) (int, error) {
	return repeat(ctx, e,
		`SELECT count(*), sum(o.qty * i.val) FROM orders o JOIN items i ON i.id = o.item_id WHERE o.cust = ?`,
		2000, 2, 1, func() []any { return []any{e.rng.IntN(customers)} })
}

// runConcurrent runs 4 point-select readers and 1 updating writer for a fixed
// time and returns the readers' completed selects.
func runConcurrent(ctx context.Context, e *env) (int, error) {
	const readers = 4
	const duration = 3 * time.Second
	e.db.SetMaxOpenConns(readers + 2)
	ctx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, readers+1)
	for r := 0; r < readers; r++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 7))
			dest := scanDest(5)
			for ctx.Err() == nil {
				err := e.db.QueryRowContext(ctx, `SELECT id, grp, cat, name, val FROM items WHERE id = ?`,
					1+rng.IntN(e.n)).Scan(dest...)
				if err != nil {
					if ctx.Err() == nil {
						errs <- fmt.Errorf("reader: %w", err)
					}
					return
				}
				reads.Add(1)
			}
		}(uint64(r))
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		rng := rand.New(rand.NewPCG(99, 7))
		for ctx.Err() == nil {
			_, err := e.db.ExecContext(ctx, `UPDATE items SET val = val + 1 WHERE id = ?`, 1+rng.IntN(e.n))
			if err != nil && ctx.Err() == nil {
				errs <- fmt.Errorf("writer: %w", err)
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		return int(reads.Load()), err
	}
	return int(reads.Load()), nil
}
