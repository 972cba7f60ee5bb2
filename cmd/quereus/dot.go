package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
)

// dotCommand is one shell command starting with '.'.
type dotCommand struct {
	name  string
	args  string // usage of the arguments
	help  string
	minA  int
	maxA  int
	apply func(s *Shell, ctx context.Context, args []string) error
}

var dotCommands []dotCommand

func init() {
	dotCommands = []dotCommand{
		{"help", "", "show this help", 0, 0, (*Shell).dotHelp},
		{"tables", "[PATTERN]", "list tables and views (PATTERN: LIKE pattern)", 0, 1, (*Shell).dotTables},
		{"schema", "[TABLE]", "show CREATE statements (of one table and its indexes)", 0, 1, (*Shell).dotSchema},
		{"indexes", "[TABLE]", "list indexes (of one table)", 0, 1, (*Shell).dotIndexes},
		{"mode", "[MODE]", "show or set the output mode: table, box, csv, json, line, list", 0, 1, (*Shell).dotMode},
		{"headers", "on|off", "show column names in table, csv and list modes", 1, 1, (*Shell).dotHeaders},
		{"nullvalue", "TEXT", "text shown for NULL in table, line and list modes", 1, 1, (*Shell).dotNullValue},
		{"timer", "on|off", "print the elapsed time of each statement", 1, 1, (*Shell).dotTimer},
		{"read", "FILE", "run the statements in FILE", 1, 1, (*Shell).dotRead},
		{"import", "FILE TABLE", "import CSV with a header row into TABLE (created if missing), in one transaction", 2, 2, (*Shell).dotImport},
		{"dump", "[TABLE]", "print the schema and data as SQL that re-imports", 0, 1, (*Shell).dotDump},
		{"quit", "", "exit the shell", 0, 0, (*Shell).dotQuit},
		{"exit", "", "exit the shell", 0, 0, (*Shell).dotQuit},
	}
}

// runDot executes one dot command line. where names the input position for
// error messages.
func (s *Shell) runDot(ctx context.Context, line, where string) {
	fields, err := splitArgs(strings.TrimPrefix(line, "."))
	if err == nil && len(fields) == 0 {
		err = fmt.Errorf("empty command; try .help")
	}
	if err == nil {
		err = s.dispatchDot(ctx, fields)
	}
	if err != nil {
		if where != "" {
			s.reportf("Error at %s: %v", where, err)
		} else {
			s.reportf("Error: %v", err)
		}
	}
}

func (s *Shell) dispatchDot(ctx context.Context, fields []string) error {
	name, args := strings.ToLower(fields[0]), fields[1:]
	for _, c := range dotCommands {
		if c.name != name {
			continue
		}
		if len(args) < c.minA || len(args) > c.maxA {
			return fmt.Errorf("usage: .%s %s", c.name, c.args)
		}
		return c.apply(s, ctx, args)
	}
	return fmt.Errorf("unknown command .%s; try .help", fields[0])
}

// splitArgs splits a dot command line on white space; single or double
// quotes group an argument.
func splitArgs(line string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inArg := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inArg = r, true
		case r == ' ' || r == '\t':
			if inArg {
				out = append(out, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated quote in command")
	}
	if inArg {
		out = append(out, cur.String())
	}
	return out, nil
}

func (s *Shell) dotHelp(_ context.Context, _ []string) error {
	for _, c := range dotCommands {
		if c.name == "exit" {
			continue
		}
		usage := "." + c.name
		if c.args != "" {
			usage += " " + c.args
		}
		fmt.Fprintf(s.out, "%-22s %s\n", usage, c.help)
	}
	return nil
}

func parseOnOff(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "on", "yes", "true", "1":
		return true, nil
	case "off", "no", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("expected on or off, got %q", v)
}

// setOnOff sets *flag from an on/off argument, leaving it as it was when
// the argument is neither.
func setOnOff(flag *bool, arg string) error {
	on, err := parseOnOff(arg)
	if err != nil {
		return err
	}
	*flag = on
	return nil
}

func (s *Shell) dotMode(_ context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintf(s.out, "current output mode: %s\n", s.mode)
		return nil
	}
	m, err := parseMode(args[0])
	if err != nil {
		return err
	}
	s.mode = m
	return nil
}

