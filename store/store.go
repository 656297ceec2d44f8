// Package store keeps a learner's progress, review history, bookmarks and
// settings. The bbolt implementation is the real one; Memory serves fast
// tests. Both pass the same contract suite.
package store

import (
	"io"
	"time"

	"mianjing/srs"
)

// Mode names how a review was studied.
type Mode string

// Study modes recorded with each review.
const (
	ModeDue        Mode = "due"
	ModeBookmarked Mode = "bookmarked"
	ModeAll        Mode = "all"
	ModeOne        Mode = "one"
	// ModeCram is a grade given while drilling outside the schedule: it is
	// logged (After holds what FSRS would have made of the card, for the
	// record) but the store keeps the card as it was, so the schedule is
	// untouched; undoing it only removes the entry.
	ModeCram Mode = "cram"
	// ModeReset is the entry ResetCard appends: Rating 0, Before the card
	// reset, After the zero (new) card. Only ResetCard writes it.
	ModeReset Mode = "reset"
	// ModeInterview is a grade given in a mock interview: an ordinary
	// scheduled review, named apart so the log shows where it came from.
	ModeInterview Mode = "interview"
)

// Review is one entry of the append-only review log.
type Review struct {
	// Seq orders the log; the store assigns it (1, 2, 3…).
	Seq      uint64     `json:"seq"`
	NoteID   string     `json:"note_id"`
	Time     time.Time  `json:"time"` // stored as UTC milliseconds
	Rating   srs.Rating `json:"rating"`
	Before   srs.Card   `json:"before"` // full card before the grade, so undo can restore it
	After    srs.Card   `json:"after"`
	Duration int64      `json:"duration_ms"` // question shown → answer revealed
	Mode     Mode       `json:"mode"`
	Answer   string     `json:"answer,omitempty"` // the learner's typed answer
	Ticked   int        `json:"ticked,omitempty"` // key points ticked
	Points   int        `json:"points,omitempty"` // key points offered
}

// ReviewBrief is the part of a log entry statistics need.
type ReviewBrief struct {
	Seq      uint64
	NoteID   string
	Time     time.Time // UTC
	Rating   srs.Rating
	State    srs.State // the card's state before the review
	Duration int64     // milliseconds
	Mode     Mode
}

// Scheduled reports whether the entry is a grade that moved the schedule:
// not a cram grade, not a reset. Retention and review counts use these;
// cram grades are counted apart.
func (r ReviewBrief) Scheduled() bool { return r.Mode != ModeCram && r.Mode != ModeReset }

// Brief returns the ReviewBrief of r.
func (r Review) Brief() ReviewBrief {
	return ReviewBrief{Seq: r.Seq, NoteID: r.NoteID, Time: r.Time, Rating: r.Rating,
		State: r.Before.State, Duration: r.Duration, Mode: r.Mode}
}

// Settings are the learner's preferences. Validate gives the range of
// each; Equal compares two (Weights makes == unusable).
type Settings struct {
	Lang         string  `json:"lang"` // "", "zh" or "en"; "" follows the locale
	NewPerDay    int     `json:"new_per_day"`
	Retention    float64 `json:"retention"`
	RolloverHour int     `json:"rollover_hour"`
	// Weights are the 21 FSRS-6 weights w0…w20, as the FSRS optimizer
	// prints them; empty means srs.DefaultParams.
	Weights            []float64 `json:"weights,omitempty"`
	InterviewQuestions int       `json:"interview_questions"` // questions per mock interview
	InterviewSeconds   int       `json:"interview_seconds"`   // time budget per question
	Theme              string    `json:"theme"`               // "auto", "light" or "dark"
}

// DefaultSettings returns the settings of a fresh store.
func DefaultSettings() Settings {
	return Settings{NewPerDay: 20, Retention: 0.9, RolloverHour: 4,
		InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}
}

