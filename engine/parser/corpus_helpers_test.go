package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// blockKind is the kind of a corpus block (FORMAT.md §4).
type blockKind int

const (
	blockResult blockKind = iota // ended by a `→` line; split on ';'
	blockError                   // ended by `-- error:`; split on ';'
	blockSetup                   // ended by `-- run` or end of file; one script
)

// corpusBlock is one block of SQL from a corpus file.
type corpusBlock struct {
	file string
	line int // line of the directive that ended the block (or last line)
	kind blockKind
	sql  string // trimmed block text
	want string // expected error substring for error blocks
}

// pieces splits a result or error block the way the runner does: on every
// ';', trimmed, empty pieces dropped.
func (b corpusBlock) pieces() []string {
	var out []string
	for _, s := range strings.Split(b.sql, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// corpusDir returns the corpus directory, or skips the test when absent.
func corpusDir(tb testing.TB) string {
	dir := os.Getenv("QUEREUS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "conformance", "corpus")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Skipf("conformance corpus not found at %s (set QUEREUS_CORPUS)", dir)
	}
	return dir
}

func trimJS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
}

var lineSplit = regexp.MustCompile(`\r?\n`)

var (
	corpusMu    sync.Mutex
	corpusCache = map[string][]corpusBlock{}
)

// readCorpus extracts every block of every .sqllogic file in dir, following
// the runner's line grammar (FORMAT.md §4). Results are cached per dir.
func readCorpus(tb testing.TB, dir string) []corpusBlock {
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if blocks, ok := corpusCache[dir]; ok {
		return blocks
	}
	blocks := readCorpusFiles(tb, dir)
	corpusCache[dir] = blocks
	return blocks
}

func readCorpusFiles(tb testing.TB, dir string) []corpusBlock {
	names, err := filepath.Glob(filepath.Join(dir, "*.sqllogic"))
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(names)
	var blocks []corpusBlock
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		blocks = append(blocks, splitBlocks(filepath.Base(name), string(data))...)
	}
	return blocks
}

// splitBlocks applies the line grammar to one file.
func splitBlocks(file, text string) []corpusBlock {
	var blocks []corpusBlock
	var pending strings.Builder
	flush := func(line int, kind blockKind, want string) {
		if sql := trimJS(pending.String()); sql != "" {
			blocks = append(blocks, corpusBlock{file: file, line: line, kind: kind, sql: sql, want: want})
		}
		pending.Reset()
	}
	lines := lineSplit.Split(text, -1)
	for i, raw := range lines {
		t := trimJS(raw)
		switch {
		case t == "":
		case strings.HasPrefix(t, "--"):
			l := strings.ToLower(t)
			if strings.HasPrefix(l, "-- error:") {
				if trimJS(pending.String()) != "" {
					flush(i+1, blockError, trimJS(t[len("-- error:"):]))
				}
			} else if l == "-- run" {
				flush(i+1, blockSetup, "")
			}
		case strings.HasPrefix(t, "→"):
			flush(i+1, blockResult, "")
		default:
			s := raw
			if j := strings.Index(s, "--"); j >= 0 {
				s = s[:j]
			}
			if trimJS(s) != "" {
				pending.WriteString(s + "\n")
			}
		}
	}
	flush(len(lines), blockSetup, "")
	return blocks
}

// corpusStatements returns every statement text the corpus sends to the
// parser outside error expectations: the pieces of result blocks and of
// error blocks' setup, and the whole text of setup blocks (as scripts).
// The final pieces of error blocks are returned separately.
func corpusStatements(blocks []corpusBlock) (stmts, scripts, errorFinals []corpusBlock) {
	for _, b := range blocks {
		switch b.kind {
		case blockSetup:
			scripts = append(scripts, b)
		case blockResult, blockError:
			ps := b.pieces()
			for i, s := range ps {
				piece := b
				piece.sql = s
				if b.kind == blockError && i == len(ps)-1 {
					errorFinals = append(errorFinals, piece)
				} else {
					stmts = append(stmts, piece)
				}
			}
		}
	}
	return stmts, scripts, errorFinals
}

// expectedResults maps "file:line" of every `→` line to its JSON text.
func expectedResults(tb testing.TB, dir string) map[string]string {
	names, err := filepath.Glob(filepath.Join(dir, "*.sqllogic"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for i, raw := range lineSplit.Split(string(data), -1) {
			if t := trimJS(raw); strings.HasPrefix(t, "→") {
				out[filepath.Base(name)+":"+strconv.Itoa(i+1)] = trimJS(t[len("→"):])
			}
		}
	}
	return out
}
