package jsonfn

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/quereus/quereus/storage/value"
)

// SchemaFunc is json_schema(X, SCHEMA): true when X (coerced as by Coerce)
// matches SCHEMA, a TypeScript-like type expression in the style of the
// moat-maker library Quereus uses. False for a non-TEXT schema, a schema
// that does not parse, invalid JSON, or a mismatch. Compiled schemas are
// cached by text.
//
// Supported schema syntax:
//
//	primitives   string number boolean null undefined bigint unknown any
//	             never object
//	literals     'text' "text" 42 -1.5 true false
//	arrays       T[]          tuples  [A, B]
//	objects      { a: T, b?: U; 'quoted key': V }   (extra keys allowed)
//	combinators  A | B        A & B    ( T )
func SchemaFunc(args []value.Value) (value.Value, error) {
	if args[1].Kind() != value.KindText {
		return value.Bool(false), nil
	}
	s, err := compileSchema(args[1].Text())
	if err != nil {
		return value.Bool(false), nil
	}
	doc, ok := Coerce(args[0])
	if !ok {
		return value.Bool(false), nil
	}
	return value.Bool(s.match(doc, true)), nil
}

// Schema is a compiled json_schema type expression.
type Schema struct{ root *schemaNode }

// CompileSchema parses a json_schema type expression.
func CompileSchema(text string) (*Schema, error) {
	p := &schemaParser{s: text}
	n, err := p.union(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, p.fail("unexpected text")
	}
	return &Schema{root: n}, nil
}

// Matches reports whether the document matches the schema.
func (s *Schema) Matches(doc any) bool { return s.root.match(doc, true) }

const maxSchemaCache = 256

var schemaCache sync.Map // text → *Schema
var schemaCacheSize int64
var schemaCacheMu sync.Mutex

func compileSchema(text string) (*schemaNode, error) {
	if c, ok := schemaCache.Load(text); ok {
		return c.(*Schema).root, nil
	}
	s, err := CompileSchema(text)
	if err != nil {
		return nil, err
	}
	schemaCacheMu.Lock()
	if schemaCacheSize < maxSchemaCache {
		schemaCache.Store(text, s)
		schemaCacheSize++
	}
	schemaCacheMu.Unlock()
	return s.root, nil
}

type schemaKind int

const (
	skPrim schemaKind = iota
	skLiteral
	skArray
	skTuple
	skObject
	skUnion
	skIntersect
)

type schemaProp struct {
	name     string
	optional bool
	typ      *schemaNode
}

type schemaNode struct {
	kind    schemaKind
	prim    string
	literal any
	elem    *schemaNode
	items   []*schemaNode // tuple elements, union/intersection members
	props   []schemaProp
}

// match reports whether doc matches; present is false for a missing
// object member (which only undefined, unknown and any accept).
func (n *schemaNode) match(doc any, present bool) bool {
	switch n.kind {
	case skPrim:
		switch n.prim {
		case "any", "unknown":
			return true
		case "undefined":
			return !present
		}
		if !present {
			return false
		}
		switch n.prim {
		case "string":
			_, ok := doc.(string)
			return ok
		case "number":
			_, ok := doc.(json.Number)
			return ok
		case "boolean":
			_, ok := doc.(bool)
			return ok
		case "null":
			return doc == nil
		case "object":
			switch doc.(type) {
			case map[string]any, []any:
				return true
			}
		}
		return false // never, bigint
	case skLiteral:
		return present && docEqual(doc, n.literal)
	case skArray:
		arr, ok := doc.([]any)
		if !ok || !present {
			return false
		}
		for _, e := range arr {
			if !n.elem.match(e, true) {
				return false
			}
		}
		return true
	case skTuple:
		arr, ok := doc.([]any)
		if !ok || !present || len(arr) != len(n.items) {
			return false
		}
		for i, e := range arr {
			if !n.items[i].match(e, true) {
				return false
			}
		}
		return true
	case skObject:
		obj, ok := doc.(map[string]any)
		if !ok || !present {
			return false
		}
		for _, p := range n.props {
			v, has := obj[p.name]
			if !has && p.optional {
				continue
			}
			if !p.typ.match(v, has) {
				return false
			}
		}
		return true
	case skUnion:
		for _, m := range n.items {
			if m.match(doc, present) {
				return true
			}
		}
		return false
	case skIntersect:
		for _, m := range n.items {
			if !m.match(doc, present) {
				return false
			}
		}
		return true
	}
	return false
}

var schemaPrims = map[string]bool{
	"string": true, "number": true, "boolean": true, "null": true, "undefined": true,
	"bigint": true, "unknown": true, "any": true, "never": true, "object": true,
}

// maxSchemaDepth bounds nesting in a schema expression.
const maxSchemaDepth = 100

type schemaParser struct {
	s string
	i int
}

func (p *schemaParser) fail(msg string) error {
	return fmt.Errorf("json_schema: %s at offset %d", msg, p.i)
}

