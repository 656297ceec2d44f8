package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The list's chrome: the header above the rows, the filter line, the page
// dots and the footer below them.

// listChrome holds the header and help that Update last drew, each with
// what it was drawn from. A cursor move changes neither, and drawing them
// was a fifth of a move's work; View uses them only while they are
// current and draws afresh otherwise, so neither can be stale.
type listChrome struct {
	headerKey headerKey
	header    string
	help      helpCache
}

// headerKey is everything the header is drawn from.
type headerKey struct {
	width                     int
	dark, noColor             bool
	name, scope               string
	total, fresh, due, marked int
}

func (m *listModel) headerKey() headerKey {
	t := m.c.tally
	return headerKey{width: m.width, dark: m.c.dark, noColor: m.c.noColor, name: m.c.deck.Name,
		scope: m.scopeName(), total: t.total, fresh: t.fresh, due: t.due, marked: t.marked}
}

// drawChrome draws the header and help whose keys changed, for View.
func (m *listModel) drawChrome() {
	if m.width == 0 {
		return
	}
	if k := m.headerKey(); k != m.chrome.headerKey || m.chrome.header == "" {
		m.chrome.headerKey, m.chrome.header = k, m.drawHeader()
	}
	// The room fit measured: if View finds another, it draws the help
	// itself.
	m.chrome.help.draw(m.c, m.helpKeys(), m.width, m.room, minListRows)
}

// header is the drawn header while it is current, else drawn now.
func (m *listModel) header() string {
	if m.chrome.header != "" && m.chrome.headerKey == m.headerKey() {
		return m.chrome.header
	}
	return m.drawHeader()
}

// drawHeader shows the deck name, scope and counts: notes, today's new
// cards (within the daily limit), reviews due today, bookmarks.
func (m *listModel) drawHeader() string {
	c, s := m.c, m.c.styles
	t := c.tally
	inner := m.width - s.Header.GetHorizontalFrameSize()
	name := c.deck.Name
	if name == "" {
		name = "mianjing"
	}
	left := s.HeaderTitle.Render(name) + s.Counts.Render(" · ") + s.Scope.Render(m.scopeName())
	right := s.Counts.Render(strings.Join([]string{
		fmt.Sprintf(c.text.NotesFmt, t.total),
		fmt.Sprintf(c.text.NewTodayFmt, t.fresh),
		fmt.Sprintf(c.text.DueTodayFmt, t.due),
		fmt.Sprintf(c.text.BookmarkedFmt, t.marked)}, " · "))
	line := left + "  " + right
	if gap := inner - lipgloss.Width(left) - lipgloss.Width(right); gap >= 2 {
		line = left + strings.Repeat(" ", gap) + right
	}
	return s.Header.Render(truncate(line, inner))
}

// filterLine shows the filter box, the applied filter or a hint.
func (m *listModel) filterLine() string {
	c, s := m.c, m.c.styles
	inner := m.width - s.FilterLine.GetHorizontalFrameSize()
	var line string
	switch m.list.FilterState() {
	case list.Filtering:
		line = m.list.FilterInput.View()
	case list.FilterApplied:
		line = s.Status.Render(fmt.Sprintf(c.text.FilterFmt, m.list.FilterValue(),
			len(m.list.VisibleItems()), len(m.list.Items())))
	default:
		return s.FilterLine.Render(truncate(s.FilterHint.Render(c.text.FilterHint), inner))
	}
	return s.FilterLine.Render(truncate(line, inner))
}

// pages draws the page dots, or "" on a single page.
func (m *listModel) pages() string {
	p := m.list.Paginator
	if p.TotalPages < 2 {
		return ""
	}
	st := m.c.styles.FilterLine
	inner := m.width - st.GetHorizontalFrameSize()
	if m.c.noColor || p.TotalPages*ansi.StringWidth(p.ActiveDot) > inner {
		p.Type = paginator.Arabic
	}
	return st.Render(truncate(p.View(), inner))
}

// helpRoom is the height the help may take below the header, the filter
// line and the status line: full help gives way to short help when it
// would leave the rows fewer than minListRows of it.
func (m *listModel) helpRoom(header, filter, status string) int {
	return m.height - lipgloss.Height(header) - lipgloss.Height(filter) - lipgloss.Height(status)
}

func (m *listModel) helpKeys() helpKeys { return helpKeys{m.ShortHelp(), m.FullHelp()} }

// help is the list's help for room lines.
func (m *listModel) help(room int) string {
	return m.chrome.help.view(m.c, m.helpKeys(), m.width, room, minListRows)
}

// footer is the status line and the help, below the header and filter
// line.
func (m *listModel) footer(header, filter string) string {
	// The status line is as wide as the window.
	status := m.c.statusLine(m.width, "")
	return stack(status, m.help(m.helpRoom(header, filter, status)))
}
