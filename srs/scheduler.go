package srs

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"time"
)

// LearnAhead is how early a session shows a pending learning card when
// nothing else is left, as in Anki.
const LearnAhead = 20 * time.Minute

// Scheduler schedules cards with FSRS-6 plus the reference scheduler's
// learning-step rules. Its methods never read the clock: now is passed in.
type Scheduler struct {
	Params          Params
	Retention       float64         // desired retention, in (0, 1)
	MaxInterval     int             // longest review interval, in days
	LearningSteps   []time.Duration // steps of a new card before it graduates
	RelearningSteps []time.Duration // steps after a lapse
	Fuzz            bool            // spread review intervals of ≥ 2.5 days
	Loc             *time.Location  // where study days are counted; nil means time.Local
	RolloverHour    int             // local hour at which a study day starts
}

// NewScheduler returns the default scheduler: FSRS-6 defaults, retention 0.9,
// 100-year cap, steps 1m/10m and 10m, fuzz on, local time, day starts at 04:00.
func NewScheduler() Scheduler {
	return Scheduler{
		Params:          DefaultParams(),
		Retention:       0.9,
		MaxInterval:     36500,
		LearningSteps:   []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps: []time.Duration{10 * time.Minute},
		Fuzz:            true,
		Loc:             time.Local,
		RolloverHour:    4,
	}
}

// Validate reports the first setting a learner's config got wrong.
func (s Scheduler) Validate() error {
	if err := s.Params.Validate(); err != nil {
		return err
	}
	if !(s.Retention > 0 && s.Retention < 1) {
		return fmt.Errorf("srs: desired retention %v is outside (0, 1)", s.Retention)
	}
	if s.MaxInterval < 1 {
		return fmt.Errorf("srs: maximum interval %d days is below 1", s.MaxInterval)
	}
	if s.RolloverHour < 0 || s.RolloverHour > 23 {
		return fmt.Errorf("srs: rollover hour %d is outside 0–23", s.RolloverHour)
	}
	for i, d := range s.LearningSteps {
		if d <= 0 {
			return fmt.Errorf("srs: learning step %d (%v) is not positive", i+1, d)
		}
	}
	for i, d := range s.RelearningSteps {
		if d <= 0 {
			return fmt.Errorf("srs: relearning step %d (%v) is not positive", i+1, d)
		}
	}
	return nil
}

// ErrRating is returned by ParseRating for anything but 1–4.
var ErrRating = errors.New("srs: rating must be 1 (again) to 4 (easy)")

// ParseRating converts 1–4 to a Rating.
func ParseRating(n int) (Rating, error) {
	if n < int(Again) || n > int(Easy) {
		return 0, fmt.Errorf("%w, got %d", ErrRating, n)
	}
	return Rating(n), nil
}

func (s Scheduler) retention() float64 {
	if s.Retention > 0 && s.Retention < 1 {
		return s.Retention
	}
	return 0.9
}

func (s Scheduler) maxInterval() int {
	if s.MaxInterval >= 1 {
		return s.MaxInterval
	}
	return 36500
}

// elapsedDays counts whole study days from the card's last review to now.
func (s Scheduler) elapsedDays(c Card, now time.Time) int {
	if c.State == New || c.LastReview.IsZero() {
		return 0
	}
	return max(0, DayIndex(now, s.Loc, s.RolloverHour)-DayIndex(c.LastReview, s.Loc, s.RolloverHour))
}

// Retrievability returns the predicted probability of recalling c at now,
// with time counted in whole study days as the formulas count it. A new card
// has no memory and returns 0: callers that need to tell "new" from
// "forgotten" check c.State.
func (s Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New {
		return 0
	}
	c = s.sanitize(c)
	return s.Params.ForgettingCurve(float64(s.elapsedDays(c, now)), c.Stability)
}

// Preview returns the card each rating would produce, index rating−1.
// Each entry is exactly what Review returns for that rating.
func (s Scheduler) Preview(c Card, now time.Time, noteID string) [4]Card {
	var out [4]Card
	for r := Again; r <= Easy; r++ {
		out[r-1] = s.Review(c, r, now, noteID)
	}
	return out
}

