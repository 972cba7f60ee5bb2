package parser

import "math/big"

// LiteralKind says which kind of constant a Literal holds.
type LiteralKind uint8

// Literal kinds.
const (
	LitNull    LiteralKind = iota
	LitInteger             // Int (or Big when it does not fit in int64)
	LitReal                // Real
	LitString              // Str
	LitBlob                // Blob
	LitBool                // Bool (TRUE / FALSE keywords)
)

// Literal is a constant. Raw keeps the source lexeme of numbers (so the
// printer renders `2.0` and `0x1F` as written); for other kinds it is empty
// and the printer derives the text from the value. Numbers are never
// negative: `-5` is Unary{OpNeg} over 5, and -9223372036854775808 is OpNeg
// over a Big literal, which the engine folds.
type Literal struct {
	Loc
	Kind LiteralKind
	Raw  string
	Int  int64
	Big  *big.Int // non-nil only for integers outside the int64 range
	Real float64
	Str  string
	Blob []byte
	Bool bool
}

// ColumnRef is a (possibly qualified) column reference: col, t.col or
// schema.t.col. `new.x` / `old.x` are references with Table "new" / "old".
type ColumnRef struct {
	Loc
	Schema string
	Table  string
	Column string
}

// Param is a bind parameter. Name includes the sigil (":id", "$id", "@id")
// and is "" for `?` and `?NNN`. Index is NNN for `?NNN`, else 0. Ordinal is
// the 1-based position of an anonymous `?` among the anonymous `?`
// parameters of the statement (0 for named and `?NNN` parameters).
type Param struct {
	Loc
	Name    string
	Index   int
	Ordinal int
}

// UnaryOp is a prefix operator.
type UnaryOp uint8

// Prefix operators.
const (
	OpNeg    UnaryOp = iota // -x
	OpPlus                  // +x
	OpNot                   // NOT x
	OpBitNot                // ~x
)

// Unary is a prefix operator application.
type Unary struct {
	Loc
	Op UnaryOp
	X  Expr
}

// BinaryOp is an infix operator.
type BinaryOp uint8

// Infix operators. `<>` is parsed as OpNe; `==` is kept distinct as OpEqEq
// so that the printer reproduces it (the engine treats both as equality).
const (
	OpConcat        BinaryOp = iota // ||
	OpMul                           // *
	OpDiv                           // /
	OpMod                           // %
	OpAdd                           // +
	OpSub                           // -
	OpShl                           // <<
	OpShr                           // >>
	OpBitAnd                        // &
	OpBitOr                         // |
	OpLt                            // <
	OpLe                            // <=
	OpGt                            // >
	OpGe                            // >=
	OpEq                            // =
	OpEqEq                          // ==
	OpNe                            // != and <>
	OpIs                            // IS
	OpIsNot                         // IS NOT
	OpIsDistinct                    // IS DISTINCT FROM
	OpIsNotDistinct                 // IS NOT DISTINCT FROM
	OpAnd                           // AND
	OpOr                            // OR
	OpXor                           // XOR
)

// Binary is an infix operator application.
type Binary struct {
	Loc
	Op BinaryOp
	L  Expr
	R  Expr
}

// LikeOp is a pattern-matching operator.
type LikeOp uint8

// Pattern-matching operators.
const (
	OpLike LikeOp = iota
	OpGlob
	OpRegexp
	OpMatch
)

// Like is `X [NOT] LIKE|GLOB|REGEXP|MATCH Pattern [ESCAPE Escape]`.
type Like struct {
	Loc
	Op      LikeOp
	Not     bool
	X       Expr
	Pattern Expr
	Escape  Expr // nil when absent
}

// IsNull is `X IS [NOT] NULL`, `X ISNULL`, `X NOTNULL`, `X NOT NULL`.
type IsNull struct {
	Loc
	X   Expr
	Not bool
}

// IsBool is `X IS [NOT] TRUE|FALSE`.
type IsBool struct {
	Loc
	X     Expr
	Not   bool
	Value bool
}

// Between is `X [NOT] BETWEEN Lo AND Hi`.
type Between struct {
	Loc
	X   Expr
	Not bool
	Lo  Expr
	Hi  Expr
}

// In is `X [NOT] IN (list)`, `X [NOT] IN (select)` or `X [NOT] IN table`.
// X may be a Tuple for row-value IN. Exactly one of List (possibly empty),
// Select and Table is used.
type In struct {
	Loc
	X      Expr
	Not    bool
	List   []Expr
	Select *Select
	Table  *ObjectName
}

// Exists is `EXISTS (select)`. `NOT EXISTS` parses as Unary{OpNot, Exists}.
type Exists struct {
	Loc
	Select *Select
}

// Subquery is a scalar subquery `(select ...)`.
type Subquery struct {
	Loc
	Select *Select
}

// When is one WHEN ... THEN ... arm of a CASE.
type When struct {
	Loc
	Cond   Expr
	Result Expr
}

// Case is `CASE [Base] WHEN ... THEN ... [ELSE Else] END`.
type Case struct {
	Loc
	Base  Expr // nil for a searched CASE
	Whens []*When
	Else  Expr // nil when absent
}

// TypeName is a declared or CAST target type: Name is the (possibly
// multi-word, single-space separated) type name as written, Args the
// optional parenthesized arguments, e.g. varchar(10) or decimal(10, 2).
type TypeName struct {
	Loc
	Name string
	Args []Expr
}

// Cast is `CAST(X AS Type)`.
type Cast struct {
	Loc
	X    Expr
	Type *TypeName
}

// Collate is `X COLLATE Name`.
type Collate struct {
	Loc
	X    Expr
	Name string
}

// FuncCall is a function call, aggregate or window function call.
// `count(*)` has Star set and no Args. Over is an inline window
// specification; OverName a reference to a named window (`OVER w`).
type FuncCall struct {
	Loc
	Schema   string
	Name     string // as written; the printer lowercases
	Distinct bool
	Star     bool
	Args     []Expr
	OrderBy  []*OrderTerm // ORDER BY inside an aggregate's parentheses
	Filter   Expr         // FILTER (WHERE ...)
	Over     *WindowSpec
	OverName string
}

// Tuple is a parenthesized row value `(a, b, ...)` with two or more items.
type Tuple struct {
	Loc
	Items []Expr
}

// Paren is an explicitly parenthesized expression. The parser does not
// produce it (precedence is in the tree shape); it exists for callers that
// build ASTs and want to force parentheses.
type Paren struct {
	Loc
	X Expr
}

func (*Literal) exprNode()   {}
func (*ColumnRef) exprNode() {}
func (*Param) exprNode()     {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*Like) exprNode()      {}
func (*IsNull) exprNode()    {}
func (*IsBool) exprNode()    {}
func (*Between) exprNode()   {}
func (*In) exprNode()        {}
func (*Exists) exprNode()    {}
func (*Subquery) exprNode()  {}
func (*Case) exprNode()      {}
func (*Cast) exprNode()      {}
func (*Collate) exprNode()   {}
func (*FuncCall) exprNode()  {}
func (*Tuple) exprNode()     {}
func (*Paren) exprNode()     {}
