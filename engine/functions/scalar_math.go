package functions

import (
	"math"
	"math/big"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Math functions. Arguments convert like arithmetic operands, but a
// non-numeric value (text that is not a number, blob, JSON) gives NULL, as
// does NULL; a non-finite result (sqrt(-1), ln(0)) is NULL. Statically
// textual arguments are rejected at plan time (numericGate).

func init() {
	abs := numericDef("abs", 1, 1, types.Numeric, fnAbs)
	abs.ReturnTypeFunc = sameAsFirstNumeric
	round := numericDef("round", 1, 2, types.Numeric, fnRound)
	round.ReturnTypeFunc = sameAsFirstNumeric
	floor := numericDef("floor", 1, 1, types.Numeric, wholeFn(math.Floor))
	floor.ReturnTypeFunc = sameAsFirstNumeric
	ceil := numericDef("ceil", 1, 1, types.Numeric, wholeFn(math.Ceil))
	ceil.ReturnTypeFunc = sameAsFirstNumeric
	ceiling := numericDef("ceiling", 1, 1, types.Numeric, wholeFn(math.Ceil))
	ceiling.ReturnTypeFunc = sameAsFirstNumeric
	trunc := numericDef("trunc", 1, 1, types.Numeric, wholeFn(math.Trunc))
	trunc.ReturnTypeFunc = sameAsFirstNumeric
	clamp := numericDef("clamp", 3, 3, types.Numeric, fnClamp)
	clamp.ReturnTypeFunc = commonType
	sign := numericDef("sign", 1, 1, types.Integer, fnSign)
	register(abs, round, floor, ceil, ceiling, trunc, clamp, sign,
		realFn("sqrt", math.Sqrt), realFn("exp", math.Exp), realFn("ln", math.Log),
		realFn("log2", math.Log2), realFn("log10", math.Log10),
		realFn("sin", math.Sin), realFn("cos", math.Cos), realFn("tan", math.Tan),
		realFn("asin", math.Asin), realFn("acos", math.Acos), realFn("atan", math.Atan),
		realFn("sinh", math.Sinh), realFn("cosh", math.Cosh), realFn("tanh", math.Tanh),
		realFn("asinh", math.Asinh), realFn("acosh", math.Acosh), realFn("atanh", math.Atanh),
		realFn("degrees", func(x float64) float64 { return x * 180 / math.Pi }),
		realFn("radians", func(x float64) float64 { return x * math.Pi / 180 }),
		realFn2("pow", math.Pow), realFn2("power", math.Pow), realFn2("atan2", math.Atan2),
		realFn2("mod", math.Mod),
		numericDef("log", 1, 2, types.Real, fnLog),
		scalarDef("pi", 0, 0, types.Real, func([]value.Value) (value.Value, error) {
			return value.Float(math.Pi), nil
		}),
	)
}

// numArg converts a math argument to a number; ok is false when the result
// must be NULL.
func numArg(v value.Value) (value.Value, bool) { return types.ToNumber(v, false) }

// realResult returns f as a REAL (NULL when not finite; -0 becomes 0).
func realResult(f float64) value.Value {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return value.Null()
	}
	return value.Float(f + 0)
}

func realFn(name string, fn func(float64) float64) Def {
	return numericDef(name, 1, 1, types.Real, func(a []value.Value) (value.Value, error) {
		n, ok := numArg(a[0])
		if !ok {
			return value.Null(), nil
		}
		return realResult(fn(types.ToFloat(n))), nil
	})
}

func realFn2(name string, fn func(x, y float64) float64) Def {
	return numericDef(name, 2, 2, types.Real, func(a []value.Value) (value.Value, error) {
		x, ok := numArg(a[0])
		if !ok {
			return value.Null(), nil
		}
		y, ok := numArg(a[1])
		if !ok {
			return value.Null(), nil
		}
		return realResult(fn(types.ToFloat(x), types.ToFloat(y))), nil
	})
}

