package engine

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// rowChecks are the compiled CHECK constraints and partial-index
// predicates of a table, evaluated over the constraint row layout
// [row..., new row..., old row...] (see checkScope).
type rowChecks struct {
	checks  []*schema.Check
	exprs   []*cexpr
	partial map[*schema.Index]*cexpr
}

// checkScope resolves bare and table-qualified names to the row being
// written, NEW.x to the new row and OLD.x to the old row. (A table named
// "new" or "old" keeps that qualifier for itself.)
func checkScope(t *schema.Table) *scope {
	sc := &scope{}
	n := len(t.Columns)
	sc.slots = make([]slot, 3*n)
	newQ, oldQ := "new", "old"
	if strings.EqualFold(t.Name, newQ) {
		newQ = ""
	}
	if strings.EqualFold(t.Name, oldQ) {
		oldQ = ""
	}
	for i, col := range t.Columns {
		sc.slots[i] = slot{table: t.Name, name: col.Name, typ: col.Type, coll: col.Collation, schemaName: schemaOf(t)}
		sc.slots[n+i] = slot{table: newQ, name: col.Name, typ: col.Type, coll: col.Collation, hidden: true}
		sc.slots[2*n+i] = slot{table: oldQ, name: col.Name, typ: col.Type, coll: col.Collation, hidden: true}
	}
	return sc
}

func compileChecks(c *compiler, t *schema.Table) (*rowChecks, error) {
	defer c.homeIn(t)()
	rc := &rowChecks{partial: map[*schema.Index]*cexpr{}}
	sc := checkScope(t)
	for _, ck := range t.Checks {
		ce, err := c.expr(sc, ck.Expr)
		if err != nil {
			return nil, err
		}
		rc.checks = append(rc.checks, ck)
		rc.exprs = append(rc.exprs, ce)
	}
	for _, ix := range t.Indexes {
		if ix.Where != nil {
			ce, err := c.expr(sc, ix.Where)
			if err != nil {
				return nil, err
			}
			rc.partial[ix] = ce
		}
	}
	return rc, nil
}

// writer performs row writes on one table with constraint checks, index
// maintenance, statistics and change events.
type writer struct {
	e *env
	c *compiler
	t *schema.Table
	// partExprs caches the compiled expressions of expression index parts.
	partExprs map[*schema.Index][]*cexpr
	data      storage.KVStore
	idx       []storage.KVStore
	checks    *rowChecks
	fks       *fkChecks
	// keys are the table's key encodings, resolved at the first use (or
	// handed over by a compiled INSERT).
	keys *tableKeys
	// scratch holds an encoded row value or index key from its encoding
	// until the storage write that copies it, and nothing else: no engine
	// code runs in between, so nested writers may share one.
	scratch *[]byte
	own     []byte
	idxArr  [2]storage.KVStore // backs idx for tables with few indexes
}

// writeTarget is what a compiled statement resolves once about the table
// it writes, so that each execution's writer starts without per-execution
// lookups: the key encodings and the store cache keys.
type writeTarget struct {
	keys     *tableKeys
	dataKey  string
	indexKey []string
	scratch  []byte
	// The transactional stores resolved by the last execution, valid for
	// that transaction while no store was forgotten (Database.storesGen).
	txn  storage.Txn
	gen  uint64
	data storage.KVStore
	idx  []storage.KVStore
	// idle is the writer of the last finished execution, reset and reused
	// by the next (nil while one runs). A deferred foreign-key check may
	// still hold it, but reads only its compiler and table: the same.
	idle *writer
}

// release hands a finished execution's writer back for reuse.
func (wt *writeTarget) release(w *writer) { wt.idle = w }

func newWriteTarget(t *schema.Table) *writeTarget {
	wt := &writeTarget{keys: keysOf(t), dataKey: dataStoreKey(t)}
	for _, ix := range t.Indexes {
		wt.indexKey = append(wt.indexKey, indexStoreKey(t, ix))
	}
	return wt
}

func newWriter(e *env, c *compiler, t *schema.Table, _ parser.Operation) (*writer, error) {
	return newWriterAt(e, c, t, nil)
}

