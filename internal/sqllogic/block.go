package sqllogic

import "fmt"

// Kind says what a block checks.
type Kind int

const (
	// KindResult is a block ending in a `→ <json>` line (FORMAT.md §5).
	KindResult Kind = iota
	// KindError is a block ending in a `-- error: <substring>` line (§6).
	KindError
	// KindSetup is a block ending in a `-- run` line (§7).
	KindSetup
	// KindEOFSetup is SQL left pending at the end of the file, run like a
	// `-- run` block (§4, last paragraph).
	KindEOFSetup
	// KindBadDirective is a `-- params:` line whose JSON does not parse. In
	// Quereus that throws and fails the file, so it is a block that always
	// fails.
	KindBadDirective
)

var kindNames = [...]string{"result", "error", "setup", "eof-setup", "bad-directive"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Block is one unit of a .sqllogic file: the SQL accumulated since the
// previous directive plus the directive that flushed it.
type Block struct {
	Kind Kind
	// Line is the 1-based line of the directive (`→`, `-- error:`, `-- run`,
	// `-- params:`). For KindEOFSetup, which has no directive, it is the line
	// of the block's last SQL line. Together with the file's base name it is
	// the block's identity in the baseline and deviation files.
	Line int
	// StartLine is the line of the block's first SQL line.
	StartLine int
	// SQL is the pending SQL, trimmed (FORMAT.md §5.1).
	SQL string
	// Expected is the raw JSON text after `→` (KindResult), the expected
	// error substring (KindError) or a description of the bad directive.
	Expected string
	// Params is the raw JSON of the `-- params:` directive that applies to
	// this result block, or "" when none.
	Params string
}

// ID identifies a block as `file:line` with the file's base name.
type ID struct {
	File string
	Line int
}

func (id ID) String() string { return fmt.Sprintf("%s:%d", id.File, id.Line) }
