package parser

// stmt renders any statement (and the declaration items of DECLARE SCHEMA).
func (p *printer) stmt(s Node) {
	switch s := s.(type) {
	case *Select:
		p.selectStmt(s)
	case *Insert:
		p.insert(s)
	case *Update:
		p.update(s)
	case *Delete:
		p.delete(s)
	case *CreateTable:
		p.createTable(s, false)
	case *CreateIndex:
		p.createIndex(s, false)
	case *CreateView:
		p.createView(s, false)
	case *CreateAssertion:
		p.str("create ")
		p.assertion(s)
	case *Drop:
		p.str("drop ")
		p.str([...]string{ObjTable: "table", ObjIndex: "index", ObjView: "view",
			ObjMaterializedView: "materialized view", ObjAssertion: "assertion", ObjTrigger: "trigger"}[s.Kind])
		if s.IfExists {
			p.str(" if exists")
		}
		p.str(" ")
		p.objectName(s.Name)
	case *AlterTable:
		p.alterTable(s)
	case *RefreshMaterializedView:
		p.str("refresh materialized view ")
		p.objectName(s.Name)
	case *Begin:
		p.str([...]string{TxDefault: "begin", TxDeferred: "begin deferred",
			TxImmediate: "begin immediate", TxExclusive: "begin exclusive"}[s.Mode])
		p.str(" transaction")
	case *Commit:
		p.str("commit")
	case *Rollback:
		p.str("rollback")
		if s.Savepoint != "" {
			p.str(" to savepoint ")
			p.ident(s.Savepoint)
		}
	case *Savepoint:
		p.str("savepoint ")
		p.ident(s.Name)
	case *Release:
		p.str("release savepoint ")
		p.ident(s.Name)
	case *Pragma:
		p.pragma(s)
	case *Analyze:
		p.str("analyze")
		if s.Name.Name != "" {
			p.str(" ")
			if s.Name.Schema != "" {
				p.ident(s.Name.Schema)
				p.str(".")
			}
			if s.Name.Name == "*" && s.Name.Schema != "" {
				p.str("*")
			} else {
				p.ident(s.Name.Name)
			}
		}
	case *Explain:
		p.str("explain ")
		if s.QueryPlan {
			p.str("query plan ")
		}
		p.stmt(s.Stmt)
	case *DeclareSchema:
		p.declareSchema(s)
	case *DeclareLens:
		p.str("declare lens for ")
		p.ident(s.Logical)
		p.str(" over ")
		p.ident(s.Basis)
		p.declareItems(s.Items)
	case *DiffSchema:
		p.str("diff schema ")
		p.ident(s.Name)
	case *ApplySchema:
		p.str("apply schema ")
		p.ident(s.Name)
		if s.WithSeed {
			p.str(" with seed")
		}
		if s.Options != nil {
			p.str(" options ")
			p.options(s.Options)
		}
	case *Seed:
		p.str("seed ")
		p.ident(s.Table)
		p.str(" (")
		p.rows(s.Rows)
		p.str(")")
	default:
		p.str("[unknown statement]")
	}
}

func (p *printer) conflictAction(a ConflictAction) string {
	return [...]string{ConflictRollback: "rollback", ConflictAbort: "abort", ConflictFail: "fail",
		ConflictIgnore: "ignore", ConflictReplace: "replace"}[a]
}

// onConflict writes ` on conflict action` for a written conflict clause.
func (p *printer) onConflict(a ConflictAction) {
	if a != ConflictDefault {
		p.str(" on conflict " + p.conflictAction(a))
	}
}

// stmtClauses writes the Quereus WITH CONTEXT / WITH TAGS / WITH SCHEMA
// clauses of a DML statement that belong to one slot. These clauses may be
// written early (after the target) or late (after the body); a clause is
// late when it came from source text after boundary, the position of the
// body. Within a slot they keep their source order. Keeping source order
// matters because anonymous `?` parameters are numbered in text order.
func (p *printer) stmtClauses(ctx []*ContextAssign, tags []*Tag, schema []string, boundary Pos, late bool) {
	type clause struct {
		pos  Pos
		emit func()
	}
	var cs []clause
	if len(ctx) > 0 && isLate(ctx[0].Pos(), boundary) == late {
		cs = append(cs, clause{ctx[0].Pos(), func() {
			p.str(" with context ")
			for i, a := range ctx {
				if i > 0 {
					p.str(", ")
				}
				p.ident(a.Name)
				p.str(" = ")
				p.expr(a.Value)
			}
		}})
	}
	if tags != nil && isLate(firstTagPos(tags), boundary) == late {
		cs = append(cs, clause{firstTagPos(tags), func() {
			p.str(" with tags ")
			p.tagList(tags)
		}})
	}
	if len(schema) > 0 && !late {
		cs = append(cs, clause{NoPos, func() {
			p.str(" with schema ")
			p.identList(schema)
		}})
	}
	if len(cs) == 2 && cs[1].pos >= 0 && cs[1].pos < cs[0].pos {
		cs[0], cs[1] = cs[1], cs[0]
	}
	for _, c := range cs {
		c.emit()
	}
}

// isLate reports whether a clause at pos came after boundary in the source.
func isLate(pos, boundary Pos) bool {
	return pos >= 0 && boundary >= 0 && pos > boundary
}

func firstTagPos(tags []*Tag) Pos {
	if len(tags) == 0 {
		return NoPos
	}
	return tags[0].Pos()
}

func (p *printer) returning(cols []*ResultColumn) {
	if len(cols) > 0 {
		p.str(" returning ")
		p.resultColumns(cols)
	}
}

