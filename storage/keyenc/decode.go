package keyenc

import (
	"fmt"

	"github.com/quereus/quereus/storage/value"
)

// DecodeValue decodes the key component at the start of b under column c and
// returns it with the bytes that follow it. Integral numbers decode as
// integers, text as its collation key form (see the package doc).
func DecodeValue(b []byte, c Column) (value.Value, []byte, error) {
	v, n, err := decodeComponent(b, c, true)
	if err != nil {
		return value.Value{}, nil, err
	}
	return v, b[n:], nil
}

// SkipValue returns the bytes after the key component at the start of b,
// validating it without building a value (no allocation except for numerics
// with a residual).
func SkipValue(b []byte, c Column) ([]byte, error) {
	_, n, err := decodeComponent(b, c, false)
	if err != nil {
		return nil, err
	}
	return b[n:], nil
}

// SkipKey returns the bytes after the first len(cols) components of key. For
// an index key with the index columns as cols, that is the encoded primary key.
func SkipKey(key []byte, cols []Column) ([]byte, error) {
	for i, c := range cols {
		rest, err := SkipValue(key, c)
		if err != nil {
			return nil, fmt.Errorf("component %d: %w", i, err)
		}
		key = rest
	}
	return key, nil
}

// DecodeKey decodes len(cols) components from key and returns them with the
// bytes that follow.
func DecodeKey(key []byte, cols []Column) ([]value.Value, []byte, error) {
	return DecodeKeyInto(make([]value.Value, 0, len(cols)), key, cols)
}

// DecodeKeyInto is DecodeKey appending to dst[:0], reusing its storage.
func DecodeKeyInto(dst []value.Value, key []byte, cols []Column) ([]value.Value, []byte, error) {
	dst = dst[:0]
	for i, c := range cols {
		v, rest, err := DecodeValue(key, c)
		if err != nil {
			return dst, nil, fmt.Errorf("component %d: %w", i, err)
		}
		dst = append(dst, v)
		key = rest
	}
	return dst, key, nil
}

// decodeComponent decodes (or, when build is false, only validates) one
// component and returns it with its encoded length.
func decodeComponent(b []byte, c Column, build bool) (value.Value, int, error) {
	if len(b) == 0 {
		return value.Value{}, 0, fmt.Errorf("%w: missing component", ErrCorrupt)
	}
	flip := c.flip()
	switch tag := b[0] ^ flip; tag {
	case tagNull:
		return value.Value{}, 1, nil
	case tagNumeric:
		v, n, err := decodeNumeric(b[1:], flip)
		return v, 1 + n, err
	case tagText, tagBlob, tagJSON:
		if !build && tag != tagJSON {
			_, _, n, err := scanEscaped(b[1:], flip)
			return value.Value{}, 1 + n, err
		}
		s, n, err := decodeEscaped(b[1:], flip)
		if err != nil {
			return value.Value{}, 0, err
		}
		v, err := stringValue(tag, s, c)
		return v, 1 + n, err
	default:
		return value.Value{}, 0, fmt.Errorf("%w: unknown type tag 0x%02x", ErrCorrupt, tag)
	}
}

// stringValue builds the value of decoded escaped content, checking that it
// is in canonical form.
func stringValue(tag byte, s string, c Column) (value.Value, error) {
	switch tag {
	case tagText:
		if c.Collation.IsBuiltin() && c.Collation.Normalize(s) != s {
			return value.Value{}, fmt.Errorf("%w: text not in %s key form", ErrCorrupt, c.Collation.Name())
		}
		return value.Text(s), nil
	case tagBlob:
		return value.BlobString(s), nil
	default:
		v, err := value.ParseJSON(s)
		if err != nil {
			return value.Value{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if string(appendJSONKey(nil, v.JSONDoc())) != s {
			return value.Value{}, fmt.Errorf("%w: JSON not in canonical form", ErrCorrupt)
		}
		return v, nil
	}
}
