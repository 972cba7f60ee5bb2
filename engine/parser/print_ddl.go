package parser

// createTable renders CREATE TABLE, or a declared-schema `table` item when
// declared is set. The layout follows Quereus's DDL emitter: constraint
// keywords lower case, type names as written.
func (p *printer) createTable(s *CreateTable, declared bool) {
	if !declared {
		p.str("create ")
		if s.Temp {
			p.str("temp ")
		}
	}
	p.str("table ")
	if s.IfNotExists {
		p.str("if not exists ")
	}
	p.objectName(s.Name)
	switch {
	case s.AsSelect != nil:
		p.str(" as ")
		p.selectStmt(s.AsSelect)
	case s.Columns != nil || s.Constraints != nil:
		p.str(" (")
		// Columns and table constraints may be interleaved in the source;
		// merge them back in source order (unknown positions go last).
		ci, ki := 0, 0
		for ci < len(s.Columns) || ki < len(s.Constraints) {
			if ci+ki > 0 {
				p.str(", ")
			}
			if ki == len(s.Constraints) || ci < len(s.Columns) &&
				!(s.Constraints[ki].Pos() >= 0 && s.Constraints[ki].Pos() < s.Columns[ci].Pos()) {
				p.columnDef(s.Columns[ci])
				ci++
			} else {
				p.tableConstraint(s.Constraints[ki])
				ki++
			}
		}
		p.str(")")
	}
	if s.Module != "" {
		p.str(" using ")
		p.ident(s.Module)
		if s.HasArgs {
			p.str(" (")
			for i, a := range s.ModuleArgs {
				if i > 0 {
					p.str(", ")
				}
				if a.Name != "" {
					p.ident(a.Name)
					p.str(" = ")
				}
				p.expr(a.Value)
			}
			p.str(")")
		}
	}
	if len(s.Context) > 0 {
		p.str(" with context (")
		for i, c := range s.Context {
			if i > 0 {
				p.str(", ")
			}
			p.columnDef(c)
		}
		p.str(")")
	}
	p.withTags(s.Tags)
	for i, o := range s.Options {
		if i > 0 {
			p.str(",")
		}
		p.str(" " + o.Words)
	}
	if s.Maintained != nil {
		p.str(" maintained")
		if len(s.MaintainedColumns) > 0 {
			p.str(" (")
			p.identList(s.MaintainedColumns)
			p.str(")")
		}
		p.str(" as ")
		p.selectStmt(s.Maintained)
	}
}

func (p *printer) columnDef(c *ColumnDef) {
	p.ident(c.Name)
	if c.Type != nil {
		p.str(" ")
		p.typeName(c.Type)
	}
	// Column tags keep their source slot among the constraints (parameters
	// are numbered in text order), except that they never follow a named
	// constraint without tags, which would capture them.
	slot := -1
	if pos := firstTagPos(c.Tags); pos >= 0 {
		for i, k := range c.Constraints {
			if k.Pos() >= 0 && k.Pos() < pos {
				slot = i
			}
		}
		if slot >= 0 && c.Constraints[slot].Name != "" && c.Constraints[slot].Tags == nil {
			slot = -1
		}
	}
	if slot < 0 {
		p.withTags(c.Tags)
	}
	for i, k := range c.Constraints {
		p.str(" ")
		nextCollate := i+1 < len(c.Constraints) && c.Constraints[i+1].Kind == ConstrCollate &&
			c.Constraints[i+1].Name == ""
		p.columnConstraint(k, nextCollate)
		if i == slot {
			p.withTags(c.Tags)
		}
	}
}

