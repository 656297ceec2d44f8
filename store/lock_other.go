//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"errors"
	"os"
	"time"
)

// errLockTimeout is returned by lockShared when the wait runs out.
var errLockTimeout = errors.New("lock wait timed out")

// lockShared does nothing where flock is unavailable; bbolt's own lock in
// Open still excludes a second writer.
func lockShared(*os.File, time.Duration) error { return nil }

// tryLockExclusive reports false where flock is unavailable: without a way
// to tell a creation in progress, no temporary file is removed.
func tryLockExclusive(*os.File) bool { return false }

// openNonBlocking opens path for reading; the caller has already refused
// anything but a regular file.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
