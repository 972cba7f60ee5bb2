package types

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxPatternLen bounds LIKE/GLOB pattern size.
const maxPatternLen = 50000

type tokKind uint8

const (
	tokLit tokKind = iota // a literal run of text
	tokOne                // exactly one code point
	tokAny                // any sequence of code points
	tokSet                // one code point in (or, negated, not in) a set
)

type rng struct{ lo, hi rune }

type token struct {
	kind   tokKind
	lit    string
	ranges []rng
	negate bool
}

// Pattern is a compiled LIKE or GLOB pattern. It is immutable and safe for
// concurrent use. Matching is case-sensitive and works on code points.
type Pattern struct {
	toks []token
	// fast paths for the common shapes (pure literal, 'lit%', '%lit',
	// '%lit%'); mode 0 means "general matcher".
	mode int
	lit  string
}

const (
	modeGeneral = iota
	modeExact
	modePrefix
	modeSuffix
	modeContains
	modeAll
)

// tokenList accumulates a pattern's tokens as its compiler reads them:
// literal code points merge into one tokLit run, and a wildcard for any
// sequence directly after another one is dropped.
type tokenList struct {
	toks []token
	lit  strings.Builder
}

// literal appends one literal code point.
func (l *tokenList) literal(r rune) { l.lit.WriteRune(r) }

// add appends a wildcard or set token after the pending literal run.
func (l *tokenList) add(t token) {
	l.flush()
	if t.kind == tokAny && len(l.toks) > 0 && l.toks[len(l.toks)-1].kind == tokAny {
		return
	}
	l.toks = append(l.toks, t)
}

func (l *tokenList) flush() {
	if l.lit.Len() > 0 {
		l.toks = append(l.toks, token{kind: tokLit, lit: l.lit.String()})
		l.lit.Reset()
	}
}

// pattern ends the list and compiles it.
func (l *tokenList) pattern() *Pattern {
	l.flush()
	return newPattern(l.toks)
}

// CompileLike compiles a LIKE pattern: case-sensitive, '%' matches any
// sequence, '_' one code point; escape ("" for none) must be one character
// and makes the next character literal.
func CompileLike(pattern, escape string) (*Pattern, error) {
	if len(pattern) > maxPatternLen {
		return nil, fmt.Errorf("LIKE pattern too long")
	}
	var esc rune = -1
	if escape != "" {
		r, n := utf8.DecodeRuneInString(escape)
		if n != len(escape) {
			return nil, fmt.Errorf("ESCAPE expression must be a single character")
		}
		esc = r
	}
	var toks tokenList
	for i := 0; i < len(pattern); {
		r, n := utf8.DecodeRuneInString(pattern[i:])
		i += n
		switch {
		case r == esc:
			if i >= len(pattern) {
				return nil, fmt.Errorf("LIKE pattern ends with the escape character")
			}
			r2, n2 := utf8.DecodeRuneInString(pattern[i:])
			i += n2
			toks.literal(r2)
		case r == '%':
			toks.add(token{kind: tokAny})
		case r == '_':
			toks.add(token{kind: tokOne})
		default:
			toks.literal(r)
		}
	}
	return toks.pattern(), nil
}

// CompileGlob compiles a GLOB pattern: '*' any sequence, '?' one code point,
// '[...]' a set with ranges ('a-z') and '^' negation (']' first is literal);
// case-sensitive. An unterminated '[' is an error.
func CompileGlob(pattern string) (*Pattern, error) {
	if len(pattern) > maxPatternLen {
		return nil, fmt.Errorf("GLOB pattern too long")
	}
	var toks tokenList
	for i := 0; i < len(pattern); {
		r, n := utf8.DecodeRuneInString(pattern[i:])
		i += n
		switch r {
		case '*':
			toks.add(token{kind: tokAny})
		case '?':
			toks.add(token{kind: tokOne})
		case '[':
			t, next, err := parseSet(pattern, i)
			if err != nil {
				return nil, err
			}
			toks.add(t)
			i = next
		default:
			toks.literal(r)
		}
	}
	return toks.pattern(), nil
}

// parseSet parses a GLOB set starting just after '['.
func parseSet(p string, i int) (token, int, error) {
	t := token{kind: tokSet}
	if i < len(p) && p[i] == '^' {
		t.negate = true
		i++
	}
	first := true
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r == ']' && !first {
			return t, i + n, nil
		}
		first = false
		i += n
		lo, hi := r, r
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			r2, n2 := utf8.DecodeRuneInString(p[i+1:])
			hi = r2
			i += 1 + n2
		}
		t.ranges = append(t.ranges, rng{lo, hi})
	}
	return t, i, fmt.Errorf("GLOB pattern has an unterminated '['")
}

func newPattern(toks []token) *Pattern {
	p := &Pattern{toks: toks}
	switch {
	case len(toks) == 0:
		p.mode, p.lit = modeExact, ""
	case len(toks) == 1 && toks[0].kind == tokLit:
		p.mode, p.lit = modeExact, toks[0].lit
	case len(toks) == 1 && toks[0].kind == tokAny:
		p.mode = modeAll
	case len(toks) == 2 && toks[0].kind == tokLit && toks[1].kind == tokAny:
		p.mode, p.lit = modePrefix, toks[0].lit
	case len(toks) == 2 && toks[0].kind == tokAny && toks[1].kind == tokLit:
		p.mode, p.lit = modeSuffix, toks[1].lit
	case len(toks) == 3 && toks[0].kind == tokAny && toks[1].kind == tokLit && toks[2].kind == tokAny:
		p.mode, p.lit = modeContains, toks[1].lit
	}
	return p
}

// Match reports whether s matches the whole pattern.
func (p *Pattern) Match(s string) bool {
	switch p.mode {
	case modeExact:
		return s == p.lit
	case modeAll:
		return true
	case modePrefix:
		return strings.HasPrefix(s, p.lit)
	case modeSuffix:
		return strings.HasSuffix(s, p.lit)
	case modeContains:
		return strings.Contains(s, p.lit)
	}
	return p.matchGeneral(s)
}

// matchOne matches a single-code-point token at s[i:], returning the byte
// index after it.
func (t *token) matchOne(s string, i int) (int, bool) {
	if i >= len(s) {
		return i, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if t.kind == tokOne {
		return i + n, true
	}
	in := false
	for _, rg := range t.ranges {
		if r >= rg.lo && r <= rg.hi {
			in = true
			break
		}
	}
	return i + n, in != t.negate
}

// matchGeneral is the classic greedy wildcard matcher with a single
// backtrack point (the most recent '%'), linear for most patterns and
// O(len(s) * len(pattern)) at worst.
func (p *Pattern) matchGeneral(s string) bool {
	toks := p.toks
	ti, si := 0, 0
	starTok, starStr := -1, 0
	for {
		if ti < len(toks) {
			t := &toks[ti]
			switch t.kind {
			case tokAny:
				starTok, starStr = ti, si
				ti++
				continue
			case tokLit:
				if strings.HasPrefix(s[si:], t.lit) {
					si += len(t.lit)
					ti++
					continue
				}
			default:
				if next, ok := t.matchOne(s, si); ok {
					si = next
					ti++
					continue
				}
			}
		} else if si == len(s) {
			return true
		}
		if starTok < 0 || starStr >= len(s) {
			return false
		}
		// Backtrack: let the last '%' absorb one more code point.
		_, n := utf8.DecodeRuneInString(s[starStr:])
		starStr += n
		ti, si = starTok+1, starStr
	}
}
