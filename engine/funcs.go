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

func errNoFunc(name string, n int) error {
	return fmt.Errorf("Function not found: %s/%d", strings.ToLower(name), n)
}
