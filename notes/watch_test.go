package notes

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// nextWithin calls w.Next, failing the test if it does not return in time.
func nextWithin(t *testing.T, w *Watcher, d time.Duration) ([]string, error) {
	t.Helper()
	type res struct {
		names []string
		err   error
	}
	ch := make(chan res, 1)
	go func() {
		n, err := w.Next()
		ch <- res{n, err}
	}()
	select {
	case r := <-ch:
		return r.names, r.err
	case <-time.After(d):
		t.Fatalf("Next did not return within %v", d)
		return nil, nil
	}
}

func TestWatcherBatchesNoteFiles(t *testing.T) {
	dir := t.TempDir()
	w, err := Watch(dir, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// Editor litter first, then two notes: one batch with the notes only.
	for _, f := range []string{".a.md.swp", "a.md~", "README.md", "4913", "b.md", "a.md"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names, err := nextWithin(t, w, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names, []string{"a.md", "b.md"}) {
		t.Errorf("changed %v, want [a.md b.md]", names)
	}
	if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
		t.Fatal(err)
	}
	names, err = nextWithin(t, w, 5*time.Second)
	if err != nil || !slices.Equal(names, []string{"b.md"}) {
		t.Errorf("after a removal: %v, %v", names, err)
	}
	w.Close()
	if _, err := nextWithin(t, w, 5*time.Second); !errors.Is(err, ErrWatchClosed) {
		t.Errorf("Next after Close: %v, want ErrWatchClosed", err)
	}
}

func TestWatchMissingDir(t *testing.T) {
	if _, err := Watch(filepath.Join(t.TempDir(), "nope"), time.Millisecond); err == nil {
		t.Error("watching a missing directory did not fail")
	}
}
