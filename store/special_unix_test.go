//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNonRegularFilesAreRefused: a FIFO, socket or device at the path is
// refused at once, naming its kind, before any open that could block.
func TestNonRegularFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Should Open block on the FIFO, a writer lets the test end.
	t.Cleanup(func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	sock := filepath.Join(dir, "sock.db")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cases := map[string]string{fifo: "named pipe", sock: "socket", os.DevNull: "device", dir: "directory"}
	for path, kind := range cases {
		done := make(chan error, 1)
		start := time.Now()
		go func() {
			b, err := Open(path)
			if err == nil {
				b.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			checkMessage(t, err, path, kind, "--db")
			// The bound allows a loaded machine; the refusal itself takes
			// microseconds.
			if el := time.Since(start); el > time.Second {
				t.Errorf("%s: refused after %v, want under a second", kind, el)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("%s: Open still blocked after 5 s", kind)
		}
	}
}
