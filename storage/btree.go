package storage

import (
	"bytes"
	"encoding/binary"
)

// btree is the ordered index of a transaction's write set: an in-memory
// B-tree of wsEntry values sorted by key. Entries are stored inline in node
// arrays (no per-entry allocation); their key and value bytes live in the
// write set's arena. Entries are never removed: undoing a write restores
// the entry's previous state, which may be stateAbsent ("no write here").
// That keeps the tree insert-only, so its only structural change is a node
// split, counted by version so that open iterators can reposition.
type btree struct {
	root    *btNode
	length  int    // number of entries, including absent ones
	version uint64 // incremented whenever entries move between nodes
	arena   arena  // the entries' key and value bytes
	// splits counts node splits: the only change that moves a key range
	// from one leaf to another.
	splits uint64
	// hints are the leaves of recent inserts with the key ranges they
	// cover (btHint), most recent first; allocated by the first insert, so
	// that a read-only transaction's empty write set stays small.
	hints *[2]btHint
}

// btHint remembers a leaf and the open key interval (lo, hi) it covers,
// taken from the separators above it when an insert descended to it: every
// key of the tree in that interval, present or inserted later, is in that
// leaf, until a split (the tree is insert-only). Successive writes to one
// store in ascending key order (a bulk INSERT's rows) land in the same
// leaf, which the hint then finds with a few comparisons instead of a
// search from the root. A write set holds several stores' keys, so there
// is one hint for each of the last two leaves written.
type btHint struct {
	leaf         *btNode
	lo, hi       wsEntry // the bounding separators, when hasLo / hasHi
	hasLo, hasHi bool
	splits       uint64 // btree.splits when recorded
}

// hinted returns the leaf a hint knows to cover key, or nil.
func (t *btree) hinted(key []byte, kp uint64) *btNode {
	if t.hints == nil {
		return nil
	}
	for i := range t.hints {
		h := &t.hints[i]
		if h.leaf == nil || h.splits != t.splits {
			continue
		}
		if (!h.hasLo || t.arena.compare(&h.lo, key, kp) < 0) && (!h.hasHi || t.arena.compare(&h.hi, key, kp) > 0) {
			return h.leaf
		}
	}
	return nil
}

// remember records leaf, reached under the separators lo and hi, as the
// most recent hint.
func (t *btree) remember(leaf *btNode, lo, hi wsEntry, hasLo, hasHi bool) {
	if t.hints == nil {
		t.hints = new([2]btHint)
	}
	if t.hints[0].leaf != leaf {
		t.hints[1] = t.hints[0]
	}
	t.hints[0] = btHint{leaf: leaf, lo: lo, hi: hi, hasLo: hasLo, hasHi: hasHi, splits: t.splits}
}

// keyOf returns an entry's key bytes.
func (t *btree) keyOf(e *wsEntry) []byte { return t.arena.bytes(e.pos, e.klen()) }

// valueOf returns an entry's value bytes.
func (t *btree) valueOf(e *wsEntry) []byte {
	if e.vlen == 0 {
		return nil
	}
	kl := e.klen()
	return t.arena.bytes(e.pos, kl+e.vlen)[kl:]
}

// view resolves an entry's bytes.
func (t *btree) view(e *wsEntry) wsView {
	kl := e.klen()
	return wsView{kv: t.arena.bytes(e.pos, kl+e.vlen), klen: kl, state: e.state()}
}

// btMaxItems is the maximum number of entries per node (odd, so a full
// node splits into two halves around its median).
const btMaxItems = 127

type btNode struct {
	items    []wsEntry
	children []*btNode // nil for a leaf; len(items)+1 otherwise
}

func (n *btNode) leaf() bool { return n.children == nil }

// search returns the index of the first entry whose key is >= key and
// whether that entry's key equals key.
func (n *btNode) search(a *arena, key []byte, kp uint64) (int, bool) {
	lo, hi := 0, len(n.items)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.compare(&n.items[m], key, kp) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(n.items) && a.compare(&n.items[lo], key, kp) == 0
}

// searchFromEnd is search for a key likely beyond the node's last entry
// (the next of an ascending run): that case takes one comparison.
func (n *btNode) searchFromEnd(a *arena, key []byte, kp uint64) (int, bool) {
	if last := len(n.items) - 1; last >= 0 && a.compare(&n.items[last], key, kp) < 0 {
		return last + 1, false
	}
	return n.search(a, key, kp)
}

// keyPrefix is the first 8 bytes of key, big-endian, zero-padded: when two
// keys' prefixes differ they order as their prefixes (a shorter key's
// padding is below any byte where the longer one differs from it).
func keyPrefix(key []byte) uint64 {
	if len(key) >= 8 {
		return binary.BigEndian.Uint64(key)
	}
	var b [8]byte
	copy(b[:], key)
	return binary.BigEndian.Uint64(b[:])
}

