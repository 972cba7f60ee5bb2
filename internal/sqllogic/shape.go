package sqllogic

import (
	"fmt"
	"regexp"
	"strings"
)

// bareFunction is the function-call arm of the bare-value rule.
var bareFunction = regexp.MustCompile(`^(json_extract|json_array_length|json_array|json_object|json_insert|json_replace|json_set|json_remove|strftime|julianday|date|time|datetime|epoch_s|epoch_ms|epoch_s_frac)\(.+\)$`)

// isBareColumn reports whether a single result column named name is shaped
// as its bare value instead of a one-key object (FORMAT.md §5.5). The rule
// is the Quereus runner's, copied verbatim (with && binding tighter than ||).
func isBareColumn(name string) bool {
	n := strings.ToLower(name)
	noLogic := !strings.Contains(n, " xor ") && !strings.Contains(n, " and ") && !strings.Contains(n, " or ")
	isNullTest := strings.HasSuffix(n, " is not null") || strings.HasSuffix(n, " is null")
	return (isNullTest && noLogic) ||
		(strings.Contains(n, " - ") && noLogic) ||
		bareFunction.MatchString(n)
}

// shapeRow turns one row of canonical values into what the expectation is
// compared with: the bare value for a single bare column, otherwise an
// object keyed by column name (a later duplicate name overwrites an earlier
// one, as a JavaScript object assignment does; a missing name is col_<i>).
func shapeRow(names []string, row []any) any {
	if len(names) == 1 && isBareColumn(names[0]) {
		return row[0]
	}
	obj := make(map[string]any, len(row))
	for i, v := range row {
		name := fmt.Sprintf("col_%d", i)
		if i < len(names) && names[i] != "" {
			name = names[i]
		}
		obj[name] = v
	}
	return obj
}
