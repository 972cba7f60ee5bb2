package types

import (
	"math"
	"math/big"

	"github.com/quereus/quereus/storage/value"
)

// operand is a number prepared for arithmetic: exact (an integer, or a
// whole real within ±2^53) or inexact (any other real).
type operand struct {
	exact    bool
	small    bool // exact and fits in i
	i        int64
	b        *big.Int // exact and !small
	f        float64  // the value as a double (always set)
	fromReal bool     // the value was a REAL
}

// operandOf prepares v for a binary operator (lenient text conversion).
// ok is false when the result must be NULL (NULL, blob, JSON operands).
func operandOf(v value.Value, lenient bool) (operand, bool) {
	n, ok := ToNumber(scalarOf(v), lenient)
	if !ok {
		return operand{}, false
	}
	switch n.Kind() {
	case value.KindInteger:
		return operand{exact: true, small: true, i: n.Int(), f: float64(n.Int())}, true
	case value.KindBigInt:
		b := n.Big()
		f, _ := new(big.Float).SetInt(b).Float64()
		return operand{exact: true, b: b, f: f}, true
	}
	f := n.Float()
	if isWhole(f) && math.Abs(f) <= maxSafe {
		return operand{exact: true, small: true, i: int64(f), f: f, fromReal: true}, true
	}
	return operand{f: f, fromReal: true}, true
}

func (o operand) big() *big.Int {
	if o.small {
		return big.NewInt(o.i)
	}
	return o.b
}

// safe reports whether o is an exact integer within ±2^53.
func (o operand) safe() bool { return o.small && inSafe(o.i) }

// floatResult returns f, or NULL when it is not finite.
func floatResult(f float64) value.Value {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return value.Null()
	}
	return value.Float(f)
}

// exactResult returns an exact integer result; when an operand was a REAL
// and the result is a safe integer it stays a REAL (same value).
func exactResult(b *big.Int, fromReal bool) value.Value {
	if fromReal && b.IsInt64() && inSafe(b.Int64()) {
		return value.Float(float64(b.Int64()))
	}
	return value.BigInt(b)
}

func smallResult(i int64, fromReal bool) value.Value {
	if fromReal && inSafe(i) {
		return value.Float(float64(i))
	}
	return value.Int(i)
}

type arithOp int

const (
	opAdd arithOp = iota
	opSub
	opMul
	opDiv
	opMod
)

func arith(a, b value.Value, op arithOp) value.Value {
	// Fast paths: two int64s, or two doubles.
	if a.Kind() == value.KindInteger && b.Kind() == value.KindInteger {
		if r, ok := smallArith(a.Int(), b.Int(), op); ok {
			return r
		}
	} else if a.Kind() == value.KindReal && b.Kind() == value.KindReal && op <= opMul {
		x, y := a.Float(), b.Float()
		switch op {
		case opAdd:
			return floatResult(x + y)
		case opSub:
			return floatResult(x - y)
		}
		return floatResult(x * y)
	}
	if r, ok := mixedFast(a, b, op); ok {
		return r
	}
	x, ok := operandOf(a, true)
	if !ok {
		return value.Null()
	}
	y, ok := operandOf(b, true)
	if !ok {
		return value.Null()
	}
	fromReal := x.fromReal || y.fromReal
	if !x.exact || !y.exact {
		switch op {
		case opAdd:
			return floatResult(x.f + y.f)
		case opSub:
			return floatResult(x.f - y.f)
		case opMul:
			return floatResult(x.f * y.f)
		case opDiv:
			if y.f == 0 {
				return value.Null()
			}
			return floatResult(x.f / y.f)
		default:
			if y.f == 0 {
				return value.Null()
			}
			return floatResult(math.Mod(x.f, y.f))
		}
	}
	if x.small && y.small {
		if r, ok := smallArith(x.i, y.i, op); ok {
			if op == opDiv && r.Kind() == value.KindReal {
				return r
			}
			if r.IsNull() {
				return r
			}
			return smallResult(r.Int(), fromReal)
		}
	}
	bx, by := x.big(), y.big()
	r := new(big.Int)
	switch op {
	case opAdd:
		r.Add(bx, by)
	case opSub:
		r.Sub(bx, by)
	case opMul:
		r.Mul(bx, by)
	case opDiv:
		if by.Sign() == 0 {
			return value.Null()
		}
		if x.safe() && y.safe() {
			return divSafe(x.i, y.i, fromReal)
		}
		r.Quo(bx, by)
	case opMod:
		if by.Sign() == 0 {
			return value.Null()
		}
		r.Rem(bx, by)
	}
	return exactResult(r, fromReal)
}

