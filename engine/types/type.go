package types

import (
	"fmt"
	"strings"
)

// Type is a logical SQL type: the declared type of a column, the target of a
// CAST, or the static type the planner infers for an expression (where Any
// means "unknown" and Null is the type of the NULL literal).
type Type uint8

// The logical types.
const (
	Any      Type = iota // ANY: accepts every value; also "unknown" statically
	Null                 // the static type of a NULL literal (never declared)
	Integer              // INTEGER, INT, BIGINT, SMALLINT, ...
	Real                 // REAL, FLOAT, DOUBLE, ...
	Numeric              // NUMERIC, DECIMAL: integer when whole, else real
	Text                 // TEXT, VARCHAR(n), CHAR(n), CLOB, STRING, ...
	Blob                 // BLOB, BYTES, BINARY
	Boolean              // BOOLEAN, BOOL
	JSON                 // JSON: a parsed document
	Date                 // DATE: ISO text YYYY-MM-DD
	Time                 // TIME: ISO text HH:MM:SS[.fff]
	DateTime             // DATETIME, TIMESTAMP: ISO text YYYY-MM-DDTHH:MM:SS[.fff]
	Timespan             // TIMESPAN, INTERVAL, DURATION: ISO-8601 duration text
)

var typeNames = [...]string{"ANY", "NULL", "INTEGER", "REAL", "NUMERIC", "TEXT", "BLOB",
	"BOOLEAN", "JSON", "DATE", "TIME", "DATETIME", "TIMESPAN"}

// Name is the canonical upper-case type name (for ColumnTypeDatabaseTypeName).
func (t Type) Name() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("TYPE(%d)", int(t))
}

// String returns Name.
func (t Type) String() string { return t.Name() }

// IsNumeric reports whether values of t are numbers (INTEGER, REAL, NUMERIC;
// BOOLEAN counts as numeric too, as in the key encoding).
func (t Type) IsNumeric() bool {
	return t == Integer || t == Real || t == Numeric || t == Boolean
}

// IsTextual reports whether values of t are text (TEXT and the temporal
// types, which are stored as ISO text).
func (t Type) IsTextual() bool { return t == Text || t.IsTemporal() }

// IsTemporal reports whether t is DATE, TIME, DATETIME or TIMESPAN.
func (t Type) IsTemporal() bool { return t == Date || t == Time || t == DateTime || t == Timespan }

// IsUnknown reports whether the static type carries no information (Any or
// Null): the planner accepts such an argument wherever a type is gated.
func (t Type) IsUnknown() bool { return t == Any || t == Null }

// declaredNames maps exact (upper-case, parameters stripped) type names.
var declaredNames = map[string]Type{
	"": Any, "ANY": Any,
	"INTEGER": Integer, "INT": Integer, "BIGINT": Integer, "SMALLINT": Integer,
	"TINYINT": Integer, "MEDIUMINT": Integer, "INT2": Integer, "INT4": Integer,
	"INT8": Integer, "UNSIGNED BIG INT": Integer,
	"REAL": Real, "FLOAT": Real, "DOUBLE": Real, "DOUBLE PRECISION": Real, "FLOAT4": Real, "FLOAT8": Real,
	"NUMERIC": Numeric, "DECIMAL": Numeric, "NUMBER": Numeric,
	"TEXT": Text, "VARCHAR": Text, "CHAR": Text, "CHARACTER": Text, "NCHAR": Text,
	"NVARCHAR": Text, "VARYING CHARACTER": Text, "NATIVE CHARACTER": Text, "CLOB": Text, "STRING": Text,
	"BLOB": Blob, "BYTES": Blob, "BINARY": Blob, "VARBINARY": Blob, "BYTEA": Blob,
	"BOOLEAN": Boolean, "BOOL": Boolean,
	"JSON": JSON, "JSONB": JSON,
	"DATE": Date, "TIME": Time, "DATETIME": DateTime, "TIMESTAMP": DateTime,
	"TIMESPAN": Timespan, "INTERVAL": Timespan, "DURATION": Timespan,
}

// maxTypeNameLen bounds the declared type names FromDeclared looks at.
const maxTypeNameLen = 256

// FromDeclared maps a declared type name (any case, optional "(n[, m])"
// parameters, e.g. "varchar(20)", "DECIMAL(10, 2)") to its logical type.
// The empty name is Any. A name not in the known list falls back to
// SQLite's affinity rules (contains INT -> INTEGER; CHAR, CLOB or TEXT ->
// TEXT; BLOB -> BLOB; REAL, FLOA or DOUB -> REAL; BOOL -> BOOLEAN); a name
// matching none of them is an error.
func FromDeclared(name string) (Type, error) {
	if t, ok := declaredNames[name]; ok {
		return t, nil // the common case: a canonical name, looked up without allocating
	}
	if len(name) > maxTypeNameLen {
		return Any, fmt.Errorf("type name too long (%d bytes)", len(name))
	}
	base := strings.ToUpper(strings.TrimSpace(name))
	if i := strings.IndexByte(base, '('); i >= 0 {
		if !strings.HasSuffix(base, ")") {
			return Any, fmt.Errorf("malformed type name %q", name)
		}
		base = strings.TrimSpace(base[:i])
	}
	base = strings.Join(strings.Fields(base), " ")
	if t, ok := declaredNames[base]; ok {
		return t, nil
	}
	switch {
	case strings.Contains(base, "INT"):
		return Integer, nil
	case strings.Contains(base, "CHAR"), strings.Contains(base, "CLOB"), strings.Contains(base, "TEXT"):
		return Text, nil
	case strings.Contains(base, "BLOB"):
		return Blob, nil
	case strings.Contains(base, "REAL"), strings.Contains(base, "FLOA"), strings.Contains(base, "DOUB"):
		return Real, nil
	case strings.Contains(base, "BOOL"):
		return Boolean, nil
	}
	return Any, fmt.Errorf("unknown type name %q", name)
}
