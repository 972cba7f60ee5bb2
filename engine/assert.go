package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/engine/schema"
	"github.com/quereus/quereus/storage"
)

// assert.go implements CREATE / DROP ASSERTION: database-wide conditions
// evaluated when a transaction that changed data commits.

func assertionCatalogKey(name string) string {
	return "\x00assertion\x00" + schema.MainSchema + "." + strings.ToLower(name)
}

func (c *compiler) createAssertion(st *parser.CreateAssertion) (*program, error) {
	if err := c.checkSchema(st.Name.Schema); err != nil {
		return nil, err
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	name := assertionName(sn, st.Name.Name)
	return ddlProgram(func(e *env) error {
		if e.conn.catalog().Assertion(name) != nil {
			return fmt.Errorf("Assertion %s already exists", st.Name.Name)
		}
		sub := &compiler{conn: e.conn, cat: e.conn.catalog(), params: newParamSet(), homeSchema: sn, homeSeesMain: true}
		if _, err := sub.expr(&scope{}, st.Check); err != nil {
			return err
		}
		text := ddlText(st)
		if err := putCatalog(e, qualifiedCatalogKey("assertion", sn, st.Name.Name), text); err != nil {
			return err
		}
		e.conn.editCatalog().PutAssertion(&schema.Assertion{Name: name, Check: st.Check, Def: st})
		schemaEvent(e, storage.Create, "assertion", st.Name.Name, text)
		return nil
	}), nil
}

func dropAssertion(e *env, name string, ifExists bool) error {
	if e.conn.catalog().Assertion(name) == nil {
		if ifExists {
			return nil
		}
		return fmt.Errorf("no such assertion: %s", name)
	}
	if err := putCatalog(e, assertionCatalogKey(name), ""); err != nil {
		return err
	}
	e.conn.editCatalog().DropAssertion(name)
	schemaEvent(e, storage.Drop, "assertion", name, "")
	return nil
}

// checkAssertionRefs refuses to drop an object an assertion reads.
func checkAssertionRefs(e *env, kind, name string) error {
	for _, a := range e.conn.catalog().Assertions() {
		if mentionsTable(a.Def, name) {
			return fmt.Errorf("cannot drop %s 'main.%s': assertion '%s' still refers to it", kind, name, a.Name)
		}
	}
	return nil
}

// runAssertions evaluates every assertion against the transaction's state.
func (c *Conn) runAssertions(ctx context.Context) error {
	cat := c.catalog()
	asserts := cat.Assertions()
	if len(asserts) == 0 || !c.dataWritten {
		return nil
	}
	e := &env{ctx: ctx, conn: c, txn: c.txn, cache: map[any]any{}}
	for _, a := range asserts {
		comp := &compiler{conn: c, cat: cat, params: newParamSet(), homeSchema: assertionSchema(cat, a), homeSeesMain: true}
		ce, err := comp.expr(&scope{}, a.Check)
		if err != nil {
			return err
		}
		v, err := ce.fn(e, nil)
		if err != nil {
			return err
		}
		if t, _ := truth(v); !t {
			return &constraintError{msg: "Integrity assertion failed: " + a.Name}
		}
	}
	return nil
}
