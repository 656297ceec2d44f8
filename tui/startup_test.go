package tui

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
	"mianjing/notes/deckgen"
	"mianjing/store"
)

// countingStore is a real store that counts the calls which read the
// whole review log (or a day of it).
type countingStore struct {
	store.Store
	mu    sync.Mutex
	calls map[string]int
}

func (s *countingStore) count(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[name]++
}

func (s *countingStore) n(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[name]
}

func (s *countingStore) ForEachReview(fn func(store.Review) error) error {
	s.count("ForEachReview")
	return s.Store.ForEachReview(fn)
}

func (s *countingStore) ForEachReviewBrief(fn func(store.ReviewBrief) error) error {
	s.count("ForEachReviewBrief")
	return s.Store.ForEachReviewBrief(fn)
}

func (s *countingStore) ReviewsSince(t time.Time) ([]store.Review, error) {
	s.count("ReviewsSince")
	return s.Store.ReviewsSince(t)
}

func (s *countingStore) ReviewCount() (int, error) {
	s.count("ReviewCount")
	return s.Store.ReviewCount()
}

// TestStartupReadsNoHistoryAndRendersNothing starts the app on the
// embedded deck and a real store with a year of reviews, up to its first
// frame: it must not read the review log (whose size grows without bound)
// nor render any note (the list shows titles only). Opening the stats
// screen afterwards does read the log, which shows the counting works.
func TestStartupReadsNoHistoryAndRendersNothing(t *testing.T) {
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "progress.db")
	if err := deckgen.WriteStore(path, d, deckgen.Small()); err != nil {
		t.Fatal(err)
	}
	bolt, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer bolt.Close()
	st := &countingStore{Store: bolt, calls: map[string]int{}}
	s := newSyncRun(Options{Deck: d, Store: st, Lang: "zh", Now: deckgen.Now})
	if err := s.init(); err != nil {
		t.Fatal(err)
	}
	s.must(t, tea.WindowSizeMsg{Width: 100, Height: 30})
	frame := s.m.View().Content
	if len(s.m.c.bookmarks) != deckgen.Small().Bookmarks || frame == "" {
		t.Fatalf("the first frame lacks the progress (%d bookmarks)", len(s.m.c.bookmarks))
	}
	// ReviewsSince is allowed: it reads today's end of the log only (the
	// new cards started today), not the history.
	for _, name := range []string{"ForEachReview", "ForEachReviewBrief", "ReviewCount"} {
		if n := st.n(name); n > 0 {
			t.Errorf("start-up called %s %d times", name, n)
		}
	}
	if n := s.seen["tui.noteRenderedMsg"]; n > 0 || len(s.m.c.renders) > 0 {
		t.Errorf("start-up rendered %d notes (%d cached)", n, len(s.m.c.renders))
	}
	s.must(t, press("S"))
	if st.n("ForEachReviewBrief")+st.n("ForEachReview") == 0 {
		t.Error("the stats screen did not read the log: the counting store counts nothing")
	}
}