// columnConstraint renders one column constraint. A DEFAULT expression is
// parenthesized when a COLLATE constraint follows, which would otherwise
// be read as part of it.
func (p *printer) columnConstraint(k *ColumnConstraint, nextCollate bool) {
	if k.Name != "" {
		p.str("constraint ")
		p.ident(k.Name)
		p.str(" ")
	}
	switch k.Kind {
	case ConstrPrimaryKey:
		p.str("primary key")
		p.sortDir(k.Dir)
		p.onConflict(k.OnConflict)
		if k.AutoIncrement {
			p.str(" autoincrement")
		}
	case ConstrNotNull:
		p.str("not null")
		p.onConflict(k.OnConflict)
	case ConstrNull:
		p.str("null")
		p.onConflict(k.OnConflict)
	case ConstrUnique:
		p.str("unique")
		p.onConflict(k.OnConflict)
	case ConstrCheck:
		p.check(k.CheckOn, k.Expr)
		p.onConflict(k.OnConflict)
	case ConstrDefault:
		p.str("default ")
		p.wrapped(k.Expr, nextCollate)
	case ConstrCollate:
		p.str("collate ")
		p.ident(k.Collation)
	case ConstrForeignKey:
		p.references(k.FK)
	case ConstrGenerated:
		if k.GeneratedAlways {
			p.str("generated always ")
		}
		p.str("as (")
		p.expr(k.Expr)
		p.str(")")
		if k.Stored {
			p.str(" stored")
		}
	}
	p.withTags(k.Tags)
}

func (p *printer) sortDir(d SortDir) {
	switch d {
	case SortAsc:
		p.str(" asc")
	case SortDesc:
		p.str(" desc")
	}
}

func (p *printer) check(on []Operation, x Expr) {
	p.str("check")
	for i, op := range on {
		if i == 0 {
			p.str(" on ")
		} else {
			p.str(", ")
		}
		p.str([...]string{OpInsert: "insert", OpUpdate: "update", OpDelete: "delete"}[op])
	}
	p.str(" (")
	p.expr(x)
	p.str(")")
}

func (p *printer) tableConstraint(c *TableConstraint) {
	if c.Name != "" {
		p.str("constraint ")
		p.ident(c.Name)
		p.str(" ")
	}
	switch c.Kind {
	case ConstrPrimaryKey, ConstrUnique:
		if c.Kind == ConstrPrimaryKey {
			p.str("primary key (")
		} else {
			p.str("unique (")
		}
		p.indexedColumns(c.Columns)
		p.str(")")
		p.onConflict(c.OnConflict)
	case ConstrCheck:
		p.check(c.CheckOn, c.Expr)
		p.onConflict(c.OnConflict)
	case ConstrForeignKey:
		p.str("foreign key (")
		p.identList(c.FKColumns)
		p.str(") ")
		p.references(c.FK)
	}
	p.withTags(c.Tags)
}

func (p *printer) references(fk *ForeignKey) {
	if fk == nil {
		return
	}
	p.str("references ")
	p.objectName(fk.Table)
	if len(fk.Columns) > 0 {
		p.str("(")
		p.identList(fk.Columns)
		p.str(")")
	}
	actions := [...]string{FKNoAction: "no action", FKRestrict: "restrict", FKSetNull: "set null",
		FKSetDefault: "set default", FKCascade: "cascade"}
	if fk.OnDelete != FKDefault {
		p.str(" on delete " + actions[fk.OnDelete])
	}
	if fk.OnUpdate != FKDefault {
		p.str(" on update " + actions[fk.OnUpdate])
	}
	if fk.Match != "" {
		p.str(" match ")
		p.ident(fk.Match)
	}
	p.str([...]string{DeferNone: "", DeferDeferrable: " deferrable",
		DeferDeferrableDeferred:     " deferrable initially deferred",
		DeferDeferrableImmediate:    " deferrable initially immediate",
		DeferNotDeferrable:          " not deferrable",
		DeferNotDeferrableDeferred:  " not deferrable initially deferred",
		DeferNotDeferrableImmediate: " not deferrable initially immediate",
		DeferInitiallyDeferredOnly:  " initially deferred",
		DeferInitiallyImmediateOnly: " initially immediate"}[fk.Deferral])
}

func (p *printer) indexedColumns(cols []*IndexedColumn) {
	for i, c := range cols {
		if i > 0 {
			p.str(", ")
		}
		// A COLLATE written on the expression itself would merge with the
		// column's collation when re-parsed; keep it inside parentheses.
		_, isCollate := c.X.(*Collate)
		p.wrapped(c.X, isCollate)
		if c.Collation != "" {
			p.str(" collate ")
			p.ident(c.Collation)
		}
		p.sortDir(c.Dir)
	}
}

