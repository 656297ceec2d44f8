package store

import (
	"strings"
	"time"
	"unicode/utf8"

	"mianjing/srs"
)

// maxIDLen bounds note ids; bbolt keys may not exceed 32 KiB and a real id
// is a short slug.
const maxIDLen = 512

// Ranges every stored value is checked against, on the way in and on the
// way out. Stability and difficulty follow srs's own clamps; difficulty 0
// is a card never graded.
const (
	maxStability  = 36500.0
	minDifficulty = 1.0
	maxDifficulty = 10.0
	minRetention  = 0.7
	maxRetention  = 0.99
	// clockSkew is how far ahead of the clock a review may be dated, on
	// record or import: a backup from a machine whose clock runs ahead
	// is fine, one dated years ahead would keep its cards out of study.
	clockSkew = 24 * time.Hour
)

// minTime is the earliest time any stored value may hold: mianjing did not
// exist before, and a time near 0 is a lost clock.
var minTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Validate reports whether s can be stored: Lang "", "zh" or "en",
// NewPerDay ≥ 0, Retention 0.7–0.99 (the scheduler's sensible range),
// RolloverHour 0–23, Weights empty or 21 numbers each within the range
// the FSRS optimizers allow (srs.Params.Validate), InterviewQuestions
// 1–20, InterviewSeconds 30–1800, Theme "auto", "light" or "dark".
func (s Settings) Validate() error {
	switch {
	case s.Lang != "" && s.Lang != "zh" && s.Lang != "en":
		return invalidf("settings: lang %q is not one of \"\", \"zh\", \"en\"", s.Lang)
	case s.NewPerDay < 0:
		return invalidf("settings: new_per_day %d is negative", s.NewPerDay)
	case !(s.Retention >= minRetention && s.Retention <= maxRetention): // NaN too
		return invalidf("settings: retention %v is not between %v and %v", s.Retention, minRetention, maxRetention)
	case s.RolloverHour < 0 || s.RolloverHour > 23:
		return invalidf("settings: rollover_hour %d is not 0–23", s.RolloverHour)
	case s.InterviewQuestions < MinInterviewQuestions || s.InterviewQuestions > MaxInterviewQuestions:
		return invalidf("settings: interview_questions %d is not %d–%d", s.InterviewQuestions, MinInterviewQuestions, MaxInterviewQuestions)
	case s.InterviewSeconds < MinInterviewSeconds || s.InterviewSeconds > MaxInterviewSeconds:
		return invalidf("settings: interview_seconds %d is not %d–%d", s.InterviewSeconds, MinInterviewSeconds, MaxInterviewSeconds)
	case s.Theme != "auto" && s.Theme != "light" && s.Theme != "dark":
		return invalidf("settings: theme %q is not one of \"auto\", \"light\", \"dark\"", s.Theme)
	}
	if len(s.Weights) == 0 {
		return nil
	}
	if len(s.Weights) != len(srs.Params{}) {
		return invalidf("settings: weights holds %d numbers, want %d (FSRS-6 w0…w20)", len(s.Weights), len(srs.Params{}))
	}
	if err := srs.Params(s.Weights).Validate(); err != nil {
		return invalidf("settings: weights: %s", strings.TrimPrefix(err.Error(), "srs: "))
	}
	return nil
}

func validateID(id string) error {
	switch {
	case id == "":
		return invalidf("empty note id")
	case len(id) > maxIDLen:
		return invalidf("note id longer than %d bytes", maxIDLen)
	case !utf8.ValidString(id):
		return invalidf("note id %q is not valid UTF-8", id)
	}
	return nil
}

// fmtTime shows a time in messages as backups write it.
func fmtTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// validateTime accepts the zero time (unset) or a time from 2000 to the
// end of year 9999, the last RFC 3339 can write in a backup.
func validateTime(what string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if t.Before(minTime) || t.Year() > 9999 {
		return invalidf("%s %s is out of range (2000–9999)", what, fmtTime(t))
	}
	return nil
}

// notAhead refuses a time later than now plus clockSkew.
func notAhead(what string, t, now time.Time) error {
	if t.After(now.Add(clockSkew)) {
		return invalidf("%s %s is more than a day ahead of the clock (now %s)", what, fmtTime(t), fmtTime(now.Truncate(time.Second)))
	}
	return nil
}

// validateBookmarkTime checks the time a bookmark is set at as import
// checks a backup's.
func validateBookmarkTime(t time.Time) error { return validateMarkTime("bookmark time", t) }

