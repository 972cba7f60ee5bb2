package engine

import (
	"reflect"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// astrewrite.go propagates ALTER TABLE renames into stored ASTs (views,
// CHECK constraints, foreign keys and defaults of other tables). The walk is
// reflective so every node type, present and future, is covered; ASTs are
// deep-copied first because published catalogs share them.

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

// mentionsTable reports whether an AST references table by name.
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
	return found
}

// renameTableRefs rewrites references to table old as new (in place).
func renameTableRefs(root any, old, new string) {
	visitAST(root, func(n any) {
		switch n := n.(type) {
		case *parser.TableRef:
			if strings.EqualFold(n.Name, old) {
				n.Name = new
			}
		case *parser.ColumnRef:
			if strings.EqualFold(n.Table, old) {
				n.Table = new
			}
		case *parser.ForeignKey:
			if strings.EqualFold(n.Table.Name, old) {
				n.Table.Name = new
			}
		case *parser.CreateIndex:
			if strings.EqualFold(n.Table, old) {
				n.Table = new
			}
		}
	})
}

// renameColumnRefs rewrites references to column old of table as new (in
// place): unqualified references, and references qualified by the table's
// name or by an alias the AST gives it.
func renameColumnRefs(root any, table, old, new string, self bool) {
	quals := map[string]bool{strings.ToLower(table): true}
	visitAST(root, func(n any) {
		if t, ok := n.(*parser.TableRef); ok && strings.EqualFold(t.Name, table) && t.Alias != "" {
			quals[strings.ToLower(t.Alias)] = true
		}
	})
	if self {
		quals["new"], quals["old"] = true, true
	}
	visitAST(root, func(n any) {
		switch n := n.(type) {
		case *parser.ColumnRef:
			if strings.EqualFold(n.Column, old) && (n.Table == "" || quals[strings.ToLower(n.Table)]) {
				n.Column = new
			}
		case *parser.ForeignKey:
			if strings.EqualFold(n.Table.Name, table) {
				for i, c := range n.Columns {
					if strings.EqualFold(c, old) {
						n.Columns[i] = new
					}
				}
			}
		}
	})
}
