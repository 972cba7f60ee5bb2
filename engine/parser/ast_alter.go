package parser

// AlterTable is `ALTER TABLE|VIEW|MATERIALIZED VIEW|INDEX name action`.
// Kind is ObjTable, ObjView, ObjMaterializedView or ObjIndex (an index
// only takes tag actions).
type AlterTable struct {
	Loc
	Kind   ObjectKind
	Name   ObjectName
	Action AlterAction
}

// RenameTable is `RENAME TO new`.
type RenameTable struct {
	Loc
	NewName string
}

// RenameColumn is `RENAME [COLUMN] old TO new`.
type RenameColumn struct {
	Loc
	Old string
	New string
}

// AddColumn is `ADD [COLUMN] coldef`.
type AddColumn struct {
	Loc
	Column *ColumnDef
}

// DropColumn is `DROP [COLUMN] name`.
type DropColumn struct {
	Loc
	Name string
}

// AlterColumnOp is the change an ALTER COLUMN makes.
type AlterColumnOp uint8

// ALTER COLUMN changes.
const (
	AlterSetNotNull  AlterColumnOp = iota // SET NOT NULL
	AlterDropNotNull                      // DROP NOT NULL
	AlterSetDefault                       // SET DEFAULT Default
	AlterDropDefault                      // DROP DEFAULT
	AlterSetDataType                      // SET DATA TYPE Type (also TYPE Type)
	AlterSetCollate                       // SET COLLATE Collation
)

// AlterColumn is `ALTER [COLUMN] name op`.
type AlterColumn struct {
	Loc
	Column    string
	Op        AlterColumnOp
	Default   Expr
	Type      *TypeName
	Collation string
}

// AddConstraint is `ADD [CONSTRAINT name] table-constraint`.
type AddConstraint struct {
	Loc
	Constraint *TableConstraint
}

// DropConstraint is `DROP CONSTRAINT name`.
type DropConstraint struct {
	Loc
	Name string
}

// RenameConstraint is `RENAME CONSTRAINT old TO new`.
type RenameConstraint struct {
	Loc
	Old string
	New string
}

// AlterPrimaryKey is the Quereus `ALTER PRIMARY KEY (cols)` (possibly empty).
type AlterPrimaryKey struct {
	Loc
	Columns []*IndexedColumn
}

// SetMaintained is the Quereus `SET MAINTAINED [(cols)] AS <stmt>`; Query
// is normally a *Select (other statements parse so the engine can reject
// them with a clear message).
type SetMaintained struct {
	Loc
	Columns []string
	Query   Stmt
}

// DropMaintained is the Quereus `DROP MAINTAINED`.
type DropMaintained struct {
	Loc
}

// TagsOp is how a tags action changes a tag set.
type TagsOp uint8

// Tag set changes.
const (
	TagsSet  TagsOp = iota // SET TAGS (k = v, ...): replace the whole set
	TagsAdd                // ADD TAGS (k = v, ...): merge
	TagsDrop               // DROP TAGS (k, ...): remove the named keys
)

// AlterTags is `SET|ADD|DROP TAGS (...)` on the object itself, or on a
// constraint when Constraint is set (`ALTER CONSTRAINT c SET TAGS (...)`).
// Tags is used by SET and ADD, Names by DROP.
type AlterTags struct {
	Loc
	Constraint string
	Op         TagsOp
	Tags       []*Tag
	Names      []string
}

func (*AlterTable) stmtNode() {}

func (*RenameTable) alterAction()      {}
func (*RenameColumn) alterAction()     {}
func (*AddColumn) alterAction()        {}
func (*DropColumn) alterAction()       {}
func (*AlterColumn) alterAction()      {}
func (*AddConstraint) alterAction()    {}
func (*DropConstraint) alterAction()   {}
func (*RenameConstraint) alterAction() {}
func (*AlterPrimaryKey) alterAction()  {}
func (*SetMaintained) alterAction()    {}
func (*DropMaintained) alterAction()   {}
func (*AlterTags) alterAction()        {}

// AlterColumnTags is `ALTER [COLUMN] name SET|ADD|DROP TAGS (...)`.
type AlterColumnTags struct {
	Loc
	Column string
	Op     TagsOp
	Tags   []*Tag
	Names  []string
}

func (*AlterColumnTags) alterAction() {}
