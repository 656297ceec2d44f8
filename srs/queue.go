package srs

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"time"
)

// Scope selects which notes a study queue holds.
type Scope int

// Study scopes. ScopeDue is the zero value, the default.
const (
	ScopeDue        Scope = iota // learning cards due now, reviews due today, then new cards
	ScopeBookmarked              // every bookmarked note, weakest first
	ScopeAll                     // every note, shuffled
	ScopeOne                     // the single note QueueInput.One
	ScopeListed                  // every note of the deck, in study priority
)

// QueueInput is everything a queue is built from, as plain values so srs
// needs no store.
type QueueInput struct {
	Deck      []string             // note ids in deck order
	Cards     map[string]Card      // schedule by note id; a missing id is a new card
	Bookmarks map[string]time.Time // bookmarked note ids and when they were bookmarked
	NewToday  int                  // new cards already started this study day
	NewPerDay int                  // daily limit of new cards
	Now       time.Time
	Sched     Scheduler // for Loc, RolloverHour and Retrievability
	One       string    // the note ScopeOne studies
}

// dayEnd is the start of the next study day.
func (in QueueInput) dayEnd() time.Time {
	return in.Sched.dueInDays(in.Now, 1)
}

// deck returns the deck ids without duplicates, in deck order.
func (in QueueInput) deck() []string {
	seen := make(map[string]struct{}, len(in.Deck))
	out := make([]string, 0, len(in.Deck))
	for _, id := range in.Deck {
		if _, dup := seen[id]; !dup {
			seen[id] = struct{}{}
			out = append(out, id)
		}
	}
	return out
}

func isLearning(st State) bool { return st == Learning || st == Relearning }

// queued is one candidate with its sort keys.
type queued struct {
	id  string
	pos int // deck position, the last tie-breaker
	due time.Time
	r   float64
}

// BuildQueue returns the note ids to study, in order.
//
// ScopeDue: learning and relearning cards due by now (earliest due first),
// then review cards due before the current study day ends (lowest
// retrievability first, then earliest due), then new cards in deck order up
// to NewPerDay − NewToday. ScopeBookmarked: every bookmarked note whatever
// its schedule, lowest retrievability first; new cards have no memory, count
// as R = 0 and so come first, in deck order. ScopeAll: every note, shuffled
// by seed. ScopeOne: In.One alone, if it is in the deck. ScopeListed: every
// note of the deck in study priority — learning and relearning cards due
// before the day ends (earliest first), review cards due today (lowest
// retrievability first), new cards in deck order (no daily limit: the
// learner listed them), then the rest, earliest due first. Ids outside the
// deck are ignored.
func BuildQueue(in QueueInput, scope Scope, seed int64) []string {
	deck := in.deck()
	switch scope {
	case ScopeBookmarked:
		var qs []queued
		for i, id := range deck {
			if _, ok := in.Bookmarks[id]; ok {
				c := in.Cards[id]
				qs = append(qs, queued{id: id, pos: i, r: in.Sched.Retrievability(c, in.Now)})
			}
		}
		slices.SortFunc(qs, func(a, b queued) int {
			return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.pos, b.pos))
		})
		return ids(qs)
	case ScopeAll:
		rng := rand.New(rand.NewPCG(uint64(seed), 0x6d69616e6a696e67)) // "mianjing"
		rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
		return deck
	case ScopeOne:
		if slices.Contains(deck, in.One) {
			return []string{in.One}
		}
		return nil
	case ScopeListed:
		return listedQueue(in, deck)
	}

	end := in.dayEnd()
	newLeft := max(0, in.NewPerDay-in.NewToday)
	var learn, review []queued
	var fresh []string
	for i, id := range deck {
		c, ok := in.Cards[id]
		switch {
		case !ok || c.State == New:
			if len(fresh) < newLeft {
				fresh = append(fresh, id)
			}
		case isLearning(c.State):
			if !c.Due.After(in.Now) {
				learn = append(learn, queued{id: id, pos: i, due: c.Due})
			}
		case c.Due.Before(end):
			review = append(review, queued{id: id, pos: i, due: c.Due, r: in.Sched.Retrievability(c, in.Now)})
		}
	}
	slices.SortFunc(learn, func(a, b queued) int {
		return cmp.Or(a.due.Compare(b.due), cmp.Compare(a.pos, b.pos))
	})
	slices.SortFunc(review, func(a, b queued) int {
		return cmp.Or(cmp.Compare(a.r, b.r), a.due.Compare(b.due), cmp.Compare(a.pos, b.pos))
	})
	out := make([]string, 0, len(learn)+len(review)+len(fresh))
	out = append(out, ids(learn)...)
	out = append(out, ids(review)...)
	return append(out, fresh...)
}

