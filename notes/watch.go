package notes

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// ErrWatchClosed is returned by Watcher.Next once the watcher is closed.
var ErrWatchClosed = errors.New("notes: watcher closed")

// Watcher reports changes to the note files of a deck directory. Changes
// are debounced: an editor's save (a write, or a rename and a create, and
// a chmod) comes as one batch.
type Watcher struct {
	fsw      *fsnotify.Watcher
	debounce time.Duration
}

// Watch starts watching the deck directory dir; debounce is the quiet
// time that ends a batch of changes (200 ms suits editors). Close it.
func Watch(dir string, debounce time.Duration) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fsw.Add(dir); err != nil {
		fsw.Close()
		return nil, err
	}
	return &Watcher{fsw: fsw, debounce: debounce}, nil
}

// Next blocks until a note file of the directory has changed (written,
// created, removed or renamed) and no further change came for the
// debounce time, and returns the changed files' names, sorted. It returns
// ErrWatchClosed after Close, and the watcher's own errors (such as lost
// events, after which anything may have changed) as they come. Next is
// not for concurrent use.
func (w *Watcher) Next() ([]string, error) {
	changed := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil, ErrWatchClosed
			}
			name := filepath.Base(ev.Name)
			if !isNoteFile(name) || ev.Op == fsnotify.Chmod {
				continue
			}
			changed[name] = true
			timer.Reset(w.debounce)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil, ErrWatchClosed
			}
			return nil, err
		case <-timer.C:
			names := make([]string, 0, len(changed))
			for n := range changed {
				names = append(names, n)
			}
			slices.Sort(names)
			return names, nil
		}
	}
}

// Close stops the watcher; a blocked Next returns ErrWatchClosed.
func (w *Watcher) Close() error { return w.fsw.Close() }

// isNoteFile reports whether a file name is one Load reads as a note:
// editors' swap, backup and temporary files are not.
func isNoteFile(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !strings.EqualFold(name, "README.md")
}
