package jsonfn

import (
	"strings"
	"sync"
	"sync/atomic"
)

// MaxPathSteps bounds the number of steps in one path.
const MaxPathSteps = 1000

// step is one path step: an object key or an array index. For an index,
// fromEnd means the index counts back from the array's length ('[#-n]').
type step struct {
	key     string
	index   int
	isIndex bool
	fromEnd bool
}

// Path is a parsed JSON path.
type Path []step

// ParsePath parses a path in SQLite syntax as Quereus reads it: an optional
// leading '$', then any number of '.key', '."quoted key"', '[n]', '[#]' and
// '[#-n]' steps. A bare key runs to the next '.', '[' or white space. ok is
// false for anything else, including the empty string, a negative index and
// an unclosed bracket or quote.
func ParsePath(path string) (p Path, ok bool) {
	if path == "" {
		return nil, false
	}
	rest := strings.TrimPrefix(path, "$")
	for rest != "" {
		if len(p) >= MaxPathSteps {
			return nil, false
		}
		switch rest[0] {
		case '.':
			rest = rest[1:]
			var key string
			if strings.HasPrefix(rest, `"`) {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					return nil, false
				}
				key, rest = rest[1:1+end], rest[2+end:]
			} else {
				n := strings.IndexAny(rest, "[. \t\n\r\f\v")
				if n < 0 {
					n = len(rest)
				}
				if n == 0 {
					return nil, false
				}
				key, rest = rest[:n], rest[n:]
			}
			p = append(p, step{key: key})
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, false
			}
			st, ok := parseIndex(strings.TrimSpace(rest[1:end]))
			if !ok {
				return nil, false
			}
			p = append(p, st)
			rest = rest[end+1:]
		default:
			return nil, false
		}
	}
	return p, true
}

// maxCachedPaths bounds the parsed-path cache; paths are almost always
// constants of a statement, so a small cache catches nearly every call.
const maxCachedPaths = 1024

var (
	pathCache     sync.Map // string → Path
	pathCacheSize atomic.Int64
)

// cachedPath is ParsePath with a bounded cache of valid paths (a parsed
// Path is never modified, so it can be shared).
func cachedPath(path string) (Path, bool) {
	if p, ok := pathCache.Load(path); ok {
		return p.(Path), true
	}
	p, ok := ParsePath(path)
	if ok && len(path) <= 256 && pathCacheSize.Load() < maxCachedPaths {
		if _, loaded := pathCache.LoadOrStore(path, p); !loaded {
			pathCacheSize.Add(1)
		}
	}
	return p, ok
}

// parseIndex reads the inside of '[...]': digits with an optional '+'
// (trailing junk ignored, as JavaScript's parseInt does), '#', or '#-n'.
func parseIndex(s string) (step, bool) {
	if strings.HasPrefix(s, "#") {
		s = strings.TrimSpace(s[1:])
		if s == "" {
			return step{isIndex: true, fromEnd: true}, true
		}
		if s[0] != '-' {
			return step{}, false
		}
		n, ok := leadingInt(strings.TrimSpace(s[1:]))
		return step{isIndex: true, fromEnd: true, index: n}, ok
	}
	s = strings.TrimPrefix(s, "+")
	n, ok := leadingInt(s)
	return step{isIndex: true, index: n}, ok
}

// leadingInt parses the leading decimal digits of s (at least one).
func leadingInt(s string) (int, bool) {
	n, digits := 0, 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		if n > (1<<31)/10 {
			return 0, false
		}
		n = n*10 + int(s[digits]-'0')
		digits++
	}
	return n, digits > 0
}

// arrayIndex resolves an index step against an array of length n; ok is
// false when a '#-k' index falls before the start.
func (s step) arrayIndex(n int) (int, bool) {
	if !s.fromEnd {
		return s.index, true
	}
	i := n - s.index
	return i, i >= 0
}

