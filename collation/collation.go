package collation

import "strings"

// Collation is a named text comparator with its key normalizer. Values are
// immutable and safe for concurrent use; compare *Collation pointers or Name
// to identify one. A nil *Collation behaves as BINARY.
type Collation struct {
	name      string
	compare   func(a, b string) int
	normalize func(s string) string // nil: identity
	ordering  bool
	builtin   bool
}

// Name returns the collation's name as registered (built-ins are upper case).
func (c *Collation) Name() string {
	if c == nil {
		return Binary.name
	}
	return c.name
}

// Compare orders a and b: negative when a sorts first, zero when the
// collation calls them equal, positive otherwise.
func (c *Collation) Compare(a, b string) int {
	if c == nil {
		return strings.Compare(a, b)
	}
	return c.compare(a, b)
}

// Normalize returns the key form of s: the bytes the storage layer encodes in
// place of s. It returns s itself (no allocation) when s is already in key form.
func (c *Collation) Normalize(s string) string {
	if c == nil || c.normalize == nil {
		return s
	}
	return c.normalize(s)
}

// AppendNormalized appends Normalize(s) to dst, without an intermediate
// string for the built-in collations.
func (c *Collation) AppendNormalized(dst []byte, s string) []byte {
	switch {
	case c == nil || c.normalize == nil:
		return append(dst, s...)
	case c == NoCase:
		return AppendLower(dst, s)
	default:
		return append(dst, c.normalize(s)...)
	}
}

// ProvidesOrdering reports whether the byte order of normalized keys equals
// the Compare order (and key equality equals Compare equality).
func (c *Collation) ProvidesOrdering() bool {
	if c == nil {
		return true
	}
	return c.ordering
}

// IsIdentity reports whether Normalize is the identity, so that a key decodes
// back to the original text rather than to its normalized form.
func (c *Collation) IsIdentity() bool {
	return c == nil || c.normalize == nil
}

// IsBuiltin reports whether c is one of BINARY, NOCASE and RTRIM.
func (c *Collation) IsBuiltin() bool {
	return c == nil || c.builtin
}

// String returns the name.
func (c *Collation) String() string { return c.Name() }
