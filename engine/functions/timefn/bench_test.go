package timefn

import (
	"testing"

	"github.com/quereus/quereus/storage/value"
)

func BenchmarkStrftime(b *testing.B) {
	args := []value.Value{value.Text("%Y-%m-%d %H:%M:%f %j %W"), value.Text("2024-07-26 12:30:45.123"), value.Text("+1 day")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Strftime(args); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDateTimeConvert(b *testing.B) {
	args := []value.Value{value.Text("2024-07-26T12:30:45.5+02:00")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DateTimeConvert(args); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTimespanArithmetic(b *testing.B) {
	a, c := value.Text("2024-01-15T10:00:00"), value.Text("P1DT2H")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Arithmetic('+', a, c); err != nil {
			b.Fatal(err)
		}
	}
}
