package engine

import (
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/rowenc"
	"github.com/quereus/quereus/storage/value"
)

// scanNode reads a table through an access path, yielding whole rows.
type scanNode struct {
	db   *Database
	t    *schema.Table
	path *accessPath
	// reuseRows: the consumer drops each row before asking for the next
	// (allowRowReuse), so the scan decodes every row into one buffer.
	reuseRows bool
	// need, when set, marks the columns the query's expressions read
	// (filled in while the query compiles, through slot.markUsed); the
	// others are skipped when decoding and read as NULL. nil decodes all.
	need []bool
	// dataKey is the store cache key of t's rows (dataStoreKey), computed
	// once at planning.
	dataKey string
}

// newScanNode plans a scan of t through path.
func newScanNode(db *Database, t *schema.Table, path *accessPath, need []bool) *scanNode {
	return &scanNode{db: db, t: t, path: path, need: need, dataKey: dataStoreKey(t)}
}

func (n *scanNode) explain(out *[]string, depth int) { addExplain(out, depth, n.path.detail) }

// rowShape is the layout of the rows a scan yields: the table's columns
// (proj nil), or straight in the shape of a projection of bare columns:
// proj maps each table column to its position in a width-wide row, -1 for
// a column not read (columnLayout; projectNode.open).
type rowShape struct {
	proj  []int
	width int
}

func (n *scanNode) open(e *env) (rowIter, error) { return n.openShaped(e, rowShape{}) }

// decode decodes a stored row in shape sh, into dst when the scan reuses
// row buffers (scanNode.reuseRows, scanIter.reuseOut), else (dst nil) into
// a new row.
func (n *scanNode) decode(dst value.Row, raw []byte, sh rowShape) (value.Row, error) {
	if sh.proj == nil {
		return decodeRowInto(dst, raw, len(n.t.Columns), n.need)
	}
	row := dst
	if cap(row) < sh.width {
		row = make(value.Row, sh.width)
	} else {
		// Entries no stored column fills must read NULL, not the last row's.
		row = row[:sh.width]
		clear(row)
	}
	if err := rowenc.DecodeRowProjected(row, raw, sh.proj); err != nil {
		return nil, err
	}
	return row, nil
}

func (n *scanNode) openShaped(e *env, sh rowShape) (rowIter, error) {
	ds, err := n.db.dataStoreAt(n.dataKey, n.t)
	if err != nil {
		return nil, err
	}
	data := e.store(ds)
	if n.path.in != nil {
		return n.openIn(e, data, sh)
	}
	if n.path.isPointLookup() {
		buf := e.keyBuf
		e.keyBuf = nil
		key, empty, err := n.path.appendEqPrefix(buf[:0], e)
		if err != nil || empty {
			return &sliceIter{}, err
		}
		it, err := n.lookup(e, data, key, sh)
		e.keyBuf = key[:0]
		return it, err
	}
	lower, upper, empty, err := n.path.bounds(e)
	if err != nil {
		return nil, err
	}
	if empty {
		return &sliceIter{}, nil
	}
	src, err := n.pathStore(e, data)
	if err != nil {
		return nil, err
	}
	it, err := src.Iterate(storage.IterOptions{Lower: lower, Upper: upper, Reverse: n.path.reverse})
	if err != nil {
		return nil, err
	}
	return n.newScanIter(e, it, data, sh), nil
}

// newScanIter wraps a store iterator over n's path; on an index path its
// values are primary keys to fetch from data (through one kept Lookup).
func (n *scanNode) newScanIter(e *env, it storage.Iterator, data storage.KVStore, sh rowShape) *scanIter {
	s := &scanIter{e: e, n: n, it: it, sh: sh}
	if n.path.index != nil {
		s.fetch = storage.NewLookup(data)
	}
	return s
}

// isPointLookup reports whether the path fixes every primary-key
// component by equality: at most one row matches, read with one Get
// instead of an iterator.
func (p *accessPath) isPointLookup() bool {
	return p.index == nil && len(p.eq) == len(p.parts) && len(p.parts) > 0 && p.lo == nil && p.hi == nil
}

// lookup reads the one row stored under the primary key key, if any. The
// stored bytes are read into the execution's value buffer (env.valBuf)
// when the store can append to one: decoding copies what the row keeps.
func (n *scanNode) lookup(e *env, data storage.KVStore, key []byte, sh rowShape) (rowIter, error) {
	var raw []byte
	var found bool
	var err error
	if ag, ok := data.(storage.AppendGetter); ok {
		buf := e.valBuf
		e.valBuf = nil
		raw, found, err = ag.GetAppend(buf[:0], key)
		defer func() {
			if cap(raw) <= maxKeptValueBuf {
				e.valBuf = raw[:0]
			}
		}()
	} else {
		raw, found, err = data.Get(key)
	}
	if err != nil || !found {
		return &sliceIter{}, err
	}
	row, err := n.decode(nil, raw, sh)
	if err != nil {
		return nil, err
	}
	return &oneRowIter{row: row}, nil
}

