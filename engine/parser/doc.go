// Package parser is the SQL front end of the Quereus engine: a hand-written
// lexer, a recursive-descent parser, the abstract syntax tree (AST) and a
// printer for the Quereus dialect (SQLite's grammar plus the Quereus
// extensions: declarative schemas and lenses, assertions, maintained tables
// and materialized views, tags, mutation context, WITH SCHEMA search paths,
// WITH DEFAULTS, join existence flags, `committed.` snapshots). It depends on
// nothing else in the project.
//
// # Entry points
//
//   - Parse parses exactly one statement (trailing `;` allowed).
//   - ParseScript parses a `;`-separated script and returns each statement
//     with its source byte range; empty statements (`;;`) and comments are
//     skipped. A statement ending in `}` (a declaration body) needs no `;`.
//   - ParseExpr parses one scalar expression.
//   - ExprString renders an expression the way Quereus names an unaliased
//     result column (conformance FORMAT.md §8).
//   - StmtString renders a statement as SQL that parses back to an equal AST
//     (positions aside); the engine stores DDL in the catalog in this form.
//
// # Files
//
// token.go, keywords*.go and lexer.go scan text into tokens; parser.go holds
// the token stream, error and depth helpers; parse_expr.go and
// parse_primary.go parse expressions; parse_select.go and parse_from.go
// queries; parse_dml.go, parse_ddl.go, parse_alter.go, parse_stmt.go and
// parse_quereus.go the other statements; entry.go the public entry points.
// ast*.go define the tree and print_*.go render it.
//
// # Lexer
//
// The lexer scans lazily, one token at a time, and does not allocate for
// identifiers, keywords, numbers or operators: token texts are substrings of
// the source, keywords are found by an allocation-free upper-casing map
// lookup. Strings and quoted identifiers ("x", `x`, [x]) allocate only when
// they contain a doubled quote. Integers keep their exact text; values
// beyond int64 are kept as *big.Int. Parameters are ?, ?NNN, :name, @name and
// $name. Keywords are case-insensitive; only the reserved ones (IsReserved)
// cannot be used as bare identifiers.
//
// # Parser and AST
//
// The parser keeps up to two tokens of lookahead and builds the AST directly.
// Every node embeds Loc, the byte offset of its first token; LineCol turns an
// offset into a line and column. Expressions are *Literal, *ColumnRef,
// *Param, *Unary, *Binary, *Like, *IsNull, *IsBool, *Between, *In, *Exists,
// *Subquery, *Case, *Cast, *Collate, *FuncCall and *Tuple. Queries are
// *Select: an optional WITH, a body (*SelectCore, *Values, a left-deep
// *Compound, or a parenthesized *Select), ORDER BY and LIMIT/OFFSET (`LIMIT
// a, b` is OFFSET a LIMIT b). FROM clauses are trees of TableExpr
// (*TableRef, *SubqueryTable, *FuncTable, *ParenTable, left-deep *Join).
//
// Operator precedence follows Quereus, whose results the corpus pins, where
// it differs from SQLite: IS [NOT] NULL/TRUE/FALSE binds looser than `=`,
// comparisons, LIKE, IN and BETWEEN share one level above `=`, and prefix
// `-`/`+`/`~` bind looser than `||`, COLLATE and `->`. NOT binds below every
// predicate. `x NOT IN (...)` and `x NOT LIKE y` parse as NOT applied to the
// IN / LIKE node (as in Quereus, so column names match); `x NOT BETWEEN`
// sets Between.Not. `<>` is read as `!=`. The `->` and `->>` operators are
// desugared while parsing into json_extract(x, path) and
// cast(json_extract(x, path) as text), a bare path 'name' becoming '$.name'
// and an integer i becoming '$[i]', so the engine never sees them.
//
// The parser accepts some standard SQL that Quereus itself rejects (see the
// project's conformance deviation notes): @name and ?NNN parameters, NATURAL
// joins, parenthesized joins, row-value IN, `(a, b) = (select ...)` in SET,
// DEFAULT VALUES, INSERT aliases, REPLACE INTO, UPDATE OR, and expression
// indexes. The engine decides what it executes.
//
// # Printer
//
// ExprString (naming mode) reproduces Quereus's expressionToString: lowercase
// keywords, single spaces around binary operators, parentheses only where
// precedence needs them, literals as written, identifiers double-quoted only
// when they are Quereus keywords or not plain words, FILTER and aggregate
// ORDER BY omitted, `--1` for a double negation. StmtString (statement mode)
// shares that code but keeps every clause and adds what exact re-parsing
// needs: parentheses around a right operand of equal precedence, `- -1`,
// explicit ASC, and quotes around any word that is a keyword of this parser.
//
// # Errors and limits
//
// Every failure is a *SyntaxError with the offset, line, column and offending
// token; its text follows Quereus (`Expected table name. (at line 1, column
// 14) near "x"`), so the corpus's pinned syntax-error substrings match.
// Nesting depth, counting parentheses, subqueries, prefix operators, CASE and
// also the length of left-deep operator, join and set-operation chains
// (which build equally deep trees), is limited to MaxDepth, so no input can
// exhaust the stack of the parser or of code walking the tree. As a last line
// of defence the entry points recover from any panic and return it as a
// SyntaxError.
package parser
