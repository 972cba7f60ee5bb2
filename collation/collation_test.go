package collation

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// alphabet mixes ASCII, spaces, the code points whose folding needs care and
// bytes that are not valid UTF-8.
var alphabet = []string{
	"a", "A", "b", "B", "z", "Z", " ", " ", "\t", "\x00", "\x01", "~",
	"é", "É", "ß", "ẞ", "İ", "i", "\u0307", "Σ", "σ", "ς", "K", "k", "\u212a",
	"Ω", "ω", "\u2126", "😀", "\xff", "\xc3", "\xe2\x82",
}

func randomText(r *rand.Rand) string {
	n := r.IntN(8)
	var sb strings.Builder
	for range n {
		sb.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return sb.String()
}

func TestBuiltinsKeyOrderMatchesCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []*Collation{Binary, NoCase, RTrim} {
		t.Run(c.Name(), func(t *testing.T) {
			require.True(t, c.ProvidesOrdering())
			for range 20000 {
				a, b := randomText(r), randomText(r)
				want := sign(bytes.Compare([]byte(c.Normalize(a)), []byte(c.Normalize(b))))
				got := sign(c.Compare(a, b))
				require.Equal(t, want, got, "%q vs %q", a, b)
				require.Equal(t, -got, sign(c.Compare(b, a)), "antisymmetry %q vs %q", a, b)
				require.Equal(t, c.Normalize(a), c.Normalize(c.Normalize(a)), "idempotent %q", a)
			}
		})
	}
}

func TestAppendNormalizedMatchesNormalize(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	custom := NewRegistry()
	require.NoError(t, custom.Register("rev", strings.Compare, func(s string) string { return s + "!" }))
	rev, err := custom.Lookup("rev")
	require.NoError(t, err)
	var nilColl *Collation
	for _, c := range []*Collation{Binary, NoCase, RTrim, rev, nilColl} {
		for range 2000 {
			s := randomText(r)
			require.Equal(t, "x"+c.Normalize(s), string(c.AppendNormalized([]byte("x"), s)), "%s %q", c.Name(), s)
		}
	}
}

func TestBinaryIsCodePointOrder(t *testing.T) {
	assert.Negative(t, Binary.Compare("ABC", "abc"))
	assert.Negative(t, Binary.Compare("a", "ab"))
	assert.Negative(t, Binary.Compare("\uffff", "😀"), "code point order, not UTF-16 order")
	assert.Zero(t, Binary.Compare("x", "x"))
	assert.Equal(t, "AbC ", Binary.Normalize("AbC "))
	assert.True(t, Binary.IsIdentity())
}

func TestNoCase(t *testing.T) {
	assert.Zero(t, NoCase.Compare("Hello", "hELLO"))
	assert.Negative(t, NoCase.Compare("apple", "BANANA"))
	assert.Positive(t, NoCase.Compare("Zeta", "alpha"))
	assert.Negative(t, NoCase.Compare("abc", "ABCD"))
	assert.Zero(t, NoCase.Compare("ÉCOLE", "école"))
	assert.Zero(t, NoCase.Compare("İ", "i\u0307"), "U+0130 folds to i + combining dot as in JavaScript")
	assert.NotZero(t, NoCase.Compare("İ", "i"))
	assert.Zero(t, NoCase.Compare("ΟΔΟΣ", "οδος"), "word-final capital sigma folds to ς as in JavaScript")
	assert.NotZero(t, NoCase.Compare("ΟΔΟΣ", "οδοσ"))
	assert.Zero(t, NoCase.Compare("\xffA", "\xffa"), "invalid bytes are kept, letters still fold")
	assert.False(t, NoCase.IsIdentity())
}

func TestLowerMatchesPerRuneReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		s := randomText(r)
		if !utf8.ValidString(s) {
			continue
		}
		want := referenceLower(s)
		require.Equal(t, want, Lower(s), "%q", s)
	}
}

