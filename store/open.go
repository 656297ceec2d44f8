package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// lockTimeout is how long Open waits for another process to let go.
const lockTimeout = time.Second

// DefaultPath returns $XDG_DATA_HOME/mianjing/mianjing.db, or
// ~/.local/share/mianjing/mianjing.db when XDG_DATA_HOME is unset or not
// absolute.
func DefaultPath() (string, error) { return DefaultPathEnv(os.Getenv) }

// DefaultPathEnv is DefaultPath reading the environment through getenv
// (XDG_DATA_HOME, then HOME), for callers that inject their environment.
func DefaultPathEnv(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "mianjing", "mianjing.db"), nil
	}
	home := getenv("HOME")
	if home == "" || !filepath.IsAbs(home) {
		return "", errors.New("cannot find a place for the database: neither XDG_DATA_HOME nor HOME is set to an absolute path; use --db to choose a file")
	}
	return filepath.Join(home, ".local", "share", "mianjing", "mianjing.db"), nil
}

// Open opens the database at path, creating it (directory 0700, file 0600)
// when absent. Anything at path but a regular file is refused at once. An
// existing file is checked before bbolt maps it: a damaged or foreign file
// (an empty one, a bbolt file without mianjing's meta bucket, a current
// one with a bucket missing or added, bad settings or bookmarks) gives
// ErrCorrupt, a file from a newer mianjing ErrNewerSchema, a file another
// process holds ErrLocked (after waiting up to a second), each wrapped in a
// one-line message naming the file, and in each case the file is left
// exactly as it was. Opening a current file writes nothing; only a file of
// an older schema is migrated, in one transaction. Temporary files an
// interrupted creation left beside path are removed.
func Open(path string) (*Bolt, error) {
	return openWith(path, migrations())
}

func openWith(path string, table []migration) (*Bolt, error) {
	if path == "" {
		return nil, errors.New("no database path given; use --db to choose a file")
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("%s: cannot create its directory: %v", path, oneLine(pathErr(err)))
	}
	existed, err := precheck(path)
	if err != nil {
		return nil, err
	}
	if !existed {
		if err := create(path, table); err != nil {
			return nil, err
		}
		if _, err := precheck(path); err != nil {
			return nil, err
		}
	}
	b, err := openBolt(path)
	if err != nil {
		return nil, err
	}
	if err := b.prepare(table); err != nil {
		b.db.Close()
		return nil, err
	}
	removeStrays(path)
	return b, nil
}

// removeStrays deletes the temporary files creations of path that were
// killed half-way left behind. The caller holds path's lock; a temporary
// file whose creation is still running is locked by bbolt and kept. Any
// failure only leaves a stray file, so it is ignored.
func removeStrays(path string) {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+".new-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if tryLockExclusive(f) {
			os.Remove(p)
		}
		f.Close()
	}
}

// create makes a complete new database at path without ever leaving a
// partial file there: it is built under a temporary name in the same
// directory, then linked into place. A crash during creation so leaves at
// most a stray temporary file, never an empty path Open would refuse.
func create(path string, table []migration) error {
	fail := func(err error) error {
		return fmt.Errorf("%s: cannot create the database: %v", path, oneLine(pathErr(err)))
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+".new-*") // mode 0600
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return fail(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return migrate(tx, 0, table) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	// Link, unlike rename, never replaces a file another mianjing created
	// meanwhile; that one is then used.
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		if _, serr := os.Lstat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmp, path); err != nil { // no hard links here
			return fail(err)
		}
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the new name durable
		d.Close()
	}
	return nil
}

