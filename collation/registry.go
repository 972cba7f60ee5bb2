package collation

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// ErrUnknown is wrapped by the error Lookup returns for an unregistered name;
// its text is "Unknown collation" (the engine's user-visible message).
var ErrUnknown = errors.New("Unknown collation")

// Registry maps case-insensitive names to collations. It always holds the
// built-ins. The zero Registry is not usable; use NewRegistry.
type Registry struct {
	mu    sync.RWMutex
	byKey map[string]*Collation
}

// NewRegistry returns a registry holding BINARY, NOCASE and RTRIM.
func NewRegistry() *Registry {
	r := &Registry{byKey: make(map[string]*Collation, 8)}
	for _, c := range builtins {
		r.byKey[c.name] = c
	}
	return r
}

// Default is the process-wide registry used by the package-level functions.
var Default = NewRegistry()

// Lookup returns the collation named name (case-insensitive), or an error
// wrapping ErrUnknown whose text is "Unknown collation: NAME".
func Lookup(name string) (*Collation, error) { return Default.Lookup(name) }

// Register adds a custom collation to the Default registry; see
// Registry.Register.
func Register(name string, compare func(a, b string) int, keyEncoder func(s string) string) error {
	return Default.Register(name, compare, keyEncoder)
}

// Lookup returns the collation named name (case-insensitive), or an error
// wrapping ErrUnknown whose text is "Unknown collation: NAME".
func (r *Registry) Lookup(name string) (*Collation, error) {
	r.mu.RLock()
	c, ok := r.byKey[registryKey(name)]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknown, name)
	}
	return c, nil
}

// Register adds (or replaces) the custom collation name. compare must be a
// total order: antisymmetric and transitive. keyEncoder, when not nil, must be
// consistent with compare (sign(compare(a,b)) equals the sign of the byte
// comparison of the encoded keys); the collation then provides ordering. With
// a nil keyEncoder the collation keys text as BINARY bytes and
// ProvidesOrdering reports false. Names of built-ins are refused, as are
// empty names and a nil compare. Replacing a custom collation does not change
// *Collation values already handed out.
func (r *Registry) Register(name string, compare func(a, b string) int, keyEncoder func(s string) string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("collation name must not be empty")
	}
	if compare == nil {
		return fmt.Errorf("collation %s: compare function must not be nil", name)
	}
	key := registryKey(name)
	c := &Collation{name: name, compare: compare, normalize: keyEncoder, ordering: keyEncoder != nil}
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.byKey[key]; ok && old.builtin {
		return fmt.Errorf("cannot redefine built-in collation %s", old.name)
	}
	r.byKey[key] = c
	return nil
}

// Names returns the registered names, built-ins first, in no further order.
func (r *Registry) Names() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, len(r.byKey))
	for _, c := range builtins {
		names = append(names, c.name)
	}
	for _, c := range r.byKey {
		if !c.builtin {
			names = append(names, c.name)
		}
	}
	return names
}

// registryKey folds a name for lookup. Names are compared with ASCII case
// folding plus Unicode upper-casing, so "nocase", "NoCase" and "NOCASE" are
// one name.
func registryKey(name string) string {
	return strings.ToUpper(name)
}
