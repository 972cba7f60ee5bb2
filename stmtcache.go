package quereus

import (
	"context"
	"errors"

	"github.com/quereus/quereus/engine"
)

// stmtCacheSize bounds the statements a connection keeps prepared for
// queries run without Prepare.
const stmtCacheSize = 64

// stmtCache keeps the engine statements of queries run through
// conn.QueryContext and conn.ExecContext, keyed by SQL text, so running the
// same text again skips parsing and planning: database/sql prepares nothing
// for db.Query, db.QueryRow and db.Exec, and a typical program runs a few
// statements many times. Only statements the engine reports Reusable (not
// DDL or transaction control) are kept; they re-plan themselves when the
// schema changes. When full, the cache is emptied and refills with what is
// in use (simpler than LRU and as good for the few-hot-statements case).
// A conn is used by one goroutine at a time, so the cache needs no lock.
type stmtCache struct {
	m map[string]*engine.Stmt
}

// prepare returns the cached statement for query or prepares it, caching
// it when reusable. A cached statement is shared by every execution of its
// text on this connection; engine statements support overlapping
// executions, as a prepared statement does.
func (sc *stmtCache) prepare(ctx context.Context, ec *engine.Conn, query string) (es *engine.Stmt, cached bool, err error) {
	if es := sc.m[query]; es != nil {
		return es, true, nil
	}
	es, err = ec.Prepare(ctx, query)
	if err != nil || !es.Reusable() {
		return es, false, err
	}
	if sc.m == nil || len(sc.m) >= stmtCacheSize {
		sc.m = make(map[string]*engine.Stmt, stmtCacheSize)
	}
	sc.m[query] = es
	return es, true, nil
}

// closeAll closes and forgets every cached statement.
func (sc *stmtCache) closeAll() error {
	var errs []error
	for _, es := range sc.m {
		errs = append(errs, es.Close())
	}
	sc.m = nil
	return errors.Join(errs...)
}
