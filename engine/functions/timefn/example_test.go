package timefn_test

import (
	"fmt"

	"github.com/quereus/quereus/engine/functions/timefn"
	"github.com/quereus/quereus/storage/value"
)

// Temporal arithmetic on sniffed operands, as the engine does for
// untyped values.
func ExampleArithmetic() {
	for _, c := range []struct {
		op   byte
		a, b value.Value
	}{
		{'-', value.Text("2024-01-15"), value.Text("2024-01-01")},
		{'+', value.Text("2024-01-31"), value.Text("P1M")},
		{'*', value.Text("PT1H"), value.Int(2)},
		{'+', value.Int(1), value.Int(2)},
	} {
		v, handled, err := timefn.Arithmetic(c.op, c.a, c.b)
		fmt.Println(v, handled, err)
	}
	// Output:
	// "P14D" true <nil>
	// "2024-02-29" true <nil>
	// "PT7200S" true <nil>
	// NULL false <nil>
}

func ExampleParseTimespan() {
	d, _ := timefn.ParseTimespan("2 days 3 hours")
	fmt.Println(d, d.TotalSeconds())
	// Output: P2DT3H 183600
}
