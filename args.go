package quereus

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine"
	"github.com/quereus/quereus/storage/value"
)

// toArgs turns database/sql arguments into engine arguments. A named
// argument (sql.Named("id", v)) binds the parameter :id, @id or $id; any
// other argument binds by its position in the argument list, which is the
// parameter's slot number (?, ?NNN, and named parameters also occupy slots
// in order of first appearance).
func toArgs(nvs []driver.NamedValue) ([]engine.Arg, error) {
	if len(nvs) == 0 {
		return nil, nil
	}
	return appendArgs(make([]engine.Arg, 0, len(nvs)), nvs)
}

// appendArgs is toArgs appending to dst (a reused buffer).
func appendArgs(dst []engine.Arg, nvs []driver.NamedValue) ([]engine.Arg, error) {
	args := append(dst, make([]engine.Arg, len(nvs))...)[len(dst):]
	for i, nv := range nvs {
		var v value.Value
		var err error
		if n, ok := nv.Value.(int); ok {
			v = value.Int(int64(n)) // CheckNamedValue lets int through (as toValue maps it)
		} else if v, err = toValue(nv.Value); err != nil { // CheckNamedValue made it a value.Value or a type toValue maps directly
			return nil, fmt.Errorf("quereus: argument %s: %w", describeArg(nv), err)
		}
		if nv.Name != "" {
			args[i] = engine.Arg{Name: nv.Name, Value: v}
		} else {
			args[i] = engine.Arg{Ordinal: nv.Ordinal, Value: v}
		}
	}
	return args, nil
}

func describeArg(nv driver.NamedValue) string {
	if nv.Name != "" {
		return ":" + nv.Name
	}
	return fmt.Sprintf("$%d", nv.Ordinal)
}

// namedValues numbers the arguments of the legacy Exec and Query methods.
func namedValues(vs []driver.Value) []driver.NamedValue {
	nvs := make([]driver.NamedValue, len(vs))
	for i, v := range vs {
		nvs[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return nvs
}

// checkArgs verifies that args bind a single statement's parameters exactly:
// every parameter gets a value, every named argument names a parameter
// (case-insensitively, as the engine binds), and every positional argument
// falls on a slot. The engine itself binds leniently (an unbound parameter is
// NULL), which would turn a forgotten argument into silently stored NULLs.
func checkArgs(params []engine.ParamInfo, args []engine.Arg) error {
	var inline [16]bool
	var bound []bool
	if len(params) <= len(inline) {
		bound = inline[:len(params)]
	} else {
		bound = make([]bool, len(params))
	}
	for _, a := range args {
		slot := -1
		if a.Name != "" {
			for i, p := range params {
				if strings.EqualFold(p.Name, a.Name) {
					slot = i
					break
				}
			}
			if slot < 0 {
				return fmt.Errorf("quereus: argument %q matches no parameter of the statement (:%s, @%s or $%s)",
					a.Name, a.Name, a.Name, a.Name)
			}
		} else {
			if a.Ordinal < 1 || a.Ordinal > len(params) {
				return fmt.Errorf("quereus: %d arguments for a statement with %d parameter(s)", len(args), len(params))
			}
			slot = a.Ordinal - 1
		}
		bound[slot] = true
	}
	for i, ok := range bound {
		if !ok {
			return fmt.Errorf("quereus: no argument for parameter %s", describeParam(params[i]))
		}
	}
	return nil
}

func describeParam(p engine.ParamInfo) string {
	if p.Name != "" {
		return ":" + p.Name
	}
	return fmt.Sprintf("?%d", p.Ordinal)
}