// maxKeptValueBuf bounds the value buffer an execution keeps between runs.
const maxKeptValueBuf = 64 << 10

// oneRowIter yields one row (a point lookup's).
type oneRowIter struct{ row value.Row }

func (o *oneRowIter) Next() (value.Row, error) {
	r := o.row
	o.row = nil
	return r, nil
}

func (o *oneRowIter) Close() {}

type scanIter struct {
	e  *env
	n  *scanNode
	it storage.Iterator
	// fetch reads the table row of each index entry (nil for a primary-key
	// scan, whose values are the rows).
	fetch storage.Lookup
	sh    rowShape
	buf   value.Row // the reused row (scanNode.reuseRows, reuseOut)
	// reuseOut: the scan's rows are the cursor's, whose caller is done with
	// each row when it asks for the next (Rows.ReuseRows).
	reuseOut bool
}

func (s *scanIter) Next() (value.Row, error) {
	for s.it.Next() {
		if err := s.e.tick(); err != nil {
			return nil, err
		}
		raw := s.it.Value()
		if s.fetch != nil {
			v, found, err := s.fetch.Get(raw)
			if err != nil {
				return nil, err
			}
			if !found {
				continue
			}
			raw = v
		}
		if !s.n.reuseRows && !s.reuseOut {
			return s.n.decode(nil, raw, s.sh)
		}
		row, err := s.n.decode(s.buf, raw, s.sh)
		s.buf = row
		return row, err
	}
	return nil, s.it.Err()
}

func (s *scanIter) Close() {
	if s.fetch != nil {
		s.fetch.Close()
	}
	s.it.Close()
}

// pathStore is the store the access path reads: the chosen index's, or the
// table's data store.
func (n *scanNode) pathStore(e *env, data storage.KVStore) (storage.KVStore, error) {
	if n.path.index == nil {
		return data, nil
	}
	is, err := n.db.indexStore(n.t, n.path.index)
	if err != nil {
		return nil, err
	}
	return e.store(is), nil
}

// openIn scans one key range per IN-list value, one after the other.
func (n *scanNode) openIn(e *env, data storage.KVStore, sh rowShape) (rowIter, error) {
	ranges, err := n.path.inRanges(e)
	if err != nil {
		return nil, err
	}
	src, err := n.pathStore(e, data)
	if err != nil {
		return nil, err
	}
	return &multiRangeIter{e: e, src: src, data: data, ranges: ranges, n: n, sh: sh}, nil
}

// multiRangeIter concatenates scans of several key ranges.
type multiRangeIter struct {
	e      *env
	src    storage.KVStore
	data   storage.KVStore
	ranges [][2][]byte
	n      *scanNode
	sh     rowShape
	cur    *scanIter
}

func (m *multiRangeIter) Next() (value.Row, error) {
	for {
		if m.cur == nil {
			if len(m.ranges) == 0 {
				return nil, nil
			}
			r := m.ranges[0]
			m.ranges = m.ranges[1:]
			it, err := m.src.Iterate(storage.IterOptions{Lower: r[0], Upper: r[1], Reverse: m.n.path.reverse})
			if err != nil {
				return nil, err
			}
			m.cur = m.n.newScanIter(m.e, it, m.data, m.sh)
		}
		row, err := m.cur.Next()
		if err != nil || row != nil {
			return row, err
		}
		m.cur.Close()
		m.cur = nil
	}
}

func (m *multiRangeIter) Close() {
	if m.cur != nil {
		m.cur.Close()
	}
}

// decodeRowInto is decodeRow reusing dst's storage (nil for a new row) and
// decoding only the needed columns (need nil: all; see scanNode.need).
func decodeRowInto(dst value.Row, b []byte, ncols int, need []bool) (value.Row, error) {
	row, err := rowenc.DecodeRowNeeded(dst, b, need)
	if err != nil {
		return nil, err
	}
	for len(row) < ncols {
		row = append(row, value.Value{})
	}
	if ncols > 0 && ncols < len(row) {
		row = row[:ncols]
	}
	return row, nil
}

// reuseCursorRows lets the scan that yields a cursor's rows decode them all
// into one buffer (Rows.ReuseRows): a scan whose rows the cursor hands out
// as they are (such as a projection of bare columns, decoded in the output
// shape: projectNode.open). Other plans keep fresh rows.
func reuseCursorRows(it rowIter) {
	if s, ok := it.(*scanIter); ok {
		s.reuseOut = true
	}
}