func (p *printer) insert(s *Insert) {
	if s.With != nil {
		p.with(s.With)
		p.str(" ")
	}
	if s.Replace {
		p.str("replace")
	} else {
		p.str("insert")
		if s.OrConflict != ConflictDefault {
			p.str(" or " + p.conflictAction(s.OrConflict))
		}
	}
	p.str(" into ")
	p.objectName(s.Table)
	if s.Alias != "" {
		p.str(" as ")
		p.ident(s.Alias)
	}
	if len(s.Columns) > 0 {
		p.str(" (")
		p.identList(s.Columns)
		p.str(")")
	}
	boundary := NoPos
	switch {
	case s.Source != nil:
		boundary = s.Source.Pos()
	case s.SourceDML != nil:
		boundary = s.SourceDML.Pos()
	case len(s.Upserts) > 0:
		boundary = s.Upserts[0].Pos()
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, false)
	switch {
	case s.DefaultValues:
		p.str(" default values")
	case s.SourceDML != nil:
		p.str(" ")
		p.stmt(s.SourceDML)
	default:
		p.str(" ")
		p.selectStmt(s.Source)
	}
	for _, u := range s.Upserts {
		p.str(" on conflict")
		if u.Target != nil {
			p.str(" (")
			p.indexedColumns(u.Target)
			p.str(")")
			if u.TargetWhere != nil {
				p.str(" where ")
				p.expr(u.TargetWhere)
			}
		}
		if u.DoNothing {
			p.str(" do nothing")
			continue
		}
		p.str(" do update set ")
		p.setClauses(u.Set)
		if u.Where != nil {
			p.str(" where ")
			p.expr(u.Where)
		}
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, true)
	p.returning(s.Returning)
}

// dmlTarget writes an UPDATE / DELETE target.
func (p *printer) dmlTarget(name ObjectName, alias string, target *SubqueryTable) {
	if target != nil {
		p.tableExpr(target)
		return
	}
	p.objectName(name)
	if alias != "" {
		p.str(" as ")
		p.ident(alias)
	}
}

func (p *printer) update(s *Update) {
	if s.With != nil {
		p.with(s.With)
		p.str(" ")
	}
	p.str("update ")
	if s.OrConflict != ConflictDefault {
		p.str("or " + p.conflictAction(s.OrConflict) + " ")
	}
	p.dmlTarget(s.Table, s.Alias, s.Target)
	boundary := NoPos
	if len(s.Set) > 0 {
		boundary = s.Set[0].Pos()
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, false)
	p.str(" set ")
	p.setClauses(s.Set)
	if s.From != nil {
		p.str(" from ")
		p.tableExpr(s.From)
	}
	if s.Where != nil {
		p.str(" where ")
		p.expr(s.Where)
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, true)
	p.returning(s.Returning)
}

func (p *printer) delete(s *Delete) {
	if s.With != nil {
		p.with(s.With)
		p.str(" ")
	}
	p.str("delete from ")
	p.dmlTarget(s.Table, s.Alias, s.Target)
	boundary := NoPos
	if s.Where != nil {
		boundary = s.Where.Pos()
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, false)
	if s.Where != nil {
		p.str(" where ")
		p.expr(s.Where)
	}
	p.stmtClauses(s.Context, s.Tags, s.WithSchema, boundary, true)
	p.returning(s.Returning)
}

func (p *printer) pragma(s *Pragma) {
	p.str("pragma ")
	p.objectName(s.Name)
	if s.Value == nil {
		return
	}
	if s.Call {
		p.str("(")
	} else {
		p.str(" = ")
	}
	if ref, ok := s.Value.(*ColumnRef); ok && ref.Table == "" && isBareIdent(ref.Column) {
		p.str(ref.Column) // bare word value such as on / off
	} else {
		p.wrapped(s.Value, !isSignedPrimary(s.Value))
	}
	if s.Call {
		p.str(")")
	}
}

// isSignedPrimary reports whether e prints as a (signed) primary term.
func isSignedPrimary(e Expr) bool {
	if u, ok := e.(*Unary); ok && (u.Op == OpNeg || u.Op == OpPlus) {
		return isSignedPrimary(u.X)
	}
	return precOf(e) == precPrimary
}

func (p *printer) tagList(tags []*Tag) {
	p.assignments(len(tags), func(i int) (string, Expr) { return tags[i].Name, tags[i].Value })
}

// assignments prints n "name = value" pairs in parentheses, as tag and
// option lists are written.
func (p *printer) assignments(n int, pair func(i int) (string, Expr)) {
	p.str("(")
	for i := range n {
		if i > 0 {
			p.str(", ")
		}
		name, value := pair(i)
		p.ident(name)
		p.str(" = ")
		p.expr(value)
	}
	p.str(")")
}

func (p *printer) withTags(tags []*Tag) {
	if tags != nil {
		p.str(" with tags ")
		p.tagList(tags)
	}
}

func (p *printer) options(opts []*Option) {
	p.assignments(len(opts), func(i int) (string, Expr) { return opts[i].Name, opts[i].Value })
}

func (p *printer) declareSchema(s *DeclareSchema) {
	p.str("declare ")
	if s.Logical {
		p.str("logical ")
	}
	p.str("schema ")
	p.ident(s.Name)
	if s.Using != nil {
		p.str(" using ")
		p.options(s.Using)
	}
	p.declareItems(s.Items)
}

func (p *printer) declareItems(items []Node) {
	p.str(" {")
	for _, it := range items {
		p.str(" ")
		switch it := it.(type) {
		case *CreateTable:
			p.createTable(it, true)
		case *CreateIndex:
			p.createIndex(it, true)
		case *CreateView:
			p.createView(it, true)
		case *CreateAssertion:
			p.assertion(it)
		default:
			p.stmt(it)
		}
		p.str(";")
	}
	p.str(" }")
}
