package srs

import (
	"testing"
	"time"
)

func wantTurn(t *testing.T, s *Session, now time.Time, want Turn) {
	t.Helper()
	if got := s.Next(now); got != want {
		t.Fatalf("Next(%s) = %+v, want %+v", now.Format("15:04:05"), got, want)
	}
	id, ok := s.Current(now)
	if id != want.ID || ok != (want.ID != "") {
		t.Fatalf("Current(%s) = %q %v, want %q", now.Format("15:04:05"), id, ok, want.ID)
	}
}

func wantCounts(t *testing.T, s *Session, want SessionCounts) {
	t.Helper()
	if got := s.Counts(); got != want {
		t.Fatalf("Counts = %+v, want %+v", got, want)
	}
}

func learning(due time.Time) Card {
	return Card{State: Learning, Stability: 1, Difficulty: 5, Due: due}
}
func reviewed(due time.Time) Card { return Card{State: Review, Stability: 5, Difficulty: 5, Due: due} }

func TestSessionRequeueAndLearnAhead(t *testing.T) {
	t0 := time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC)
	mins := func(m float64) time.Time { return t0.Add(time.Duration(m * float64(time.Minute))) }
	s := NewSession([]string{"a", "b", "c"})
	wantCounts(t, s, SessionCounts{Remaining: 3})

	wantTurn(t, s, t0, Turn{ID: "a"})
	s.Graded("a", learning(mins(1)), t0) // Again: back in 1 minute
	wantCounts(t, s, SessionCounts{Remaining: 2, Learning: 1, Done: 1})

	wantTurn(t, s, mins(0.5), Turn{ID: "b"}) // a is not due yet: the queue goes on
	s.Graded("b", reviewed(t0.AddDate(0, 0, 3)), mins(0.5))

	wantTurn(t, s, mins(1), Turn{ID: "a"}) // a's step has come: before c
	s.Graded("a", reviewed(t0.AddDate(0, 0, 1)), mins(1))

	wantTurn(t, s, mins(1), Turn{ID: "c"})
	s.Graded("c", learning(mins(11)), mins(1))
	wantCounts(t, s, SessionCounts{Remaining: 0, Learning: 1, Done: 4})

	// Only c is left, 10 minutes away: shown early.
	wantTurn(t, s, mins(1), Turn{ID: "c", Ahead: true})
	s.Graded("c", learning(mins(1+30)), mins(1))

	// Now 30 minutes away, beyond the 20-minute learn-ahead: the session ends.
	wantTurn(t, s, mins(1), Turn{Done: true, NextDue: mins(31)})
	wantTurn(t, s, mins(11), Turn{ID: "c", Ahead: true}) // 20 minutes ahead exactly
	wantTurn(t, s, mins(31), Turn{ID: "c"})
	s.Graded("c", reviewed(t0.AddDate(0, 0, 2)), mins(31))
	wantTurn(t, s, mins(31), Turn{Done: true})
	wantCounts(t, s, SessionCounts{Done: 6})
}

// Learning cards come back in due order, ties in the order they were graded;
// a learning step a day or more away is not kept in the session.
func TestSessionPendingOrder(t *testing.T) {
	t0 := time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC)
	s := NewSession([]string{"a", "b", "c", "d"})
	s.Graded("a", learning(t0.Add(10*time.Minute)), t0)
	s.Graded("b", learning(t0.Add(5*time.Minute)), t0)
	s.Graded("c", learning(t0.Add(5*time.Minute)), t0)
	s.Graded("d", learning(t0.Add(24*time.Hour)), t0)
	wantCounts(t, s, SessionCounts{Learning: 3, Done: 4})
	at := t0.Add(time.Hour)
	for _, id := range []string{"b", "c", "a"} {
		wantTurn(t, s, at, Turn{ID: id})
		s.Graded(id, reviewed(at.AddDate(0, 0, 1)), at)
	}
	wantTurn(t, s, at, Turn{Done: true})
}

