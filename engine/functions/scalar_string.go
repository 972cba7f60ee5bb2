package functions

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// String functions. Lengths and positions count code points for text and
// bytes for blobs. length/lower/upper/reverse/trim/pad take text only (any
// other non-NULL value gives NULL, as in Quereus: length(12345) is NULL);
// replace, instr and concatenations render other values with types.ToText.

// MaxResultLen bounds the size in bytes of a string or blob a function may
// build (padding, replace, zeroblob, randomblob, printf widths, ...).
const MaxResultLen = 100 << 20

func errTooBig(name string) error {
	return fmt.Errorf("%s: result larger than %d bytes", name, MaxResultLen)
}

func init() {
	register(
		scalarDef("length", 1, 1, types.Integer, fnLength),
		textFn("lower", collation.Lower),
		textFn("upper", upper),
		textFn("reverse", reverseRunes),
		scalarDef("substr", 2, 3, types.Text, fnSubstr),
		scalarDef("substring", 2, 3, types.Text, fnSubstr),
		trimDef("trim", true, true), trimDef("ltrim", true, false), trimDef("rtrim", false, true),
		scalarDef("replace", 3, 3, types.Text, fnReplace),
		scalarDef("instr", 2, 2, types.Integer, fnInstr),
		padDef("lpad", true), padDef("rpad", false),
		scalarDef("concat", 1, Variadic, types.Text, fnConcat),
		scalarDef("concat_ws", 2, Variadic, types.Text, fnConcatWS),
		scalarDef("char", 0, Variadic, types.Text, fnChar),
		scalarDef("unicode", 1, 1, types.Integer, fnUnicode),
		scalarDef("soundex", 1, 1, types.Text, fnSoundex),
	)
}

// textFn maps a text argument through fn; non-text gives NULL.
func textFn(name string, fn func(string) string) Def {
	return scalarDef(name, 1, 1, types.Text, func(a []value.Value) (value.Value, error) {
		if a[0].Kind() != value.KindText {
			return value.Null(), nil
		}
		return value.Text(fn(a[0].Text())), nil
	})
}

func fnLength(a []value.Value) (value.Value, error) {
	switch a[0].Kind() {
	case value.KindText:
		return value.Int(int64(utf8.RuneCountInString(a[0].Text()))), nil
	case value.KindBlob:
		return value.Int(int64(len(a[0].Text()))), nil
	}
	return value.Null(), nil
}

// upper is JavaScript's toUpperCase: full Unicode upper-casing including
// the special cases that change length ("ß" -> "SS").
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return cases.Upper(language.Und).String(s)
		}
	}
	return strings.ToUpper(s)
}

