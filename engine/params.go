package engine

import (
	"sort"
	"strconv"
	"strings"

	"github.com/quereus/quereus/engine/parser"
)

// paramRef is one parameter slot; slot is assigned by finalize, after the
// whole statement is compiled, in source order (SQLite's numbering: `?`
// takes the largest slot so far plus one, `?NNN` slot NNN, a name its first
// occurrence's slot).
type paramRef struct {
	slot  int
	name  string // without sigil
	index int    // NNN of ?NNN
	pos   parser.Pos
}

// paramSet collects a statement's parameters.
type paramSet struct {
	byNode map[*parser.Param]*paramRef
	refs   []*paramRef
	infos  []ParamInfo
}

func newParamSet() *paramSet { return &paramSet{byNode: map[*parser.Param]*paramRef{}} }

func (ps *paramSet) add(p *parser.Param) *paramRef {
	if r, ok := ps.byNode[p]; ok {
		return r
	}
	r := &paramRef{index: p.Index, pos: p.Pos()}
	if p.Name != "" {
		r.name = p.Name[1:]
		if n, err := strconv.Atoi(r.name); err == nil && n > 0 {
			r.index, r.name = n, ""
		}
	}
	ps.byNode[p] = r
	ps.refs = append(ps.refs, r)
	return r
}

// finalize numbers the slots and returns their descriptions.
func (ps *paramSet) finalize() []ParamInfo {
	refs := append([]*paramRef(nil), ps.refs...)
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].pos < refs[j].pos })
	max := 0
	named := map[string]int{}
	for _, r := range refs {
		switch {
		case r.index > 0:
			r.slot = r.index
		case r.name != "":
			key := strings.ToLower(r.name)
			if s, ok := named[key]; ok {
				r.slot = s
			} else {
				r.slot = max + 1
				named[key] = r.slot
			}
		default:
			r.slot = max + 1
		}
		if r.slot > max {
			max = r.slot
		}
	}
	infos := make([]ParamInfo, max)
	for i := range infos {
		infos[i].Ordinal = i + 1
	}
	for _, r := range refs {
		if r.name != "" {
			infos[r.slot-1].Name = r.name
		}
	}
	ps.infos = infos
	return infos
}