func TestSessionUndo(t *testing.T) {
	t0 := time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC)
	s := NewSession([]string{"a", "b"})
	if _, ok := s.Undo(); ok {
		t.Fatal("Undo with nothing graded succeeded")
	}
	s.Graded("a", learning(t0.Add(time.Minute)), t0)
	wantTurn(t, s, t0, Turn{ID: "b"})

	id, ok := s.Undo()
	if !ok || id != "a" {
		t.Fatalf("Undo = %q %v, want a", id, ok)
	}
	wantCounts(t, s, SessionCounts{Remaining: 2})
	// a is current again, even once its withdrawn step would have been due.
	wantTurn(t, s, t0.Add(5*time.Minute), Turn{ID: "a"})

	// Grade a twice (Again, then Good on its step), undo both.
	s.Graded("a", learning(t0.Add(time.Minute)), t0)
	s.Graded("a", reviewed(t0.AddDate(0, 0, 1)), t0.Add(time.Minute))
	wantCounts(t, s, SessionCounts{Remaining: 1, Done: 2})
	s.Undo()
	wantTurn(t, s, t0.Add(time.Minute), Turn{ID: "a"})
	wantCounts(t, s, SessionCounts{Remaining: 2, Done: 1})
	s.Undo()
	wantCounts(t, s, SessionCounts{Remaining: 2, Done: 0}) // a once, not twice
	wantTurn(t, s, t0, Turn{ID: "a"})
	s.Graded("a", reviewed(t0.AddDate(0, 0, 1)), t0)
	wantTurn(t, s, t0, Turn{ID: "b"})
	s.Graded("b", reviewed(t0.AddDate(0, 0, 1)), t0)
	wantTurn(t, s, t0, Turn{Done: true})
}

// A session from 03:50 to 04:10 in Berlin: the 10-minute step graded before
// the 04:00 rollover stays in the session. Graded again at 04:10 it is on
// the next study day, so the formulas see one elapsed day (as Anki and the
// references count it: S 2.3065 → 7.3153, 7 days, per the Python reference)
// and its days count from the new study day; graduated at 03:59 instead, it
// keeps S and gets 2 days from the old one.
func TestSessionAcrossRollover(t *testing.T) {
	loc := berlin(t)
	sch := testScheduler(loc, 4)
	at := func(h, m int) time.Time { return time.Date(2025, 1, 10, h, m, 0, 0, loc) }
	s := NewSession([]string{"n", "m"})

	c := sch.Review(Card{}, Good, at(3, 50), "n") // step 2: due 04:00
	s.Graded("n", c, at(3, 50))
	wantTurn(t, s, at(3, 51), Turn{ID: "m"})
	m := sch.Review(Card{}, Good, at(3, 51), "m") // due 04:01
	s.Graded("m", m, at(3, 51))

	wantTurn(t, s, at(3, 55), Turn{ID: "n", Ahead: true})
	wantTurn(t, s, at(4, 10), Turn{ID: "n"})
	c = sch.Review(c, Good, at(4, 10), "n")
	s.Graded("n", c, at(4, 10))
	if want := time.Date(2025, 1, 17, 4, 0, 0, 0, loc); !c.Due.Equal(want) || round4(c.Stability) != 7.3153 {
		t.Errorf("graduated at 04:10: S %.4f due %v, want 7.3153 and %v", c.Stability, c.Due, want)
	}
	wantTurn(t, s, at(4, 10), Turn{ID: "m"})
	if early := sch.Review(m, Good, at(3, 59), "m"); !early.Due.Equal(time.Date(2025, 1, 11, 4, 0, 0, 0, loc)) {
		t.Errorf("graduated at 03:59: due %v, want 2025-01-11 04:00", early.Due)
	}
}

// BuildSession keeps learning cards due later today as pending: once the
// due queue is done, l3 (due 10:15) is shown ahead at 10:00.
func TestBuildSessionPending(t *testing.T) {
	in := fixture(t)
	s := BuildSession(in, ScopeDue, 1)
	wantCounts(t, s, SessionCounts{Remaining: 7, Learning: 1})
	for {
		id, ok := s.Current(in.Now)
		if !ok {
			t.Fatal("session ended before l3 came up")
		}
		if id == "l3" {
			if !s.Next(in.Now).Ahead {
				t.Error("l3 shown at 10:00 without learn-ahead")
			}
			break
		}
		s.Graded(id, reviewed(in.Now.AddDate(0, 0, 1)), in.Now)
	}
	if s.Counts().Done != 7 {
		t.Errorf("l3 came up after %d cards, want all 7", s.Counts().Done)
	}
}
