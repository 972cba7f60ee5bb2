//go:build race

package storage

// raceEnabled reports whether the race detector is on; memory and
// throughput measurements are meaningless (and slow) under it.
const raceEnabled = true