func reverseRunes(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// fnSubstr implements SQLite's substr(X, Y[, Z]) over code points (bytes for
// blobs), including its rules for zero and negative start and length.
func fnSubstr(a []value.Value) (value.Value, error) {
	if anyNull(a) {
		return value.Null(), nil
	}
	x := a[0]
	isBlob := x.Kind() == value.KindBlob
	var s string
	if isBlob {
		s = x.Text()
	} else {
		s = types.ToText(x)
	}
	p1, ok := intArg(a[1])
	if !ok {
		return value.Null(), nil
	}
	var runes []rune
	var n int64
	if isBlob {
		n = int64(len(s))
	} else {
		runes = []rune(s)
		n = int64(len(runes))
	}
	p2 := n + 1
	neg := false
	if len(a) == 3 {
		if p2, ok = intArg(a[2]); !ok {
			return value.Null(), nil
		}
		if p2 < 0 {
			p2, neg = -p2, true
		}
	}
	if p1 < 0 {
		p1 += n
		if p1 < 0 {
			p2 += p1
			if p2 < 0 {
				p2 = 0
			}
			p1 = 0
		}
	} else if p1 > 0 {
		p1--
	} else if p2 > 0 {
		p2--
	}
	if neg {
		p1 -= p2
		if p1 < 0 {
			p2 += p1
			p1 = 0
		}
	}
	if p1 > n {
		p1 = n
	}
	if p1+p2 > n {
		p2 = n - p1
	}
	if p2 < 0 {
		p2 = 0
	}
	if isBlob {
		return value.BlobString(s[p1 : p1+p2]), nil
	}
	return value.Text(string(runes[p1 : p1+p2])), nil
}

// trimDef defines trim/ltrim/rtrim: without a character set (or with a NULL
// one) they strip white space; otherwise any of the set's code points.
func trimDef(name string, left, right bool) Def {
	return scalarDef(name, 1, 2, types.Text, func(a []value.Value) (value.Value, error) {
		if a[0].Kind() != value.KindText {
			return value.Null(), nil
		}
		s := a[0].Text()
		cut := unicode.IsSpace
		if len(a) == 2 && !a[1].IsNull() {
			set := types.ToText(a[1])
			cut = func(r rune) bool { return strings.ContainsRune(set, r) }
		}
		if left {
			s = strings.TrimLeftFunc(s, cut)
		}
		if right {
			s = strings.TrimRightFunc(s, cut)
		}
		return value.Text(s), nil
	})
}

func fnReplace(a []value.Value) (value.Value, error) {
	if anyNull(a) {
		return value.Null(), nil
	}
	s, from, to := types.ToText(a[0]), types.ToText(a[1]), types.ToText(a[2])
	if from == "" {
		return value.Text(s), nil
	}
	if n := strings.Count(s, from); n > 0 && len(to) > len(from) &&
		int64(len(s))+int64(n)*int64(len(to)-len(from)) > MaxResultLen {
		return value.Null(), errTooBig("replace")
	}
	return value.Text(strings.ReplaceAll(s, from, to)), nil
}

// fnInstr returns the 1-based position of the first occurrence of the
// needle, 0 when absent or when the needle is empty.
func fnInstr(a []value.Value) (value.Value, error) {
	if anyNull(a) {
		return value.Null(), nil
	}
	if a[0].Kind() == value.KindBlob && a[1].Kind() == value.KindBlob {
		if a[1].Text() == "" {
			return value.Int(0), nil
		}
		return value.Int(int64(strings.Index(a[0].Text(), a[1].Text()) + 1)), nil
	}
	s, sub := types.ToText(a[0]), types.ToText(a[1])
	if sub == "" {
		return value.Int(0), nil
	}
	i := strings.Index(s, sub)
	if i < 0 {
		return value.Int(0), nil
	}
	return value.Int(int64(utf8.RuneCountInString(s[:i]) + 1)), nil
}

// padDef defines lpad/rpad(s, n[, pad = ' ']): pads s to n code points by
// repeating pad (JavaScript padStart/padEnd); a longer s is unchanged; an
// empty pad leaves s unchanged.
func padDef(name string, left bool) Def {
	return scalarDef(name, 2, 3, types.Text, func(a []value.Value) (value.Value, error) {
		if anyNull(a) || a[0].Kind() != value.KindText {
			return value.Null(), nil
		}
		s := a[0].Text()
		n, ok := intArg(a[1])
		if !ok {
			return value.Null(), nil
		}
		pad := " "
		if len(a) == 3 {
			pad = types.ToText(a[2])
		}
		have := int64(utf8.RuneCountInString(s))
		if n <= have || pad == "" {
			return value.Text(s), nil
		}
		if n > MaxResultLen/4 {
			return value.Null(), errTooBig(name)
		}
		need := n - have
		padRunes := []rune(pad)
		fill := make([]rune, 0, need)
		for int64(len(fill)) < need {
			fill = append(fill, padRunes[int64(len(fill))%int64(len(padRunes))])
		}
		if left {
			return value.Text(string(fill) + s), nil
		}
		return value.Text(s + string(fill)), nil
	})
}

// fnConcat concatenates the text of its non-NULL arguments.
func fnConcat(a []value.Value) (value.Value, error) {
	var b strings.Builder
	for _, v := range a {
		if !v.IsNull() {
			b.WriteString(types.ToText(v))
			if b.Len() > MaxResultLen {
				return value.Null(), errTooBig("concat")
			}
		}
	}
	return value.Text(b.String()), nil
}

// fnConcatWS joins the non-NULL arguments after the first with it as the
// separator; a NULL separator gives NULL.
func fnConcatWS(a []value.Value) (value.Value, error) {
	if a[0].IsNull() {
		return value.Null(), nil
	}
	sep := types.ToText(a[0])
	var parts []string
	size := 0
	for _, v := range a[1:] {
		if !v.IsNull() {
			p := types.ToText(v)
			size += len(p) + len(sep)
			if size > MaxResultLen {
				return value.Null(), errTooBig("concat_ws")
			}
			parts = append(parts, p)
		}
	}
	return value.Text(strings.Join(parts, sep)), nil
}

// fnChar builds text from code points; NULL arguments are skipped and
// invalid code points become U+FFFD.
func fnChar(a []value.Value) (value.Value, error) {
	var b strings.Builder
	for _, v := range a {
		n, ok := intArg(v)
		if !ok {
			continue
		}
		if n < 0 || n > unicode.MaxRune {
			n = utf8.RuneError
		}
		b.WriteRune(rune(n))
	}
	return value.Text(b.String()), nil
}

// fnUnicode returns the first code point of the text, NULL when empty.
func fnUnicode(a []value.Value) (value.Value, error) {
	if a[0].IsNull() {
		return value.Null(), nil
	}
	s := types.ToText(a[0])
	if s == "" {
		return value.Null(), nil
	}
	r, _ := utf8.DecodeRuneInString(s)
	return value.Int(int64(r)), nil
}

// fnSoundex is SQLite's soundex: four characters, "?000" for text without
// letters.
func fnSoundex(a []value.Value) (value.Value, error) {
	if a[0].IsNull() {
		return value.Text("?000"), nil
	}
	const codes = "01230120022455012623010202" // A..Z
	s := types.ToText(a[0])
	i := 0
	for i < len(s) && !isASCIILetter(s[i]) {
		i++
	}
	if i == len(s) {
		return value.Text("?000"), nil
	}
	out := []byte{upperASCII(s[i])}
	prev := codes[upperASCII(s[i])-'A']
	for i++; i < len(s) && len(out) < 4; i++ {
		c := s[i]
		if !isASCIILetter(c) {
			continue
		}
		code := codes[upperASCII(c)-'A']
		if code != '0' && code != prev {
			out = append(out, code)
		}
		prev = code
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return value.Text(string(out)), nil
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}
