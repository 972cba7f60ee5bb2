package keyenc

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"math/bits"

	"github.com/quereus/quereus/storage/value"
)

// NUMERIC components (layout and ordering argument in doc.go):
//
//	0x01  D[8]  0x02                 value == d exactly
//	0x01  D[8]  0x03  L  M           value == d + |r|
//	0x01  D[8]  0x01  ^L ^M          value == d - |r|

const (
	residualNegative byte = 0x01
	residualZero     byte = 0x02
	residualPositive byte = 0x03

	// lengthOneByteMax is the largest length written as a single L byte.
	lengthOneByteMax = 0xF7

	// canonicalNaN is the bit pattern every NaN is keyed as.
	canonicalNaN uint64 = 0x7FF8000000000000

	// exactIntLimit bounds the integers every float64 holds exactly (2^53).
	exactIntLimit = 1 << 53
)

// sortableBits maps float64 bits to an unsigned integer whose order is the
// numeric order (-Inf < ... < +Inf < NaN for the canonical NaN).
func sortableBits(f float64) uint64 {
	u := math.Float64bits(f)
	if u&(1<<63) != 0 {
		return ^u
	}
	return u | 1<<63
}

// fromSortableBits inverts sortableBits.
func fromSortableBits(u uint64) float64 {
	if u&(1<<63) != 0 {
		return math.Float64frombits(u &^ (1 << 63))
	}
	return math.Float64frombits(^u)
}

// appendDouble appends the sortable form of d (already canonical).
func appendDouble(dst []byte, d float64) []byte {
	return binary.BigEndian.AppendUint64(dst, sortableBits(d))
}

// appendFloat appends a real: -0 is keyed as +0 and every NaN as canonicalNaN.
func appendFloat(dst []byte, f float64) []byte {
	switch {
	case f == 0:
		f = 0
	case f != f:
		f = math.Float64frombits(canonicalNaN)
	}
	dst = append(dst, tagNumeric)
	dst = appendDouble(dst, f)
	return append(dst, residualZero)
}

// appendInt64 appends an integer without allocating.
func appendInt64(dst []byte, i int64) []byte {
	if -exactIntLimit <= i && i <= exactIntLimit {
		return appendFloat(dst, float64(i))
	}
	d := float64(i) // nearest double, ties to even; |d| <= 2^63
	var di uint64   // d as a two's complement integer (2^63 wraps, harmlessly)
	if d >= math.MaxInt64 {
		di = 1 << 63
	} else {
		di = uint64(int64(d))
	}
	r := int64(uint64(i) - di) // exact: |r| <= 2^10
	dst = append(dst, tagNumeric)
	dst = appendDouble(dst, d)
	if r == 0 {
		return append(dst, residualZero)
	}
	neg := r < 0
	mag := uint64(r)
	if neg {
		mag = uint64(-r)
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], mag)
	return appendResidual(dst, neg, buf[bits.LeadingZeros64(mag)/8:])
}

// appendBigInt appends an integer of any size.
func appendBigInt(dst []byte, b *big.Int) []byte {
	if b.IsInt64() {
		return appendInt64(dst, b.Int64())
	}
	d := nearestDouble(b)
	r := new(big.Int).Sub(b, doubleToBig(d))
	dst = append(dst, tagNumeric)
	dst = appendDouble(dst, d)
	switch r.Sign() {
	case 0:
		return append(dst, residualZero)
	case -1:
		return appendResidual(dst, true, r.Neg(r).Bytes())
	default:
		return appendResidual(dst, false, r.Bytes())
	}
}

// nearestDouble rounds b to the nearest double (ties to even) and clamps
// results beyond the double range to ±math.MaxFloat64, a monotone map.
func nearestDouble(b *big.Int) float64 {
	d, _ := new(big.Float).SetInt(b).Float64()
	switch {
	case math.IsInf(d, 1):
		return math.MaxFloat64
	case math.IsInf(d, -1):
		return -math.MaxFloat64
	}
	return d
}

// doubleToBig returns the integer value of a finite, integral double.
func doubleToBig(d float64) *big.Int {
	b, _ := new(big.Float).SetFloat64(d).Int(nil)
	return b
}

// appendResidual appends a non-zero residual with magnitude mag (big-endian,
// minimal, non-empty).
func appendResidual(dst []byte, neg bool, mag []byte) []byte {
	if !neg {
		dst = append(dst, residualPositive)
		dst = appendLength(dst, uint64(len(mag)))
		return append(dst, mag...)
	}
	dst = append(dst, residualNegative)
	start := len(dst)
	dst = appendLength(dst, uint64(len(mag)))
	dst = append(dst, mag...)
	invert(dst[start:])
	return dst
}

