package collation

import "strings"

// The built-in collations. They are registered in every Registry.
var (
	// Binary orders by bytes (code points for valid UTF-8); identity keys.
	Binary = &Collation{name: "BINARY", compare: strings.Compare, ordering: true, builtin: true}
	// NoCase orders by the full Unicode lower-case form (see Lower).
	NoCase = &Collation{name: "NOCASE", compare: compareNoCase, normalize: Lower, ordering: true, builtin: true}
	// RTrim ignores trailing U+0020 spaces, then orders by bytes.
	RTrim = &Collation{name: "RTRIM", compare: compareRTrim, normalize: trimTrailingSpaces, ordering: true, builtin: true}
)

var builtins = []*Collation{Binary, NoCase, RTrim}

// trimTrailingSpaces strips trailing U+0020 (only) without allocating.
func trimTrailingSpaces(s string) string {
	return strings.TrimRight(s, " ")
}

func compareRTrim(a, b string) int {
	return strings.Compare(trimTrailingSpaces(a), trimTrailingSpaces(b))
}

// compareNoCase compares Lower(a) with Lower(b) bytewise. While both strings
// are ASCII they are folded in place without allocating; at the first
// non-ASCII byte the whole strings are lower-cased (the Final_Sigma rule needs
// the preceding context) and compared.
func compareNoCase(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		ca, cb := a[i], b[i]
		if ca >= 0x80 || cb >= 0x80 {
			return strings.Compare(Lower(a), Lower(b))
		}
		ca, cb = asciiLower(ca), asciiLower(cb)
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
	}
	// One string is exhausted, and its folded form is a prefix of the other's;
	// a non-empty tail folds to a non-empty string.
	switch {
	case len(a) == len(b):
		return 0
	case len(a) < len(b):
		return -1
	default:
		return 1
	}
}
