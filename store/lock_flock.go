//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// errLockTimeout is returned by lockShared when the wait runs out.
var errLockTimeout = errors.New("lock wait timed out")

// lockShared takes a shared flock on f, the kind bbolt's exclusive lock
// excludes, so a file another mianjing holds is reported as locked rather
// than read half-written. Closing f releases it.
func lockShared(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return errLockTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tryLockExclusive takes an exclusive flock on f without waiting, reporting
// whether it got it; bbolt holds one on every file it has open for writing.
func tryLockExclusive(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

// openNonBlocking opens path for reading without waiting, as opening a
// FIFO would, for a writer; on a regular file the flag does nothing.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
