package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

func printReport(out io.Writer, n int, names []string, results map[string]result, raw rawResult) {
	fmt.Fprintf(out, "rows: %d\n\n", n)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "workload\t")
	for _, name := range names {
		fmt.Fprintf(tw, "%s ops/s\t", name)
	}
	for _, peer := range []string{"modernc", "mattn"} {
		if _, ok := results[peer]; ok && results["quereus"] != nil {
			fmt.Fprintf(tw, "quereus/%s\t", peer)
		}
	}
	fmt.Fprintln(tw)
	for _, w := range workloads {
		fmt.Fprintf(tw, "%s\t", w.name)
		for _, name := range names {
			fmt.Fprintf(tw, "%.0f\t", results[name][w.name])
		}
		for _, peer := range []string{"modernc", "mattn"} {
			if p, ok := results[peer]; ok && results["quereus"] != nil {
				fmt.Fprintf(tw, "%.2f\t", results["quereus"][w.name]/p[w.name])
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nraw pebble: point get %.0f ops/s, batched put %.0f rows/s\n", raw.getOps, raw.putOps)
	if q, ok := results["quereus"]; ok && raw.getOps > 0 {
		fmt.Fprintf(out, "quereus pk_point / raw pebble get: %.2f (target: >= 0.25)\n", q["pk_point"]/raw.getOps)
	}
}