// referenceLower is the documented rule written plainly over a rune slice
// (valid UTF-8 only).
func referenceLower(s string) string {
	runes := []rune(s)
	var sb strings.Builder
	for i, r := range runes {
		switch r {
		case '\u0130':
			sb.WriteString("i\u0307")
		case '\u03a3':
			if referenceFinalSigma(runes, i) {
				sb.WriteRune('ς')
			} else {
				sb.WriteRune('σ')
			}
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

func referenceFinalSigma(runes []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorable(runes[j], 2) {
		j--
	}
	if j < 0 || !isCased(runes[j], 2) {
		return false
	}
	k := i + 1
	for k < len(runes) && isCaseIgnorable(runes[k], 2) {
		k++
	}
	return k == len(runes) || !isCased(runes[k], 2)
}

func TestFinalSigma(t *testing.T) {
	cases := map[string]string{
		"Σ":         "σ", // nothing cased before it
		"ΣΑ":        "σα",
		"ΑΣ":        "ας",
		"ΟΔΟΣ ΟΔΟΣ": "οδος οδος",
		"ΑΣ'":       "ας'",      // case-ignorable after, then the end
		"ΑΣ.Β":      "ασ.β",     // a cased letter follows past the ignorable '.'
		"Α'Σ":       "α'ς",      // case-ignorable between the letter and sigma
		"1Σ":        "1σ",       // a digit is not cased
		"Α\xffΣ":    "α\xffσ",   // an invalid byte is neither cased nor ignorable
		"aΣ\u0301":  "aς\u0301", // a combining mark after it is ignorable
		"ΑΣΣ":       "ασς",
	}
	for in, want := range cases {
		assert.Equal(t, want, Lower(in), "%q", in)
	}
	assert.Equal(t, "prefix ας", Lower("prefix ΑΣ"), "ASCII fast path keeps context")
	assert.Zero(t, NoCase.Compare("abc ΟΔΟΣ", "ABC οδος"))
}

func TestLowerKeepsInvalidBytesAndAvoidsCopies(t *testing.T) {
	assert.Equal(t, "a\xffb\xc3", Lower("A\xffB\xc3"))
	assert.Equal(t, "straße", Lower("STRAßE"))
	s := "already lower 123"
	assert.Equal(t, s, Lower(s))
	assert.Equal(t, 0.0, testing.AllocsPerRun(100, func() { _ = Lower(s) }))
	assert.Equal(t, []byte("xabc"), AppendLower([]byte("x"), "ABC"))
}

func TestRTrimStripsOnlySpaces(t *testing.T) {
	assert.Zero(t, RTrim.Compare("abc   ", "abc"))
	assert.NotZero(t, RTrim.Compare("abc\t", "abc"))
	assert.NotZero(t, RTrim.Compare("abc\u00a0", "abc"))
	assert.NotZero(t, RTrim.Compare("  abc", "abc"), "leading spaces count")
	assert.Negative(t, RTrim.Compare("ab ", "abc"))
	assert.Equal(t, "  a\t", RTrim.Normalize("  a\t  "))
	assert.Equal(t, "", RTrim.Normalize("   "))
}

func TestLookupIsCaseInsensitive(t *testing.T) {
	for _, name := range []string{"binary", "BINARY", "Binary"} {
		c, err := Lookup(name)
		require.NoError(t, err)
		assert.Same(t, Binary, c)
	}
	c, err := Lookup("nocase")
	require.NoError(t, err)
	assert.Same(t, NoCase, c)
	c, err = Lookup("rTrim")
	require.NoError(t, err)
	assert.Same(t, RTrim, c)
}

func TestLookupUnknown(t *testing.T) {
	_, err := Lookup("FOO")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrUnknown)
	assert.Equal(t, "Unknown collation: FOO", err.Error())
}

func TestRegisterCustomWithoutEncoder(t *testing.T) {
	r := NewRegistry()
	byLength := func(a, b string) int { return len(a) - len(b) }
	require.NoError(t, r.Register("ByLength", byLength, nil))
	c, err := r.Lookup("BYLENGTH")
	require.NoError(t, err)
	assert.Equal(t, "ByLength", c.Name())
	assert.False(t, c.ProvidesOrdering())
	assert.True(t, c.IsIdentity())
	assert.False(t, c.IsBuiltin())
	assert.Equal(t, "Zz", c.Normalize("Zz"), "keys fall back to BINARY bytes")
	assert.Negative(t, c.Compare("zz", "aaa"))
	_, err = Lookup("ByLength")
	assert.Error(t, err, "a private registry does not leak into Default")
}

func TestRegisterCustomWithEncoder(t *testing.T) {
	r := NewRegistry()
	reverse := func(a, b string) int { return strings.Compare(b, a) }
	invert := func(s string) string {
		b := []byte(s)
		for i := range b {
			b[i] = ^b[i]
		}
		return string(b) + "\xff"
	}
	require.NoError(t, r.Register("reverse", reverse, invert))
	c, err := r.Lookup("Reverse")
	require.NoError(t, err)
	assert.True(t, c.ProvidesOrdering())
	assert.False(t, c.IsIdentity())
	assert.Equal(t, "\x9e\xff", c.Normalize("a"))
	// Replacing a custom collation is allowed.
	require.NoError(t, r.Register("REVERSE", strings.Compare, nil))
	c2, err := r.Lookup("reverse")
	require.NoError(t, err)
	assert.False(t, c2.ProvidesOrdering())
	assert.True(t, c.ProvidesOrdering(), "values handed out earlier are unchanged")
}

func TestRegisterRefusals(t *testing.T) {
	r := NewRegistry()
	for _, name := range []string{"BINARY", "nocase", "RTrim"} {
		err := r.Register(name, strings.Compare, nil)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "built-in")
	}
	assert.Error(t, r.Register("", strings.Compare, nil))
	assert.Error(t, r.Register("  ", strings.Compare, nil))
	assert.Error(t, r.Register("x", nil, nil))
	c, err := r.Lookup("nocase")
	require.NoError(t, err)
	assert.Same(t, NoCase, c)
	assert.ElementsMatch(t, []string{"BINARY", "NOCASE", "RTRIM"}, r.Names())
}

func TestNilCollationIsBinary(t *testing.T) {
	var c *Collation
	assert.Equal(t, "BINARY", c.Name())
	assert.Negative(t, c.Compare("A", "a"))
	assert.Equal(t, "A", c.Normalize("A"))
	assert.True(t, c.ProvidesOrdering())
	assert.True(t, c.IsIdentity())
}

func TestRegistryConcurrentUse(t *testing.T) {
	r := NewRegistry()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				name := fmt.Sprintf("c%d_%d", g, i%10)
				assert.NoError(t, r.Register(name, strings.Compare, nil))
				c, err := r.Lookup(strings.ToUpper(name))
				if assert.NoError(t, err) {
					assert.False(t, c.ProvidesOrdering())
				}
				_, err = r.Lookup("nocase")
				assert.NoError(t, err)
				_ = r.Names()
			}
		}()
	}
	wg.Wait()
	assert.Len(t, r.Names(), 3+8*10)
}

func BenchmarkNoCaseCompareASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NoCase.Compare("Hello World, this is a key", "hello world, THIS is a kez")
	}
}

func BenchmarkNoCaseNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NoCase.Normalize("Hello Wörld")
	}
}
