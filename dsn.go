package quereus

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dsnKind is where a database lives.
type dsnKind uint8

const (
	kindFile          dsnKind = iota // a Pebble directory
	kindPrivateMemory                // ":memory:": one per Connector
	kindSharedMemory                 // "memory:NAME": one per name in the process
)

// Defaults of the DSN options.
const (
	defaultBusyTimeout  = 5 * time.Second
	defaultKeyCollation = "NOCASE"
)

// instanceOptions are the DSN options that configure a shared database
// instance. Every Connector of one instance must agree on all of them, so the
// struct is comparable and compared as a whole.
type instanceOptions struct {
	noSync            bool
	busyTimeout       time.Duration
	readOnly          bool
	nullableByDefault bool
	foreignKeysOff    bool
	keyCollation      string // upper case: BINARY, NOCASE or RTRIM
}

// String renders the options in DSN syntax, for error messages.
func (o instanceOptions) String() string {
	mode := "rw"
	if o.readOnly {
		mode = "ro"
	}
	nullable := "not_null"
	if o.nullableByDefault {
		nullable = "nullable"
	}
	return fmt.Sprintf("sync=%s&busy_timeout=%s&mode=%s&nullable=%s&foreign_keys=%s&key_collation=%s",
		onOff(!o.noSync), o.busyTimeout, mode, nullable, onOff(!o.foreignKeysOff), strings.ToLower(o.keyCollation))
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// config is a parsed DSN.
type config struct {
	kind      dsnKind
	path      string // kindFile: cleaned absolute directory path
	name      string // kindSharedMemory: the name after "memory:"
	mustExist bool   // mode=ro or mode=rw: do not create a missing directory
	opts      instanceOptions
}

// registryKey identifies the shared instance the DSN denotes; "" for a
// private in-memory database, which is never shared.
func (c config) registryKey() string {
	switch c.kind {
	case kindFile:
		return "file:" + c.path
	case kindSharedMemory:
		return "memory:" + c.name
	}
	return ""
}

// dsnOption parses one option's value into the config.
type dsnOption func(c *config, v string) error

var dsnOptions = map[string]dsnOption{
	"sync": func(c *config, v string) error {
		on, err := parseSwitch(v)
		c.opts.noSync = !on
		return err
	},
	"busy_timeout": func(c *config, v string) error {
		d, err := parseBusyTimeout(v)
		c.opts.busyTimeout = d
		return err
	},
	"mode": func(c *config, v string) error {
		switch strings.ToLower(v) {
		case "rwc":
			c.opts.readOnly, c.mustExist = false, false
		case "rw":
			c.opts.readOnly, c.mustExist = false, true
		case "ro":
			c.opts.readOnly, c.mustExist = true, true
		default:
			return fmt.Errorf("want ro, rw or rwc, got %q", v)
		}
		return nil
	},
	"nullable": func(c *config, v string) error {
		switch strings.ToLower(v) {
		case "not_null":
			c.opts.nullableByDefault = false
		case "nullable":
			c.opts.nullableByDefault = true
		default:
			return fmt.Errorf("want not_null or nullable, got %q", v)
		}
		return nil
	},
	"foreign_keys": func(c *config, v string) error {
		on, err := parseSwitch(v)
		c.opts.foreignKeysOff = !on
		return err
	},
	"key_collation": func(c *config, v string) error {
		switch u := strings.ToUpper(v); u {
		case "BINARY", "NOCASE", "RTRIM":
			c.opts.keyCollation = u
		default:
			return fmt.Errorf("want binary, nocase or rtrim, got %q", v)
		}
		return nil
	},
}

// parseDSN parses a data source name; see the package documentation for the
// forms and options.
func parseDSN(dsn string) (config, error) {
	cfg := config{opts: instanceOptions{busyTimeout: defaultBusyTimeout, keyCollation: defaultKeyCollation}}
	if dsn == "" {
		return cfg, fmt.Errorf("quereus: empty DSN (want file:PATH, a directory path, :memory: or memory:NAME)")
	}
	location, query, _ := strings.Cut(dsn, "?")
	if err := cfg.parseLocation(location); err != nil {
		return cfg, fmt.Errorf("quereus: invalid DSN %q: %w", dsn, err)
	}
	if err := cfg.parseOptions(query); err != nil {
		return cfg, fmt.Errorf("quereus: invalid DSN %q: %w", dsn, err)
	}
	return cfg, nil
}

func (c *config) parseLocation(loc string) error {
	switch {
	case loc == ":memory:" || loc == "file::memory:":
		c.kind = kindPrivateMemory
		return nil
	case strings.HasPrefix(loc, "memory:"):
		c.kind, c.name = kindSharedMemory, strings.TrimPrefix(loc, "memory:")
		if c.name == "" {
			return fmt.Errorf("memory: needs a name (memory:NAME), or use :memory: for a private database")
		}
		return nil
	}
	path := loc
	if rest, ok := strings.CutPrefix(loc, "file:"); ok {
		path = rest
		if after, ok := strings.CutPrefix(rest, "//"); ok {
			if !strings.HasPrefix(after, "/") {
				return fmt.Errorf("file URI with a host is not supported (use file:PATH or file:///ABSOLUTE/PATH)")
			}
			path = after
		}
	}
	if path == "" {
		return fmt.Errorf("empty directory path")
	}
	if strings.IndexByte(path, 0) >= 0 {
		return fmt.Errorf("directory path contains a NUL byte")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("directory path %q: %w", path, err)
	}
	c.kind, c.path = kindFile, abs
	return nil
}

func (c *config) parseOptions(query string) error {
	if query == "" {
		return nil
	}
	values, err := url.ParseQuery(query)
	if err != nil {
		return fmt.Errorf("options: %w", err)
	}
	var unknown []string
	for name := range values {
		if _, ok := dsnOptions[name]; !ok {
			unknown = append(unknown, strconv.Quote(name))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("unknown option(s) %s (known: %s)", strings.Join(unknown, ", "), knownOptions())
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		vs := values[name]
		if len(vs) > 1 {
			return fmt.Errorf("option %s given %d times", name, len(vs))
		}
		if err := dsnOptions[name](c, vs[0]); err != nil {
			return fmt.Errorf("option %s: %w", name, err)
		}
	}
	return nil
}

func knownOptions() string {
	names := make([]string, 0, len(dsnOptions))
	for name := range dsnOptions {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// parseSwitch reads an on/off option value.
func parseSwitch(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "on", "true", "1":
		return true, nil
	case "off", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("want on or off, got %q", v)
}

// parseBusyTimeout reads a Go duration ("2s", "500ms") or a bare number of
// milliseconds; it must be positive.
func parseBusyTimeout(v string) (time.Duration, error) {
	var d time.Duration
	if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
		if ms > int64(time.Duration(1<<63-1)/time.Millisecond) {
			return 0, fmt.Errorf("%q milliseconds is too long", v)
		}
		d = time.Duration(ms) * time.Millisecond
	} else if d, err = time.ParseDuration(v); err != nil {
		return 0, fmt.Errorf("want a duration such as 2s or 500ms, got %q", v)
	}
	if d <= 0 {
		return 0, fmt.Errorf("must be positive, got %q", v)
	}
	return d, nil
}

// checkExists enforces mode=ro and mode=rw for a directory database: the
// directory must already exist.
func (c config) checkExists() error {
	if c.kind != kindFile || !c.mustExist {
		return nil
	}
	fi, err := os.Stat(c.path)
	if err != nil {
		return fmt.Errorf("quereus: database directory %q does not exist (mode=ro and mode=rw do not create it): %w", c.path, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("quereus: %q is not a directory", c.path)
	}
	return nil
}
