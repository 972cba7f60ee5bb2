package collation

import (
	"unicode"
	"unicode/utf8"
)

// Lower returns the NOCASE key form of s: the Unicode lower-case mapping of
// each code point, matching JavaScript's String.prototype.toLowerCase (which
// Quereus uses) as follows:
//
//   - ASCII A-Z map to a-z (fast path: an all-ASCII string with no upper-case
//     letter is returned as is, without allocating).
//   - Other code points use Go's unicode.ToLower (simple case mapping, Go's
//     Unicode version), which agrees with JavaScript's unconditional full
//     lower-case mapping except for U+0130.
//   - U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE maps to "i\u0307" (i and a
//     combining dot above), as in JavaScript; Go's unicode.ToLower would give
//     a plain "i".
//   - Difference from JavaScript: U+03A3 GREEK CAPITAL SIGMA always maps to
//     σ (U+03C3). JavaScript applies the context-sensitive Final_Sigma rule
//     and gives ς (U+03C2) at the end of a word. So "ΟΔΟΣ" folds to "οδοσ"
//     here and to "οδος" in JavaScript; both fold "οδοσ" and "οδος" as
//     themselves. Word-final sigma therefore compares differently from
//     Quereus only where a text mixes capital and final small sigma.
//   - Bytes that are not part of valid UTF-8 are copied unchanged.
//
// Lower is idempotent: Lower(Lower(s)) == Lower(s).
func Lower(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, 0, len(s)+4)
	buf = append(buf, s[:i]...)
	return string(appendLower(buf, s[i:]))
}

// AppendLower appends Lower(s) to dst.
func AppendLower(dst []byte, s string) []byte {
	return appendLower(dst, s)
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, asciiLower(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, c) // invalid byte: kept as is
		case r == '\u0130':
			dst = append(dst, "i\u0307"...)
		default:
			dst = utf8.AppendRune(dst, lowerRune(r))
		}
		i += size
	}
	return dst
}

// lowerRune maps one code point. It is idempotent: a few code points (for
// example U+03F4 and U+1E9E) lower-case to a letter that itself has a
// different lower case in some Unicode versions; repeating until stable keeps
// Lower idempotent whatever the tables say.
func lowerRune(r rune) rune {
	for range 4 {
		l := unicode.ToLower(r)
		if l == r {
			return r
		}
		r = l
	}
	return r
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}
