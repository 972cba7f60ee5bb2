package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// deferredCheck is a row check postponed to COMMIT: CHECK constraints
// that read other rows (subqueries) and DEFERRABLE INITIALLY DEFERRED
// foreign keys. Savepoint rollbacks drop the checks queued after the mark.
type deferredCheck struct {
	run func(e *env) error
}

func (c *Conn) runDeferred(ctx context.Context) error {
	if len(c.deferred) == 0 {
		return nil
	}
	e := &env{ctx: ctx, conn: c, txn: c.txn, cache: map[any]any{}}
	for _, d := range c.deferred {
		if err := d.run(e); err != nil {
			return err
		}
	}
	return nil
}

// pragma implements the supported PRAGMAs.
func (c *compiler) pragma(st *parser.Pragma) (*program, error) {
	name := strings.ToLower(st.Name.Name)
	db := c.conn.db
	result := func(v value.Value) *program {
		return &program{rows: true, cols: []outCol{{name: "name"}, {name: "value"}},
			exec: func(*env) (int64, []value.Row, error) {
				return 0, []value.Row{{value.Text(name), v}}, nil
			}}
	}
	setter := func(f func(v value.Value) error) (*program, error) {
		v, err := pragmaValue(st.Value)
		if err != nil {
			return nil, err
		}
		return &program{exec: func(*env) (int64, []value.Row, error) { return 0, nil, f(v) }}, nil
	}
	switch name {
	case "foreign_keys":
		if st.Value == nil {
			return result(value.Bool(!db.foreignKeysOff.Load())), nil
		}
		return setter(func(v value.Value) error {
			t, _ := truth(v)
			db.foreignKeysOff.Store(!t)
			return nil
		})
	case "default_column_nullability":
		if st.Value == nil {
			s := "not_null"
			if db.nullableByDefault.Load() {
				s = "nullable"
			}
			return result(value.Text(s)), nil
		}
		return setter(func(v value.Value) error {
			switch strings.ToLower(toText(v)) {
			case "nullable", "null":
				db.nullableByDefault.Store(true)
			case "not_null", "not null", "notnull":
				db.nullableByDefault.Store(false)
			default:
				return fmt.Errorf("invalid default_column_nullability: %s", toText(v))
			}
			return nil
		})
	case "schema_path":
		return c.schemaPathPragma(st)
	case "ddl_transaction_policy":
		return c.ddlPolicyPragma(st)
	case "default_vtab_module":
		if st.Value == nil {
			return result(value.Text("store")), nil
		}
		return setter(func(value.Value) error { return nil })
	}
	return nil, fmt.Errorf("unknown pragma: %s", st.Name.Name)
}

func pragmaValue(x parser.Expr) (value.Value, error) {
	switch x := x.(type) {
	case *parser.Literal:
		return literalValue(x), nil
	case *parser.ColumnRef:
		switch strings.ToLower(x.Column) {
		case "on", "yes", "true":
			return value.Bool(true), nil
		case "off", "no", "false":
			return value.Bool(false), nil
		}
		return value.Text(x.Column), nil
	case *parser.Unary:
		if l, ok := x.X.(*parser.Literal); ok && x.Op == parser.OpNeg {
			return negate(literalValue(l)), nil
		}
	}
	return value.Null(), fmt.Errorf("unsupported pragma value")
}

// seriesNode is generate_series(start, stop[, step]).
type seriesNode struct{ args []*cexpr }

func (n *seriesNode) explain(out *[]string, depth int) {
	addExplain(out, depth, "SCAN generate_series")
}

const maxSeriesRows = 10_000_000

func (n *seriesNode) open(e *env) (rowIter, error) {
	vals := make([]int64, 3)
	vals[2] = 1
	for i, a := range n.args {
		v, err := a.fn(e, nil)
		if err != nil {
			return nil, err
		}
		if v.IsNull() {
			return &sliceIter{}, nil
		}
		vals[i] = toInteger(v).Int64()
	}
	start, stop, step := vals[0], vals[1], vals[2]
	if step == 0 {
		return nil, fmt.Errorf("generate_series step must not be zero")
	}
	var rows []value.Row
	for v := start; (step > 0 && v <= stop) || (step < 0 && v >= stop); v += step {
		if len(rows) >= maxSeriesRows {
			return nil, fmt.Errorf("generate_series produced too many rows")
		}
		rows = append(rows, value.Row{value.Int(v)})
	}
	return &sliceIter{rows: rows}, nil
}
