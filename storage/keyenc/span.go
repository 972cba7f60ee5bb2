package keyenc

import (
	"bytes"

	"github.com/quereus/quereus/storage/value"
)

// Span is the half-open key interval [Start, End) of a seek. A nil Start is
// unbounded below; a nil End is unbounded above (these map directly onto
// storage.IterOptions Lower and Upper).
type Span struct {
	Start, End []byte
}

// Contains reports whether key lies in the span.
func (s Span) Contains(key []byte) bool {
	return (s.Start == nil || bytes.Compare(key, s.Start) >= 0) &&
		(s.End == nil || bytes.Compare(key, s.End) < 0)
}

// IsEmpty reports whether no key lies in the span.
func (s Span) IsEmpty() bool {
	return s.Start != nil && s.End != nil && bytes.Compare(s.Start, s.End) >= 0
}

// Bound is one end of a range on a key column, in the column's value order
// (the SQL order, whatever the column's direction).
type Bound struct {
	Value     value.Value
	Inclusive bool
}

// PrefixSuccessor returns the smallest key greater than every key that has
// prefix as a prefix, or nil when there is none (prefix empty or all 0xFF).
// The result is a new slice.
func PrefixSuccessor(prefix []byte) []byte {
	for i := len(prefix) - 1; i >= 0; i-- {
		if prefix[i] != 0xFF {
			succ := make([]byte, i+1)
			copy(succ, prefix[:i+1])
			succ[i]++
			return succ
		}
	}
	return nil
}

// PrefixSpan returns the span of the keys whose first len(vals) components
// equal vals under cols (NULL components match NULL: the caller decides
// whether SQL equality applies). With no values it spans every key.
func PrefixSpan(vals []value.Value, cols []Column) Span {
	prefix := EncodeKey(vals, cols)
	if len(prefix) == 0 {
		return Span{}
	}
	return Span{Start: prefix, End: PrefixSuccessor(prefix)}
}

// RangeSpan returns the span of the keys whose first len(eq) components equal
// eq and whose next component v (under cols[len(eq)]) satisfies lo < v < hi,
// with <= for an inclusive bound. A nil bound leaves that side open but still
// excludes NULL, since no SQL comparison holds for NULL; a NULL bound value
// gives an empty span for the same reason. For a DESC column the value range
// is mapped onto the reversed byte order. Text bounds are normalized by the
// column's collation, so the span follows SQL order only when the collation
// ProvidesOrdering. The span contains every key of that kind in the key order
// (the cross-kind order NULL < numbers < text < blob < JSON), so a column that
// may hold mixed kinds still needs its predicate re-checked.
func RangeSpan(eq []value.Value, cols []Column, lo, hi *Bound) Span {
	col := columnAt(cols, len(eq))
	if (lo != nil && lo.Value.IsNull()) || (hi != nil && hi.Value.IsNull()) {
		empty := EncodeKey(eq, cols)
		return Span{Start: empty, End: empty}
	}
	prefix := EncodeKey(eq, cols)
	// low and high are the byte-order ends; for DESC the value range flips.
	low, high := lo, hi
	if col.Desc {
		low, high = hi, lo
	}
	var span Span
	if low != nil {
		k := AppendValue(clone(prefix), low.Value, col)
		if low.Inclusive {
			span.Start = k
		} else if span.Start = PrefixSuccessor(k); span.Start == nil {
			return Span{Start: k, End: k} // nothing sorts after k
		}
	} else {
		span.Start = clone(prefix)
		if !col.Desc { // skip the NULLs, which sort first ascending
			span.Start = PrefixSuccessor(AppendValue(span.Start, value.Null(), col))
		}
	}
	if high != nil {
		k := AppendValue(clone(prefix), high.Value, col)
		if high.Inclusive {
			span.End = PrefixSuccessor(k)
		} else {
			span.End = k
		}
	} else if col.Desc { // stop before the NULLs, which sort last descending
		span.End = AppendValue(clone(prefix), value.Null(), col)
	} else {
		span.End = PrefixSuccessor(prefix)
	}
	return span
}

// clone returns a copy of b with room to append a component.
func clone(b []byte) []byte {
	c := make([]byte, len(b), len(b)+16)
	copy(c, b)
	return c
}
