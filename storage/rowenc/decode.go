package rowenc

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"

	"github.com/quereus/quereus/storage/value"
)

// DecodeRow decodes an encoded row into a new Row.
func DecodeRow(b []byte) (value.Row, error) {
	return DecodeRowInto(nil, b)
}

// DecodeRowInto decodes an encoded row into dst[:0], reusing its storage, and
// returns the row (shorter than the table when columns were added after the
// row was written; see the package doc).
func DecodeRowInto(dst value.Row, b []byte) (value.Row, error) {
	return DecodeRowNeeded(dst, b, nil)
}

// DecodeRowNeeded is DecodeRowInto decoding only the columns i with
// need[i] set (every column when need is nil, and any column past the end
// of need); the others are checked and skipped, and read as NULL. A query
// that reads two columns of a wide row so builds no strings for the rest.
func DecodeRowNeeded(dst value.Row, b []byte, need []bool) (value.Row, error) {
	d, n, err := newDecoder(b)
	if err != nil {
		return dst[:0], err
	}
	if cap(dst) < n {
		dst = make(value.Row, 0, n)
	}
	dst = dst[:0]
	for i := 0; i < n; i++ {
		if i < len(need) && !need[i] {
			if err := d.skip(); err != nil {
				return dst, fmt.Errorf("column %d: %w", i, err)
			}
			dst = append(dst, value.Value{})
			continue
		}
		v, err := d.value()
		if err != nil {
			return dst, fmt.Errorf("column %d: %w", i, err)
		}
		dst = append(dst, v)
	}
	if d.pos != len(b) {
		return dst, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(b)-d.pos)
	}
	return dst, nil
}

// DecodeRowProjected decodes column j of an encoded row into dst[pos[j]]
// for every j < len(pos) with pos[j] >= 0, and checks and skips the other
// columns: a scan projecting a few columns builds its output row directly.
// Entries of dst that no stored column maps to are left as they are (NULL
// in a new row), as are those of columns the row was written without.
func DecodeRowProjected(dst value.Row, b []byte, pos []int) error {
	d, n, err := newDecoder(b)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if i >= len(pos) || pos[i] < 0 {
			if err := d.skip(); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
			continue
		}
		if err := d.valueInto(&dst[pos[i]]); err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
	}
	if d.pos != len(b) {
		return fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(b)-d.pos)
	}
	return nil
}

// valueInto decodes the next value into *v: value, with integers and
// reals (the most common fixed-size values) decoded inline.
func (d *decoder) valueInto(v *value.Value) error {
	if d.pos < len(d.b) {
		switch d.b[d.pos] {
		case tagInt:
			if x, n := binary.Varint(d.b[d.pos+1:]); n > 0 {
				d.pos += 1 + n
				*v = value.Int(x)
				return nil
			}
		case tagReal:
			if len(d.b)-d.pos >= 9 {
				*v = value.Float(math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.pos+1:])))
				d.pos += 9
				return nil
			}
		}
	}
	x, err := d.value()
	*v = x
	return err
}

// ColumnCount returns the number of values stored in an encoded row.
func ColumnCount(b []byte) (int, error) {
	_, n, err := newDecoder(b)
	return n, err
}

// DecodeColumn decodes the value of column i. present is false when the row
// was written with fewer columns (the caller supplies the default).
func DecodeColumn(b []byte, i int) (v value.Value, present bool, err error) {
	d, n, err := newDecoder(b)
	if err != nil {
		return value.Value{}, false, err
	}
	if i < 0 || i >= n {
		return value.Value{}, false, nil
	}
	for j := 0; j < i; j++ {
		if err := d.skip(); err != nil {
			return value.Value{}, false, fmt.Errorf("column %d: %w", j, err)
		}
	}
	v, err = d.value()
	if err != nil {
		return value.Value{}, false, fmt.Errorf("column %d: %w", i, err)
	}
	return v, true, nil
}

// decoder walks the values of one encoded row.
type decoder struct {
	b   []byte
	pos int
	// strs is b[strBase:] copied into one string on the first text or blob,
	// shared by all of the row's text and blob values.
	strs    string
	strBase int
	hasStrs bool
}

