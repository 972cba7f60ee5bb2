package quereus

import (
	"database/sql/driver"
	"fmt"

	"github.com/quereus/quereus/engine"
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
	args := make([]engine.Arg, len(nvs))
	for i, nv := range nvs {
		v, err := toValue(nv.Value) // CheckNamedValue already made it a value.Value
		if err != nil {
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
