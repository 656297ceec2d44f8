package store

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"mianjing/srs"
)

// maxIDLen bounds note ids; bbolt keys may not exceed 32 KiB and a real id
// is a short slug.
const maxIDLen = 512

// Validate reports whether s can be stored: Lang "", "zh" or "en",
// NewPerDay ≥ 0, 0 < Retention < 1, RolloverHour 0–23.
func (s Settings) Validate() error {
	switch {
	case s.Lang != "" && s.Lang != "zh" && s.Lang != "en":
		return invalidf("settings: lang %q is not one of \"\", \"zh\", \"en\"", s.Lang)
	case s.NewPerDay < 0:
		return invalidf("settings: new_per_day %d is negative", s.NewPerDay)
	case math.IsNaN(s.Retention) || s.Retention <= 0 || s.Retention >= 1:
		return invalidf("settings: retention %v is not between 0 and 1", s.Retention)
	case s.RolloverHour < 0 || s.RolloverHour > 23:
		return invalidf("settings: rollover_hour %d is not 0–23", s.RolloverHour)
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

// validateTime accepts the zero time or a time after the Unix epoch and
// before year 10000: stored as positive milliseconds (0 means unset) and
// representable in RFC 3339 for backups.
func validateTime(what string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if t.UnixMilli() <= 0 || t.Year() > 9999 {
		return invalidf("%s %s is out of range", what, t.Format(time.RFC3339))
	}
	return nil
}

func validateCard(what string, c srs.Card) error {
	switch {
	case c.State < srs.New || c.State > srs.Relearning:
		return invalidf("%s: state %d is not 0–3", what, c.State)
	case math.IsNaN(c.Stability) || math.IsInf(c.Stability, 0) || c.Stability < 0:
		return invalidf("%s: stability %v is not a finite non-negative number", what, c.Stability)
	case math.IsNaN(c.Difficulty) || math.IsInf(c.Difficulty, 0) || c.Difficulty < 0:
		return invalidf("%s: difficulty %v is not a finite non-negative number", what, c.Difficulty)
	case c.Step < 0 || c.Reps < 0 || c.Lapses < 0:
		return invalidf("%s: negative step, reps or lapses", what)
	}
	if err := validateTime(what+": due", c.Due); err != nil {
		return err
	}
	return validateTime(what+": last_review", c.LastReview)
}

func validMode(m Mode) bool {
	switch m {
	case "", ModeDue, ModeBookmarked, ModeAll, ModeOne:
		return true
	}
	return false
}

// validateReview checks everything but Seq (assigned by the store) and
// Before (taken from the store on RecordReview, checked on import).
func validateReview(r Review) error {
	if err := validateID(r.NoteID); err != nil {
		return err
	}
	switch {
	case r.Rating < srs.Again || r.Rating > srs.Easy:
		return invalidf("note %s: rating %d is not 1–4", r.NoteID, r.Rating)
	case r.Time.IsZero():
		return invalidf("note %s: review time not set", r.NoteID)
	case r.Duration < 0 || r.Ticked < 0 || r.Points < 0:
		return invalidf("note %s: negative duration, ticked or points", r.NoteID)
	case !validMode(r.Mode):
		return invalidf("note %s: unknown mode %q", r.NoteID, r.Mode)
	}
	if err := validateTime("review time", r.Time); err != nil {
		return err
	}
	if err := validateCard("before", r.Before); err != nil {
		return err
	}
	return validateCard("after", r.After)
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
