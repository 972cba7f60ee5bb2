package functions

import (
	"fmt"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Helpers for the builtin definitions.

// scalarDef is a deterministic scalar with a fixed return type.
func scalarDef(name string, minArgs, maxArgs int, ret types.Type, fn ScalarFunc) Def {
	return Def{Name: name, MinArgs: minArgs, MaxArgs: maxArgs, Deterministic: true, Scalar: fn, ReturnType: ret}
}

// numericGate is the plan-time gate of the numeric builtins: every argument
// must be numeric or of unknown type (ANY, NULL); a statically textual,
// blob or JSON argument fails with "Invalid argument types for function f".
func numericGate(name string) func(args []types.Type) error {
	return func(args []types.Type) error {
		for _, t := range args {
			if !t.IsNumeric() && !t.IsUnknown() {
				return fmt.Errorf("Invalid argument types for function %s", name)
			}
		}
		return nil
	}
}

// numericDef is a deterministic numeric scalar with the numeric gate.
func numericDef(name string, minArgs, maxArgs int, ret types.Type, fn ScalarFunc) Def {
	d := scalarDef(name, minArgs, maxArgs, ret, fn)
	d.ArgCheck = numericGate(name)
	return d
}

// sameAsFirstNumeric infers the result type as the first argument's type when it
// is numeric, else Numeric.
func sameAsFirstNumeric(args []types.Type) types.Type {
	if len(args) > 0 && args[0].IsNumeric() && args[0] != types.Boolean {
		return args[0]
	}
	return types.Numeric
}

// commonType is the static type shared by values any of which may be the
// result (coalesce, iif, greatest, ...): the common type when all known
// arguments agree, Numeric for a mix of numeric types, otherwise Any.
func commonType(args []types.Type) types.Type {
	var out types.Type = types.Null
	for _, t := range args {
		switch {
		case t == types.Null:
			continue
		case out == types.Null || out == t:
			out = t
		case out.IsNumeric() && t.IsNumeric():
			out = types.Numeric
		default:
			return types.Any
		}
	}
	if out == types.Null {
		return types.Any
	}
	return out
}

// anyNull reports whether any argument is NULL.
func anyNull(args []value.Value) bool {
	for _, a := range args {
		if a.IsNull() {
			return true
		}
	}
	return false
}

// maxIntArg bounds integer arguments (lengths, positions, counts) so that
// arithmetic on them cannot overflow.
const maxIntArg = 1 << 62

// intArg reads an integer argument (reals truncate, numeric text parses),
// clamped to ±maxIntArg. ok is false for NULL or non-numeric values.
func intArg(v value.Value) (int64, bool) {
	n := types.Cast(v, types.Integer)
	switch n.Kind() {
	case value.KindInteger:
		return max(min(n.Int(), maxIntArg), -maxIntArg), true
	case value.KindBigInt:
		if n.Big().Sign() > 0 {
			return maxIntArg, true
		}
		return -maxIntArg, true
	}
	return 0, false
}

// register adds builtin definitions to Default, panicking on a clash (a
// programming error caught by the package tests).
func register(defs ...Def) {
	for _, d := range defs {
		MustRegister(d)
	}
}
