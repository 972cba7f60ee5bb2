package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// reportPeaks runs the bulk insert of rows rows for each target in a child
// process (so each starts from a clean heap) and prints its peak RSS.
func reportPeaks(out io.Writer, names []string, rows int) error {
	fmt.Fprintf(out, "\npeak RSS, bulk insert of %d rows in one transaction:\n", rows)
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-child-bulk", name, "-n", strconv.Itoa(rows))
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("%s child: %w", name, err)
		}
		fmt.Fprintf(out, "  %-8s %s\n", name, strings.TrimSpace(string(b)))
	}
	return nil
}

// runChildBulk is the child side of reportPeaks.
func runChildBulk(name string, n int) error {
	t, ok := findTarget(name)
	if !ok {
		return fmt.Errorf("unknown target %q", name)
	}
	dir, err := os.MkdirTemp("", "quereus-bench-peak-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := t.open(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if err := createSchema(ctx, db); err != nil {
		return err
	}
	if err := insertItems(ctx, db, n); err != nil {
		return err
	}
	hwm, err := peakRSS()
	if err != nil {
		return err
	}
	fmt.Printf("%.1f MiB\n", float64(hwm)/1024)
	return nil
}

// peakRSS reads VmHWM (KiB) from /proc/self/status.
func peakRSS() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("VmHWM not found")
}