// newWriterAt is newWriter with the lookups a compiled statement resolved
// (wt, or nil to resolve them now).
func newWriterAt(e *env, c *compiler, t *schema.Table, wt *writeTarget) (*writer, error) {
	var w *writer
	if wt != nil && wt.idle != nil {
		// Compiled expression index parts stay valid: same compiler, table.
		w, wt.idle = wt.idle, nil
		*w = writer{e: e, c: c, t: t, partExprs: w.partExprs}
	} else {
		w = &writer{e: e, c: c, t: t}
	}
	w.idx = w.idxArr[:0]
	w.scratch = &w.own
	if wt != nil {
		w.keys, w.scratch = wt.keys, &wt.scratch
		db := e.conn.db
		if gen := db.storesGen.Load(); wt.txn != e.txn || wt.gen != gen || wt.data == nil {
			if err := w.resolveStores(wt); err != nil {
				return nil, err
			}
			wt.txn, wt.gen, wt.data, wt.idx = e.txn, gen, w.data, append(wt.idx[:0], w.idx...)
			return w, nil
		}
		w.data, w.idx = wt.data, append(w.idx, wt.idx...)
		return w, nil
	}
	if err := w.resolveStores(nil); err != nil {
		return nil, err
	}
	return w, nil
}

// resolveStores looks up the transactional stores of the table and its
// indexes (by wt's cache keys when given).
func (w *writer) resolveStores(wt *writeTarget) error {
	db, t := w.e.conn.db, w.t
	var ds storage.KVStore
	var err error
	if wt != nil {
		ds, err = db.dataStoreAt(wt.dataKey, t)
	} else {
		ds, err = db.dataStore(t)
	}
	if err != nil {
		return err
	}
	w.data = w.e.txn.Store(ds)
	for i, ix := range t.Indexes {
		var is storage.KVStore
		if wt != nil {
			is, err = db.indexStoreAt(wt.indexKey[i], t, ix)
		} else {
			is, err = db.indexStore(t, ix)
		}
		if err != nil {
			return err
		}
		w.idx = append(w.idx, w.e.txn.Store(is))
	}
	return nil
}

// tableKeys are the key encodings of a table's primary key and indexes.
// partsOf looks collations up by name; parts whose collations are all
// built in (which cannot be redefined) are resolved once here, parts with a
// custom collation (which may be re-registered) at every use, as before.
type tableKeys struct {
	pk   []keyPart
	pkOK bool
	ix   [][]keyPart // nil entry: resolve at use
}

func keysOf(t *schema.Table) *tableKeys {
	k := &tableKeys{ix: make([][]keyPart, len(t.Indexes))}
	k.pk, k.pkOK = stableParts(t.PK)
	for i, ix := range t.Indexes {
		if parts, ok := stableParts(ix.Parts); ok {
			k.ix[i] = parts
		}
	}
	return k
}

// stableParts returns partsOf(kps) and whether it can be kept: no part
// uses a custom collation.
func stableParts(kps []schema.KeyPart) ([]keyPart, bool) {
	parts := partsOf(kps)
	for _, p := range parts {
		if p.kc.Collation != nil && !p.kc.Collation.IsBuiltin() {
			return nil, false
		}
	}
	return parts, true
}

func (w *writer) tableKeys() *tableKeys {
	if w.keys == nil {
		w.keys = keysOf(w.t)
	}
	return w.keys
}

// pkParts is the encoding of the primary key.
func (w *writer) pkParts() []keyPart {
	if k := w.tableKeys(); k.pkOK {
		return k.pk
	}
	return partsOf(w.t.PK)
}

// ixParts is the encoding of index ix, the i-th of the table (i < 0 or
// another index: resolved now).
func (w *writer) ixParts(i int, ix *schema.Index) []keyPart {
	if i >= 0 && i < len(w.t.Indexes) && w.t.Indexes[i] == ix {
		if parts := w.tableKeys().ix[i]; parts != nil {
			return parts
		}
	}
	return partsOf(ix.Parts)
}

// dataKey is the encoded primary key of a row, in a buffer of its own.
func (w *writer) dataKey(row value.Row) []byte {
	return appendRowKey(make([]byte, 0, keySizeHint(row, w.t.PK)), row, w.t.PK, w.pkParts())
}

// encodeRow encodes a row value into the scratch buffer; it is valid until
// the next use of the scratch (pass it straight to a storage write).
func (w *writer) encodeRow(row value.Row) []byte {
	*w.scratch = appendRow((*w.scratch)[:0], row)
	return *w.scratch
}

// layout builds the constraint row for a write.
func constraintRow(row, newRow, oldRow value.Row, n int) value.Row {
	out := make(value.Row, 3*n)
	copy(out, row)
	copy(out[n:], newRow)
	copy(out[2*n:], oldRow)
	return out
}

