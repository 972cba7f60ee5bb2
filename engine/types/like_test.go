package types

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLike(t *testing.T) {
	cases := []struct {
		pattern, esc, s string
		want            bool
	}{
		{"abc%", "", "abcde", true}, {"a%", "", "apple", true}, {"A%", "", "apple", false},
		{"apple", "", "APPLE", false}, {"apple", "", "apple", true}, {"%a%", "", "berry", false},
		{"%a%", "", "banana", true}, {"_ra%", "", "orange", true}, {"_", "", "😀", true},
		{"a_b", "", "a😀b", true}, {"a_b", "", "ab", false}, {"%", "", "", true}, {"", "", "", true},
		{"", "", "x", false}, {"%ple", "", "apple", true}, {"%ple", "", "applex", false},
		{"a%b%c", "", "aXXbYYc", true}, {"a%b%c", "", "aXXcYYb", false}, {"%%a", "", "ba", true},
		{"a\\%", "\\", "a%", true}, {"a\\%", "\\", "ab", false}, {"a!_c", "!", "a_c", true},
		{"a!_c", "!", "abc", false}, {"%a_c%", "", "xxabcxabd", true}, {"_%_", "", "a", false},
		{"%b_", "", "abbc", true}, {"h%o w%d", "", "hello world", true}, {"é_", "", "éa", true},
	}
	for _, c := range cases {
		p, err := CompileLike(c.pattern, c.esc)
		require.NoError(t, err)
		assert.Equal(t, c.want, p.Match(c.s), "%q LIKE %q", c.s, c.pattern)
	}
	_, err := CompileLike("a", "ab")
	assert.Error(t, err)
	_, err = CompileLike("a\\", "\\")
	assert.Error(t, err)
	_, err = CompileLike(strings.Repeat("a", maxPatternLen+1), "")
	assert.Error(t, err)
}

func TestGlob(t *testing.T) {
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"a*c", "abbbc", true}, {"a*c", "abbbd", false}, {"a?c", "abc", true}, {"a?c", "aBc", true},
		{"A*", "abc", false}, {"[a-c]x", "bx", true}, {"[a-c]x", "dx", false}, {"[^a-c]x", "dx", true},
		{"[]]", "]", true}, {"[abc]*", "cat", true}, {"*.txt", "notes.txt", true}, {"?", "😀", true},
	}
	for _, c := range cases {
		p, err := CompileGlob(c.pattern)
		require.NoError(t, err)
		assert.Equal(t, c.want, p.Match(c.s), "%q GLOB %q", c.s, c.pattern)
	}
	_, err := CompileGlob("[abc")
	assert.Error(t, err)
}

func BenchmarkLikePrefix(b *testing.B) {
	p, _ := CompileLike("abc%", "")
	for n := 0; n < b.N; n++ {
		_ = p.Match("abcdefghijklmnop")
	}
}

func BenchmarkLikeGeneral(b *testing.B) {
	p, _ := CompileLike("%a_c%x%", "")
	str := strings.Repeat("zzzzazc", 20) + "x"
	for n := 0; n < b.N; n++ {
		_ = p.Match(str)
	}
}

func BenchmarkCompareInt(b *testing.B) {
	x, y := i(1), i(2)
	for n := 0; n < b.N; n++ {
		_ = Compare(x, y, nil)
	}
}

func BenchmarkCompareMixed(b *testing.B) {
	x, y := i(1), f(2.5)
	for n := 0; n < b.N; n++ {
		_ = Compare(x, y, nil)
	}
}

func BenchmarkCompareText(b *testing.B) {
	x, y := s("hello world"), s("hello there")
	for n := 0; n < b.N; n++ {
		_ = Compare(x, y, nil)
	}
}
