package rowenc

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/quereus/quereus/storage/value"
)

// formatVersion is the first byte of every encoded row.
const formatVersion byte = 0x01

// MaxColumns bounds the number of values in a row (SQLite's hard limit).
const MaxColumns = 32767

// ErrCorrupt is wrapped by every decoding error.
var ErrCorrupt = errors.New("rowenc: corrupt row")

// Value tags. Each is followed by its payload:
//
//	null, false, true   nothing
//	int                 zig-zag varint
//	big+, big-          uvarint length, magnitude big-endian
//	real                8 bytes, IEEE-754 bits little-endian
//	text, blob, json    uvarint length, bytes (JSON: canonical text)
const (
	tagNull   byte = 0x00
	tagInt    byte = 0x01
	tagBigPos byte = 0x02
	tagBigNeg byte = 0x03
	tagReal   byte = 0x04
	tagText   byte = 0x05
	tagBlob   byte = 0x06
	tagFalse  byte = 0x07
	tagTrue   byte = 0x08
	tagJSON   byte = 0x09
)

// AppendRow appends the encoding of row to dst and returns the extended
// buffer. Rows longer than MaxColumns are the caller's error; the engine
// rejects such tables at CREATE TABLE.
func AppendRow(dst []byte, row value.Row) []byte {
	dst = append(dst, formatVersion)
	dst = binary.AppendUvarint(dst, uint64(len(row)))
	for _, v := range row {
		dst = appendValue(dst, v)
	}
	return dst
}

// EncodeRow returns the encoding of row in a new buffer.
func EncodeRow(row value.Row) []byte {
	return AppendRow(make([]byte, 0, 2+10*len(row)), row)
}

func appendValue(dst []byte, v value.Value) []byte {
	switch v.Kind() {
	case value.KindInteger:
		return binary.AppendVarint(append(dst, tagInt), v.Int())
	case value.KindBigInt:
		b := v.Big()
		tag := tagBigPos
		if b.Sign() < 0 {
			tag = tagBigNeg
			b.Neg(b)
		}
		return appendBytes(append(dst, tag), b.Bytes())
	case value.KindReal:
		return binary.LittleEndian.AppendUint64(append(dst, tagReal), math.Float64bits(v.Float()))
	case value.KindText:
		return appendString(append(dst, tagText), v.Text())
	case value.KindBlob:
		return appendString(append(dst, tagBlob), v.Text())
	case value.KindBoolean:
		if v.Bool() {
			return append(dst, tagTrue)
		}
		return append(dst, tagFalse)
	case value.KindJSON:
		return appendString(append(dst, tagJSON), v.JSONText())
	default:
		return append(dst, tagNull)
	}
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendBytes(dst []byte, b []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(b)))
	return append(dst, b...)
}
