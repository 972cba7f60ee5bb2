package sqllogic

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// ReportOptions select the optional report sections.
type ReportOptions struct {
	// Verbose adds each failing block (file:line, SQL, expected, actual)
	// and the reason for skipped or unrunnable files.
	Verbose bool
	// Causes, when positive, prints that many of the most frequent failure
	// causes with counts.
	Causes int
	// Manifest, when set, adds pass rates per tier and per area.
	Manifest map[string]ManifestEntry
	// Slow, when positive, lists that many of the slowest blocks.
	Slow int
}

// Summary is the run's totals, as printed in the two closing lines.
type Summary struct {
	Blocks                                 Counts
	FilesPassed, FilesFailed, FilesSkipped int
}

// Summarize totals the results.
func Summarize(results []FileResult) Summary {
	var s Summary
	for i := range results {
		f := &results[i]
		s.Blocks.Add(f.Count())
		switch f.Status {
		case FilePassed:
			s.FilesPassed++
		case FileFailed:
			s.FilesFailed++
		case FileSkipped:
			s.FilesSkipped++
		}
	}
	return s
}

// WriteReport prints one line per file (`PASS|FAIL|SKIP <file>
// <passed>/<total>`, deviations excluded from the total), the optional
// sections, and then exactly two closing lines:
//
//	blocks: N passed, N failed, N deviations
//	files: N passed, N failed, N skipped
func WriteReport(w io.Writer, results []FileResult, opts ReportOptions) error {
	p := &printer{w: w}
	for i := range results {
		f := &results[i]
		c := f.Count()
		p.printf("%s %s %d/%d\n", f.Status, f.Name, c.Passed, c.Total())
		if opts.Verbose {
			writeFileDetails(p, f)
		}
	}
	writeKinds(p, results)
	if opts.Causes > 0 {
		writeCauses(p, results, opts.Causes)
	}
	if opts.Manifest != nil {
		writeAreas(p, results, opts.Manifest)
	}
	if opts.Slow > 0 {
		p.printf("slowest blocks:\n")
		for _, b := range SlowestBlocks(results, opts.Slow) {
			p.printf("  %8s  %s (%s, %s)\n", b.Elapsed.Round(time.Millisecond), b.ID, b.Block.Kind, b.Outcome)
		}
	}
	s := Summarize(results)
	p.printf("blocks: %d passed, %d failed, %d deviations\n", s.Blocks.Passed, s.Blocks.Failed, s.Blocks.Deviations)
	p.printf("files: %d passed, %d failed, %d skipped\n", s.FilesPassed, s.FilesFailed, s.FilesSkipped)
	return p.err
}

// printer remembers the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func writeFileDetails(p *printer, f *FileResult) {
	if f.Reason != "" {
		p.printf("  reason: %s\n", f.Reason)
	}
	notRun, notRunWhy := 0, ""
	for i := range f.Blocks {
		b := &f.Blocks[i]
		switch {
		case b.Outcome == NotRun:
			if notRun == 0 {
				notRunWhy = b.Cause
			}
			notRun++
		case b.Deviation:
			state := "Quereus's expectation not met, as listed"
			if b.Actual != "" {
				state += "; got: " + b.Actual
			}
			if b.Outcome == Passed {
				state = "behaves as Quereus expects: is the entry stale?"
			}
			p.printf("  DEVIATION %s:%d (%s): %s\n", b.Path, b.ID.Line, b.Block.Kind, state)
		case b.Outcome == Failed:
			writeFailure(p, b)
		}
	}
	if notRun > 0 {
		p.printf("  %d blocks %s\n", notRun, notRunWhy)
	}
}

