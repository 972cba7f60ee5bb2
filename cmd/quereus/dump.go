package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// dotDump prints the schema and data as SQL that re-imports into an empty
// database: tables with their rows, then indexes, then views, in one
// transaction.
func (s *Shell) dotDump(ctx context.Context, args []string) error {
	objs, err := s.catalog(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.out, "BEGIN;")
	for _, o := range orderForCreate(objs) {
		if len(args) == 1 && !strings.EqualFold(o.table, args[0]) && !strings.EqualFold(o.name, args[0]) {
			continue
		}
		fmt.Fprintln(s.out, strings.TrimSuffix(o.sql, ";")+";")
		if o.kind == "table" {
			if err := s.dumpRows(ctx, o.name); err != nil {
				return err
			}
		}
	}
	fmt.Fprintln(s.out, "COMMIT;")
	return nil
}

func (s *Shell) dumpRows(ctx context.Context, table string) error {
	rows, cols, err := s.queryColumns(ctx, "SELECT * FROM "+quoteIdent(table))
	if err != nil {
		return err
	}
	defer rows.Close()
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quoteIdent(c.name)
	}
	prefix := "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(names, ", ") + ") VALUES ("
	err = scanRows(rows, len(cols), func(vals []any) {
		lits := make([]string, len(vals))
		for i, v := range vals {
			lits[i] = sqlLiteral(v, cols[i].typeName)
		}
		fmt.Fprintln(s.out, prefix+strings.Join(lits, ", ")+");")
	})
	if err != nil {
		return err
	}
	return rows.Err()
}

// quoteIdent double-quotes an identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// sqlLiteral renders a scanned value as an SQL literal that converts back to
// the same value in a column of the given declared type.
func sqlLiteral(v any, typeName string) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		switch {
		case math.IsInf(x, 1):
			return "1e999"
		case math.IsInf(x, -1):
			return "-1e999"
		case math.IsNaN(x):
			return "NULL"
		}
		lit := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(lit, ".eEn") {
			lit += ".0"
		}
		return lit
	case bool:
		if x {
			return "TRUE"
		}
		return "FALSE"
	case []byte:
		return "x'" + hex.EncodeToString(x) + "'"
	case time.Time:
		if typeName == "DATE" {
			return quoteString(x.Format(time.DateOnly))
		}
		return quoteString(x.Format(time.RFC3339Nano))
	case string:
		if typeName == "INTEGER" && isDecimalInteger(x) {
			return x // an integer beyond int64, delivered as its decimal text
		}
		return quoteString(x)
	default:
		return quoteString(fmt.Sprint(x))
	}
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func isDecimalInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
