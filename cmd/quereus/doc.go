// Command quereus is the interactive shell of quereus for Go.
//
//	quereus [flags] [DSN]
//
// DSN defaults to ":memory:"; a bare path names a Pebble directory (created if
// absent). With -c the given SQL runs and the shell exits; with standard input
// not a terminal, the input runs as a script. Either way the exit status is
// non-zero if a statement failed.
//
// The shell talks to the database only through database/sql, on one
// connection, so transactions opened with BEGIN span the statements that
// follow. Statements may span lines until a ';' outside quotes and comments
// ends them. Lines starting with '.' are dot commands (.help lists them).
//
// The design is split by concern: shell.go holds the read-execute loop and
// session state, split.go finds statement ends, format*.go render result sets
// in each output mode, dot.go dispatches dot commands, dump.go and import.go
// implement .dump and .import, and interactive.go adds line editing, history
// and Ctrl-C handling on a terminal.
package main
