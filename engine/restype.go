package engine

import (
	"github.com/quereus/quereus/engine/functions"
	"github.com/quereus/quereus/engine/types"
)

// restype.go attaches static result types to compiled expressions, which
// become the result columns' declared types (Column.DeclType, reported by
// the driver as ColumnTypeDatabaseTypeName; "JSON" there tells clients that
// a value is a JSON document). A type class maps to its type name; a
// function call takes its definition's ResultType over the arguments'
// static types.

// typeOfClass is the declared-type name of a type class ("" for classAny).
func typeOfClass(class typeClass) string {
	switch class {
	case classInteger:
		return "INTEGER"
	case classReal:
		return "REAL"
	case classNumeric:
		return "NUMERIC"
	case classText:
		return "TEXT"
	case classBlob:
		return "BLOB"
	case classBoolean:
		return "BOOLEAN"
	case classJSON:
		return "JSON"
	}
	return ""
}

// typeCall checks a function call's arguments against its definition's
// plan-time gate (the numeric builtins reject a statically textual, blob
// or JSON argument) and gives the call's expression the static result type
// of its definition for the arguments' static types; an unknown (ANY)
// result leaves the expression untyped.
func typeCall(ce *cexpr, d *functions.Def, args []*cexpr) error {
	if d == nil {
		return nil
	}
	ts := make([]types.Type, len(args))
	for i, a := range args {
		ts[i] = staticTypeOf(a)
	}
	if err := d.CheckArgTypes(ts); err != nil {
		return err
	}
	t := d.ResultType(ts)
	if t.IsUnknown() {
		return nil
	}
	ce.typ = t.Name()
	ce.class = classOf(ce.typ)
	return nil
}
