package sqllogic

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
)

// MaxFileSize bounds the size of a .sqllogic file the runner accepts.
const MaxFileSize = 32 << 20

// lineSplit splits a file the way the Quereus runner does (/\r?\n/).
var lineSplit = regexp.MustCompile(`\r?\n`)

// jsTrim trims like JavaScript's String.prototype.trim: Unicode white space,
// line terminators and U+FEFF. Go's unicode.IsSpace also accepts U+0085
// (NEL), which JavaScript does not treat as white space.
func jsTrim(s string) string {
	return strings.TrimFunc(s, isJSSpace)
}

func isJSSpace(r rune) bool {
	return r == '\uFEFF' || (r != '\u0085' && unicode.IsSpace(r))
}

// splitLines splits file content into lines (FORMAT.md §4).
func splitLines(content string) []string {
	return lineSplit.Split(content, -1)
}

// Parse turns a file's content into its blocks, following the line grammar
// of FORMAT.md §4 exactly, quirks included:
//   - blank lines are skipped (even inside string literals);
//   - comment lines are never SQL; only `-- error:`, `-- params:` and
//     `-- run` (case-insensitive) are directives;
//   - a directive with nothing pending is a no-op and resets nothing;
//   - SQL lines are cut at the first `--`, string literals notwithstanding;
//   - SQL pending at the end of the file becomes a KindEOFSetup block.
//
// Parsing never fails: an unparsable `-- params:` JSON becomes a
// KindBadDirective block, and an unparsable expected JSON is reported when
// the result block runs.
func Parse(content string) []Block {
	var (
		blocks    []Block
		pending   strings.Builder
		params    string
		startLine int
		lastSQL   int
	)
	reset := func() {
		pending.Reset()
		params = ""
		startLine = 0
	}
	flush := func(kind Kind, line int, expected string) {
		blocks = append(blocks, Block{
			Kind:      kind,
			Line:      line,
			StartLine: startLine,
			SQL:       jsTrim(pending.String()),
			Expected:  expected,
			Params:    params,
		})
		reset()
	}
	hasPending := func() bool { return jsTrim(pending.String()) != "" }

	for i, raw := range splitLines(content) {
		line := i + 1
		t := jsTrim(raw)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "--"):
			lower := strings.ToLower(t)
			switch {
			case strings.HasPrefix(lower, "-- error:"):
				if hasPending() {
					flush(KindError, line, jsTrim(t[len("-- error:"):]))
				}
			case strings.HasPrefix(lower, "-- params:"):
				text := jsTrim(t[len("-- params:"):])
				if !json.Valid([]byte(text)) {
					blocks = append(blocks, Block{Kind: KindBadDirective, Line: line, StartLine: line,
						Expected: "invalid JSON in -- params: " + text})
					continue
				}
				params = text
			case lower == "-- run":
				if hasPending() {
					flush(KindSetup, line, "")
				}
			}
		case strings.HasPrefix(t, "→"):
			if hasPending() {
				flush(KindResult, line, jsTrim(t[len("→"):]))
			}
		default:
			s := raw
			if j := strings.Index(s, "--"); j >= 0 {
				s = s[:j]
			}
			if jsTrim(s) != "" {
				if pending.Len() == 0 {
					startLine = line
				}
				pending.WriteString(s)
				pending.WriteByte('\n')
				lastSQL = line
			}
		}
	}
	if hasPending() {
		flush(KindEOFSetup, lastSQL, "")
	}
	return blocks
}

// splitStatements splits a block on ';' (not quote-aware), trims the pieces
// and drops empty ones (FORMAT.md §5.2). The last piece is the final
// statement; the others are setup statements.
func splitStatements(block string) (setup []string, final string) {
	var pieces []string
	for _, p := range strings.Split(block, ";") {
		if p = jsTrim(p); p != "" {
			pieces = append(pieces, p)
		}
	}
	if len(pieces) == 0 {
		return nil, ""
	}
	return pieces[:len(pieces)-1], pieces[len(pieces)-1]
}
