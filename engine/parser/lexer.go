package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexer turns source text into tokens on demand. It never allocates for
// identifiers, keywords, numbers or operators: token texts are substrings
// of the source. Strings and quoted identifiers allocate only when they
// contain a doubled quote.
type lexer struct {
	src string
	off int
}

// lexError is a scanning failure at a byte offset.
type lexError struct {
	off int
	end int
	msg string
}

// ASCII character classes for the identifier scanner.
const (
	classStart = 1 << iota // may start an identifier
	classPart              // may continue an identifier
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
			t[c] = classStart | classPart
		case c >= '0' && c <= '9', c == '$':
			t[c] = classPart
		}
	}
	return t
}()

func isIdentStart(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&classStart != 0 }

func isIdentPart(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&classPart != 0 }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// identRuneAt reports whether a (possibly multi-byte) identifier character
// starts at i, and its byte length. Digits are allowed only when part is set.
func (lx *lexer) identRuneAt(i int, part bool) (bool, int) {
	c := lx.src[i]
	if c < utf8.RuneSelf {
		if part {
			return isIdentPart(c), 1
		}
		return isIdentStart(c), 1
	}
	r, n := utf8.DecodeRuneInString(lx.src[i:])
	if r == utf8.RuneError {
		return false, n
	}
	return unicode.IsLetter(r) || part && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)), n
}

// skipSpace skips white space and comments. An unterminated block comment
// runs to the end of input, as in SQLite.
func (lx *lexer) skipSpace() {
	for lx.off < len(lx.src) {
		c := lx.src[lx.off]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			lx.off++
		case c == '-' && lx.off+1 < len(lx.src) && lx.src[lx.off+1] == '-':
			i := strings.IndexByte(lx.src[lx.off:], '\n')
			if i < 0 {
				lx.off = len(lx.src)
			} else {
				lx.off += i + 1
			}
		case c == '/' && lx.off+1 < len(lx.src) && lx.src[lx.off+1] == '*':
			i := strings.Index(lx.src[lx.off+2:], "*/")
			if i < 0 {
				lx.off = len(lx.src)
			} else {
				lx.off += i + 4
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(lx.src[lx.off:])
			if !unicode.IsSpace(r) && r != '\uFEFF' {
				return
			}
			lx.off += n
		default:
			return
		}
	}
}

// scan returns the next token, or a lexError.
func (lx *lexer) scan() (token, *lexError) {
	lx.skipSpace()
	start := lx.off
	if start >= len(lx.src) {
		return token{kind: tEOF, pos: start, end: start}, nil
	}
	c := lx.src[start]
	switch {
	case isDigit(c) || c == '.' && start+1 < len(lx.src) && isDigit(lx.src[start+1]):
		return lx.scanNumber()
	case (c == 'x' || c == 'X') && start+1 < len(lx.src) && lx.src[start+1] == '\'':
		return lx.scanBlob()
	case c == '\'':
		return lx.scanQuoted(tString, '\'', "Unterminated string literal")
	case c == '"':
		return lx.scanQuoted(tQuotedIdent, '"', "Unterminated quoted identifier")
	case c == '`':
		return lx.scanQuoted(tQuotedIdent, '`', "Unterminated quoted identifier")
	case c == '[':
		i := strings.IndexByte(lx.src[start+1:], ']')
		if i < 0 {
			lx.off = len(lx.src)
			return token{}, &lexError{start, lx.off, "Unterminated quoted identifier"}
		}
		lx.off = start + 1 + i + 1
		return token{kind: tQuotedIdent, pos: start, end: lx.off, text: lx.src[start+1 : start+1+i]}, nil
	case c == '?' || c == ':' || c == '@' || c == '$':
		return lx.scanParam()
	}
	if ok, n := lx.identRuneAt(start, false); ok {
		i := start + n
		for i < len(lx.src) {
			if c := lx.src[i]; c < utf8.RuneSelf {
				if asciiClass[c]&classPart == 0 {
					break
				}
				i++
				continue
			}
			ok, n := lx.identRuneAt(i, true)
			if !ok {
				break
			}
			i += n
		}
		lx.off = i
		word := lx.src[start:i]
		return token{kind: tIdent, kw: lookupKeyword(word), pos: start, end: i, text: word}, nil
	}
	return lx.scanOperator()
}