// mixedFast handles a non-whole REAL with an INTEGER for + - *, which the
// general path would compute in float64 as well.
func mixedFast(a, b value.Value, op arithOp) (value.Value, bool) {
	if op > opMul {
		return value.Null(), false
	}
	var x, y float64
	switch {
	case a.Kind() == value.KindReal && b.Kind() == value.KindInteger && !isWhole(a.Float()):
		x, y = a.Float(), float64(b.Int())
	case a.Kind() == value.KindInteger && b.Kind() == value.KindReal && !isWhole(b.Float()):
		x, y = float64(a.Int()), b.Float()
	default:
		return value.Null(), false
	}
	switch op {
	case opAdd:
		return floatResult(x + y), true
	case opSub:
		return floatResult(x - y), true
	}
	return floatResult(x * y), true
}

// smallArith computes an int64 operation; ok is false on overflow (the
// caller redoes it with big integers). Division of safe operands returns a
// REAL when the quotient is not whole.
func smallArith(a, b int64, op arithOp) (value.Value, bool) {
	switch op {
	case opAdd:
		r := a + b
		if (r > a) != (b > 0) {
			return value.Null(), false
		}
		return value.Int(r), true
	case opSub:
		r := a - b
		if (r < a) != (b > 0) {
			return value.Null(), false
		}
		return value.Int(r), true
	case opMul:
		if a == 0 || b == 0 {
			return value.Int(0), true
		}
		r := a * b
		if r/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
			return value.Null(), false
		}
		return value.Int(r), true
	case opDiv:
		if b == 0 {
			return value.Null(), true
		}
		if !inSafe(a) || !inSafe(b) {
			return value.Null(), false
		}
		if a%b == 0 {
			return value.Int(a / b), true
		}
		return value.Float(float64(a) / float64(b)), true
	default:
		if b == 0 {
			return value.Null(), true
		}
		if b == -1 {
			return value.Int(0), true
		}
		return value.Int(a % b), true
	}
}

func divSafe(a, b int64, fromReal bool) value.Value {
	if a%b == 0 {
		return smallResult(a/b, fromReal)
	}
	return value.Float(float64(a) / float64(b))
}

// Add returns a + b. All arithmetic propagates NULL, converts text per row
// (non-numeric text is 0), treats booleans as 0/1, computes exactly when
// both operands are whole (promoting past int64 to big integers; a whole
// REAL operand within ±2^53 counts as whole), in float64 otherwise, and
// returns NULL for non-finite results. Blob and JSON container operands give
// NULL. A result involving a REAL operand is a REAL unless it is an exact
// integer past 2^53.
func Add(a, b value.Value) value.Value { return arith(a, b, opAdd) }

// Sub returns a - b (see Add).
func Sub(a, b value.Value) value.Value { return arith(a, b, opSub) }

// Mul returns a * b (see Add).
func Mul(a, b value.Value) value.Value { return arith(a, b, opMul) }

// Div returns a / b: real division while both operands are safe integers (a
// whole quotient stays an integer: 20 / 10 = 2, 10 / 3 = 3.3333333333333335),
// the truncated big-integer quotient past 2^53, float division for other
// reals, and NULL when b is zero.
func Div(a, b value.Value) value.Value { return arith(a, b, opDiv) }

// Mod returns a % b: the exact remainder (sign of a) for whole operands,
// fmod for other reals, NULL when b is zero.
func Mod(a, b value.Value) value.Value { return arith(a, b, opMod) }

// unaryOperand prepares the operand of a unary operator: non-numeric text
// (and NULL, blobs, JSON containers) give ok == false, i.e. NULL.
func unaryOperand(a value.Value) (operand, bool) { return operandOf(a, false) }

// Neg returns -a; non-numeric text gives NULL.
func Neg(a value.Value) value.Value {
	x, ok := unaryOperand(a)
	if !ok {
		return value.Null()
	}
	if !x.exact {
		return floatResult(-x.f)
	}
	if x.small && x.i != math.MinInt64 {
		return smallResult(-x.i, x.fromReal)
	}
	return exactResult(new(big.Int).Neg(x.big()), x.fromReal)
}

