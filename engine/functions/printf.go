package functions

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// printf/format: SQLite's printf. Supported conversions: %d %i %u (integer),
// %f %e %E %g %G (real), %x %X %o (unsigned two's-complement integer),
// %s %z (text), %c (first character), %q %Q %w (SQL quoting), %% ; flags
// '-', '+', ' ', '0', '#', ',' (thousands separators), '!' (ignored); width
// and precision may be '*' (taken from the arguments). Missing arguments
// read as NULL (0 or "").

func init() {
	register(
		scalarDef("printf", 1, Variadic, types.Text, fnPrintf),
		scalarDef("format", 1, Variadic, types.Text, fnPrintf),
	)
}

// maxPrintfWidth bounds widths and precisions.
const maxPrintfWidth = 100000

type printfSpec struct {
	minus, plus, space, zero, hash, comma bool
	width, prec                           int
	hasPrec                               bool
}

func fnPrintf(a []value.Value) (value.Value, error) {
	if a[0].IsNull() {
		return value.Null(), nil
	}
	format := types.ToText(a[0])
	args := a[1:]
	next := func() value.Value {
		if len(args) == 0 {
			return value.Null()
		}
		v := args[0]
		args = args[1:]
		return v
	}
	var out strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				j = len(format) - i
			}
			out.WriteString(format[i : i+j])
			i += j
			continue
		}
		i++
		if i >= len(format) {
			break
		}
		var sp printfSpec
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				sp.minus = true
			case '+':
				sp.plus = true
			case ' ':
				sp.space = true
			case '0':
				sp.zero = true
			case '#':
				sp.hash = true
			case ',':
				sp.comma = true
			case '!':
			default:
				break flags
			}
		}
		if i < len(format) && format[i] == '*' {
			w, _ := intArg(next())
			if w < 0 {
				sp.minus, w = true, -w
			}
			sp.width = int(min(w, maxPrintfWidth))
			i++
		} else {
			for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
				sp.width = min(sp.width*10+int(format[i]-'0'), maxPrintfWidth)
			}
		}
		if i < len(format) && format[i] == '.' {
			sp.hasPrec = true
			i++
			if i < len(format) && format[i] == '*' {
				p, _ := intArg(next())
				sp.prec = int(max(min(p, maxPrintfWidth), 0))
				i++
			} else {
				for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
					sp.prec = min(sp.prec*10+int(format[i]-'0'), maxPrintfWidth)
				}
			}
		}
		// Length modifiers (l, ll, h) are accepted and ignored.
		for i < len(format) && (format[i] == 'l' || format[i] == 'h') {
			i++
		}
		if i >= len(format) {
			break
		}
		verb := format[i]
		i++
		if verb == '%' {
			out.WriteByte('%')
			continue
		}
		piece, ok := formatOne(verb, sp, next)
		if !ok {
			// Unknown conversion: SQLite stops formatting here.
			break
		}
		out.WriteString(piece)
		if out.Len() > MaxResultLen {
			return value.Null(), errTooBig("printf")
		}
	}
	return value.Text(out.String()), nil
}

func formatOne(verb byte, sp printfSpec, next func() value.Value) (string, bool) {
	switch verb {
	case 'd', 'i', 'u':
		return formatInt(sp, next()), true
	case 'x', 'X', 'o':
		n, _ := intArg(next())
		return goFormat(sp, verb, uint64(n), false), true
	case 'f', 'F', 'e', 'E', 'g', 'G':
		v := next()
		f := 0.0
		if !v.IsNull() {
			f = types.ToFloat(types.Cast(v, types.Real))
		}
		if !sp.hasPrec {
			sp.prec, sp.hasPrec = 6, true
		}
		if verb == 'F' {
			verb = 'f'
		}
		return goFormat(sp, verb, f, true), true
	case 's', 'z':
		v := next()
		s := ""
		if !v.IsNull() {
			s = types.ToText(v)
		}
		return padText(sp, truncRunes(s, sp)), true
	case 'c':
		v := next()
		s := ""
		if !v.IsNull() {
			if r, n := utf8.DecodeRuneInString(types.ToText(v)); n > 0 {
				s = string(r)
			}
		}
		return padText(sp, s), true
	case 'q', 'Q', 'w':
		v := next()
		if v.IsNull() {
			if verb == 'Q' {
				return padText(sp, "NULL"), true
			}
			return padText(sp, "(NULL)"), true
		}
		s := truncRunes(types.ToText(v), sp)
		switch verb {
		case 'q':
			s = strings.ReplaceAll(s, "'", "''")
		case 'Q':
			s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
		default:
			s = strings.ReplaceAll(s, `"`, `""`)
		}
		return padText(sp, s), true
	}
	return "", false
}

func truncRunes(s string, sp printfSpec) string {
	if !sp.hasPrec {
		return s
	}
	n := 0
	for i := range s {
		if n == sp.prec {
			return s[:i]
		}
		n++
	}
	return s
}

func padText(sp printfSpec, s string) string {
	n := utf8.RuneCountInString(s)
	if n >= sp.width {
		return s
	}
	pad := strings.Repeat(" ", sp.width-n)
	if sp.minus {
		return s + pad
	}
	return pad + s
}

// formatInt formats %d with SQLite's flags (including ',' grouping).
func formatInt(sp printfSpec, v value.Value) string {
	n := types.Cast(v, types.Integer)
	digits := "0"
	neg := false
	switch n.Kind() {
	case value.KindInteger:
		digits = strconv.FormatInt(n.Int(), 10)
	case value.KindBigInt:
		digits = n.Big().String()
	}
	if strings.HasPrefix(digits, "-") {
		neg, digits = true, digits[1:]
	}
	if sp.hasPrec && len(digits) < sp.prec {
		digits = strings.Repeat("0", sp.prec-len(digits)) + digits
	}
	if sp.comma {
		digits = groupThousands(digits)
	}
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.plus:
		sign = "+"
	case sp.space:
		sign = " "
	}
	if sp.zero && !sp.minus && len(sign)+len(digits) < sp.width {
		digits = strings.Repeat("0", sp.width-len(sign)-len(digits)) + digits
	}
	return padText(sp, sign+digits)
}

func groupThousands(d string) string {
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	head := len(d) % 3
	if head > 0 {
		b.WriteString(d[:head])
	}
	for i := head; i < len(d); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(d[i : i+3])
	}
	return b.String()
}

// goFormat formats a number with Go's fmt, whose flags and verbs agree with
// C's for these conversions.
func goFormat(sp printfSpec, verb byte, arg any, float bool) string {
	var f strings.Builder
	f.WriteByte('%')
	if sp.minus {
		f.WriteByte('-')
	}
	if sp.plus {
		f.WriteByte('+')
	}
	if sp.space {
		f.WriteByte(' ')
	}
	if sp.zero {
		f.WriteByte('0')
	}
	if sp.hash {
		f.WriteByte('#')
	}
	if sp.width > 0 {
		f.WriteString(strconv.Itoa(sp.width))
	}
	if sp.hasPrec && float {
		f.WriteByte('.')
		f.WriteString(strconv.Itoa(sp.prec))
	}
	f.WriteByte(verb)
	return fmt.Sprintf(f.String(), arg)
}
