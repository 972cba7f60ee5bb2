package sqllogic

import (
	"testing"
)

// FuzzParse checks that any input parses without panicking into blocks in
// line order, each with SQL (except bad directives) and a valid kind.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"select 1 as a;\n→ [{\"a\":1}]\n",
		"-- params: [1]\nselect ?;\n-- error: x\n-- run\n",
		"create table t (a);\n-- run\ndrop table t; -- bye\n",
		"\uFEFF -- requires-capability: standalone-index-ddl\r\n→\r\n-- error:\r\n",
		"-- params: {\nselect 'a--b';\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, content string) {
		blocks := Parse(content)
		last := 0
		for _, b := range blocks {
			if b.Line < last {
				t.Fatalf("blocks out of line order: %d after %d", b.Line, last)
			}
			last = b.Line
			if b.Kind > KindBadDirective {
				t.Fatalf("bad kind %d", b.Kind)
			}
			if b.Kind != KindBadDirective && b.SQL == "" {
				t.Fatalf("block at line %d has no SQL", b.Line)
			}
			if b.Kind != KindBadDirective && (b.StartLine < 1 || b.StartLine > b.Line) {
				t.Fatalf("block at line %d starts at line %d", b.Line, b.StartLine)
			}
		}
		_, _ = ParseCapabilities(content)
		_, _ = bindArgs(content)
		if v, err := decodeJSON(content); err == nil {
			_ = formatValue(canonicalJSON(v))
		}
	})
}