// scanOperator scans punctuation and operators.
func (lx *lexer) scanOperator() (token, *lexError) {
	start := lx.off
	c := lx.src[start]
	var next byte
	if start+1 < len(lx.src) {
		next = lx.src[start+1]
	}
	kind, n := tEOF, 1
	switch c {
	case '(':
		kind = tLParen
	case ')':
		kind = tRParen
	case '{':
		kind = tLBrace
	case '}':
		kind = tRBrace
	case ',':
		kind = tComma
	case ';':
		kind = tSemi
	case '.':
		kind = tDot
	case '*':
		kind = tStar
	case '+':
		kind = tPlus
	case '/':
		kind = tSlash
	case '%':
		kind = tPercent
	case '&':
		kind = tAmp
	case '~':
		kind = tTilde
	case '-':
		kind = tMinus
		if next == '>' {
			kind, n = tArrow, 2
			if start+2 < len(lx.src) && lx.src[start+2] == '>' {
				kind, n = tArrow2, 3
			}
		}
	case '|':
		kind = tPipe
		if next == '|' {
			kind, n = tConcat, 2
		}
	case '<':
		kind = tLt
		switch next {
		case '=':
			kind, n = tLe, 2
		case '>':
			kind, n = tLtGt, 2
		case '<':
			kind, n = tShl, 2
		}
	case '>':
		kind = tGt
		switch next {
		case '=':
			kind, n = tGe, 2
		case '>':
			kind, n = tShr, 2
		}
	case '=':
		kind = tEq
		if next == '=' {
			kind, n = tEqEq, 2
		}
	case '!':
		if next == '=' {
			kind, n = tNe, 2
		}
	}
	if kind == tEOF {
		_, size := utf8.DecodeRuneInString(lx.src[start:])
		lx.off = start + size
		return token{}, &lexError{start, lx.off, "Unexpected character"}
	}
	lx.off = start + n
	return token{kind: kind, pos: start, end: lx.off, text: lx.src[start:lx.off]}, nil
}

// scanQuoted scans a string or quoted identifier whose quote character is
// doubled to escape it.
func (lx *lexer) scanQuoted(kind tokKind, quote byte, unterminated string) (token, *lexError) {
	start := lx.off
	i := start + 1
	escaped := false
	for {
		j := strings.IndexByte(lx.src[i:], quote)
		if j < 0 {
			lx.off = len(lx.src)
			return token{}, &lexError{start, lx.off, unterminated}
		}
		i += j + 1
		if i < len(lx.src) && lx.src[i] == quote {
			escaped = true
			i++
			continue
		}
		break
	}
	lx.off = i
	body := lx.src[start+1 : i-1]
	if escaped {
		q := string(quote)
		body = strings.ReplaceAll(body, q+q, q)
	}
	return token{kind: kind, pos: start, end: i, text: body}, nil
}

// scanBlob scans x'hex'.
func (lx *lexer) scanBlob() (token, *lexError) {
	start := lx.off
	j := strings.IndexByte(lx.src[start+2:], '\'')
	if j < 0 {
		lx.off = len(lx.src)
		return token{}, &lexError{start, lx.off, "Unterminated blob literal"}
	}
	hex := lx.src[start+2 : start+2+j]
	lx.off = start + 2 + j + 1
	if len(hex)%2 != 0 {
		return token{}, &lexError{start, lx.off, "Malformed blob literal: odd number of hex digits"}
	}
	for k := 0; k < len(hex); k++ {
		if !isHex(hex[k]) {
			return token{}, &lexError{start, lx.off, "Malformed blob literal: invalid hex digit"}
		}
	}
	return token{kind: tBlob, pos: start, end: lx.off, text: hex}, nil
}

// scanNumber scans decimal integers, reals with optional exponent and
// 0x hexadecimal integers.
func (lx *lexer) scanNumber() (token, *lexError) {
	start := lx.off
	src := lx.src
	i := start
	kind := tInteger
	if src[i] == '0' && i+1 < len(src) && (src[i+1] == 'x' || src[i+1] == 'X') {
		i += 2
		h := i
		for i < len(src) && isHex(src[i]) {
			i++
		}
		if i == h {
			return lx.badNumber(start, i)
		}
	} else {
		for i < len(src) && isDigit(src[i]) {
			i++
		}
		if i < len(src) && src[i] == '.' {
			kind = tFloat
			i++
			for i < len(src) && isDigit(src[i]) {
				i++
			}
		}
		if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
			j := i + 1
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
			if j >= len(src) || !isDigit(src[j]) {
				return lx.badNumber(start, j)
			}
			for j < len(src) && isDigit(src[j]) {
				j++
			}
			kind, i = tFloat, j
		}
	}
	if i < len(src) {
		if ok, _ := lx.identRuneAt(i, true); ok {
			return lx.badNumber(start, i+1)
		}
	}
	lx.off = i
	return token{kind: kind, pos: start, end: i, text: src[start:i]}, nil
}

func (lx *lexer) badNumber(start, end int) (token, *lexError) {
	for end < len(lx.src) && isIdentPart(lx.src[end]) {
		end++
	}
	lx.off = end
	return token{}, &lexError{start, end, "Malformed number"}
}

// scanParam scans ?, ?NNN, :name, :NNN, @name, $name.
func (lx *lexer) scanParam() (token, *lexError) {
	start := lx.off
	i := start + 1
	if lx.src[start] == '?' {
		for i < len(lx.src) && isDigit(lx.src[i]) {
			i++
		}
		lx.off = i
		return token{kind: tParam, pos: start, end: i, text: lx.src[start:i]}, nil
	}
	for i < len(lx.src) {
		ok, n := lx.identRuneAt(i, true)
		if !ok {
			break
		}
		i += n
	}
	lx.off = i
	if i == start+1 {
		return token{}, &lexError{start, i, "Expected identifier or number after parameter prefix"}
	}
	return token{kind: tParam, pos: start, end: i, text: lx.src[start:i]}, nil
}
