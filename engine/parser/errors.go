package parser

import "fmt"

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

// Error renders the message with its position and the offending token.
func (e *SyntaxError) Error() string {
	if e.Token == "" {
		return fmt.Sprintf("%s at line %d, column %d (end of input)", e.Message, e.Line, e.Column)
	}
	return fmt.Sprintf("%s at line %d, column %d near %q", e.Message, e.Line, e.Column, e.Token)
}
