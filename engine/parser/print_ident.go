package parser

import "strings"

// quereusKeywords is the keyword table of Quereus's lexer. Quereus quotes an
// identifier in generated SQL (and so in result column names) exactly when
// it is one of these words or is not a plain [A-Za-z_][A-Za-z0-9_]* word.
var quereusKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`select from where insert update delete create drop
		alter table index view assertion virtual using null true false not and or in
		like between is as distinct group by having order asc desc limit offset union
		diff all primary constraint key unique default check collate generated foreign
		references on conflict cascade restrict set autoincrement no action begin commit
		rollback transaction deferred immediate deferrable initially stored returning
		join inner left right full cross outer natural replace values exists if into
		temp temporary rename to add always abort fail ignore savepoint release pragma
		analyze with recursive xor case when then else end cast over partition lateral
		row rows range unbounded preceding following current intersect except declare
		apply explain`) {
		m[w] = true
	}
	return m
}()

// isBareIdent reports whether name matches ^[A-Za-z_][A-Za-z0-9_]*$.
func isBareIdent(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(isIdentStart(c) || i > 0 && isDigit(c)) {
			return false
		}
	}
	return true
}

// needsQuote reports whether an identifier must be double-quoted. Naming
// mode follows Quereus (its keyword table plus this parser's reserved
// words); statement mode also quotes every keyword this parser knows, so
// that the text re-parses to the same name in any position.
func (p *printer) needsQuote(name string) bool {
	if !isBareIdent(name) {
		return true
	}
	if quereusKeywords[strings.ToLower(name)] {
		return true
	}
	kw := lookupKeyword(name)
	if p.naming {
		return reservedKeyword[kw]
	}
	return kw != kwNone
}

// ident writes an identifier, quoted when needed.
func (p *printer) ident(name string) {
	if p.needsQuote(name) {
		p.quoteIdent(name)
		return
	}
	p.str(name)
}

func (p *printer) quoteIdent(name string) {
	p.str(`"`)
	p.str(strings.ReplaceAll(name, `"`, `""`))
	p.str(`"`)
}

// identList writes `a, b, c`.
func (p *printer) identList(names []string) {
	for i, n := range names {
		if i > 0 {
			p.str(", ")
		}
		p.ident(n)
	}
}

// objectName writes `[schema.]name`.
func (p *printer) objectName(n ObjectName) {
	if n.Schema != "" {
		p.ident(n.Schema)
		p.str(".")
	}
	p.ident(n.Name)
}
