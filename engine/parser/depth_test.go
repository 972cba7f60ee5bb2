package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const million = 1_000_000

// TestDepthLimitRejectsHugeNesting feeds a million levels of each nesting
// construct; each must fail cleanly with the depth error, not overflow the
// stack.
func TestDepthLimitRejectsHugeNesting(t *testing.T) {
	cases := map[string]string{
		"parentheses": "select " + strings.Repeat("(", million) + "1" + strings.Repeat(")", million),
		"not":         "select " + strings.Repeat("not ", million) + "1",
		"unary minus": "select " + strings.Repeat("- ", million) + "1",
		"bitnot":      "select " + strings.Repeat("~", million) + "1",
		"case":        "select " + strings.Repeat("case when 1 then ", million) + "1" + strings.Repeat(" end", million),
		"subqueries":  strings.Repeat("select (", million) + "1" + strings.Repeat(")", million),
		"from":        "select * from " + strings.Repeat("(", million) + "t" + strings.Repeat(")", million),
		"functions":   "select " + strings.Repeat("f(", million) + "1" + strings.Repeat(")", million),
		"binary":      "select 1" + strings.Repeat(" + 1", million),
		"or chain":    "select * from t where " + strings.Repeat("a = 1 or ", million) + "a = 2",
		"joins":       "select * from t" + strings.Repeat(" join t on 1", million),
		"unions":      "select 1" + strings.Repeat(" union select 1", million),
		"ctes":        strings.Repeat("with c as (", million) + "select 1" + strings.Repeat(") select 1", million),
		"explain":     strings.Repeat("explain ", million) + "select 1",
		"in lists":    "select " + strings.Repeat("1 in (", million) + "1" + strings.Repeat(")", million),
	}
	for name, src := range cases {
		_, err := Parse(src)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "too deeply nested", name)
	}
}

// TestDepthLimitAllowsReasonableNesting checks that nesting well inside
// the limit parses.
func TestDepthLimitAllowsReasonableNesting(t *testing.T) {
	n := 200
	for _, src := range []string{
		"select " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"select " + strings.Repeat("not ", n) + "1",
		"select 1" + strings.Repeat(" + 1", 3*n),
		strings.Repeat("select (", n/2) + "1" + strings.Repeat(")", n/2),
	} {
		st, err := Parse(src)
		require.NoError(t, err)
		_, err = Parse(StmtString(st))
		require.NoError(t, err)
	}
}
