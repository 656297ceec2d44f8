package tui

import (
	"slices"
	"time"

	"mianjing/srs"
	"mianjing/store"
)

// gradedCard is one grade given in this session, saved or on its way.
type gradedCard struct {
	review store.Review // Seq is set once saved
	saved  bool
	ticked []bool
}

// grader is the self-test's bookkeeping of grades and undos, with no
// Bubble Tea in it: the session queue, the cards as graded so far, the
// grades given, and how many store writes are in flight. Grades are saved
// in order, one write at a time, so a failed write is always the newest
// grade and can be put back.
type grader struct {
	sess    *srs.Session
	cards   map[string]srs.Card // loaded, then updated by every grade
	history []gradedCard
	pending int // review writes in flight: 0 or 1
}

// fastRecall is the longest time from question to reveal that still counts
// as fast recall: with every point ticked, such a card is suggested Easy.
const fastRecall = 30 * time.Second

// suggest is the grade space and enter give. With nothing ticked it is Good
// (Anki's habit: the learner who does not tick is not failed); otherwise it
// follows the share of points ticked: all of them Easy when the reveal came
// within fastRecall, else Good; at least 80% (5 of 6) Good; at least half
// Hard; fewer Again. A note without points is Good.
func suggest(ticked []bool, took time.Duration) srs.Rating {
	n, t := len(ticked), countTicked(ticked)
	switch {
	case t == 0:
		return srs.Good
	case t == n && took <= fastRecall:
		return srs.Easy
	case 5*t >= 4*n:
		return srs.Good
	case 2*t >= n:
		return srs.Hard
	default:
		return srs.Again
	}
}

// countTicked is how many points are ticked.
func countTicked(ticked []bool) int {
	n := 0
	for _, t := range ticked {
		if t {
			n++
		}
	}
	return n
}

// grade records rev (its After is the card's new state) as given: the
// session moves on and a write is in flight.
func (g *grader) grade(rev store.Review, ticked []bool) {
	g.sess.Graded(rev.NoteID, rev.After, rev.Time)
	g.cards[rev.NoteID] = rev.After
	g.history = append(g.history, gradedCard{review: rev, ticked: slices.Clone(ticked)})
	g.pending++
}

// saved takes the store's answer to the newest grade's write. On success
// it returns ok; on failure it drops the grade and returns it, to be put
// back on screen. stale is set when the answer is not for the newest grade,
// which in-order writes rule out.
func (g *grader) saved(rev store.Review, err error) (failed gradedCard, ok, stale bool) {
	g.pending--
	i := len(g.history) - 1
	if i < 0 || g.history[i].review.NoteID != rev.NoteID {
		return gradedCard{}, false, true
	}
	if err == nil {
		g.history[i].review.Seq = rev.Seq
		g.history[i].saved = true
		return gradedCard{}, true, false
	}
	failed = g.history[i]
	g.history = g.history[:i]
	return failed, false, false
}

// undoStart counts the undo's write as in flight.
func (g *grader) undoStart() { g.pending++ }

// undone takes the store's answer to an undo that removed rev (found is
// false when the log had nothing to undo). It returns the grade undone; odd
// is set, and the history forgotten so that nothing more is undone, when
// the log and the session disagree.
func (g *grader) undone(rev store.Review, found bool) (undone gradedCard, odd bool) {
	g.pending--
	i := len(g.history) - 1
	if !found || i < 0 || rev.Seq != g.history[i].review.Seq || rev.NoteID != g.history[i].review.NoteID {
		g.history = nil
		return gradedCard{}, true
	}
	undone = g.history[i]
	g.history = g.history[:i]
	return undone, false
}

// putBack returns the newest graded card to the session's front with its
// state before the grade; ok is false when the session has nothing to put
// back.
func (g *grader) putBack(before srs.Card) (id string, ok bool) {
	id, ok = g.sess.Undo()
	if ok {
		g.cards[id] = before
	}
	return id, ok
}

// savedCount is how many grades are in the store.
func (g *grader) savedCount() int {
	n := 0
	for _, h := range g.history {
		if h.saved {
			n++
		}
	}
	return n
}
