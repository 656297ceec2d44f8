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
