package keyenc

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/storage/value"
	"github.com/stretchr/testify/require"
)

// requireSameOrder checks that key bytes order a and b as the reference does.
func requireSameOrder(t *testing.T, a, b []value.Value, cols []Column) {
	t.Helper()
	ka, kb := EncodeKey(a, cols), EncodeKey(b, cols)
	want := refCompareTuples(a, b, cols)
	got := sign(bytes.Compare(ka, kb))
	require.Equal(t, want, got, "a=%v b=%v cols=%v\nka=%x\nkb=%x", a, b, describe(cols), ka, kb)
}

func describe(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Collation.Name()
		if c.Desc {
			out[i] += " DESC"
		}
	}
	return out
}

func TestSingleComponentOrderEveryPairOfEdges(t *testing.T) {
	edges := edgeNumbers()
	for _, s := range []string{"", "\x00", "\x01", "\x02", "a", "a\x00", "a\x01", "A", "a ", "ab", "\xff", "é", "İ"} {
		edges = append(edges, value.Text(s), value.BlobString(s))
	}
	edges = append(edges, value.Null())
	for _, coll := range allCollations {
		for _, desc := range []bool{false, true} {
			cols := []Column{{Collation: coll, Desc: desc}}
			for _, a := range edges {
				for _, b := range edges {
					requireSameOrder(t, []value.Value{a}, []value.Value{b}, cols)
				}
			}
		}
	}
}

func TestRandomTuplesOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	edges := edgeNumbers()
	for _, coll := range allCollations {
		for _, desc := range []bool{false, true} {
			for n := 1; n <= 3; n++ {
				cols := make([]Column, n)
				for i := range cols {
					cols[i] = Column{Collation: coll, Desc: desc != (i%2 == 1)}
				}
				for range 2000 {
					a := make([]value.Value, n)
					b := make([]value.Value, n)
					for i := range a {
						a[i] = randomValue(r, edges)
						if r.IntN(3) == 0 {
							b[i] = a[i] // shared components exercise later ones
						} else {
							b[i] = randomValue(r, edges)
						}
					}
					requireSameOrder(t, a, b, cols)
				}
			}
		}
	}
}

func TestSortByKeyMatchesReferenceSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	edges := edgeNumbers()
	for round := range 20 {
		cols := randomColumns(r, 1+round%3)
		type entry struct {
			vals []value.Value
			key  []byte
		}
		entries := make([]entry, 400)
		for i := range entries {
			vals := make([]value.Value, len(cols))
			for j := range vals {
				vals[j] = randomValue(r, edges)
			}
			entries[i] = entry{vals, EncodeKey(vals, cols)}
		}
		slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
		for i := 1; i < len(entries); i++ {
			c := refCompareTuples(entries[i-1].vals, entries[i].vals, cols)
			require.LessOrEqual(t, c, 0, "%v before %v under %v", entries[i-1].vals, entries[i].vals, describe(cols))
			if bytes.Equal(entries[i-1].key, entries[i].key) {
				require.Zero(t, c)
			}
		}
	}
}

func TestEqualValuesShareKeys(t *testing.T) {
	five := [][]value.Value{{value.Int(5)}, {value.Float(5)}, {value.BigInt(bigFrom("5"))}}
	for _, v := range five {
		require.Equal(t, EncodeKey(five[0], nil), EncodeKey(v, nil))
	}
	require.Equal(t, EncodeKey([]value.Value{value.Int(1)}, nil), EncodeKey([]value.Value{value.Bool(true)}, nil))
	require.Equal(t, EncodeKey([]value.Value{value.Int(0)}, nil), EncodeKey([]value.Value{value.Bool(false)}, nil))
	require.Equal(t, EncodeKey([]value.Value{value.Float(0)}, nil), EncodeKey([]value.Value{value.Float(-1 * 0.0 * -1)}, nil))
	negZero := value.Float(copySignZero())
	require.Equal(t, EncodeKey([]value.Value{value.Int(0)}, nil), EncodeKey([]value.Value{negZero}, nil))
	big63 := value.BigInt(pow2(63))
	require.Equal(t, EncodeKey([]value.Value{big63}, nil), EncodeKey([]value.Value{value.Float(1 << 63)}, nil))
	nan1 := value.Float(nanBits(0x7FF8000000000001))
	nan2 := value.Float(nanBits(0xFFF0000000000001))
	require.Equal(t, EncodeKey([]value.Value{nan1}, nil), EncodeKey([]value.Value{nan2}, nil))
	noCase := []Column{{Collation: collation.NoCase}}
	require.Equal(t, EncodeKey([]value.Value{value.Text("ABC")}, noCase), EncodeKey([]value.Value{value.Text("abc")}, noCase))
	rtrim := []Column{{Collation: collation.RTrim}}
	require.Equal(t, EncodeKey([]value.Value{value.Text("abc  ")}, rtrim), EncodeKey([]value.Value{value.Text("abc")}, rtrim))
	require.NotEqual(t, EncodeKey([]value.Value{value.Text("abc\t")}, rtrim), EncodeKey([]value.Value{value.Text("abc")}, rtrim))
}

func TestStringPrefixesOrderAndDesc(t *testing.T) {
	strs := []string{"", "\x00", "\x00\x00", "\x01", "\x01\x00", "\x02", "a", "a\x00", "a\x00b", "a\x01", "ab", "b", "\xff", "\xff\xff"}
	for _, mk := range []func(string) value.Value{value.Text, value.BlobString} {
		for _, desc := range []bool{false, true} {
			cols := []Column{{Desc: desc}, {Desc: !desc}}
			for _, a := range strs {
				for _, b := range strs {
					// A following component must not disturb the order.
					requireSameOrder(t, []value.Value{mk(a), value.Int(9)}, []value.Value{mk(b), value.Int(-9)}, cols)
					requireSameOrder(t, []value.Value{mk(a), mk("z")}, []value.Value{mk(b), mk("")}, cols)
				}
			}
		}
	}
}

func TestDescNullSortsLast(t *testing.T) {
	desc := []Column{{Desc: true}}
	null := EncodeKey([]value.Value{value.Null()}, desc)
	require.Equal(t, []byte{0xFF}, null)
	for _, v := range []value.Value{value.Float(nanBits(canonicalNaN)), value.Text("\xff\xff"), value.BlobString("")} {
		require.Equal(t, 1, bytes.Compare(null, EncodeKey([]value.Value{v}, desc)))
	}
}

func TestComponentEncodingsArePrefixFree(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	edges := edgeNumbers()
	for _, desc := range []bool{false, true} {
		col := Column{Collation: collation.NoCase, Desc: desc}
		keys := make([][]byte, 600)
		for i := range keys {
			keys[i] = AppendValue(nil, randomValue(r, edges), col)
		}
		for _, a := range keys {
			for _, b := range keys {
				if len(a) < len(b) {
					require.False(t, bytes.HasPrefix(b, a), "%x is a prefix of %x", a, b)
				}
			}
		}
	}
}
