// Command sqllogic runs Quereus .sqllogic conformance files against quereus
// for Go through database/sql, each file on a fresh ":memory:" database.
//
//	go run ./cmd/sqllogic [flags] PATH...
//	go run ./cmd/sqllogic -causes -areas ../shared/conformance/MANIFEST.tsv ../shared/conformance/corpus
//	go run ./cmd/sqllogic -update-baseline ../shared/conformance/corpus
//
// It prints `PASS|FAIL|SKIP <file> <passed>/<total>` per file and ends with
// the lines `blocks: N passed, N failed, N deviations` and
// `files: N passed, N failed, N skipped`. See package internal/sqllogic for
// the rules and `-h` for the flags.
package main

import (
	"database/sql"
	"os"

	_ "github.com/quereus/quereus"
	"github.com/quereus/quereus/internal/sqllogic"
)

func openMemory() (*sql.DB, error) { return sql.Open("quereus", ":memory:") }

func main() {
	os.Exit(sqllogic.Command(os.Args[1:], openMemory, os.Stdout, os.Stderr))
}
