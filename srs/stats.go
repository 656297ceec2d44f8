package srs

import (
	"cmp"
	"slices"
	"time"
)

// Sizes of the windows Stats covers.
const (
	HeatmapWeeks      = 26               // weeks of daily review counts
	HeatmapDays       = HeatmapWeeks * 7 // length of Stats.Daily
	ForecastDays      = 14               // length of Stats.Forecast
	RetentionDays     = 30               // window of Stats.Retention
	WeekDays          = 7                // window of Stats.ReviewsWeek
	MasteredStability = 21.0             // stability (days) from which a review card counts as mastered
)

// epochWeekday is the weekday of day index 0, 1970-01-01.
const epochWeekday = time.Thursday

// ReviewEvent is one entry of the review log as statistics need it; the
// caller converts its stored reviews (store.Review) to these.
type ReviewEvent struct {
	NoteID      string
	Time        time.Time
	Rating      Rating
	StateBefore State // the card's state before this review
}

// StatsInput is everything ComputeStats reads, as plain values.
type StatsInput struct {
	Deck      []string             // note ids in deck order
	Cards     map[string]Card      // schedule by note id; a missing id is a new card
	Bookmarks map[string]time.Time // bookmarked note ids
	Events    []ReviewEvent        // the review log, oldest first
	Cram      []time.Time          // times of cram grades, which move no schedule
	Now       time.Time
	Sched     Scheduler // for Loc, RolloverHour and Retrievability
}

// NoteStats is one deck note's memory at Now.
type NoteStats struct {
	ID         string
	State      State
	R          float64 // retrievability now; 0 for a new card
	Stability  float64 // days; 0 for a new card
	Difficulty float64 // FSRS difficulty 1–10; 0 for a new card
	Lapses     int
	Reps       int
	Due        time.Time // zero for a new card
	Bookmarked bool
}

// Stats are the numbers of the progress screen and of "mianjing stats".
// Days are study days (DayIndex with the scheduler's location and
// rollover hour).
type Stats struct {
	// Empty is true when the review log is empty.
	Empty bool
	// Today is the DayIndex of Now.
	Today int
	// Daily holds the reviews of each of the last HeatmapDays study days;
	// the last entry is Today.
	Daily []int
	// CurrentStreak counts consecutive study days with a review ending
	// today, or ending yesterday when nothing was reviewed yet today.
	CurrentStreak int
	// LongestStreak is the longest such run in the whole log.
	LongestStreak int
	// StudyDays counts the distinct study days with a review.
	StudyDays int
	// Forecast counts the deck's scheduled cards falling due on each of
	// the next ForecastDays study days; [0] is today and includes overdue
	// cards.
	Forecast []int
	// Notes holds each deck note, in deck order.
	Notes []NoteStats
	// New, Learning (learning and relearning), Review (review cards with
	// stability below MasteredStability) and Mastered (review cards at or
	// above it) partition the deck.
	New, Learning, Review, Mastered int
	// ReviewsToday, ReviewsWeek (the last WeekDays study days, today
	// included) and ReviewsTotal count log entries.
	ReviewsToday, ReviewsWeek, ReviewsTotal int
	// CramToday and CramTotal count cram grades apart: they are in no
	// other count, since they move no schedule.
	CramToday, CramTotal int
	// RetentionReviews counts the reviews of the last RetentionDays study
	// days whose card was in the review state; RetentionPasses those
	// graded Hard or better. Retention is their ratio, 0 without reviews.
	RetentionReviews, RetentionPasses int
	Retention                         float64
}