// fnLog is log(x) (base 10, as in SQLite) or log(b, x).
func fnLog(a []value.Value) (value.Value, error) {
	x, ok := numArg(a[len(a)-1])
	if !ok {
		return value.Null(), nil
	}
	if len(a) == 1 {
		return realResult(math.Log10(types.ToFloat(x))), nil
	}
	b, ok := numArg(a[0])
	if !ok {
		return value.Null(), nil
	}
	return realResult(math.Log(types.ToFloat(x)) / math.Log(types.ToFloat(b))), nil
}

func fnAbs(a []value.Value) (value.Value, error) {
	n, ok := numArg(a[0])
	if !ok {
		return value.Null(), nil
	}
	switch n.Kind() {
	case value.KindInteger:
		i := n.Int()
		if i >= 0 {
			return n, nil
		}
		if i == math.MinInt64 {
			return value.BigInt(new(big.Int).Neg(n.Big())), nil
		}
		return value.Int(-i), nil
	case value.KindBigInt:
		return value.BigInt(new(big.Int).Abs(n.Big())), nil
	}
	return value.Float(math.Abs(n.Float())), nil
}

// wholeFn applies floor/ceil/trunc: integers are already whole.
func wholeFn(fn func(float64) float64) ScalarFunc {
	return func(a []value.Value) (value.Value, error) {
		n, ok := numArg(a[0])
		if !ok {
			return value.Null(), nil
		}
		if n.Kind() != value.KindReal {
			return n, nil
		}
		return realResult(fn(n.Float())), nil
	}
}

// fnRound rounds half away from zero to d decimal places (d may be
// negative; a NULL d counts as 0). Integers stay integers.
func fnRound(a []value.Value) (value.Value, error) {
	n, ok := numArg(a[0])
	if !ok {
		return value.Null(), nil
	}
	var d int64
	if len(a) > 1 && !a[1].IsNull() {
		if d, ok = intArg(a[1]); !ok {
			return value.Null(), nil
		}
	}
	if n.Kind() != value.KindReal {
		if d >= 0 {
			return n, nil
		}
		return roundInteger(n, d), nil
	}
	x := n.Float()
	if d > 15 || math.IsInf(x, 0) || math.IsNaN(x) {
		return realResult(x), nil
	}
	if d < -308 {
		return value.Float(0), nil
	}
	p := math.Pow(10, float64(d))
	r := math.Round(x*p) / p
	if math.IsInf(x*p, 0) {
		r = x
	}
	return realResult(r), nil
}

// roundInteger rounds an exact integer to a negative number of decimal
// places, half away from zero.
func roundInteger(n value.Value, d int64) value.Value {
	if d < -400 {
		return value.Int(0)
	}
	b := n.Big()
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-d), nil)
	q, r := new(big.Int).QuoRem(b, p, new(big.Int))
	twice := new(big.Int).Abs(r)
	twice.Lsh(twice, 1)
	if twice.Cmp(p) >= 0 {
		if b.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return value.BigInt(q.Mul(q, p))
}

func fnClamp(a []value.Value) (value.Value, error) {
	var nums [3]value.Value
	for i, v := range a {
		n, ok := numArg(v)
		if !ok {
			return value.Null(), nil
		}
		nums[i] = n
	}
	if types.Compare(nums[0], nums[1], nil) < 0 {
		return nums[1], nil
	}
	if types.Compare(nums[0], nums[2], nil) > 0 {
		return nums[2], nil
	}
	return nums[0], nil
}

func fnSign(a []value.Value) (value.Value, error) {
	n, ok := numArg(a[0])
	if !ok {
		return value.Null(), nil
	}
	if n.Kind() == value.KindReal && math.IsNaN(n.Float()) {
		return value.Null(), nil
	}
	return value.Int(int64(types.Compare(n, value.Int(0), nil))), nil
}