func (p *printer) createIndex(s *CreateIndex, declared bool) {
	if !declared {
		p.str("create ")
	}
	if s.Unique {
		p.str("unique ")
	}
	p.str("index ")
	if s.IfNotExists {
		p.str("if not exists ")
	}
	p.objectName(s.Name)
	p.str(" on ")
	p.ident(s.Table)
	p.str(" (")
	p.indexedColumns(s.Columns)
	p.str(")")
	if s.Where != nil {
		p.str(" where ")
		p.expr(s.Where)
	}
	p.withTags(s.Tags)
}

func (p *printer) createView(s *CreateView, declared bool) {
	if !declared {
		p.str("create ")
		if s.Temp {
			p.str("temp ")
		}
	}
	if s.Materialized {
		p.str("materialized ")
	}
	p.str("view ")
	if s.IfNotExists {
		p.str("if not exists ")
	}
	p.objectName(s.Name)
	if len(s.Columns) > 0 {
		p.str(" (")
		p.identList(s.Columns)
		p.str(")")
	}
	p.str(" as ")
	p.selectStmt(s.Select)
	p.withTags(s.Tags)
}

func (p *printer) assertion(s *CreateAssertion) {
	p.str("assertion ")
	p.objectName(s.Name)
	p.str(" check (")
	p.expr(s.Check)
	p.str(")")
	p.withTags(s.Tags)
}

func (p *printer) tagsAction(op TagsOp, tags []*Tag, names []string) {
	switch op {
	case TagsSet:
		p.str("set tags ")
		p.tagList(tags)
	case TagsAdd:
		p.str("add tags ")
		p.tagList(tags)
	case TagsDrop:
		p.str("drop tags (")
		p.identList(names)
		p.str(")")
	}
}

func (p *printer) alterTable(s *AlterTable) {
	p.str("alter ")
	p.str([...]string{ObjTable: "table", ObjIndex: "index", ObjView: "view",
		ObjMaterializedView: "materialized view", ObjAssertion: "assertion", ObjTrigger: "trigger"}[s.Kind])
	p.str(" ")
	p.objectName(s.Name)
	p.str(" ")
	switch a := s.Action.(type) {
	case *RenameTable:
		p.str("rename to ")
		p.ident(a.NewName)
	case *RenameColumn:
		p.str("rename column ")
		p.ident(a.Old)
		p.str(" to ")
		p.ident(a.New)
	case *AddColumn:
		p.str("add column ")
		p.columnDef(a.Column)
	case *DropColumn:
		p.str("drop column ")
		p.ident(a.Name)
	case *AlterColumn:
		p.str("alter column ")
		p.ident(a.Column)
		switch a.Op {
		case AlterSetNotNull:
			p.str(" set not null")
		case AlterDropNotNull:
			p.str(" drop not null")
		case AlterSetDefault:
			p.str(" set default ")
			p.expr(a.Default)
		case AlterDropDefault:
			p.str(" drop default")
		case AlterSetDataType:
			p.str(" set data type ")
			p.typeName(a.Type)
		case AlterSetCollate:
			p.str(" set collate ")
			p.ident(a.Collation)
		}
	case *AlterColumnTags:
		p.str("alter column ")
		p.ident(a.Column)
		p.str(" ")
		p.tagsAction(a.Op, a.Tags, a.Names)
	case *AddConstraint:
		p.str("add ")
		p.tableConstraint(a.Constraint)
	case *DropConstraint:
		p.str("drop constraint ")
		p.ident(a.Name)
	case *RenameConstraint:
		p.str("rename constraint ")
		p.ident(a.Old)
		p.str(" to ")
		p.ident(a.New)
	case *AlterPrimaryKey:
		p.str("alter primary key (")
		p.indexedColumns(a.Columns)
		p.str(")")
	case *SetMaintained:
		p.str("set maintained")
		if len(a.Columns) > 0 {
			p.str(" (")
			p.identList(a.Columns)
			p.str(")")
		}
		p.str(" as ")
		p.stmt(a.Query)
	case *DropMaintained:
		p.str("drop maintained")
	case *AlterTags:
		if a.Constraint != "" {
			p.str("alter constraint ")
			p.ident(a.Constraint)
			p.str(" ")
		}
		p.tagsAction(a.Op, a.Tags, a.Names)
	}
}
