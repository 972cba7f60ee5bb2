package functions

import (
	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Null handling, conditionals and value selection: coalesce, ifnull,
// nullif, iif, choose, greatest, least, typeof, likelihood/likely/unlikely.

func init() {
	coalesce := scalarDef("coalesce", 1, Variadic, types.Any, fnCoalesce)
	coalesce.ReturnTypeFunc = commonType
	ifnull := scalarDef("ifnull", 2, 2, types.Any, fnCoalesce)
	ifnull.ReturnTypeFunc = commonType
	nullif := scalarDef("nullif", 2, 2, types.Any, func(a []value.Value) (value.Value, error) {
		return nullIf(nil, a), nil
	})
	nullif.ScalarCollated = func(c *collation.Collation, a []value.Value) (value.Value, error) {
		return nullIf(c, a), nil
	}
	nullif.ReturnTypeFunc = func(args []types.Type) types.Type { return args[0] }
	iif := scalarDef("iif", 3, 3, types.Any, fnIif)
	iif.ReturnTypeFunc = func(args []types.Type) types.Type { return commonType(args[1:]) }
	choose := scalarDef("choose", 2, Variadic, types.Any, fnChoose)
	choose.ReturnTypeFunc = func(args []types.Type) types.Type { return commonType(args[1:]) }
	greatest := extremeDef("greatest", 1, 1, false)
	least := extremeDef("least", -1, 1, false)
	// SQLite's multi-argument scalar min/max (the 1-argument forms are the
	// aggregates): NULL if any argument is NULL.
	scalarMax := extremeDef("max", 1, 2, true)
	scalarMin := extremeDef("min", -1, 2, true)
	register(coalesce, ifnull, nullif, iif, choose, greatest, least, scalarMax, scalarMin,
		scalarDef("typeof", 1, 1, types.Text, func(a []value.Value) (value.Value, error) {
			return value.Text(types.TypeOf(a[0])), nil
		}),
		passThroughDef("likelihood", 2), passThroughDef("likely", 1), passThroughDef("unlikely", 1),
	)
}

func fnCoalesce(args []value.Value) (value.Value, error) {
	for _, a := range args {
		if !a.IsNull() {
			return a, nil
		}
	}
	return value.Null(), nil
}

func fnIif(args []value.Value) (value.Value, error) {
	if t, _ := types.Truthy(args[0]); t {
		return args[1], nil
	}
	return args[2], nil
}

func fnChoose(args []value.Value) (value.Value, error) {
	n, ok := intArg(args[0])
	if !ok || n < 1 || n >= int64(len(args)) {
		return value.Null(), nil
	}
	return args[n], nil
}

// passThroughDef returns its first argument (planner hints).
func passThroughDef(name string, n int) Def {
	d := scalarDef(name, n, n, types.Any, func(a []value.Value) (value.Value, error) { return a[0], nil })
	d.ReturnTypeFunc = func(args []types.Type) types.Type { return args[0] }
	return d
}

// isNumberClass reports whether v is a number or boolean.
func isNumberClass(v value.Value) bool {
	switch v.Kind() {
	case value.KindInteger, value.KindBigInt, value.KindReal, value.KindBoolean:
		return true
	}
	return false
}

// comparisonKeys applies the cross-category comparison coercion to a group
// of values compared together (nullif, greatest, least): when the group
// mixes numbers and text, text values are compared as their numeric
// conversion. The returned keys are only for comparing; callers return the
// original arguments.
func comparisonKeys(args []value.Value) []value.Value {
	hasNum, hasText := false, false
	for _, a := range args {
		hasNum = hasNum || isNumberClass(a)
		hasText = hasText || a.Kind() == value.KindText
	}
	if !hasNum || !hasText {
		return args
	}
	keys := make([]value.Value, len(args))
	for i, a := range args {
		keys[i] = types.CastForComparison(a)
	}
	return keys
}

func nullIf(c *collation.Collation, args []value.Value) value.Value {
	keys := comparisonKeys(args)
	if eq, ok := types.CompareSQL(keys[0], keys[1], c); ok && eq == 0 {
		return value.Null()
	}
	return args[0]
}

// extremeDef defines greatest/max (dir 1) or least/min (dir -1) taking at
// least minArgs arguments. NULL arguments are ignored (all-NULL gives NULL)
// unless nullWins, when any NULL argument makes the result NULL.
func extremeDef(name string, dir, minArgs int, nullWins bool) Def {
	pick := func(c *collation.Collation, args []value.Value) (value.Value, error) {
		if nullWins && anyNull(args) {
			return value.Null(), nil
		}
		keys := comparisonKeys(args)
		best := -1
		for i, k := range keys {
			if k.IsNull() {
				continue
			}
			if best < 0 || types.Compare(k, keys[best], c)*dir > 0 {
				best = i
			}
		}
		if best < 0 {
			return value.Null(), nil
		}
		return args[best], nil
	}
	d := scalarDef(name, minArgs, Variadic, types.Any, func(a []value.Value) (value.Value, error) { return pick(nil, a) })
	d.ScalarCollated = pick
	d.ReturnTypeFunc = commonType
	return d
}
