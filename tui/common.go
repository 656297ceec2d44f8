package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/render"
	"mianjing/wording"
)

// Minimum terminal size; below it a short message replaces the layout.
const (
	minWidth  = 40
	minHeight = 12
)

// readingWidth caps the wrap width of a note for reading comfort.
const readingWidth = 100

// maxCachedRenders bounds the render cache; dragging a window edge makes a
// rendering per width.
const maxCachedRenders = 256

// masteredStability is the stability (days) from which a note counts as
// mastered in the list.
const masteredStability = 21

// common is the state every view shares. The root model owns it; views
// hold a pointer and only touch it from Update.
type common struct {
	width, height int

	text   text
	keys   keyMap
	styles Styles
	dark   bool
	// reportedDark is the terminal's answer to the background query
	// (dark until it comes); the theme setting may override it.
	reportedDark bool
	noColor      bool
	help         help.Model

	deck     *notes.Deck
	store    store.Store
	renderer *render.Renderer
	now      func() time.Time
	renders  map[renderKey]string
	// Facts of the deck and the language the list asks for on every row.
	hasDifficulty bool
	stateW        int
	// io runs every store call in order; Run flushes it before returning.
	io *ioQueue

	// A snapshot of the learner's progress, refreshed by loadProgress
	// and by bookmark results. Change it only through setProgress,
	// setCard, dropCard and setBookmark, which keep tally current.
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	suspended map[string]time.Time // out of every study scope
	settings  store.Settings
	// newToday is how many new cards were started this study day.
	newToday int
	// tally is counted from the snapshot by refreshTally, from Update: the
	// list header draws it on every frame, and counting a 10,000-note deck
	// takes milliseconds.
	tally tally
	// inFlight holds notes whose bookmark write has not come back: a second
	// b meanwhile is ignored, since concurrent toggles could report their
	// results out of order.
	inFlight map[string]bool

	// confirmReset is the note whose reset waits for y (confirmTitle is
	// its title); undoReset the note whose reset u may take back. Both
	// last one key.
	confirmReset, confirmTitle, undoReset string

	// after is tea.Tick in a running program and nil in tests, where the
	// list renders nothing ahead (see warm.go).
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	// held are keys that arrived while the self-test waited for a store
	// write, in order; the root runs them once it has answered.
	held []tea.KeyPressMsg

	// ignored counts the keys dropped while the window is too small.
	ignored int

	// past holds notes' previous answers, read for a reveal of the
	// self-test or the mock interview (interview_past.go).
	past map[string]pastSet

	// nav is a view switch asked for during the current Update; the root
	// carries it out before it returns (see navigate).
	nav tea.Msg

	// status and errText fill the line above the help until the next key.
	status  string
	errText string
}

