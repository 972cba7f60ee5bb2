package engine

// codec.go is the engine's seam to the storage key and row encodings.

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"

	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/keyenc"
	"github.com/quereus/quereus/storage/value"
)

// keyPart is how one key component is encoded (storage/keyenc).
type keyPart struct {
	desc bool
	coll string
	kc   keyenc.Column
	// timespan keys TIMESPAN text by elapsed time (timespanKeyValue).
	timespan bool
}

func partsOf(kps []schema.KeyPart) []keyPart {
	out := make([]keyPart, len(kps))
	for i, p := range kps {
		out[i] = keyPart{desc: p.Desc, coll: p.Collation, kc: keyenc.Column{Collation: lookupCollation(p.Collation), Desc: p.Desc}}
	}
	return out
}

// appendKey appends the order-preserving encoding of vals to dst.
func appendKey(dst []byte, vals []value.Value, parts []keyPart) []byte {
	for i, v := range vals {
		if parts[i].timespan {
			v = timespanKeyValue(v)
		}
		dst = keyenc.AppendValue(dst, v, parts[i].kc)
	}
	return dst
}

// prefixEnd returns the smallest key greater than every key with prefix p
// (nil when unbounded).
func prefixEnd(p []byte) []byte {
	if len(p) == 0 {
		return nil
	}
	return keyenc.PrefixSuccessor(p)
}

// Row values: version byte 1, uvarint column count, then per value a kind
// byte and its payload (uvarint length + bytes for variable kinds).
const rowFormatV1 = 1

var errBadRow = errors.New("corrupt row value")

func encodeRow(row value.Row) []byte {
	buf := []byte{rowFormatV1}
	buf = binary.AppendUvarint(buf, uint64(len(row)))
	for _, v := range row {
		buf = append(buf, byte(v.Kind()))
		switch v.Kind() {
		case value.KindInteger:
			buf = binary.AppendVarint(buf, v.Int())
		case value.KindReal:
			buf = binary.BigEndian.AppendUint64(buf, math.Float64bits(v.Float()))
		case value.KindBoolean:
			if v.Bool() {
				buf = append(buf, 1)
			} else {
				buf = append(buf, 0)
			}
		case value.KindBigInt:
			buf = appendBytes(buf, v.Big().String())
		case value.KindText, value.KindBlob:
			buf = appendBytes(buf, v.Text())
		case value.KindJSON:
			buf = appendBytes(buf, v.JSONText())
		}
	}
	return buf
}

func appendBytes(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// decodeRow decodes a row; missing trailing columns (rows written before an
// ADD COLUMN) are returned as NULL up to ncols.
func decodeRow(b []byte, ncols int) (value.Row, error) {
	if len(b) == 0 || b[0] != rowFormatV1 {
		return nil, errBadRow
	}
	b = b[1:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > 1<<16 {
		return nil, errBadRow
	}
	b = b[k:]
	size := int(n)
	if ncols > size {
		size = ncols
	}
	row := make(value.Row, size)
	for i := 0; i < int(n); i++ {
		if len(b) == 0 {
			return nil, errBadRow
		}
		kind := value.Kind(b[0])
		b = b[1:]
		switch kind {
		case value.KindNull:
		case value.KindInteger:
			x, k := binary.Varint(b)
			if k <= 0 {
				return nil, errBadRow
			}
			row[i], b = value.Int(x), b[k:]
		case value.KindReal:
			if len(b) < 8 {
				return nil, errBadRow
			}
			row[i], b = value.Float(math.Float64frombits(binary.BigEndian.Uint64(b))), b[8:]
		case value.KindBoolean:
			if len(b) < 1 {
				return nil, errBadRow
			}
			row[i], b = value.Bool(b[0] != 0), b[1:]
		default:
			l, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < l {
				return nil, errBadRow
			}
			s := string(b[k : k+int(l)])
			b = b[k+int(l):]
			switch kind {
			case value.KindBigInt:
				bi, ok := new(big.Int).SetString(s, 10)
				if !ok {
					return nil, errBadRow
				}
				row[i] = value.BigInt(bi)
			case value.KindText:
				row[i] = value.Text(s)
			case value.KindBlob:
				row[i] = value.BlobString(s)
			case value.KindJSON:
				j, err := value.ParseJSON(s)
				if err != nil {
					return nil, errBadRow
				}
				row[i] = j
			default:
				return nil, errBadRow
			}
		}
	}
	if ncols > 0 && ncols < len(row) {
		row = row[:ncols]
	}
	return row, nil
}
