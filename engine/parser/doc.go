// Package parser is the SQL front end of the Quereus engine: a hand-written
// lexer, a recursive-descent parser, the abstract syntax tree (AST) and a
// printer for the Quereus dialect (SQLite's grammar plus the Quereus
// extensions: declarative schemas, lenses, assertions, maintained tables,
// tags, context variables, `committed.` snapshots).
//
// # Entry points
//
//   - Parse parses exactly one statement (a trailing `;` is allowed).
//   - ParseScript parses a script of `;`-separated statements and returns
//     each with its source byte range; empty statements (`;;`) and comments
//     are skipped.
//   - ParseExpr parses one scalar expression.
//   - ExprString renders an expression the way Quereus names result columns
//     (conformance FORMAT.md §8): lowercase keywords, minimal parentheses.
//   - StmtString renders a statement as SQL that parses back to an equal AST
//     (positions aside). The engine stores DDL in the catalog in this form.
//
// # Design
//
// The lexer (lexer.go) scans the source lazily, one token at a time, without
// allocating: token texts are substrings of the source and keywords are
// recognised through a perfect-ish switch on the upper-cased word. The parser
// keeps one token of lookahead (plus a cheap re-scan for a second) and builds
// the AST directly; there is no separate concrete syntax tree.
//
// Every node embeds Loc, the byte offset of its first token; LineCol turns an
// offset into a line and column. Expressions are *Literal, *ColumnRef,
// *Param, *Unary, *Binary, *Like, *IsNull, *IsBool, *Between, *In, *Exists,
// *Subquery, *Case, *Cast, *Collate, *FuncCall and *Tuple. The `->` and
// `->>` operators are desugared while parsing into json_extract(x, path)
// and cast(json_extract(x, path) as text), with a bare path 'name' becoming
// '$.name' and an integer i becoming '$[i]', exactly as Quereus does, so the
// engine never sees them.
//
// Queries are *Select: an optional WITH, a body (SelectCore, Values,
// Compound or a parenthesized Select), ORDER BY and LIMIT/OFFSET. FROM
// clauses are trees of TableExpr (TableRef, SubqueryTable, FuncTable,
// ParenTable, Join).
//
// # Errors and limits
//
// Every failure is a *SyntaxError carrying the offset, line, column and the
// offending token. Nesting (parentheses, subqueries, unary operators, CASE)
// is limited to MaxDepth levels so hostile input cannot exhaust the stack;
// as a last line of defence the entry points recover from any panic and
// report it as a SyntaxError.
package parser
