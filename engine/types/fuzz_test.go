package types

import (
	"math"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

// likeRegexp is an independent reference for LIKE without escapes.
func likeRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for _, r := range pattern {
		switch r {
		case '%':
			b.WriteString(`.*`)
		case '_':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

func FuzzLike(f *testing.F) {
	for _, seed := range [][2]string{{"a%", "apple"}, {"%a_c%", "xxabcx"}, {"_%_", "a"}, {"%b_", "abbc"}, {"h%o w%d", "hello world"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern) > 64 || len(s) > 256 {
			return
		}
		p, err := CompileLike(pattern, "")
		require.NoError(t, err)
		require.Equal(t, likeRegexp(pattern).MatchString(s), p.Match(s), "%q LIKE %q", s, pattern)
	})
}

func FuzzNumberText(f *testing.F) {
	for _, seed := range []float64{0, 1, -1.5, 3.14, 1e21, 1e-7, 123456789.125, 5e-324, math.MaxFloat64, 4.1999999999999993e+20} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		txt := FormatReal(x)
		n, ok := ParseNumber(txt)
		require.True(t, ok, txt)
		// Integer spellings parse exactly (as Quereus does), so compare as doubles.
		require.Equal(t, x+0, ToFloat(n), "%v -> %q -> %v", x, txt, n)
	})
}

func FuzzArithmeticTotal(f *testing.F) {
	f.Add(int64(1), int64(2), 1.5, "12")
	f.Add(int64(math.MinInt64), int64(-1), -0.0, "abc")
	f.Fuzz(func(t *testing.T, a, b int64, r float64, txt string) {
		vals := []value.Value{value.Int(a), value.Int(b), value.Float(r), value.Text(txt), value.Null(), value.Bool(a%2 == 0)}
		ops := []func(x, y value.Value) value.Value{Add, Sub, Mul, Div, Mod, BitAnd, BitOr, Shl, Shr, Concat}
		for _, x := range vals {
			for _, y := range vals {
				for _, op := range ops {
					v := op(x, y)
					if v.Kind() == value.KindReal {
						require.False(t, math.IsInf(v.Float(), 0) || math.IsNaN(v.Float()))
					}
				}
				// Compare is antisymmetric.
				require.Equal(t, Compare(x, y, nil), -Compare(y, x, nil))
			}
		}
		// Exact integer addition agrees with big arithmetic.
		sum := Add(value.Int(a), value.Int(b))
		want := new(big.Int).Add(big.NewInt(a), big.NewInt(b))
		require.Equal(t, want.String(), sum.String())
	})
}
