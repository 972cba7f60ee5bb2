package parser

// tokKind is the lexical class of a token.
type tokKind uint8

// Token kinds. Keywords are tIdent tokens with a non-zero kw.
const (
	tEOF         tokKind = iota
	tIdent               // bare word (possibly a keyword)
	tQuotedIdent         // "x", `x` or [x]; text is the unquoted name
	tString              // 'x'; text is the unescaped value
	tBlob                // x'..'; text is the hex digits
	tInteger             // 123, 0x1F
	tFloat               // 1.5, 1e3, .5
	tParam               // ?, ?NNN, :name, @name, $name; text is the raw lexeme
	tLParen              // (
	tRParen              // )
	tLBrace              // {
	tRBrace              // }
	tComma               // ,
	tSemi                // ;
	tDot                 // .
	tStar                // *
	tPlus                // +
	tMinus               // -
	tSlash               // /
	tPercent             // %
	tConcat              // ||
	tLt                  // <
	tLe                  // <=
	tGt                  // >
	tGe                  // >=
	tEq                  // =
	tEqEq                // ==
	tNe                  // !=
	tLtGt                // <>
	tShl                 // <<
	tShr                 // >>
	tAmp                 // &
	tPipe                // |
	tTilde               // ~
	tArrow               // ->
	tArrow2              // ->>
)

// token is one lexical token. pos/end are byte offsets into the source;
// text is described per kind above and never allocates for plain tokens.
type token struct {
	kind tokKind
	kw   Keyword
	pos  int
	end  int
	text string
}

// is reports whether the token is the keyword k.
func (t *token) is(k Keyword) bool { return t.kind == tIdent && t.kw == k }
