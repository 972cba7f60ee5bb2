package jsonfn

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
)

const benchDoc = `{"id":42,"name":"widget","tags":["a","b","c"],"dims":{"w":10.5,"h":3,"d":[1,2,{"deep":true}]},"price":19.99,"stock":null}`

func BenchmarkExtractText(b *testing.B) {
	args := []value.Value{value.Text(benchDoc), value.Text("$.dims.d[2].deep")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(args); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractNative(b *testing.B) {
	doc, err := Parse(benchDoc)
	if err != nil {
		b.Fatal(err)
	}
	args := []value.Value{value.JSON(doc), value.Text("$.dims.d[2].deep")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(args); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchDoc)))
	for b.Loop() {
		if _, err := Parse(benchDoc); err != nil {
			b.Fatal(err)
		}
	}
}
