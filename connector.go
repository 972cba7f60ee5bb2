package quereus

import (
	"context"
	"database/sql/driver"
	"sync"
)

// Connector opens connections to one database. Use it with sql.OpenDB to
// subscribe to change events before or while using the database:
//
//	c, err := quereus.NewConnector("file:./data")
//	unsubscribe := c.OnDataChange(func(ev quereus.DataChangeEvent) { ... })
//	db := sql.OpenDB(c) // db.Close closes c
//
// The database is opened (or shared with other Connectors of the same
// directory or memory name) when the Connector is created and released when
// it is closed and its last connection is closed.
type Connector struct {
	drv  *Driver
	inst *instance
	subs subscriptions

	mu     sync.Mutex
	closed bool
}

var (
	_ driver.Connector = (*Connector)(nil)
	_ EventSource      = (*Connector)(nil)
)

// NewConnector parses the DSN and opens the database it names.
func NewConnector(dsn string) (*Connector, error) {
	return newConnector(&Driver{}, dsn)
}

func newConnector(d *Driver, dsn string) (*Connector, error) {
	cfg, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	inst, err := acquire(cfg)
	if err != nil {
		return nil, err
	}
	return &Connector{drv: d, inst: inst}, nil
}

// Connect opens a connection (a session of the engine).
func (c *Connector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.connect(ctx)
	if err != nil {
		return nil, err
	}
	return conn, nil
}

func (c *Connector) connect(ctx context.Context) (cn *conn, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, ErrClosed
	}
	defer recoverTo(&err, nil)
	ec := c.inst.db.Connect()
	c.inst.retain()
	return &conn{connector: c, inst: c.inst, ec: ec}, nil
}

// Driver returns the Driver the Connector belongs to.
func (c *Connector) Driver() driver.Driver { return c.drv }

// Close ends the Connector's event subscriptions and releases its reference
// to the database; the database closes when its last Connector and
// connection are closed. sql.DB.Close calls it. Closing twice is a no-op.
func (c *Connector) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()
	c.subs.close()
	return c.inst.release()
}

// LoadErrors lists the catalog entries that failed to load when the database
// was opened (each was skipped; the rest of the schema is usable).
func (c *Connector) LoadErrors() []error {
	return append([]error(nil), c.inst.loadErrs...)
}

// OnDataChange subscribes fn to committed row changes of the database (made
// through any connection in this process). Calling the returned function,
// or closing the Connector, ends the subscription. After Close it subscribes
// nothing.
func (c *Connector) OnDataChange(fn func(DataChangeEvent)) (unsubscribe func()) {
	return c.subs.add(func() func() { return c.inst.store.OnDataChange(fn) })
}

// OnSchemaChange subscribes fn to committed schema changes, like
// OnDataChange.
func (c *Connector) OnSchemaChange(fn func(SchemaChangeEvent)) (unsubscribe func()) {
	return c.subs.add(func() func() { return c.inst.store.OnSchemaChange(fn) })
}
