package jsonfn

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
)

// FuzzParse checks that Parse never panics and that Stringify output parses
// back to the same text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,"x"]}`, `[]`, `"\ud834\udd1e"`, `-0.0e-0`, `{"a":{"b":null}}`, `tru`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := Parse(text)
		if err != nil {
			return
		}
		out := Stringify(doc)
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("Stringify output %q does not parse: %v", out, err)
		}
		if Stringify(again) != out {
			t.Fatalf("round trip changed %q", out)
		}
	})
}

// FuzzPathFunctions checks that the path functions never panic or fail on
// any path and document.
func FuzzPathFunctions(f *testing.F) {
	f.Add(`{"a":[1,{"b":2}]}`, `$.a[1].b`)
	f.Add(`[1,2,3]`, `$[#-1]`)
	f.Add(`{"a.b":1}`, `$."a.b"`)
	f.Fuzz(func(t *testing.T, doc, path string) {
		args := []value.Value{value.Text(doc), value.Text(path), value.Int(7)}
		for _, fn := range []func([]value.Value) (value.Value, error){Extract, Insert, Replace, Set, Remove, TypeFunc, ArrayLength} {
			if _, err := fn(args[:2]); err != nil {
				t.Fatal(err)
			}
			if _, err := fn(args); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Patch([]value.Value{value.Text(doc), value.Text(path)}); err != nil {
			t.Fatal(err)
		}
		if _, err := Each([]value.Value{value.Text(`[1]`), value.Text(path)}); err != nil {
			t.Fatal(err)
		}
		_, _ = SchemaFunc([]value.Value{value.Text(doc), value.Text(path)})
	})
}
