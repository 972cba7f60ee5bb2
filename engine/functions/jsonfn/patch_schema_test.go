package jsonfn

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
)

func TestPatch(t *testing.T) {
	runCases(t, []fnCase{
		{"replace", Patch, []value.Value{t_(`{"a":1,"b":2}`), t_(`[{"op":"replace","path":"/a","value":3}]`)}, `json:{"a":3,"b":2}`},
		{"add", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"add","path":"/b","value":2}]`)}, `json:{"a":1,"b":2}`},
		{"remove", Patch, []value.Value{t_(`{"a":1,"b":2}`), t_(`[{"op":"remove","path":"/b"}]`)}, `json:{"a":1}`},
		{"invalid doc", Patch, []value.Value{t_(`not-json`), t_(`[{"op":"add","path":"/a","value":1}]`)}, "NULL"},
		{"invalid patch", Patch, []value.Value{t_(`{"a":1}`), t_(`not-json`)}, "NULL"},
		{"patch not array", Patch, []value.Value{t_(`{"a":1}`), t_(`{"op":"add"}`)}, "NULL"},
		{"null doc", Patch, []value.Value{null, t_(`[{"op":"add","path":"/a","value":1}]`)}, "NULL"},
		{"deep missing path", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"replace","path":"/nonexistent/deep/path","value":99}]`)}, "NULL"},
		{"missing fields", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"value":1}]`)}, "NULL"},
		{"multiple", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/a"}]`)}, `json:{"b":2}`},
		{"array insert", Patch, []value.Value{t_(`[1,3]`), t_(`[{"op":"add","path":"/1","value":2}]`)}, `json:[1,2,3]`},
		{"array append dash", Patch, []value.Value{t_(`[1]`), t_(`[{"op":"add","path":"/-","value":2}]`)}, `json:[1,2]`},
		{"array add out of bounds", Patch, []value.Value{t_(`[1]`), t_(`[{"op":"add","path":"/5","value":2}]`)}, "NULL"},
		{"array bad index", Patch, []value.Value{t_(`[1]`), t_(`[{"op":"replace","path":"/x","value":2}]`)}, "NULL"},
		{"move", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"move","from":"/a","path":"/b"}]`)}, `json:{"b":1}`},
		{"copy", Patch, []value.Value{t_(`{"a":[1]}`), t_(`[{"op":"copy","from":"/a","path":"/b"}]`)}, `json:{"a":[1],"b":[1]}`},
		{"test ok", Patch, []value.Value{t_(`{"a":{"x":1.0}}`), t_(`[{"op":"test","path":"/a","value":{"x":1}}]`)}, `json:{"a":{"x":1}}`},
		{"test fails", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"test","path":"/a","value":2}]`)}, "NULL"},
		{"unknown op", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"frob","path":"/a"}]`)}, "NULL"},
		{"replace root", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"replace","path":"","value":[1]}]`)}, `json:[1]`},
		{"escaped pointer", Patch, []value.Value{t_(`{"a/b":1,"c~d":2}`), t_(`[{"op":"remove","path":"/a~1b"},{"op":"replace","path":"/c~0d","value":3}]`)}, `json:{"c~d":3}`},
		{"pointer without slash", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"remove","path":"a"}]`)}, "NULL"},
		{"add needs value", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"add","path":"/b"}]`)}, "NULL"},
		{"into scalar", Patch, []value.Value{t_(`{"a":1}`), t_(`[{"op":"add","path":"/a/b","value":1}]`)}, "NULL"},
	})
}