// ComputeStats computes in's statistics. Events after the current study day
// (a clock set back) count in ReviewsTotal only. Events need not be sorted,
// but sorted input is the fast path.
func ComputeStats(in StatsInput) Stats {
	loc, roll := in.Sched.Loc, in.Sched.RolloverHour
	today := DayIndex(in.Now, loc, roll)
	st := Stats{
		Empty:        len(in.Events) == 0,
		Today:        today,
		Daily:        make([]int, HeatmapDays),
		Forecast:     make([]int, ForecastDays),
		ReviewsTotal: len(in.Events),
	}
	st.CramTotal = len(in.Cram)
	for _, t := range in.Cram {
		if DayIndex(t, loc, roll) == today {
			st.CramToday++
		}
	}
	first := today - HeatmapDays + 1
	var days []int // distinct days with reviews, up to today
	sorted := true
	var dc dayCache
	dc.init(loc, roll)
	for _, e := range in.Events {
		d := dc.index(e.Time)
		if d > today {
			continue
		}
		if n := len(days); n == 0 || days[n-1] != d {
			if n > 0 && d < days[n-1] {
				sorted = false
			}
			days = append(days, d)
		}
		if d >= first {
			st.Daily[d-first]++
		}
		if d > today-WeekDays {
			st.ReviewsWeek++
		}
		if d > today-RetentionDays && e.StateBefore == Review && e.Rating >= Again && e.Rating <= Easy {
			st.RetentionReviews++
			if e.Rating >= Hard {
				st.RetentionPasses++
			}
		}
	}
	st.ReviewsToday = st.Daily[HeatmapDays-1]
	if st.RetentionReviews > 0 {
		st.Retention = float64(st.RetentionPasses) / float64(st.RetentionReviews)
	}
	if !sorted {
		slices.Sort(days)
		days = slices.Compact(days)
	}
	st.StudyDays = len(days)
	st.CurrentStreak, st.LongestStreak = streaks(days, today)

	ids := QueueInput{Deck: in.Deck}.deck()
	st.Notes = make([]NoteStats, 0, len(ids))
	for _, id := range ids {
		c, ok := in.Cards[id]
		_, marked := in.Bookmarks[id]
		ns := NoteStats{ID: id, Bookmarked: marked}
		if !ok || c.State == New {
			st.New++
			st.Notes = append(st.Notes, ns)
			continue
		}
		ns.State, ns.Stability, ns.Difficulty = c.State, c.Stability, c.Difficulty
		ns.Lapses, ns.Reps, ns.Due = c.Lapses, c.Reps, c.Due
		ns.R = in.Sched.Retrievability(c, in.Now)
		st.Notes = append(st.Notes, ns)
		switch {
		case isLearning(c.State):
			st.Learning++
		case c.Stability >= MasteredStability:
			st.Mastered++
		default:
			st.Review++ // an unknown state counts as review, as sanitize treats it
		}
		if d := max(0, dc.index(c.Due)-today); d < ForecastDays {
			st.Forecast[d]++
		}
	}
	return st
}

// streaks returns the current and longest runs of consecutive days in
// days (sorted, distinct, none after today).
func streaks(days []int, today int) (current, longest int) {
	run := 0
	for i, d := range days {
		if i > 0 && d == days[i-1]+1 {
			run++
		} else {
			run = 1
		}
		longest = max(longest, run)
	}
	if n := len(days); n > 0 && days[n-1] >= today-1 {
		current = run
	}
	return current, longest
}

// dayCache computes DayIndex, remembering the bounds of the last study day
// it found: a sorted log mostly hits the same day again.
type dayCache struct {
	loc        *time.Location
	roll       int
	start, end time.Time // [start, end) is study day idx
	idx        int
}

func (c *dayCache) init(loc *time.Location, roll int) {
	c.loc, c.roll = orLocal(loc), roll
}

func (c *dayCache) index(t time.Time) int {
	if !c.start.IsZero() && !t.Before(c.start) && t.Before(c.end) {
		return c.idx
	}
	y, m, d := studyDate(t, c.loc, c.roll)
	c.idx = DayIndex(t, c.loc, c.roll)
	h := clampHour(c.roll)
	start := time.Date(y, m, d, h, 0, 0, 0, c.loc)
	end := time.Date(y, m, d+1, h, 0, 0, 0, c.loc)
	// Around a DST change the rollover hour may not exist and time.Date
	// may move it; cache only a range that really holds t.
	if !t.Before(start) && t.Before(end) && DayIndex(start, c.loc, c.roll) == c.idx &&
		DayIndex(end.Add(-time.Nanosecond), c.loc, c.roll) == c.idx {
		c.start, c.end = start, end
	} else {
		c.start, c.end = time.Time{}, time.Time{}
	}
	return c.idx
}

// Weekday returns the weekday of the study day with index day.
func Weekday(day int) time.Weekday {
	return time.Weekday(((day%7+7)%7 + int(epochWeekday)) % 7)
}

// DayDate returns the calendar date of the study day with index day, as
// midnight UTC.
func DayDate(day int) time.Time {
	return time.Unix(int64(day)*86400, 0).UTC()
}

// WeakestFirst orders notes for "weakest first": reviewed notes by
// retrievability, lowest first, ties by stability (lowest first), then by
// due date (earliest first); new notes last. Equal notes keep their order,
// with a stable sort.
func WeakestFirst(a, b NoteStats) int {
	if an, bn := a.State == New, b.State == New; an != bn {
		if an {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(a.R, b.R); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Stability, b.Stability); c != 0 {
		return c
	}
	return a.Due.Compare(b.Due)
}
