package keyenc

import (
	"bytes"
	"fmt"
	"strings"
)

// Escaped byte strings (TEXT, BLOB and JSON content):
//
//	content byte 0x00 -> 0x01 0x01
//	content byte 0x01 -> 0x01 0x02
//	other bytes       -> themselves
//	end of content    -> 0x00
//
// The escaped form never contains 0x00, so the terminator is the first 0x00,
// and it is smaller than every content byte, so a string sorts before its
// extensions. Escaping keeps content order: 0x00 < 0x01 < 0x02 maps to
// 01 01 < 01 02 < 02.

const (
	escapeByte byte = 0x01
	terminator byte = 0x00
)

// appendEscaped appends the escaped form of s and its terminator.
func appendEscaped(dst []byte, s string) []byte {
	for len(s) > 0 {
		i := indexLow(s)
		if i < 0 {
			dst = append(dst, s...)
			break
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, escapeByte, s[i]+1)
		s = s[i+1:]
	}
	return append(dst, terminator)
}

// indexLow returns the index of the first byte of s below 0x02, or -1.
func indexLow[T string | []byte](s T) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x02 {
			return i
		}
	}
	return -1
}

// scanEscaped validates the escaped content at the start of b (bytes XORed
// with flip) and returns its length excluding the terminator, the number of
// escape pairs in it, and the total length consumed including the terminator.
func scanEscaped(b []byte, flip byte) (contentLen, escapes, consumed int, err error) {
	end := bytes.IndexByte(b, terminator^flip)
	if end < 0 {
		return 0, 0, 0, fmt.Errorf("%w: unterminated string", ErrCorrupt)
	}
	for i := 0; i < end; i++ {
		if b[i]^flip != escapeByte {
			continue
		}
		if i+1 >= end {
			return 0, 0, 0, fmt.Errorf("%w: truncated escape", ErrCorrupt)
		}
		if e := b[i+1] ^ flip; e != 0x01 && e != 0x02 {
			return 0, 0, 0, fmt.Errorf("%w: invalid escape 0x01 0x%02x", ErrCorrupt, e)
		}
		escapes++
		i++
	}
	return end - escapes, escapes, end + 1, nil
}

// decodeEscaped decodes escaped content at the start of b and returns it with
// the number of bytes consumed. It allocates once (the string).
func decodeEscaped(b []byte, flip byte) (string, int, error) {
	n, escapes, consumed, err := scanEscaped(b, flip)
	if err != nil {
		return "", 0, err
	}
	if escapes == 0 && flip == 0 {
		return string(b[:n]), consumed, nil
	}
	var sb strings.Builder
	sb.Grow(n)
	for i := 0; i < consumed-1; i++ {
		c := b[i] ^ flip
		if c == escapeByte {
			i++
			c = (b[i] ^ flip) - 1
		}
		sb.WriteByte(c)
	}
	return sb.String(), consumed, nil
}
