package main

import "strings"

// statementSplitter accumulates input lines and reports complete statements:
// text up to a ';' that is outside string literals, quoted identifiers and
// comments.
type statementSplitter struct {
	buf       []byte
	startLine int // input line where the pending statement began
}

// add appends a line (without its newline) and returns the complete
// statements now available, each with the line it started on. Text after the
// last complete statement stays pending.
func (s *statementSplitter) add(line string, lineNo int) []pendingStatement {
	if len(strings.TrimSpace(string(s.buf))) == 0 {
		s.buf = s.buf[:0]
		s.startLine = lineNo
	}
	s.buf = append(s.buf, line...)
	s.buf = append(s.buf, '\n')
	var out []pendingStatement
	for {
		end := statementEnd(s.buf)
		if end < 0 {
			break
		}
		text := strings.TrimSpace(string(s.buf[:end]))
		if text != "" && text != ";" {
			out = append(out, pendingStatement{text: text, line: s.startLine})
		}
		s.startLine += countNewlines(s.buf[:end])
		s.buf = append(s.buf[:0], s.buf[end:]...)
		if len(strings.TrimSpace(string(s.buf))) == 0 {
			s.buf = s.buf[:0]
			s.startLine = lineNo + 1
		}
	}
	return out
}

// pending returns the incomplete text, if any.
func (s *statementSplitter) pending() string { return strings.TrimSpace(string(s.buf)) }

// reset drops incomplete text.
func (s *statementSplitter) reset() { s.buf = s.buf[:0] }

// pendingStatement is one complete statement and its first input line.
type pendingStatement struct {
	text string
	line int
}

// statementEnd returns the index just past the first ';' in b that is outside
// quotes and comments, or -1.
func statementEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '\'', '"', '`':
			j := closingQuote(b, i+1, c)
			if j < 0 {
				return -1
			}
			i = j
		case '[':
			j := indexByteFrom(b, i+1, ']')
			if j < 0 {
				return -1
			}
			i = j
		case '-':
			if i+1 < len(b) && b[i+1] == '-' {
				j := indexByteFrom(b, i+2, '\n')
				if j < 0 {
					return -1
				}
				i = j
			}
		case '/':
			if i+1 < len(b) && b[i+1] == '*' {
				j := indexPairFrom(b, i+2, '*', '/')
				if j < 0 {
					return -1
				}
				i = j + 1
			}
		case ';':
			return i + 1
		}
	}
	return -1
}

// closingQuote finds the quote ending a literal opened before from; a doubled
// quote is an escaped quote.
func closingQuote(b []byte, from int, q byte) int {
	for i := from; i < len(b); i++ {
		if b[i] == q {
			if i+1 < len(b) && b[i+1] == q {
				i++
				continue
			}
			return i
		}
	}
	return -1
}

func indexByteFrom(b []byte, from int, c byte) int {
	for i := from; i < len(b); i++ {
		if b[i] == c {
			return i
		}
	}
	return -1
}

func indexPairFrom(b []byte, from int, c1, c2 byte) int {
	for i := from; i+1 < len(b); i++ {
		if b[i] == c1 && b[i+1] == c2 {
			return i
		}
	}
	return -1
}

func countNewlines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

// hasContent reports whether text holds anything but white space and comments.
func hasContent(text string) bool {
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '-' && i+1 < len(b) && b[i+1] == '-':
			j := indexByteFrom(b, i+2, '\n')
			if j < 0 {
				return false
			}
			i = j
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			j := indexPairFrom(b, i+2, '*', '/')
			if j < 0 {
				return false
			}
			i = j + 1
		case b[i] == ';' || b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r':
		default:
			return true
		}
	}
	return false
}
