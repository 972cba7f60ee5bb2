package quereus

import (
	"database/sql"
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/quereus/quereus/engine"
)

// column is what the driver reports about a result column.
type column struct {
	dbType   string
	nullable bool
	temporal bool // DATE, DATETIME or TIMESTAMP: text is returned as time.Time
	scanType reflect.Type
}

// goType is the Go type of a declared type's values, without and with NULL.
type goType struct {
	plain, nullable reflect.Type
	temporal        bool
}

var (
	anyType   = reflect.TypeFor[any]()
	bytesType = reflect.TypeFor[[]byte]()
	jsonType  = reflect.TypeFor[json.RawMessage]()
)

// goTypes maps declared type names (without a length such as "(20)") to the
// Go types the driver returns. Other names scan as any. An INTEGER value
// outside the int64 range comes back as its decimal string.
var goTypes = map[string]goType{
	"INTEGER":  {plain: reflect.TypeFor[int64](), nullable: reflect.TypeFor[sql.NullInt64]()},
	"INT":      {plain: reflect.TypeFor[int64](), nullable: reflect.TypeFor[sql.NullInt64]()},
	"BIGINT":   {plain: reflect.TypeFor[int64](), nullable: reflect.TypeFor[sql.NullInt64]()},
	"REAL":     {plain: reflect.TypeFor[float64](), nullable: reflect.TypeFor[sql.NullFloat64]()},
	"FLOAT":    {plain: reflect.TypeFor[float64](), nullable: reflect.TypeFor[sql.NullFloat64]()},
	"DOUBLE":   {plain: reflect.TypeFor[float64](), nullable: reflect.TypeFor[sql.NullFloat64]()},
	"TEXT":     {plain: reflect.TypeFor[string](), nullable: reflect.TypeFor[sql.NullString]()},
	"VARCHAR":  {plain: reflect.TypeFor[string](), nullable: reflect.TypeFor[sql.NullString]()},
	"CHAR":     {plain: reflect.TypeFor[string](), nullable: reflect.TypeFor[sql.NullString]()},
	"TIME":     {plain: reflect.TypeFor[string](), nullable: reflect.TypeFor[sql.NullString]()},
	"TIMESPAN": {plain: reflect.TypeFor[string](), nullable: reflect.TypeFor[sql.NullString]()},
	"BLOB":     {plain: bytesType, nullable: bytesType},
	"BOOLEAN":  {plain: reflect.TypeFor[bool](), nullable: reflect.TypeFor[sql.NullBool]()},
	"BOOL":     {plain: reflect.TypeFor[bool](), nullable: reflect.TypeFor[sql.NullBool]()},
	"DATE":     {plain: reflect.TypeFor[time.Time](), nullable: reflect.TypeFor[sql.NullTime](), temporal: true},
	"DATETIME": {plain: reflect.TypeFor[time.Time](), nullable: reflect.TypeFor[sql.NullTime](), temporal: true},
	"TIMESTAMP": {plain: reflect.TypeFor[time.Time](), nullable: reflect.TypeFor[sql.NullTime](),
		temporal: true},
	"JSON": {plain: jsonType, nullable: jsonType},
}

func describeColumn(ec engine.Column) column {
	col := column{dbType: ec.DeclType, nullable: ec.Nullable, scanType: anyType}
	base, _, _ := strings.Cut(strings.ToUpper(ec.DeclType), "(")
	if t, ok := goTypes[strings.TrimSpace(base)]; ok {
		col.temporal = t.temporal
		col.scanType = t.plain
		if ec.Nullable {
			col.scanType = t.nullable
		}
	}
	return col
}
