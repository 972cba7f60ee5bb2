package functions

import (
	"fmt"
	"strings"
	"sync"

	"github.com/quereus/quereus/collation"
	"github.com/quereus/quereus/engine/types"
	"github.com/quereus/quereus/storage/value"
)

// Variadic as MaxArgs means "no upper bound".
const Variadic = -1

// MaxCallArgs bounds the number of arguments any call may pass.
const MaxCallArgs = 1000

// ScalarFunc computes a scalar function from its evaluated arguments.
type ScalarFunc func(args []value.Value) (value.Value, error)

// Aggregate accumulates one group's rows.
type Aggregate interface {
	// Step adds one row's evaluated arguments.
	Step(args []value.Value) error
	// Result returns the aggregate's value for the rows stepped so far.
	Result() (value.Value, error)
}

// Inverter is implemented by aggregates that can remove a previously stepped
// row (sliding window frames).
type Inverter interface {
	Inverse(args []value.Value) error
}

// Collated is implemented by aggregates whose result depends on a text
// collation (min, max). The engine calls SetCollation right after creating
// the aggregate when the argument carries a collation.
type Collated interface {
	SetCollation(c *collation.Collation)
}

// Typed is implemented by aggregates whose ordering depends on the logical
// type of their argument (min and max order TIMESPAN values by elapsed
// time, see types.CompareAs). The engine calls SetArgType right after
// creating the aggregate with the argument's static type.
type Typed interface {
	SetArgType(t types.Type)
}

// Def describes one function overload.
type Def struct {
	// Name is the SQL name (matched case-insensitively).
	Name string
	// MinArgs and MaxArgs bound the arity; MaxArgs == Variadic for no bound.
	MinArgs, MaxArgs int
	// Deterministic is false for functions whose result may differ between
	// calls with the same arguments (random, date('now')).
	Deterministic bool
	// Scalar computes a scalar function (nil for aggregates).
	Scalar ScalarFunc
	// ScalarCollated, when set, is used instead of Scalar when the call's
	// arguments carry a collation (greatest, least).
	ScalarCollated func(c *collation.Collation, args []value.Value) (value.Value, error)
	// NewAggregate makes a fresh accumulator (nil for scalars).
	NewAggregate func() Aggregate
	// ReturnType is the static result type; types.Any when it depends on
	// the data (ReturnTypeFunc refines it from the argument types).
	ReturnType types.Type
	// ReturnTypeFunc, when set, infers the result type from the static
	// argument types (coalesce, abs, ...).
	ReturnTypeFunc func(args []types.Type) types.Type
	// ArgCheck, when set, validates static argument types at plan time.
	ArgCheck func(args []types.Type) error
}

// IsAggregate reports whether d is an aggregate function.
func (d *Def) IsAggregate() bool { return d.NewAggregate != nil }

// Accepts reports whether d takes n arguments.
func (d *Def) Accepts(n int) bool {
	return n >= d.MinArgs && (d.MaxArgs == Variadic || n <= d.MaxArgs)
}

// ResultType returns the static result type of a call with the given static
// argument types.
func (d *Def) ResultType(args []types.Type) types.Type {
	if d.ReturnTypeFunc != nil {
		return d.ReturnTypeFunc(args)
	}
	return d.ReturnType
}

// CheckArgTypes validates the static argument types of a call (plan time).
func (d *Def) CheckArgTypes(args []types.Type) error {
	if d.ArgCheck != nil {
		return d.ArgCheck(args)
	}
	return nil
}

// Call runs a scalar function, choosing ScalarCollated when a collation is
// given (or Scalar is not set) and the function has one.
func (d *Def) Call(c *collation.Collation, args []value.Value) (value.Value, error) {
	if d.ScalarCollated != nil && (c != nil || d.Scalar == nil) {
		return d.ScalarCollated(c, args)
	}
	if d.Scalar == nil {
		return value.Null(), fmt.Errorf("%s is not a scalar function", d.Name)
	}
	return d.Scalar(args)
}

// Registry maps names to function overloads. It is safe for concurrent use.
// A registry with a parent falls back to it for names it does not define.
type Registry struct {
	parent *Registry
	mu     sync.RWMutex
	defs   map[string][]*Def
}

// NewRegistry returns an empty registry layered over parent (may be nil).
func NewRegistry(parent *Registry) *Registry {
	return &Registry{parent: parent, defs: map[string][]*Def{}}
}

