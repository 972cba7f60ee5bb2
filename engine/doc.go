// Package engine is the quereus SQL engine: it parses SQL text (engine/parser),
// keeps the schema catalog, plans statements over the storage layer's logical
// stores and executes them. api.go is its contract with the database/sql
// driver.
package engine
