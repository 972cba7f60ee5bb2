package engine

import (
	"strings"

	"github.com/quereus/quereus/collation"
)

// lookupCollation resolves a collation name; "" and unknown names give nil
// (BINARY).
func lookupCollation(name string) *collation.Collation {
	if name == "" || strings.EqualFold(name, "BINARY") {
		return nil
	}
	c, err := collation.Lookup(name)
	if err != nil {
		return nil
	}
	return c
}

// knownCollation reports whether a collation name exists.
func knownCollation(name string) bool {
	_, err := collation.Lookup(name)
	return err == nil
}

// collationOrders reports whether key bytes encoded under the collation
// sort in the collation's order, so an index scan can provide ORDER BY.
func collationOrders(name string) bool {
	c := lookupCollation(name)
	return c == nil || c.ProvidesOrdering()
}

// normalizeKeyText applies the collation's key normalizer.
func normalizeKeyText(name, s string) string {
	if c := lookupCollation(name); c != nil {
		return c.Normalize(s)
	}
	return s
}
