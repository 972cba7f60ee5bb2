package engine

// funcs.go is the engine's seam to the function registry.

import (
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/functions"
	_ "github.com/quereus/quereus/engine/functions/jsonfn" // JSON functions register from init
	_ "github.com/quereus/quereus/engine/functions/timefn" // date/time functions register from init
	"github.com/quereus/quereus/storage/value"
)

// aggregator accumulates one aggregate call over a group.
type aggregator = functions.Aggregate

// funcDef is a resolved function.
type funcDef struct {
	def           *functions.Def
	scalar        func(args []value.Value) (value.Value, error)
	newAgg        func() aggregator
	deterministic bool
}

func (f *funcDef) isAggregate() bool { return f.newAgg != nil }

// lookupFunc resolves name/nargs; ok is false for an unknown function.
func lookupFunc(name string, nargs int) (*funcDef, bool) {
	d, err := functions.Lookup(name, nargs)
	if err != nil || d == nil {
		return nil, false
	}
	fd := &funcDef{def: d, deterministic: d.Deterministic}
	if d.IsAggregate() {
		fd.newAgg = d.NewAggregate
	} else {
		fd.scalar = func(args []value.Value) (value.Value, error) { return d.Call(nil, args) }
	}
	return fd, true
}

// collated reports whether the function's result depends on a collation.
func (f *funcDef) collated() bool { return f.def != nil && f.def.ScalarCollated != nil }

// argsCollation resolves the collation of a collation-sensitive call from
// its arguments, with the comparison rules (explicit beats declared).
func argsCollation(args []*cexpr) (*cexpr, error) {
	acc := &cexpr{}
	for _, a := range args {
		coll, err := comparisonCollation(acc, a)
		if err != nil {
			return nil, err
		}
		rank := acc.rank
		if a.rank > rank {
			rank = a.rank
		}
		acc = &cexpr{coll: coll, rank: rank}
	}
	return acc, nil
}

// newAggregator makes an aggregate accumulator under a collation.
func newAggregator(f *funcDef, coll string) aggregator {
	a := f.newAgg()
	if c, ok := a.(functions.Collated); ok && coll != "" {
		c.SetCollation(lookupCollation(coll))
	}
	return a
}

func errNoFunc(name string, n int) error {
	return fmt.Errorf("Function not found: %s/%d", strings.ToLower(name), n)
}