// newDecoder checks the header and returns a decoder positioned at the first
// value, with the value count.
func newDecoder(b []byte) (decoder, int, error) {
	if len(b) == 0 {
		return decoder{}, 0, fmt.Errorf("%w: empty", ErrCorrupt)
	}
	if b[0] != formatVersion {
		return decoder{}, 0, fmt.Errorf("%w: unsupported row format version %d", ErrCorrupt, b[0])
	}
	d := decoder{b: b, pos: 1}
	count, err := d.uvarint()
	if err != nil {
		return decoder{}, 0, err
	}
	// Every value takes at least one byte, which bounds the allocation.
	if count > MaxColumns || count > uint64(len(b)-d.pos) {
		return decoder{}, 0, fmt.Errorf("%w: bad column count %d", ErrCorrupt, count)
	}
	return d, int(count), nil
}

func (d *decoder) uvarint() (uint64, error) {
	x, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		return 0, fmt.Errorf("%w: bad varint", ErrCorrupt)
	}
	d.pos += n
	return x, nil
}

// span reads a length-prefixed payload and returns its bounds.
func (d *decoder) span() (start, end int, err error) {
	n, err := d.uvarint()
	if err != nil {
		return 0, 0, err
	}
	if n > uint64(len(d.b)-d.pos) {
		return 0, 0, fmt.Errorf("%w: length %d past the end", ErrCorrupt, n)
	}
	start = d.pos
	d.pos += int(n)
	return start, d.pos, nil
}

// str returns b[start:end] as a string sharing the row's one string copy.
func (d *decoder) str(start, end int) string {
	if !d.hasStrs {
		d.strs, d.strBase, d.hasStrs = string(d.b[start:]), start, true
	}
	return d.strs[start-d.strBase : end-d.strBase]
}

func (d *decoder) tag() (byte, error) {
	if d.pos >= len(d.b) {
		return 0, fmt.Errorf("%w: truncated", ErrCorrupt)
	}
	t := d.b[d.pos]
	d.pos++
	return t, nil
}

// value decodes the next value.
func (d *decoder) value() (value.Value, error) {
	t, err := d.tag()
	if err != nil {
		return value.Value{}, err
	}
	switch t {
	case tagNull:
		return value.Null(), nil
	case tagInt:
		x, n := binary.Varint(d.b[d.pos:])
		if n <= 0 {
			return value.Value{}, fmt.Errorf("%w: bad varint", ErrCorrupt)
		}
		d.pos += n
		return value.Int(x), nil
	case tagBigPos, tagBigNeg:
		start, end, err := d.span()
		if err != nil {
			return value.Value{}, err
		}
		b := new(big.Int).SetBytes(d.b[start:end])
		if t == tagBigNeg {
			b.Neg(b)
		}
		return value.BigInt(b), nil
	case tagReal:
		if len(d.b)-d.pos < 8 {
			return value.Value{}, fmt.Errorf("%w: truncated real", ErrCorrupt)
		}
		bits := binary.LittleEndian.Uint64(d.b[d.pos:])
		d.pos += 8
		return value.Float(math.Float64frombits(bits)), nil
	case tagText, tagBlob, tagJSON:
		start, end, err := d.span()
		if err != nil {
			return value.Value{}, err
		}
		switch t {
		case tagText:
			return value.Text(d.str(start, end)), nil
		case tagBlob:
			return value.BlobString(d.str(start, end)), nil
		}
		v, err := value.ParseJSON(string(d.b[start:end]))
		if err != nil {
			return value.Value{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return v, nil
	case tagFalse:
		return value.Bool(false), nil
	case tagTrue:
		return value.Bool(true), nil
	default:
		return value.Value{}, fmt.Errorf("%w: unknown value tag 0x%02x", ErrCorrupt, t)
	}
}

// skip steps over the next value without decoding it.
func (d *decoder) skip() error {
	t, err := d.tag()
	if err != nil {
		return err
	}
	switch t {
	case tagNull, tagFalse, tagTrue:
		return nil
	case tagInt:
		_, n := binary.Varint(d.b[d.pos:])
		if n <= 0 {
			return fmt.Errorf("%w: bad varint", ErrCorrupt)
		}
		d.pos += n
		return nil
	case tagReal:
		if len(d.b)-d.pos < 8 {
			return fmt.Errorf("%w: truncated real", ErrCorrupt)
		}
		d.pos += 8
		return nil
	case tagBigPos, tagBigNeg, tagText, tagBlob, tagJSON:
		_, _, err := d.span()
		return err
	default:
		return fmt.Errorf("%w: unknown value tag 0x%02x", ErrCorrupt, t)
	}
}