// Default holds the builtin functions; sub-packages register into it from
// init().
var Default = NewRegistry(nil)

// Register adds def to Default (see Registry.Register).
func Register(def Def) error { return Default.Register(def) }

// RegisterAll adds each of defs to Default and returns the errors of those
// that could not be added (nil when all were), for a sub-package's init to
// keep and its tests to assert empty instead of panicking at start-up.
func RegisterAll(defs []Def) []error {
	var errs []error
	for _, d := range defs {
		if err := Register(d); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// MustRegister adds def to Default and panics on error; for init() use with
// static definitions only.
func MustRegister(def Def) {
	if err := Default.Register(def); err != nil {
		panic(err)
	}
}

// Lookup finds a function in Default (see Registry.Lookup).
func Lookup(name string, nargs int) (*Def, error) { return Default.Lookup(name, nargs) }

// key is the registry key of a name: lower case (no allocation when the
// name already is).
func key(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(name)
		}
	}
	return name
}

func validate(def *Def) error {
	if def.Name == "" {
		return fmt.Errorf("function definition without a name")
	}
	if def.MinArgs < 0 || (def.MaxArgs != Variadic && def.MaxArgs < def.MinArgs) || def.MaxArgs > MaxCallArgs {
		return fmt.Errorf("function %s: bad arity range %d..%d", def.Name, def.MinArgs, def.MaxArgs)
	}
	if (def.Scalar == nil && def.ScalarCollated == nil) == (def.NewAggregate == nil) {
		return fmt.Errorf("function %s: exactly one of Scalar or NewAggregate must be set", def.Name)
	}
	return nil
}

func overlaps(a, b *Def) bool {
	aMax, bMax := a.MaxArgs, b.MaxArgs
	if aMax == Variadic {
		aMax = MaxCallArgs
	}
	if bMax == Variadic {
		bMax = MaxCallArgs
	}
	return a.MinArgs <= bMax && b.MinArgs <= aMax
}

// Register adds a function overload. It fails when the name already has an
// overload in this registry whose arity range overlaps def's.
func (r *Registry) Register(def Def) error {
	if err := validate(&def); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := key(def.Name)
	for _, d := range r.defs[k] {
		if overlaps(d, &def) {
			return fmt.Errorf("function %s/%d already registered", def.Name, def.MinArgs)
		}
	}
	r.defs[k] = append(r.defs[k], &def)
	return nil
}

// Replace adds a function overload, removing any overloads of the same name
// in this registry whose arity ranges overlap def's (CREATE FUNCTION-style
// re-registration of user-defined functions).
func (r *Registry) Replace(def Def) error {
	if err := validate(&def); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := key(def.Name)
	kept := r.defs[k][:0:0]
	for _, d := range r.defs[k] {
		if !overlaps(d, &def) {
			kept = append(kept, d)
		}
	}
	r.defs[k] = append(kept, &def)
	return nil
}

// Lookup finds the overload of name that accepts nargs arguments, searching
// this registry and then its parents. Failure reads
// "Function not found: name/nargs".
func (r *Registry) Lookup(name string, nargs int) (*Def, error) {
	k := key(name)
	for reg := r; reg != nil; reg = reg.parent {
		reg.mu.RLock()
		for _, d := range reg.defs[k] {
			if d.Accepts(nargs) {
				reg.mu.RUnlock()
				return d, nil
			}
		}
		reg.mu.RUnlock()
	}
	return nil, fmt.Errorf("Function not found: %s/%d", name, nargs)
}

// Exists reports whether any overload of name is registered (at any arity).
func (r *Registry) Exists(name string) bool {
	k := key(name)
	for reg := r; reg != nil; reg = reg.parent {
		reg.mu.RLock()
		n := len(reg.defs[k])
		reg.mu.RUnlock()
		if n > 0 {
			return true
		}
	}
	return false
}

// Names lists the registered names (lower case) of this registry and its
// parents, without duplicates, in no particular order.
func (r *Registry) Names() []string {
	seen := map[string]bool{}
	var out []string
	for reg := r; reg != nil; reg = reg.parent {
		reg.mu.RLock()
		for k, ds := range reg.defs {
			if len(ds) > 0 && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
		reg.mu.RUnlock()
	}
	return out
}
