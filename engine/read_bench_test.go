package engine

import "testing"

// BenchmarkEngineScanAggregate is a whole-table aggregate without GROUP BY
// (one group: no group key per row) over 10k rows.
func BenchmarkEngineScanAggregate(b *testing.B) {
	benchQuery(b, 10000, `SELECT count(*), sum(val), max(cat) FROM items`, 1,
		func(int) []Arg { return nil })
}

// BenchmarkEngineJoinFanout joins 20 items to their ~10 orders each through
// the orders_cust index: the right side is a key-range scan per left row.
func BenchmarkEngineJoinFanout(b *testing.B) {
	const n = 10000
	benchQuery(b, n,
		`SELECT count(*), sum(o.qty) FROM items i JOIN orders o ON o.cust = i.cat WHERE i.id >= ? AND i.id < ?`, 1,
		func(i int) []Arg {
			lo := int64(1 + (i*7919)%(n-20))
			return []Arg{intArg(1, lo), intArg(2, lo+20)}
		})
}