// validateMarkTime checks the time of a bookmark or suspension (what).
func validateMarkTime(what string, t time.Time) error {
	if t.IsZero() {
		return invalidf("%s not set", what)
	}
	if err := validateTime(what, t); err != nil {
		return err
	}
	return notAhead(what, t, time.Now())
}

// validateCard checks c's ranges; what, when not empty, prefixes the
// message.
func validateCard(what string, c srs.Card) error {
	if what != "" {
		what += ": "
	}
	switch {
	case c.State < srs.New || c.State > srs.Relearning:
		return invalidf("%sstate %d is not 0–3", what, c.State)
	case !(c.Stability >= 0 && c.Stability <= maxStability): // NaN too
		return invalidf("%sstability %v is not between 0 and %v", what, c.Stability, maxStability)
	case c.Difficulty != 0 && !(c.Difficulty >= minDifficulty && c.Difficulty <= maxDifficulty):
		return invalidf("%sdifficulty %v is not %v–%v (or 0, unset)", what, c.Difficulty, minDifficulty, maxDifficulty)
	case c.Step < 0 || c.Reps < 0 || c.Lapses < 0:
		return invalidf("%snegative step, reps or lapses", what)
	}
	if err := validateTime(what+"due", c.Due); err != nil {
		return err
	}
	return validateTime(what+"last_review", c.LastReview)
}

func validMode(m Mode) bool {
	switch m {
	case "", ModeDue, ModeBookmarked, ModeAll, ModeOne, ModeCram, ModeReset, ModeInterview:
		return true
	}
	return false
}

// validateBrief checks the fields a ReviewBrief holds; validateReview
// checks them through it, so a brief read and a full read of one entry
// agree on those fields.
func validateBrief(r ReviewBrief) error {
	if err := validateID(r.NoteID); err != nil {
		return err
	}
	switch {
	case r.Mode == ModeReset && r.Rating != 0:
		return invalidf("note %s: a reset has rating %d, want 0", r.NoteID, r.Rating)
	case r.Mode != ModeReset && (r.Rating < srs.Again || r.Rating > srs.Easy):
		return invalidf("note %s: rating %d is not 1–4", r.NoteID, r.Rating)
	case r.Time.IsZero():
		return invalidf("note %s: review time not set", r.NoteID)
	case r.State < srs.New || r.State > srs.Relearning:
		return invalidf("note %s: before: state %d is not 0–3", r.NoteID, r.State)
	case r.Duration < 0:
		return invalidf("note %s: negative duration", r.NoteID)
	case !validMode(r.Mode):
		return invalidf("note %s: unknown mode %q", r.NoteID, r.Mode)
	}
	return validateTime("review time", r.Time)
}

// validateReview checks everything but Seq (assigned by the store) and
// Before (taken from the store on RecordReview, checked on import).
func validateReview(r Review) error {
	if err := validateBrief(r.Brief()); err != nil {
		return err
	}
	if r.Ticked < 0 || r.Points < 0 {
		return invalidf("note %s: negative ticked or points", r.NoteID)
	}
	if err := validateCard("before", r.Before); err != nil {
		return err
	}
	if r.Mode == ModeReset && r.After != (srs.Card{}) {
		return invalidf("note %s: a reset's after card is not the new card", r.NoteID)
	}
	return validateCard("after", r.After)
}

// validateNewReview is validateReview for a review being added, on record
// or import: no time in it may be ahead of now by more than clockSkew.
func validateNewReview(r Review, now time.Time) error {
	if err := validateReview(r); err != nil {
		return err
	}
	if err := notAhead("review time", r.Time, now); err != nil {
		return err
	}
	if err := notAhead("before: last_review", r.Before.LastReview, now); err != nil {
		return err
	}
	return notAhead("after: last_review", r.After.LastReview, now)
}

// normTime is how every time is stored: UTC, whole milliseconds, no
// monotonic reading, so export → import round-trips exactly.
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.UnixMilli(t.UnixMilli()).UTC()
}

func normCard(c srs.Card) srs.Card {
	c.Due = normTime(c.Due)
	c.LastReview = normTime(c.LastReview)
	return c
}

func normReview(r Review) Review {
	r.Time = normTime(r.Time)
	r.Before = normCard(r.Before)
	r.After = normCard(r.After)
	// A typed answer is kept, not rejected, even with a stray invalid byte.
	r.Answer = strings.ToValidUTF8(r.Answer, "\uFFFD")
	return r
}

// isNewCard reports whether c is the state of a never-reviewed note; undoing
// a review back to it deletes the card so the note is new again.
func isNewCard(c srs.Card) bool {
	return c.State == srs.New && c.Reps == 0 && c.LastReview.IsZero()
}
