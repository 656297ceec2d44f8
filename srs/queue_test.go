package srs

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// fixture is a small deck at 10:00 Berlin on 10 January 2025.
func fixture(t *testing.T) QueueInput {
	loc := berlin(t)
	s := testScheduler(loc, 4)
	now := time.Date(2025, 1, 10, 10, 0, 0, 0, loc)
	at := func(d, h, m int) time.Time { return time.Date(2025, 1, d, h, m, 0, 0, loc) }
	return QueueInput{
		Deck: []string{"n1", "r1", "l1", "n2", "r2", "l2", "r3", "n3", "l3", "r4", "n4", "n5", "r1"},
		Cards: map[string]Card{
			"l1": {State: Learning, Stability: 2, Difficulty: 5, Due: at(10, 9, 50), LastReview: at(10, 9, 40)},
			"l2": {State: Relearning, Stability: 3, Difficulty: 6, Due: at(10, 9, 40), LastReview: at(10, 9, 30)},
			"l3": {State: Learning, Stability: 2, Difficulty: 5, Due: at(10, 10, 15), LastReview: at(10, 10, 5)},
			// R(10 d, S 10) = R(100 d, S 100) = 0.9: the tie goes to the earlier due.
			"r1": {State: Review, Stability: 10, Difficulty: 5, Due: at(9, 4, 0), LastReview: at(0, 12, 0)},
			"r4": {State: Review, Stability: 100, Difficulty: 5, Due: at(10, 4, 0), LastReview: at(10, 12, 0).AddDate(0, 0, -100)},
			"r2": {State: Review, Stability: 2, Difficulty: 5, Due: at(10, 4, 0), LastReview: at(7, 12, 0)}, // R ≈ 0.87
			"r3": {State: Review, Stability: 5, Difficulty: 5, Due: at(11, 4, 0), LastReview: at(6, 12, 0)}, // tomorrow
			"n1": {}, "n2": {State: New}, "n4": {}, "n5": {},                                                // n3 has no card at all
			"gone": {State: Review, Stability: 1, Difficulty: 5, Due: at(1, 4, 0), LastReview: at(1, 4, 0)}, // not in the deck
		},
		Bookmarks: map[string]time.Time{"r3": now, "n4": now, "r2": now, "l3": now, "gone": now},
		NewToday:  1,
		NewPerDay: 3,
		Now:       now,
		Sched:     s,
	}
}

func TestBuildQueueDue(t *testing.T) {
	in := fixture(t)
	got := BuildQueue(in, ScopeDue, 1)
	want := []string{"l2", "l1", "r2", "r1", "r4", "n1", "n2"}
	if !slices.Equal(got, want) {
		t.Fatalf("due queue %v, want %v", got, want)
	}
	// The daily limit counts what was started today.
	in.NewToday = 3
	if got := BuildQueue(in, ScopeDue, 1); slices.ContainsFunc(got, func(id string) bool { return id[0] == 'n' }) {
		t.Errorf("limit reached, yet new cards queued: %v", got)
	}
	in.NewToday, in.NewPerDay = 0, 10
	if got := BuildQueue(in, ScopeDue, 1); !slices.Equal(got[len(got)-5:], []string{"n1", "n2", "n3", "n4", "n5"}) {
		t.Errorf("new cards not in deck order: %v", got)
	}
}

// Before the rollover hour it is still the previous study day: a review due
// at 04:00 today is not due yet at 03:30.
func TestBuildQueueBeforeRollover(t *testing.T) {
	in := fixture(t)
	in.Now = time.Date(2025, 1, 10, 3, 30, 0, 0, in.Sched.Loc)
	in.NewPerDay = 0
	got := BuildQueue(in, ScopeDue, 1)
	if want := []string{"r1"}; !slices.Equal(got, want) {
		t.Errorf("at 03:30: %v, want %v", got, want)
	}
	in.Now = time.Date(2025, 1, 10, 4, 0, 0, 0, in.Sched.Loc)
	got = BuildQueue(in, ScopeDue, 1)
	if want := []string{"r2", "r1", "r4"}; !slices.Equal(got, want) {
		t.Errorf("at 04:00: %v, want %v", got, want)
	}
}

func TestBuildQueueBookmarked(t *testing.T) {
	in := fixture(t)
	got := BuildQueue(in, ScopeBookmarked, 1)
	// n4 new (R = 0), r2 R≈0.870, r3 R≈0.915, l3 reviewed today R = 1.
	if want := []string{"n4", "r2", "r3", "l3"}; !slices.Equal(got, want) {
		t.Errorf("bookmarked queue %v, want %v", got, want)
	}
}

