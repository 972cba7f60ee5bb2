package storage

// arena hands out byte slices carved from large chunks, so that a
// transaction's buffered keys and values cost one allocation per chunk
// instead of one or two per write. Slices are never reused or moved.
// Chunks grow geometrically from arenaMinChunk to arenaMaxChunk, so small
// transactions stay small; a request larger than a quarter of the largest
// chunk gets a chunk of its own.
//
// A slice is named by its position (chunk index, offset), which holds no
// pointer: the write set's B-tree entries store positions, so the garbage
// collector never scans them and moving them needs no write barriers.
type arena struct {
	chunks [][]byte // every chunk, by index
	cur    []byte   // the chunk small requests are carved from (nil: none yet)
	curIdx uint32   // its index
	free   int      // offset of its unused tail
	next   int      // size of the next chunk
	used   int64    // bytes handed out (for the transaction budget)
}

const (
	arenaMinChunk = 1 << 10
	arenaMaxChunk = 1 << 20
)

// apos is the position of an arena slice.
type apos struct {
	chunk, off uint32
}

// alloc returns the position of a new n-byte slice and the slice itself
// (len n, cap n).
func (a *arena) alloc(n int) (apos, []byte) {
	a.used += int64(n)
	if n > arenaMaxChunk/4 {
		b := make([]byte, n)
		a.chunks = append(a.chunks, b)
		return apos{chunk: uint32(len(a.chunks) - 1)}, b
	}
	if len(a.cur)-a.free < n {
		if a.next < arenaMinChunk {
			a.next = arenaMinChunk
		}
		for a.next < n {
			a.next *= 2
		}
		a.cur, a.curIdx, a.free = make([]byte, a.next), uint32(len(a.chunks)), 0
		a.chunks = append(a.chunks, a.cur)
		if a.next < arenaMaxChunk {
			a.next *= 2
		}
	}
	p := apos{chunk: a.curIdx, off: uint32(a.free)}
	b := a.cur[a.free : a.free+n : a.free+n]
	a.free += n
	return p, b
}

// bytes returns the n bytes at p.
func (a *arena) bytes(p apos, n uint32) []byte {
	if n == 0 {
		return nil
	}
	c := a.chunks[p.chunk]
	return c[p.off : p.off+n : p.off+n]
}

// concat copies key followed by val into one arena slice.
func (a *arena) concat(key, val []byte) apos {
	p, b := a.alloc(len(key) + len(val))
	copy(b, key)
	copy(b[len(key):], val)
	return p
}
