package functions

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Blob, quoting and random functions: hex, unhex, quote, zeroblob,
// randomblob, random.

func init() {
	random := scalarDef("random", 0, 0, types.Integer, fnRandom)
	random.Deterministic = false
	randomblob := scalarDef("randomblob", 1, 1, types.Blob, fnRandomBlob)
	randomblob.Deterministic = false
	register(random, randomblob,
		scalarDef("hex", 1, 1, types.Text, fnHex),
		scalarDef("unhex", 1, 2, types.Blob, fnUnhex),
		scalarDef("quote", 1, 1, types.Text, fnQuote),
		scalarDef("zeroblob", 1, 1, types.Blob, fnZeroBlob),
	)
}

// fnHex spells the bytes of the argument's blob conversion in upper-case
// hex; a JSON document fails ("Cannot convert to BLOB for hex()").
func fnHex(a []value.Value) (value.Value, error) {
	if a[0].IsNull() {
		return value.Null(), nil
	}
	if a[0].Kind() == value.KindJSON {
		return value.Null(), fmt.Errorf("Cannot convert to BLOB for hex()")
	}
	b := types.Cast(a[0], types.Blob)
	return value.Text(strings.ToUpper(hex.EncodeToString([]byte(b.Text())))), nil
}

// fnUnhex decodes hex text (either case) into a blob. Characters of the
// optional second argument are ignored between hex digit pairs. Non-text
// input, an odd digit count or another character gives NULL.
func fnUnhex(a []value.Value) (value.Value, error) {
	if a[0].Kind() != value.KindText {
		return value.Null(), nil
	}
	s := a[0].Text()
	if len(a) == 2 {
		if a[1].IsNull() {
			return value.Null(), nil
		}
		ignore := types.ToText(a[1])
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(ignore, r) {
				return -1
			}
			return r
		}, s)
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return value.Null(), nil
	}
	return value.Blob(b), nil
}

// fnQuote renders the argument as an SQL literal.
func fnQuote(a []value.Value) (value.Value, error) {
	v := a[0]
	switch v.Kind() {
	case value.KindNull:
		return value.Text("NULL"), nil
	case value.KindText:
		return value.Text("'" + strings.ReplaceAll(v.Text(), "'", "''") + "'"), nil
	case value.KindBlob:
		return value.Text("X'" + strings.ToUpper(hex.EncodeToString([]byte(v.Text()))) + "'"), nil
	case value.KindJSON:
		return value.Text("'" + strings.ReplaceAll(v.JSONText(), "'", "''") + "'"), nil
	}
	return value.Text(types.ToText(v)), nil
}

func fnZeroBlob(a []value.Value) (value.Value, error) {
	n, ok, err := blobSize(a[0], "zeroblob")
	if !ok || err != nil {
		return value.Null(), err
	}
	return value.Blob(make([]byte, n)), nil
}

// blobSize is the byte count argument of zeroblob and randomblob (name):
// ok is false for NULL or a non-numeric argument, a negative count is 0, and
// a count over MaxResultLen is an error.
func blobSize(arg value.Value, name string) (n int64, ok bool, err error) {
	n, ok = intArg(arg)
	if !ok {
		return 0, false, nil
	}
	if n > MaxResultLen {
		return 0, false, errTooBig(name)
	}
	return max(n, 0), true, nil
}

func fnRandom([]value.Value) (value.Value, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return value.Null(), err
	}
	return value.Int(int64(binary.LittleEndian.Uint64(b[:]))), nil
}

// fnRandomBlob returns n random bytes (n < 1 gives an empty blob).
func fnRandomBlob(a []value.Value) (value.Value, error) {
	n, ok, err := blobSize(a[0], "randomblob")
	if !ok || err != nil {
		return value.Null(), err
	}
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return value.Null(), err
	}
	return value.Blob(b), nil
}
