package sqllogic

import "time"

// Outcome is what happened to one block.
type Outcome int

const (
	// Passed: the block did what the file expects.
	Passed Outcome = iota
	// Failed: wrong rows, wrong or missing error, or an unexpected error.
	Failed
	// NotRun: the block was not run because the file stopped earlier
	// (-failfast, or a hung statement abandoned the file's database).
	NotRun
)

var outcomeNames = [...]string{"passed", "failed", "not run"}

func (o Outcome) String() string { return outcomeNames[o] }

// BlockResult is the verdict on one block.
type BlockResult struct {
	ID    ID
	Path  string // the file's path as given, for file:line reports
	Block Block
	// Outcome of running the block.
	Outcome Outcome
	// Deviation is set when the block is listed in the deviations file:
	// it counts as a deviation whatever its outcome, never as a pass or a
	// failure.
	Deviation bool
	// Actual is what the engine produced: shaped rows as JSON text, or the
	// error message. Empty when the block passed or did not run.
	Actual string
	// Cause is a short, normalized reason for a failure (for -causes).
	Cause string
	// Detail explains a failure in full (for -v).
	Detail string
	// Elapsed is how long the block took to run.
	Elapsed time.Duration
}

// FileStatus is a file's verdict.
type FileStatus int

const (
	// FilePassed: every block that is not a deviation passed.
	FilePassed FileStatus = iota
	// FileFailed: a block failed, or the file could not be run at all.
	FileFailed
	// FileSkipped: a required capability is missing or the file is
	// memory-only.
	FileSkipped
)

var statusNames = [...]string{"PASS", "FAIL", "SKIP"}

func (s FileStatus) String() string { return statusNames[s] }

// FileResult is the verdict on one file.
type FileResult struct {
	Path   string
	Name   string // base name: the file part of block IDs
	Status FileStatus
	// Reason explains a skip or a file-level failure (capability error,
	// unreadable file, database that would not open).
	Reason string
	Blocks []BlockResult
	// Elapsed is how long the whole file took, database opening included.
	Elapsed time.Duration
}

// Counts tallies blocks: Passed + Failed + Deviations == len(Blocks).
// Blocks that did not run count as failed.
type Counts struct {
	Passed, Failed, Deviations int
}

// Total is the number of blocks that are not deviations.
func (c Counts) Total() int { return c.Passed + c.Failed }

// Add accumulates another tally.
func (c *Counts) Add(o Counts) {
	c.Passed += o.Passed
	c.Failed += o.Failed
	c.Deviations += o.Deviations
}

// Count tallies the file's blocks.
func (f *FileResult) Count() Counts {
	var c Counts
	for i := range f.Blocks {
		c.tally(&f.Blocks[i])
	}
	return c
}

// tally counts one block: a deviation, a pass, or (any other outcome) a
// failure.
func (c *Counts) tally(b *BlockResult) {
	switch {
	case b.Deviation:
		c.Deviations++
	case b.Outcome == Passed:
		c.Passed++
	default:
		c.Failed++
	}
}

// finish sets the file's status from its blocks.
func (f *FileResult) finish() {
	if f.Status != FilePassed {
		return
	}
	if f.Count().Failed > 0 {
		f.Status = FileFailed
	}
}
