package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 100000, "rows for the bulk insert (and the data the queries run on)")
	only := flag.String("targets", "quereus,modernc,mattn", "comma-separated targets")
	peak := flag.Bool("peak", false, "also run the 1,000,000-row bulk insert per target in a child process and report peak RSS")
	peakRows := flag.Int("peak-rows", 1000000, "rows for the -peak variant")
	flag.IntVar(&rounds, "rounds", 3, "runs of each workload but the bulk insert; the best rate counts")
	child := flag.String("child-bulk", "", "internal: run only the bulk insert for this target and print peak RSS")
	flag.StringVar(&onlyWorkloads, "workloads", "", "comma-separated workloads to time (default all; bulk_insert always runs as setup)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the timed workloads to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile to this file at the end")
	flag.Parse()
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	defer stop()

	if *child != "" {
		if err := runChildBulk(*child, *n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := run(*n, strings.Split(*only, ","), *peak, *peakRows); err != nil {
		stop()
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// rounds is the -rounds flag: how often each workload but the bulk insert
// runs; the best rate counts, which filters out interference from other
// work on the machine (interference only ever makes a run slower).
var rounds int

// result is one target's rates per workload name: wall is operations per
// elapsed second, cpu operations per second of the process's CPU time
// (user+sys, all goroutines and threads: SQLite's C code, Pebble's
// background work, the GC), which stays comparable when other processes
// compete for the machine.
type result struct {
	wall, cpu map[string]float64
}

func run(n int, names []string, peak bool, peakRows int) error {
	ctx := context.Background()
	results := map[string]result{}
	for _, name := range names {
		t, ok := findTarget(name)
		if !ok {
			return fmt.Errorf("unknown target %q", name)
		}
		fmt.Fprintf(os.Stderr, "== %s\n", name)
		res, err := runTarget(ctx, t, n)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		results[name] = res
	}
	var raw []rawResult
	for _, cfg := range rawConfigs {
		r, err := runRawPebble(n, cfg)
		if err != nil {
			return fmt.Errorf("raw pebble (%s): %w", cfg.name, err)
		}
		raw = append(raw, r)
	}
	printReport(os.Stdout, n, names, results, raw)
	if peak {
		return reportPeaks(os.Stdout, names, peakRows)
	}
	return nil
}

func runTarget(ctx context.Context, t target, n int) (result, error) {
	dir, err := os.MkdirTemp("", "quereus-bench-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	db, err := t.open(dir)
	if err != nil {
		return result{}, err
	}
	defer db.Close()
	if err := createSchema(ctx, db); err != nil {
		return result{}, err
	}
	e := &env{db: db, n: n, rng: rand.New(rand.NewPCG(1, 2))}
	res := result{wall: map[string]float64{}, cpu: map[string]float64{}}
	for _, w := range workloads {
		if !selected(w.name) {
			continue
		}
		if w.name == "join_agg" {
			if err := insertOrders(ctx, db, n, e.rng); err != nil {
				return result{}, err
			}
		}
		n := rounds
		if w.name == "bulk_insert" {
			n = 1 // it loads the data the others read
		}
		for range max(n, 1) {
			start, startCPU := time.Now(), cpuTime()
			ops, err := w.run(ctx, e)
			elapsed, used := time.Since(start), cpuTime()-startCPU
			if err != nil {
				return result{}, fmt.Errorf("%s: %w", w.name, err)
			}
			res.wall[w.name] = max(res.wall[w.name], float64(ops)/elapsed.Seconds())
			res.cpu[w.name] = max(res.cpu[w.name], float64(ops)/used.Seconds())
			fmt.Fprintf(os.Stderr, "   %-16s %10d ops in %v (cpu %v)\n", w.name, ops,
				elapsed.Round(time.Millisecond), used.Round(time.Millisecond))
		}
	}
	return res, nil
}