// Plus returns +a: a number unchanged, numeric text as its number,
// booleans as 0/1, non-numeric text NULL.
func Plus(a value.Value) value.Value {
	n, ok := ToNumber(scalarOf(a), false)
	if !ok {
		return value.Null()
	}
	return n
}

// intOperand is an operand of a bitwise operator as an exact integer: i
// when small, else b.
type intOperand struct {
	b     *big.Int
	i     int64
	small bool
}

// wide returns the operand as a big integer.
func (x intOperand) wide() *big.Int {
	if x.small {
		return big.NewInt(x.i)
	}
	return x.b
}

// integerOperand truncates an operand to an exact integer (reals toward
// zero). ok is false for NULL-producing operands and non-finite reals.
func integerOperand(a value.Value, lenient bool) (intOperand, bool) {
	x, ok := operandOf(a, lenient)
	if !ok {
		return intOperand{}, false
	}
	if x.exact {
		if x.small {
			return intOperand{i: x.i, small: true}, true
		}
		return intOperand{b: x.b}, true
	}
	n, ok := floatToInteger(x.f)
	if !ok {
		return intOperand{}, false
	}
	if n.Kind() == value.KindInteger {
		return intOperand{i: n.Int(), small: true}, true
	}
	return intOperand{b: n.Big()}, true
}

// integerOperands reads both operands of a binary bitwise operator
// (leniently); ok is false when either gives NULL.
func integerOperands(a, b value.Value) (x, y intOperand, ok bool) {
	if x, ok = integerOperand(a, true); !ok {
		return x, y, false
	}
	y, ok = integerOperand(b, true)
	return x, y, ok
}

// BitNot returns ~a = -a-1 over the whole integer domain; reals truncate
// toward zero first; non-numeric text gives NULL.
func BitNot(a value.Value) value.Value {
	x, ok := integerOperand(a, false)
	if !ok {
		return value.Null()
	}
	if x.small {
		return value.Int(^x.i)
	}
	return value.BigInt(new(big.Int).Not(x.b))
}

func bitBinary(a, b value.Value, small func(x, y int64) int64, wide func(z, x, y *big.Int) *big.Int) value.Value {
	x, y, ok := integerOperands(a, b)
	if !ok {
		return value.Null()
	}
	if x.small && y.small {
		return value.Int(small(x.i, y.i))
	}
	return value.BigInt(wide(new(big.Int), x.wide(), y.wide()))
}

// BitAnd returns a & b over arbitrary-precision integers (two's complement).
func BitAnd(a, b value.Value) value.Value {
	return bitBinary(a, b, func(x, y int64) int64 { return x & y }, (*big.Int).And)
}

// BitOr returns a | b over arbitrary-precision integers (two's complement).
func BitOr(a, b value.Value) value.Value {
	return bitBinary(a, b, func(x, y int64) int64 { return x | y }, (*big.Int).Or)
}

// MaxShift bounds shift counts so a shift cannot allocate without limit;
// a left shift by more gives NULL, a right shift by more saturates.
const MaxShift = 4096

func shift(a, b value.Value, left bool) value.Value {
	x, y, ok := integerOperands(a, b)
	if !ok {
		return value.Null()
	}
	bx, iy := x.wide(), y.i
	if !y.small {
		if y.b.Sign() > 0 {
			iy = MaxShift + 1
		} else {
			iy = -MaxShift - 1
		}
	}
	if !left {
		iy = -iy
	}
	switch {
	case iy > MaxShift:
		if bx.Sign() == 0 {
			return value.Int(0)
		}
		return value.Null()
	case iy >= 0:
		return value.BigInt(new(big.Int).Lsh(bx, uint(iy)))
	case iy < -MaxShift:
		if bx.Sign() < 0 {
			return value.Int(-1)
		}
		return value.Int(0)
	}
	return value.BigInt(new(big.Int).Rsh(bx, uint(-iy)))
}

// Shl returns a << b (a negative b shifts right).
func Shl(a, b value.Value) value.Value { return shift(a, b, true) }

// Shr returns a >> b, an arithmetic shift (a negative b shifts left).
func Shr(a, b value.Value) value.Value { return shift(a, b, false) }

// Concat returns a || b: NULL if either is NULL, else the concatenated text
// of both (ToText).
func Concat(a, b value.Value) value.Value {
	if a.IsNull() || b.IsNull() {
		return value.Null()
	}
	return value.Text(ToText(a) + ToText(b))
}
