// Package tui is mianjing's full-screen interface: a list of the deck's
// notes, a reading view and the self-test, on Bubble Tea v2.
package tui

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
	"mianjing/store"
	"mianjing/tui/render"
)

// Options configure the app.
type Options struct {
	Deck     *notes.Deck
	Store    store.Store
	Lang     string           // "zh" or "en", already resolved (see DetectLang)
	Now      func() time.Time // the clock; nil means time.Now
	Renderer *render.Renderer // nil means render.New()
	NoColor  bool             // NO_COLOR is set: plain rendering, no colours
	// Interview starts the app in a mock interview of InterviewQuestions
	// questions (0: the interview_questions setting).
	Interview          bool
	InterviewQuestions int
	// NotesDir is the directory Deck was loaded from (--notes), "" for the
	// built-in deck: its files can be edited (e) and are watched.
	NotesDir string
}

// view names the screen that has focus.
type view int

const (
	viewList view = iota
	viewDetail
	viewQuiz
	viewStats
	viewInterview
)

// Model is the root model: it routes messages to the list, reading,
// self-test and stats views and holds what they share.
type Model struct {
	c      *common
	active view
	// quizFrom is where the self-test returns: the screen that started it.
	quizFrom view
	list     listModel
	detail   detailModel
	quiz     quizModel
	stats    statsModel
	reload   reloader
	// interview is the mock interview; boot starts it when the app opens
	// in one (Options.Interview).
	interview interviewModel
	boot      tea.Cmd
}

// New returns the root model for o. o.Store must be set (Run checks); a nil
// Deck is an empty deck.
func New(o Options) *Model {
	c := newCommon(o)
	m := &Model{c: c, list: newList(c), detail: newDetail(c, o.NotesDir), quiz: newQuiz(c), stats: newStats(c),
		reload: reloader{dir: o.NotesDir}, interview: newInterview(c)}
	if o.Interview {
		m.active = viewInterview
		m.boot = m.interview.start(startInterviewMsg{questions: o.InterviewQuestions, from: viewList})
	}
	return m
}

// maxFPS is the highest frame rate Bubble Tea allows.
const maxFPS = 120

// Run runs the app in the alternate screen until the learner quits.
// Bubble Tea restores the terminal if the program panics and reports it
// as an error. However the program ends (q, ctrl+c, SIGTERM, a closed
// terminal), Run returns only after every store write asked for has run,
// so the caller may close the store.
func Run(o Options) error {
	if o.Deck == nil || o.Store == nil {
		return errors.New("tui: Options need a Deck and a Store")
	}
	m := New(o)
	m.interview.tick = tea.Tick // the countdown runs in a real program only
	m.c.after = tea.Tick        // so does rendering ahead
	watchErr := m.reload.startWatching()
	if watchErr != nil {
		m.c.setError(m.c.text.ErrWatchFmt, watchErr)
	}
	if w := m.reload.watcher; w != nil {
		defer w.Close()
	}
	// Frames reach the terminal on a ticker; at Bubble Tea's most, 120 a
	// second, the first frame and every keypress's frame wait at most
	// 8 ms for it instead of 17 (see BENCHMARKS.md).
	p := tea.NewProgram(m, tea.WithFPS(maxFPS))
	stop := quitOnHangup(p)
	_, err := p.Run()
	stop()
	// Commands still running when the program ended are abandoned by
	// Bubble Tea; their store calls are finished here.
	err = errors.Join(err, m.c.io.flush(flushTimeout))
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}

// quitOnHangup ends p in order when the terminal closes (SIGHUP), which
// would otherwise kill the process mid-write; Bubble Tea itself handles
// SIGINT and SIGTERM. stop undoes it.
func quitOnHangup(p *tea.Program) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-hup:
			p.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// Init asks for the terminal's background colour (the answer may never
// come; we start dark) and loads the progress snapshot.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.c.loadProgress(), m.reload.wait(), m.boot)
}

// Update routes msg: global keys, then sizes to every view, then view
// switches, then results to their owners, then the rest to the active view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	// Before and after: a new study day must reach the rows this message
	// draws, and what it changes must reach the counts.
	m.c.refreshTally(m.c.now())
	cmds := []tea.Cmd{m.step(msg)}
	// Keys held for a store write run, in order, once it has answered; a
	// key among them may start another write and hold the rest again.
	for len(m.c.held) > 0 && !m.quiz.writing() && !m.interview.writing() {
		keys := m.c.held
		m.c.held = nil
		for _, k := range keys {
			cmds = append(cmds, m.step(k))
		}
	}
	m.c.refreshTally(m.c.now())
	return m, tea.Batch(cmds...)
}

