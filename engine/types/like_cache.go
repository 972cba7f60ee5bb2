package types

import "sync"

// patternCache memoizes compiled patterns for LIKE/GLOB whose pattern is
// not a plan-time constant. It is bounded: when full it is cleared.
type patternCache struct {
	mu sync.Mutex
	m  map[patternKey]*Pattern
}

type patternKey struct {
	glob            bool
	pattern, escape string
}

const patternCacheSize = 256

// maxCachedPattern bounds the patterns kept in the cache.
const maxCachedPattern = 1024

var patterns = &patternCache{m: map[patternKey]*Pattern{}}

func (c *patternCache) get(k patternKey) (*Pattern, error) {
	c.mu.Lock()
	p := c.m[k]
	c.mu.Unlock()
	if p != nil {
		return p, nil
	}
	var err error
	if k.glob {
		p, err = CompileGlob(k.pattern)
	} else {
		p, err = CompileLike(k.pattern, k.escape)
	}
	if err != nil || len(k.pattern) > maxCachedPattern {
		return p, err
	}
	c.mu.Lock()
	if len(c.m) >= patternCacheSize {
		c.m = map[patternKey]*Pattern{}
	}
	c.m[k] = p
	c.mu.Unlock()
	return p, nil
}

// CachedLike returns the compiled LIKE pattern from a small process-wide
// cache (compiling it on a miss). Use it when the pattern varies per row.
func CachedLike(pattern, escape string) (*Pattern, error) {
	return patterns.get(patternKey{pattern: pattern, escape: escape})
}

// CachedGlob returns the compiled GLOB pattern from the cache.
func CachedGlob(pattern string) (*Pattern, error) {
	return patterns.get(patternKey{glob: true, pattern: pattern})
}
