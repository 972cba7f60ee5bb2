package types_test

import (
	"fmt"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

func ExampleDiv() {
	fmt.Println(types.Div(value.Int(10), value.Int(3)))
	fmt.Println(types.Div(value.Int(20), value.Int(10)))
	fmt.Println(types.Div(value.Int(1), value.Int(0)))
	// Output:
	// 3.3333333333333335
	// 2
	// NULL
}

func ExampleToText() {
	for _, v := range []value.Value{value.Float(1), value.Float(1e21), value.Float(3.14), value.Bool(true)} {
		fmt.Println(types.ToText(v))
	}
	// Output:
	// 1
	// 1e+21
	// 3.14
	// true
}

func ExampleComparisonCoercion() {
	// i = '42' where i is an INTEGER column: the planner converts the text side.
	l, r := types.ComparisonCoercion(types.Integer, types.Text)
	fmt.Println(types.Equal(l.Apply(value.Int(42)), r.Apply(value.Text("42")), nil))
	// Without the plan-time coercion, a number never equals text.
	fmt.Println(types.Equal(value.Int(42), value.Text("42"), nil))
	// Output:
	// true
	// false
}

func ExampleCompileLike() {
	p, _ := types.CompileLike("a_c%", "")
	fmt.Println(p.Match("abcdef"), p.Match("ABCdef"), p.Match("a😀c"))
	// Output: true false true
}