func TestBuildQueueAll(t *testing.T) {
	in := fixture(t)
	a := BuildQueue(in, ScopeAll, 42)
	b := BuildQueue(in, ScopeAll, 42)
	c := BuildQueue(in, ScopeAll, 43)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, different order: %v vs %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("seeds 42 and 43 gave the same order %v", a)
	}
	sorted := slices.Sorted(slices.Values(a))
	if want := []string{"l1", "l2", "l3", "n1", "n2", "n3", "n4", "n5", "r1", "r2", "r3", "r4"}; !slices.Equal(sorted, want) {
		t.Errorf("ScopeAll holds %v, want every deck note once", sorted)
	}
	if in.Deck[0] != "n1" || in.Deck[12] != "r1" {
		t.Errorf("BuildQueue shuffled the caller's deck: %v", in.Deck)
	}
}

func TestBuildQueueOne(t *testing.T) {
	in := fixture(t)
	in.One = "r3"
	if got := BuildQueue(in, ScopeOne, 1); !slices.Equal(got, []string{"r3"}) {
		t.Errorf("ScopeOne r3: %v", got)
	}
	in.One = "gone"
	if got := BuildQueue(in, ScopeOne, 1); len(got) != 0 {
		t.Errorf("ScopeOne outside the deck: %v", got)
	}
}

func TestCountsAndNextDue(t *testing.T) {
	in := fixture(t)
	got := Counts(in)
	want := QueueCounts{DueNow: 5, DueToday: 6, NewAvailable: 2, Bookmarked: 4, Learning: 3}
	if got != want {
		t.Errorf("Counts = %+v, want %+v", got, want)
	}
	nd, ok := NextDue(in)
	if !ok || !nd.Equal(in.Cards["r1"].Due) {
		t.Errorf("NextDue = %v %v, want r1's due %v", nd, ok, in.Cards["r1"].Due)
	}
	// With everything done for today, NextDue points at tomorrow's review.
	in.Deck = []string{"r3", "n1"}
	if nd, ok := NextDue(in); !ok || !nd.Equal(in.Cards["r3"].Due) {
		t.Errorf("NextDue = %v %v, want %v", nd, ok, in.Cards["r3"].Due)
	}
	in.Deck = []string{"n1"}
	if _, ok := NextDue(in); ok {
		t.Error("NextDue found a due time among new cards only")
	}
}

// BenchmarkBuildQueue10k builds the due queue of 10,000 cards: a quarter
// new, a tenth learning, the rest reviews due over the past and next weeks.
func BenchmarkBuildQueue10k(b *testing.B) {
	s := testScheduler(time.UTC, 4)
	now := time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC)
	in := QueueInput{Cards: map[string]Card{}, Bookmarks: map[string]time.Time{}, NewPerDay: 20, Now: now, Sched: s}
	for i := range 10000 {
		id := fmt.Sprintf("note-%05d", i)
		in.Deck = append(in.Deck, id)
		switch {
		case i%4 == 0: // new
		case i%10 == 1:
			in.Cards[id] = Card{State: Learning, Stability: 1, Difficulty: 5, Due: now.Add(time.Duration(i%40-20) * time.Minute), LastReview: now}
		default:
			st := float64(1 + i%300)
			in.Cards[id] = Card{State: Review, Stability: st, Difficulty: 5, Due: now.AddDate(0, 0, i%15-7), LastReview: now.AddDate(0, 0, i%15-7-int(st))}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		BuildQueue(in, ScopeDue, 1)
	}
}

// ScopeListed orders every note: learning due today, reviews due today
// weakest first, new cards in deck order, then later reviews by due date.
func TestListedQueue(t *testing.T) {
	sched := NewScheduler()
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC)
	cards := map[string]Card{
		"later":  {State: Review, Stability: 30, Due: now.Add(72 * time.Hour), LastReview: now.Add(-24 * time.Hour)},
		"learn":  {State: Learning, Due: now.Add(time.Hour), LastReview: now},
		"weak":   {State: Review, Stability: 1, Due: now.Add(-48 * time.Hour), LastReview: now.Add(-96 * time.Hour)},
		"strong": {State: Review, Stability: 50, Due: now.Add(-time.Hour), LastReview: now.Add(-24 * time.Hour)},
		"soon":   {State: Review, Stability: 30, Due: now.Add(24 * time.Hour), LastReview: now.Add(-24 * time.Hour)},
	}
	in := QueueInput{Deck: []string{"later", "new1", "learn", "weak", "new2", "strong", "soon"},
		Cards: cards, NewPerDay: 1, Now: now, Sched: sched}
	got := BuildQueue(in, ScopeListed, 1)
	want := []string{"learn", "weak", "strong", "new1", "new2", "soon", "later"}
	if !slices.Equal(got, want) {
		t.Errorf("listed = %q, want %q", got, want)
	}
	today := TodayIDs(in)
	if want := []string{"new1", "learn", "weak", "strong"}; !slices.Equal(today, want) {
		t.Errorf("TodayIDs = %q, want %q (one new card a day)", today, want)
	}
}
