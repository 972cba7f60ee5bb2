package parser

import (
	"fmt"
	"strings"
)

// sexpr renders an expression fully parenthesized, so tests can state the
// tree shape the parser built.
func sexpr(e Expr) string {
	switch e := e.(type) {
	case *Binary:
		return fmt.Sprintf("(%s %s %s)", sexpr(e.L), binaryText[e.Op], sexpr(e.R))
	case *Unary:
		op := [...]string{OpNeg: "-", OpPlus: "+", OpNot: "not", OpBitNot: "~"}[e.Op]
		return fmt.Sprintf("(%s %s)", op, sexpr(e.X))
	case *Like:
		s := fmt.Sprintf("(%s %s %s", sexpr(e.X), likeText[e.Op], sexpr(e.Pattern))
		if e.Escape != nil {
			s += " escape " + sexpr(e.Escape)
		}
		return s + ")"
	case *IsNull:
		if e.Not {
			return "(" + sexpr(e.X) + " notnull)"
		}
		return "(" + sexpr(e.X) + " isnull)"
	case *IsBool:
		return fmt.Sprintf("(%s is not=%v %v)", sexpr(e.X), e.Not, e.Value)
	case *Between:
		return fmt.Sprintf("(%s between not=%v %s %s)", sexpr(e.X), e.Not, sexpr(e.Lo), sexpr(e.Hi))
	case *In:
		var items []string
		for _, x := range e.List {
			items = append(items, sexpr(x))
		}
		if e.Select != nil {
			items = append(items, "<select>")
		}
		return fmt.Sprintf("(%s in [%s])", sexpr(e.X), strings.Join(items, " "))
	case *Collate:
		return fmt.Sprintf("(%s collate %s)", sexpr(e.X), e.Name)
	case *Tuple:
		var items []string
		for _, x := range e.Items {
			items = append(items, sexpr(x))
		}
		return "[" + strings.Join(items, " ") + "]"
	}
	return ExprString(e)
}
