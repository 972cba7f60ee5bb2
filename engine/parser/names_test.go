package parser

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// firstRowKeys returns the keys of the first object of a JSON array, in
// source order, or nil when the array is empty or its rows are not
// objects.
func firstRowKeys(js string) []string {
	dec := json.NewDecoder(strings.NewReader(js))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		keys = append(keys, t.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil
		}
	}
	return keys
}

// columnName is the result column name rule of FORMAT.md §8 (1-3).
func columnName(c *ResultColumn) string {
	if c.Alias != "" {
		return c.Alias
	}
	if ref, ok := c.Expr.(*ColumnRef); ok {
		return ref.Column
	}
	return ExprString(c.Expr)
}

var bareFuncName = regexp.MustCompile(`^(json_extract|json_array_length|json_array|json_object|json_insert|json_replace|json_set|json_remove|strftime|julianday|date|time|datetime|epoch_s|epoch_ms|epoch_s_frac)\(.+\)$`)

// bareShaped is the runner's single-column bare-value rule (FORMAT.md §5.5).
func bareShaped(name string) bool {
	n := strings.ToLower(name)
	logical := strings.Contains(n, " xor ") || strings.Contains(n, " and ") || strings.Contains(n, " or ")
	return (strings.HasSuffix(n, " is not null") || strings.HasSuffix(n, " is null")) && !logical ||
		strings.Contains(n, " - ") && !logical ||
		bareFuncName.MatchString(n)
}

// TestCorpusColumnNames checks ExprString against the result column names
// the corpus expects, for every result block whose final statement is a
// single SELECT without `*` whose expected rows are objects.
func TestCorpusColumnNames(t *testing.T) {
	dir := corpusDir(t)
	blocks := readCorpus(t, dir)
	expected := expectedResults(t, dir)
	checked, derived, failed := 0, 0, 0
	for _, b := range blocks {
		if b.kind != blockResult {
			continue
		}
		ps := b.pieces()
		st, err := Parse(ps[len(ps)-1])
		if err != nil {
			continue
		}
		sel, ok := st.(*Select)
		if !ok {
			continue
		}
		core, ok := sel.Body.(*SelectCore)
		if !ok {
			continue
		}
		keys := firstRowKeys(expected[b.file+":"+strconv.Itoa(b.line)])
		if keys == nil || len(keys) != len(core.Columns) {
			continue
		}
		if len(core.Columns) == 1 && !core.Columns[0].Star && bareShaped(columnName(core.Columns[0])) {
			continue // the runner shapes these rows as bare values
		}
		seen := map[string]int{}
		for i, c := range core.Columns {
			if c.Star {
				break
			}
			name := columnName(c)
			if n := seen[name]; n > 0 {
				seen[name] = n + 1
				name += ":" + strconv.Itoa(n)
			} else {
				seen[name] = 1
			}
			checked++
			if c.Alias == "" {
				if _, isRef := c.Expr.(*ColumnRef); !isRef {
					derived++
				}
			}
			if name != keys[i] {
				failed++
				t.Errorf("%s:%d column %d: got %q, corpus expects %q", b.file, b.line, i, name, keys[i])
			}
		}
	}
	t.Logf("column names checked: %d (%d derived from expressions), mismatches: %d", checked, derived, failed)
	assert.Zero(t, failed)
}
