package storage

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStoreRangesAreDisjoint checks the ordering argument of layout.go:
// every key of store a sorts outside store b's range, for ids around the
// uvarint width boundaries and at random.
func TestStoreRangesAreDisjoint(t *testing.T) {
	ids := []uint64{0, 1, 2, 16, 127, 128, 129, 255, 256, 16383, 16384, 1<<21 - 1, 1 << 21, 1<<63 + 5}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 50; i++ {
		ids = append(ids, r.Uint64()>>uint(r.Intn(64)))
	}
	for _, a := range ids {
		pa := storePrefix(a)
		for _, b := range ids {
			if a == b {
				continue
			}
			pb, endB := storePrefix(b), prefixEnd(storePrefix(b))
			for _, suffix := range [][]byte{nil, {0}, {0xff, 0xff}} {
				k := append(append([]byte(nil), pa...), suffix...)
				inside := bytes.Compare(k, pb) >= 0 && bytes.Compare(k, endB) < 0
				require.False(t, inside, "key %x of store %d falls in store %d's range", k, a, b)
			}
		}
	}
}

func TestKeyRangeEnd(t *testing.T) {
	assert.Equal(t, []byte("\x00e"), keyRangeEnd([]byte("\x00d")))
	assert.Equal(t, []byte{0x01}, keyRangeEnd([]byte{0x00, 0xff}))
	assert.Nil(t, keyRangeEnd([]byte{0xff, 0xff}))
}

func TestDirEntryRoundTrip(t *testing.T) {
	for _, e := range []dirEntry{
		{id: 16, owner: tableOwner("Main", "T")},
		{id: 1 << 40, owner: indexOwner("main", "q", "archive")},
	} {
		got, err := decodeDirEntry(e.encode())
		require.NoError(t, err)
		assert.Equal(t, e, got)
	}
	for _, bad := range [][]byte{nil, {9}, {1}, {1, 16}, {1, 16, 3}, {1, 16, 1, 5, 'a'}, append(dirEntry{id: 16, owner: tableOwner("a", "b")}.encode(), 0)} {
		_, err := decodeDirEntry(bad)
		assert.ErrorIs(t, err, errCorruptDirectory, "%x", bad)
	}
}

// FuzzDecodeDirEntry: arbitrary bytes decode to an error or to an entry
// that re-encodes to the same bytes, never a panic.
func FuzzDecodeDirEntry(f *testing.F) {
	f.Add(dirEntry{id: 16, owner: tableOwner("main", "t")}.encode())
	f.Add(dirEntry{id: 300, owner: indexOwner("main", "t", "i")}.encode())
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := decodeDirEntry(b)
		if err != nil {
			return
		}
		if !bytes.Equal(e.encode(), b) {
			// Uvarints admit non-minimal encodings; the decoded entry must
			// still be stable under a second round trip.
			again, err := decodeDirEntry(e.encode())
			require.NoError(t, err)
			require.Equal(t, e, again)
		}
	})
}

func TestOpenRefusesForeignOrNewerDirectories(t *testing.T) {
	foreign := filepath.Join(t.TempDir(), "foreign")
	pdb, err := pebble.Open(foreign, &pebble.Options{Logger: quietLogger{}})
	require.NoError(t, err)
	require.NoError(t, pdb.Set([]byte("someone else's key"), []byte("v"), pebble.Sync))
	require.NoError(t, pdb.Close())
	_, err = Open(Options{Dir: foreign})
	assert.ErrorContains(t, err, "not a quereus database")

	newer := filepath.Join(t.TempDir(), "newer")
	db := openDir(t, newer)
	require.NoError(t, db.pdb.Set(layoutVersionKey, binary.AppendUvarint(nil, layoutVersion+1), pebble.Sync))
	require.NoError(t, db.Close())
	_, err = Open(Options{Dir: newer})
	assert.ErrorContains(t, err, "unsupported layout version")

	_, err = Open(Options{ReadOnly: true})
	assert.ErrorContains(t, err, "needs a directory")
	_, err = Open(Options{BusyTimeout: -1})
	assert.Error(t, err)
}
