package engine

import "testing"

// BenchmarkEngineScanAggregate is a whole-table aggregate without GROUP BY
// (one group: no group key per row) over 10k rows.
func BenchmarkEngineScanAggregate(b *testing.B) {
	benchQuery(b, 10000, `SELECT count(*), sum(val), max(cat) FROM items`, 1,
		func(int) []Arg { return nil })
}