// Store is what the app needs from persistence. Every write is atomic and
// every failure is returned; reads copy values out. Every value is checked
// on the way in and, from a file, on the way out: a stored value out of
// range is an ErrCorrupt error naming its bucket and key.
type Store interface {
	// Cards returns the stored card state of every note id ever reviewed,
	// including notes no longer in the deck.
	Cards() (map[string]srs.Card, error)
	// Card returns one note's card; ok is false for a never-reviewed note.
	Card(id string) (c srs.Card, ok bool, err error)
	// RecordReview stores r.After as the note's card and appends r to the
	// log in one transaction. It returns r as stored: Seq assigned, times
	// in UTC truncated to the millisecond, and Before set to the card the
	// store held (the zero card for a new note) whatever the caller put
	// there, so that undo restores exactly what was stored. An invalid r
	// (empty id, rating outside 1–4, unset time, a time before 2000 or
	// more than a day ahead of the clock, …) gives ErrInvalid.
	RecordReview(r Review) (Review, error)
	// UndoLastReview removes the newest log entry and restores its Before
	// card, atomically. ok is false when the log is empty.
	UndoLastReview() (r Review, ok bool, err error)
	// ReviewsSince returns log entries with Time >= t, oldest first, without
	// reading older history.
	ReviewsSince(t time.Time) ([]Review, error)
	// ForEachReview calls fn for every log entry, oldest first.
	ForEachReview(fn func(Review) error) error
	// ForEachReviewBrief calls fn for every log entry, oldest first, with
	// only what statistics need; it reads the log several times faster
	// than ForEachReview.
	ForEachReviewBrief(fn func(ReviewBrief) error) error
	// ReviewCount returns the number of log entries.
	ReviewCount() (int, error)

	// ToggleBookmark flips a note's bookmark and returns the new state.
	ToggleBookmark(id string, now time.Time) (bool, error)
	// SetBookmark sets a note's bookmark on or off.
	SetBookmark(id string, on bool, now time.Time) error
	// IsBookmarked reports whether a note is bookmarked; it is served from
	// memory and never fails.
	IsBookmarked(id string) bool
	// Bookmarks returns every bookmark and when it was made.
	Bookmarks() map[string]time.Time

	// Settings returns the stored settings (defaults when never saved).
	Settings() (Settings, error)
	// SaveSettings stores s.
	SaveSettings(s Settings) error

	// Suspend takes a note out of every study scope (on) or puts it back;
	// suspending a suspended note keeps its original time.
	Suspend(id string, on bool, now time.Time) error
	// Suspended returns every suspended note and when it was suspended;
	// it is served from memory and never fails.
	Suspended() map[string]time.Time
	// ResetCard makes a note new again by appending a ModeReset entry
	// (Before the stored card, After the zero card) and deleting the card,
	// in one transaction: the history is kept, and UndoLastReview takes the
	// reset back. Resetting a note that is already new gives ErrInvalid.
	ResetCard(id string, now time.Time) (Review, error)
	// Answers returns the note's log entries that carry a typed answer,
	// newest first. It scans the whole log (fine for a learner's history:
	// tens of thousands of entries read in tens of milliseconds).
	Answers(id string) ([]Review, error)

	// RecordInterview stores the report of one mock interview; its Start
	// identifies it (a second report with the same Start gives ErrInvalid).
	// The grades inside it are ordinary reviews, recorded by the caller.
	RecordInterview(iv Interview) error
	// Interviews returns every interview report, newest first.
	Interviews() ([]Interview, error)

	// Export writes a complete, versioned JSON backup.
	Export(w io.Writer) error
	// Import merges a backup written by Export. It validates everything
	// before writing (times before 2000 or more than a day ahead of the
	// clock are refused), writes in one transaction, and an import that
	// adds nothing writes nothing.
	Import(r io.Reader) (ImportResult, error)

	// Path names the backing file ("" for memory).
	Path() string
	// Close releases the file.
	Close() error
}

// ImportResult counts what an import added.
type ImportResult struct {
	Reviews    int `json:"reviews"`
	Cards      int `json:"cards"`
	Bookmarks  int `json:"bookmarks"`
	Suspended  int `json:"suspended"`
	Interviews int `json:"interviews"`
}