// Review returns c after being graded r at now. Ratings outside 1–4 are
// clamped to Again or Easy (use ParseRating to reject them instead); a stored
// card with a non-finite or out-of-range memory is repaired rather than
// propagating NaN. noteID only seeds the fuzz, so Preview and Review agree.
func (s Scheduler) Review(c Card, r Rating, now time.Time, noteID string) Card {
	r = min(max(r, Again), Easy)
	c = s.sanitize(c)
	p := s.Params
	elapsed := s.elapsedDays(c, now)
	fz := fuzzFactor(noteID, now)

	next := c
	next.Reps++
	next.LastReview = now

	switch c.State {
	case New:
		next.Stability = p.initStability(r)
		next.Difficulty = p.initDifficulty(r)
		s.stepOrGraduate(&next, 0, r, now, elapsed, fz, s.LearningSteps, Learning)
	case Learning, Relearning:
		next.Stability, next.Difficulty = p.nextMemory(c.Stability, c.Difficulty, elapsed, r)
		steps := s.LearningSteps
		if c.State == Relearning {
			steps = s.RelearningSteps
		}
		s.stepOrGraduate(&next, c.Step, r, now, elapsed, fz, steps, c.State)
	default: // Review
		var stab [4]float64
		for g := Again; g <= Easy; g++ {
			stab[g-1], _ = p.nextMemory(c.Stability, c.Difficulty, elapsed, g)
		}
		_, next.Difficulty = p.nextMemory(c.Stability, c.Difficulty, elapsed, r)
		next.Stability = stab[r-1]
		if r == Again {
			next.Lapses++
			if len(s.RelearningSteps) > 0 {
				next.State, next.Step = Relearning, 0
				next.Due = now.Add(s.RelearningSteps[0])
			} else {
				s.graduate(&next, elapsed, fz)
			}
			break
		}
		ivl := s.reviewIntervals(stab, elapsed, fz)
		next.State, next.Step = Review, 0
		next.Due = s.dueInDays(now, ivl[r-2])
	}
	return next
}

// stepOrGraduate applies the learning-step rules of the reference
// schedulers (py-fsrs, go-fsrs v4, Anki): Again restarts at step 0; Hard
// repeats the current step, on the first step waiting the midpoint of the
// first two steps (1.5× a lone step), rounded up to a whole minute; Good
// moves to the next step or graduates after the last; Easy graduates.
func (s Scheduler) stepOrGraduate(next *Card, step int, r Rating, now time.Time, elapsed int, fz float64, steps []time.Duration, state State) {
	step = max(step, 0)
	if len(steps) == 0 || (step >= len(steps) && r != Again) || r == Easy {
		s.graduate(next, elapsed, fz)
		return
	}
	next.State = state
	switch r {
	case Again:
		next.Step = 0
		next.Due = now.Add(steps[0])
	case Hard:
		next.Step = step
		next.Due = now.Add(hardDelay(steps, step))
	case Good:
		if step+1 >= len(steps) {
			s.graduate(next, elapsed, fz)
			return
		}
		next.Step = step + 1
		next.Due = now.Add(steps[step+1])
	}
}

func hardDelay(steps []time.Duration, step int) time.Duration {
	if step > 0 {
		return steps[step]
	}
	var d time.Duration
	if len(steps) == 1 {
		d = steps[0] * 3 / 2
	} else {
		d = (steps[0] + steps[1]) / 2
	}
	if d >= time.Minute && d%time.Minute != 0 {
		d = d - d%time.Minute + time.Minute
	}
	return d
}

// graduate moves next to the review state with the interval its stability
// earns at the desired retention.
func (s Scheduler) graduate(next *Card, elapsed int, fz float64) {
	ivl := s.fuzz(s.interval(next.Stability), elapsed, fz)
	next.State, next.Step = Review, 0
	next.Due = s.dueInDays(next.LastReview, ivl)
}

// interval is the rounded interval in days, between 1 and MaxInterval.
func (s Scheduler) interval(stab float64) int {
	raw := s.Params.RawInterval(stab, s.retention())
	maxI := float64(s.maxInterval())
	if math.IsNaN(raw) {
		return 1
	}
	return int(min(max(math.Round(raw), 1), maxI))
}

// reviewIntervals returns the Hard, Good and Easy intervals of a review card,
// fuzzed, then ordered as fsrs-rs and go-fsrs v4 order them: Hard ≤ Good,
// Good ≥ Hard + 1, Easy ≥ Good + 1 (within MaxInterval).
func (s Scheduler) reviewIntervals(stab [4]float64, elapsed int, fz float64) [3]int {
	h := s.fuzz(s.interval(stab[Hard-1]), elapsed, fz)
	g := s.fuzz(s.interval(stab[Good-1]), elapsed, fz)
	e := s.fuzz(s.interval(stab[Easy-1]), elapsed, fz)
	h = min(h, g)
	g = max(g, h+1)
	e = max(e, g+1)
	m := s.maxInterval()
	return [3]int{min(h, m), min(g, m), min(e, m)}
}

