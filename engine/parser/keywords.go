package parser

// maxKeywordLen is the length of the longest keyword (AUTOINCREMENT).
const maxKeywordLen = 16

// keywordIndex maps the upper-case spelling of a keyword to its Keyword.
var keywordIndex = func() map[string]Keyword {
	m := make(map[string]Keyword, kwCount)
	for k := kwNone + 1; k < kwCount; k++ {
		if len(keywordText[k]) > maxKeywordLen {
			panic("parser: keyword longer than maxKeywordLen: " + keywordText[k])
		}
		m[keywordText[k]] = k
	}
	return m
}()

// lookupKeyword returns the keyword spelled by word (any case), or kwNone.
// It does not allocate.
func lookupKeyword(word string) Keyword {
	if len(word) < 2 || len(word) > maxKeywordLen {
		return kwNone
	}
	var buf [maxKeywordLen]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 0x80:
			return kwNone
		}
		buf[i] = c
	}
	return keywordIndex[string(buf[:len(word)])]
}

// IsReserved reports whether word (any case) is a reserved keyword, one that
// must be double-quoted to be used as an identifier.
func IsReserved(word string) bool {
	return reservedKeyword[lookupKeyword(word)]
}
