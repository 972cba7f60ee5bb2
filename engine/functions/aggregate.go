package functions

import (
	"math"
	"math/big"
	"strings"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Builtin aggregates: count, sum, total, avg, min, max, group_concat,
// string_agg, string_concat, var_pop, var_samp, stddev_pop, stddev_samp.
// NULL arguments are skipped by all of them (count(*) counts rows). The
// numeric aggregates coerce numeric text to numbers and skip other
// non-numeric values; min and max compare numeric-looking text as numbers.

func init() {
	minDef := aggDef("min", 1, 1, types.Any, func() Aggregate { return &extremeAgg{dir: -1} })
	minDef.ReturnTypeFunc = func(a []types.Type) types.Type { return a[0] }
	maxDef := aggDef("max", 1, 1, types.Any, func() Aggregate { return &extremeAgg{dir: 1} })
	maxDef.ReturnTypeFunc = func(a []types.Type) types.Type { return a[0] }
	register(
		aggDef("count", 0, 1, types.Integer, func() Aggregate { return &countAgg{} }),
		aggDef("sum", 1, 1, types.Numeric, func() Aggregate { return &sumAgg{} }),
		aggDef("total", 1, 1, types.Real, func() Aggregate { return &totalAgg{} }),
		aggDef("avg", 1, 1, types.Real, func() Aggregate { return &avgAgg{} }),
		minDef, maxDef,
		aggDef("group_concat", 1, 2, types.Text, func() Aggregate { return &concatAgg{} }),
		aggDef("string_concat", 1, 2, types.Text, func() Aggregate { return &concatAgg{} }),
		aggDef("string_agg", 2, 2, types.Text, func() Aggregate { return &concatAgg{} }),
		aggDef("var_pop", 1, 1, types.Real, func() Aggregate { return &varianceAgg{} }),
		aggDef("var_samp", 1, 1, types.Real, func() Aggregate { return &varianceAgg{sample: true} }),
		aggDef("stddev_pop", 1, 1, types.Real, func() Aggregate { return &varianceAgg{sqrt: true} }),
		aggDef("stddev_samp", 1, 1, types.Real, func() Aggregate { return &varianceAgg{sample: true, sqrt: true} }),
	)
}

func aggDef(name string, minArgs, maxArgs int, ret types.Type, mk func() Aggregate) Def {
	return Def{Name: name, MinArgs: minArgs, MaxArgs: maxArgs, Deterministic: true, NewAggregate: mk, ReturnType: ret}
}

// aggNumber converts an aggregate argument to a number; ok is false for
// NULL and non-numeric values (skipped).
func aggNumber(v value.Value) (value.Value, bool) { return types.ToNumber(v, false) }

// countAgg counts rows (count(*)) or non-NULL values (count(x)).
type countAgg struct{ n int64 }

func (a *countAgg) Step(args []value.Value) error {
	if len(args) == 0 || !args[0].IsNull() {
		a.n++
	}
	return nil
}

func (a *countAgg) Inverse(args []value.Value) error {
	if len(args) == 0 || !args[0].IsNull() {
		a.n--
	}
	return nil
}

func (a *countAgg) Result() (value.Value, error) { return value.Int(a.n), nil }

// splitSum keeps an exact integer part and a floating-point part separately
// so the result does not depend on the order of the rows: integers and
// whole reals within ±2^53 join the exact part; other reals (fractions,
// whole values past 2^53, non-finite values) join the float part, summed
// left to right. The parts meet only in the result.
type splitSum struct {
	n       int64    // numeric values seen
	small   int64    // exact part while it fits in int64
	wide    *big.Int // exact part once it does not (then small is unused)
	floats  float64  // float part
	nFloat  int64    // values in the float part
	sawReal bool     // some input was a REAL
}

func (s *splitSum) add(n value.Value, sign int64) {
	s.n += sign
	switch n.Kind() {
	case value.KindInteger:
		s.addExact(n.Int(), nil, sign)
		return
	case value.KindBigInt:
		s.addExact(0, n.Big(), sign)
		return
	}
	f := n.Float()
	s.sawReal = true
	if !math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		s.addExact(int64(f), nil, sign)
		return
	}
	s.nFloat += sign
	if sign > 0 {
		s.floats += f
	} else {
		s.floats -= f
	}
}

// addExact adds (sign > 0) or subtracts i (or b when not nil).
func (s *splitSum) addExact(i int64, b *big.Int, sign int64) {
	if b == nil && s.wide == nil {
		if sign > 0 {
			if r := s.small + i; (r > s.small) == (i > 0) {
				s.small = r
				return
			}
		} else if r := s.small - i; (r < s.small) == (i > 0) {
			s.small = r
			return
		}
	}
	if s.wide == nil {
		s.wide = big.NewInt(s.small)
	}
	if b == nil {
		b = big.NewInt(i)
	}
	if sign < 0 {
		s.wide.Sub(s.wide, b)
	} else {
		s.wide.Add(s.wide, b)
	}
}

func (s *splitSum) exact() *big.Int {
	if s.wide != nil {
		return s.wide
	}
	return big.NewInt(s.small)
}