// Lookup finds the node a path names. found is false when the path names
// nothing: a missing key or index, a key step on a non-object or an index
// step on a non-array, or a walk through a missing value or a JSON null.
func (p Path) Lookup(doc any) (node any, found bool) {
	cur := doc
	for _, st := range p {
		switch c := cur.(type) {
		case map[string]any:
			if st.isIndex {
				return nil, false
			}
			cur, found = c[st.key]
			if !found {
				return nil, false
			}
		case []any:
			if !st.isIndex {
				return nil, false
			}
			i, ok := st.arrayIndex(len(c))
			if !ok || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// editMode selects what Edit does at the end of the path.
type editMode int

const (
	editInsert  editMode = iota // create only (json_insert)
	editReplace                 // overwrite only (json_replace)
	editSet                     // create or overwrite (json_set)
	editRemove                  // delete (json_remove)
)

// modify applies one modification at the path and returns the new document.
// Containers along the path are copied; doc itself is not changed. A path
// that cannot be applied leaves the document as it was:
//   - at the root, replace and set return val; insert and remove do nothing;
//   - in an object, insert adds a missing key, replace overwrites an
//     existing one, set does either, remove deletes an existing one;
//   - in an array, insert appends at index len, replace overwrites an
//     existing element, set overwrites or, past the end, pads with nulls
//     and appends, remove deletes an existing element;
//   - a key step on a non-object, an index step on a non-array and a walk
//     through a missing value or JSON null do nothing (Quereus does not
//     create intermediate containers).
func (p Path) modify(doc any, mode editMode, val any) any {
	if len(p) == 0 {
		if mode == editReplace || mode == editSet {
			return val
		}
		return doc
	}
	out, _ := p.edit(doc, mode, val)
	return out
}

func (p Path) edit(node any, mode editMode, val any) (any, bool) {
	st := p[0]
	last := len(p) == 1
	switch c := node.(type) {
	case map[string]any:
		if st.isIndex {
			return node, false
		}
		old, exists := c[st.key]
		if !last {
			if !exists {
				return node, false
			}
			child, changed := p[1:].edit(old, mode, val)
			if !changed {
				return node, false
			}
			cp := copyMap(c)
			cp[st.key] = child
			return cp, true
		}
		switch {
		case mode == editRemove && exists:
			cp := copyMap(c)
			delete(cp, st.key)
			return cp, true
		case (mode == editInsert && !exists) || (mode == editReplace && exists) || mode == editSet:
			cp := copyMap(c)
			cp[st.key] = val
			return cp, true
		}
		return node, false
	case []any:
		if !st.isIndex {
			return node, false
		}
		i, ok := st.arrayIndex(len(c))
		if !ok {
			return node, false
		}
		exists := i < len(c)
		if !last {
			if !exists {
				return node, false
			}
			child, changed := p[1:].edit(c[i], mode, val)
			if !changed {
				return node, false
			}
			cp := append([]any(nil), c...)
			cp[i] = child
			return cp, true
		}
		switch {
		case mode == editRemove && exists:
			cp := make([]any, 0, len(c)-1)
			cp = append(append(cp, c[:i]...), c[i+1:]...)
			return cp, true
		case exists && (mode == editReplace || mode == editSet):
			cp := append([]any(nil), c...)
			cp[i] = val
			return cp, true
		case !exists && mode == editInsert && i == len(c):
			return append(append(make([]any, 0, len(c)+1), c...), val), true
		case !exists && mode == editSet:
			if i-len(c) > MaxArrayPad {
				return node, false
			}
			cp := make([]any, i+1)
			copy(cp, c)
			cp[i] = val
			return cp, true
		}
		return node, false
	}
	return node, false
}

// MaxArrayPad bounds how many nulls json_set pads an array with.
const MaxArrayPad = 1 << 20

func copyMap(m map[string]any) map[string]any {
	cp := make(map[string]any, len(m)+1)
	for k, v := range m {
		cp[k] = v
	}
	return cp
}