// pathErr drops the path os errors repeat, since messages name it first.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// precheck looks at an existing file under a shared lock before bbolt sees
// it. It reports whether the file existed. Anything but a regular file is
// refused before it is opened: opening a FIFO waits for a writer.
func precheck(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return true, fmt.Errorf("%s: cannot read the database: %v", path, oneLine(pathErr(err)))
	}
	if err := checkKind(path, fi); err != nil {
		return true, err
	}
	f, err := openNonBlocking(path)
	if errors.Is(err, fs.ErrNotExist) { // removed since the Stat
		return false, nil
	}
	if err != nil {
		return true, fmt.Errorf("%s: cannot read the database: %v", path, oneLine(pathErr(err)))
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return true, fmt.Errorf("%s: cannot read the database: %v", path, oneLine(pathErr(err)))
	}
	if err := checkKind(path, fi); err != nil { // replaced since the Stat
		return true, err
	}
	if err := lockShared(f, lockTimeout); err != nil {
		if errors.Is(err, errLockTimeout) {
			return true, lockedError(path)
		}
		return true, fmt.Errorf("%s: cannot lock the database: %v", path, oneLine(err.Error()))
	}
	if reason := checkFile(f, fi.Size()); reason != "" {
		return true, corruptError(path, reason)
	}
	return true, nil
}

// checkKind refuses anything but a regular file, naming what it is.
func checkKind(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	var kind string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a block device"
	default:
		kind = "a special file"
	}
	return fmt.Errorf("%s: is %s, not a database file; use --db to choose a file", path, kind)
}

func lockedError(path string) error {
	return fmt.Errorf("%s: %w; close it, or use --db to choose another file", path, ErrLocked)
}

// openBolt opens the file with bbolt, turning its panics and faults into
// ErrCorrupt.
func openBolt(path string) (*Bolt, error) {
	var file *os.File
	opts := &bolt.Options{
		Timeout: lockTimeout,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	}
	var db *bolt.DB
	err := guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	if err == nil {
		return &Bolt{db: db, path: path}, nil
	}
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, lockedError(path)
	}
	panicked := errors.As(err, new(panicError))
	if panicked && file != nil {
		// bolt.Open closes its file on errors, not on panics: release the
		// descriptor and its lock (the mapping, if any, stays until exit).
		file.Close()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: cannot open the database: %v", path, oneLine(pathErr(err)))
	}
	switch {
	case panicked:
		return nil, corruptError(path, reasonOf(err))
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, corruptError(path, err.Error())
	}
	return nil, fmt.Errorf("%s: cannot open the database: %v", path, oneLine(err.Error()))
}

// prepare reads the schema, migrates a file of an older one and loads the
// copies kept in memory. It writes only to migrate.
func (b *Bolt) prepare(table []migration) error {
	var version int
	err := b.view(func(tx *bolt.Tx) error {
		var err error
		version, err = readSchema(tx, len(table))
		return err
	})
	switch {
	case err != nil:
		return corruptError(b.path, reasonOf(err))
	case version > len(table):
		return fmt.Errorf("%s: %w (schema %d; this mianjing knows up to %d); update mianjing, or use --db to choose another file",
			b.path, ErrNewerSchema, version, len(table))
	case version < len(table):
		err := b.update(func(tx *bolt.Tx) error { return migrate(tx, version, table) })
		if errors.Is(err, ErrCorrupt) {
			return corruptError(b.path, fmt.Sprintf("schema %d: %s", version, reasonOf(err)))
		}
		if err != nil {
			return fmt.Errorf("%s: cannot upgrade the database from schema %d: %s", b.path, version, reasonOf(err))
		}
	}
	if err := b.load(); err != nil {
		return corruptError(b.path, reasonOf(err))
	}
	return nil
}

// load fills the in-memory copies from the file.
func (b *Bolt) load() error {
	var bookmarks, suspended map[string]time.Time
	var settings Settings
	err := b.view(func(tx *bolt.Tx) error {
		var err error
		if bookmarks, err = readBookmarks(tx); err != nil {
			return err
		}
		if suspended, err = readSuspended(tx); err != nil {
			return err
		}
		// Interview reports are read here only to be checked, as every
		// other stored value is when the file opens.
		if _, err = readInterviews(tx); err != nil {
			return err
		}
		settings, err = readSettings(tx)
		return err
	})
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.bookmarks, b.suspended, b.settings = bookmarks, suspended, settings
	b.mu.Unlock()
	return nil
}