// value returns the sum: exact when no float part is involved (a REAL
// input keeps a REAL result while it is a safe integer), otherwise the
// float part plus the exact part as a double.
func (s *splitSum) value() value.Value {
	if s.nFloat == 0 {
		e := s.exact()
		if s.sawReal && e.IsInt64() && math.Abs(float64(e.Int64())) <= 1<<53 {
			return value.Float(float64(e.Int64()))
		}
		return value.BigInt(e)
	}
	return value.Float(s.floats + s.exactFloat())
}

func (s *splitSum) exactFloat() float64 {
	if s.wide == nil {
		return float64(s.small)
	}
	f, _ := new(big.Float).SetInt(s.wide).Float64()
	return f
}

// sumAgg is sum(x): NULL for no numeric input.
type sumAgg struct{ s splitSum }

func (a *sumAgg) Step(args []value.Value) error {
	if n, ok := aggNumber(args[0]); ok {
		a.s.add(n, 1)
	}
	return nil
}

func (a *sumAgg) Inverse(args []value.Value) error {
	if n, ok := aggNumber(args[0]); ok {
		a.s.add(n, -1)
	}
	return nil
}

func (a *sumAgg) Result() (value.Value, error) {
	if a.s.n == 0 {
		return value.Null(), nil
	}
	return a.s.value(), nil
}

// totalAgg is total(x): a float sum, 0.0 for no input.
type totalAgg struct{ sumAgg }

func (a *totalAgg) Result() (value.Value, error) {
	if a.s.n == 0 {
		return value.Float(0), nil
	}
	v := a.s.value()
	if v.Kind() == value.KindReal {
		return v, nil
	}
	f, _ := new(big.Float).SetInt(v.Big()).Float64()
	return value.Float(f), nil
}

// avgAgg is avg(x): the float mean of the numeric values, NULL for none.
type avgAgg struct{ sumAgg }

func (a *avgAgg) Result() (value.Value, error) {
	if a.s.n == 0 {
		return value.Null(), nil
	}
	t, _ := (&totalAgg{a.sumAgg}).Result()
	return value.Float(t.Float() / float64(a.s.n)), nil
}

// extremeAgg is min (dir -1) or max (dir 1). It does not support Inverse
// (the engine recomputes sliding frames for it).
type extremeAgg struct {
	dir  int
	typ  types.Type
	coll *collation.Collation
	best value.Value
	have bool
}

func (a *extremeAgg) SetCollation(c *collation.Collation) { a.coll = c }

func (a *extremeAgg) SetArgType(t types.Type) { a.typ = t }

func (a *extremeAgg) Step(args []value.Value) error {
	v := args[0]
	if v.IsNull() {
		return nil
	}
	if v.Kind() == value.KindText {
		if n, ok := types.ParseNumber(v.Text()); ok {
			v = n
		}
	}
	if !a.have || types.CompareAs(v, a.best, a.typ, a.coll)*a.dir > 0 {
		a.best, a.have = v, true
	}
	return nil
}

func (a *extremeAgg) Result() (value.Value, error) { return a.best, nil }

// concatAgg is group_concat(x[, sep]) / string_agg(x, sep): the text of the
// non-NULL values joined by sep (default ","; a NULL sep also means ",").
// The separator is read per row, as in SQLite.
type concatAgg struct {
	b    strings.Builder
	have bool
}

func (a *concatAgg) Step(args []value.Value) error {
	if args[0].IsNull() {
		return nil
	}
	if a.have {
		sep := ","
		if len(args) > 1 && !args[1].IsNull() {
			sep = types.ToText(args[1])
		}
		a.b.WriteString(sep)
	}
	a.b.WriteString(types.ToText(args[0]))
	a.have = true
	if a.b.Len() > MaxResultLen {
		return errTooBig("group_concat")
	}
	return nil
}

func (a *concatAgg) Result() (value.Value, error) {
	if !a.have {
		return value.Null(), nil
	}
	return value.Text(a.b.String()), nil
}

// varianceAgg computes var_pop, var_samp, stddev_pop and stddev_samp from
// the running sum and sum of squares (as Quereus does):
// var_pop = sumsq/n - (sum/n)^2, var_samp = (sumsq - sum^2/n)/(n-1).
type varianceAgg struct {
	sample, sqrt bool
	n            int64
	sum, sumsq   float64
}

func (a *varianceAgg) Step(args []value.Value) error {
	if n, ok := aggNumber(args[0]); ok {
		f := types.ToFloat(n)
		a.n++
		a.sum += f
		a.sumsq += f * f
	}
	return nil
}

func (a *varianceAgg) Inverse(args []value.Value) error {
	if n, ok := aggNumber(args[0]); ok {
		f := types.ToFloat(n)
		a.n--
		a.sum -= f
		a.sumsq -= f * f
	}
	return nil
}

func (a *varianceAgg) Result() (value.Value, error) {
	if a.n == 0 || (a.sample && a.n < 2) {
		return value.Null(), nil
	}
	n := float64(a.n)
	var v float64
	if a.sample {
		v = (a.sumsq - a.sum*a.sum/n) / (n - 1)
	} else {
		v = a.sumsq/n - (a.sum/n)*(a.sum/n)
	}
	if v < 0 {
		v = 0
	}
	if a.sqrt {
		v = math.Sqrt(v)
	}
	return realResult(v), nil
}
