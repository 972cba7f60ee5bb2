package jsonfn

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits on JSON text accepted by Parse.
const (
	// MaxDepth is the deepest nesting of arrays and objects Parse accepts.
	MaxDepth = 1000
	// MaxInputBytes is the longest JSON text Parse accepts (64 MiB).
	MaxInputBytes = 64 << 20
)

// ErrInvalidJSON is wrapped by every error Parse returns.
var ErrInvalidJSON = errors.New("invalid JSON")

// Parse reads one JSON text (RFC 8259, as JavaScript's JSON.parse accepts it)
// into a document tree. Numbers are normalized to their JavaScript spelling
// (see formatNumber). Surrounding white space is allowed; anything else
// after the value is an error.
func Parse(text string) (any, error) {
	if len(text) > MaxInputBytes {
		return nil, fmt.Errorf("%w: text longer than %d bytes", ErrInvalidJSON, MaxInputBytes)
	}
	p := parser{s: text}
	p.skipSpace()
	doc, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i != len(p.s) {
		return nil, p.fail("unexpected data after the value")
	}
	return doc, nil
}

// Valid reports whether text is one well-formed JSON text.
func Valid(text string) bool {
	_, err := Parse(text)
	return err == nil
}

type parser struct {
	s string
	i int
}

func (p *parser) fail(msg string) error {
	return fmt.Errorf("%w: %s at offset %d", ErrInvalidJSON, msg, p.i)
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (any, error) {
	if p.i >= len(p.s) {
		return nil, p.fail("unexpected end of input")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		for _, lit := range [...]struct {
			word string
			doc  any
		}{{"true", true}, {"false", false}, {"null", nil}} {
			if len(p.s)-p.i >= len(lit.word) && p.s[p.i:p.i+len(lit.word)] == lit.word {
				p.i += len(lit.word)
				return lit.doc, nil
			}
		}
		return nil, p.fail("unexpected character")
	}
}

func (p *parser) object(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, p.fail("nesting too deep")
	}
	p.i++ // '{'
	obj := map[string]any{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return obj, nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.fail("expected a string key")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.fail("expected ':'")
		}
		p.i++
		p.skipSpace()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		obj[key] = v
		done, err := p.afterItem('}', "object")
		if err != nil {
			return nil, err
		}
		if done {
			return obj, nil
		}
	}
}

func (p *parser) array(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, p.fail("nesting too deep")
	}
	p.i++ // '['
	arr := []any{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return arr, nil
	}
	for {
		p.skipSpace()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
		done, err := p.afterItem(']', "array")
		if err != nil {
			return nil, err
		}
		if done {
			return arr, nil
		}
	}
}

// afterItem consumes the ',' or the closing byte after an object member or
// array element (of a container named what); done reports the closing byte.
func (p *parser) afterItem(closing byte, what string) (done bool, err error) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return false, p.fail("unterminated " + what)
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		return false, nil
	case closing:
		p.i++
		return true, nil
	}
	return false, p.fail("expected ',' or '" + string(closing) + "'")
}

// str reads a string token; p.s[p.i] is the opening quote.
func (p *parser) str() (string, error) {
	p.i++
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			s := p.s[start:p.i]
			p.i++
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.fail("control character in string")
		}
		p.i++
	}
	buf := []byte(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(buf), nil
		case c < 0x20:
			return "", p.fail("control character in string")
		case c != '\\':
			buf = append(buf, c)
			p.i++
			continue
		}
		p.i++ // backslash
		if p.i >= len(p.s) {
			break
		}
		esc := p.s[p.i]
		p.i++
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.fail("invalid \\u escape")
			}
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
					save := p.i
					p.i += 2
					lo, ok := p.hex4()
					if !ok {
						return "", p.fail("invalid \\u escape")
					}
					if dec := utf16.DecodeRune(r, lo); dec != utf8.RuneError {
						r2 = dec
					} else {
						p.i = save // lone surrogate; the next escape stands alone
					}
				}
				r = r2
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("invalid escape")
		}
	}
	return "", p.fail("unterminated string")
}

func (p *parser) hex4() (rune, bool) {
	if len(p.s)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(p.s[p.i : p.i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// number reads a JSON number token and returns it normalized.
func (p *parser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	intStart := p.i
	if n := digits(); n == 0 {
		return nil, p.fail("invalid number")
	} else if n > 1 && p.s[intStart] == '0' {
		return nil, p.fail("leading zero in number")
	}
	plain := true
	if p.i < len(p.s) && p.s[p.i] == '.' {
		plain = false
		p.i++
		if digits() == 0 {
			return nil, p.fail("invalid number")
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		plain = false
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.fail("invalid number")
		}
	}
	lit := p.s[start:p.i]
	if plain && p.i-intStart <= 15 && lit != "-0" {
		return json.Number(lit), nil // exact as a double and already in JS form
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		// Overflow: JavaScript reads such a literal as ±Infinity, which
		// JSON cannot hold; treat it as out of range.
		return nil, p.fail("number out of range")
	}
	return json.Number(formatNumber(f)), nil
}
