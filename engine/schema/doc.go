// Package schema is the engine's catalog model: tables (columns, primary
// key, UNIQUE / CHECK / FOREIGN KEY constraints), secondary indexes and
// views, built from parsed DDL and kept in an immutable-by-convention
// Catalog.
//
// A Catalog is never modified once published. DDL clones it (Clone), edits
// the clone and publishes the clone when the transaction commits, so readers
// on other connections always see a consistent schema without locking, and
// a rolled-back transaction simply drops its clone. Names are resolved
// case-insensitively; objects keep the spelling they were declared with.
//
// Each Table keeps the CREATE TABLE AST it was built from (Def); ALTER TABLE
// edits a copy of that AST and rebuilds the Table from it, so the catalog
// text stored in the __catalog__ store is always the printed Def.
//
// Objects belong to a schema (schemas.go): main and temp always exist,
// others are added with AddSchema. Main's objects are keyed by name alone,
// so the unqualified accessors (Table, View, Index) address main; the *In
// accessors take a schema name.
package schema
