package functions

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quereus/quereus/storage/value"
)

// runWindow computes a window function over rows of arguments with the
// given peer numbers (nil: each row its own peer group) and frames.
func runWindow(t *testing.T, name string, args [][]value.Value, peer []int, frames [][2]int) []value.Value {
	t.Helper()
	nargs := 0
	if len(args) > 0 {
		nargs = len(args[0])
	}
	d, err := LookupWindow(name, nargs)
	require.NoError(t, err, name)
	if peer == nil {
		peer = make([]int, len(args))
		for k := range peer {
			peer[k] = k
		}
	}
	out := make([]value.Value, len(args))
	require.NoError(t, d.Compute(&Partition{Args: args, Peer: peer, Frames: frames}, out))
	return out
}

func ints(vs ...int64) []value.Value {
	out := make([]value.Value, len(vs))
	for k, v := range vs {
		out[k] = value.Int(v)
	}
	return out
}

func sameAll(t *testing.T, want, got []value.Value, msg string) {
	t.Helper()
	require.Len(t, got, len(want), msg)
	for k := range want {
		same(t, want[k], got[k], "%s row %d", msg, k)
	}
}

func TestRankingWindowFunctions(t *testing.T) {
	// Scores 95, 90, 90, 88, 85, 80 ordered descending (10.3-function-features).
	none := make([][]value.Value, 6)
	for k := range none {
		none[k] = []value.Value{}
	}
	peer := []int{0, 1, 1, 2, 3, 4}
	sameAll(t, ints(1, 2, 3, 4, 5, 6), runWindow(t, "row_number", none, peer, nil), "row_number")
	sameAll(t, ints(1, 2, 2, 4, 5, 6), runWindow(t, "rank", none, peer, nil), "rank")
	sameAll(t, ints(1, 2, 2, 3, 4, 5), runWindow(t, "dense_rank", none, peer, nil), "dense_rank")

	// Values 10, 20, 20, 30, 40 (07.5-window).
	five := none[:5]
	p5 := []int{0, 1, 1, 2, 3}
	sameAll(t, []value.Value{f(0), f(0.25), f(0.25), f(0.75), f(1)}, runWindow(t, "percent_rank", five, p5, nil), "percent_rank")
	sameAll(t, []value.Value{f(0.2), f(0.6), f(0.6), f(0.8), f(1)}, runWindow(t, "cume_dist", five, p5, nil), "cume_dist")
	sameAll(t, []value.Value{f(0)}, runWindow(t, "percent_rank", none[:1], []int{0}, nil), "single row")
	sameAll(t, []value.Value{f(1)}, runWindow(t, "cume_dist", none[:1], []int{0}, nil), "single row")
}

func TestNtile(t *testing.T) {
	rows := func(n int64, size int) [][]value.Value {
		out := make([][]value.Value, size)
		for k := range out {
			out[k] = []value.Value{value.Int(n)}
		}
		return out
	}
	sameAll(t, ints(1, 1, 1, 2, 2), runWindow(t, "ntile", rows(2, 5), nil, nil), "ntile(2)")
	sameAll(t, ints(1, 1, 2, 2, 3), runWindow(t, "ntile", rows(3, 5), nil, nil), "ntile(3)")
	sameAll(t, ints(1, 2), runWindow(t, "ntile", rows(10, 2), nil, nil), "more buckets than rows")
	d, _ := LookupWindow("ntile", 1)
	err := d.Compute(&Partition{Args: rows(0, 2), Peer: []int{0, 1}}, make([]value.Value, 2))
	assert.Error(t, err)
}

func TestLagLead(t *testing.T) {
	vals := []int64{10, 20, 30, 100, 200}
	mk := func(extra ...value.Value) [][]value.Value {
		out := make([][]value.Value, len(vals))
		for k, v := range vals {
			out[k] = append([]value.Value{value.Int(v)}, extra...)
		}
		return out
	}
	sameAll(t, []value.Value{null, i(10), i(20), i(30), i(100)}, runWindow(t, "lag", mk(), nil, nil), "lag")
	sameAll(t, []value.Value{i(20), i(30), i(100), i(200), null}, runWindow(t, "lead", mk(), nil, nil), "lead")
	sameAll(t, []value.Value{null, null, i(10), i(20), i(30)}, runWindow(t, "lag", mk(i(2)), nil, nil), "lag 2")
	sameAll(t, []value.Value{i(20), i(30), i(100), i(200), i(-1)}, runWindow(t, "lead", mk(i(1), i(-1)), nil, nil), "lead default")
	sameAll(t, []value.Value{i(0), i(10), i(20), i(30), i(100)}, runWindow(t, "lag", mk(i(1), i(0)), nil, nil), "lag default")
	sameAll(t, []value.Value{null, null, null, null, null}, runWindow(t, "lag", mk(null), nil, nil), "null offset")
	sameAll(t, []value.Value{i(20), i(30), i(100), i(200), null}, runWindow(t, "lag", mk(i(-1)), nil, nil), "negative lag is lead")
}

func TestFrameValueFunctions(t *testing.T) {
	args := [][]value.Value{{i(10)}, {i(20)}, {i(30)}}
	whole := [][2]int{{0, 3}, {0, 3}, {0, 3}}
	sameAll(t, ints(10, 10, 10), runWindow(t, "first_value", args, nil, whole), "first_value whole")
	sameAll(t, ints(30, 30, 30), runWindow(t, "last_value", args, nil, whole), "last_value whole")
	// Default frame with ORDER BY: up to the current row (and its peers).
	sameAll(t, ints(10, 20, 30), runWindow(t, "last_value", args, nil, nil), "last_value default frame")
	sameAll(t, ints(20, 20, 30), runWindow(t, "last_value", args, []int{0, 0, 1}, nil), "peers share the frame end")
	// No ORDER BY: every row is a peer, so the frame is the partition.
	sameAll(t, ints(10, 10, 10), runWindow(t, "first_value", args, []int{0, 0, 0}, nil), "first_value no order")
	nth := [][]value.Value{{i(10), i(2)}, {i(20), i(2)}, {i(30), i(2)}}
	sameAll(t, []value.Value{null, i(20), i(20)}, runWindow(t, "nth_value", nth, nil, nil), "nth_value 2")
	empty := [][2]int{{1, 1}, {5, 9}, {0, 1}}
	sameAll(t, []value.Value{null, null, i(10)}, runWindow(t, "first_value", args, nil, empty), "empty frames")
}

func TestWindowLookup(t *testing.T) {
	assert.True(t, IsWindowFunction("ROW_NUMBER"))
	assert.False(t, IsWindowFunction("sum"))
	_, err := LookupWindow("row_number", 1)
	assert.EqualError(t, err, "Function not found: row_number/1")
	_, err = LookupWindow("nope", 0)
	assert.Error(t, err)
	d, err := LookupWindow("Lag", 3)
	require.NoError(t, err)
	assert.Equal(t, "lag", d.Name)
}
