package keyenc

import (
	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// AppendValue appends the key component encoding v under column c to dst and
// returns the extended buffer. It allocates only for big integers, for text
// whose collation key form differs from the text, and for JSON.
func AppendValue(dst []byte, v value.Value, c Column) []byte {
	start := len(dst)
	switch v.Kind() {
	case value.KindNull:
		dst = append(dst, tagNull)
	case value.KindInteger:
		dst = appendInt64(dst, v.Int())
	case value.KindBigInt:
		dst = appendBigInt(dst, v.Big())
	case value.KindReal:
		dst = appendFloat(dst, v.Float())
	case value.KindBoolean:
		dst = appendInt64(dst, boolInt(v.Bool()))
	case value.KindText:
		dst = appendText(append(dst, tagText), v.Text(), c.Collation)
	case value.KindBlob:
		dst = append(dst, tagBlob)
		dst = appendEscaped(dst, v.Text())
	case value.KindJSON:
		dst = appendJSON(append(dst, tagJSON), v.JSONDoc())
	default:
		// Unknown kinds cannot be built through the value package; key them
		// as NULL rather than failing, which Value's API never requires.
		dst = append(dst, tagNull)
	}
	if c.Desc {
		invert(dst[start:])
	}
	return dst
}

// AppendKey appends the components vals[i] under cols[i] to dst. Columns past
// the end of cols are ascending BINARY; a prefix of a key's columns encodes the
// byte prefix of every key starting with those values.
func AppendKey(dst []byte, vals []value.Value, cols []Column) []byte {
	for i, v := range vals {
		dst = AppendValue(dst, v, columnAt(cols, i))
	}
	return dst
}

// EncodeKey returns the key of vals under cols in a new buffer.
func EncodeKey(vals []value.Value, cols []Column) []byte {
	return AppendKey(make([]byte, 0, 16*len(vals)), vals, cols)
}

// appendText appends the escaped, terminated key form of s under coll. The key
// form is written straight into dst and escaped in place in the common case
// where it holds no 0x00 or 0x01 byte.
func appendText(dst []byte, s string, coll *collation.Collation) []byte {
	if coll.IsIdentity() {
		return appendEscaped(dst, s)
	}
	start := len(dst)
	dst = coll.AppendNormalized(dst, s)
	if indexLow(dst[start:]) < 0 {
		return append(dst, terminator)
	}
	norm := string(dst[start:])
	return appendEscaped(dst[:start], norm)
}

// appendJSON appends the escaped, terminated JSON key text of doc.
func appendJSON(dst []byte, doc any) []byte {
	start := len(dst)
	dst = appendJSONKey(dst, doc)
	if indexLow(dst[start:]) < 0 {
		return append(dst, terminator)
	}
	text := string(dst[start:])
	return appendEscaped(dst[:start], text)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
