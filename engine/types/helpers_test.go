package types

import (
	"github.com/quereus/quereus/storage/value"
	"github.com/quereus/quereus/storage/value/valuetest"
)

// Short constructors for test tables.
var (
	null = value.Null()
	i    = value.Int
	f    = value.Float
	s    = value.Text
	bl   = func(b string) value.Value { return value.BlobString(b) }
	bo   = value.Bool
)

// Values that can fail the test, and the assertion of kind and value
// identity (big integers by digits).
var (
	big10       = valuetest.BigInt
	js          = valuetest.JSON
	requireSame = valuetest.RequireSame
)
