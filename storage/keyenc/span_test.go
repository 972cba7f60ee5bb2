package keyenc

import (
	"math/rand/v2"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrefixSuccessor(t *testing.T) {
	assert.Equal(t, []byte{0x01, 0x03}, PrefixSuccessor([]byte{0x01, 0x02}))
	assert.Equal(t, []byte{0x02}, PrefixSuccessor([]byte{0x01, 0xFF, 0xFF}))
	assert.Nil(t, PrefixSuccessor([]byte{0xFF, 0xFF}))
	assert.Nil(t, PrefixSuccessor(nil))
	p := []byte{0x05, 0xFF}
	_ = PrefixSuccessor(p)
	assert.Equal(t, []byte{0x05, 0xFF}, p, "input is not modified")
}

// inRange is the reference for RangeSpan on one component: lo < v < hi in
// value order (<= when inclusive), NULL never matching and never bounding.
func inRange(v value.Value, coll *collation.Collation, lo, hi *Bound) bool {
	if v.IsNull() || (lo != nil && lo.Value.IsNull()) || (hi != nil && hi.Value.IsNull()) {
		return false
	}
	if lo != nil {
		c := refCompare(v, lo.Value, coll)
		if c < 0 || (c == 0 && !lo.Inclusive) {
			return false
		}
	}
	if hi != nil {
		c := refCompare(v, hi.Value, coll)
		if c > 0 || (c == 0 && !hi.Inclusive) {
			return false
		}
	}
	return true
}

func TestSpansSelectExactlyTheMatchingKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 43))
	edges := edgeNumbers()
	pool := []value.Value{value.Null(), value.Int(1), value.Int(2), value.Text("a"), value.Text("A")}
	for round := range 300 {
		cols := randomColumns(r, 3)
		// Keys: two leading components from a small pool, then anything.
		keys := make([][]value.Value, 200)
		for i := range keys {
			keys[i] = []value.Value{pool[r.IntN(len(pool))], randomValue(r, edges), randomValue(r, edges)}
		}
		eq := []value.Value{pool[r.IntN(len(pool))]}
		var lo, hi *Bound
		if r.IntN(4) != 0 {
			lo = &Bound{Value: randomValue(r, edges), Inclusive: r.IntN(2) == 0}
		}
		if r.IntN(4) != 0 {
			hi = &Bound{Value: randomValue(r, edges), Inclusive: r.IntN(2) == 0}
		}
		if round%10 == 0 {
			hi = &Bound{Value: lo.valueOr(value.Int(1)), Inclusive: true} // point range
			lo = &Bound{Value: hi.Value, Inclusive: true}
		}
		prefix := PrefixSpan(eq, cols)
		span := RangeSpan(eq, cols, lo, hi)
		for _, k := range keys {
			enc := EncodeKey(k, cols)
			eqMatch := refCompare(k[0], eq[0], cols[0].Collation) == 0
			require.Equal(t, eqMatch, prefix.Contains(enc), "prefix %v of %v under %v", eq, k, describe(cols))
			want := eqMatch && inRange(k[1], cols[1].Collation, lo, hi)
			require.Equal(t, want, span.Contains(enc), "range %v %v %v of %v under %v", eq, lo, hi, k, describe(cols))
		}
	}
}

func (b *Bound) valueOr(v value.Value) value.Value {
	if b == nil || b.Value.IsNull() {
		return v
	}
	return b.Value
}

func TestRangeSpanEdgeCases(t *testing.T) {
	asc := []Column{{}}
	desc := []Column{{Desc: true}}
	all := RangeSpan(nil, asc, nil, nil)
	assert.False(t, all.Contains(EncodeKey([]value.Value{value.Null()}, asc)))
	assert.True(t, all.Contains(EncodeKey([]value.Value{value.Int(-5)}, asc)))
	assert.Nil(t, all.End)
	allDesc := RangeSpan(nil, desc, nil, nil)
	assert.False(t, allDesc.Contains(EncodeKey([]value.Value{value.Null()}, desc)))
	assert.True(t, allDesc.Contains(EncodeKey([]value.Value{value.Text("z")}, desc)))
	nullBound := RangeSpan(nil, asc, &Bound{Value: value.Null(), Inclusive: true}, nil)
	assert.True(t, nullBound.IsEmpty())
	assert.False(t, nullBound.Contains(EncodeKey([]value.Value{value.Null()}, asc)))
	everything := PrefixSpan(nil, asc)
	assert.Nil(t, everything.Start)
	assert.Nil(t, everything.End)
	assert.False(t, RangeSpan(nil, asc, &Bound{Value: value.Int(3)}, &Bound{Value: value.Int(3)}).Contains(EncodeKey([]value.Value{value.Int(3)}, asc)))
	assert.True(t, RangeSpan(nil, asc, &Bound{Value: value.Int(3)}, &Bound{Value: value.Int(1)}).IsEmpty())
	// A trailing-0xFF prefix (DESC NULL) still gets a correct span.
	nullPrefix := PrefixSpan([]value.Value{value.Null()}, desc)
	require.Equal(t, []byte{0xFF}, nullPrefix.Start)
	assert.Nil(t, nullPrefix.End)
	assert.True(t, nullPrefix.Contains(EncodeKey([]value.Value{value.Null(), value.Int(1)}, desc)))
}
