package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"
)

// Shell is one shell session: a database connection and display settings.
type Shell struct {
	db       *sql.DB
	conn     *sql.Conn
	out      io.Writer
	errOut   io.Writer
	mode     outputMode
	headers  bool
	timer    bool
	nullText string
	// terminal is true when stderr is a terminal (progress output allowed).
	terminal bool
	// failed records that some statement or command failed (exit status).
	failed bool
	// quit is set by .quit.
	quit bool
	// echo prints each statement before running it (the demo).
	echo bool
	// readDepth bounds nested .read commands.
	readDepth int
}

const maxReadDepth = 16

// newShell opens a session on db with one dedicated connection, so that
// transactions span statements.
func newShell(ctx context.Context, db *sql.DB, out, errOut io.Writer, mode outputMode) (*Shell, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Shell{db: db, conn: conn, out: out, errOut: errOut, mode: mode, headers: true, nullText: "NULL"}, nil
}

// Close releases the connection.
func (s *Shell) Close() error { return s.conn.Close() }

// runScript executes every statement and dot command read from r. Errors are
// reported with the input name and line and execution continues; the shell
// remembers that something failed.
func (s *Shell) runScript(ctx context.Context, r io.Reader, name string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	var split statementSplitter
	lineNo := 0
	for sc.Scan() && !s.quit {
		lineNo++
		line := sc.Text()
		if split.pending() == "" && strings.HasPrefix(strings.TrimSpace(line), ".") {
			s.runDot(ctx, strings.TrimSpace(line), fmt.Sprintf("%s:%d", name, lineNo))
			continue
		}
		for _, st := range split.add(line, lineNo) {
			s.runStatement(ctx, st.text, fmt.Sprintf("%s:%d", name, st.line))
		}
	}
	if err := sc.Err(); err != nil {
		s.reportf("%s: %v", name, err)
	}
	if rest := split.pending(); rest != "" && hasContent(rest) && !s.quit {
		s.runStatement(ctx, rest, fmt.Sprintf("%s:%d", name, split.startLine))
	}
}

// runStatement executes one SQL statement and prints its rows. where names
// the input position for error messages ("" in interactive use).
func (s *Shell) runStatement(ctx context.Context, text, where string) {
	if s.echo {
		fmt.Fprintf(s.out, "\nquereus> %s\n", withoutLeadingComments(text))
	}
	start := time.Now()
	err := s.query(ctx, text)
	if s.timer {
		fmt.Fprintf(s.out, "Run Time: %.6f s\n", time.Since(start).Seconds())
	}
	if err != nil {
		if where != "" {
			s.reportf("Error at %s: %v", where, err)
		} else {
			s.reportf("Error: %v", err)
		}
	}
}

func (s *Shell) query(ctx context.Context, text string) error {
	rows, cols, err := s.queryColumns(ctx, text)
	if err != nil {
		return err
	}
	defer rows.Close()
	if len(cols) == 0 {
		for rows.Next() {
		}
		return rows.Err()
	}
	f := s.newFormatter(cols)
	if err := scanRows(rows, len(cols), f.row); err != nil {
		return err
	}
	err = rows.Err()
	f.finish()
	return err
}

// reportf prints an error and marks the session failed.
func (s *Shell) reportf(format string, args ...any) {
	s.failed = true
	fmt.Fprintf(s.errOut, format+"\n", args...)
}

// withoutLeadingComments drops whole comment lines before a statement.
func withoutLeadingComments(text string) string {
	for strings.HasPrefix(text, "--") {
		_, rest, ok := strings.Cut(text, "\n")
		if !ok {
			return ""
		}
		text = strings.TrimSpace(rest)
	}
	return text
}
