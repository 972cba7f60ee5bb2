package sqllogic

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	singleQuoted = regexp.MustCompile(`'[^']*'`)
	doubleQuoted = regexp.MustCompile(`"[^"]*"`)
	numberRun    = regexp.MustCompile(`\b[0-9]+(\.[0-9]+)?\b`)
	spaceRun     = regexp.MustCompile(`\s+`)
	colonName    = regexp.MustCompile(`(:\s*)[A-Za-z_][A-Za-z0-9_.]*`)
)

// maxCauseLen bounds a normalized message.
const maxCauseLen = 100

// normalizeMessage reduces an error message to a grouping key for -causes:
// first line only, quoted text, numbers and a name after a colon replaced by placeholders, white
// space collapsed, length bounded.
func normalizeMessage(msg string) string {
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = singleQuoted.ReplaceAllString(msg, "'?'")
	msg = doubleQuoted.ReplaceAllString(msg, `"?"`)
	msg = numberRun.ReplaceAllString(msg, "N")
	msg = colonName.ReplaceAllString(msg, "${1}X")
	msg = strings.TrimSpace(spaceRun.ReplaceAllString(msg, " "))
	if utf8.RuneCountInString(msg) > maxCauseLen {
		msg = string([]rune(msg)[:maxCauseLen]) + "…"
	}
	return msg
}
