package storage

// arena hands out byte slices carved from large chunks, so that a
// transaction's buffered keys and values cost one allocation per chunk
// instead of one or two per write. Slices are never reused or moved: a
// slice stays valid as long as anything references it (the garbage
// collector keeps its chunk alive). Chunks grow geometrically from
// arenaMinChunk to arenaMaxChunk, so small transactions stay small.
type arena struct {
	cur  []byte // unused tail of the current chunk
	next int    // size of the next chunk
	used int64  // bytes handed out (for sizing the commit batch)
}

const (
	arenaMinChunk = 1 << 10
	arenaMaxChunk = 1 << 20
)

// alloc returns a zeroed-length slice of n bytes (len n, cap n).
func (a *arena) alloc(n int) []byte {
	a.used += int64(n)
	if n > arenaMaxChunk/4 {
		return make([]byte, n)
	}
	if len(a.cur) < n {
		if a.next < arenaMinChunk {
			a.next = arenaMinChunk
		}
		for a.next < n {
			a.next *= 2
		}
		a.cur = make([]byte, a.next)
		if a.next < arenaMaxChunk {
			a.next *= 2
		}
	}
	b := a.cur[:n:n]
	a.cur = a.cur[n:]
	return b
}

// concat copies key followed by val into one arena slice.
func (a *arena) concat(key, val []byte) []byte {
	b := a.alloc(len(key) + len(val))
	copy(b, key)
	copy(b[len(key):], val)
	return b
}