// compare orders an entry's key against key (whose prefix is kp). Most
// comparisons are settled by the prefixes held in the entries, without
// reading the key bytes from the arena (a cache miss each, in a big tree).
func (a *arena) compare(e *wsEntry, key []byte, kp uint64) int {
	switch {
	case e.pfx < kp:
		return -1
	case e.pfx > kp:
		return 1
	}
	return bytes.Compare(a.bytes(e.pos, e.klen()), key)
}

// splitPoint chooses where a full node splits before key is inserted
// below it: in the middle, except that a leaf receiving a key beyond its
// last entry (ascending inserts, the common bulk-load order) keeps all but
// its last entry, so that leaves fill up instead of staying half empty.
func (n *btNode) splitPoint(a *arena, key []byte, kp uint64) int {
	if n.leaf() && a.compare(&n.items[len(n.items)-1], key, kp) < 0 {
		return len(n.items) - 1
	}
	return len(n.items) / 2
}

// split moves the entries after position m of a full node into a new right
// sibling and returns the entry at m (which moves up) with that sibling.
func (n *btNode) split(m int) (wsEntry, *btNode) {
	mid := n.items[m]
	size := btMaxItems/2 + 1
	if m == len(n.items)-1 {
		size = btMaxItems // an ascending load will fill it
	}
	right := &btNode{items: append(make([]wsEntry, 0, size), n.items[m+1:]...)}
	clear(n.items[m:])
	n.items = n.items[:m]
	if !n.leaf() {
		right.children = append(make([]*btNode, 0, len(n.children)-m), n.children[m+1:]...)
		clear(n.children[m+1:])
		n.children = n.children[:m+1]
	}
	return mid, right
}

// find returns the entry for key, or nil. The pointer is valid until the
// next upsert.
func (t *btree) find(key []byte) *wsEntry {
	kp := keyPrefix(key)
	if leaf := t.hinted(key, kp); leaf != nil {
		if i, found := leaf.searchFromEnd(&t.arena, key, kp); found {
			return &leaf.items[i]
		}
		return nil
	}
	n := t.root
	for n != nil {
		i, found := n.search(&t.arena, key, kp)
		if found {
			return &n.items[i]
		}
		if n.leaf() {
			return nil
		}
		n = n.children[i]
	}
	return nil
}

// upsert returns the entry for key, inserting a zero entry (the caller fills
// it in) when absent. The pointer is valid until the next upsert.
func (t *btree) upsert(key []byte) (e *wsEntry, existed bool) {
	if t.root == nil {
		t.root = &btNode{items: make([]wsEntry, 0, 4)}
	}
	kp := keyPrefix(key)
	if leaf := t.hinted(key, kp); leaf != nil && len(leaf.items) < btMaxItems {
		i, found := leaf.searchFromEnd(&t.arena, key, kp)
		if found {
			return &leaf.items[i], true
		}
		return t.insertAt(leaf, i), false
	}
	if len(t.root.items) >= btMaxItems {
		mid, right := t.root.split(t.root.splitPoint(&t.arena, key, kp))
		t.root = &btNode{items: []wsEntry{mid}, children: []*btNode{t.root, right}}
		t.version++
		t.splits++
	}
	n := t.root
	var lo, hi wsEntry // separators bounding n's key range
	var hasLo, hasHi bool
	for {
		i, found := n.search(&t.arena, key, kp)
		if found {
			return &n.items[i], true
		}
		if n.leaf() {
			t.remember(n, lo, hi, hasLo, hasHi)
			return t.insertAt(n, i), false
		}
		c, j := n.children[i], i
		if len(c.items) >= btMaxItems {
			mid, right := c.split(c.splitPoint(&t.arena, key, kp))
			n.items = append(n.items, wsEntry{})
			copy(n.items[i+1:], n.items[i:])
			n.items[i] = mid
			n.children = append(n.children, nil)
			copy(n.children[i+2:], n.children[i+1:])
			n.children[i+1] = right
			t.version++
			t.splits++
			switch cmp := -t.arena.compare(&mid, key, kp); {
			case cmp == 0:
				return &n.items[i], true
			case cmp > 0:
				c, j = right, i+1
			}
		}
		if j > 0 {
			lo, hasLo = n.items[j-1], true
		}
		if j < len(n.items) {
			hi, hasHi = n.items[j], true
		}
		n = c
	}
}

// insertAt inserts a zero entry at position i of leaf n and returns it.
func (t *btree) insertAt(n *btNode, i int) *wsEntry {
	n.items = append(n.items, wsEntry{})
	copy(n.items[i+1:], n.items[i:])
	n.items[i] = wsEntry{}
	t.length++
	t.version++
	return &n.items[i]
}

// btIter walks a btree in either direction. Its position is a path of
// frames from the root: the top frame is the current entry; every other
// frame (n, i) means "inside n.children[i]".
type btIter struct {
	t       *btree
	stack   []btFrame
	valid   bool
	version uint64
	key     []byte // current entry's key (arena bytes, stable across splits)
}

type btFrame struct {
	n *btNode
	i int
}

// settle records the current key after a move.
func (it *btIter) settle() {
	if it.valid {
		it.key = it.entry().key()
	} else {
		it.key = nil
	}
}

