package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
)

// csvFormatter writes RFC 4180 CSV: NULL is an empty field, an empty string
// is a quoted empty field, so the two stay distinct.
type csvFormatter struct {
	sh   *Shell
	cols []column
	w    *csv.Writer
}

func newCSVFormatter(sh *Shell, cols []column) *csvFormatter {
	f := &csvFormatter{sh: sh, cols: cols, w: csv.NewWriter(sh.out)}
	if sh.headers {
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.name
		}
		f.w.Write(names)
	}
	return f
}

func (f *csvFormatter) row(vals []any) {
	fields := make([]string, len(vals))
	var emptyText []int
	for i, v := range vals {
		if v == nil {
			continue
		}
		fields[i] = plainText(v, f.cols[i].typeName)
		if fields[i] == "" {
			emptyText = append(emptyText, i)
		}
	}
	if len(emptyText) == 0 {
		f.w.Write(fields)
		return
	}
	// encoding/csv never quotes an empty field; write this record by hand.
	f.w.Flush()
	var b strings.Builder
	for i, s := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		switch {
		case vals[i] != nil && s == "":
			b.WriteString(`""`)
		case strings.ContainsAny(s, ",\"\r\n") || strings.HasPrefix(s, " "):
			b.WriteString(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
		default:
			b.WriteString(s)
		}
	}
	b.WriteString("\n")
	f.sh.out.Write([]byte(b.String()))
}

func (f *csvFormatter) finish() { f.w.Flush() }

// jsonFormatter writes one JSON array of objects, streaming. Numbers,
// booleans and null keep their JSON types; JSON-typed columns are embedded as
// JSON; blobs become "x'hex'" strings.
type jsonFormatter struct {
	sh    *Shell
	cols  []column
	count int
}

func (f *jsonFormatter) row(vals []any) {
	var b strings.Builder
	if f.count == 0 {
		b.WriteString("[")
	} else {
		b.WriteString(",\n")
	}
	f.count++
	b.WriteString("{")
	for i, v := range vals {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(jsonString(f.cols[i].name))
		b.WriteString(":")
		b.WriteString(jsonValue(v, f.cols[i].typeName))
	}
	b.WriteString("}")
	f.sh.out.Write([]byte(b.String()))
}

func (f *jsonFormatter) finish() {
	if f.count == 0 {
		fmt.Fprintln(f.sh.out, "[]")
		return
	}
	fmt.Fprintln(f.sh.out, "]")
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsonValue(v any, typeName string) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case int64, bool:
		return fmt.Sprint(x)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return jsonString(formatReal(x))
		}
		return formatReal(x)
	case string:
		if typeName == "JSON" && json.Valid([]byte(x)) {
			return x
		}
		return jsonString(x)
	case []byte:
		if typeName == "JSON" && json.Valid(x) {
			return string(x)
		}
		return jsonString(plainText(x, typeName))
	case time.Time:
		return jsonString(x.Format(time.RFC3339Nano))
	default:
		return jsonString(plainText(v, typeName))
	}
}

// lineFormatter writes "name = value" lines, a blank line between rows.
type lineFormatter struct {
	sh    *Shell
	cols  []column
	count int
}

func (f *lineFormatter) row(vals []any) {
	width := 0
	for _, c := range f.cols {
		width = max(width, len(c.name))
	}
	if f.count > 0 {
		fmt.Fprintln(f.sh.out)
	}
	f.count++
	for i, v := range vals {
		fmt.Fprintf(f.sh.out, "%*s = %s\n", width, f.cols[i].name, f.sh.displayText(v, f.cols[i].typeName))
	}
}

func (f *lineFormatter) finish() {}

// listFormatter writes values separated by '|', one row per line.
type listFormatter struct {
	sh      *Shell
	cols    []column
	started bool
}

func (f *listFormatter) row(vals []any) {
	if !f.started && f.sh.headers {
		names := make([]string, len(f.cols))
		for i, c := range f.cols {
			names[i] = c.name
		}
		fmt.Fprintln(f.sh.out, strings.Join(names, "|"))
	}
	f.started = true
	cells := make([]string, len(vals))
	for i, v := range vals {
		cells[i] = f.sh.displayText(v, f.cols[i].typeName)
	}
	fmt.Fprintln(f.sh.out, strings.Join(cells, "|"))
}

func (f *listFormatter) finish() {}
