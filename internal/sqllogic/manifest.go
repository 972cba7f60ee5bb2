package sqllogic

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ManifestEntry is a file's row in MANIFEST.tsv.
type ManifestEntry struct {
	Tier string // A: standard SQL; B: Quereus-specific
	Area string // feature area
}

// LoadManifest reads MANIFEST.tsv (tab-separated, header row naming at
// least the columns file, tier and area).
func LoadManifest(path string) (map[string]ManifestEntry, error) {
	return loadFile(path, ParseManifest)
}

// ParseManifest parses the MANIFEST.tsv format.
func ParseManifest(r io.Reader) (map[string]ManifestEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() {
		return nil, fmt.Errorf("empty manifest")
	}
	col := map[string]int{}
	for i, name := range strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t") {
		col[name] = i
	}
	for _, need := range []string{"file", "tier", "area"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("header lacks column %q", need)
		}
	}
	out := map[string]ManifestEntry{}
	for n := 2; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) <= max(col["file"], col["tier"], col["area"]) {
			return nil, fmt.Errorf("line %d: too few columns", n)
		}
		out[cols[col["file"]]] = ManifestEntry{Tier: cols[col["tier"]], Area: cols[col["area"]]}
	}
	return out, sc.Err()
}
