package sqllogic

import (
	"fmt"
	"regexp"
	"strings"
)

// KnownCapabilities is the closed capability vocabulary of
// `-- requires-capability:` (FORMAT.md §2).
var KnownCapabilities = map[string]bool{"standalone-index-ddl": true}

// BackendCapabilities are the capabilities of quereus for Go: it supports
// CREATE INDEX / DROP INDEX as standalone statements.
var BackendCapabilities = map[string]bool{"standalone-index-ddl": true}

// MemoryOnlyFiles are skipped in store mode, which is what the Go port
// corresponds to (FORMAT.md §3).
var MemoryOnlyFiles = map[string]bool{
	"05-vtab_memory.sqllogic":                                true,
	"05.0.1-vtab-memory-unique-index-collation.sqllogic":     true,
	"10.2.2-default-collation-memory.sqllogic":               true,
	"41.2.1-alter-column-retype-deleted-row-memory.sqllogic": true,
	"83-merge-join.sqllogic":                                 true,
	"103-database-options-edge-cases.sqllogic":               true,
	"105-vtab-memory-mutation-kills.sqllogic":                true,
	"105.1-vtab-memory-index-mutation-kills.sqllogic":        true,
}

var (
	capabilityDirective = regexp.MustCompile(`(?i)^--\s*requires-capability\s*:\s*(.*)$`)
	capabilityNearMiss  = regexp.MustCompile(`(?i)^--\s*require[sd]?[-_ ]?capabilit`)
	capabilityTokenSep  = regexp.MustCompile(`[\s,]+`)
)

// ParseCapabilities returns the capabilities a file requires, following
// logic-capabilities.ts (FORMAT.md §2): the directive is only allowed in the
// leading comment block (blank lines do not end it), must name at least one
// token, every token must be in KnownCapabilities, and near-miss spellings
// are errors. An error fails the file.
func ParseCapabilities(content string) ([]string, error) {
	content = strings.TrimPrefix(content, "\uFEFF")
	var (
		caps        []string
		seen        = map[string]bool{}
		leadingOver bool
	)
	for i, raw := range splitLines(content) {
		t := jsTrim(raw)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "--") {
			leadingOver = true
			continue
		}
		m := capabilityDirective.FindStringSubmatch(t)
		if m == nil {
			if capabilityNearMiss.MatchString(t) {
				return nil, fmt.Errorf("line %d: misspelled requires-capability directive: %q", i+1, t)
			}
			continue
		}
		if leadingOver {
			return nil, fmt.Errorf("line %d: requires-capability must be in the leading comment block", i+1)
		}
		var tokens []string
		for _, tok := range capabilityTokenSep.Split(m[1], -1) {
			if tok != "" {
				tokens = append(tokens, strings.ToLower(tok))
			}
		}
		if len(tokens) == 0 {
			return nil, fmt.Errorf("line %d: requires-capability names no capability", i+1)
		}
		for _, tok := range tokens {
			if !KnownCapabilities[tok] {
				return nil, fmt.Errorf("line %d: unknown capability %q", i+1, tok)
			}
			if !seen[tok] {
				seen[tok] = true
				caps = append(caps, tok)
			}
		}
	}
	return caps, nil
}

// missingCapabilities lists the required capabilities the backend lacks.
func missingCapabilities(required []string, backend map[string]bool) []string {
	var missing []string
	for _, c := range required {
		if !backend[c] {
			missing = append(missing, c)
		}
	}
	return missing
}