func (s *Shell) dotHeaders(_ context.Context, args []string) error {
	return setOnOff(&s.headers, args[0])
}

func (s *Shell) dotTimer(_ context.Context, args []string) error {
	return setOnOff(&s.timer, args[0])
}

func (s *Shell) dotNullValue(_ context.Context, args []string) error {
	s.nullText = args[0]
	return nil
}

func (s *Shell) dotQuit(_ context.Context, _ []string) error {
	s.quit = true
	return nil
}

func (s *Shell) dotRead(ctx context.Context, args []string) error {
	if s.readDepth >= maxReadDepth {
		return fmt.Errorf(".read nested more than %d deep", maxReadDepth)
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	s.readDepth++
	defer func() { s.readDepth-- }()
	s.runScript(ctx, f, args[0])
	return nil
}

// schemaObject is one row of the catalog, as the engine's schema() reports it.
type schemaObject struct {
	kind, name, table, sql string
}

// catalog lists the tables, views and indexes of schema main, by name.
func (s *Shell) catalog(ctx context.Context) ([]schemaObject, error) {
	rows, err := s.conn.QueryContext(ctx,
		`SELECT type, name, tbl_name, sql FROM schema() WHERE schema = 'main' AND type IN ('table', 'view', 'index')`)
	if err != nil {
		return nil, fmt.Errorf("reading the catalog: %w", err)
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		var tbl, sqlText any
		if err := rows.Scan(&o.kind, &o.name, &tbl, &sqlText); err != nil {
			return nil, err
		}
		if tbl != nil {
			o.table = plainText(tbl, "TEXT")
		}
		if sqlText != nil {
			o.sql = plainText(sqlText, "TEXT")
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, rows.Err()
}

func (s *Shell) dotTables(ctx context.Context, args []string) error {
	objs, err := s.catalog(ctx)
	if err != nil {
		return err
	}
	for _, o := range objs {
		if o.kind == "index" || (len(args) == 1 && !likeMatch(args[0], o.name)) {
			continue
		}
		fmt.Fprintln(s.out, o.name)
	}
	return nil
}

func (s *Shell) dotIndexes(ctx context.Context, args []string) error {
	objs, err := s.catalog(ctx)
	if err != nil {
		return err
	}
	for _, o := range objs {
		if o.kind == "index" && (len(args) == 0 || strings.EqualFold(o.table, args[0])) {
			fmt.Fprintln(s.out, o.name)
		}
	}
	return nil
}

func (s *Shell) dotSchema(ctx context.Context, args []string) error {
	objs, err := s.catalog(ctx)
	if err != nil {
		return err
	}
	for _, o := range orderForCreate(objs) {
		if len(args) == 1 && !strings.EqualFold(o.table, args[0]) && !strings.EqualFold(o.name, args[0]) {
			continue
		}
		fmt.Fprintln(s.out, strings.TrimSuffix(o.sql, ";")+";")
	}
	return nil
}

// orderForCreate orders catalog objects so that each can be created after
// the ones before it: tables, then indexes, then views.
func orderForCreate(objs []schemaObject) []schemaObject {
	rank := map[string]int{"table": 0, "index": 1, "view": 2}
	out := append([]schemaObject(nil), objs...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].kind] < rank[out[j].kind] })
	return out
}

// likeMatch matches a LIKE pattern (% and _, case-insensitive for ASCII).
func likeMatch(pattern, s string) bool {
	p, t := []rune(strings.ToLower(pattern)), []rune(strings.ToLower(s))
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(p) {
			switch p[i] {
			case '%':
				for k := j; k <= len(t); k++ {
					if match(i+1, k) {
						return true
					}
				}
				return false
			case '_':
				if j >= len(t) {
					return false
				}
			default:
				if j >= len(t) || t[j] != p[i] {
					return false
				}
			}
			i++
			j++
		}
		return j == len(t)
	}
	return match(0, 0)
}