// listedQueue is BuildQueue's ScopeListed.
func listedQueue(in QueueInput, deck []string) []string {
	end := in.dayEnd()
	var learn, review, later []queued
	var fresh []string
	for i, id := range deck {
		c, ok := in.Cards[id]
		q := queued{id: id, pos: i, due: c.Due}
		switch {
		case !ok || c.State == New:
			fresh = append(fresh, id)
		case isLearning(c.State) && c.Due.Before(end):
			learn = append(learn, q)
		case c.Due.Before(end):
			q.r = in.Sched.Retrievability(c, in.Now)
			review = append(review, q)
		default:
			later = append(later, q)
		}
	}
	byDue := func(a, b queued) int { return cmp.Or(a.due.Compare(b.due), cmp.Compare(a.pos, b.pos)) }
	slices.SortFunc(learn, byDue)
	slices.SortFunc(review, func(a, b queued) int {
		return cmp.Or(cmp.Compare(a.r, b.r), a.due.Compare(b.due), cmp.Compare(a.pos, b.pos))
	})
	slices.SortFunc(later, byDue)
	out := append(ids(learn), ids(review)...)
	out = append(out, fresh...)
	return append(out, ids(later)...)
}

// TodayIDs returns the notes of in's deck that today's study holds, in deck
// order: learning and review cards due before the study day ends, and new
// cards in deck order up to NewPerDay − NewToday.
func TodayIDs(in QueueInput) []string {
	end := in.dayEnd()
	newLeft := max(0, in.NewPerDay-in.NewToday)
	var out []string
	for _, id := range in.deck() {
		c, ok := in.Cards[id]
		switch {
		case !ok || c.State == New:
			if newLeft > 0 {
				out = append(out, id)
				newLeft--
			}
		case c.Due.Before(end):
			out = append(out, id)
		}
	}
	return out
}

func ids(qs []queued) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.id
	}
	return out
}

// BuildSession returns a session over BuildQueue's ids. For ScopeDue it also
// holds the learning cards due later (within a day, see Session.Graded) as
// pending, so a step that falls due during the session comes up in it.
func BuildSession(in QueueInput, scope Scope, seed int64) *Session {
	q := BuildQueue(in, scope, seed)
	s := NewSession(q)
	if scope != ScopeDue {
		return s
	}
	inQueue := make(map[string]struct{}, len(q))
	for _, id := range q {
		inQueue[id] = struct{}{}
	}
	for _, id := range in.deck() {
		c, ok := in.Cards[id]
		if _, queued := inQueue[id]; queued || !ok || !isLearning(c.State) {
			continue
		}
		if c.Due.After(in.Now) && c.Due.Sub(in.Now) < sessionHorizon {
			s.addPending(id, c.Due)
		}
	}
	return s
}

// QueueCounts are the numbers the study header shows.
type QueueCounts struct {
	DueNow       int // learning and review cards whose due time has come
	DueToday     int // learning and review cards due before the study day ends (DueNow included)
	NewAvailable int // new cards the daily limit still lets in today
	Bookmarked   int // bookmarked notes in the deck
	Learning     int // cards in learning or relearning, whenever due
}

// Counts counts in's deck for the study header.
func Counts(in QueueInput) QueueCounts {
	var n QueueCounts
	end := in.dayEnd()
	newCards := 0
	for _, id := range in.deck() {
		if _, ok := in.Bookmarks[id]; ok {
			n.Bookmarked++
		}
		c, ok := in.Cards[id]
		if !ok || c.State == New {
			newCards++
			continue
		}
		if isLearning(c.State) {
			n.Learning++
		}
		if !c.Due.After(in.Now) {
			n.DueNow++
		}
		if c.Due.Before(end) {
			n.DueToday++
		}
	}
	n.NewAvailable = min(newCards, max(0, in.NewPerDay-in.NewToday))
	return n
}

// NextDue returns the earliest due time among the deck's scheduled (not new)
// cards, for "nothing due, next at …"; false when no card is scheduled. The
// time may already have passed if a card is due now.
func NextDue(in QueueInput) (time.Time, bool) {
	var best time.Time
	found := false
	for _, id := range in.Deck {
		c, ok := in.Cards[id]
		if !ok || c.State == New {
			continue
		}
		if !found || c.Due.Before(best) {
			best, found = c.Due, true
		}
	}
	return best, found
}