func newCommon(o Options) *common {
	c := &common{
		text:         textFor(o.Lang),
		dark:         true, // until the terminal answers the background query
		reportedDark: true,
		noColor:      o.NoColor,
		help:         help.New(),
		deck:         o.Deck,
		store:        o.Store,
		renderer:     o.Renderer,
		now:          o.Now,
		renders:      map[renderKey]string{},
		io:           &ioQueue{},
		cards:        map[string]srs.Card{},
		bookmarks:    map[string]time.Time{},
		suspended:    map[string]time.Time{},
		settings:     store.DefaultSettings(),
		inFlight:     map[string]bool{},
	}
	if c.deck == nil {
		c.deck = &notes.Deck{}
	}
	if c.renderer == nil {
		c.renderer = render.New()
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.keys = newKeyMap(c.text)
	c.setStyles(c.dark)
	c.hasDifficulty = deckHasDifficulty(c.deck)
	c.stateW = c.measureStateWidth()
	return c
}

// tally is the header's counts and today's study for one study day and
// progress snapshot.
type tally struct {
	ok                        bool
	day                       int
	total, fresh, due, marked int
	today                     map[string]bool // the notes today's study holds
}

// setProgress replaces the progress snapshot; nil maps keep the old ones.
// newToday is how many new cards were started this study day.
func (c *common) setProgress(cards map[string]srs.Card, bookmarks map[string]time.Time, settings store.Settings, newToday int) {
	c.newToday = newToday
	if cards != nil {
		c.cards = cards
	}
	if bookmarks != nil {
		c.bookmarks = bookmarks
	}
	c.settings = settings
	c.tally.ok = false
}

// setCard records a note's card.
func (c *common) setCard(id string, card srs.Card) {
	c.cards[id] = card
	c.tally.ok = false
}

// dropCard forgets a note's card: it is new again.
func (c *common) dropCard(id string) {
	delete(c.cards, id)
	c.tally.ok = false
}

// setBookmark records a note's bookmark as on (made at) or off.
func (c *common) setBookmark(id string, on bool, at time.Time) {
	if on {
		c.bookmarks[id] = at
	} else {
		delete(c.bookmarks, id)
	}
	c.tally.ok = false
}

func (c *common) setStyles(dark bool) {
	c.dark = dark
	c.styles = newStyles(dark, c.noColor)
	c.help.Styles = c.styles.Help
}

func (c *common) tooSmall() bool {
	return c.width < minWidth || c.height < minHeight
}

func (c *common) renderStyle() render.Style {
	switch {
	case c.noColor:
		return render.Plain
	case c.dark:
		return render.Dark
	default:
		return render.Light
	}
}

func (c *common) cacheRender(k renderKey, out string) {
	if len(c.renders) >= maxCachedRenders {
		clear(c.renders)
	}
	c.renders[k] = out
}

func (c *common) bookmarked(id string) bool {
	_, ok := c.bookmarks[id]
	return ok
}

// setError shows err, formatted, in the status line.
func (c *common) setError(format string, err error) {
	c.errText = errorLine(format, err)
}

// errorLine formats err on one line: a message from the system can hold
// line breaks, and every place an error shows has one row for it.
func errorLine(format string, err error) string {
	return strings.Join(strings.Fields(fmt.Sprintf(format, err)), " ")
}

// studyKind is where a note stands for the list's state marker.
type studyKind int

const (
	studyNew studyKind = iota
	studyDue
	studyLater
	studyMastered
)

// dayEnd is the start of the next study day.
func (c *common) dayEnd(now time.Time) time.Time {
	return srs.DayStart(now, now.Location(), c.settings.RolloverHour).AddDate(0, 0, 1)
}

// dueToday reports whether a reviewed note falls due before the study day
// ends; new notes are not "due".
func (c *common) dueToday(id string, now time.Time) bool {
	card, ok := c.cards[id]
	return ok && card.State != srs.New && card.Due.Before(c.dayEnd(now))
}

// studyState returns a note's marker: new, due today, mastered, or when it
// is next due: "3天"/"3d" within a month, "1月20日"/"Jan 20" within a year,
// else the year.
func (c *common) studyState(id string, now time.Time) (studyKind, string) {
	card, ok := c.cards[id]
	switch {
	case c.isSuspended(id):
		return studyLater, c.text.StateSuspended
	case !ok || card.State == srs.New:
		return studyNew, c.text.StateNew
	case c.dueToday(id, now):
		return studyDue, c.text.StateDue
	case card.Stability >= masteredStability:
		return studyMastered, c.text.StateMastered
	}
	loc, roll := now.Location(), c.settings.RolloverHour
	days := srs.DayIndex(card.Due, loc, roll) - srs.DayIndex(now, loc, roll)
	if days < 30 {
		return studyLater, fmt.Sprintf(c.text.DaysFmt, days)
	}
	// Within a year ahead the month and day say which day is meant (a
	// year would widen the column); past that, the year alone.
	due := card.Due.In(loc)
	if due.Before(now.AddDate(1, 0, 0)) {
		return studyLater, wording.Date(c.text.Lang, due, due)
	}
	return studyLater, fmt.Sprintf(c.text.YearFmt, due.Year())
}

// stateWidth is the widest state marker, so the column lines up.
func (c *common) stateWidth() int { return c.stateW }

// measureStateWidth computes stateWidth.
func (c *common) measureStateWidth() int {
	w := 0
	for _, s := range []string{c.text.StateNew, c.text.StateDue, c.text.StateMastered, c.text.StateSuspended,
		fmt.Sprintf(c.text.DaysFmt, 29), fmt.Sprintf(c.text.YearFmt, 2999),
		wording.Date(c.text.Lang, time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC))} {
		w = max(w, ansi.StringWidth(s))
	}
	return w
}

// refreshTally counts the header's numbers and today's study again when
// the progress snapshot or the study day changed. It runs in Update, so
// that View only reads them.
func (c *common) refreshTally(now time.Time) {
	day := srs.DayIndex(now, now.Location(), c.settings.RolloverHour)
	if c.tally.ok && c.tally.day == day {
		return
	}
	ids := make([]string, 0, len(c.deck.Notes))
	for _, n := range c.deck.Notes {
		if !c.isSuspended(n.ID) {
			ids = append(ids, n.ID)
		}
	}
	in := srs.QueueInput{Deck: ids, Cards: c.cards, Bookmarks: c.bookmarks, NewToday: c.newToday,
		NewPerDay: c.settings.NewPerDay, Now: now, Sched: c.scheduler(now)}
	n := srs.Counts(in)
	today := map[string]bool{}
	for _, id := range srs.TodayIDs(in) {
		today[id] = true
	}
	c.tally = tally{ok: true, day: day, total: len(c.deck.Notes), fresh: n.NewAvailable, due: n.DueToday,
		marked: n.Bookmarked, today: today}
}

