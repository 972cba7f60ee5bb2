package jsonfn

import (
	"fmt"
	"math"
	"math/big"
	"testing"

	"github.com/quereus/quereus/engine/functions/internal/fntest"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// show renders a result with its kind so that tests pin both.
func show(v value.Value) string {
	if s, ok := fntest.ShowScalar(v); ok {
		return s
	}
	switch v.Kind() {
	case value.KindJSON:
		return "json:" + Stringify(v.JSONDoc())
	case value.KindBlob:
		return fmt.Sprintf("blob:%x", v.Blob())
	}
	return v.String()
}

var (
	t_   = value.Text
	i_   = value.Int
	f_   = value.Float
	b_   = value.Bool
	null = value.Null()
)

func j_(text string) value.Value {
	doc, err := Parse(text)
	if err != nil {
		panic(err)
	}
	return value.JSON(doc)
}

type fnCase fntest.Case

func runCases(t *testing.T, cases []fnCase) {
	t.Helper()
	for _, c := range cases {
		fntest.Run(t, fntest.Case(c), show)
	}
}

func TestValidAndType(t *testing.T) {
	runCases(t, []fnCase{
		{"valid object", ValidFunc, []value.Value{t_(`{"a": 1}`)}, "bool:true"},
		{"valid truncated", ValidFunc, []value.Value{t_(`{`)}, "bool:false"},
		{"valid null", ValidFunc, []value.Value{null}, "bool:false"},
		{"valid int", ValidFunc, []value.Value{i_(0)}, "bool:true"},
		{"valid real", ValidFunc, []value.Value{f_(3.14)}, "bool:true"},
		{"valid bool", ValidFunc, []value.Value{b_(false)}, "bool:true"},
		{"valid native", ValidFunc, []value.Value{j_(`{"a":1}`)}, "bool:true"},
		{"valid blob", ValidFunc, []value.Value{value.Blob([]byte("{}"))}, "bool:false"},
		{"valid unquoted key", ValidFunc, []value.Value{t_(`{missing_quotes: 1}`)}, "bool:false"},
		{"valid bad brace", ValidFunc, []value.Value{t_(`{]`)}, "bool:false"},
		{"valid bad escape", ValidFunc, []value.Value{t_(`{"a":"\xZZ"}`)}, "bool:false"},
		{"valid short unicode", ValidFunc, []value.Value{t_(`{"a":"\u00"}`)}, "bool:false"},
		{"type path int", TypeFunc, []value.Value{t_(`{"a": 1}`), t_("$.a")}, "text:integer"},
		{"type path no dollar", TypeFunc, []value.Value{t_(`[1, "t", null]`), t_("[1]")}, "text:text"},
		{"type real", TypeFunc, []value.Value{t_(`{"a":3.14}`), t_("$.a")}, "text:real"},
		{"type true", TypeFunc, []value.Value{t_(`{"a":true}`), t_("$.a")}, "text:true"},
		{"type false", TypeFunc, []value.Value{t_(`{"a":false}`), t_("$.a")}, "text:false"},
		{"type json null", TypeFunc, []value.Value{t_(`{"a":null}`), t_("$.a")}, "text:null"},
		{"type array", TypeFunc, []value.Value{t_(`{"a":[1,2]}`), t_("$.a")}, "text:array"},
		{"type object", TypeFunc, []value.Value{t_(`{"a":{"b":1}}`), t_("$.a")}, "text:object"},
		{"type missing", TypeFunc, []value.Value{t_(`{"a":1}`), t_("$.b")}, "NULL"},
		{"type non-text path", TypeFunc, []value.Value{t_(`{"a":1}`), i_(42)}, "text:null"},
		{"type invalid", TypeFunc, []value.Value{t_(`not-json`)}, "NULL"},
		{"type sql null", TypeFunc, []value.Value{null}, "text:null"},
		{"type text 42", TypeFunc, []value.Value{t_(`42`)}, "text:integer"},
		{"type string", TypeFunc, []value.Value{t_(`"hello"`)}, "text:text"},
		{"type native array", TypeFunc, []value.Value{j_(`[1,2,3]`)}, "text:array"},
		{"type int arg", TypeFunc, []value.Value{i_(42)}, "text:integer"},
		{"type real arg", TypeFunc, []value.Value{f_(3.14)}, "text:real"},
		{"type bool arg", TypeFunc, []value.Value{b_(true)}, "text:true"},
		{"type 1.0 is integer", TypeFunc, []value.Value{t_(`1.0`)}, "text:integer"},
	})
}

func TestExtract(t *testing.T) {
	runCases(t, []fnCase{
		{"array elem", Extract, []value.Value{t_(`{"a": [10, 20], "b": "foo"}`), t_("$.a[1]")}, "int:20"},
		{"no path", Extract, []value.Value{t_(`{"a":1}`)}, "NULL"},
		{"non-text path", Extract, []value.Value{t_(`{"a":1}`), i_(42)}, "NULL"},
		{"null path", Extract, []value.Value{t_(`{"a":1}`), null}, "NULL"},
		{"bool", Extract, []value.Value{t_(`{"a":true}`), t_("$.a")}, "bool:true"},
		{"nested object", Extract, []value.Value{t_(`{"a":{"b":{"c":42}}}`), t_("$.a.b")}, `json:{"c":42}`},
		{"nested array", Extract, []value.Value{t_(`{"a":[10,20,30]}`), t_("$.a")}, `json:[10,20,30]`},
		{"deep", Extract, []value.Value{t_(`{"a":{"b":{"c":{"d":99}}}}`), t_("$.a.b.c.d")}, "int:99"},
		{"first found wins", Extract, []value.Value{t_(`{"a":1,"b":2}`), t_("$.x"), t_("$.y"), t_("$.b")}, "int:2"},
		{"all miss", Extract, []value.Value{t_(`{"a":1}`), t_("$.x"), t_("$.y")}, "NULL"},
		{"root scalar", Extract, []value.Value{t_(`42`), t_("$")}, "int:42"},
		{"root string", Extract, []value.Value{t_(`"hello"`), t_("$")}, "text:hello"},
		{"root object", Extract, []value.Value{t_(`{"a":1,"b":2}`), t_("$")}, `json:{"a":1,"b":2}`},
		{"quoted key", Extract, []value.Value{t_(`{"a.b":42}`), t_(`$."a.b"`)}, "int:42"},
		{"nested index", Extract, []value.Value{t_(`[[1,2],[3,4]]`), t_("$[0][1]")}, "int:2"},
		{"mixed", Extract, []value.Value{t_(`{"a":[{"b":99}]}`), t_("$.a[0].b")}, "int:99"},
		{"unclosed", Extract, []value.Value{t_(`{"a":1}`), t_("$[0")}, "NULL"},
		{"negative", Extract, []value.Value{t_(`[1,2,3]`), t_("$[-1]")}, "NULL"},
		{"empty path", Extract, []value.Value{t_(`{"a":1}`), t_("")}, "NULL"},
		{"through null", Extract, []value.Value{t_(`{"a":null}`), t_("$.a.b")}, "NULL"},
		{"from end", Extract, []value.Value{t_(`[1,2,3]`), t_("$[#-1]")}, "int:3"},
		{"from end past start", Extract, []value.Value{t_(`[1,2,3]`), t_("$[#-4]")}, "NULL"},
		{"escaped quote", Extract, []value.Value{t_(`{"a":"he said \"hi\""}`), t_("$.a")}, `text:he said "hi"`},
		{"escaped backslash", Extract, []value.Value{t_(`{"a":"a\\b"}`), t_("$.a")}, `text:a\b`},
		{"newline escape", Extract, []value.Value{t_(`{"a":"line1\nline2"}`), t_("$.a")}, "text:line1\nline2"},
		{"unicode escape", Extract, []value.Value{t_(`{"a":"\u00e9\ud834\udd1e"}`), t_("$.a")}, "text:é𝄞"},
		{"literal astral", Extract, []value.Value{t_(`{"a":"𝄞"}`), t_("$.a")}, "text:𝄞"},
		{"real", Extract, []value.Value{t_(`{"a":2.50}`), t_("$.a")}, "real:2.5"},
		{"sql null doc", Extract, []value.Value{null, t_("$.a")}, "NULL"},
		{"native doc", Extract, []value.Value{j_(`{"a":[1,2,3]}`), t_("$.a[2]")}, "int:3"},
		{"key on array", Extract, []value.Value{t_(`[1]`), t_("$.a")}, "NULL"},
		{"index on object", Extract, []value.Value{t_(`{"0":1}`), t_("$[0]")}, "NULL"},
	})
}

func TestQuoteArrayObject(t *testing.T) {
	runCases(t, []fnCase{
		{"quote int", QuoteFunc, []value.Value{i_(1)}, "text:1"},
		{"quote text", QuoteFunc, []value.Value{t_("text")}, `text:"text"`},
		{"quote null", QuoteFunc, []value.Value{null}, "text:null"},
		{"quote real", QuoteFunc, []value.Value{f_(3.14)}, "text:3.14"},
		{"quote whole real", QuoteFunc, []value.Value{f_(2)}, "text:2"},
		{"quote inf", QuoteFunc, []value.Value{f_(math.Inf(1))}, "text:null"},
		{"quote true", QuoteFunc, []value.Value{b_(true)}, "text:true"},
		{"quote escapes", QuoteFunc, []value.Value{t_(`String "\ Test`)}, `text:"String \"\\ Test"`},
		{"quote newline", QuoteFunc, []value.Value{t_("a\nb")}, `text:"a\nb"`},
		{"quote control", QuoteFunc, []value.Value{t_("\x01/")}, `text:"\u0001/"`},
		{"quote object", QuoteFunc, []value.Value{j_(`{"a":1}`)}, `text:{"a":1}`},
		{"quote blob", QuoteFunc, []value.Value{value.Blob([]byte{1})}, "NULL"},
		{"array mixed", Array, []value.Value{i_(1), t_("two"), null, j_(`{"x":3}`)}, `json:[1,"two",null,{"x":3}]`},
		{"array empty", Array, nil, `json:[]`},
		{"array bool", Array, []value.Value{b_(true)}, `json:[true]`},
		{"array embedded quote", Array, []value.Value{t_(`he said "hi"`)}, `json:["he said \"hi\""]`},
		{"array backslashes", Array, []value.Value{t_(`a\\b`)}, `json:["a\\\\b"]`},
		{"array slash", Array, []value.Value{t_(`a/b`)}, `json:["a/b"]`},
		{"array parses json text", Array, []value.Value{t_(`1`), t_(`[2]`)}, `json:[1,[2]]`},
		{"array blob", Array, []value.Value{i_(1), value.Blob([]byte("ABC")), i_(3)}, `json:[1,null,3]`},
		{"array nan inf", Array, []value.Value{f_(math.NaN()), f_(math.Inf(-1))}, `json:[null,null]`},
		{"array bigint", Array, []value.Value{i_(1 << 60), value.BigInt(new(big.Int).Lsh(big.NewInt(1), 70))}, `json:["1152921504606846976","1180591620717411303424"]`},
		{"object", Object, []value.Value{t_("a"), i_(1), t_("b"), Must(Array([]value.Value{i_(2), i_(3)}))}, `json:{"a":1,"b":[2,3]}`},
		{"object odd", Object, []value.Value{t_("a")}, "NULL"},
		{"object int key", Object, []value.Value{i_(42), t_("v")}, "NULL"},
		{"object blob key", Object, []value.Value{value.Blob([]byte{0}), t_("v")}, "NULL"},
		{"object empty", Object, nil, `json:{}`},
		{"object blob value", Object, []value.Value{t_("k"), value.Blob([]byte{0xca})}, `json:{"k":null}`},
		{"object repeated key", Object, []value.Value{t_("k"), i_(1), t_("k"), i_(2)}, `json:{"k":2}`},
	})
}

// Must unwraps a function result in test tables.
func Must(v value.Value, err error) value.Value {
	if err != nil {
		panic(err)
	}
	return v
}

func TestArrayLength(t *testing.T) {
	runCases(t, []fnCase{
		{"simple", ArrayLength, []value.Value{t_(`[1, 2, 3]`)}, "int:3"},
		{"path", ArrayLength, []value.Value{t_(`{"items":[1,2,3]}`), t_("$.items")}, "int:3"},
		{"non array", ArrayLength, []value.Value{t_(`{"a":1}`)}, "int:0"},
		{"empty", ArrayLength, []value.Value{t_(`[]`)}, "int:0"},
		{"scalar", ArrayLength, []value.Value{t_(`42`)}, "int:0"},
		{"path to scalar", ArrayLength, []value.Value{t_(`{"a":42}`), t_("$.a")}, "int:0"},
		{"non-text path", ArrayLength, []value.Value{t_(`[1,2,3]`), i_(42)}, "int:0"},
		{"missing path", ArrayLength, []value.Value{t_(`{"a":[1]}`), t_("$.b")}, "int:0"},
		{"sql null", ArrayLength, []value.Value{null}, "int:0"},
		{"invalid", ArrayLength, []value.Value{t_(`[`)}, "NULL"},
		{"comma in string", ArrayLength, []value.Value{t_(`["a,b","c,d","e"]`)}, "int:3"},
		{"brackets in string", ArrayLength, []value.Value{t_(`["[","]","["]`)}, "int:3"},
	})
}

func TestEditFunctions(t *testing.T) {
	runCases(t, []fnCase{
		{"insert new", Insert, []value.Value{t_(`{"a":1}`), t_("$.b"), i_(2)}, `json:{"a":1,"b":2}`},
		{"insert existing", Insert, []value.Value{t_(`{"a":1}`), t_("$.a"), i_(99)}, `json:{"a":1}`},
		{"insert no pairs", Insert, []value.Value{t_(`{"a":1}`)}, "NULL"},
		{"insert odd", Insert, []value.Value{t_(`{"a":1}`), t_("$.b")}, "NULL"},
		{"insert non-text path", Insert, []value.Value{t_(`{"a":1}`), i_(42), t_("v")}, "NULL"},
		{"insert in-bounds index", Insert, []value.Value{t_(`[1,2,3]`), t_("$[1]"), i_(99)}, `json:[1,2,3]`},
		{"insert append", Insert, []value.Value{t_(`[1,2]`), t_("$[2]"), i_(3)}, `json:[1,2,3]`},
		{"insert past end", Insert, []value.Value{t_(`[1,2]`), t_("$[5]"), i_(3)}, `json:[1,2]`},
		{"insert bad path", Insert, []value.Value{t_(`{"a":1}`), t_("$invalid"), i_(99)}, `json:{"a":1}`},
		{"insert multiple", Insert, []value.Value{t_(`{}`), t_("$.a"), i_(1), t_("$.b"), i_(2)}, `json:{"a":1,"b":2}`},
		{"insert invalid json", Insert, []value.Value{t_(`not-json`), t_("$.a"), i_(1)}, "NULL"},
		{"insert nested", Insert, []value.Value{t_(`{"a":{"b":1}}`), t_("$.a.c"), i_(2)}, `json:{"a":{"b":1,"c":2}}`},
		{"insert nested array", Insert, []value.Value{t_(`{"a":[1,2]}`), t_("$.a[2]"), i_(3)}, `json:{"a":[1,2,3]}`},
		{"insert json text value", Insert, []value.Value{t_(`{}`), t_("$.a"), t_(`{"x":1}`)}, `json:{"a":{"x":1}}`},
		{"replace", Replace, []value.Value{t_(`{"a":1, "b":2}`), t_("$.a"), i_(99)}, `json:{"a":99,"b":2}`},
		{"replace missing", Replace, []value.Value{t_(`{"a":1}`), t_("$.b"), i_(99)}, `json:{"a":1}`},
		{"replace root", Replace, []value.Value{t_(`{"a":1}`), t_("$"), i_(42)}, "int:42"},
		{"replace elem", Replace, []value.Value{t_(`[10,20,30]`), t_("$[1]"), i_(99)}, `json:[10,99,30]`},
		{"replace out of bounds", Replace, []value.Value{t_(`[10,20,30]`), t_("$[5]"), i_(99)}, `json:[10,20,30]`},
		{"replace invalid", Replace, []value.Value{t_(`not-json`), t_("$.a"), i_(1)}, "NULL"},
		{"replace no args", Replace, []value.Value{t_(`{"a":1}`)}, "NULL"},
		{"replace non-text path", Replace, []value.Value{t_(`{"a":1}`), i_(42), i_(99)}, "NULL"},
		{"replace multiple", Replace, []value.Value{t_(`{"a":1,"b":2}`), t_("$.a"), i_(10), t_("$.b"), i_(20)}, `json:{"a":10,"b":20}`},
		{"set two", Set, []value.Value{t_(`{"a":1}`), t_("$.a"), i_(99), t_("$.c"), t_("new")}, `json:{"a":99,"c":"new"}`},
		{"set new", Set, []value.Value{t_(`{"a":1}`), t_("$.b"), t_("new")}, `json:{"a":1,"b":"new"}`},
		{"set root", Set, []value.Value{t_(`{"a":1}`), t_("$"), i_(42)}, "int:42"},
		{"set elem", Set, []value.Value{t_(`[10,20,30]`), t_("$[1]"), i_(99)}, `json:[10,99,30]`},
		{"set append", Set, []value.Value{t_(`[10,20]`), t_("$[2]"), i_(30)}, `json:[10,20,30]`},
		{"set pad", Set, []value.Value{t_(`[1]`), t_("$[4]"), t_("x")}, `json:[1,null,null,null,"x"]`},
		{"set deep missing", Set, []value.Value{t_(`{}`), t_("$.a.b"), i_(42)}, `json:{}`},
		{"set deep missing index", Set, []value.Value{t_(`{"a":{}}`), t_("$.a.b[0]"), t_("first")}, `json:{"a":{}}`},
		{"set nested new key", Set, []value.Value{t_(`{"a":{"b":1}}`), t_("$.a.c"), i_(2)}, `json:{"a":{"b":1,"c":2}}`},
		{"set invalid", Set, []value.Value{t_(`not-json`), t_("$.a"), i_(1)}, "NULL"},
		{"set no args", Set, []value.Value{t_(`{}`)}, "NULL"},
		{"set non-text path", Set, []value.Value{t_(`{}`), i_(42), t_("val")}, "NULL"},
		{"set multiple", Set, []value.Value{t_(`{}`), t_("$.a"), i_(1), t_("$.b"), i_(2), t_("$.c"), i_(3)}, `json:{"a":1,"b":2,"c":3}`},
		{"set on native", Set, []value.Value{j_(`{"a":[1,2,3]}`), t_("$.a[0]"), i_(99)}, `json:{"a":[99,2,3]}`},
		{"set through scalar", Set, []value.Value{t_(`{"a":1}`), t_("$.a.b"), i_(2)}, `json:{"a":1}`},
		{"remove elem", Remove, []value.Value{t_(`{"a":1, "b":[2,3]}`), t_("$.b[0]")}, `json:{"a":1,"b":[3]}`},
		{"remove missing", Remove, []value.Value{t_(`{"a":1}`), t_("$.b")}, `json:{"a":1}`},
		{"remove no paths", Remove, []value.Value{t_(`{"a":1,"b":2}`)}, `json:{"a":1,"b":2}`},
		{"remove key", Remove, []value.Value{t_(`{"a":1,"b":2}`), t_("$.a")}, `json:{"b":2}`},
		{"remove first", Remove, []value.Value{t_(`[10,20,30]`), t_("$[0]")}, `json:[20,30]`},
		{"remove out of bounds", Remove, []value.Value{t_(`[10,20,30]`), t_("$[5]")}, `json:[10,20,30]`},
		{"remove non-text", Remove, []value.Value{t_(`{"a":1}`), i_(42)}, "NULL"},
		{"remove invalid", Remove, []value.Value{t_(`not-json`), t_("$.a")}, "NULL"},
		{"remove null doc", Remove, []value.Value{null, t_("$.a")}, "NULL"},
		{"remove multiple", Remove, []value.Value{t_(`{"a":1,"b":2,"c":3}`), t_("$.a"), t_("$.c")}, `json:{"b":2}`},
		{"remove bad path", Remove, []value.Value{t_(`{"a":1}`), t_("$[invalid")}, `json:{"a":1}`},
		{"remove root ignored", Remove, []value.Value{t_(`{"a":1}`), t_("$")}, `json:{"a":1}`},
		{"remove last from end", Remove, []value.Value{t_(`[1,2,3]`), t_("$[#-1]")}, `json:[1,2]`},
	})
}

func TestEditDoesNotMutateInput(t *testing.T) {
	in := j_(`{"a":[1,2,3],"b":{"c":1}}`)
	before := Stringify(in.JSONDoc())
	_, err := Set([]value.Value{in, t_("$.a[0]"), i_(99), t_("$.b.c"), i_(5)})
	require.NoError(t, err)
	_, err = Remove([]value.Value{in, t_("$.a[1]"), t_("$.b")})
	require.NoError(t, err)
	_, err = Patch([]value.Value{in, t_(`[{"op":"add","path":"/a/0","value":7},{"op":"remove","path":"/b/c"}]`)})
	require.NoError(t, err)
	assert.Equal(t, before, Stringify(in.JSONDoc()))
}

func TestJSONConvert(t *testing.T) {
	runCases(t, []fnCase{
		{"object", JSONConvert, []value.Value{t_(`{"a":1}`)}, `json:{"a":1}`},
		{"array", JSONConvert, []value.Value{t_(`[1,2,3]`)}, `json:[1,2,3]`},
		{"json null", JSONConvert, []value.Value{t_(`null`)}, "NULL"},
		{"sql null", JSONConvert, []value.Value{null}, "NULL"},
		{"number passes", JSONConvert, []value.Value{i_(5)}, "int:5"},
		{"native passes", JSONConvert, []value.Value{j_(`[1]`)}, "json:[1]"},
		{"scalar text", JSONConvert, []value.Value{t_(`"hi"`)}, "text:hi"},
	})
	_, err := JSONConvert([]value.Value{t_("{invalid")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Cannot convert to JSON")
	_, err = JSONConvert([]value.Value{value.Blob([]byte{1})})
	assert.Error(t, err)
}
