package tui

import (
	"errors"
	"slices"
	"testing"
	"time"

	"mianjing/srs"
	"mianjing/store"
)

// newGrader is a grader over three new notes, due mode, at testNow.
func newGrader(t *testing.T) (*grader, srs.Scheduler) {
	t.Helper()
	sched := srs.NewScheduler()
	in := srs.QueueInput{Deck: []string{"a", "b", "c"}, Cards: map[string]srs.Card{}, NewPerDay: 20,
		Now: testNow, Sched: sched}
	return &grader{sess: srs.BuildSession(in, srs.ScopeDue, 1), cards: map[string]srs.Card{}}, sched
}

// gradeNext grades the session's next card r and returns the review.
func gradeNext(t *testing.T, g *grader, sched srs.Scheduler, r srs.Rating, ticked []bool) store.Review {
	t.Helper()
	turn := g.sess.Next(testNow)
	if turn.ID == "" {
		t.Fatal("the session has no next card")
	}
	preview := sched.Preview(g.cards[turn.ID], testNow, turn.ID)
	rev := store.Review{NoteID: turn.ID, Time: testNow, Rating: r, Before: g.cards[turn.ID], After: preview[r-1]}
	g.grade(rev, ticked)
	return rev
}

func TestSuggestFromTicks(t *testing.T) {
	all6 := []bool{true, true, true, true, true, true}
	five := []bool{true, true, true, true, true, false}
	for _, c := range []struct {
		ticked []bool
		took   time.Duration
		want   srs.Rating
	}{
		{nil, 0, srs.Good},
		{[]bool{false, false}, 0, srs.Good}, // nothing ticked: Anki's habit
		{all6, 10 * time.Second, srs.Easy},
		{all6, fastRecall, srs.Easy},
		{all6, fastRecall + time.Second, srs.Good},
		{five, 0, srs.Good}, // 5 of 6
		{[]bool{true, true, true, false, false, false}, 0, srs.Hard},
		{[]bool{true, true, false, false}, 0, srs.Hard},
		{[]bool{true, false, false}, 0, srs.Again},
	} {
		if got := suggest(c.ticked, c.took); got != c.want {
			t.Errorf("suggest(%v, %v) = %v, want %v", c.ticked, c.took, got, c.want)
		}
	}
}

func TestGraderSavedAndUndone(t *testing.T) {
	g, sched := newGrader(t)
	ticks := []bool{true, false}
	rev := gradeNext(t, g, sched, srs.Easy, ticks)
	ticks[0] = false // the grader keeps its own copy
	if g.pending != 1 || len(g.history) != 1 || g.cards[rev.NoteID] != rev.After {
		t.Fatalf("after grading: pending %d, history %d, card %+v", g.pending, len(g.history), g.cards[rev.NoteID])
	}
	rev.Seq = 7
	if _, ok, stale := g.saved(rev, nil); !ok || stale {
		t.Fatalf("saved: ok %v stale %v", ok, stale)
	}
	if g.pending != 0 || g.savedCount() != 1 || g.history[0].review.Seq != 7 {
		t.Errorf("after the write: pending %d, saved %d, seq %d", g.pending, g.savedCount(), g.history[0].review.Seq)
	}
	g.undoStart()
	undone, odd := g.undone(rev, true)
	if odd || undone.review.NoteID != rev.NoteID || !slices.Equal(undone.ticked, []bool{true, false}) {
		t.Fatalf("undone = %+v, odd %v", undone, odd)
	}
	id, ok := g.putBack(rev.Before)
	if !ok || id != rev.NoteID || g.cards[id] != rev.Before || len(g.history) != 0 || g.pending != 0 {
		t.Errorf("putBack = %q %v; card %+v, history %d, pending %d", id, ok, g.cards[id], len(g.history), g.pending)
	}
	if next := g.sess.Next(testNow); next.ID != rev.NoteID {
		t.Errorf("after the undo the session shows %q, want %q again", next.ID, rev.NoteID)
	}
}

// A failed write gives the grade back to be put on screen again; it no
// longer counts.
func TestGraderFailedWrite(t *testing.T) {
	g, sched := newGrader(t)
	rev := gradeNext(t, g, sched, srs.Good, nil)
	failed, ok, stale := g.saved(rev, errors.New("disk full"))
	if ok || stale || failed.review.NoteID != rev.NoteID || len(g.history) != 0 || g.pending != 0 {
		t.Fatalf("saved(err) = %+v ok %v stale %v; history %d pending %d", failed, ok, stale, len(g.history), g.pending)
	}
	if id, ok := g.putBack(failed.review.Before); !ok || id != rev.NoteID || g.cards[id] != (srs.Card{}) {
		t.Errorf("putBack = %q %v, card %+v", id, ok, g.cards[id])
	}
}

// An undo the log does not match stops undoing: the history is dropped.
func TestGraderOddUndo(t *testing.T) {
	g, sched := newGrader(t)
	rev := gradeNext(t, g, sched, srs.Good, nil)
	rev.Seq = 3
	g.saved(rev, nil)
	other := rev
	other.Seq = 99
	g.undoStart()
	if _, odd := g.undone(other, true); !odd || g.history != nil || g.pending != 0 {
		t.Errorf("a mismatched undo: odd %v, history %v, pending %d", odd, g.history, g.pending)
	}
	g.undoStart()
	if _, odd := g.undone(store.Review{}, false); !odd {
		t.Error("an undo that found nothing is not reported")
	}
	// A write answered for another note than the newest is stale.
	g2, sched2 := newGrader(t)
	r2 := gradeNext(t, g2, sched2, srs.Good, nil)
	r2.NoteID = "zzz"
	if _, _, stale := g2.saved(r2, nil); !stale {
		t.Error("an answer for another note is not stale")
	}
}
