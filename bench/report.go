package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// peers are the targets quereus is compared with.
var peers = []string{"modernc", "mattn"}

func printReport(out io.Writer, n int, names []string, results map[string]result, raws []rawResult) {
	fmt.Fprintf(out, "rows: %d\n\nops per second (wall clock):\n", n)
	printTable(out, names, results, func(r result) map[string]float64 { return r.wall })
	fmt.Fprintf(out, "\nops per CPU-second (process user+sys time; stable when other work competes for the CPUs):\n")
	printTable(out, names, results, func(r result) map[string]float64 { return r.cpu })
	fmt.Fprintln(out)
	for _, raw := range raws {
		fmt.Fprintf(out, "raw pebble (%s): point get %.0f ops/s (%.0f ops/cpu-s), batched put %.0f rows/s\n",
			raw.config, raw.getOps, raw.getCPU, raw.putOps)
		if q, ok := results["quereus"]; ok && raw.getOps > 0 {
			fmt.Fprintf(out, "  quereus pk_point / raw pebble get: %.2f wall, %.2f cpu (target: >= 0.25)\n",
				q.wall["pk_point"]/raw.getOps, q.cpu["pk_point"]/raw.getCPU)
		}
	}
}

// printTable prints one rate per workload and target, then the ratios of
// quereus to each peer that ran.
func printTable(out io.Writer, names []string, results map[string]result, rate func(result) map[string]float64) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	q, haveQ := results["quereus"]
	fmt.Fprint(tw, "workload\t")
	for _, name := range names {
		fmt.Fprintf(tw, "%s\t", name)
	}
	for _, peer := range peers {
		if _, ok := results[peer]; ok && haveQ {
			fmt.Fprintf(tw, "quereus/%s\t", peer)
		}
	}
	fmt.Fprintln(tw)
	for _, w := range workloads {
		if !selected(w.name) {
			continue
		}
		fmt.Fprintf(tw, "%s\t", w.name)
		for _, name := range names {
			fmt.Fprintf(tw, "%.0f\t", rate(results[name])[w.name])
		}
		for _, peer := range peers {
			if p, ok := results[peer]; ok && haveQ {
				fmt.Fprintf(tw, "%.2f\t", rate(q)[w.name]/rate(p)[w.name])
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}
