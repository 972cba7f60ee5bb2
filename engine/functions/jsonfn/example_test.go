package jsonfn_test

import (
	"fmt"

	"github.com/quereus/quereus/engine/functions/jsonfn"
	"github.com/quereus/quereus/storage/value"
)

// A table-valued function call: json_each over an object, with its rows in
// EachColumns order.
func ExampleEach() {
	rows, err := jsonfn.Each([]value.Value{value.Text(`{"b":[1,2],"a":true}`)})
	if err != nil {
		panic(err)
	}
	fmt.Println(jsonfn.EachColumns)
	for _, r := range rows {
		fmt.Println(r)
	}
	// Output:
	// [key value type atom id parent fullkey path]
	// ["a" true "true" true 0 NULL ".a" ""]
	// ["b" "[1,2]" "array" NULL 1 NULL ".b" ""]
}

func ExampleExtract() {
	v, _ := jsonfn.Extract([]value.Value{value.Text(`{"a":[10,{"b":"x"}]}`), value.Text(`$.a[#-1].b`)})
	fmt.Println(v)
	v, _ = jsonfn.Extract([]value.Value{value.Text(`{"a":[10,{"b":"x"}]}`), value.Text(`$.a`)})
	fmt.Println(v.Kind(), v)
	// Output:
	// "x"
	// json [10,{"b":"x"}]
}
