package functions

import (
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Conversion functions (strict, unlike CAST) and the function forms of
// LIKE and GLOB.

func init() {
	register(
		convertDef("integer", types.Integer), convertDef("real", types.Real),
		convertDef("text", types.Text), convertDef("boolean", types.Boolean),
		convertDef("blob", types.Blob), convertDef("numeric", types.Numeric),
		scalarDef("like", 2, 3, types.Boolean, fnLike),
		scalarDef("glob", 2, 2, types.Boolean, fnGlob),
	)
}

func convertDef(name string, t types.Type) Def {
	return scalarDef(name, 1, 1, t, func(a []value.Value) (value.Value, error) {
		return types.Convert(a[0], t)
	})
}

// fnLike is like(pattern, x[, escape]) = x LIKE pattern.
func fnLike(a []value.Value) (value.Value, error) {
	if anyNull(a) {
		return value.Null(), nil
	}
	esc := ""
	if len(a) == 3 {
		esc = types.ToText(a[2])
	}
	p, err := types.CachedLike(types.ToText(a[0]), esc)
	if err != nil {
		return value.Null(), err
	}
	return value.Bool(p.Match(types.ToText(a[1]))), nil
}

// fnGlob is glob(pattern, x) = x GLOB pattern.
func fnGlob(a []value.Value) (value.Value, error) {
	if anyNull(a) {
		return value.Null(), nil
	}
	p, err := types.CachedGlob(types.ToText(a[0]))
	if err != nil {
		return value.Null(), err
	}
	return value.Bool(p.Match(types.ToText(a[1]))), nil
}
