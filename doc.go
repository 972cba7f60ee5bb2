// Package quereus is an embedded SQL database for Go, pure Go on Pebble,
// used through database/sql as the driver "quereus":
//
//	import _ "github.com/quereus/quereus"
//
//	db, err := sql.Open("quereus", "file:./data?busy_timeout=2s")
//
// The package is a thin adapter between database/sql and the SQL engine
// (package engine); SQL semantics live in the engine, storage in package
// storage.
//
// # Data source names
//
//	file:PATH          a Pebble directory, created if absent
//	PATH               the same (a bare path)
//	file:///ABS/PATH   the same, URI spelling
//	:memory:           a private in-memory database per *sql.DB (per Connector):
//	                   shared by that pool's connections, gone when it closes
//	memory:NAME        an in-memory database shared in the process by NAME,
//	                   alive while any Connector of that name is open
//
// The first '?' starts the options, written as URL query parameters; the
// path before it is taken literally. Options:
//
//	sync=on|off                    fsync each commit (default on); off is faster
//	                               and may lose the last commits on a crash
//	busy_timeout=DURATION          how long a writer waits for the write lock
//	                               before failing with "database is busy";
//	                               a Go duration (2s, 500ms) or milliseconds;
//	                               positive; default 5s
//	mode=rwc|rw|ro                 rwc (default) creates a missing directory,
//	                               rw requires it to exist, ro requires it to
//	                               exist and refuses every write (directories
//	                               only: a new in-memory database cannot be ro)
//	nullable=not_null|nullable     nullability of columns declared without
//	                               NULL/NOT NULL (default not_null, as Quereus)
//	foreign_keys=on|off            foreign-key enforcement (default on)
//	key_collation=nocase|binary|rtrim
//	                               collation of undecorated TEXT primary-key
//	                               columns (default nocase, as the store module)
//
// on/off also accept true/false and 1/0. Unknown options, repeated options
// and bad values are rejected with an error naming them.
//
// # Shared instances
//
// A directory is opened once per process: every Connector (every sql.Open,
// sql.OpenDB or NewConnector) of the same cleaned absolute path shares one
// engine and one Pebble instance, reference-counted; the last Connector or
// connection to close closes it. memory:NAME works the same way. All
// Connectors of one instance must use the same options: opening an instance
// that is already open with different options fails with an error showing
// both option sets. The key is the cleaned absolute path, without resolving
// symbolic links; two spellings through a symlink are refused by Pebble's
// directory lock ("database is locked by another process").
//
// The database is opened when the Connector is created (sql.Open reports a
// missing read-only directory or a locked one at once) and a :memory:
// database lives exactly as long as its *sql.DB.
//
// # Statements and arguments
//
// Exec runs every statement of its text in order, each in autocommit mode
// unless a transaction is open, stopping at the first error (earlier
// statements stay done); RowsAffected is the total. Query runs a single
// statement; called without arguments it also accepts a script, running
// every statement but the last as Exec does and returning the last one's
// rows. Prepare takes exactly one statement.
//
// Parameters are written ?, ?NNN, :name, @name or $name. An argument made
// with sql.Named("id", v) binds :id, @id and $id. Any other argument binds by
// its position in the argument list, which is the parameter's slot: ? takes
// the next slot, ?NNN slot NNN, and a named parameter also takes a slot at
// its first appearance (so "SELECT :a, ?" binds ? from the second argument).
// With Exec on a script, slots are numbered across the whole script.
//
// Arguments of a single statement (Query, Prepare, and Exec with arguments)
// must bind its parameters exactly: a parameter without an argument, a
// positional argument beyond the last slot, or a named argument that names
// no parameter is an error. Exec without arguments, and Exec of a script,
// bind as the engine does: a parameter without an argument is NULL.
//
// # Values
//
// Arguments: nil, int64, float64, bool, string and []byte map to NULL,
// INTEGER, REAL, BOOLEAN, TEXT and BLOB (a nil []byte is NULL); every other
// integer, unsigned and float kind and named types over them are accepted
// (a uint64 beyond int64 becomes a big integer), as are *big.Int and big.Int
// (arbitrary-precision INTEGER), json.RawMessage (a JSON value; invalid JSON
// is an error), pointers (nil is NULL) and driver.Valuer. A time.Time
// becomes TEXT in TimeFormat: converted to UTC, no zone suffix, the Quereus
// canonical DATETIME form ("2024-03-15T14:30:00", "…:00.5"), so it equals
// the value a DATETIME column stores. The zone is not kept: times come back
// in UTC. sql.Out is refused.
//
// Results: NULL is nil, INTEGER int64, REAL float64, BOOLEAN bool, TEXT
// string, BLOB []byte. An INTEGER outside the int64 range is returned as its
// decimal string (database/sql has no big integer type; scan it into a
// string and use big.Int.SetString). A JSON value is returned as its
// canonical JSON text (object keys sorted, no insignificant space) in a
// []byte, so it scans into json.RawMessage, []byte or string. In a column
// declared DATE, DATETIME or TIMESTAMP, text that parses as a date or date
// and time is returned as a UTC time.Time (scanning it into a string gives
// RFC 3339 text, as database/sql formats times); TIME and TIMESPAN stay
// strings.
//
// Rows implement ColumnTypeDatabaseTypeName (the declared type in upper
// case), ColumnTypeNullable, and ColumnTypeScanType (int64, float64, string,
// bool, []byte, time.Time, json.RawMessage, their sql.Null* forms for
// nullable columns, or any for expressions of unknown type).
//
// Result.RowsAffected is exact. Tables have no rowids, so LastInsertId
// always fails with ErrNoLastInsertID; use RETURNING.
//
// # Transactions
//
// db.BeginTx starts an engine transaction. TxOptions.ReadOnly is enforced.
// Every transaction reads one consistent snapshot, and writers are
// serialized by a database-wide write lock; with that, LevelDefault,
// LevelSnapshot and LevelSerializable are all honoured, and the other
// levels are refused. While a database/sql transaction is open, SQL BEGIN,
// COMMIT and ROLLBACK are refused (SAVEPOINT, RELEASE and ROLLBACK TO work).
//
// A transaction opened with SQL BEGIN belongs to its connection and stays
// open when the pool reuses the connection; run such scripts on one
// connection (db.Conn) or in a single Exec.
//
// Contexts are honoured: a cancelled or expired context stops a running
// statement, and fetching rows uses the query's context.
//
// # Errors
//
// Engine errors are returned unchanged (their texts are Quereus's messages).
// ErrBusy, ErrReadOnly and ErrLockedByOtherProcess can be tested with
// errors.Is. A panic inside the engine is recovered at the driver boundary
// and returned as an error, and the connection is discarded.
//
// # Change events
//
// A Connector delivers committed data and schema changes of its database,
// made through any connection in the process, after commit and in commit
// order, never for rolled-back work:
//
//	c, err := quereus.NewConnector("file:./data")
//	stop := c.OnDataChange(func(ev quereus.DataChangeEvent) { ... })
//	db := sql.OpenDB(c)
//
// The connection a *sql.Conn's Raw method exposes implements EventSource as
// well; its subscriptions belong to its Connector.
package quereus
