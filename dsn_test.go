package quereus

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultOptions() instanceOptions {
	return instanceOptions{busyTimeout: defaultBusyTimeout, keyCollation: defaultKeyCollation}
}

func TestParseDSNLocations(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	cases := []struct {
		dsn  string
		kind dsnKind
		path string
		name string
		key  string
	}{
		{":memory:", kindPrivateMemory, "", "", ""},
		{"file::memory:", kindPrivateMemory, "", "", ""},
		{"memory:shared", kindSharedMemory, "", "shared", "memory:shared"},
		{"memory:a/b c", kindSharedMemory, "", "a/b c", "memory:a/b c"},
		{"file:./data", kindFile, filepath.Join(wd, "data"), "", "file:" + filepath.Join(wd, "data")},
		{"file:data/../db", kindFile, filepath.Join(wd, "db"), "", "file:" + filepath.Join(wd, "db")},
		{"./data", kindFile, filepath.Join(wd, "data"), "", "file:" + filepath.Join(wd, "data")},
		{"/abs/dir/", kindFile, "/abs/dir", "", "file:/abs/dir"},
		{"file:/abs/dir", kindFile, "/abs/dir", "", "file:/abs/dir"},
		{"file:///abs/dir", kindFile, "/abs/dir", "", "file:/abs/dir"},
		{"file:/abs/dir?sync=off", kindFile, "/abs/dir", "", "file:/abs/dir"},
	}
	for _, tc := range cases {
		t.Run(tc.dsn, func(t *testing.T) {
			cfg, err := parseDSN(tc.dsn)
			require.NoError(t, err)
			assert.Equal(t, tc.kind, cfg.kind)
			assert.Equal(t, tc.path, cfg.path)
			assert.Equal(t, tc.name, cfg.name)
			assert.Equal(t, tc.key, cfg.registryKey())
		})
	}
}

func TestParseDSNDefaults(t *testing.T) {
	cfg, err := parseDSN("file:/x")
	require.NoError(t, err)
	assert.Equal(t, defaultOptions(), cfg.opts)
	assert.False(t, cfg.mustExist)
	assert.Equal(t, 5*time.Second, cfg.opts.busyTimeout)
}

func TestParseDSNOptions(t *testing.T) {
	cases := []struct {
		query     string
		mustExist bool
		edit      func(*instanceOptions)
	}{
		{"sync=off", false, func(o *instanceOptions) { o.noSync = true }},
		{"sync=on", false, func(o *instanceOptions) {}},
		{"sync=FALSE", false, func(o *instanceOptions) { o.noSync = true }},
		{"sync=1", false, func(o *instanceOptions) {}},
		{"busy_timeout=2s", false, func(o *instanceOptions) { o.busyTimeout = 2 * time.Second }},
		{"busy_timeout=250", false, func(o *instanceOptions) { o.busyTimeout = 250 * time.Millisecond }},
		{"busy_timeout=1m30s", false, func(o *instanceOptions) { o.busyTimeout = 90 * time.Second }},
		{"mode=ro", true, func(o *instanceOptions) { o.readOnly = true }},
		{"mode=rw", true, func(o *instanceOptions) {}},
		{"mode=rwc", false, func(o *instanceOptions) {}},
		{"nullable=nullable", false, func(o *instanceOptions) { o.nullableByDefault = true }},
		{"nullable=not_null", false, func(o *instanceOptions) {}},
		{"foreign_keys=off", false, func(o *instanceOptions) { o.foreignKeysOff = true }},
		{"foreign_keys=on", false, func(o *instanceOptions) {}},
		{"key_collation=binary", false, func(o *instanceOptions) { o.keyCollation = "BINARY" }},
		{"key_collation=RTrim", false, func(o *instanceOptions) { o.keyCollation = "RTRIM" }},
		{"key_collation=nocase", false, func(o *instanceOptions) {}},
		{"sync=off&busy_timeout=2s&mode=ro&nullable=nullable&foreign_keys=off&key_collation=binary", true,
			func(o *instanceOptions) {
				*o = instanceOptions{noSync: true, busyTimeout: 2 * time.Second, readOnly: true,
					nullableByDefault: true, foreignKeysOff: true, keyCollation: "BINARY"}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			want := defaultOptions()
			tc.edit(&want)
			cfg, err := parseDSN("file:/db?" + tc.query)
			require.NoError(t, err)
			assert.Equal(t, want, cfg.opts)
			assert.Equal(t, tc.mustExist, cfg.mustExist)
			assert.Equal(t, "/db", cfg.path)
		})
	}
}