// step handles msg and then the view switches it asks for, before the next
// message: keys read together act on the screen each one leads to.
func (m *Model) step(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.update(msg)}
	for i := 0; m.c.nav != nil && i < maxNavs; i++ {
		nav := m.c.nav
		m.c.nav = nil
		cmds = append(cmds, m.update(nav))
	}
	m.c.nav = nil
	return tea.Batch(cmds...)
}

// maxNavs bounds the view switches one message may chain.
const maxNavs = 4

// update handles one message; Update carries out the view switches it asks
// for.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.c.status, m.c.errText = "", ""
		g := m.c.keys.Global
		if key.Matches(msg, g.ForceQuit) {
			return tea.Quit
		}
		if m.c.tooSmall() {
			// Nothing acts on a screen the learner cannot see; the screen
			// counts what it ignored, so the learner knows.
			if msg.String() == "q" {
				return tea.Quit
			}
			m.c.ignored++
			return nil
		}
		if len(m.c.held) > 0 {
			// Keys wait behind a held one, so they keep their order.
			m.c.held = append(m.c.held, msg)
			return nil
		}
		if cmd, ok := m.studyKey(msg); ok {
			return cmd
		}
		if key.Matches(msg, g.Help) && !m.capturing() {
			m.c.help.ShowAll = !m.c.help.ShowAll
			return m.relayout()
		}

	case tea.MouseMsg:
		if m.c.tooSmall() {
			return nil
		}

	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		if !m.c.tooSmall() {
			m.c.ignored = 0
		}
		return m.relayout()

	case tea.BackgroundColorMsg:
		m.c.reportedDark = msg.IsDark()
		if m.c.settings.Theme == "light" || m.c.settings.Theme == "dark" {
			return nil // the learner chose
		}
		if msg.IsDark() == m.c.dark {
			return nil
		}
		m.c.setStyles(msg.IsDark())
		return tea.Batch(m.restyle(), m.relayout())

	case openNoteMsg:
		m.active = viewDetail
		cmd = m.detail.open(msg.order, msg.pos)
		return tea.Batch(cmd, m.relayout())

	case backMsg:
		m.active = viewList
		m.list.selectNote(msg.index)
		return m.relayout()

	case startQuizMsg:
		// A session started from the self-test's own empty screen keeps
		// the first one's way back.
		if m.active != viewQuiz {
			m.quizFrom = m.active
		}
		msg.from = m.quizFrom
		m.active = viewQuiz
		cmd = m.quiz.start(msg)
		return tea.Batch(cmd, m.relayout())

	case startInterviewMsg:
		msg.from = m.active
		m.active = viewInterview
		cmd = m.interview.start(msg)
		return tea.Batch(cmd, m.relayout())

	case interviewDoneMsg:
		m.active = m.interview.from
		return tea.Batch(m.c.loadProgress(), m.relayout())

	case interviewTickMsg:
		// A tick changes the countdown's line only: no layout.
		cmd = m.interview.Update(msg)
		return cmd

	case interviewLoadedMsg, interviewRecordedMsg:
		// The interview's own results, even if it has lost focus.
		cmd = m.interview.Update(msg)
		return tea.Batch(cmd, m.relayout())

	case pastAnswersMsg:
		m.c.pastLoaded(msg)
		if m.quiz.step == quizAnswer && m.quiz.note != nil && m.quiz.note.ID == msg.id {
			m.quiz.fill()
		}
		m.interview.fill()
		return nil

	case openStatsMsg:
		m.active = viewStats
		cmd = m.stats.open()
		return tea.Batch(cmd, m.relayout())

	case statsLoadedMsg:
		// The stats screen's store result, even if it has lost focus.
		cmd = m.stats.Update(msg)
		return cmd

	case quizDoneMsg:
		m.active = m.quizFrom
		if m.active == viewStats {
			// The session changed what the screen showed.
			cmd = m.stats.open()
		}
		return tea.Batch(m.c.loadProgress(), cmd, m.applyPending(), m.relayout())

	case deckChangedMsg:
		if msg.err != nil {
			m.c.setError(m.c.text.ErrWatchFmt, msg.err)
		}
		return tea.Batch(m.reload.read(), m.reload.wait())

	case editorDoneMsg:
		if msg.err != nil {
			m.c.setError(m.c.text.ErrEditorFmt, msg.err)
		}
		return m.reload.read()

	case deckLoadedMsg:
		return m.deckLoaded(msg)

	case reviewSavedMsg:
		// A session's store results go to their owner, even if it has
		// lost focus.
		return tea.Batch(m.screens()[msg.owner].Update(msg), m.relayout())
	case reviewUndoneMsg:
		return tea.Batch(m.screens()[msg.owner].Update(msg), m.relayout())
	case sessionLoadedMsg:
		cmd = m.quiz.Update(msg)
		return tea.Batch(cmd, m.relayout())

	case progressLoadedMsg:
		if msg.err != nil {
			m.c.setError(m.c.text.ErrProgressFmt, msg.err)
		}
		m.c.setProgress(msg.cards, msg.bookmarks, msg.settings, msg.newToday)
		if msg.suspended != nil {
			m.c.suspended = msg.suspended
		}
		m.applyTheme()
		cmd = m.list.setItems()
		return tea.Batch(cmd, m.relayout())

	case suspendedMsg, resetDoneMsg, resetUndoneMsg:
		cmd = m.studyResult(msg)
		return tea.Batch(cmd, m.relayout())

	case bookmarkToggledMsg:
		delete(m.c.inFlight, msg.id)
		switch {
		case msg.err != nil:
			m.c.setError(m.c.text.ErrBookmarkFmt, msg.err)
		case msg.on:
			m.c.setBookmark(msg.id, true, msg.at)
			m.c.status = m.c.text.BookmarkOn
		default:
			m.c.setBookmark(msg.id, false, msg.at)
			m.c.status = m.c.text.BookmarkOff
		}
		cmd = m.list.setItems()
		return tea.Batch(cmd, m.relayout())

	case noteRenderedMsg:
		if msg.err == nil {
			m.c.cacheRender(msg.key, msg.out)
		}
		m.detail.rendered(msg)
		m.quiz.renderedNote(msg)
		m.interview.renderedNote(msg)
		return nil

	case warmMsg:
		return m.warm()

	case list.FilterMatchesMsg, filterResultMsg:
		// The list's filtering runs in a command; its result is the list's
		// whichever view has focus.
		cmd = m.list.Update(msg)
		return cmd
	}

	switch m.active {
	case viewDetail:
		cmd = m.detail.Update(msg)
	case viewQuiz:
		cmd = m.quiz.Update(msg)
	case viewStats:
		cmd = m.stats.Update(msg)
	case viewInterview:
		cmd = m.interview.Update(msg)
	default:
		cmd = m.list.Update(msg)
	}
	return cmd
}

