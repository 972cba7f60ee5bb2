package functions_test

import (
	"fmt"

	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/storage/value"
)

func ExampleRegistry() {
	// A per-database registry for user-defined functions, over the builtins.
	reg := functions.NewRegistry(functions.Default)
	_ = reg.Register(functions.Def{
		Name: "double", MinArgs: 1, MaxArgs: 1, Deterministic: true,
		Scalar: func(args []value.Value) (value.Value, error) {
			return value.Int(2 * args[0].Int()), nil
		},
	})
	d, _ := reg.Lookup("DOUBLE", 1)
	v, _ := d.Call(nil, []value.Value{value.Int(21)})
	fmt.Println(v)
	abs, _ := reg.Lookup("abs", 1)
	v, _ = abs.Call(nil, []value.Value{value.Int(-3)})
	fmt.Println(v)
	_, err := reg.Lookup("double", 2)
	fmt.Println(err)
	// Output:
	// 42
	// 3
	// Function not found: double/2
}

func ExampleAggregate() {
	d, _ := functions.Lookup("sum", 1)
	agg := d.NewAggregate()
	for _, v := range []value.Value{value.Int(9007199254740991), value.Int(5), value.Null()} {
		_ = agg.Step([]value.Value{v})
	}
	fmt.Println(agg.Result())
	// Output: 9007199254740996 <nil>
}
