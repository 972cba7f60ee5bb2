package engine

// codec.go is the engine's seam to the storage key and row encodings.

import (
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage/keyenc"
	"github.com/quereus/quereus/storage/rowenc"
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

// appendRowKey appends the encoding of row's values under the column key
// parts kps (every part names a column) to dst: appendKey without building
// the value list.
func appendRowKey(dst []byte, row value.Row, kps []schema.KeyPart, parts []keyPart) []byte {
	for i, p := range kps {
		v := row[p.Col]
		if parts[i].timespan {
			v = timespanKeyValue(v)
		}
		dst = keyenc.AppendValue(dst, v, parts[i].kc)
	}
	return dst
}

// keySizeHint estimates the encoded size of row's values under the column
// key parts kps, to size a key buffer once (an estimate: encoding may need
// more or less).
func keySizeHint(row value.Row, kps []schema.KeyPart) int {
	n := 0
	for _, p := range kps {
		if p.Col < 0 {
			n += 16
			continue
		}
		switch v := row[p.Col]; v.Kind() {
		case value.KindText, value.KindBlob:
			n += len(v.Text()) + 4
		default:
			n += 12
		}
	}
	return n
}

// columnParts reports whether every key part names a column (no
// expression parts).
func columnParts(kps []schema.KeyPart) bool {
	for _, p := range kps {
		if p.Col < 0 {
			return false
		}
	}
	return true
}

// prefixEnd returns the smallest key greater than every key with prefix p
// (nil when unbounded).
func prefixEnd(p []byte) []byte {
	if len(p) == 0 {
		return nil
	}
	return keyenc.PrefixSuccessor(p)
}

// encodeRow encodes a row value (storage/rowenc).
func encodeRow(row value.Row) []byte { return rowenc.EncodeRow(row) }

// appendRow appends the encoding of a row value to dst.
func appendRow(dst []byte, row value.Row) []byte { return rowenc.AppendRow(dst, row) }

// decodeRow decodes a row value. Rows written before an ADD COLUMN decode
// shorter than the table and are padded with NULL up to ncols; longer rows
// (never written by this engine) are cut to ncols.
func decodeRow(b []byte, ncols int) (value.Row, error) {
	row, err := rowenc.DecodeRow(b)
	if err != nil {
		return nil, err
	}
	if ncols > len(row) {
		row = append(row, make(value.Row, ncols-len(row))...)
	} else if ncols > 0 && ncols < len(row) {
		row = row[:ncols]
	}
	return row, nil
}
