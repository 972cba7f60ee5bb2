package keyenc

import (
	"bytes"
	"math"
	"math/big"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// This file holds the reference order the encoding must reproduce, written
// independently of the encoder: NULL < numbers (exact value; -Inf < finite <
// +Inf < NaN) < text (collation Compare) < blob (bytes) < JSON (canonical
// key text).

func kindRank(v value.Value) int {
	switch v.Kind() {
	case value.KindNull:
		return 0
	case value.KindInteger, value.KindBigInt, value.KindReal, value.KindBoolean:
		return 1
	case value.KindText:
		return 2
	case value.KindBlob:
		return 3
	default:
		return 4
	}
}

// numericClass splits numbers into -Inf (0), finite (1), +Inf (2), NaN (3),
// returning the exact rational of a finite one.
func numericClass(v value.Value) (int, *big.Rat) {
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt:
		return 1, new(big.Rat).SetInt(v.Big())
	case value.KindBoolean:
		if v.Bool() {
			return 1, big.NewRat(1, 1)
		}
		return 1, big.NewRat(0, 1)
	}
	f := v.Float()
	switch {
	case math.IsNaN(f):
		return 3, nil
	case math.IsInf(f, -1):
		return 0, nil
	case math.IsInf(f, 1):
		return 2, nil
	}
	return 1, new(big.Rat).SetFloat64(f)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// refCompare orders two values under coll in ascending order.
func refCompare(a, b value.Value, coll *collation.Collation) int {
	if ra, rb := kindRank(a), kindRank(b); ra != rb {
		return cmpInt(ra, rb)
	}
	switch kindRank(a) {
	case 0:
		return 0
	case 1:
		ca, qa := numericClass(a)
		cb, qb := numericClass(b)
		if ca != cb || ca != 1 {
			return cmpInt(ca, cb)
		}
		return qa.Cmp(qb)
	case 2:
		return sign(coll.Compare(a.Text(), b.Text()))
	case 3:
		return bytes.Compare(a.Blob(), b.Blob())
	default:
		// JSON orders by its canonical key text (json.go), not structurally.
		return bytes.Compare(appendJSONKey(nil, a.JSONDoc()), appendJSONKey(nil, b.JSONDoc()))
	}
}

// refCompareTuples orders tuples component by component, honouring DESC.
func refCompareTuples(a, b []value.Value, cols []Column) int {
	for i := range a {
		c := refCompare(a[i], b[i], cols[i].Collation)
		if cols[i].Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

func sign(x int) int {
	return cmpInt(x, 0)
}

func copySignZero() float64 { return math.Copysign(0, -1) }

func nanBits(u uint64) float64 { return math.Float64frombits(u) }

func compareBytes(a, b []byte) int { return bytes.Compare(a, b) }
