// Package tui is mianjing's full-screen interface: a list of the deck's
// notes and a reading view, on Bubble Tea v2.
package tui

import (
	"errors"
	"fmt"
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
}

// view names the screen that has focus.
type view int

const (
	viewList view = iota
	viewDetail
)

// Model is the root model: it routes messages to the list and reading
// views and holds what they share.
type Model struct {
	c      *common
	active view
	list   listModel
	detail detailModel
}

// New returns the root model for o. o.Store must be set (Run checks); a nil
// Deck is an empty deck.
func New(o Options) Model {
	c := newCommon(o)
	return Model{c: c, list: newList(c), detail: newDetail(c)}
}

// Run runs the app in the alternate screen until the learner quits.
// Bubble Tea restores the terminal if the program panics and reports it
// as an error.
func Run(o Options) error {
	if o.Deck == nil || o.Store == nil {
		return errors.New("tui: Options need a Deck and a Store")
	}
	if _, err := tea.NewProgram(New(o)).Run(); err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}

// Init asks for the terminal's background colour (the answer may never
// come; we start dark) and loads the progress snapshot.
func (m Model) Init() tea.Cmd {
	var load tea.Cmd
	if m.c.store != nil {
		load = loadProgressCmd(m.c.store)
	}
	return tea.Batch(tea.RequestBackgroundColor, load)
}

// Update routes msg: global keys, then sizes to every view, then view
// switches, then results to their owners, then the rest to the active view.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.c.status, m.c.errText = "", ""
		g := m.c.keys.Global
		if key.Matches(msg, g.ForceQuit) {
			return m, tea.Quit
		}
		if key.Matches(msg, g.Help) && !m.capturing() {
			m.c.help.ShowAll = !m.c.help.ShowAll
			return m, m.relayout()
		}

	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		return m, m.relayout()

	case tea.BackgroundColorMsg:
		if msg.IsDark() == m.c.dark {
			return m, nil
		}
		m.c.setStyles(msg.IsDark())
		m.list.applyStyles()
		return m, tea.Batch(m.relayout(), m.onlyIfReading(m.detail.restyle()))

	case openNoteMsg:
		m.active = viewDetail
		cmd = m.detail.open(msg.order, msg.pos)
		return m, tea.Batch(cmd, m.relayout())

	case backMsg:
		m.active = viewList
		m.list.selectNote(msg.index)
		return m, m.relayout()

	case startQuizMsg:
		// TODO(quiz issue): open the self-test view with msg.ids and msg.mode.
		m.c.status = m.c.text.ComingSoon
		return m, m.relayout()

	case progressLoadedMsg:
		if msg.err != nil {
			m.c.setError(m.c.text.ErrProgressFmt, msg.err)
		}
		if msg.cards != nil {
			m.c.cards = msg.cards
		}
		if msg.bookmarks != nil {
			m.c.bookmarks = msg.bookmarks
		}
		m.c.settings = msg.settings
		cmd = m.list.setItems()
		return m, tea.Batch(cmd, m.relayout())

	case bookmarkToggledMsg:
		delete(m.c.inFlight, msg.id)
		switch {
		case msg.err != nil:
			m.c.setError(m.c.text.ErrBookmarkFmt, msg.err)
		case msg.on:
			m.c.bookmarks[msg.id] = msg.at
			m.c.status = m.c.text.BookmarkOn
		default:
			delete(m.c.bookmarks, msg.id)
			m.c.status = m.c.text.BookmarkOff
		}
		cmd = m.list.setItems()
		return m, tea.Batch(cmd, m.relayout())

	case noteRenderedMsg:
		if msg.err == nil {
			m.c.cacheRender(msg.key, msg.out)
		}
		m.detail.rendered(msg)
		return m, nil

	case list.FilterMatchesMsg:
		// The list's filtering runs in a command; its result is the list's
		// whichever view has focus.
		m.list, cmd = m.list.Update(msg)
		return m, cmd
	}

	switch m.active {
	case viewDetail:
		m.detail, cmd = m.detail.Update(msg)
	default:
		m.list, cmd = m.list.Update(msg)
	}
	return m, cmd
}

// capturing reports whether the active view takes keys as text.
func (m Model) capturing() bool {
	return m.active == viewList && m.list.capturing()
}

// relayout gives every view the window size again (footers change height
// with help and status); the reading view may need a new rendering.
func (m *Model) relayout() tea.Cmd {
	m.list.SetSize(m.c.width, m.c.height)
	return m.onlyIfReading(m.detail.SetSize(m.c.width, m.c.height))
}

// onlyIfReading drops a reading-view render request made while the list
// has focus; opening a note asks again.
func (m *Model) onlyIfReading(cmd tea.Cmd) tea.Cmd {
	if m.active != viewDetail {
		return nil
	}
	return cmd
}

// View draws the active view in the alternate screen.
func (m Model) View() tea.View {
	var content string
	switch {
	case m.c.tooSmall():
		content = m.c.enlargeView()
	case m.active == viewDetail:
		content = m.detail.View()
	default:
		content = m.list.View()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	if m.active == viewDetail {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "mianjing"
	return v
}
