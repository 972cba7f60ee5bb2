package keyenc

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// Random and edge-case values for the property tests.

func bigFrom(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("bad big literal " + s)
	}
	return b
}

func pow2(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }

func addBig(a *big.Int, k int64) *big.Int { return new(big.Int).Add(a, big.NewInt(k)) }

// edgeNumbers are the numeric values where an encoding is most likely wrong.
func edgeNumbers() []value.Value {
	vals := []value.Value{
		value.Int(0), value.Int(1), value.Int(-1), value.Int(5), value.Float(5),
		value.Bool(true), value.Bool(false), value.Float(0.5), value.Float(-1.5),
		value.Float(math.Copysign(0, -1)), value.Float(0),
		value.Int(math.MaxInt64), value.Int(math.MaxInt64 - 1), value.Int(math.MaxInt64 - 512),
		value.Int(math.MaxInt64 - 513), value.Int(math.MaxInt64 - 1024),
		value.Int(math.MinInt64), value.Int(math.MinInt64 + 1), value.Int(math.MinInt64 + 512),
		value.Int(1 << 53), value.Int(1<<53 + 1), value.Int(1<<53 - 1), value.Int(-(1 << 53)), value.Int(-(1<<53 + 1)),
		value.Int(1<<54 + 2), value.Int(1<<54 + 1), value.Int(1<<54 + 3),
		value.Float(1 << 53), value.Float(1<<53 + 2), value.Float(1 << 63), value.Float(-(1 << 63)),
		value.Float(math.Nextafter(1<<63, 0)), value.Float(math.Nextafter(1<<63, math.Inf(1))),
		value.Float(math.Inf(1)), value.Float(math.Inf(-1)), value.Float(math.NaN()),
		value.Float(math.Float64frombits(0xFFF8000000000001)), value.Float(math.Float64frombits(0x7FF0000000000001)),
		value.Float(math.MaxFloat64), value.Float(-math.MaxFloat64), value.Float(math.SmallestNonzeroFloat64),
		value.Float(-math.SmallestNonzeroFloat64), value.Float(1e300), value.Float(1e-300),
	}
	maxF := doubleToBig(math.MaxFloat64)
	bigs := []*big.Int{
		pow2(63), addBig(pow2(63), 1), addBig(pow2(63), 2048), new(big.Int).Neg(addBig(pow2(63), 1)),
		pow2(64), addBig(pow2(64), 1), addBig(pow2(64), -1), new(big.Int).Neg(pow2(64)),
		bigFrom("99999999999999999999999999"), bigFrom("-99999999999999999999999999"),
		bigFrom("12345678901234567890"), doubleToBig(1e300), addBig(doubleToBig(1e300), 1), addBig(doubleToBig(1e300), -1),
		maxF, addBig(maxF, 1), addBig(maxF, -1), pow2(1024), addBig(pow2(1024), -1), addBig(pow2(1024), 1),
		new(big.Int).Sub(pow2(1024), pow2(970)), addBig(new(big.Int).Sub(pow2(1024), pow2(970)), -1),
		new(big.Int).Neg(pow2(1024)), new(big.Int).Neg(addBig(maxF, 1)),
		new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil), new(big.Int).Neg(new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil)),
		addBig(new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil), 1),
		pow2(3000), addBig(pow2(3000), -1),
	}
	for _, b := range bigs {
		vals = append(vals, value.BigInt(b))
	}
	return vals
}

var (
	textAlphabet = []string{"a", "A", "b", "B", " ", "\x00", "\x01", "\x02", "\xfe", "\xff", "é", "É", "İ", "Σ", "ς", "😀", "z"}
	blobAlphabet = []byte{0x00, 0x01, 0x02, 'a', 0xFE, 0xFF}
	jsonTexts    = []string{`null`, `true`, `1`, `1.0`, `"a"`, `[1,2]`, `{"a":1}`, `{"a":[null,{"b":"\u0000"}]}`, `[]`}
)

// randomValue draws a value of any kind, biased towards edge cases.
func randomValue(r *rand.Rand, edges []value.Value) value.Value {
	switch r.IntN(12) {
	case 0:
		return value.Null()
	case 1, 2, 3:
		return edges[r.IntN(len(edges))]
	case 4:
		return randomNumberNear(r)
	case 5:
		return value.Int(int64(r.Uint64()))
	case 6:
		return value.Float(math.Float64frombits(r.Uint64()))
	case 7, 8:
		return value.Text(randomString(r, textAlphabet))
	case 9:
		b := make([]byte, r.IntN(5))
		for i := range b {
			b[i] = blobAlphabet[r.IntN(len(blobAlphabet))]
		}
		return value.Blob(b)
	case 10:
		v, err := value.ParseJSON(jsonTexts[r.IntN(len(jsonTexts))])
		if err != nil {
			panic(err)
		}
		return v
	default:
		return value.Int(int64(r.IntN(7)) - 3)
	}
}

// randomNumberNear returns an integer or a double close to a large double, where
// residuals are non-zero.
func randomNumberNear(r *rand.Rand) value.Value {
	exp := 53 + r.IntN(80)
	if r.IntN(8) == 0 {
		exp = 1000 + r.IntN(40) // near and past the double range
	}
	d := math.Ldexp(1+r.Float64(), exp)
	if math.IsInf(d, 0) {
		d = math.MaxFloat64
	}
	if r.IntN(2) == 0 {
		d = -d
	}
	switch r.IntN(3) {
	case 0:
		return value.Float(d)
	case 1:
		return value.BigInt(addBig(doubleToBig(d), int64(r.IntN(4097))-2048))
	default:
		// An integer in the middle of the gap between two doubles.
		next := math.Nextafter(d, math.Inf(1))
		if math.IsInf(next, 0) {
			next = d
		}
		mid := new(big.Int).Add(doubleToBig(d), doubleToBig(next))
		return value.BigInt(mid.Rsh(mid, 1))
	}
}

func randomString(r *rand.Rand, alphabet []string) string {
	n := r.IntN(5)
	s := ""
	for range n {
		s += alphabet[r.IntN(len(alphabet))]
	}
	return s
}

var allCollations = []*collation.Collation{collation.Binary, collation.NoCase, collation.RTrim}

func randomColumns(r *rand.Rand, n int) []Column {
	cols := make([]Column, n)
	for i := range cols {
		cols[i] = Column{Collation: allCollations[r.IntN(len(allCollations))], Desc: r.IntN(2) == 0}
	}
	return cols
}