// appendLength appends the ordered length L: one byte n for n <= 0xF7, else
// 0xF7+k and n in k minimal big-endian bytes.
func appendLength(dst []byte, n uint64) []byte {
	if n <= lengthOneByteMax {
		return append(dst, byte(n))
	}
	k := 8 - bits.LeadingZeros64(n)/8
	dst = append(dst, byte(lengthOneByteMax+k))
	for i := k - 1; i >= 0; i-- {
		dst = append(dst, byte(n>>(8*i)))
	}
	return dst
}

// readLength reads an ordered length from b (bytes XORed with flip).
func readLength(b []byte, flip byte) (n uint64, consumed int, err error) {
	if len(b) == 0 {
		return 0, 0, fmt.Errorf("%w: truncated numeric length", ErrCorrupt)
	}
	first := b[0] ^ flip
	if first <= lengthOneByteMax {
		return uint64(first), 1, nil
	}
	k := int(first - lengthOneByteMax)
	if k > 8 || len(b) < 1+k {
		return 0, 0, fmt.Errorf("%w: bad numeric length", ErrCorrupt)
	}
	for i := 1; i <= k; i++ {
		n = n<<8 | uint64(b[i]^flip)
	}
	return n, 1 + k, nil
}

// decodeNumeric decodes the numeric component after its tag in b (bytes XORed
// with flip). It accepts only canonical encodings.
func decodeNumeric(b []byte, flip byte) (value.Value, int, error) {
	if len(b) < 9 {
		return value.Value{}, 0, fmt.Errorf("%w: truncated numeric", ErrCorrupt)
	}
	u := binary.BigEndian.Uint64(b[:8]) ^ uint64(flip)*0x0101010101010101
	d := fromSortableBits(u)
	switch b[8] ^ flip {
	case residualZero:
		if d != d && math.Float64bits(d) != canonicalNaN {
			return value.Value{}, 0, fmt.Errorf("%w: non-canonical NaN", ErrCorrupt)
		}
		if d == 0 && math.Signbit(d) {
			return value.Value{}, 0, fmt.Errorf("%w: negative zero", ErrCorrupt)
		}
		return numberFromDouble(d), 9, nil
	case residualPositive:
		return decodeResidual(b, d, false, flip)
	case residualNegative:
		return decodeResidual(b, d, true, flip)
	default:
		return value.Value{}, 0, fmt.Errorf("%w: bad numeric residual marker", ErrCorrupt)
	}
}

// decodeResidual decodes value = d ± |r| from b (the numeric after its tag,
// bytes XORed with flip).
func decodeResidual(b []byte, d float64, neg bool, flip byte) (value.Value, int, error) {
	if math.IsInf(d, 0) || d != math.Trunc(d) {
		return value.Value{}, 0, fmt.Errorf("%w: residual on a non-integral double", ErrCorrupt)
	}
	inv := flip // the residual's own bytes are inverted once more when negative
	if neg {
		inv ^= 0xFF
	}
	n, lenBytes, err := readLength(b[9:], inv)
	if err != nil {
		return value.Value{}, 0, err
	}
	start := 9 + lenBytes
	if n == 0 || n > uint64(len(b)-start) {
		return value.Value{}, 0, fmt.Errorf("%w: bad residual length", ErrCorrupt)
	}
	end := start + int(n)
	mag := make([]byte, n)
	for i := range mag {
		mag[i] = b[start+i] ^ inv
	}
	r := new(big.Int).SetBytes(mag)
	if neg {
		r.Neg(r)
	}
	v := value.BigInt(r.Add(r, doubleToBig(d)))
	// Only the canonical residual of v decodes: re-encode and compare.
	canon := AppendValue(make([]byte, 0, end+1), v, Column{})
	if len(canon) != end+1 {
		return value.Value{}, 0, fmt.Errorf("%w: non-canonical numeric", ErrCorrupt)
	}
	for i := 1; i < len(canon); i++ {
		if canon[i]^flip != b[i-1] {
			return value.Value{}, 0, fmt.Errorf("%w: non-canonical numeric", ErrCorrupt)
		}
	}
	return v, end, nil
}

// numberFromDouble returns an integer for an integral finite double, else a
// real.
func numberFromDouble(d float64) value.Value {
	if math.IsInf(d, 0) || d != math.Trunc(d) { // NaN fails d == Trunc(d)
		return value.Float(d)
	}
	if d >= math.MinInt64 && d < math.MaxInt64 {
		return value.Int(int64(d))
	}
	return value.BigInt(doubleToBig(d))
}

// invert XORs every byte with 0xFF.
func invert(b []byte) {
	for i := range b {
		b[i] = ^b[i]
	}
}
