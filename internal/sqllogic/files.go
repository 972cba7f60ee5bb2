package sqllogic

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// ExpandPaths turns files and directories into the list of files to run: a
// directory contributes its *.sqllogic files in name order; a file is taken
// as given. When filter is non-nil only files whose base name matches it
// are kept.
func ExpandPaths(paths []string, filter *regexp.Regexp) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		var files []string
		if info.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if !e.IsDir() && strings.HasSuffix(e.Name(), ".sqllogic") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			sort.Strings(files)
		} else {
			files = []string{p}
		}
		for _, f := range files {
			if filter == nil || filter.MatchString(filepath.Base(f)) {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no .sqllogic files in %v", paths)
	}
	return out, nil
}

// loadFile opens path and parses it with parse; a parse error is prefixed
// with the path.
func loadFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
