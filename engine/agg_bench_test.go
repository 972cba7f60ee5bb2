package engine

import "testing"

// BenchmarkEngineScalarAggScan is an aggregate without GROUP BY over a full
// scan: every row goes to the one group.
func BenchmarkEngineScalarAggScan(b *testing.B) {
	benchQuery(b, 10000, `SELECT count(*), sum(val), max(cat) FROM items`, 1,
		func(int) []Arg { return nil })
}