// fuzz spreads an interval of ≥ 2.5 days over the FSRS fuzz range
// (±15% of the part in 2.5–7 d, ±10% in 7–20 d, ±5% beyond, plus 1 day),
// never below 2 days nor, when the interval exceeds the elapsed days,
// below elapsed + 1. fz in [0, 1) picks the point in the range.
func (s Scheduler) fuzz(ivl, elapsed int, fz float64) int {
	if !s.Fuzz || ivl < 3 {
		return ivl
	}
	x := float64(ivl)
	delta := 1.0
	for _, fr := range [...]struct{ start, end, factor float64 }{
		{2.5, 7, 0.15}, {7, 20, 0.1}, {20, math.Inf(1), 0.05},
	} {
		delta += fr.factor * max(min(x, fr.end)-fr.start, 0)
	}
	maxI := float64(s.maxInterval())
	x = min(x, maxI)
	lo := max(2, math.Round(x-delta))
	hi := min(math.Round(x+delta), maxI)
	if x > float64(elapsed) {
		lo = max(lo, float64(elapsed)+1)
	}
	lo = min(lo, hi)
	return int(math.Floor(fz*(hi-lo+1)) + lo)
}

// fuzzFactor derives a number in [0, 1) from the note and the review time,
// so a preview and the review saved a moment later pick the same fuzz.
func fuzzFactor(noteID string, now time.Time) float64 {
	h := fnv.New64a()
	h.Write([]byte(noteID))
	ms := uint64(now.UnixMilli())
	var b [8]byte
	for i := range b {
		b[i] = byte(ms >> (8 * i))
	}
	h.Write(b[:])
	x := h.Sum64()
	// splitmix64 finaliser: FNV's low bits alone are poorly mixed.
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}

// dueInDays returns the start (rollover hour, local) of the study day that
// lies days after the study day of t. AddDate-style date arithmetic keeps
// the hour fixed across DST changes.
func (s Scheduler) dueInDays(t time.Time, days int) time.Time {
	y, m, d := studyDate(t, s.Loc, s.RolloverHour)
	return time.Date(y, m, d+days, clampHour(s.RolloverHour), 0, 0, 0, orLocal(s.Loc))
}

// sanitize repairs a stored card whose numbers cannot be scheduled: an
// unknown state, a negative step, a non-finite stability or difficulty.
func (s Scheduler) sanitize(c Card) Card {
	if c.State < New || c.State > Relearning {
		if c.Stability > 0 {
			c.State = Review
		} else {
			c.State = New
		}
	}
	if c.Step < 0 {
		c.Step = 0
	}
	if c.State == New {
		return c
	}
	if math.IsNaN(c.Stability) || math.IsInf(c.Stability, 0) || c.Stability <= 0 {
		c.Stability = s.Params.initStability(Good)
	}
	c.Stability = clampStability(c.Stability)
	if math.IsNaN(c.Difficulty) || math.IsInf(c.Difficulty, 0) || c.Difficulty == 0 {
		c.Difficulty = s.Params.initDifficulty(Good)
	}
	c.Difficulty = clampDifficulty(c.Difficulty)
	return c
}

// IntervalLabel renders how long until due, as an answer button shows it:
// "<1m", "6m", "10m", "3h" for steps; "2d", "11d", "1.5mo", "1.2y" for
// review cards. A due time at a study day's start an hour or more ahead
// counts in study days, so "2 days" scheduled at 21:00 reads "2d", not "1d".
func (s Scheduler) IntervalLabel(now, due time.Time) string {
	d := due.Sub(now)
	switch {
	case d <= time.Minute:
		return "<1m"
	case d < time.Hour:
		return fmtInt(int((d+time.Minute/2)/time.Minute)) + "m"
	}
	if due.Equal(DayStart(due, s.Loc, s.RolloverHour)) {
		if days := DayIndex(due, s.Loc, s.RolloverHour) - DayIndex(now, s.Loc, s.RolloverHour); days >= 1 {
			return FormatDays(days)
		}
	}
	if d < 24*time.Hour {
		return fmtInt(int((d+time.Hour/2)/time.Hour)) + "h"
	}
	return FormatDays(int((d + 12*time.Hour) / (24 * time.Hour)))
}

func fmtInt(n int) string { return strconv.Itoa(n) }
