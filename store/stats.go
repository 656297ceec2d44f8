package store

import (
	"slices"
	"time"

	"mianjing/srs"
)

// Scheduler returns the scheduler s asks for, counting study days in loc:
// the FSRS weights (Params), the rollover hour and, when it is valid, the
// desired retention.
func (s Settings) Scheduler(loc *time.Location) srs.Scheduler {
	sched := srs.NewScheduler()
	sched.Params = s.Params()
	sched.Loc = loc
	sched.RolloverHour = s.RolloverHour
	if s.Retention > 0 && s.Retention < 1 {
		sched.Retention = s.Retention
	}
	return sched
}

// StatsInput reads from st everything srs.ComputeStats needs for the deck
// (note ids in deck order) at now: cards, bookmarks, the settings'
// scheduler with study days counted in now's zone, and the whole review
// log in its brief form, which decodes several times faster than
// ForEachReview. Cram grades and resets are left out of Events: they did
// not move the schedule (count them with ReviewBrief.Scheduled). The TUI's stats screen and "mianjing stats" share it so
// they cannot count differently.
func StatsInput(st Store, deck []string, now time.Time) (srs.StatsInput, error) {
	cards, err := st.Cards()
	if err != nil {
		return srs.StatsInput{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return srs.StatsInput{}, err
	}
	in := srs.StatsInput{Deck: slices.Clone(deck), Cards: cards, Bookmarks: st.Bookmarks(),
		Now: now, Sched: settings.Scheduler(now.Location())}
	if n, err := st.ReviewCount(); err == nil {
		in.Events = make([]srs.ReviewEvent, 0, n)
	}
	err = st.ForEachReviewBrief(func(rv ReviewBrief) error {
		if rv.Mode == ModeCram {
			in.Cram = append(in.Cram, rv.Time)
		}
		if !rv.Scheduled() {
			return nil
		}
		in.Events = append(in.Events, srs.ReviewEvent{NoteID: rv.NoteID, Time: rv.Time, Rating: rv.Rating, StateBefore: rv.State})
		return nil
	})
	return in, err
}
