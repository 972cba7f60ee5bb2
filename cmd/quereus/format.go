package main

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// outputMode is how result rows are shown.
type outputMode string

// The output modes.
const (
	modeTable outputMode = "table" // aligned, ASCII frame
	modeBox   outputMode = "box"   // aligned, Unicode box frame
	modeCSV   outputMode = "csv"   // RFC 4180
	modeJSON  outputMode = "json"  // one array of objects, types preserved
	modeLine  outputMode = "line"  // one "column = value" line per value
	modeList  outputMode = "list"  // values separated by '|'
)

var outputModes = []outputMode{modeTable, modeBox, modeCSV, modeJSON, modeLine, modeList}

func parseMode(name string) (outputMode, error) {
	for _, m := range outputModes {
		if strings.EqualFold(string(m), name) {
			return m, nil
		}
	}
	names := make([]string, len(outputModes))
	for i, m := range outputModes {
		names[i] = string(m)
	}
	return "", fmt.Errorf("unknown mode %q (modes: %s)", name, strings.Join(names, ", "))
}

// column is one result column: its name and declared type.
type column struct {
	name     string
	typeName string
}

func resultColumns(rows *sql.Rows) ([]column, error) {
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	cols := make([]column, len(types))
	for i, t := range types {
		cols[i] = column{name: t.Name(), typeName: strings.ToUpper(t.DatabaseTypeName())}
	}
	return cols, nil
}

// queryColumns runs a query on the shell's connection and reads its result
// columns; on success the caller closes rows.
func (s *Shell) queryColumns(ctx context.Context, text string) (*sql.Rows, []column, error) {
	rows, err := s.conn.QueryContext(ctx, text)
	if err != nil {
		return nil, nil, err
	}
	cols, err := resultColumns(rows)
	if err != nil {
		rows.Close()
		return nil, nil, err
	}
	return rows, cols, nil
}

// scanRows scans every row of rows into one slice of n values, reused from
// row to row, and passes it to fn. It stops at the first Scan error; the
// caller checks rows.Err.
func scanRows(rows *sql.Rows, n int, fn func(vals []any)) error {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		fn(vals)
	}
	return nil
}

// formatter renders one result set in one mode.
type formatter interface {
	row(vals []any)
	finish()
}

func (s *Shell) newFormatter(cols []column) formatter {
	switch s.mode {
	case modeCSV:
		return newCSVFormatter(s, cols)
	case modeJSON:
		return &jsonFormatter{sh: s, cols: cols}
	case modeLine:
		return &lineFormatter{sh: s, cols: cols}
	case modeList:
		return &listFormatter{sh: s, cols: cols}
	case modeBox:
		return &tableFormatter{sh: s, cols: cols, frame: boxFrame}
	default:
		return &tableFormatter{sh: s, cols: cols, frame: asciiFrame}
	}
}

// displayText renders a value of a column of the given declared type for the
// text modes; NULL shows as the shell's null text.
func (s *Shell) displayText(v any, typeName string) string {
	if v == nil {
		return s.nullText
	}
	return plainText(v, typeName)
}

// plainText renders a non-NULL value as text: numbers in the dialect's
// spelling, booleans as true/false, JSON as its text, blobs as x'hex'.
func plainText(v any, typeName string) string {
	if b, ok := v.([]byte); ok && typeName == "JSON" {
		return string(b)
	}
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatReal(x)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	case []byte:
		return "x'" + hex.EncodeToString(x) + "'"
	case time.Time:
		return x.Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(x)
	}
}

// formatReal spells a double the way the Quereus dialect converts it to text
// (JavaScript number spelling: 1.0 is "1", 1e21 is "1e+21").
func formatReal(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		if exp[0] == '+' || exp[0] == '-' {
			sign := exp[:1]
			exp = strings.TrimLeft(exp[1:], "0")
			return mant + "e" + sign + exp
		}
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
