package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
)

// Conn is a session: it owns the current transaction and prepared statements.
type Conn struct {
	db  *Database
	txn storage.Txn
	// explicit is true inside BEGIN ... COMMIT (SQL or Conn.Begin).
	explicit bool
	// apiTx is true when the transaction was opened by Conn.Begin.
	apiTx      bool
	savepoints []namedMark
	// pendingCat is the catalog edited by DDL in the open transaction;
	// published on commit, dropped on rollback. Each statement that edits
	// it edits a clone of its own (see editCatalog).
	pendingCat *schema.Catalog
	// stmtSeq counts the statements run on this session; catSeq is the
	// statement whose clone pendingCat is.
	stmtSeq, catSeq uint64
	// afterCommit runs after a successful commit (store deletion of dropped
	// tables and indexes).
	afterCommit []func()
	// deferred are row checks postponed to COMMIT.
	deferred []deferredCheck
	// dataWritten is set when the transaction changed rows (assertions are
	// checked at its commit).
	dataWritten bool
	closed      bool
}

type namedMark struct {
	name string
	mark storage.Mark
	// deferred is len(Conn.deferred) when the savepoint was taken.
	deferred int
}

// TxOptions configure Conn.Begin.
type TxOptions struct {
	ReadOnly  bool
	Immediate bool
}

// catalog is the schema this session sees.
func (c *Conn) catalog() *schema.Catalog {
	if c.pendingCat != nil {
		return c.pendingCat
	}
	return c.db.catalog()
}

// editCatalog returns the catalog the running statement edits: at its
// first edit a clone of the catalog the session sees, so every statement
// that changes the schema leaves a new catalog behind, also inside a
// transaction. Prepared statements re-plan when the catalog they were
// planned against is no longer the session's (Stmt.current compares
// identity), so this is what makes a statement prepared between two DDL
// statements of one transaction see the second. (DDL is not undone by
// ROLLBACK TO, as in Quereus: the clone is not a restore point.)
func (c *Conn) editCatalog() *schema.Catalog {
	if c.pendingCat == nil || c.catSeq != c.stmtSeq {
		c.pendingCat, c.catSeq = c.catalog().Clone(), c.stmtSeq
	}
	return c.pendingCat
}

// Begin opens a transaction, like SQL BEGIN.
func (c *Conn) Begin(ctx context.Context, opts TxOptions) error {
	if c.closed {
		return errConnClosed
	}
	if c.txn != nil {
		return errors.New("cannot begin: already in a transaction")
	}
	if err := c.beginTxn(ctx, storage.TxOptions{Immediate: opts.Immediate, ReadOnly: opts.ReadOnly}); err != nil {
		return err
	}
	c.explicit, c.apiTx = true, true
	return nil
}

var errConnClosed = errors.New("connection is closed")

func (c *Conn) beginTxn(ctx context.Context, opts storage.TxOptions) error {
	txn, err := c.db.store.Begin(ctx, opts)
	if err != nil {
		return err
	}
	c.txn = txn
	return nil
}

// Commit commits the transaction opened by Begin.
func (c *Conn) Commit(ctx context.Context) (err error) {
	defer recoverErr(&err)
	if c.txn == nil || !c.apiTx {
		return errors.New("cannot commit - no transaction is active")
	}
	return c.commit(ctx)
}

// Rollback rolls back the transaction opened by Begin.
func (c *Conn) Rollback(ctx context.Context) error {
	if c.txn == nil || !c.apiTx {
		return errors.New("cannot rollback - no transaction is active")
	}
	return c.rollback()
}

// InTransaction reports whether a transaction (SQL or Begin) is open.
func (c *Conn) InTransaction() bool { return c.txn != nil && c.explicit }

// Close rolls back any open transaction and releases the session.
func (c *Conn) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	if c.txn != nil {
		return c.rollback()
	}
	return nil
}

// commit runs deferred checks, commits, publishes DDL and resets state.
func (c *Conn) commit(ctx context.Context) error {
	if err := c.runDeferred(ctx); err != nil {
		_ = c.rollback()
		return err
	}
	if err := c.runAssertions(ctx); err != nil {
		_ = c.rollback()
		return err
	}
	txn := c.txn
	err := txn.Commit(ctx)
	pending, after := c.pendingCat, c.afterCommit
	c.reset()
	if err != nil {
		_ = txn.Rollback()
		return err
	}
	if pending != nil {
		c.db.publish(pending)
	}
	for _, f := range after {
		f()
	}
	return nil
}

func (c *Conn) rollback() error {
	txn := c.txn
	c.reset()
	if txn == nil {
		return nil
	}
	return txn.Rollback()
}

func (c *Conn) reset() {
	c.txn, c.explicit, c.apiTx = nil, false, false
	c.savepoints, c.pendingCat, c.afterCommit, c.deferred = nil, nil, nil, nil
	c.dataWritten = false
}

// savepoint implements SQL SAVEPOINT (starting a transaction if none).
func (c *Conn) savepoint(ctx context.Context, name string) error {
	if c.txn == nil {
		if err := c.beginTxn(ctx, storage.TxOptions{}); err != nil {
			return err
		}
		c.explicit = true
	}
	c.savepoints = append(c.savepoints, namedMark{name: name, mark: c.txn.Savepoint(), deferred: len(c.deferred)})
	return nil
}

func (c *Conn) findSavepoint(name string) (int, error) {
	for i := len(c.savepoints) - 1; i >= 0; i-- {
		if strings.EqualFold(c.savepoints[i].name, name) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("No such savepoint: %s", name)
}

func (c *Conn) release(ctx context.Context, name string) error {
	if c.txn == nil {
		return fmt.Errorf("No such savepoint: %s", name)
	}
	i, err := c.findSavepoint(name)
	if err != nil {
		return err
	}
	if err := c.txn.Release(c.savepoints[i].mark); err != nil {
		return err
	}
	c.savepoints = c.savepoints[:i]
	return nil
}

func (c *Conn) rollbackTo(name string) error {
	if c.txn == nil {
		return fmt.Errorf("No such savepoint: %s", name)
	}
	i, err := c.findSavepoint(name)
	if err != nil {
		return err
	}
	if err := c.txn.RollbackTo(c.savepoints[i].mark); err != nil {
		return err
	}
	if n := c.savepoints[i].deferred; n < len(c.deferred) {
		c.deferred = c.deferred[:n]
	}
	c.savepoints = c.savepoints[:i+1]
	return nil
}
