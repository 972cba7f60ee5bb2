package engine

import (
	"github.com/quereus/quereus/engine/parser"
	"github.com/quereus/quereus/storage/value"
)

// createTableAs implements CREATE TABLE name AS SELECT: the table gets one
// nullable column per result column (declared with the result's type when
// known, so the stored DDL is an ordinary column-form CREATE TABLE), and
// the query's rows are inserted in the same statement.
func (c *compiler) createTableAs(st *parser.CreateTable) (*program, error) {
	if st.Maintained != nil {
		return c.createMaintainedTable(st)
	}
	plan, err := c.query(nil, st.AsSelect)
	if err != nil {
		return nil, err
	}
	def := &parser.CreateTable{Loc: st.Loc, IfNotExists: st.IfNotExists, Name: st.Name, Module: st.Module,
		ModuleArgs: st.ModuleArgs, HasArgs: st.HasArgs}
	for _, oc := range plan.cols {
		cd := &parser.ColumnDef{Name: oc.name, Constraints: []*parser.ColumnConstraint{{Kind: parser.ConstrNull}}}
		if tn := typeName(oc.typ); tn != "" {
			cd.Type = &parser.TypeName{Name: tn}
		}
		def.Columns = append(def.Columns, cd)
	}
	create, err := c.createTable(def)
	if err != nil {
		return nil, err
	}
	sn, err := c.targetSchema(st.Name.Schema)
	if err != nil {
		return nil, err
	}
	prog := &program{ddl: true, writes: true}
	prog.exec = func(e *env) (int64, []value.Row, error) {
		existed := e.conn.catalog().TableIn(sn, st.Name.Name) != nil
		if _, _, err := create.exec(e); err != nil || existed {
			return 0, nil, err
		}
		t := e.conn.catalog().TableIn(sn, st.Name.Name)
		rows, err := drainNode(e, plan.root)
		if err != nil {
			return 0, nil, err
		}
		w, err := newWriter(e, c, t, parser.OpInsert)
		if err != nil {
			return 0, nil, err
		}
		for _, r := range rows {
			row := append(value.Row(nil), r...)
			if err := convertRow(t, row); err != nil {
				return 0, nil, err
			}
			if _, err := w.insert(row, parser.ConflictDefault); err != nil {
				return 0, nil, err
			}
		}
		return int64(len(rows)), nil, nil
	}
	return prog, nil
}
