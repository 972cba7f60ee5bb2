package engine

import (
	"context"

	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// env is the runtime context one execution of a plan evaluates in: the
// transaction, bound parameters, and the stack of outer rows that
// correlated subqueries and join inner sides read (top = innermost).
type env struct {
	ctx    context.Context
	conn   *Conn
	txn    storage.Txn
	params []value.Value
	outer  []value.Row
	// cache holds results of uncorrelated subqueries for this execution.
	cache map[any]any
	// ticks counts rows for periodic context checks.
	ticks int
	// keyBuf is scratch for the key of a point lookup (scanNode.lookup),
	// kept across runs of a statement. A lookup takes it (leaving nil) while
	// it builds and reads its key, so a lookup nested in the key's
	// expressions (a subquery) cannot overwrite it.
	keyBuf []byte
	// valBuf is scratch for the stored row a point lookup reads, taken and
	// given back the same way.
	valBuf []byte
}

// push makes row visible to correlated references; pop undoes it.
func (e *env) push(row value.Row) { e.outer = append(e.outer, row) }
func (e *env) pop()               { e.outer = e.outer[:len(e.outer)-1] }

// tick checks for cancellation every 256 rows.
func (e *env) tick() error {
	e.ticks++
	if e.ticks&255 == 0 {
		return e.ctx.Err()
	}
	return nil
}

// store returns the transactional view of a table's data store.
func (e *env) store(s storage.KVStore) storage.KVStore { return e.txn.Store(s) }

// rowIter is an open cursor over rows. Next returns nil at the end.
type rowIter interface {
	Next() (value.Row, error)
	Close()
}

// node is a planned relational operator; open starts one execution.
type node interface {
	open(e *env) (rowIter, error)
	// explain appends EXPLAIN QUERY PLAN lines.
	explain(out *[]string, depth int)
}

// sliceIter iterates a materialized row list.
type sliceIter struct {
	rows []value.Row
	i    int
}

func (s *sliceIter) Next() (value.Row, error) {
	if s.i >= len(s.rows) {
		return nil, nil
	}
	s.i++
	return s.rows[s.i-1], nil
}
func (s *sliceIter) Close() {}

// drainNode opens n and reads all its rows.
func drainNode(e *env, n node) ([]value.Row, error) {
	it, err := n.open(e)
	if err != nil {
		return nil, err
	}
	return drain(e, it)
}

// drain reads an iterator to the end.
func drain(e *env, it rowIter) ([]value.Row, error) {
	defer it.Close()
	var out []value.Row
	for {
		r, err := it.Next()
		if err != nil {
			return nil, err
		}
		if r == nil {
			return out, nil
		}
		if err := e.tick(); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
}
