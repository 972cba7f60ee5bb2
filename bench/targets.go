package main

import (
	"database/sql"
	"fmt"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3"
	_ "github.com/quereus/quereus"
	_ "modernc.org/sqlite"
)

// target is one database under test.
type target struct {
	name string
	// open opens a fresh database in dir.
	open func(dir string) (*sql.DB, error)
	// realType is the column type name for a double.
	realType string
}

var targets = []target{
	{
		name: "quereus",
		open: func(dir string) (*sql.DB, error) {
			return sql.Open("quereus", "file:"+filepath.Join(dir, "quereus"))
		},
		realType: "REAL",
	},
	{
		name: "modernc",
		open: func(dir string) (*sql.DB, error) {
			dsn := fmt.Sprintf("file:%s?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)",
				filepath.Join(dir, "modernc.db"))
			return sql.Open("sqlite", dsn)
		},
		realType: "REAL",
	},
	{
		name: "mattn",
		open: func(dir string) (*sql.DB, error) {
			dsn := fmt.Sprintf("file:%s?_journal_mode=WAL&_synchronous=FULL&_busy_timeout=5000",
				filepath.Join(dir, "mattn.db"))
			return sql.Open("sqlite3", dsn)
		},
		realType: "REAL",
	},
}

func findTarget(name string) (target, bool) {
	for _, t := range targets {
		if t.name == name {
			return t, true
		}
	}
	return target{}, false
}