// statusLine renders the message line above the help: the error if any,
// else the status, else right, right-aligned (the reading view's percent).
func (c *common) statusLine(width int, right string) string {
	s := c.styles
	inner := width - s.Footer.GetHorizontalFrameSize()
	var left string
	switch {
	case c.errText != "":
		left = s.Error.Render(truncate(c.text.ErrPrefix+c.errText, inner))
	case c.status != "":
		left = s.Status.Render(truncate(c.status, inner))
	}
	if right != "" {
		gap := inner - lipgloss.Width(left) - lipgloss.Width(right)
		if gap >= 1 {
			left += strings.Repeat(" ", gap) + right
		}
	}
	return s.Footer.Width(width).Render(left)
}

// truncate cuts s to width cells with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// enlargeView is the whole screen of a terminal below the minimum size.
func (c *common) enlargeView() string {
	msg := c.text.Enlarge
	if c.ignored > 0 {
		msg += "\n" + fmt.Sprintf(c.text.IgnoredKeysFmt, c.ignored)
	}
	if c.width > 0 {
		msg = ansi.Wrap(msg, c.width, "")
	}
	w, h := max(c.width, 1), max(c.height, 1)
	box := lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, c.styles.Enlarge.Render(msg))
	return lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(box)
}

// Commands. Each does its I/O off the update loop and reports with a
// message from msgs.go; store calls go through c.io (ioqueue.go).

// scheduler returns the scheduler of the learner's settings, counting study
// days where now is.
func (c *common) scheduler(now time.Time) srs.Scheduler {
	return c.settings.Scheduler(now.Location())
}

// loadProgress reads the progress snapshot after every store write asked
// for so far.
func (c *common) loadProgress() tea.Cmd {
	if c.store == nil {
		return nil
	}
	return c.io.add(loadProgressJob(c.store, c.now()))
}

// loadProgressJob reads the progress snapshot.
func loadProgressJob(st store.Store, now time.Time) func() tea.Msg {
	return func() tea.Msg {
		msg := progressLoadedMsg{bookmarks: st.Bookmarks(), suspended: st.Suspended()}
		var err error
		if msg.cards, err = st.Cards(); err != nil {
			msg.err = err
		}
		if msg.settings, err = st.Settings(); err != nil {
			msg.settings = store.DefaultSettings()
			if msg.err == nil {
				msg.err = err
			}
		}
		if msg.newToday, err = newStartedToday(st, now, msg.settings.RolloverHour); err != nil && msg.err == nil {
			msg.err = err
		}
		return msg
	}
}

// newStartedToday counts the new cards started since the study day of now
// began.
func newStartedToday(st store.Store, now time.Time, rollover int) (int, error) {
	return store.NewCardsSince(st, srs.DayStart(now, now.Location(), rollover))
}

// toggleBookmark starts a bookmark write for id unless one is in flight.
func (c *common) toggleBookmark(id string) tea.Cmd {
	if c.inFlight[id] {
		return nil
	}
	c.inFlight[id] = true
	return c.io.add(toggleBookmarkJob(c.store, id, c.now()))
}

// toggleBookmarkJob flips a bookmark in the store.
func toggleBookmarkJob(st store.Store, id string, now time.Time) func() tea.Msg {
	return func() tea.Msg {
		on, err := st.ToggleBookmark(id, now)
		return bookmarkToggledMsg{id: id, on: on, at: now, err: err}
	}
}

// renderNoteCmd renders markdown for key k.
func renderNoteCmd(r *render.Renderer, markdown string, k renderKey) tea.Cmd {
	return func() tea.Msg {
		out, err := r.Render(markdown, k.width, k.style)
		return noteRenderedMsg{key: k, out: out, err: err}
	}
}

// navigate asks the root to switch views with msg (openNoteMsg, backMsg,
// startQuizMsg, openStatsMsg, quizDoneMsg) as soon as the current message
// is handled. A command would deliver it later, after keys that arrived in
// the same read, and those keys would act on the screen being left.
func (c *common) navigate(msg tea.Msg) tea.Cmd {
	c.nav = msg
	return nil
}
