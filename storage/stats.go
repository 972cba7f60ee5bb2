package storage

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/cockroachdb/pebble/v2"
)

// statsTable holds the row-count statistic of every table in memory and
// persists it lazily in the __stats__ store (key "{schema}.{table}", value
// JSON {"rowCount":n,"updatedAt":unixMillis}, as in the seed).
//
// Counts change only when a transaction commits (Txn.AdjustRowCount deltas,
// summed over the writes that survived savepoint rollbacks). A table's
// record is created with its data store (count 0) and removed or moved with
// it; deltas for a table without a data store are ignored. Once about
// statsFlushEvery mutations (sum of |delta|) have accumulated since the last
// flush, the committing transaction writes every changed count into its own
// commit batch, so the flush is atomic with the data it describes and needs
// no background goroutine. Close writes whatever is still unflushed. A crash
// loses at most the unflushed deltas: counts are planner estimates.
//
// Commits, renames and drops are serialized by DB.ddlMu, so a commit's plan
// (computed before its batch is applied) and its application (after) see
// the same table set.
type statsTable struct {
	mu        sync.Mutex
	tables    map[string]*tableStat // by statsKey
	mutations int64                 // sum of |delta| since the last flush
}

type tableStat struct {
	count int64
	dirty bool // changed since last written
}

// statsFlushEvery is the number of row mutations after which the next
// commit persists the counts.
const statsFlushEvery = 100

// statsRecord is the persisted JSON form.
type statsRecord struct {
	RowCount  int64 `json:"rowCount"`
	UpdatedAt int64 `json:"updatedAt"`
}

func encodeStats(count int64) []byte {
	b, _ := json.Marshal(statsRecord{RowCount: count, UpdatedAt: time.Now().UnixMilli()})
	return b
}

// load reads every persisted record of the stats store.
func (s *statsTable) load(r pebble.Reader, st *store) error {
	s.tables = map[string]*tableStat{}
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: st.prefix, UpperBound: st.end})
	if err != nil {
		return err
	}
	defer it.Close()
	for valid := it.First(); valid; valid = it.Next() {
		var rec statsRecord
		v, err := it.ValueAndErr()
		if err != nil {
			return err
		}
		name := string(it.Key()[len(st.prefix):])
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("storage: corrupt statistics record for %s: %w", name, err)
		}
		s.tables[name] = &tableStat{count: rec.RowCount}
	}
	return it.Error()
}

func (s *statsTable) rowCount(name string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[name]
	if !ok {
		return 0, false
	}
	return t.count, true
}

// statsFlush lists the records a commit wrote, to be marked clean once the
// commit succeeds.
type statsFlush []string

// planCommit adds the statistics records to b when a flush is due (or
// forced) and returns what it wrote. deltas are the committing
// transaction's row-count changes.
func (s *statsTable) planCommit(b *pebble.Batch, st *store, deltas map[string]int64, force bool) (statsFlush, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pending := s.mutations
	for _, d := range deltas {
		pending += abs64(d)
	}
	if pending < statsFlushEvery && !force {
		return nil, nil
	}
	var written statsFlush
	write := func(name string, count int64) error {
		written = append(written, name)
		return b.Set(st.physKey(nil, []byte(name)), encodeStats(count), nil)
	}
	for name, t := range s.tables {
		if d := deltas[name]; t.dirty || d != 0 {
			if err := write(name, t.count+d); err != nil {
				return nil, err
			}
		}
	}
	if written == nil {
		written = statsFlush{}
	}
	return written, nil
}

// applyCommit records a successful commit's deltas and flush.
func (s *statsTable) applyCommit(deltas map[string]int64, flushed statsFlush) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, d := range deltas {
		t := s.tables[name]
		if t == nil {
			continue // no such table (dropped or renamed meanwhile)
		}
		t.count += d
		t.dirty = true
		s.mutations += abs64(d)
	}
	if flushed != nil {
		for _, name := range flushed {
			if t := s.tables[name]; t != nil {
				t.dirty = false
			}
		}
		s.mutations = 0
	}
}

// created records a new table with zero rows (already persisted by the
// directory batch that created its store).
func (s *statsTable) created(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tables[name] = &tableStat{}
}

// dropped forgets a table.
func (s *statsTable) dropped(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tables, name)
}

// planRename adds to b the move of a table's record from oldName to newName.
func (s *statsTable) planRename(b *pebble.Batch, st *store, oldName, newName string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := b.Delete(st.physKey(nil, []byte(oldName)), nil); err != nil {
		return err
	}
	t, ok := s.tables[oldName]
	if !ok {
		return b.Delete(st.physKey(nil, []byte(newName)), nil)
	}
	return b.Set(st.physKey(nil, []byte(newName)), encodeStats(t.count), nil)
}

// renamed moves a table's in-memory record.
func (s *statsTable) renamed(oldName, newName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[oldName]
	delete(s.tables, oldName)
	if ok {
		t.dirty = false
		s.tables[newName] = t
	} else {
		delete(s.tables, newName)
	}
}

func abs64(d int64) int64 {
	if d < 0 {
		return -d
	}
	return d
}
