package tui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"mianjing/srs"
)

// drawDeck is n notes spread over the given chapters in turn.
func drawDeck(n int, chapters ...string) []drawCandidate {
	out := make([]drawCandidate, n)
	for i := range out {
		out[i] = drawCandidate{id: fmt.Sprintf("n%02d", i), chapter: chapters[i%len(chapters)]}
	}
	return out
}

func drawIn(notes []drawCandidate) drawInput {
	return drawInput{notes: notes, cards: map[string]srs.Card{}, bookmarks: map[string]time.Time{},
		suspended: map[string]time.Time{}, sched: srs.NewScheduler(), now: testNow}
}

func TestDrawNeverRepeatsANoteAndStopsWhenOut(t *testing.T) {
	notes := drawDeck(4, "a")
	notes = append(notes, notes[0]) // a deck listing a note twice
	for seed := range uint64(50) {
		got := drawQuestions(drawIn(notes), 10, seed)
		if len(got) != 4 {
			t.Fatalf("seed %d: drew %d of 4 notes: %v", seed, len(got), got)
		}
		s := slices.Clone(got)
		slices.Sort(s)
		if len(slices.Compact(s)) != len(got) {
			t.Fatalf("seed %d: a note drawn twice: %v", seed, got)
		}
	}
}

func TestDrawNeverAsksSuspended(t *testing.T) {
	in := drawIn(drawDeck(6, "a", "b"))
	in.suspended["n00"] = testNow
	in.suspended["n03"] = testNow
	for seed := range uint64(50) {
		got := drawQuestions(in, 6, seed)
		if slices.Contains(got, "n00") || slices.Contains(got, "n03") || len(got) != 4 {
			t.Fatalf("seed %d: %v", seed, got)
		}
	}
}

func TestDrawSpreadsAcrossChapters(t *testing.T) {
	in := drawIn(drawDeck(12, "a", "b", "c"))
	// Chapter a's notes weigh most; it still gets no second question
	// before b and c have one each.
	for _, id := range []string{"n00", "n03", "n06", "n09"} {
		in.bookmarks[id] = testNow
	}
	chapter := map[string]string{}
	for _, c := range in.notes {
		chapter[c.id] = c.chapter
	}
	for seed := range uint64(50) {
		got := drawQuestions(in, 5, seed)
		count := map[string]int{}
		for _, id := range got[:3] {
			count[chapter[id]]++
		}
		if count["a"] != 1 || count["b"] != 1 || count["c"] != 1 {
			t.Fatalf("seed %d: first three questions %v are not one per chapter", seed, got)
		}
		count = map[string]int{}
		for _, id := range got {
			count[chapter[id]]++
		}
		for ch, n := range count {
			if n > 2 {
				t.Fatalf("seed %d: chapter %s asked %d times of 5: %v", seed, ch, n, got)
			}
		}
	}
}

func TestDrawFavoursWeakNewAndBookmarked(t *testing.T) {
	sched := srs.NewScheduler()
	strong := srs.Card{State: srs.Review, Stability: 300, Difficulty: 3, Reps: 5,
		LastReview: testNow.AddDate(0, 0, -1), Due: testNow.AddDate(0, 0, 200)}
	weak := srs.Card{State: srs.Review, Stability: 0.5, Difficulty: 9, Reps: 5,
		LastReview: testNow.AddDate(-2, 0, 0), Due: testNow.AddDate(-2, 0, 1)}
	if sched.Retrievability(weak, testNow) > 0.5 || sched.Retrievability(strong, testNow) < 0.95 {
		t.Fatal("test cards are not weak and strong")
	}
	// Ten strong notes and one of each kind the draw favours: weak, new,
	// strong but bookmarked.
	notes := drawDeck(13, "a")
	in := drawIn(notes)
	for _, c := range notes {
		in.cards[c.id] = strong
	}
	in.cards["n10"] = weak
	delete(in.cards, "n11")
	in.bookmarks["n12"] = testNow
	hits := map[string]int{}
	const runs = 2000
	for seed := range uint64(runs) {
		hits[drawQuestions(in, 1, seed)[0]]++
	}
	// Expected shares: strong 1.0x, bookmarked 2x, new 3x, weak ≥ 3x.
	strongMean := 0
	for i := range 10 {
		strongMean += hits[fmt.Sprintf("n%02d", i)]
	}
	strongMean /= 10
	for id, least := range map[string]float64{"n10": 2.2, "n11": 2.2, "n12": 1.5} {
		if float64(hits[id]) < least*float64(strongMean) {
			t.Errorf("%s drawn %d times in %d, a strong note about %d", id, hits[id], runs, strongMean)
		}
	}
}

func TestDrawIsSeeded(t *testing.T) {
	in := drawIn(drawDeck(20, "a", "b", "c"))
	a, b := drawQuestions(in, 5, 42), drawQuestions(in, 5, 42)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different draws: %v, %v", a, b)
	}
	differ := false
	for seed := range uint64(10) {
		if !slices.Equal(a, drawQuestions(in, 5, seed+100)) {
			differ = true
		}
	}
	if !differ {
		t.Fatal("every seed draws the same questions")
	}
}
