package sqllogic

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// LoadDeviations reads a deviations file: tab-separated `file`, `line`,
// `reason`, one block per line. The first non-comment line may be the
// header `file	line	reason`; blank lines and lines starting with '#'
// are ignored. line is the block's directive line (its ID). Every entry
// needs a reason, and a block may be listed once.
func LoadDeviations(path string) (map[ID]string, error) {
	return loadFile(path, ParseDeviations)
}

// ParseDeviations parses the deviations format described at LoadDeviations.
func ParseDeviations(r io.Reader) (map[ID]string, error) {
	devs := map[ID]string{}
	sc := bufio.NewScanner(r)
	n, sawData := 0, false
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if !sawData && len(cols) >= 2 && cols[0] == "file" && cols[1] == "line" {
			sawData = true
			continue
		}
		sawData = true
		if len(cols) != 3 {
			return nil, fmt.Errorf("line %d: want 3 tab-separated columns (file, line, reason), got %d", n, len(cols))
		}
		file, reason := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[2])
		ln, err := strconv.Atoi(strings.TrimSpace(cols[1]))
		if err != nil || ln < 1 {
			return nil, fmt.Errorf("line %d: bad line number %q", n, cols[1])
		}
		if !strings.HasSuffix(file, ".sqllogic") || strings.ContainsAny(file, `/\`) {
			return nil, fmt.Errorf("line %d: file must be a .sqllogic base name, got %q", n, file)
		}
		if reason == "" {
			return nil, fmt.Errorf("line %d: missing reason", n)
		}
		id := ID{File: file, Line: ln}
		if _, dup := devs[id]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice", n, id)
		}
		devs[id] = reason
	}
	return devs, sc.Err()
}

// UnmatchedDeviations lists deviation entries that name no block of the
// files that were run (a typo or a stale entry). Entries for files that
// were not run are not reported.
func UnmatchedDeviations(devs map[ID]string, results []FileResult) []ID {
	ran := map[string]bool{}
	blocks := map[ID]bool{}
	for _, f := range results {
		if f.Status == FileSkipped || f.Blocks == nil && f.Status == FileFailed {
			continue
		}
		ran[f.Name] = true
		for _, b := range f.Blocks {
			blocks[b.ID] = true
		}
	}
	var out []ID
	for id := range devs {
		if ran[id.File] && !blocks[id] {
			out = append(out, id)
		}
	}
	sortIDs(out)
	return out
}
