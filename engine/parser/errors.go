package parser

import (
	"fmt"
	"strings"
)

// SyntaxError is the error every parser entry point returns for bad input.
// Line and Column are 1-based (Column counts runes); Offset is the byte
// offset of the offending token, whose source text is Token ("" at end of
// input).
type SyntaxError struct {
	Line    int
	Column  int
	Offset  int
	Token   string
	Message string
}

// Error renders the message with its position and the offending token in
// Quereus's shape: `Expected table name. (at line 1, column 14) near "x"`.
func (e *SyntaxError) Error() string {
	msg := strings.TrimSuffix(e.Message, ".")
	if e.Token == "" {
		return fmt.Sprintf("%s. (at line %d, column %d) at end of input", msg, e.Line, e.Column)
	}
	return fmt.Sprintf("%s. (at line %d, column %d) near %q", msg, e.Line, e.Column, e.Token)
}
