package jsonfn

import (
	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/types"
)

// Defs lists the function definitions this package registers into
// functions.Default from init(). json_each and json_tree are table-valued
// and not in the registry; the engine calls Each and Tree directly.
func Defs() []functions.Def {
	v := functions.Variadic
	scalar := func(name string, minArgs, maxArgs int, ret types.Type, fn functions.ScalarFunc) functions.Def {
		return functions.Def{Name: name, MinArgs: minArgs, MaxArgs: maxArgs, Deterministic: true, Scalar: fn, ReturnType: ret}
	}
	patch := scalar("json_patch", 2, 2, types.JSON, Patch)
	patch.Deterministic = false // as registered by Quereus
	return []functions.Def{
		scalar("json", 1, 1, types.JSON, JSONConvert),
		scalar("json_valid", 1, 1, types.Boolean, ValidFunc),
		scalar("json_type", 1, 2, types.Text, TypeFunc),
		scalar("json_extract", 1, v, types.Any, Extract),
		scalar("json_quote", 1, 1, types.Text, QuoteFunc),
		scalar("json_array", 0, v, types.JSON, Array),
		scalar("json_object", 0, v, types.JSON, Object),
		scalar("json_array_length", 1, 2, types.Integer, ArrayLength),
		scalar("json_insert", 1, v, types.JSON, Insert),
		scalar("json_replace", 1, v, types.JSON, Replace),
		scalar("json_set", 1, v, types.JSON, Set),
		scalar("json_remove", 1, v, types.JSON, Remove),
		scalar("json_schema", 2, 2, types.Boolean, SchemaFunc),
		patch,
		{Name: "json_group_array", MinArgs: 1, MaxArgs: 1, Deterministic: true, ReturnType: types.JSON,
			NewAggregate: func() functions.Aggregate { return &GroupArray{} }},
		{Name: "json_group_object", MinArgs: 2, MaxArgs: 2, Deterministic: true, ReturnType: types.JSON,
			NewAggregate: func() functions.Aggregate { return &GroupObject{} }},
	}
}

// RegistrationErrors holds the errors of registering Defs at init (a name
// clash with another package's builtin). It is empty in a correct build;
// the package tests assert that, so a clash fails tests instead of
// panicking at program start.
var RegistrationErrors []error

func init() {
	RegistrationErrors = functions.RegisterAll(Defs())
}
