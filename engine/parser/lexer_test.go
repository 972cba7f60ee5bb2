package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexAll scans src to the end and returns the tokens (without EOF).
func lexAll(t *testing.T, src string) []token {
	t.Helper()
	lx := lexer{src: src}
	var toks []token
	for {
		tok, err := lx.scan()
		require.Nil(t, err, "lexing %q", src)
		if tok.kind == tEOF {
			return toks
		}
		toks = append(toks, tok)
	}
}

func TestLexerTokens(t *testing.T) {
	cases := []struct {
		src   string
		kinds []tokKind
		texts []string
	}{
		{"select x from t", []tokKind{tIdent, tIdent, tIdent, tIdent}, []string{"select", "x", "from", "t"}},
		{`"a""b" [c d] ` + "`e``f`", []tokKind{tQuotedIdent, tQuotedIdent, tQuotedIdent}, []string{`a"b`, "c d", "e`f"}},
		{"'it''s' ''", []tokKind{tString, tString}, []string{"it's", ""}},
		{"x'0aFF' X''", []tokKind{tBlob, tBlob}, []string{"0aFF", ""}},
		{"1 1.5 .5 1e3 1.5E-2 0x1F 12345678901234567890", []tokKind{tInteger, tFloat, tFloat, tFloat, tFloat, tInteger, tInteger},
			[]string{"1", "1.5", ".5", "1e3", "1.5E-2", "0x1F", "12345678901234567890"}},
		{"? ?12 :name @n $v :1", []tokKind{tParam, tParam, tParam, tParam, tParam, tParam}, []string{"?", "?12", ":name", "@n", "$v", ":1"}},
		{"a -- comment\n b /* block */ c", []tokKind{tIdent, tIdent, tIdent}, []string{"a", "b", "c"}},
		{"-> ->> || << >> & | ~ == != <> <= >= < > = - + * / %",
			[]tokKind{tArrow, tArrow2, tConcat, tShl, tShr, tAmp, tPipe, tTilde, tEqEq, tNe, tLtGt, tLe, tGe, tLt, tGt, tEq, tMinus, tPlus, tStar, tSlash, tPercent}, nil},
		{"( ) { } , ; .", []tokKind{tLParen, tRParen, tLBrace, tRBrace, tComma, tSemi, tDot}, nil},
		{"café naïve_1 日本", []tokKind{tIdent, tIdent, tIdent}, []string{"café", "naïve_1", "日本"}},
		{"a /* unterminated", []tokKind{tIdent}, []string{"a"}},
	}
	for _, c := range cases {
		toks := lexAll(t, c.src)
		require.Len(t, toks, len(c.kinds), c.src)
		for i, tok := range toks {
			assert.Equal(t, c.kinds[i], tok.kind, "%s: token %d", c.src, i)
			if c.texts != nil {
				assert.Equal(t, c.texts[i], tok.text, "%s: token %d", c.src, i)
			}
		}
	}
}

func TestLexerKeywordsAreCaseInsensitive(t *testing.T) {
	for _, w := range []string{"SELECT", "select", "SeLeCt"} {
		toks := lexAll(t, w)
		require.Len(t, toks, 1)
		assert.Equal(t, kwSELECT, toks[0].kw)
	}
	assert.Equal(t, kwNone, lookupKeyword("selectx"))
	assert.Equal(t, kwNone, lookupKeyword("sélect"))
	assert.True(t, IsReserved("From"))
	assert.False(t, IsReserved("key"))
}

func TestLexerErrors(t *testing.T) {
	cases := map[string]string{
		"'abc":   "Unterminated string",
		`"abc`:   "Unterminated quoted identifier",
		"[abc":   "Unterminated quoted identifier",
		"x'abc'": "odd number of hex digits",
		"x'zz'":  "invalid hex digit",
		"x'00":   "Unterminated blob",
		"1e":     "Malformed number",
		"12abc":  "Malformed number",
		"0x":     "Malformed number",
		":":      "Expected identifier or number after parameter prefix",
		"#":      "Unexpected character",
		"!":      "Unexpected character",
	}
	for src, want := range cases {
		lx := lexer{src: src}
		var err *lexError
		for err == nil {
			var tok token
			tok, err = lx.scan()
			if tok.kind == tEOF && err == nil {
				break
			}
		}
		require.NotNil(t, err, src)
		assert.Contains(t, err.msg, want, src)
	}
}
