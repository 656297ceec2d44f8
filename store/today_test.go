package store

import (
	"path/filepath"
	"testing"
	"time"

	"mianjing/srs"
)

// Today's new cards are the notes first graded since t; cram grades and
// older reviews do not count.
func TestNewCardsSince(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC)
	b := openPath(t, filepath.Join(t.TempDir(), "m.db"))
	defer b.Close()
	for name, st := range map[string]Store{"memory": NewMemory(), "bolt": b} {
		learned := srs.Card{State: srs.Learning, Due: now.Add(time.Hour), LastReview: now, Reps: 1}
		for _, r := range []Review{
			{NoteID: "old", Time: now.Add(-30 * time.Hour), Rating: srs.Good, After: learned, Mode: ModeDue},
			{NoteID: "a", Time: now.Add(-time.Hour), Rating: srs.Good, After: learned, Mode: ModeDue},
			{NoteID: "a", Time: now.Add(-time.Minute), Rating: srs.Good, Before: learned, After: learned, Mode: ModeDue},
			{NoteID: "c", Time: now.Add(-time.Minute), Rating: srs.Good, After: learned, Mode: ModeCram},
		} {
			if _, err := st.RecordReview(r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		if n, err := NewCardsSince(st, now.Add(-4*time.Hour)); err != nil || n != 1 {
			t.Errorf("%s: NewCardsSince = %d, %v; want 1 (a; not old, not the cram of c)", name, n, err)
		}
	}
}
