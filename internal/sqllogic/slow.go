package sqllogic

import "sort"

// SlowestBlocks returns the n blocks that took longest, slowest first.
func SlowestBlocks(results []FileResult, n int) []BlockResult {
	var all []BlockResult
	for i := range results {
		all = append(all, results[i].Blocks...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Elapsed > all[j].Elapsed })
	return all[:min(n, len(all))]
}