func (w *writer) checkRow(op parser.Operation, row, newRow, oldRow value.Row) error {
	if w.checks == nil || len(w.checks.checks) == 0 {
		return nil
	}
	cr := constraintRow(row, newRow, oldRow, len(w.t.Columns))
	for i, ck := range w.checks.checks {
		if !ck.AppliesTo(op) {
			continue
		}
		ce := w.checks.exprs[i]
		eval := func(e *env) error {
			v, err := ce.fn(e, cr)
			if err != nil {
				return err
			}
			if t, known := truth(v); known && !t {
				return &constraintError{msg: fmt.Sprintf("CHECK constraint failed: %s (%s)", ck.Name, parser.ExprString(ck.Expr)), action: ck.Conflict}
			}
			return nil
		}
		if w.e.conn.explicit && hasSubquery(ck.Expr) {
			w.e.conn.deferred = append(w.e.conn.deferred, deferredCheck{run: eval})
			continue
		}
		if err := eval(w.e); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) checkNotNull(row value.Row) error {
	return w.checkNotNullAction(row, parser.ConflictDefault)
}

// checkNotNullAction checks NOT NULL columns; the error carries the
// resolved conflict action.
func (w *writer) checkNotNullAction(row value.Row, stmt parser.ConflictAction) error {
	for i, col := range w.t.Columns {
		if col.NotNull && row[i].IsNull() {
			return &constraintError{msg: fmt.Sprintf("NOT NULL constraint failed: %s.%s", w.t.Name, col.Name),
				action: resolve(stmt, col.NotNullConflict)}
		}
	}
	return nil
}

// ignorable reports whether err is a constraint failure resolved as IGNORE.
func ignorable(err error, stmt parser.ConflictAction) bool {
	ce, ok := err.(*constraintError)
	if !ok {
		return false
	}
	return resolve(stmt, ce.action) == parser.ConflictIgnore
}

// inIndex reports whether row belongs in a (possibly partial) index.
func (w *writer) inIndex(ix *schema.Index, row value.Row) (bool, error) {
	if ix.Where == nil {
		return true, nil
	}
	ce := w.checks.partial[ix]
	v, err := ce.fn(w.e, constraintRow(row, row, nil, len(w.t.Columns)))
	if err != nil {
		return false, err
	}
	t, _ := truth(v)
	return t, nil
}

func uniqueMsg(t *schema.Table, ix *schema.Index) string {
	names := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Col < 0 {
			names[i] = parser.ExprString(p.Expr)
			continue
		}
		names[i] = t.Columns[p.Col].Name
	}
	return fmt.Sprintf("UNIQUE constraint failed: %s (%s)", t.Name, strings.Join(names, ", "))
}

