package keyenc

import (
	"errors"

	"github.com/quereus/quereus/collation"
)

// Column describes how one key column is encoded.
type Column struct {
	// Collation normalizes TEXT components; nil means BINARY. It is ignored
	// for every other kind.
	Collation *collation.Collation
	// Desc inverts every byte of the component so that it sorts descending.
	Desc bool
}

// ErrCorrupt is wrapped by every decoding error.
var ErrCorrupt = errors.New("keyenc: corrupt key")

// Type tags, the first byte of an ascending component.
const (
	tagNull    byte = 0x00
	tagNumeric byte = 0x01
	tagText    byte = 0x03
	tagBlob    byte = 0x04
	tagJSON    byte = 0x05
)

// flipOf is the byte every encoded byte of a component is XORed with.
func (c Column) flip() byte {
	if c.Desc {
		return 0xFF
	}
	return 0x00
}

// columnAt returns cols[i], or the ascending BINARY column past the end.
func columnAt(cols []Column, i int) Column {
	if i < len(cols) {
		return cols[i]
	}
	return Column{}
}