// capturing reports whether the active view takes keys as text.
func (m *Model) capturing() bool {
	return m.active == viewList && m.list.capturing() || m.active == viewQuiz && m.quiz.capturing() ||
		m.active == viewDetail && m.detail.capturing() || m.active == viewInterview && m.interview.capturing()
}

// screen is the contract every view keeps with the root: it is sized and
// re-styled (either may ask for a new rendering), updated with the
// messages routed to it, drawn, and has its own help.
type screen interface {
	SetSize(w, h int) tea.Cmd
	restyle() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// screens returns every view by name.
func (m *Model) screens() map[view]screen {
	return map[view]screen{viewList: &m.list, viewDetail: &m.detail, viewQuiz: &m.quiz,
		viewStats: &m.stats, viewInterview: &m.interview}
}

// relayout gives the active view the window size again (footers change
// height with help and status); the reading and self-test views may need
// a new rendering. The others are laid out when they are shown again:
// every switch calls relayout.
func (m *Model) relayout() tea.Cmd {
	return m.screens()[m.active].SetSize(m.c.width, m.c.height)
}

// restyle gives every view the new styles; only the active view's new
// rendering is asked for now (the others ask when they are shown).
func (m *Model) restyle() tea.Cmd {
	var cmd tea.Cmd
	for v, s := range m.screens() {
		if c := s.restyle(); v == m.active {
			cmd = c
		}
	}
	return cmd
}

// View draws the active view in the alternate screen.
func (m *Model) View() tea.View {
	var content string
	switch {
	case m.c.tooSmall():
		content = m.c.enlargeView()
	case m.active == viewDetail:
		content = m.detail.View()
	case m.active == viewQuiz:
		content = m.quiz.View()
	case m.active == viewStats:
		content = m.stats.View()
	case m.active == viewInterview:
		content = m.interview.View()
	default:
		content = m.list.View()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	if m.active == viewDetail || m.active == viewQuiz || m.active == viewStats || m.active == viewInterview {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "mianjing"
	return v
}

// applyTheme follows the theme setting: light or dark whatever the
// terminal says, or auto (the terminal's reported background).
func (m *Model) applyTheme() {
	dark := m.c.reportedDark
	switch m.c.settings.Theme {
	case "light":
		dark = false
	case "dark":
		dark = true
	}
	if dark != m.c.dark {
		m.c.setStyles(dark)
		m.restyle()
	}
}
