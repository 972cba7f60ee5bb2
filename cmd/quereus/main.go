package main

import (
	"context"
	"database/sql"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	_ "github.com/quereus/quereus"
	"golang.org/x/term"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the command-line settings.
type options struct {
	dsn     string
	command string
	mode    string
	headers bool
	demo    bool
}

//go:embed demo.sql
var demoScript string

// parseArgs accepts flags before and after the DSN (`quereus DSN -c SQL`).
func parseArgs(args []string, stderr io.Writer) (options, error) {
	opts := options{dsn: ":memory:", headers: true}
	fs := flag.NewFlagSet("quereus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.command, "c", "", "run this SQL (statements and dot commands) and exit")
	fs.StringVar(&opts.mode, "mode", "", "output mode: table, box, csv, json, line, list (default box on a terminal, list otherwise)")
	fs.BoolVar(&opts.headers, "header", true, "show column names")
	fs.BoolVar(&opts.demo, "demo", false, "run a short demo script (echoing each statement) and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: quereus [flags] [DSN]\n\nDSN: :memory: (default), a directory path, file:PATH, or memory:NAME")
		fs.PrintDefaults()
	}
	dsnSeen := false
	for {
		if err := fs.Parse(args); err != nil {
			return opts, err
		}
		if fs.NArg() == 0 {
			return opts, nil
		}
		if dsnSeen {
			return opts, fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
		opts.dsn, dsnSeen = fs.Arg(0), true
		args = fs.Args()[1:]
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args, stderr)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "quereus:", err)
		return 2
	}
	stdinTerminal := isTerminal(stdin)
	mode := modeList
	if isTerminal(stdout) {
		mode = modeBox
	}
	if opts.mode != "" {
		if mode, err = parseMode(opts.mode); err != nil {
			fmt.Fprintln(stderr, "quereus:", err)
			return 2
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	interactive := opts.command == "" && !opts.demo && stdinTerminal
	if interactive {
		stop() // the interactive loop handles Ctrl-C per statement
		ctx = context.Background()
	}
	defer stop()

	db, err := sql.Open("quereus", opts.dsn)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		fmt.Fprintln(stderr, "quereus:", err)
		return 1
	}
	defer db.Close()
	sh, err := newShell(ctx, db, stdout, stderr, mode)
	if err != nil {
		fmt.Fprintln(stderr, "quereus:", err)
		return 1
	}
	defer sh.Close()
	sh.headers = opts.headers
	sh.terminal = isTerminal(stderr)

	switch {
	case opts.demo:
		sh.echo = true
		sh.runScript(ctx, strings.NewReader(demoScript), "demo")
	case opts.command != "":
		sh.runScript(ctx, strings.NewReader(opts.command), "-c")
	case interactive:
		if err := sh.runInteractive(stdin, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "quereus:", err)
			return 1
		}
		return 0
	default:
		sh.runScript(ctx, stdin, "stdin")
	}
	if sh.failed {
		return 1
	}
	return 0
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
