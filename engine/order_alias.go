package engine

import "strings"

// aliasOf looks a name up among the result-column aliases visible in s
// (dup: the name is an alias; a nil expression means it is ambiguous).
func (s *scope) aliasOf(name string) (a *cexpr, dup bool) {
	if s == nil {
		return nil, false
	}
	a, dup = s.aliases[strings.ToLower(name)]
	return a, dup
}
