package deckgen

import (
	"path/filepath"
	"testing"

	"mianjing/store"
)

func TestNotesAreRealistic(t *testing.T) {
	const n = 300
	d, err := Deck(n)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) != n {
		t.Fatalf("%d notes, want %d", len(d.Notes), n)
	}
	titles := map[string]bool{}
	for i, note := range d.Notes {
		_, data := NoteFile(i)
		if len(data) < 1024 || len(data) > 3*1024 {
			t.Errorf("note %d is %d bytes, want 1–3 KB", i, len(data))
		}
		if titles[note.Title] {
			t.Errorf("title %q repeats", note.Title)
		}
		titles[note.Title] = true
		if len(note.Points) < 3 || len(note.Tags) != 2 || note.Difficulty == 0 {
			t.Errorf("note %d: %d points, tags %v, difficulty %d", i, len(note.Points), note.Tags, note.Difficulty)
		}
	}
}

func TestStoreHoldsTheLog(t *testing.T) {
	d, err := Deck(50)
	if err != nil {
		t.Fatal(err)
	}
	p := Progress{Bookmarks: 5, Reviews: 400}
	path := filepath.Join(t.TempDir(), "p.db")
	if err := WriteStore(path, d, p); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.ReviewCount(); err != nil || n != p.Reviews {
		t.Errorf("%d reviews (%v), want %d", n, err, p.Reviews)
	}
	if n := len(st.Bookmarks()); n != p.Bookmarks {
		t.Errorf("%d bookmarks, want %d", n, p.Bookmarks)
	}
	cards, err := st.Cards()
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != 40 { // 80% of the deck is reviewed
		t.Errorf("%d cards, want 40", len(cards))
	}
	// Each entry's Before is the card the previous entry of its note left.
	last := map[string]store.Review{}
	err = st.ForEachReview(func(r store.Review) error {
		if prev, ok := last[r.NoteID]; ok && r.Before != prev.After {
			t.Errorf("seq %d: before %+v, previous after %+v", r.Seq, r.Before, prev.After)
		}
		if !r.Time.Before(Now()) {
			t.Errorf("seq %d at %v, not before Now", r.Seq, r.Time)
		}
		last[r.NoteID] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, r := range last {
		if cards[id] != r.After {
			t.Errorf("card %s is %+v, last review left %+v", id, cards[id], r.After)
		}
	}
}