func (it *btIter) reset() {
	it.stack = it.stack[:0]
	it.valid = false
	it.version = it.t.version
}

func (it *btIter) push(n *btNode, i int) { it.stack = append(it.stack, btFrame{n, i}) }

func (it *btIter) pop() { it.stack = it.stack[:len(it.stack)-1] }

// entry is the current entry; only when valid.
func (it *btIter) entry() wsView {
	f := it.stack[len(it.stack)-1]
	return it.t.view(&f.n.items[f.i])
}

// stale reports whether the tree changed shape since the iterator was
// positioned, so that its frames no longer describe a path.
func (it *btIter) stale() bool { return it.version != it.t.version }

// first positions at the smallest entry.
func (it *btIter) firstRaw() {
	it.reset()
	n := it.t.root
	if n == nil || len(n.items) == 0 {
		return
	}
	it.descendFirst(n)
}

// last positions at the largest entry.
func (it *btIter) lastRaw() {
	it.reset()
	n := it.t.root
	if n == nil || len(n.items) == 0 {
		return
	}
	it.descendLast(n)
}

func (it *btIter) descendFirst(n *btNode) {
	for {
		it.push(n, 0)
		if n.leaf() {
			break
		}
		n = n.children[0]
	}
	it.valid = true
}

func (it *btIter) descendLast(n *btNode) {
	for !n.leaf() {
		it.push(n, len(n.children)-1)
		n = n.children[len(n.children)-1]
	}
	it.push(n, len(n.items)-1)
	it.valid = true
}

// seekGE positions at the first entry with key >= key.
func (it *btIter) seekGERaw(key []byte) {
	it.reset()
	kp := keyPrefix(key)
	for n := it.t.root; n != nil; n = n.children[it.stack[len(it.stack)-1].i] {
		i, found := n.search(&it.t.arena, key, kp)
		it.push(n, i)
		if found {
			it.valid = true
			return
		}
		if n.leaf() {
			if i < len(n.items) {
				it.valid = true
				return
			}
			it.ascendForward()
			return
		}
	}
}

// seekGT positions at the first entry with key > key.
func (it *btIter) seekGTRaw(key []byte) {
	it.seekGERaw(key)
	if it.valid && bytes.Equal(it.entry().key(), key) {
		it.nextRaw()
	}
}

// seekLT positions at the last entry with key < key.
func (it *btIter) seekLTRaw(key []byte) {
	it.reset()
	kp := keyPrefix(key)
	for n := it.t.root; n != nil; n = n.children[it.stack[len(it.stack)-1].i] {
		i, _ := n.search(&it.t.arena, key, kp)
		if n.leaf() {
			if i > 0 {
				it.push(n, i-1)
				it.valid = true
				return
			}
			it.ascendBackward()
			return
		}
		it.push(n, i)
	}
}

// ascendForward pops the exhausted top frame and climbs to the first
// ancestor with an entry after the subtree just left.
func (it *btIter) ascendForward() {
	it.pop()
	for len(it.stack) > 0 {
		f := &it.stack[len(it.stack)-1]
		if f.i < len(f.n.items) {
			it.valid = true
			return
		}
		it.pop()
	}
	it.valid = false
}

// ascendBackward climbs (the top frame already being an ancestor frame) to
// the first ancestor with an entry before the subtree just left.
func (it *btIter) ascendBackward() {
	for len(it.stack) > 0 {
		f := &it.stack[len(it.stack)-1]
		if f.i > 0 {
			f.i--
			it.valid = true
			return
		}
		it.pop()
	}
	it.valid = false
}

// next moves to the following entry.
func (it *btIter) nextRaw() {
	if it.stale() {
		it.seekGTRaw(it.key)
		return
	}
	f := &it.stack[len(it.stack)-1]
	if f.n.leaf() {
		f.i++
		if f.i < len(f.n.items) {
			return
		}
		it.ascendForward()
		return
	}
	f.i++
	it.descendFirst(f.n.children[f.i])
}

// prev moves to the preceding entry.
func (it *btIter) prevRaw() {
	if it.stale() {
		it.seekLTRaw(it.key)
		return
	}
	f := &it.stack[len(it.stack)-1]
	if f.n.leaf() {
		if f.i > 0 {
			f.i--
			return
		}
		it.pop()
		it.ascendBackward()
		return
	}
	it.descendLast(f.n.children[f.i])
}

// Public movers: each repositions and records the current key.

func (it *btIter) first()            { it.firstRaw(); it.settle() }
func (it *btIter) last()             { it.lastRaw(); it.settle() }
func (it *btIter) seekGE(key []byte) { it.seekGERaw(key); it.settle() }
func (it *btIter) seekGT(key []byte) { it.seekGTRaw(key); it.settle() }
func (it *btIter) seekLT(key []byte) { it.seekLTRaw(key); it.settle() }
func (it *btIter) next()             { it.nextRaw(); it.settle() }
func (it *btIter) prev()             { it.prevRaw(); it.settle() }
