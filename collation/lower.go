package collation

import (
	"unicode"
	"unicode/utf8"
)

// Lower returns the NOCASE key form of s: its full Unicode lower-case mapping,
// following JavaScript's String.prototype.toLowerCase (which Quereus uses):
//
//   - ASCII A-Z map to a-z (fast path: an all-ASCII string with no upper-case
//     letter is returned as is, without allocating).
//   - U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE maps to "i\u0307" (i and a
//     combining dot above), JavaScript's unconditional full mapping; Go's
//     unicode.ToLower would give a plain "i".
//   - U+03A3 GREEK CAPITAL SIGMA maps to final sigma ς (U+03C2) where the
//     Unicode Final_Sigma condition holds (preceded by a cased letter and not
//     followed by one, skipping case-ignorable characters in between), and to
//     σ (U+03C3) elsewhere, as in JavaScript; Go's unicode.ToLower always
//     gives σ. So "ΟΔΟΣ" folds to "οδος" and "ΣΑ" to "σα".
//   - Every other code point uses Go's unicode.ToLower (simple mapping), which
//     equals JavaScript's mapping for them.
//   - Bytes that are not part of valid UTF-8 are copied unchanged (JavaScript
//     strings cannot hold them); they count as neither cased nor
//     case-ignorable.
//
// Remaining differences from JavaScript: the Unicode version of the tables
// (Go's unicode package versus the JavaScript engine's ICU), and the
// case-ignorable set used for Final_Sigma, which is approximated by the
// general categories Mn, Me, Cf, Lm and Sk plus the apostrophes, periods,
// colons and middle dots of Word_Break MidLetter/MidNumLet/Single_Quote.
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
	return string(appendLower(buf, s, i))
}

// AppendLower appends Lower(s) to dst.
func AppendLower(dst []byte, s string) []byte {
	return appendLower(dst, s, 0)
}

// appendLower appends the lower-case form of s[from:] to dst; s[:from] is
// context for the Final_Sigma rule.
func appendLower(dst []byte, s string, from int) []byte {
	for i := from; i < len(s); {
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
		case r == '\u03a3':
			if isFinalSigma(s, i, i+size) {
				dst = append(dst, "ς"...)
			} else {
				dst = append(dst, "σ"...)
			}
		default:
			dst = utf8.AppendRune(dst, lowerRune(r))
		}
		i += size
	}
	return dst
}

// isFinalSigma evaluates Unicode's Final_Sigma condition for the sigma at
// s[start:end]: a cased letter before it and none after it, skipping
// case-ignorable characters on both sides.
func isFinalSigma(s string, start, end int) bool {
	before := false
	for j := start; j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
		if isCaseIgnorable(r, size) {
			continue
		}
		before = isCased(r, size)
		break
	}
	if !before {
		return false
	}
	for j := end; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		if isCaseIgnorable(r, size) {
			continue
		}
		return !isCased(r, size)
	}
	return true
}

// isCased is Unicode's Cased property: Lu, Ll, Lt, Other_Lowercase and
// Other_Uppercase.
func isCased(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return false
	}
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// isCaseIgnorable approximates Unicode's Case_Ignorable property.
func isCaseIgnorable(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return false
	}
	switch r {
	case '\'', '.', ':', '\u00b7', '\u0387', '\u055f', '\u05f4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// lowerRune maps one code point, repeating until stable so that Lower stays
// idempotent whatever the tables say.
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
