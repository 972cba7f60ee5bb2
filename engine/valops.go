package engine

// valops.go is the engine's seam to value semantics (engine/types):
// comparison, truth, arithmetic, conversion on write, CAST and pattern
// matching, plus the planner's coarse static type classes.

import (
	"math/big"
	"strings"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

func isNumeric(v value.Value) bool {
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt, value.KindReal, value.KindBoolean:
		return true
	}
	return false
}

// compareValues is the total order (NULL first) under a collation name.
func compareValues(a, b value.Value, coll string) int {
	return types.Compare(a, b, lookupCollation(coll))
}

// valuesEqual is equality without NULL semantics.
func valuesEqual(a, b value.Value, coll string) bool { return compareValues(a, b, coll) == 0 }

// truth evaluates v as a condition: known is false for NULL.
func truth(v value.Value) (t bool, known bool) {
	t, isNull := types.Truthy(v)
	return t, !isNull
}

// textToNumber is the plan-time numeric view of text in comparisons.
func textToNumber(s string) value.Value { return types.CastForComparison(value.Text(s)) }

// parseNumber parses numeric text strictly.
func parseNumber(s string) (value.Value, bool) { return types.ParseNumber(s) }

func toText(v value.Value) string { return types.ToText(v) }

func arith(op byte, a, b value.Value) (value.Value, error) {
	switch op {
	case '+':
		return types.Add(a, b), nil
	case '-':
		return types.Sub(a, b), nil
	case '*':
		return types.Mul(a, b), nil
	case '/':
		return types.Div(a, b), nil
	}
	return types.Mod(a, b), nil
}

func bitOp(op string, a, b value.Value) (value.Value, error) {
	switch op {
	case "&":
		return types.BitAnd(a, b), nil
	case "|":
		return types.BitOr(a, b), nil
	case "<<":
		return types.Shl(a, b), nil
	}
	return types.Shr(a, b), nil
}

func negate(v value.Value) value.Value    { return types.Neg(v) }
func unaryPlus(v value.Value) value.Value { return types.Plus(v) }
func bitNot(v value.Value) value.Value    { return types.BitNot(v) }
func concat(a, b value.Value) value.Value { return types.Concat(a, b) }

// toInteger converts a LIMIT/OFFSET-style operand to an integer.
func toInteger(v value.Value) *big.Int {
	n := types.Cast(v, types.Integer)
	if b := n.Big(); b != nil {
		return b
	}
	return new(big.Int)
}

// typeClass is the planner's coarse static type of an expression.
type typeClass int

const (
	classAny typeClass = iota
	classInteger
	classReal
	classNumeric
	classText
	classBlob
	classBoolean
	classJSON
)

// declaredType maps a declared type name to its logical type (ANY when
// unknown).
func declaredType(typ string) types.Type {
	t, err := types.FromDeclared(typ)
	if err != nil {
		return types.Any
	}
	return t
}

func classOf(typ string) typeClass {
	switch t := declaredType(typ); {
	case t == types.Integer:
		return classInteger
	case t == types.Real:
		return classReal
	case t == types.Numeric:
		return classNumeric
	case t.IsTextual():
		return classText
	case t == types.Blob:
		return classBlob
	case t == types.Boolean:
		return classBoolean
	case t == types.JSON:
		return classJSON
	}
	return classAny
}

// validType reports whether a declared type name is acceptable.
func validType(typ string) error {
	_, err := types.FromDeclared(typ)
	return err
}

// convertForColumn converts a value written to a column of declared type.
func convertForColumn(v value.Value, typ, column string) (value.Value, error) {
	return convertForType(v, declaredType(typ), column)
}

// convertForType is convertForColumn with the declared type resolved.
func convertForType(v value.Value, t types.Type, column string) (value.Value, error) {
	return types.ConvertForColumn(temporalFromNumber(v, t), t, column)
}

// castValue implements CAST(v AS typ).
func castValue(v value.Value, typ string) (value.Value, error) {
	return types.Cast(v, declaredType(typ)), nil
}

// compilePattern compiles a LIKE or GLOB pattern.
func compilePattern(glob bool, p string) (*types.Pattern, error) {
	if glob {
		return types.CompileGlob(p)
	}
	return types.CompileLike(p, "")
}

// typeName is the canonical upper-case name of a declared type.
func typeName(typ string) string {
	if strings.TrimSpace(typ) == "" {
		return ""
	}
	return declaredType(typ).Name()
}
