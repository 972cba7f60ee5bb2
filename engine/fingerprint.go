package engine

import (
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// groupFingerprint is the identity under which an expression matches a
// GROUP BY key: its rendering with identifier case folded. String
// literals keep their case ('x' is not 'X'); identifiers do not matter
// (`A || '!'` is the key `a || '!'`).
func groupFingerprint(x parser.Expr) string {
	s := parser.ExprString(x)
	var b strings.Builder
	b.Grow(len(s))
	inString, inIdent := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' && !inIdent:
			inString = !inString
		case c == '"' && !inString:
			inIdent = !inIdent
		case !inString && c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
