package ratchet

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	_ "github.com/quereus/quereus"
	"github.com/quereus/quereus/internal/sqllogic"
)

// repoRoot is the repository root relative to this package.
var repoRoot = filepath.Join("..", "..", "..")

func corpusDir(t *testing.T) string {
	dir := os.Getenv("QUEREUS_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot, "..", "shared", "conformance", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("conformance corpus not found at %s (set QUEREUS_CORPUS): %v", dir, err)
	}
	return dir
}

// blockTimeout is generous: the ratchet judges results, not speed, and
// under the race detector the engine runs several times slower. It only
// has to stop a hung block.
const blockTimeout = time.Minute

// TestConformanceRatchet runs the whole corpus per block and fails if any
// baseline block no longer passes.
func TestConformanceRatchet(t *testing.T) {
	dir := corpusDir(t)
	baseline, err := sqllogic.LoadBaseline(filepath.Join(repoRoot, sqllogic.DefaultBaselinePath))
	require.NoError(t, err)
	devs, err := sqllogic.LoadDeviations(filepath.Join(repoRoot, sqllogic.DefaultDeviationsPath))
	require.NoError(t, err)
	paths, err := sqllogic.ExpandPaths([]string{dir}, nil)
	require.NoError(t, err)

	results := sqllogic.Run(context.Background(), paths, sqllogic.Options{
		Open:         func() (*sql.DB, error) { return sql.Open("quereus", ":memory:") },
		Deviations:   devs,
		BlockTimeout: blockTimeout,
	})

	s := sqllogic.Summarize(results)
	t.Logf("blocks: %d passed of %d (%.1f%%), %d deviations; files: %d passed, %d failed, %d skipped",
		s.Blocks.Passed, s.Blocks.Total(), 100*float64(s.Blocks.Passed)/float64(max(s.Blocks.Total(), 1)),
		s.Blocks.Deviations, s.FilesPassed, s.FilesFailed, s.FilesSkipped)

	for _, b := range sqllogic.SlowestBlocks(results, 5) {
		t.Logf("slow block: %s took %v", b.ID, b.Elapsed.Round(time.Millisecond))
	}

	require.Empty(t, sqllogic.UnmatchedDeviations(devs, results), "deviations.tsv entries that name no corpus block")

	regressions, gained := sqllogic.CompareBaseline(baseline, results)
	if len(gained) > 0 {
		t.Logf("%d blocks pass that the baseline does not list; raise it with `go run ./cmd/sqllogic -update-baseline ../shared/conformance/corpus`", len(gained))
		for i, id := range gained {
			if i == 50 {
				t.Logf("  ... and %d more", len(gained)-50)
				break
			}
			t.Logf("  newly passing: %s", id)
		}
	}
	byID := map[sqllogic.ID]*sqllogic.BlockResult{}
	for i := range results {
		for j := range results[i].Blocks {
			b := &results[i].Blocks[j]
			byID[b.ID] = b
		}
	}
	if len(regressions) > 0 {
		t.Logf("%d baseline blocks no longer pass. Fix them; only if a block passed by accident before, "+
			"drop it with `go run ./cmd/sqllogic -update-baseline -drop-regressions ../shared/conformance/corpus` "+
			"and say why in the commit message", len(regressions))
	}
	for _, id := range regressions {
		if b := byID[id]; b != nil {
			t.Errorf("regression: %s no longer passes: %s", id, b.Detail)
		} else {
			t.Errorf("regression: %s is no longer a block of the corpus", id)
		}
	}
}
