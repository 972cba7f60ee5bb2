package engine

import (
	"reflect"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// astrewrite.go holds the reflective AST helpers ALTER TABLE uses to
// propagate renames into stored ASTs (views, CHECK constraints, foreign
// keys and defaults of other tables; the scope-aware rename itself is in
// alter_rename_scope.go). The walks are reflective so every node type,
// present and future, is covered; ASTs are deep-copied first because
// published catalogs share them.

// cloneAST deep-copies an AST (pointers, slices and structs; other values
// are shared, which is safe because they are immutable).
func cloneAST[T any](x T) T {
	v := reflect.ValueOf(&x).Elem()
	out := reflect.New(v.Type()).Elem()
	deepCopy(out, v)
	return out.Interface().(T)
}

func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		if src.Type().Elem().PkgPath() != "github.com/quereus/quereus/engine/parser" {
			dst.Set(src) // big.Int and friends: immutable here
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		inner := src.Elem()
		c := reflect.New(inner.Type()).Elem()
		deepCopy(c, inner)
		dst.Set(c)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

// visitAST calls fn on every AST node pointer reachable from root.
func visitAST(root any, fn func(node any)) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || v.Type().Elem().PkgPath() != "github.com/quereus/quereus/engine/parser" {
				return
			}
			fn(v.Interface())
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(root))
}

// mentionsTable reports whether an AST references table by name: a
// foreign key naming it, or a table reference that resolves to it (not to
// a CTE of the same name that shadows it).
func mentionsTable(root any, table string) bool {
	found := false
	visitAST(root, func(n any) {
		switch n := n.(type) {
		case *parser.TableRef:
			found = found || strings.EqualFold(n.Name, table)
		case *parser.ForeignKey:
			found = found || strings.EqualFold(n.Table.Name, table)
		}
	})
	if !found {
		return false
	}
	// Bind a copy, renaming the references that resolve to the table to a
	// name no SQL identifier can have, and look for it.
	const marker = "\x00bound"
	c := cloneAST(root)
	renameScoped(c, &renameOp{table: table, newTable: marker, columns: func(string) []string { return nil }}, nil)
	found = false
	visitAST(c, func(n any) {
		switch n := n.(type) {
		case *parser.TableRef:
			found = found || n.Name == marker
		case *parser.ForeignKey:
			found = found || strings.EqualFold(n.Table.Name, table)
		}
	})
	return found
}
