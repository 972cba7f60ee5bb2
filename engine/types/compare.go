package types

import (
	"encoding/json"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// class is the cross-kind ordering class of a value.
func class(k value.Kind) int {
	switch k {
	case value.KindNull:
		return 0
	case value.KindInteger, value.KindBigInt, value.KindReal, value.KindBoolean:
		return 1
	case value.KindText:
		return 2
	case value.KindBlob:
		return 3
	}
	return 4 // JSON
}

// Compare is the total order used for sorting, grouping, DISTINCT, min/max
// and keys: NULL < numbers (integers, big integers, reals and booleans by
// exact value; NaN after every number) < text (by coll; nil is BINARY)
// < blob (bytewise) < JSON (structurally: null < booleans < numbers <
// strings < arrays < objects). It returns -1, 0 or +1.
func Compare(a, b value.Value, coll *collation.Collation) int {
	ka, kb := a.Kind(), b.Kind()
	if ka == value.KindInteger && kb == value.KindInteger {
		return cmpInt(a.Int(), b.Int())
	}
	ca, cb := class(ka), class(kb)
	if ca != cb {
		return sign(ca - cb)
	}
	switch ca {
	case 0:
		return 0
	case 1:
		return compareNumbers(a, b)
	case 2:
		if coll == nil {
			return strings.Compare(a.Text(), b.Text())
		}
		return sign(coll.Compare(a.Text(), b.Text()))
	case 3:
		return strings.Compare(a.Text(), b.Text())
	}
	return compareJSON(a.JSONDoc(), b.JSONDoc())
}

func sign(c int) int {
	switch {
	case c < 0:
		return -1
	case c > 0:
		return 1
	}
	return 0
}

// intOf returns the int64 of an integer or boolean value.
func intOf(v value.Value) (int64, bool) {
	switch v.Kind() {
	case value.KindInteger:
		return v.Int(), true
	case value.KindBoolean:
		if v.Bool() {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// compareNumbers orders two numeric values by exact value.
func compareNumbers(a, b value.Value) int {
	ia, aInt := intOf(a)
	ib, bInt := intOf(b)
	if aInt && bInt {
		return cmpInt(ia, ib)
	}
	ra, rb := a.Kind() == value.KindReal, b.Kind() == value.KindReal
	if ra && rb {
		return cmpFloat(a.Float(), b.Float())
	}
	if ra && bInt && inSafe(ib) {
		return cmpFloat(a.Float(), float64(ib))
	}
	if rb && aInt && inSafe(ia) {
		return cmpFloat(float64(ia), b.Float())
	}
	// Exact comparison through big numbers (big integers, or an int64 past
	// 2^53 against a real).
	return cmpExact(a, b)
}

func inSafe(i int64) bool { return i >= -maxSafe && i <= maxSafe }

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpFloat orders doubles with NaN after everything (and equal to itself).
func cmpFloat(a, b float64) int {
	an, bn := math.IsNaN(a), math.IsNaN(b)
	switch {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpExact compares two numbers where at least one is not an int64, or an
// int64 outside the safe range meets a real.
func cmpExact(a, b value.Value) int {
	if a.Kind() == value.KindReal && math.IsNaN(a.Float()) {
		if b.Kind() == value.KindReal && math.IsNaN(b.Float()) {
			return 0
		}
		return 1
	}
	if b.Kind() == value.KindReal && math.IsNaN(b.Float()) {
		return -1
	}
	return bigFloatOf(a).Cmp(bigFloatOf(b))
}

// bigFloatOf returns a number as an exact big.Float (±Inf kept).
func bigFloatOf(v value.Value) *big.Float {
	switch v.Kind() {
	case value.KindReal:
		return new(big.Float).SetFloat64(v.Float())
	case value.KindBigInt:
		return new(big.Float).SetInt(v.Big())
	}
	i, _ := intOf(v)
	return new(big.Float).SetInt64(i)
}

// compareJSON orders JSON documents: null < booleans < numbers < strings <
// arrays < objects; arrays element-wise then by length; objects by their
// sorted key lists, then by values in key order.
func compareJSON(a, b any) int {
	ra, rb := jsonRank(a), jsonRank(b)
	if ra != rb {
		return sign(ra - rb)
	}
	switch x := a.(type) {
	case bool:
		y := b.(bool)
		switch {
		case x == y:
			return 0
		case !x:
			return -1
		}
		return 1
	case json.Number, float64, int, int64:
		return compareJSONNumbers(jsonNumber(x), jsonNumber(b))
	case string:
		return strings.Compare(x, b.(string))
	case []any:
		y := b.([]any)
		for i := 0; i < len(x) && i < len(y); i++ {
			if c := compareJSON(x[i], y[i]); c != 0 {
				return c
			}
		}
		return cmpInt(int64(len(x)), int64(len(y)))
	case map[string]any:
		y := b.(map[string]any)
		kx, ky := slices.Sorted(maps.Keys(x)), slices.Sorted(maps.Keys(y))
		for i := 0; i < len(kx) && i < len(ky); i++ {
			if c := strings.Compare(kx[i], ky[i]); c != 0 {
				return c
			}
		}
		if c := cmpInt(int64(len(kx)), int64(len(ky))); c != 0 {
			return c
		}
		for _, k := range kx {
			if c := compareJSON(x[k], y[k]); c != 0 {
				return c
			}
		}
	}
	return 0
}

// jsonNumber spells any numeric document node as a json.Number (documents
// normally hold json.Number; float64 and int nodes are tolerated).
func jsonNumber(v any) json.Number {
	switch n := v.(type) {
	case json.Number:
		return n
	case float64:
		return json.Number(FormatReal(n))
	case int:
		return json.Number(strconv.Itoa(n))
	case int64:
		return json.Number(strconv.FormatInt(n, 10))
	}
	return "0"
}

func jsonRank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case bool:
		return 1
	case json.Number, float64, int, int64:
		return 2
	case string:
		return 3
	case []any:
		return 4
	case map[string]any:
		return 5
	}
	return 6
}

func compareJSONNumbers(a, b json.Number) int {
	if a == b {
		return 0
	}
	fa, _, errA := big.ParseFloat(string(a), 10, 256, big.ToNearestEven)
	fb, _, errB := big.ParseFloat(string(b), 10, 256, big.ToNearestEven)
	if errA != nil || errB != nil {
		return strings.Compare(string(a), string(b))
	}
	return fa.Cmp(fb)
}

// CompareSQL is SQL comparison: ok is false when either side is NULL
// (UNKNOWN); otherwise c is Compare(a, b, coll).
func CompareSQL(a, b value.Value, coll *collation.Collation) (c int, ok bool) {
	if a.IsNull() || b.IsNull() {
		return 0, false
	}
	return Compare(a, b, coll), true
}

// SameValue reports whether a and b are identical for DISTINCT and GROUP BY
// purposes (NULLs are equal to each other); it is Compare(a, b, coll) == 0.
func SameValue(a, b value.Value, coll *collation.Collation) bool {
	return Compare(a, b, coll) == 0
}

func tri(a, b value.Value, coll *collation.Collation, pred func(int) bool) value.Value {
	c, ok := CompareSQL(a, b, coll)
	if !ok {
		return value.Null()
	}
	return value.Bool(pred(c))
}

// Equal returns a = b as a three-valued boolean (value.Bool or NULL).
func Equal(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c == 0 })
}

// NotEqual returns a != b as a three-valued boolean.
func NotEqual(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c != 0 })
}