func (p *schemaParser) space() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *schemaParser) eat(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *schemaParser) union(depth int) (*schemaNode, error) {
	if depth > maxSchemaDepth {
		return nil, p.fail("schema nested too deeply")
	}
	p.eat('|') // a leading '|' is allowed
	return p.joined(depth, '|', skUnion, p.intersection)
}

func (p *schemaParser) intersection(depth int) (*schemaNode, error) {
	return p.joined(depth, '&', skIntersect, p.postfix)
}

// joined parses operand {sep operand}: one operand stands for itself, more
// make a node of kind with the operands as items.
func (p *schemaParser) joined(depth int, sep byte, kind schemaKind, operand func(int) (*schemaNode, error)) (*schemaNode, error) {
	var members []*schemaNode
	for {
		n, err := operand(depth)
		if err != nil {
			return nil, err
		}
		members = append(members, n)
		if !p.eat(sep) {
			break
		}
	}
	if len(members) == 1 {
		return members[0], nil
	}
	return &schemaNode{kind: kind, items: members}, nil
}

func (p *schemaParser) postfix(depth int) (*schemaNode, error) {
	n, err := p.primary(depth)
	if err != nil {
		return nil, err
	}
	for {
		p.space()
		if !strings.HasPrefix(p.s[p.i:], "[") {
			return n, nil
		}
		save := p.i
		p.i++
		if !p.eat(']') {
			p.i = save
			return n, nil
		}
		n = &schemaNode{kind: skArray, elem: n}
	}
}

func (p *schemaParser) primary(depth int) (*schemaNode, error) {
	p.space()
	if p.i >= len(p.s) {
		return nil, p.fail("unexpected end of schema")
	}
	switch c := p.s[p.i]; {
	case c == '(':
		p.i++
		n, err := p.union(depth + 1)
		if err != nil {
			return nil, err
		}
		if !p.eat(')') {
			return nil, p.fail("expected ')'")
		}
		return n, nil
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		p.i++
		t := &schemaNode{kind: skTuple}
		if p.eat(']') {
			return t, nil
		}
		for {
			n, err := p.union(depth + 1)
			if err != nil {
				return nil, err
			}
			t.items = append(t.items, n)
			if p.eat(']') {
				return t, nil
			}
			if !p.eat(',') {
				return nil, p.fail("expected ',' or ']'")
			}
		}
	case c == '\'' || c == '"':
		s, err := p.quoted()
		if err != nil {
			return nil, err
		}
		return &schemaNode{kind: skLiteral, literal: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.i
		p.i++
		for p.i < len(p.s) && strings.ContainsRune("0123456789.eE+-", rune(p.s[p.i])) {
			p.i++
		}
		f, err := strconv.ParseFloat(p.s[start:p.i], 64)
		if err != nil {
			return nil, p.fail("invalid number literal")
		}
		return &schemaNode{kind: skLiteral, literal: json.Number(formatNumber(f))}, nil
	default:
		word := p.ident()
		switch {
		case word == "true" || word == "false":
			return &schemaNode{kind: skLiteral, literal: word == "true"}, nil
		case schemaPrims[word]:
			return &schemaNode{kind: skPrim, prim: word}, nil
		case word == "":
			return nil, p.fail("unexpected character")
		}
		return nil, p.fail("unknown type " + strconv.Quote(word))
	}
}

func (p *schemaParser) object(depth int) (*schemaNode, error) {
	if depth > maxSchemaDepth {
		return nil, p.fail("schema nested too deeply")
	}
	p.i++ // '{'
	obj := &schemaNode{kind: skObject}
	for {
		if p.eat('}') {
			return obj, nil
		}
		p.space()
		var name string
		if p.i < len(p.s) && (p.s[p.i] == '\'' || p.s[p.i] == '"') {
			s, err := p.quoted()
			if err != nil {
				return nil, err
			}
			name = s
		} else if name = p.ident(); name == "" {
			return nil, p.fail("expected a property name")
		}
		optional := p.eat('?')
		if !p.eat(':') {
			return nil, p.fail("expected ':'")
		}
		t, err := p.union(depth + 1)
		if err != nil {
			return nil, err
		}
		obj.props = append(obj.props, schemaProp{name: name, optional: optional, typ: t})
		if !p.eat(',') && !p.eat(';') {
			if p.eat('}') {
				return obj, nil
			}
			return nil, p.fail("expected ',', ';' or '}'")
		}
	}
}

func (p *schemaParser) ident() string {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (p.i > start && c >= '0' && c <= '9') {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

func (p *schemaParser) quoted() (string, error) {
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case q:
			return b.String(), nil
		case '\\':
			if p.i >= len(p.s) {
				return "", p.fail("unterminated string literal")
			}
			b.WriteByte(p.s[p.i])
			p.i++
		default:
			b.WriteByte(c)
		}
	}
	return "", p.fail("unterminated string literal")
}
