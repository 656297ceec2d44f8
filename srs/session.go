package srs

import (
	"slices"
	"time"
)

// sessionHorizon bounds which graded learning cards come back in the same
// session: any intraday step (due less than a day ahead). A fixed horizon
// rather than "before the rollover" keeps a 10-minute step graded at 03:55
// in the session instead of dropping it at 04:00.
const sessionHorizon = 24 * time.Hour

// Session walks a study queue: it hands out cards, takes them back graded,
// brings learning steps back when they fall due, and undoes. It has no
// clock; every call that needs the time takes it. Not safe for concurrent use.
type Session struct {
	LearnAhead time.Duration // how early pending learning cards may show when nothing else is left

	queue   []string // main queue; queue[pos:] remain
	pos     int
	front   []string // cards put back by Undo, shown first (last undone on top)
	pending []pending
	seq     int
	done    int
	history []string // ids in grading order, for Undo
}

type pending struct {
	id  string
	due time.Time
	seq int // insertion order, breaks ties between equal due times
}

// Turn says what a session shows next.
type Turn struct {
	ID      string    // the card to show; empty when none
	Ahead   bool      // ID is a learning card shown before its due time (learn-ahead)
	Done    bool      // nothing to show now: the session is over
	NextDue time.Time // when Done, the earliest pending learning card's due time (zero if none)
}

// SessionCounts are a session's progress figures.
type SessionCounts struct {
	Remaining int // cards not yet shown from the queue (undone cards included)
	Learning  int // graded cards waiting for their next learning step
	Done      int // grades given so far, a learning card once per step (undone ones not counted)
}

// NewSession returns a session over ids, shown in that order, with the
// 20-minute learn-ahead.
func NewSession(ids []string) *Session {
	return &Session{LearnAhead: LearnAhead, queue: slices.Clone(ids)}
}

// Next returns what to show at now: an undone card first, then a learning
// card already due (earliest first), then the queue in order; when only
// pending learning cards remain, the earliest if it is due within
// LearnAhead; otherwise the session is Done and NextDue tells when the next
// pending card falls due.
func (s *Session) Next(now time.Time) Turn {
	if n := len(s.front); n > 0 {
		return Turn{ID: s.front[n-1]}
	}
	if len(s.pending) > 0 && !s.pending[0].due.After(now) {
		return Turn{ID: s.pending[0].id}
	}
	if s.pos < len(s.queue) {
		return Turn{ID: s.queue[s.pos]}
	}
	if len(s.pending) == 0 {
		return Turn{Done: true}
	}
	p := s.pending[0]
	if p.due.Sub(now) <= s.LearnAhead {
		return Turn{ID: p.id, Ahead: true}
	}
	return Turn{Done: true, NextDue: p.due}
}

// Current returns the card to show at now, as Next does; ok is false when
// the session is over.
func (s *Session) Current(now time.Time) (id string, ok bool) {
	t := s.Next(now)
	return t.ID, t.ID != ""
}

// Graded records that id was graded at now and became after. A card left in
// learning or relearning with a step due less than a day ahead comes back
// when that step falls due; any other card is finished for this session.
func (s *Session) Graded(id string, after Card, now time.Time) {
	s.remove(id)
	if isLearning(after.State) && after.Due.Sub(now) < sessionHorizon {
		s.addPending(id, after.Due)
	}
	s.history = append(s.history, id)
	s.done++
}

// Undo reverses the last Graded: the card becomes current again and its
// learning step is withdrawn from the session. The caller restores the
// card's stored schedule. It returns the card's id, or false with nothing to undo.
func (s *Session) Undo() (string, bool) {
	n := len(s.history)
	if n == 0 {
		return "", false
	}
	id := s.history[n-1]
	s.history = s.history[:n-1]
	// The card is current again: drop whatever later turns left of it.
	s.remove(id)
	s.front = append(s.front, id)
	s.done--
	return id, true
}

// Counts returns the session's progress figures.
func (s *Session) Counts() SessionCounts {
	return SessionCounts{
		Remaining: len(s.front) + len(s.queue) - s.pos,
		Learning:  len(s.pending),
		Done:      s.done,
	}
}

// remove takes id out of the front stack, the queue and the pending list,
// wherever the caller showed it from.
func (s *Session) remove(id string) {
	if i := slices.Index(s.front, id); i >= 0 {
		s.front = slices.Delete(s.front, i, i+1)
	}
	if s.pos < len(s.queue) && s.queue[s.pos] == id {
		s.pos++
	} else if i := slices.Index(s.queue[s.pos:], id); i >= 0 {
		s.queue = slices.Delete(s.queue, s.pos+i, s.pos+i+1)
	}
	s.pending = slices.DeleteFunc(s.pending, func(p pending) bool { return p.id == id })
}

// addPending inserts id in due order.
func (s *Session) addPending(id string, due time.Time) {
	s.seq++
	p := pending{id: id, due: due, seq: s.seq}
	i, _ := slices.BinarySearchFunc(s.pending, p, func(a, b pending) int {
		if c := a.due.Compare(b.due); c != 0 {
			return c
		}
		return a.seq - b.seq
	})
	s.pending = slices.Insert(s.pending, i, p)
}