// Less returns a < b as a three-valued boolean.
func Less(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c < 0 })
}

// LessEqual returns a <= b as a three-valued boolean.
func LessEqual(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c <= 0 })
}

// Greater returns a > b as a three-valued boolean.
func Greater(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c > 0 })
}

// GreaterEqual returns a >= b as a three-valued boolean.
func GreaterEqual(a, b value.Value, coll *collation.Collation) value.Value {
	return tri(a, b, coll, func(c int) bool { return c >= 0 })
}

// Truthy interprets v as a condition (WHERE, CASE WHEN, NOT, AND, OR, iif):
// NULL is unknown; booleans are themselves; numbers are true when non-zero
// (NaN is false); text is true when it is numeric and non-zero ("1" true,
// "abc" and "" false); blobs are false; a JSON document is true only when it
// is true or a non-zero number.
func Truthy(v value.Value) (isTrue, isNull bool) {
	switch v.Kind() {
	case value.KindNull:
		return false, true
	case value.KindBoolean:
		return v.Bool(), false
	case value.KindInteger:
		return v.Int() != 0, false
	case value.KindBigInt:
		return true, false
	case value.KindReal:
		f := v.Float()
		return f != 0 && !math.IsNaN(f), false
	case value.KindText:
		n, ok := ParseNumber(v.Text())
		if !ok {
			return false, false
		}
		return Truthy(n)
	case value.KindJSON:
		switch d := v.JSONDoc().(type) {
		case bool:
			return d, false
		case json.Number:
			if n, ok := ParseNumber(string(d)); ok {
				return Truthy(n)
			}
		}
	}
	return false, false
}
