// Package ratchet holds the conformance ratchet: a test that runs the
// shared Quereus corpus against quereus for Go (through database/sql, per
// block) and fails when a block listed in testdata/conformance/baseline.txt
// no longer passes. It logs the pass rate and the newly passing blocks, so
// the baseline can be raised with
//
//	go run ./cmd/sqllogic -update-baseline ../shared/conformance/corpus
//
// which refuses to drop a baseline block that no longer passes unless
// given -drop-regressions.
//
// It lives apart from package sqllogic so that the runner's own unit tests
// (which use a fake driver) do not depend on the real driver compiling.
package ratchet