func writeFailure(p *printer, b *BlockResult) {
	p.printf("  --- FAIL %s:%d (%s)\n", b.Path, b.ID.Line, b.Block.Kind)
	if b.Block.SQL != "" {
		p.printf("    sql:\n")
		for _, line := range strings.Split(b.Block.SQL, "\n") {
			p.printf("      %s\n", line)
		}
	}
	if b.Block.Params != "" {
		p.printf("    params:   %s\n", b.Block.Params)
	}
	switch b.Block.Kind {
	case KindResult:
		p.printf("    expected: %s\n", b.Block.Expected)
	case KindError:
		p.printf("    expected: error containing %q\n", b.Block.Expected)
	}
	if b.Actual != "" {
		p.printf("    actual:   %s\n", b.Actual)
	}
	p.printf("    why:      %s\n", b.Detail)
}

func writeKinds(p *printer, results []FileResult) {
	var byKind [KindBadDirective + 1]Counts
	for i := range results {
		for j := range results[i].Blocks {
			b := &results[i].Blocks[j]
			byKind[b.Block.Kind].tally(b)
		}
	}
	var parts []string
	for k, c := range byKind {
		if c.Total() > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", Kind(k), c.Passed, c.Total()))
		}
	}
	if len(parts) > 0 {
		p.printf("by kind: %s\n", strings.Join(parts, ", "))
	}
}

// writeCauses groups failing blocks (deviations excluded) by cause.
func writeCauses(p *printer, results []FileResult, top int) {
	type group struct {
		cause   string
		count   int
		example ID
	}
	groups := map[string]*group{}
	total := 0
	for i := range results {
		for _, b := range results[i].Blocks {
			if b.Deviation || b.Outcome == Passed {
				continue
			}
			cause := b.Cause
			if b.Outcome == NotRun {
				cause = "not run (file stopped earlier)"
			}
			g := groups[cause]
			if g == nil {
				g = &group{cause: cause, example: b.ID}
				groups[cause] = g
			}
			g.count++
			total++
		}
	}
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].cause < list[j].cause
	})
	p.printf("causes (%d failing blocks, %d distinct causes):\n", total, len(list))
	for i, g := range list {
		if i == top {
			p.printf("  ... %d more causes\n", len(list)-top)
			break
		}
		p.printf("  %6d  %s  (e.g. %s)\n", g.count, g.cause, g.example)
	}
}

// areaTally is the pass rate of a tier or an area.
type areaTally struct {
	blocks             Counts
	filesPassed, files int
}

func (t *areaTally) add(f *FileResult) {
	t.blocks.Add(f.Count())
	if f.Status == FileSkipped {
		return
	}
	t.files++
	if f.Status == FilePassed {
		t.filesPassed++
	}
}

func (t *areaTally) String() string {
	return fmt.Sprintf("blocks %d/%d (%s)  files %d/%d",
		t.blocks.Passed, t.blocks.Total(), percent(t.blocks.Passed, t.blocks.Total()), t.filesPassed, t.files)
}

func percent(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
}

// writeAreas prints pass rates per tier and per area (tier-qualified).
func writeAreas(p *printer, results []FileResult, manifest map[string]ManifestEntry) {
	tiers := map[string]*areaTally{}
	areas := map[string]*areaTally{}
	tally := func(m map[string]*areaTally, key string) *areaTally {
		if m[key] == nil {
			m[key] = &areaTally{}
		}
		return m[key]
	}
	for i := range results {
		f := &results[i]
		e, ok := manifest[f.Name]
		if !ok {
			e = ManifestEntry{Tier: "?", Area: "(not in manifest)"}
		}
		tally(tiers, e.Tier).add(f)
		tally(areas, e.Tier+" "+e.Area).add(f)
	}
	p.printf("by tier:\n")
	for _, k := range sortedTallyKeys(tiers) {
		p.printf("  %-3s %s\n", k, tiers[k])
	}
	p.printf("by area:\n")
	for _, k := range sortedTallyKeys(areas) {
		p.printf("  %-34s %s\n", k, areas[k])
	}
}

func sortedTallyKeys(m map[string]*areaTally) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
