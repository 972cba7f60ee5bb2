package functions

import (
	"fmt"

	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Window-only functions: row_number, rank, dense_rank, percent_rank,
// cume_dist, ntile, lag, lead, first_value, last_value, nth_value. They are
// computed for a whole sorted partition at once. (Aggregates used as window
// functions — sum(x) OVER (...) — are ordinary Aggregates driven per frame
// by the engine, with Inverter for sliding frames.)

// Partition is one window partition, sorted by the window's ORDER BY.
type Partition struct {
	// Args holds each row's evaluated arguments of the call.
	Args [][]value.Value
	// Peer numbers the peer groups: rows equal under ORDER BY share a
	// number; numbers start at 0 and increase by one from group to group.
	// Without ORDER BY every row has peer 0.
	Peer []int
	// Frames, when set, gives each row's frame as a half-open range of row
	// indexes [start, end). When nil, the default frame applies: RANGE
	// BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (the row's peers included).
	Frames [][2]int
}

// Len is the number of rows.
func (p *Partition) Len() int { return len(p.Args) }

// frame returns row i's frame.
func (p *Partition) frame(i int) (int, int) {
	if p.Frames != nil {
		f := p.Frames[i]
		start, end := max(f[0], 0), min(f[1], p.Len())
		return start, max(end, start)
	}
	end := i + 1
	for end < p.Len() && p.Peer[end] == p.Peer[i] {
		end++
	}
	return 0, end
}

// WindowDef describes a window-only function.
type WindowDef struct {
	Name             string
	MinArgs, MaxArgs int
	// ReturnType is the static result type (types.Any: the argument's).
	ReturnType types.Type
	// UsesFrame reports whether the result depends on the frame
	// (first_value, last_value, nth_value); the others ignore it.
	UsesFrame bool
	// Compute fills out[i] (len(out) == p.Len()) for every row.
	Compute func(p *Partition, out []value.Value) error
}

var windowDefs = map[string]*WindowDef{}

func registerWindow(defs ...WindowDef) {
	for k := range defs {
		d := defs[k]
		windowDefs[d.Name] = &d
	}
}

// IsWindowFunction reports whether name is a window-only function.
func IsWindowFunction(name string) bool { return windowDefs[key(name)] != nil }

// LookupWindow finds a window-only function by name and arity. Failure
// reads "Function not found: name/nargs".
func LookupWindow(name string, nargs int) (*WindowDef, error) {
	d := windowDefs[key(name)]
	if d == nil || nargs < d.MinArgs || nargs > d.MaxArgs {
		return nil, fmt.Errorf("Function not found: %s/%d", name, nargs)
	}
	return d, nil
}

func init() {
	registerWindow(
		WindowDef{Name: "row_number", ReturnType: types.Integer, Compute: rowNumber},
		WindowDef{Name: "rank", ReturnType: types.Integer, Compute: rank},
		WindowDef{Name: "dense_rank", ReturnType: types.Integer, Compute: denseRank},
		WindowDef{Name: "percent_rank", ReturnType: types.Real, Compute: percentRank},
		WindowDef{Name: "cume_dist", ReturnType: types.Real, Compute: cumeDist},
		WindowDef{Name: "ntile", MinArgs: 1, MaxArgs: 1, ReturnType: types.Integer, Compute: ntile},
		WindowDef{Name: "lag", MinArgs: 1, MaxArgs: 3, ReturnType: types.Any, Compute: shiftFn(-1)},
		WindowDef{Name: "lead", MinArgs: 1, MaxArgs: 3, ReturnType: types.Any, Compute: shiftFn(1)},
		WindowDef{Name: "first_value", MinArgs: 1, MaxArgs: 1, ReturnType: types.Any, UsesFrame: true,
			Compute: frameValue(func(start, end int, _ []value.Value) int { return start })},
		WindowDef{Name: "last_value", MinArgs: 1, MaxArgs: 1, ReturnType: types.Any, UsesFrame: true,
			Compute: frameValue(func(start, end int, _ []value.Value) int { return end - 1 })},
		WindowDef{Name: "nth_value", MinArgs: 2, MaxArgs: 2, ReturnType: types.Any, UsesFrame: true,
			Compute: frameValue(func(start, end int, args []value.Value) int {
				n, ok := intArg(args[1])
				if !ok || n < 1 || n > int64(end-start) {
					return -1
				}
				return start + int(n) - 1
			})},
	)
}

func rowNumber(p *Partition, out []value.Value) error {
	for i := range out {
		out[i] = value.Int(int64(i + 1))
	}
	return nil
}

// groupStart returns, per row, the index of the first row of its peer group.
func groupStarts(p *Partition) []int {
	starts := make([]int, p.Len())
	for i := range starts {
		if i > 0 && p.Peer[i] == p.Peer[i-1] {
			starts[i] = starts[i-1]
		} else {
			starts[i] = i
		}
	}
	return starts
}

func rank(p *Partition, out []value.Value) error {
	for i, s := range groupStarts(p) {
		out[i] = value.Int(int64(s + 1))
	}
	return nil
}

func denseRank(p *Partition, out []value.Value) error {
	dense := int64(0)
	for i := range out {
		if i == 0 || p.Peer[i] != p.Peer[i-1] {
			dense++
		}
		out[i] = value.Int(dense)
	}
	return nil
}

func percentRank(p *Partition, out []value.Value) error {
	n := p.Len()
	for i, s := range groupStarts(p) {
		if n <= 1 {
			out[i] = value.Float(0)
		} else {
			out[i] = value.Float(float64(s) / float64(n-1))
		}
	}
	return nil
}

func cumeDist(p *Partition, out []value.Value) error {
	n := p.Len()
	for i := n - 1; i >= 0; i-- {
		if i == n-1 || p.Peer[i] != p.Peer[i+1] {
			out[i] = value.Float(float64(i+1) / float64(n))
		} else {
			out[i] = out[i+1]
		}
	}
	return nil
}

// ntile(n) splits the partition into n buckets as evenly as possible, the
// first size%n buckets one row larger (SQLite's rule).
func ntile(p *Partition, out []value.Value) error {
	n := p.Len()
	if n == 0 {
		return nil
	}
	buckets, ok := intArg(p.Args[0][0])
	if !ok || buckets < 1 {
		return fmt.Errorf("argument of ntile must be a positive integer")
	}
	if buckets > int64(n) {
		buckets = int64(n)
	}
	size, extra := int64(n)/buckets, int64(n)%buckets
	row := 0
	for b := int64(1); b <= buckets; b++ {
		rows := size
		if b <= extra {
			rows++
		}
		for k := int64(0); k < rows; k++ {
			out[row] = value.Int(b)
			row++
		}
	}
	return nil
}

// shiftFn defines lag (dir -1) and lead (dir 1): the argument's value
// offset rows away (default 1; a negative offset looks the other way) in
// the partition, or the default (NULL). A NULL offset gives NULL.
func shiftFn(dir int) func(p *Partition, out []value.Value) error {
	return func(p *Partition, out []value.Value) error {
		for i, args := range p.Args {
			off := int64(1)
			if len(args) > 1 {
				if args[1].IsNull() {
					out[i] = value.Null()
					continue
				}
				var ok bool
				if off, ok = intArg(args[1]); !ok {
					return fmt.Errorf("%s offset must be an integer", map[int]string{-1: "lag", 1: "lead"}[dir])
				}
			}
			j := int64(i) + off*int64(dir)
			switch {
			case j >= 0 && j < int64(len(p.Args)):
				out[i] = p.Args[j][0]
			case len(args) > 2:
				out[i] = args[2]
			default:
				out[i] = value.Null()
			}
		}
		return nil
	}
}

// frameValue returns the argument at the row pick chooses within each
// row's frame (NULL for an empty frame or a pick outside it).
func frameValue(pick func(start, end int, args []value.Value) int) func(p *Partition, out []value.Value) error {
	return func(p *Partition, out []value.Value) error {
		for i := range out {
			start, end := p.frame(i)
			j := -1
			if end > start {
				j = pick(start, end, p.Args[i])
			}
			if j < start || j >= end {
				out[i] = value.Null()
				continue
			}
			out[i] = p.Args[j][0]
		}
		return nil
	}
}
