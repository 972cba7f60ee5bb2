package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage"
	"github.com/quereus/quereus/storage/value"
)

// compile plans one statement against the session's current catalog.
func (c *Conn) compile(ast parser.Stmt) (*program, error) {
	cat := c.catalog()
	comp := &compiler{conn: c, cat: cat, params: newParamSet()}
	comp.withSchemaPath(stmtSchemaPath(ast))
	prog, err := comp.statement(ast)
	if err != nil {
		return nil, err
	}
	prog = gateDDL(ast, prog)
	prog.cat = cat
	prog.params = comp.params.finalize()
	prog.writes = prog.writes || comp.writes
	return prog, nil
}

func (c *compiler) statement(ast parser.Stmt) (*program, error) {
	switch st := ast.(type) {
	case *parser.Select:
		plan, err := c.query(nil, st)
		if err != nil {
			return nil, err
		}
		return &program{query: plan, cols: plan.cols, rows: true}, nil
	case *parser.Insert:
		return c.insert(st)
	case *parser.Update:
		return c.update(st)
	case *parser.Delete:
		return c.delete(st)
	case *parser.CreateTable:
		return c.createTable(st)
	case *parser.CreateIndex:
		return c.createIndex(st)
	case *parser.CreateView:
		return c.createView(st)
	case *parser.RefreshMaterializedView:
		name := st.Name.Name
		return ddlProgram(func(e *env) error {
			v := e.conn.catalog().View(name)
			if st.Name.Schema != "" {
				v = e.conn.catalog().ViewIn(e.conn.catalog().SchemaName(st.Name.Schema), name)
			}
			if v == nil || !v.Materialized() {
				return fmt.Errorf("no such materialized view: %s", name)
			}
			return checkSetFill(e, v) // planned like a view: always current
		}), nil
	case *parser.CreateAssertion:
		return c.createAssertion(st)
	case *parser.Drop:
		return c.drop(st)
	case *parser.AlterTable:
		return c.alterTable(st)
	case *parser.Begin:
		return c.beginStmt(st), nil
	case *parser.Commit:
		return &program{control: func(ctx context.Context, conn *Conn) error {
			if conn.apiTx {
				return errors.New("cannot COMMIT inside a transaction started through the driver; use Tx.Commit")
			}
			if conn.txn == nil || !conn.explicit {
				return nil // COMMIT outside a transaction is a no-op, as in Quereus
			}
			return conn.commit(ctx)
		}}, nil
	case *parser.Rollback:
		name := st.Savepoint
		return &program{control: func(ctx context.Context, conn *Conn) error {
			if name != "" {
				return conn.rollbackTo(name)
			}
			if conn.apiTx {
				return errors.New("cannot ROLLBACK inside a transaction started through the driver; use Tx.Rollback")
			}
			if conn.txn == nil || !conn.explicit {
				return nil
			}
			return conn.rollback()
		}}, nil
	case *parser.Savepoint:
		name := st.Name
		return &program{control: func(ctx context.Context, conn *Conn) error { return conn.savepoint(ctx, name) }}, nil
	case *parser.Release:
		name := st.Name
		return &program{control: func(ctx context.Context, conn *Conn) error { return conn.release(ctx, name) }}, nil
	case *parser.Pragma:
		return c.pragma(st)
	case *parser.Analyze:
		return &program{exec: func(*env) (int64, []value.Row, error) { return 0, nil, nil }}, nil
	case *parser.Explain:
		return c.explain(st)
	case *parser.DeclareSchema, *parser.DiffSchema, *parser.ApplySchema:
		return c.schemaStatement(st)
	}
	return nil, fmt.Errorf("unsupported statement: %T", ast)
}

func (c *compiler) beginStmt(st *parser.Begin) *program {
	immediate := st.Mode == parser.TxImmediate || st.Mode == parser.TxExclusive
	return &program{control: func(ctx context.Context, conn *Conn) error {
		if conn.apiTx {
			return errors.New("cannot BEGIN inside a transaction started through the driver")
		}
		if conn.txn != nil {
			return errors.New("cannot BEGIN: already in a transaction")
		}
		if err := conn.beginTxn(ctx, storage.TxOptions{Immediate: immediate}); err != nil {
			return err
		}
		conn.explicit = true
		return nil
	}}
}

// explain plans the inner statement and reports its access paths.
func (c *compiler) explain(st *parser.Explain) (*program, error) {
	inner, err := c.statement(st.Stmt)
	if err != nil {
		return nil, err
	}
	var lines []string
	if inner.query != nil {
		inner.query.root.explain(&lines, 0)
	} else if inner.explainer != nil {
		inner.explainer.explain(&lines, 0)
	}
	rows := make([]value.Row, len(lines))
	for i, l := range lines {
		rows[i] = value.Row{value.Int(int64(i)), value.Int(0), value.Text(l)}
	}
	return &program{rows: true, cols: []outCol{{name: "id"}, {name: "parent"}, {name: "detail"}},
		exec: func(*env) (int64, []value.Row, error) { return 0, rows, nil }}, nil
}
