package quereus

import (
	"context"
	"errors"
)

// tx is a transaction opened by BeginTx; SQL BEGIN, COMMIT and ROLLBACK are
// refused by the engine while it is open.
type tx struct {
	c *conn
}

// Commit commits the transaction. If the commit fails the transaction is
// rolled back, so the connection is never left inside it.
func (t *tx) Commit() (err error) {
	defer recoverTo(&err, t.c.markBroken)
	if err := t.c.ec.Commit(context.Background()); err != nil {
		if t.c.ec.InTransaction() {
			err = errors.Join(err, t.c.ec.Rollback(context.Background()))
		}
		return err
	}
	return nil
}

// Rollback discards the transaction.
func (t *tx) Rollback() (err error) {
	defer recoverTo(&err, t.c.markBroken)
	return t.c.ec.Rollback(context.Background())
}
