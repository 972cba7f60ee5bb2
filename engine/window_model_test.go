package engine

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// modelRow is one row of the frame model test: id, partition g, ORDER BY
// value v (nil is NULL).
type modelRow struct {
	id, g int
	v     *int
}

// modelBound is a frame bound of the model: kind is one of "up", "p",
// "cr", "f", "uf"; n is the offset of "p" and "f".
type modelBound struct {
	kind string
	n    int
}

func (b modelBound) sql() string {
	switch b.kind {
	case "up":
		return "UNBOUNDED PRECEDING"
	case "p":
		return fmt.Sprintf("%d PRECEDING", b.n)
	case "cr":
		return "CURRENT ROW"
	case "f":
		return fmt.Sprintf("%d FOLLOWING", b.n)
	}
	return "UNBOUNDED FOLLOWING"
}

// inFrame reports whether row j is inside row i's frame, from the
// definitions: the distance between the rows is counted in rows (ROWS),
// peer groups (GROUPS) or ORDER BY value (RANGE), and each bound limits it.
// In RANGE mode NULL sorts first in either direction (minus infinity along
// the sort), and a NULL current row's
// offsets act as CURRENT ROW (its frame edge is the NULL peer group).
func inFrame(unit string, desc bool, start, end modelBound, part []modelRow, i, j int, group []int) bool {
	d := float64(j - i)
	switch unit {
	case "GROUPS":
		d = float64(group[j] - group[i])
	case "RANGE":
		vi, vj := part[i].v, part[j].v
		switch {
		case vi == nil && vj == nil:
			d = 0
		case vi == nil:
			d = math.Inf(1)
		case vj == nil:
			d = math.Inf(-1)
		case desc:
			d = float64(*vi - *vj) // distance along the descending sort
		default:
			d = float64(*vj - *vi)
		}
		if vi == nil {
			start.n, end.n = 0, 0
		}
	}
	return rangeSide(start, d, true) && rangeSide(end, d, false)
}

// rangeSide reports whether a row at distance d (in rows, groups or value)
// from the current row is on the inner side of bound b.
func rangeSide(b modelBound, d float64, isStart bool) bool {
	var lim float64
	switch b.kind {
	case "up":
		return isStart
	case "uf":
		return !isStart
	case "p":
		lim = float64(-b.n)
	case "f":
		lim = float64(b.n)
	}
	if isStart {
		return d >= lim
	}
	return d <= lim
}

// TestWindowFramesMatchModel compares ROWS, RANGE and GROUPS frames, with
// and without EXCLUDE, against a model computed from the definitions.
func TestWindowFramesMatchModel(t *testing.T) {
	_, c := openTestDB(t)
	mustExec(t, c, `CREATE TABLE m (id INTEGER PRIMARY KEY, g INTEGER, v INTEGER NULL)`)
	rng := rand.New(rand.NewSource(11))
	rows := make([]modelRow, 40)
	var ins []string
	for i := range rows {
		rows[i] = modelRow{id: i + 1, g: rng.Intn(2)}
		val := "NULL"
		if rng.Intn(6) > 0 {
			v := rng.Intn(12)
			rows[i].v = &v
			val = fmt.Sprint(v)
		}
		ins = append(ins, fmt.Sprintf("(%d, %d, %s)", rows[i].id, rows[i].g, val))
	}
	mustExec(t, c, "INSERT INTO m VALUES "+strings.Join(ins, ", "))
	kinds := []modelBound{{kind: "up"}, {kind: "p", n: 2}, {kind: "p", n: 0}, {kind: "cr"}, {kind: "f", n: 1}, {kind: "f", n: 3}, {kind: "uf"}}
	rank := map[string]int{"up": 0, "p": 1, "cr": 2, "f": 3, "uf": 4}
	excludes := []string{"", "CURRENT ROW", "GROUP", "TIES"}
	checked := 0
	for _, dir := range []string{"", " DESC"} {
		for _, unit := range []string{"ROWS", "RANGE", "GROUPS"} {
			for _, s := range kinds[:len(kinds)-1] {
				for _, e := range kinds[1:] {
					if rank[s.kind] > rank[e.kind] || (s.kind == e.kind && s.kind == "p" && s.n < e.n) {
						continue
					}
					excl := excludes[checked%len(excludes)]
					checked++
					frame := fmt.Sprintf("%s BETWEEN %s AND %s", unit, s.sql(), e.sql())
					if excl != "" {
						frame += " EXCLUDE " + excl
					}
					got := queryRows(t, c, `SELECT id, count(*) OVER w, sum(id) OVER w, first_value(id) OVER w, min(id) OVER w, max(id) OVER w, count(DISTINCT v) OVER w FROM m
					WINDOW w AS (PARTITION BY g ORDER BY v`+dir+` `+frame+`) ORDER BY id`)
					for _, r := range got {
						id := int(r[0].(int64))
						want := modelFrame(rows, id, unit, dir != "", s, e, excl)
						var sum, first, lo, hi any
						distinct := map[int]bool{}
						for _, w := range want {
							if v := rows[w-1].v; v != nil {
								distinct[*v] = true
							}
						}
						if len(want) > 0 {
							total := int64(0)
							for _, w := range want {
								total += int64(w)
							}
							sum, first = total, int64(want[0])
							lo, hi = int64(slices.Min(want)), int64(slices.Max(want))
						}
						require.Equal(t, []any{int64(len(want)), sum, first, lo, hi, int64(len(distinct))}, r[1:], "%s%s, id %d: frame %v", dir, frame, id, want)
					}
				}
			}
		}
	}
	require.Greater(t, checked, 40)
}

// modelFrame lists the ids in row id's frame, in partition order.
func modelFrame(rows []modelRow, id int, unit string, desc bool, start, end modelBound, excl string) []int {
	var part []modelRow
	self := rows[id-1]
	for _, r := range rows {
		if r.g == self.g {
			part = append(part, r)
		}
	}
	// Sort by v, NULLs first in either direction, ties in id order (the
	// engine's stable sort).
	slices.SortStableFunc(part, func(a, b modelRow) int {
		switch {
		case a.v == nil && b.v == nil:
			return 0
		case a.v == nil:
			return -1
		case b.v == nil:
			return 1
		case desc:
			return *b.v - *a.v
		}
		return *a.v - *b.v
	})
	group := make([]int, len(part))
	i := 0
	for k := range part {
		if k > 0 {
			group[k] = group[k-1]
			pa, pb := part[k-1].v, part[k].v
			if (pa == nil) != (pb == nil) || pa != nil && *pa != *pb {
				group[k]++
			}
		}
		if part[k].id == id {
			i = k
		}
	}
	var ids []int
	for j := range part {
		if !inFrame(unit, desc, start, end, part, i, j, group) {
			continue
		}
		switch {
		case excl == "CURRENT ROW" && j == i,
			excl == "GROUP" && group[j] == group[i],
			excl == "TIES" && j != i && group[j] == group[i]:
			continue
		}
		ids = append(ids, part[j].id)
	}
	return ids
}
