// Package engine is the quereus SQL engine: it parses SQL text (engine/parser),
// keeps the schema catalog (engine/schema), plans statements over the storage
// layer's logical stores and executes them. api.go, database.go, conn.go and
// stmt.go are its contract with the database/sql driver.
//
// # Sessions and transactions (conn.go, run.go)
//
// A Database holds the published schema catalog and the storage; a Conn is
// a session owning at most one storage.Txn. Outside BEGIN every statement
// runs in its own transaction (autocommit). A writing statement takes the
// database write lock before its first read, so the snapshot it reads is
// current. Inside a transaction each statement runs under a savepoint mark:
// a failing statement is undone per its conflict action (ABORT rolls back
// to the mark, FAIL keeps the writes made so far, ROLLBACK ends the
// transaction). SQL SAVEPOINT / RELEASE / ROLLBACK TO map onto the same
// marks. Row checks that read other rows (CHECK with subqueries, deferred
// foreign keys) and CREATE ASSERTION conditions run at COMMIT.
//
// DDL edits a clone of the catalog that only the session sees; COMMIT
// publishes it, ROLLBACK drops it. Catalog text (the parser's printing of
// the DDL) goes to the __catalog__ store through the same transaction, and
// Open rebuilds the catalog from it, reporting bad entries without failing.
//
// # Planning (compile.go, select.go, from.go, access.go, expr*.go)
//
// A statement is compiled once into a program: an operator tree (node,
// rowIter) plus expressions compiled into closures (evalFn) — no AST is
// walked per row. Name resolution uses scopes: each scope is the layout of
// the row its expressions read; a reference to an enclosing query's column
// reads the outer-row stack of the execution environment (env), which is
// how correlated subqueries, LATERAL subqueries and the inner side of a
// join see their outer rows. Prepared statements re-plan when the catalog
// they were planned against is no longer current.
//
// Each base-table scan picks an access path from the WHERE (and join ON)
// conjuncts: primary-key or secondary-index equality prefix, an IN list on
// the next key component, a range on the next component, or a full scan,
// costed with the storage row-count statistics. Key expressions that read
// columns of tables to the left of a join become index nested-loop seeks.
// ORDER BY is satisfied from key order only when the key encoding orders
// like the requested collation and direction; otherwise rows are sorted.
// EXPLAIN QUERY PLAN prints the chosen paths in SQLite's wording.
//
// # Execution (op_*.go, write.go, insert.go, dml.go, fk.go)
//
// Operators are pull iterators (scan, filter, project, nested-loop join,
// sort, distinct, limit, hash aggregate, set operations, recursive CTEs,
// table-valued functions). Writes go through a writer per table that
// converts values to the column types, enforces NOT NULL, CHECK, PRIMARY
// KEY, UNIQUE and FOREIGN KEY constraints with Quereus's message texts,
// maintains every secondary index (including partial and expression
// indexes), updates row-count statistics and queues change events.
//
// The per-row write path allocates little: a compiled INSERT resolves its
// table's key encodings, store cache keys and column types once
// (writeTarget), keeps the transactional stores it resolved for the
// current transaction, reuses the writer of its last finished execution,
// evaluates a single VALUES row straight into the table row, and encodes
// index keys and row values into a scratch buffer the storage write copies
// at once. A statement run to completion by Stmt.Exec hands its execution
// (env, cursor, parameters) back for the next run (run.go).
//
// The read path is as lean: a query's execution (env, parameters, key and
// value scratch) goes back to its statement when its cursor closes (the
// cursor itself is allocated apart, so a closed one stays closed); a scan
// computes its store cache key at planning (newScanNode); a primary-key
// point lookup builds its key and reads the stored row into the
// execution's buffers and yields through a one-row iterator; a projection
// of bare columns is decoded by the scan straight in the output shape, and
// when the cursor's caller copies each row before the next
// (Rows.ReuseRows, as the database/sql driver does) into one row buffer.
//
// # Schemas and declarative schema (schemas.go, declare.go, diff.go, apply.go)
//
// Besides main (and temp) a catalog holds named schemas, created by `apply
// schema`; their tables are stored as {schema}.{table}. A qualified name
// looks in its schema only; an unqualified one walks the search path (the
// statement's WITH SCHEMA, else `pragma schema_path`, else main), tables and
// views together. Bodies authored with a table or view (view queries,
// DEFAULT, generated columns, CHECK, foreign-key parents, assertions)
// resolve in their own schema, whatever the reader's path. `declare schema`
// records a desired schema, `diff schema` prints the DDL that migrates the
// catalog to it and `apply schema` runs that DDL (plus seed rows) in the
// statement's transaction. `pragma ddl_transaction_policy = 'strict'`
// (ddl_policy.go) refuses table-module DDL inside explicit transactions.
//
// # Seams to other packages
//
// valops.go (engine/types), funcs.go (engine/functions), codec.go
// (storage/keyenc and the row codec) and collate.go (collation) are the only
// places that call into the value, function, encoding and collation
// packages.
package engine