func TestParseDSNErrors(t *testing.T) {
	cases := []struct {
		dsn     string
		message []string // substrings the error must contain
	}{
		{"", []string{"empty DSN"}},
		{"memory:", []string{"memory: needs a name"}},
		{"file:", []string{"empty directory path"}},
		{"file:?sync=off", []string{"empty directory path"}},
		{"file://host/x", []string{"host is not supported"}},
		{"file:/x?bogus=1", []string{`unknown option(s) "bogus"`, "known: busy_timeout"}},
		{"file:/x?zeta=1&alpha=2&sync=on", []string{`"alpha", "zeta"`}},
		{"file:/x?sync=maybe", []string{"option sync", `want on or off, got "maybe"`}},
		{"file:/x?sync=on&sync=off", []string{"option sync given 2 times"}},
		{"file:/x?busy_timeout=soon", []string{"option busy_timeout", "duration"}},
		{"file:/x?busy_timeout=0", []string{"option busy_timeout", "must be positive"}},
		{"file:/x?busy_timeout=-5s", []string{"must be positive"}},
		{"file:/x?busy_timeout=99999999999999999", []string{"too long"}},
		{"file:/x?mode=rwx", []string{"option mode", "want ro, rw or rwc"}},
		{"file:/x?nullable=default", []string{"option nullable", "want not_null or nullable"}},
		{"file:/x?foreign_keys=", []string{"option foreign_keys"}},
		{"file:/x?key_collation=french", []string{"option key_collation", "want binary, nocase or rtrim"}},
		{"file:/x?sync=%zz", []string{"options:"}},
		{"file:/x\x00y", []string{"NUL byte"}},
	}
	for _, tc := range cases {
		t.Run(tc.dsn, func(t *testing.T) {
			_, err := parseDSN(tc.dsn)
			require.Error(t, err)
			for _, want := range tc.message {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

func TestInstanceOptionsString(t *testing.T) {
	assert.Equal(t, "sync=on&busy_timeout=5s&mode=rw&nullable=not_null&foreign_keys=on&key_collation=nocase",
		defaultOptions().String())
	// The rendering is itself a valid option string denoting the same options.
	o := instanceOptions{noSync: true, busyTimeout: 1500 * time.Millisecond, readOnly: true,
		nullableByDefault: true, foreignKeysOff: true, keyCollation: "RTRIM"}
	cfg, err := parseDSN("memory:x?" + o.String())
	require.NoError(t, err)
	assert.Equal(t, o, cfg.opts)
}

func TestCheckExists(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o600))

	for _, mode := range []string{"ro", "rw"} {
		cfg, err := parseDSN("file:" + missing + "?mode=" + mode)
		require.NoError(t, err)
		err = cfg.checkExists()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "does not exist")

		cfg, err = parseDSN("file:" + file + "?mode=" + mode)
		require.NoError(t, err)
		err = cfg.checkExists()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is not a directory")

		cfg, err = parseDSN("file:" + dir + "?mode=" + mode)
		require.NoError(t, err)
		assert.NoError(t, cfg.checkExists())
	}
	cfg, err := parseDSN("file:" + missing)
	require.NoError(t, err)
	assert.NoError(t, cfg.checkExists(), "mode=rwc (the default) creates the directory")
	cfg, err = parseDSN("memory:m?mode=ro")
	require.NoError(t, err)
	assert.NoError(t, cfg.checkExists())
}

// FuzzParseDSN checks that no DSN makes the parser panic and that every
// accepted DSN denotes options that survive rendering and re-parsing.
func FuzzParseDSN(f *testing.F) {
	for _, seed := range []string{":memory:", "memory:x", "file:./d?sync=off&busy_timeout=2s", "/a/b?mode=ro",
		"file:///x?nullable=nullable&foreign_keys=off&key_collation=rtrim", "file:?", "x?%", "x?a=1&a=2"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		cfg, err := parseDSN(dsn)
		if err != nil {
			return
		}
		switch cfg.kind {
		case kindFile:
			require.True(t, filepath.IsAbs(cfg.path), cfg.path)
			require.Equal(t, filepath.Clean(cfg.path), cfg.path)
		case kindSharedMemory:
			require.NotEmpty(t, cfg.name)
		}
		again, err := parseDSN("memory:m?" + cfg.opts.String())
		require.NoError(t, err)
		require.Equal(t, cfg.opts, again.opts)
	})
}
