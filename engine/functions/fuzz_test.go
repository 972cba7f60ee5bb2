package functions

import (
	"math"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
)

// FuzzBuiltinsTotal calls every builtin scalar and aggregate with argument
// tuples drawn from a pool of edge values: nothing may panic, and results
// of scalars must be finite numbers when they are reals and the arguments
// are finite.
func FuzzBuiltinsTotal(f *testing.F) {
	f.Add(int64(0), 1.5, "abc", []byte{1, 2})
	f.Add(int64(math.MinInt64), math.Inf(1), "%s%d%*.*f", []byte{})
	f.Add(int64(math.MaxInt64), math.NaN(), "PT1H", []byte{0xff})
	f.Add(int64(-1), -0.0, "", []byte("x"))
	f.Fuzz(func(t *testing.T, n int64, r float64, s string, b []byte) {
		if len(s) > 64 || len(b) > 64 {
			return
		}
		pool := []value.Value{
			value.Null(), value.Int(n), value.Float(r), value.Text(s), value.Blob(b),
			value.Bool(n%2 == 0), value.Int(n % 1000), value.JSON(map[string]any{"a": []any{s}}),
		}
		for _, d := range windowDefs {
			for nargs := d.MinArgs; nargs <= d.MaxArgs; nargs++ {
				rows := make([][]value.Value, 3)
				for r := range rows {
					rows[r] = make([]value.Value, nargs)
					for k := range rows[r] {
						rows[r][k] = pool[(int(uint64(n)%89)+r+k*5)%len(pool)]
					}
				}
				for _, frames := range [][][2]int{nil, {{-5, 1}, {2, 1}, {0, 99}}} {
					_ = d.Compute(&Partition{Args: rows, Peer: []int{0, 0, 1}, Frames: frames}, make([]value.Value, 3))
				}
			}
		}
		for _, name := range Default.Names() {
			for nargs := 0; nargs <= 4; nargs++ {
				d, err := Default.Lookup(name, nargs)
				if err != nil {
					continue
				}
				args := make([]value.Value, nargs)
				for k := range args {
					args[k] = pool[(int(uint64(n)%97)+k*3+nargs)%len(pool)]
				}
				if d.IsAggregate() {
					a := d.NewAggregate()
					if c, ok := a.(Collated); ok {
						c.SetCollation(collation.NoCase)
					}
					for _, row := range [][]value.Value{args, args, make([]value.Value, nargs)} {
						_ = a.Step(row)
					}
					if inv, ok := a.(Inverter); ok {
						_ = inv.Inverse(args)
					}
					_, _ = a.Result()
					continue
				}
				v, err := d.Call(nil, args)
				if err == nil && finite(args) && !finite([]value.Value{v}) {
					t.Fatalf("%s%v gave non-finite %v", name, args, v)
				}
				_, _ = d.Call(collation.NoCase, args)
			}
		}
	})
}

// finite reports whether no value is a non-finite real.
func finite(vs []value.Value) bool {
	for _, v := range vs {
		if v.Kind() == value.KindReal && (math.IsNaN(v.Float()) || math.IsInf(v.Float(), 0)) {
			return false
		}
	}
	return true
}
