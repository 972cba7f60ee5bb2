package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// progressThreshold is the file size above which .import shows progress on
// a terminal.
const progressThreshold = 1 << 20

// dotImport reads a CSV file whose first record names the columns and
// inserts every following record into table, in one transaction. A missing
// table is created with nullable TEXT columns named by the header (its key is
// all columns, since quereus has no rowids, so exact duplicate records are
// rejected). Any failure rolls the whole import back.
func (s *Shell) dotImport(ctx context.Context, args []string) error {
	file, table := args[0], args[1]
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	counter := &countingReader{r: f}
	rd := csv.NewReader(counter)
	rd.ReuseRecord = true
	header, err := rd.Read()
	if err != nil {
		return fmt.Errorf("%s: reading the header: %w", file, err)
	}
	header = append([]string(nil), header...)
	showProgress := s.terminal && info.Size() > progressThreshold

	if _, err := s.conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	n, err := s.importRecords(ctx, rd, file, table, header, func() {
		if showProgress {
			fmt.Fprintf(s.errOut, "\rimporting %s: %3d%%", file, counter.n*100/info.Size())
		}
	})
	if showProgress {
		fmt.Fprintln(s.errOut)
	}
	if err != nil {
		if _, rbErr := s.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rbErr != nil {
			err = errors.Join(err, rbErr)
		}
		return err
	}
	if _, err := s.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "imported %d rows into %s\n", n, table)
	return nil
}

func (s *Shell) importRecords(ctx context.Context, rd *csv.Reader, file, table string, header []string, progress func()) (int, error) {
	exists, err := s.tableExists(ctx, table)
	if err != nil {
		return 0, err
	}
	if !exists {
		defs := make([]string, len(header))
		for i, h := range header {
			defs[i] = quoteIdent(h) + " TEXT NULL"
		}
		if _, err := s.conn.ExecContext(ctx, "CREATE TABLE "+quoteIdent(table)+" ("+strings.Join(defs, ", ")+")"); err != nil {
			return 0, err
		}
	}
	cols := make([]string, len(header))
	marks := make([]string, len(header))
	for i, h := range header {
		cols[i], marks[i] = quoteIdent(h), "?"
	}
	stmt, err := s.conn.PrepareContext(ctx, "INSERT INTO "+quoteIdent(table)+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(marks, ", ")+")")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	args := make([]any, len(header))
	n := 0
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("%s: %w", file, err)
		}
		for i := range args {
			args[i] = rec[i]
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			line, _ := rd.FieldPos(0)
			return n, fmt.Errorf("%s:%d: %w", file, line, err)
		}
		n++
		if n%10000 == 0 {
			progress()
		}
	}
}

func (s *Shell) tableExists(ctx context.Context, table string) (bool, error) {
	objs, err := s.catalog(ctx)
	if err != nil {
		return false, err
	}
	for _, o := range objs {
		if o.kind == "table" && strings.EqualFold(o.name, table) {
			return true, nil
		}
	}
	return false, nil
}

// countingReader counts the bytes read, for progress reporting.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
