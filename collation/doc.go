// Package collation is the registry of named text collations: the comparators
// the engine uses to order and compare TEXT values, together with the key
// normalizers the storage layer uses to turn text into order-preserving key
// bytes.
//
// # Model
//
// A Collation has a name (looked up case-insensitively), a comparator
// Compare(a, b) and a key normalizer Normalize(s). For a collation whose
// ProvidesOrdering reports true, the normalizer is consistent with the
// comparator:
//
//	sign(Compare(a, b)) == sign(bytes.Compare(Normalize(a), Normalize(b)))
//
// so a key built from normalized bytes sorts exactly as the comparator orders,
// and two texts the collation calls equal get the same key. The storage key
// encoder (storage/keyenc) relies on this; the planner may claim ordering from
// a key range only when ProvidesOrdering is true.
//
// # Built-in collations
//
//	BINARY  byte order of the UTF-8 text, which equals Unicode code-point order
//	        for valid UTF-8. Normalizer: identity.
//	NOCASE  full Unicode lower-case folding (JavaScript toLowerCase, as in
//	        Quereus): texts compare by the byte order of their lower-cased forms.
//	        Normalizer: the lower-cased form (see Lower for the exact rules).
//	RTRIM   ignores trailing U+0020 spaces only (not tabs or other white
//	        space), then compares as BINARY. Normalizer: strips trailing U+0020.
//
// Texts are Go strings and may hold invalid UTF-8. Every collation treats a
// byte that is not part of a valid UTF-8 sequence as itself: BINARY and RTRIM
// compare it bytewise, NOCASE copies it unchanged into the folded form (it is
// never replaced by U+FFFD), so every normalizer is total and deterministic.
//
// # Custom collations
//
// Register adds a collation from a comparator and an optional key encoder.
// With an encoder, the registrant promises the consistency property above and
// the collation reports ProvidesOrdering() == true. Without one, keys are the
// BINARY bytes of the text and ProvidesOrdering() reports false: key order (and
// key equality) then says nothing about the comparator, so the planner must
// sort above the scan and the engine must not rely on keys for uniqueness under
// that collation. Built-in names cannot be registered over.
//
// The package-level functions use the process-wide Default registry; an engine
// wanting per-database collations creates its own with NewRegistry. Registries
// are safe for concurrent use.
package collation
