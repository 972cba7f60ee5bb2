package sqllogic

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"time"
)

// Default locations, relative to the repository root (where
// `go run ./cmd/sqllogic` runs).
const (
	DefaultDeviationsPath = "testdata/conformance/deviations.tsv"
	DefaultBaselinePath   = "testdata/conformance/baseline.txt"
)

// Command is the sqllogic command line (cmd/sqllogic): it parses args, runs
// the files and prints the report to stdout. open opens a fresh database.
// The exit code is 0 when every file passed or was skipped, 1 when a file
// failed, 2 on a usage or I/O error.
func Command(args []string, open func() (*sql.DB, error), stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("sqllogic", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: sqllogic [flags] PATH...\n\nRuns .sqllogic files (directories: every *.sqllogic in them) against fresh\nin-memory databases and prints one line per file and the totals.\n\n")
		fl.PrintDefaults()
	}
	var (
		verbose        = fl.Bool("v", false, "print each failing block: file:line, SQL, expected and actual")
		failFast       = fl.Bool("failfast", false, "stop each file at its first failing block (Quereus's per-file verdict)")
		areasPath      = fl.String("areas", "", "MANIFEST.tsv: print pass rates per tier and per area")
		deviationsPath = fl.String("deviations", DefaultDeviationsPath, "deviations file (blocks where we deliberately differ)")
		baselinePath   = fl.String("baseline", DefaultBaselinePath, "baseline file written by -update-baseline")
		updateBaseline = fl.Bool("update-baseline", false, "rewrite the baseline with the blocks that pass")
		dropRegressed  = fl.Bool("drop-regressions", false, "let -update-baseline drop baseline blocks that no longer pass")
		runPattern     = fl.String("run", "", "only run files whose base name matches this regular expression")
		causes         = fl.Bool("causes", false, "group failures by normalized cause and print the most frequent")
		top            = fl.Int("top", 40, "how many causes -causes prints")
		timeout        = fl.Duration("timeout", DefaultBlockTimeout, "time limit per block")
		workers        = fl.Int("j", 0, "files run at once (0: GOMAXPROCS)")
		slow           = fl.Int("slow", 0, "list the N slowest blocks")
	)
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sqllogic: "+format+"\n", a...)
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	if *updateBaseline && (*runPattern != "" || *failFast) {
		return fail("-update-baseline needs a full per-block run: drop -run and -failfast")
	}
	var filter *regexp.Regexp
	if *runPattern != "" {
		var err error
		if filter, err = regexp.Compile(*runPattern); err != nil {
			return fail("-run: %v", err)
		}
	}
	paths, err := ExpandPaths(fl.Args(), filter)
	if err != nil {
		return fail("%v", err)
	}
	devs, err := LoadDeviations(*deviationsPath)
	if err != nil {
		deviationsFlagSet := false
		fl.Visit(func(f *flag.Flag) { deviationsFlagSet = deviationsFlagSet || f.Name == "deviations" })
		if deviationsFlagSet || !errors.Is(err, fs.ErrNotExist) {
			return fail("%v", err)
		}
		fmt.Fprintf(stderr, "sqllogic: no deviations file at %s; running without deviations\n", *deviationsPath)
	}
	report := ReportOptions{Verbose: *verbose, Slow: *slow}
	if *causes {
		report.Causes = max(*top, 1)
	}
	if *areasPath != "" {
		if report.Manifest, err = LoadManifest(*areasPath); err != nil {
			return fail("%v", err)
		}
	}

	start := time.Now()
	results := Run(context.Background(), paths, Options{
		Open: open, FailFast: *failFast, BlockTimeout: *timeout, Deviations: devs, Workers: *workers,
	})
	for _, id := range UnmatchedDeviations(devs, results) {
		fmt.Fprintf(stderr, "sqllogic: deviation %s names no block\n", id)
	}
	if err := WriteReport(stdout, results, report); err != nil {
		return fail("%v", err)
	}
	fmt.Fprintf(stderr, "sqllogic: %d files in %v\n", len(paths), time.Since(start).Round(time.Millisecond))
	if *updateBaseline {
		if old, err := LoadBaseline(*baselinePath); err == nil {
			if regressions, _ := CompareBaseline(old, results); len(regressions) > 0 {
				for _, id := range regressions {
					fmt.Fprintf(stderr, "sqllogic: baseline block %s no longer passes\n", id)
				}
				if !*dropRegressed {
					return fail("not updating %s: %d baseline blocks no longer pass (fix them, or pass -drop-regressions)", *baselinePath, len(regressions))
				}
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fail("%v", err)
		}
		ids := PassingBlocks(results)
		if err := SaveBaseline(*baselinePath, ids); err != nil {
			return fail("%v", err)
		}
		fmt.Fprintf(stderr, "sqllogic: wrote %d passing blocks to %s\n", len(ids), *baselinePath)
	}
	if Summarize(results).FilesFailed > 0 {
		return 1
	}
	return 0
}
