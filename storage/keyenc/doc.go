// Package keyenc is the order-preserving, collation-aware key encoding of the
// store: data keys (the encoded primary key) and index keys (the encoded index
// columns followed by the encoded primary key) are built here, and the byte
// order of two keys (bytes.Compare, which is Pebble's order) equals the SQL
// order of the tuples they encode.
//
// It follows the Quereus store encoding (conformance/SEMANTICS.md §2), with
// one change to the numeric layout so that integers of any size stay exact
// (see "Deviations" below).
//
// # Components
//
// A key is the concatenation of one encoded component per key column. Each
// component starts with a type tag; tags order the kinds:
//
//	0x00  NULL     (1 byte: the tag)
//	0x01  NUMERIC  integers, big integers, reals and booleans, by value
//	0x03  TEXT     collation-normalized bytes, escaped, terminated
//	0x04  BLOB     bytes, escaped, terminated
//	0x05  JSON     canonical JSON key text, escaped, terminated
//
// 0x02 is unused (integers and reals share one tag). So NULL sorts first, then
// numbers, then text, then blobs, then JSON.
//
// # NUMERIC
//
//	0x01  D[8]  residual
//
// D is the "sortable double" of d, the float64 nearest to the value (ties to
// even), clamped to ±math.MaxFloat64 for finite values beyond the double
// range. Its IEEE-754 bits are written big-endian with all bits inverted for
// negative numbers and only the sign bit set otherwise, which makes unsigned
// byte order equal numeric order: -Inf < ... < -0 < ... < +Inf < NaN. -0 is
// written as +0 and every NaN as the quiet NaN 0x7FF8000000000000, so equal
// values get equal bytes.
//
// The residual is the exact integer r = value - d, non-zero only for integers
// that no double represents (|value| > 2^53, or beyond the double range):
//
//	0x02                       r == 0 (every real, every boolean, and every
//	                           integer a double holds exactly)
//	0x03  L  M[n]              r > 0: M is |r| big-endian, minimal (no leading
//	                           zero byte, n >= 1); L is n as an ordered length
//	0x01  ^L ^M[n]             r < 0: the same bytes as r > 0, all inverted
//
// The ordered length L is one byte n for n < 0xF8, else the byte 0xF7+k
// followed by n as k big-endian bytes (k = 1..8, minimal), so a larger n
// always gives larger L bytes and L's own length is known from its first byte.
//
// Ordering argument. The map value -> d is monotone (rounding to nearest and
// clamping both are), so two values with different d order by D. Values with
// the same d differ only in r, and r orders correctly: negative < zero <
// positive by the marker; among positives a longer minimal magnitude is a
// larger number, and L orders by length first, then M big-endian orders equal
// lengths; among negatives the inversion of that order-preserving, prefix-free
// encoding reverses it, as a larger magnitude is a smaller r. Since r = value -
// d is exact (math/big), the whole order is exact for every integer and real:
// int64 extremes, integers beyond int64, and integers adjacent to large
// doubles. 5, 5.0 and true-as-1 give identical bytes.
//
// An integer-valued number decodes as an integer (KindInteger, or KindBigInt
// beyond int64), anything else as KindReal: a REAL 5.0 key decodes as the
// integer 5, a boolean as 0 or 1, NaN as the quiet NaN, -0 as 0. The row, not
// the key, holds the original value.
//
// # TEXT, BLOB and JSON
//
//	tag  escape(bytes)  0x00          escape: 0x00 -> 01 01, 0x01 -> 01 02
//
// TEXT bytes are the column collation's key form (collation.Normalize:
// BINARY identity, NOCASE lower-cased, RTRIM trailing U+0020 stripped). Text
// is any byte string: invalid UTF-8 is encoded as its bytes (NOCASE keeps
// invalid bytes unchanged), so text orders by the bytes of its key form, which
// is Unicode code-point order for valid UTF-8. BLOB bytes are the blob; JSON
// bytes are the document's canonical key text (json.go: object keys sorted,
// no white space, numbers spelled by value), so documents that are equal
// structurally (key order ignored, 1 == 1.0) get identical keys. Escaping keeps the byte order of the content (00 < 01 < 02 <
// ... becomes 01 01 < 01 02 < 02 < ...), and 0x00 never occurs inside escaped
// content, so the terminator, smaller than every content byte, makes a string
// sort before its extensions. JSON keys thus order by canonical text, not by
// the JSON comparator; the planner must not claim JSON ordering from keys.
//
// Text keys are lossy for a collation whose normalizer is not the identity:
// they decode as the normalized text.
//
// # Composite keys and DESC
//
// Every component encoding is prefix-free: no encoding is a proper prefix of
// another (the tag fixes the kind; NULL is one byte; a numeric's length
// follows from its marker and L; text, blob and JSON end at the first 0x00).
// Two different component encodings therefore differ at some byte both have,
// so the concatenation of components compares component by component, which
// is the SQL tuple order.
//
// A DESC component has every byte of its encoding inverted (XOR 0xFF). Since
// two different encodings differ at a common position, inverting both reverses
// their order, prefix-freeness is kept, and the inverted terminator 0xFF is
// larger than all inverted content: a string sorts after its extensions, as
// descending order requires. A NULL in a DESC component (0xFF) sorts after
// every value.
//
// # Range scans
//
// Because components are prefix-free, the keys whose first k components equal
// given values are exactly the keys having the encoding of those values as a
// byte prefix, whatever the directions. PrefixSpan and RangeSpan build the
// half-open byte intervals [Start, End) a planner seeks for equality prefixes
// and for a range on the next component, swapping the ends for DESC columns;
// PrefixSuccessor gives the smallest key above every key with a given prefix.
// Range spans order text by the collation's key form, so they match SQL order
// only for collations that ProvidesOrdering.
//
// # Deviations from the Quereus encoding
//
//   - NUMERIC is 10 bytes for every real and every integer up to 2^53 (Quereus:
//     always 17), and the residual is variable-length and exact for integers of
//     any size, where Quereus's 8-byte residual is exact only below 2^63 in
//     magnitude and cannot place integers beyond the double range.
//   - Text may be invalid UTF-8 (Go strings can hold any bytes); Quereus
//     rejects unpaired surrogates instead.
//   - JSON always uses the 0x05 tag with canonical key text (numbers by
//     value); the structural JSON encoder Quereus uses for declared-JSON
//     columns (ordered like the JSON comparator) is not implemented, so JSON
//     keys give equality, not JSON ordering.
//   - A nil collation means BINARY (Quereus's encodeValue defaults to NOCASE);
//     the engine picks each key column's collation explicitly.
//
// Decoding validates everything and reports corrupt input with an error
// wrapping ErrCorrupt; it accepts only the canonical bytes the encoder
// produces, so for identity collations encode(decode(k)) == k.
package keyenc
