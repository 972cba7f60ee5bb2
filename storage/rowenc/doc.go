// Package rowenc is the compact binary encoding of table rows: the values
// stored under each data key. It is versioned and self-describing (every value
// carries its kind), needs no schema to decode, and round-trips every value
// exactly: -0, NaN payloads, invalid UTF-8 and NUL bytes in text included.
//
// # Layout
//
//	row    = version  count  value*count
//	version = 0x01                    (formatVersion; other versions are refused)
//	count  = uvarint                  number of values, at most MaxColumns
//	value  = tag payload
//
//	tag   kind        payload
//	0x00  NULL        none
//	0x01  INTEGER     zig-zag varint (encoding/binary AppendVarint), 1-10 bytes
//	0x02  BIGINT > 0  uvarint n, then n bytes of magnitude, big-endian
//	0x03  BIGINT < 0  same, for the absolute value
//	0x04  REAL        8 bytes, IEEE-754 bits little-endian, unchanged
//	0x05  TEXT        uvarint n, then n bytes, unchanged (any bytes)
//	0x06  BLOB        uvarint n, then n bytes
//	0x07  FALSE       none
//	0x08  TRUE        none
//	0x09  JSON        uvarint n, then n bytes of canonical JSON text
//
// Integers that fit int64 always use 0x01 (value.BigInt normalizes them, and
// a BIGINT payload holding an int64 decodes as KindInteger). A row of five
// typical values takes 15-40 bytes, against 60-100 for Quereus's JSON rows.
//
// # Schema changes
//
// ALTER TABLE ADD COLUMN does not rewrite rows (lazy migration, as in the
// store design): a row written before a column was added decodes shorter than
// the table. Readers pad the missing trailing values with the column defaults
// (or NULL); this package returns what was stored and never pads.
//
// # Decoding
//
// DecodeRow allocates the row; DecodeRowInto reuses a caller's slice. Neither
// allocates per value for NULL, integers, reals and booleans; the text and
// blob values of one row share a single string copied from the input, so one
// retained value keeps the row's payload alive. DecodeColumn decodes one value
// by skipping the ones before it. The input is never retained.
//
// Corrupt input (truncation, unknown tags or versions, lengths past the end,
// counts beyond MaxColumns or the input size, invalid JSON) yields an error
// wrapping ErrCorrupt; decoding never panics.
package rowenc
