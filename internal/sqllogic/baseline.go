package sqllogic

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The baseline is a text file listing every block that passes, one
// `file:line` per line, sorted by file name then line number. Lines
// starting with '#' are comments.

// PassingBlocks lists the blocks that passed and are not deviations.
func PassingBlocks(results []FileResult) []ID {
	var ids []ID
	for _, f := range results {
		for _, b := range f.Blocks {
			if b.Outcome == Passed && !b.Deviation {
				ids = append(ids, b.ID)
			}
		}
	}
	sortIDs(ids)
	return ids
}

func sortIDs(ids []ID) {
	sort.Slice(ids, func(i, j int) bool {
		if ids[i].File != ids[j].File {
			return ids[i].File < ids[j].File
		}
		return ids[i].Line < ids[j].Line
	})
}

// WriteBaseline writes ids in the baseline format.
func WriteBaseline(w io.Writer, ids []ID) error {
	bw := bufio.NewWriter(w)
	for _, id := range ids {
		if _, err := fmt.Fprintln(bw, id); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// SaveBaseline writes the baseline file.
func SaveBaseline(path string, ids []ID) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteBaseline(f, ids); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LoadBaseline reads a baseline file.
func LoadBaseline(path string) ([]ID, error) {
	return loadFile(path, ParseBaseline)
}

// ParseBaseline parses the baseline format.
func ParseBaseline(r io.Reader) ([]ID, error) {
	var ids []ID
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ':')
		if i <= 0 {
			return nil, fmt.Errorf("line %d: want file:line, got %q", n, line)
		}
		ln, err := strconv.Atoi(line[i+1:])
		if err != nil || ln < 1 {
			return nil, fmt.Errorf("line %d: bad line number in %q", n, line)
		}
		ids = append(ids, ID{File: line[:i], Line: ln})
	}
	return ids, sc.Err()
}

// CompareBaseline compares the baseline with the current results:
// regressions are baseline blocks that no longer pass (including blocks of
// files that were not run or no longer exist); gained are passing blocks
// that the baseline does not list.
func CompareBaseline(baseline []ID, results []FileResult) (regressions, gained []ID) {
	passing := PassingBlocks(results)
	now := make(map[ID]bool, len(passing))
	for _, id := range passing {
		now[id] = true
	}
	before := make(map[ID]bool, len(baseline))
	for _, id := range baseline {
		before[id] = true
		if !now[id] {
			regressions = append(regressions, id)
		}
	}
	for _, id := range passing {
		if !before[id] {
			gained = append(gained, id)
		}
	}
	sortIDs(regressions)
	return regressions, gained
}
