package quereus

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
)

// DriverName is the name the driver is registered under.
const DriverName = "quereus"

func init() {
	sql.Register(DriverName, &Driver{})
}

// Driver is the database/sql driver. It implements driver.DriverContext, so
// every sql.Open gets its own Connector (and a ":memory:" DSN its own
// private database).
type Driver struct{}

var (
	_ driver.Driver        = (*Driver)(nil)
	_ driver.DriverContext = (*Driver)(nil)
)

// OpenConnector parses the DSN and opens (or shares) the database it names.
func (d *Driver) OpenConnector(dsn string) (driver.Connector, error) {
	return newConnector(d, dsn)
}

// Open opens a single connection that owns its own Connector: closing the
// connection releases the database. database/sql does not use it (it calls
// OpenConnector); a ":memory:" DSN opened this way is private to the
// connection.
func (d *Driver) Open(dsn string) (driver.Conn, error) {
	c, err := newConnector(d, dsn)
	if err != nil {
		return nil, err
	}
	conn, err := c.connect(context.Background())
	if err != nil {
		return nil, errors.Join(err, c.Close())
	}
	conn.ownedConnector = c
	return conn, nil
}
