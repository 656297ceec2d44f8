//go:build unix

package cli

import "syscall"

// cpuTime returns the process's user+system CPU time in nanoseconds, so
// benchmarks can report CPU cost on a busy machine where wall time is noisy.
func cpuTime() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
