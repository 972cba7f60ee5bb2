// Package sqllogic runs the Quereus `.sqllogic` conformance corpus against
// a database reached only through database/sql. It implements
// conformance/FORMAT.md exactly, quirks included, so that a block passes
// here exactly when it would pass in Quereus's own runner (logic.spec.ts).
//
// # Pipeline
//
// A file is read (at most MaxFileSize bytes), its `-- requires-capability:`
// directives are checked (capabilities.go; a malformed directive fails the
// file, a capability the backend lacks skips it), memory-only files are
// skipped (store mode), and the file is parsed into blocks by the line
// grammar (parse.go). Each block is identified by `file:line`, the base
// name and the line of the directive that ends it (the last SQL line for
// SQL pending at end of file). The blocks then run in order against a
// fresh database from Options.Open, one file per database, several files
// at once (Run).
//
// # Blocks
//
//   - result block (`→ json`): split on ';' (not quote-aware); each setup
//     statement runs through its own db.Exec, the final statement through
//     db.Query with the `-- params:` arguments (params.go); the rows are
//     shaped (shape.go: the bare-value rule, else an object per row keyed by
//     column name) and compared in order with the expected JSON
//     (compare.go).
//   - error block (`-- error: text`): the setup statements joined as
//     "s1;\ns2;\n…;" in ONE db.Exec, then the final statement queried and
//     drained; the first error must contain the text, case-insensitively
//     (empty text matches any error). No cleanup afterwards.
//   - setup block (`-- run`, or SQL pending at end of file): the whole block
//     in one db.Exec.
//
// # Values
//
// Driver values are mapped to JSON-comparable values (values.go): nil →
// null; int64 and float64 → number (compared as float64, so integers past
// 2^53 round as in JavaScript); bool → boolean; string → string. The
// exceptions follow the driver's documented mapping: a json.RawMessage, or
// a string or []byte in a column whose DatabaseTypeName is JSON, is JSON
// text, decoded and compared structurally; a column whose type name
// contains INT may carry an integer beyond int64 as a decimal string, which
// becomes a number; a time.Time (the driver's form of DATE/DATETIME/
// TIMESTAMP column text) goes back to Quereus's canonical ISO text. Any
// other []byte is a blob and, like time.Time in other columns, invalid JSON
// text and any other type, never equals anything, as a Uint8Array never
// deep-equals JSON in Quereus. Comparison is chai's deep.equal: objects by
// key set (order ignored), arrays by position, NaN equal to NaN, +0
// distinct from -0, and no equality across types (true ≠ 1, "1" ≠ 1,
// null ≠ 0).
//
// # Sessions
//
// Each file's *sql.DB is limited to one connection (SetMaxOpenConns(1)):
// database/sql may otherwise run consecutive statements on different pooled
// connections, so a BEGIN in one block and the statements and COMMIT in
// later blocks would land on different sessions and the transaction
// semantics the corpus tests would be lost. With one connection a file is
// one session, like a Quereus Database.
//
// # Verdicts
//
// By default every block is judged on its own: a failing block (including a
// setup block whose SQL errors) is recorded and the file goes on. With
// Options.FailFast a file stops at its first failing block, which is
// Quereus's per-file verdict; the blocks after it count as failed (not
// run). Each block runs under Options.BlockTimeout; a block that does not
// return even after its context expired is abandoned together with the
// file's database, and the rest of that file is not run. Blocks listed in
// the deviations file (deviations.go), where this project deliberately
// differs from Quereus, still run (their effects matter to later blocks)
// but count as deviations, never as passes or failures.
//
// # Ratchet
//
// The baseline (baseline.go) lists every passing block; the ratchet test in
// ./ratchet runs the corpus and fails when a baseline block stops passing.
// cmd/sqllogic is the command-line front end (report.go formats its
// output).
package sqllogic