func TestSchema(t *testing.T) {
	runCases(t, []fnCase{
		{"number int", SchemaFunc, []value.Value{t_(`42`), t_("number")}, "bool:true"},
		{"number real", SchemaFunc, []value.Value{t_(`42.5`), t_("number")}, "bool:true"},
		{"string", SchemaFunc, []value.Value{t_(`"hello"`), t_("string")}, "bool:true"},
		{"boolean", SchemaFunc, []value.Value{t_(`true`), t_("boolean")}, "bool:true"},
		{"null", SchemaFunc, []value.Value{t_(`null`), t_("null")}, "bool:true"},
		{"number array", SchemaFunc, []value.Value{t_(`[1, 2.5, 3]`), t_("number[]")}, "bool:true"},
		{"string array", SchemaFunc, []value.Value{t_(`["a", "b"]`), t_("string[]")}, "bool:true"},
		{"mixed array", SchemaFunc, []value.Value{t_(`[1, "mixed"]`), t_("number[]")}, "bool:false"},
		{"object", SchemaFunc, []value.Value{t_(`{"x": 42}`), t_("{ x: number }")}, "bool:true"},
		{"object two", SchemaFunc, []value.Value{t_(`{"x": 42, "y": 3.14}`), t_("{ x: number, y: number }")}, "bool:true"},
		{"object wrong type", SchemaFunc, []value.Value{t_(`{"x": "wrong"}`), t_("{ x: number }")}, "bool:false"},
		{"object missing", SchemaFunc, []value.Value{t_(`{"x": 42}`), t_("{ x: number, y: number }")}, "bool:false"},
		{"array of objects", SchemaFunc, []value.Value{t_(`[{"x": 1}, {"x": 2}]`), t_("{ x: number }[]")}, "bool:true"},
		{"array of objects bad", SchemaFunc, []value.Value{t_(`[{"x": 1}, {"x": "wrong"}]`), t_("{ x: number }[]")}, "bool:false"},
		{"object with array", SchemaFunc, []value.Value{t_(`{"items": [1, 2, 3]}`), t_("{ items: number[] }")}, "bool:true"},
		{"object with bad array", SchemaFunc, []value.Value{t_(`{"items": [1, "wrong"]}`), t_("{ items: number[] }")}, "bool:false"},
		{"complex", SchemaFunc, []value.Value{t_(`{"users": [{"name": "Alice", "age": 30}, {"name": "Bob", "age": 25}]}`), t_("{ users: { name: string, age: number }[] }")}, "bool:true"},
		{"complex bad", SchemaFunc, []value.Value{t_(`{"users": [{"name": "Alice", "age": "thirty"}]}`), t_("{ users: { name: string, age: number }[] }")}, "bool:false"},
		{"invalid json", SchemaFunc, []value.Value{t_(`{invalid`), t_("number")}, "bool:false"},
		{"unknown type", SchemaFunc, []value.Value{t_(`42`), t_("unknown_type")}, "bool:false"},
		{"empty array", SchemaFunc, []value.Value{t_(`[]`), t_("number[]")}, "bool:true"},
		{"empty object vs required", SchemaFunc, []value.Value{t_(`{}`), t_("{ x: number }")}, "bool:false"},
		{"empty object schema", SchemaFunc, []value.Value{t_(`{}`), t_("{}")}, "bool:true"},
		{"non-text schema", SchemaFunc, []value.Value{t_(`{"a":1}`), i_(42)}, "bool:false"},
		{"garbage schema", SchemaFunc, []value.Value{t_(`{"a":1}`), t_("!!!invalid!!!")}, "bool:false"},
		{"null input", SchemaFunc, []value.Value{null, t_("{ name: string }")}, "bool:false"},
		{"native input", SchemaFunc, []value.Value{j_(`[{"x":1}]`), t_("{ x: number }[]")}, "bool:true"},
		{"optional absent", SchemaFunc, []value.Value{t_(`{}`), t_("{ x?: number }")}, "bool:true"},
		{"optional wrong", SchemaFunc, []value.Value{t_(`{"x":"a"}`), t_("{ x?: number }")}, "bool:false"},
		{"union", SchemaFunc, []value.Value{t_(`"a"`), t_("number | string")}, "bool:true"},
		{"union miss", SchemaFunc, []value.Value{t_(`true`), t_("number | string")}, "bool:false"},
		{"intersection", SchemaFunc, []value.Value{t_(`{"a":1,"b":"x"}`), t_("{ a: number } & { b: string }")}, "bool:true"},
		{"intersection miss", SchemaFunc, []value.Value{t_(`{"a":1}`), t_("{ a: number } & { b: string }")}, "bool:false"},
		{"union of intersections", SchemaFunc, []value.Value{t_(`"x"`), t_("{ a: number } & { b: string } | string")}, "bool:true"},
		{"literal", SchemaFunc, []value.Value{t_(`"on"`), t_("'on' | 'off'")}, "bool:true"},
		{"literal miss", SchemaFunc, []value.Value{t_(`"dim"`), t_("'on' | 'off'")}, "bool:false"},
		{"tuple", SchemaFunc, []value.Value{t_(`[1,"a"]`), t_("[number, string]")}, "bool:true"},
		{"tuple length", SchemaFunc, []value.Value{t_(`[1]`), t_("[number, string]")}, "bool:false"},
		{"semicolons", SchemaFunc, []value.Value{t_(`{"a":1,"b":"x"}`), t_("{ a: number; b: string; }")}, "bool:true"},
		{"parens array", SchemaFunc, []value.Value{t_(`[1,"a"]`), t_("(number | string)[]")}, "bool:true"},
		{"unclosed", SchemaFunc, []value.Value{t_(`{}`), t_("{ a: number")}, "bool:false"},
	})
}

func TestCompileSchemaDepthLimit(t *testing.T) {
	deep := ""
	for i := 0; i < 500; i++ {
		deep += "("
	}
	_, err := CompileSchema(deep + "number")
	assert.Error(t, err)
}
