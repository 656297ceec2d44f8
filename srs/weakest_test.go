package srs

import (
	"slices"
	"testing"
	"time"
)

// Ties in recall go to the lower stability, then the earlier due date;
// new notes come last.
func TestWeakestFirst(t *testing.T) {
	day := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	notes := []NoteStats{
		{ID: "new", State: New},
		{ID: "strong", State: Review, R: 0.9, Stability: 20, Due: day},
		{ID: "late", State: Review, R: 0.9, Stability: 5, Due: day.AddDate(0, 0, 2)},
		{ID: "soon", State: Review, R: 0.9, Stability: 5, Due: day},
		{ID: "weak", State: Review, R: 0.5, Stability: 30, Due: day},
	}
	slices.SortStableFunc(notes, WeakestFirst)
	var got []string
	for _, n := range notes {
		got = append(got, n.ID)
	}
	if want := []string{"weak", "soon", "late", "strong", "new"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