// uniqueConflict returns the data key of a row other than selfKey that
// has the same values in a unique index, or nil.
func (w *writer) uniqueConflict(i int, row value.Row, selfKey []byte) ([]byte, error) {
	ix := w.t.Indexes[i]
	vals, err := w.indexValues(ix, row)
	if err != nil {
		return nil, err
	}
	for _, v := range vals {
		if v.IsNull() {
			return nil, nil
		}
	}
	if ok, err := w.inIndex(ix, row); err != nil || !ok {
		return nil, err
	}
	prefix := appendKey(nil, vals, w.ixParts(i, ix))
	it, err := w.idx[i].Iterate(storage.IterOptions{Lower: prefix, Upper: prefixEnd(prefix)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	for it.Next() {
		if string(it.Value()) != string(selfKey) {
			return append([]byte(nil), it.Value()...), nil
		}
	}
	return nil, it.Err()
}

// putIndexes adds a row's index entries.
func (w *writer) putIndexes(row value.Row, key []byte) error {
	for i, ix := range w.t.Indexes {
		if ok, err := w.inIndex(ix, row); err != nil {
			return err
		} else if !ok {
			continue
		}
		ik, err := w.indexKey(i, ix, row, key)
		if err != nil {
			return err
		}
		if err := w.idx[i].Put(ik, key); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) deleteIndexes(row value.Row, key []byte) error {
	for i, ix := range w.t.Indexes {
		ik, err := w.indexKey(i, ix, row, key)
		if err != nil {
			return err
		}
		if err := w.idx[i].Delete(ik); err != nil {
			return err
		}
	}
	return nil
}

// get reads the row stored under key.
func (w *writer) get(key []byte) (value.Row, bool, error) {
	raw, found, err := w.data.Get(key)
	if err != nil || !found {
		return nil, false, err
	}
	row, err := decodeRow(raw, len(w.t.Columns))
	return row, err == nil, err
}

// remove deletes a stored row (no constraint checks).
func (w *writer) remove(key []byte, row value.Row) error {
	if err := w.deleteIndexes(row, key); err != nil {
		return err
	}
	if err := w.data.Delete(key); err != nil {
		return err
	}
	w.e.conn.dataWritten = true
	w.e.txn.AdjustRowCount(schemaOf(w.t), w.t.Name, -1)
	if w.listened() {
		w.e.txn.Emit(storage.DataChangeEvent{Type: storage.Delete, SchemaName: schemaOf(w.t), TableName: w.t.Name,
			Key: pkValues(w.t, row), OldRow: row})
	}
	return nil
}

// conflict describes a uniqueness conflict found before a write.
type conflict struct {
	key    []byte
	msg    string
	action parser.ConflictAction // the constraint's own ON CONFLICT action
}

// resolve picks the conflict action: an explicit statement-level OR
// clause wins, then the constraint's ON CONFLICT clause, then ABORT.
func resolve(stmt, constraint parser.ConflictAction) parser.ConflictAction {
	if stmt != parser.ConflictDefault {
		return stmt
	}
	if constraint != parser.ConflictDefault {
		return constraint
	}
	return parser.ConflictAbort
}

// findConflicts lists rows (other than selfKey) that row would collide
// with: the primary key first, then unique indexes.
func (w *writer) findConflicts(row value.Row, key, selfKey []byte) ([]conflict, error) {
	var out []conflict
	if selfKey == nil || string(key) != string(selfKey) {
		if found, err := w.data.Has(key); err != nil {
			return nil, err
		} else if found {
			out = append(out, conflict{key: key, msg: fmt.Sprintf("UNIQUE constraint failed: %s PK.", w.t.Name), action: w.t.PKConflict})
		}
	}
	for i, ix := range w.t.Indexes {
		if !ix.Unique {
			continue
		}
		self := selfKey
		if self == nil {
			self = key
		}
		ck, err := w.uniqueConflict(i, row, self)
		if err != nil {
			return nil, err
		}
		if ck != nil {
			out = append(out, conflict{key: ck, msg: uniqueMsg(w.t, ix), action: ix.Conflict})
		}
	}
	return out, nil
}

// insert writes a new row. It returns false when the row was skipped
// (OR IGNORE).
func (w *writer) insert(row value.Row, action parser.ConflictAction) (bool, error) {
	key, ok, err := w.admit(parser.OpInsert, row, nil, nil, action)
	if !ok || err != nil {
		return false, err
	}
	if err := w.data.Put(key, w.encodeRow(row)); err != nil {
		return false, err
	}
	if err := w.putIndexes(row, key); err != nil {
		return false, err
	}
	w.e.conn.dataWritten = true
	w.e.txn.AdjustRowCount(schemaOf(w.t), w.t.Name, 1)
	if w.listened() {
		w.e.txn.Emit(storage.DataChangeEvent{Type: storage.Insert, SchemaName: schemaOf(w.t), TableName: w.t.Name,
			Key: pkValues(w.t, row), NewRow: row})
	}
	return true, nil
}

// admit runs the checks a new row version must pass before it is written —
// NOT NULL, CHECK, uniqueness under the conflict action (REPLACE evicts the
// conflicting rows), child-side foreign keys — and returns its data key. ok
// is false when the write is skipped (IGNORE). oldRow and oldKey are the
// version an UPDATE replaces (nil for an INSERT).
func (w *writer) admit(op parser.Operation, row, oldRow value.Row, oldKey []byte, action parser.ConflictAction) (key []byte, ok bool, err error) {
	if err := w.checkNotNullAction(row, action); err != nil {
		if ignorable(err, action) {
			return nil, false, nil
		}
		return nil, false, err
	}
	if err := w.checkRow(op, row, row, oldRow); err != nil {
		if ignorable(err, action) {
			return nil, false, nil
		}
		return nil, false, err
	}
	key = w.dataKey(row)
	conflicts, err := w.findConflicts(row, key, oldKey)
	if err != nil {
		return nil, false, err
	}
	if ok, err := w.settle(conflicts, action, row); !ok || err != nil {
		return nil, false, err
	}
	if err := w.fkCheckChild(row); err != nil {
		if ignorable(err, action) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return key, true, nil
}

// settle resolves uniqueness conflicts: ok is false when the write must be
// skipped (IGNORE); REPLACE deletes the conflicting rows; anything else
// fails with the first conflict.
func (w *writer) settle(conflicts []conflict, action parser.ConflictAction, row value.Row) (bool, error) {
	for _, cf := range conflicts {
		switch resolve(action, cf.action) {
		case parser.ConflictIgnore:
			return false, nil
		case parser.ConflictReplace:
		default:
			return false, &constraintError{msg: cf.msg, action: resolve(action, cf.action)}
		}
	}
	for _, cf := range conflicts {
		old, found, err := w.get(cf.key)
		if err != nil {
			return false, err
		}
		if found {
			if err := w.evict(cf.key, old, row); err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// update replaces the row stored under oldKey.
func (w *writer) update(oldKey []byte, oldRow, newRow value.Row, action parser.ConflictAction) (bool, error) {
	key, ok, err := w.admit(parser.OpUpdate, newRow, oldRow, oldKey, action)
	if !ok || err != nil {
		return false, err
	}
	if err := w.deleteIndexes(oldRow, oldKey); err != nil {
		return false, err
	}
	if string(key) != string(oldKey) {
		if err := w.data.Delete(oldKey); err != nil {
			return false, err
		}
	}
	if err := w.data.Put(key, w.encodeRow(newRow)); err != nil {
		return false, err
	}
	if err := w.putIndexes(newRow, key); err != nil {
		return false, err
	}
	w.e.conn.dataWritten = true
	if w.listened() {
		w.e.txn.Emit(storage.DataChangeEvent{Type: storage.Update, SchemaName: schemaOf(w.t), TableName: w.t.Name,
			Key: pkValues(w.t, newRow), OldRow: oldRow, NewRow: newRow})
	}
	// Referencing rows follow the new parent values once they exist.
	if err := w.fkParentUpdate(oldRow, newRow); err != nil {
		return false, err
	}
	return true, nil
}

// del deletes a row after its DELETE checks.
func (w *writer) del(key []byte, row value.Row) error {
	if err := w.checkRow(parser.OpDelete, row, row, row); err != nil {
		return err
	}
	if err := w.fkParentDelete(row); err != nil {
		return err
	}
	return w.remove(key, row)
}

// backfill builds a new index over the existing rows.
func (w *writer) backfill(ix *schema.Index) error {
	var err error
	if w.checks, err = compileChecks(w.c, w.t); err != nil {
		return err
	}
	i := len(w.t.Indexes) - 1
	it, err := w.data.Iterate(storage.IterOptions{})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Next() {
		row, err := decodeRow(it.Value(), len(w.t.Columns))
		if err != nil {
			return err
		}
		key := append([]byte(nil), it.Key()...)
		if ix.Unique {
			ck, err := w.uniqueConflict(i, row, key)
			if err != nil {
				return err
			}
			if ck != nil {
				return &constraintError{msg: uniqueMsg(w.t, ix)}
			}
		}
		if ok, err := w.inIndex(ix, row); err != nil {
			return err
		} else if !ok {
			continue
		}
		ik, err := w.indexKey(i, ix, row, key)
		if err != nil {
			return err
		}
		if err := w.idx[i].Put(ik, key); err != nil {
			return err
		}
	}
	return it.Err()
}

// indexValues computes a row's index key values: column parts read the
// row, expression parts are evaluated over it.
func (w *writer) indexValues(ix *schema.Index, row value.Row) ([]value.Value, error) {
	vals := make([]value.Value, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Col >= 0 {
			vals[i] = row[p.Col]
			continue
		}
		exprs, ok := w.partExprs[ix]
		if !ok {
			sc := checkScope(w.t)
			exprs = make([]*cexpr, len(ix.Parts))
			for j, q := range ix.Parts {
				if q.Col >= 0 {
					continue
				}
				ce, err := w.c.expr(sc, q.Expr)
				if err != nil {
					return nil, err
				}
				exprs[j] = ce
			}
			if w.partExprs == nil {
				w.partExprs = map[*schema.Index][]*cexpr{}
			}
			w.partExprs[ix] = exprs
		}
		v, err := exprs[i].fn(w.e, constraintRow(row, row, nil, len(w.t.Columns)))
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	return vals, nil
}

// indexKey is a row's entry key in index ix (the i-th of the table): the
// encoded index values followed by the row's data key. It is built in the
// scratch buffer: pass it straight to a storage write.
func (w *writer) indexKey(i int, ix *schema.Index, row value.Row, key []byte) ([]byte, error) {
	parts := w.ixParts(i, ix)
	var buf []byte
	if columnParts(ix.Parts) {
		buf = appendRowKey((*w.scratch)[:0], row, ix.Parts, parts)
	} else {
		vals, err := w.indexValues(ix, row)
		if err != nil {
			return nil, err
		}
		buf = appendKey((*w.scratch)[:0], vals, parts)
	}
	buf = append(buf, key...)
	*w.scratch = buf
	return buf, nil
}

// listened reports whether data change events are wanted: building one
// copies the row's key and keeps the row until commit, which for a bulk
// load with nobody listening was most of the transaction's memory.
func (w *writer) listened() bool { return w.e.conn.db.store.HasDataListeners() }
