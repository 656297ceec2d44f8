package tui

import (
	"time"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/render"
)

// progressLoadedMsg is sent by loadProgressJob with a snapshot of the
// learner's cards, bookmarks and settings; err is set when a read failed.
type progressLoadedMsg struct {
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	suspended map[string]time.Time
	settings  store.Settings
	newToday  int // new cards first reviewed this study day
	err       error
}

// bookmarkToggledMsg is sent by toggleBookmarkJob once the store has
// written (or failed to write) a bookmark; on is the state now stored.
type bookmarkToggledMsg struct {
	id  string
	on  bool
	at  time.Time
	err error
}

// renderKey names one rendering of a note: the render cache is keyed by it
// and a result for a key no longer wanted is stale.
type renderKey struct {
	id     string
	width  int
	style  render.Style
	answer bool // Note.Answer() (the self-test), not the whole body
}

// warmMsg is the end of the delay listModel.warmSoon asked for: the
// selected note may be rendered ahead (Model.warm).
type warmMsg struct{}

// noteRenderedMsg is sent by renderNoteCmd with a note's rendered text or
// the renderer's error.
type noteRenderedMsg struct {
	key renderKey
	out string
	err error
}

// openNoteMsg is asked for by the list (enter, through common.navigate) to
// open the note at pos of order, deck indices in the list's visible order.
type openNoteMsg struct {
	order []int
	pos   int
}

// backMsg is asked for by the reading view and the stats screen to return to
// the list, selecting the deck index the reading view was showing last (-1
// keeps the list's selection).
type backMsg struct {
	index int
}

// startQuizMsg is asked for by the list (s), the reading view (t) and the
// stats screen (s), through common.navigate, to start a self-test on the
// given note ids.
type startQuizMsg struct {
	ids  []string
	mode store.Mode
	// listed: ids are exactly what the list shows, studied in priority
	// order (learning, due, new, the rest) rather than by the mode's rules.
	listed bool
	// others are the notes an empty session offers to study instead (the
	// list's chapter or the deck); nil means ids.
	others []string
	// from is the screen the session returns to; the root model sets it.
	from view
}

// sessionLoadedMsg is sent by loadSessionCmd with what a self-test session
// is built from, read in one go after every store write asked for before;
// err is set when a read failed.
type sessionLoadedMsg struct {
	gen       int // the session it was asked for
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	settings  store.Settings
	newToday  int // new cards first reviewed this study day
	err       error
}

// reviewSavedMsg is sent by recordReviewJob, for the view owner (the
// self-test or the mock interview), once the store has recorded a
// grade (review, with Seq assigned) or failed to (err).
type reviewSavedMsg struct {
	owner  view
	gen    int
	review store.Review
	err    error
}

// reviewUndoneMsg is sent by undoReviewJob, for the view owner, with the
// review the store took
// back; ok is false when the log was empty.
type reviewUndoneMsg struct {
	owner  view
	gen    int
	review store.Review
	ok     bool
	err    error
}

// quizDoneMsg is asked for by the self-test (quizModel.done) to return to the
// screen it was started from.
type quizDoneMsg struct{}

// openStatsMsg is asked for by the list (S) to open the stats screen.
type openStatsMsg struct{}

// statsLoadedMsg is sent by loadStatsJob with the statistics computed from
// the store, or the error of a read.
type statsLoadedMsg struct {
	gen   int // the opening it was asked for; older ones are stale
	stats srs.Stats
	// interviews are the past mock interviews, newest first.
	interviews []store.Interview
	err        error
}

// answersLoadedMsg is sent by loadAnswersJob with the learner's typed
// answers to note id, newest first, or the error of the read.
type answersLoadedMsg struct {
	id      string
	answers []pastAnswer
	err     error
}

// deckChangedMsg is sent by reloader.wait when note files of the deck's
// directory changed (files, by name), or with the watcher's error.
type deckChangedMsg struct {
	files []string
	err   error
}

// editorDoneMsg is sent when the editor started by e (detailModel.edit)
// exits; err is set when it could not run or failed.
type editorDoneMsg struct {
	err error
}

// deckLoadedMsg is sent by loadDeckCmd with the notes read from the deck's
// directory. broken names the files left out for their problems, whose
// old versions stay; err is set when nothing could be read.
type deckLoadedMsg struct {
	gen      int // the read it answers; older reads are stale
	notes    []notes.Note
	broken   map[string]bool
	problems []notes.Problem
	err      error
}

// startInterviewMsg is asked for by the list (m), and by New for
// Options.Interview, to start a mock interview of questions questions (0:
// the interview_questions setting).
type startInterviewMsg struct {
	questions int
	from      view // the screen it returns to; the root model sets it
}

// interviewLoadedMsg is sent by loadInterviewJob with what the interview's
// draw needs; err is set when a read failed.
type interviewLoadedMsg struct {
	gen       int
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	suspended map[string]time.Time
	settings  store.Settings
	err       error
}

// interviewTickMsg is sent by the countdown's timer (interviewModel.nextTick)
// when the question's shown time turns a second; id names the timer.
type interviewTickMsg struct {
	gen, id int
}

// interviewRecordedMsg is sent by recordInterviewJob once the interview's
// report is saved, or with the error.
type interviewRecordedMsg struct {
	gen int
	err error
}

// interviewDoneMsg is asked for by the interview (interviewModel.done) to
// return to the screen it was started from.
type interviewDoneMsg struct{}

// pastAnswersMsg is sent by loadPastJob with the learner's previous typed
// answers to note id, newest first, for a reveal.
type pastAnswersMsg struct {
	id      string
	answers []pastAnswer
	err     error
}
