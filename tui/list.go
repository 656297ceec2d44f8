package tui

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/store"
)

// scope is which notes the list shows; f cycles it.
type scope int

const (
	scopeAll scope = iota
	scopeMarked
	scopeDue
	scopeCount
)

// listModel is the browsing view.
type listModel struct {
	c     *common
	keys  listKeys
	list  list.Model
	scope scope
	// rows are the drawn rows the delegate copies out in View; rowGen
	// advances when the items or styles change (see rowStamp).
	rows   *rowCache
	rowGen int
	// laid is what the last layout measured for; a key that changes none
	// of it (a cursor move) needs no new layout.
	laid layoutKey
	// search returns every note's FilterValue, lower-cased once on first
	// use (from the filter's command, or warmed when the filter opens).
	search func() []string
	// chapters are the deck's, counted once per deck: every key asks.
	chapters []string
	// movedAt is when the cursor last moved onto a note; warmWaiting, that
	// a warmMsg is on its way (see warmSoon).
	movedAt     time.Time
	warmWaiting bool
	// chapter, when set, narrows the list to one chapter (the c key);
	// the scope still applies within it.
	chapter string
	// chrome is the header and help drawn for View (see listChrome);
	// room is the help's room when the layout was last measured.
	chrome listChrome
	room   int
	width  int
	height int
}

func newList(c *common) listModel {
	rows := &rowCache{rows: map[rowKey]string{}}
	l := list.New(nil, noteDelegate{c: c, rows: rows}, 0, 0)
	l.Filter = (&narrowingFilter{}).filter
	l.KeyMap = c.keys.List.bubblesListKeys()
	l.DisableQuitKeybindings()
	l.SetShowTitle(false)
	l.SetShowFilter(false) // we draw the filter line ourselves
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetShowPagination(false)
	l.FilterInput.Prompt = c.text.FilterPrompt
	l.FilterInput.Placeholder = c.text.FilterHolder
	m := listModel{c: c, keys: c.keys.List, list: l, rows: rows}
	m.deckChanged()
	m.restyle()
	m.setItems()
	return m
}

// restyle pushes the current styles into the bubbles list.
func (m *listModel) restyle() tea.Cmd {
	m.rowGen++
	s := m.c.styles
	m.list.FilterInput.SetStyles(s.Input)
	m.list.Paginator.ActiveDot = s.DotActive
	m.list.Paginator.InactiveDot = s.DotIdle
	return nil
}

// scopeNotes returns the deck indices the current scope shows.
func (m *listModel) scopeNotes() []int {
	m.c.refreshTally(m.c.now())
	var out []int
	for i, n := range m.c.deck.Notes {
		if m.chapter != "" && n.Chapter != m.chapter {
			continue
		}
		if m.scope != scopeAll && m.c.isSuspended(n.ID) {
			continue // out of every study scope; the all scope shows it marked
		}
		switch m.scope {
		case scopeMarked:
			if !m.c.bookmarked(n.ID) {
				continue
			}
		case scopeDue:
			if !m.c.tally.today[n.ID] {
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

// setItems reloads the rows for the scope, keeping the selected note
// selected when it is still shown (else the same row number).
func (m *listModel) setItems() tea.Cmd {
	m.rowGen++
	prevNote, prevRow := -1, m.list.Index()
	if it, ok := m.list.SelectedItem().(noteItem); ok {
		prevNote = it.index
	}
	shown := m.scopeNotes()
	counts := map[string]int{}
	for _, i := range shown {
		counts[m.c.deck.Notes[i].Chapter]++
	}
	var items []list.Item
	last := ""
	for _, i := range shown {
		n := &m.c.deck.Notes[i]
		// One chapter's rows need no heading: the header names it.
		if n.Chapter != "" && n.Chapter != last && m.chapter == "" {
			items = append(items, chapterItem{name: n.Chapter, count: counts[n.Chapter]})
		}
		last = n.Chapter
		items = append(items, noteItem{index: i, note: n, search: m.search})
	}
	cmd := m.list.SetItems(items)
	if !m.selectNote(prevNote) {
		m.list.Select(min(prevRow, max(0, len(m.list.VisibleItems())-1)))
		m.skipHeading(1)
	}
	m.layout()
	return cmd
}

// selectNote selects the row of deck index i; false when it is not shown.
func (m *listModel) selectNote(i int) bool {
	for row, it := range m.list.VisibleItems() {
		if n, ok := it.(noteItem); ok && n.index == i {
			m.list.Select(row)
			return true
		}
	}
	return false
}

// skipHeading moves the cursor off a chapter heading, in direction dir
// (+1 down, -1 up), or the other way at the end of the list.
func (m *listModel) skipHeading(dir int) {
	items := m.list.VisibleItems()
	i := m.list.Index()
	if len(items) == 0 {
		return
	}
	if i < 0 || i >= len(items) {
		// The list keeps its cursor when a filter shrinks it.
		i = min(max(i, 0), len(items)-1)
		m.list.Select(i)
	}
	if _, ok := items[i].(chapterItem); !ok {
		return
	}
	for _, d := range []int{dir, -dir} {
		for j := i + d; j >= 0 && j < len(items); j += d {
			if _, ok := items[j].(noteItem); ok {
				m.list.Select(j)
				return
			}
		}
	}
}

// jumpChapter selects the first note of the next (dir +1) or previous
// (dir -1) chapter; -1 from inside a chapter goes to its own first note.
// It reports whether the cursor moved.
func (m *listModel) jumpChapter(dir int) bool {
	items := m.list.VisibleItems()
	cur := m.list.Index()
	var heads []int // rows of the chapters' first notes
	for i, it := range items {
		if _, ok := it.(chapterItem); ok && i+1 < len(items) {
			heads = append(heads, i+1)
		}
	}
	target := -1
	if dir > 0 {
		for _, h := range heads {
			if h > cur {
				target = h
				break
			}
		}
	} else {
		for k := len(heads) - 1; k >= 0; k-- {
			if heads[k] < cur {
				target = heads[k]
				break
			}
		}
	}
	if target < 0 {
		return false
	}
	m.list.Select(target)
	return true
}

// visibleOrder returns the deck indices of the rows, in list order, and
// the selected note's position in it.
func (m *listModel) visibleOrder() (order []int, pos int) {
	sel := m.list.Index()
	for i, it := range m.list.VisibleItems() {
		if n, ok := it.(noteItem); ok {
			if i == sel {
				pos = len(order)
			}
			order = append(order, n.index)
		}
	}
	return order, pos
}

// capturing reports whether keys are text for the filter box.
func (m *listModel) capturing() bool { return m.list.SettingFilter() }

func (m *listModel) scopeName() string {
	if m.chapter != "" {
		return m.chapter + " · " + [...]string{m.c.text.ScopeAll, m.c.text.ScopeMarked, m.c.text.ScopeDue}[m.scope]
	}
	return [...]string{m.c.text.ScopeAll, m.c.text.ScopeMarked, m.c.text.ScopeDue}[m.scope]
}

// quizMode is the mode s logs its session under: the due scope's
// session is today's study; the others study what they list.
func (m *listModel) quizMode() store.Mode {
	switch m.scope {
	case scopeMarked:
		return store.ModeBookmarked
	case scopeDue:
		return store.ModeDue
	}
	return store.ModeAll
}

// studyIDs are the notes s studies: exactly the rows the list shows (its
// scope, chapter and filter), in deck order.
func (m *listModel) studyIDs() []string {
	var rows []int
	for _, it := range m.list.VisibleItems() {
		if n, ok := it.(noteItem); ok && !m.c.isSuspended(n.note.ID) {
			rows = append(rows, n.index)
		}
	}
	slices.Sort(rows)
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = m.c.deck.Notes[r].ID
	}
	return ids
}

// allIDs are the notes an empty session offers instead: the chapter, or
// the deck, in deck order.
func (m *listModel) allIDs() []string {
	var ids []string
	for _, n := range m.c.deck.Notes {
		if (m.chapter == "" || n.Chapter == m.chapter) && !m.c.isSuspended(n.ID) {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// Update handles the list's keys; while the filter box has focus every
// key goes to it.
func (m *listModel) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.capturing() {
		sel, hasSel := m.list.SelectedItem().(noteItem)
		switch {
		case key.Matches(k, m.keys.Quit):
			return tea.Quit
		case key.Matches(k, m.keys.Open) && hasSel:
			order, pos := m.visibleOrder()
			return m.c.navigate(openNoteMsg{order: order, pos: pos})
		case key.Matches(k, m.keys.Chapter) && hasSel:
			if m.chapter != "" {
				m.chapter = ""
			} else {
				m.chapter = sel.note.Chapter
			}
			return m.setItems()
		case key.Matches(k, m.keys.PrevChapter), key.Matches(k, m.keys.NextChapter):
			dir := 1
			if key.Matches(k, m.keys.PrevChapter) {
				dir = -1
			}
			if m.chapter != "" {
				m.chapter = nextChapter(m.chapters, m.chapter, dir)
				return m.setItems()
			}
			if !m.jumpChapter(dir) {
				m.c.status = m.c.text.NoMoreChapters
			}
			m.layout()
			return nil
		case key.Matches(k, m.keys.Bookmark) && hasSel:
			return m.c.toggleBookmark(sel.note.ID)
		case key.Matches(k, m.keys.Suspend) && hasSel:
			return m.c.toggleSuspend(sel.note.ID)
		case key.Matches(k, m.keys.Reset) && hasSel:
			m.c.askReset(sel.note.ID, sel.note.Title)
			return nil
		case key.Matches(k, m.keys.Cram):
			return m.c.navigate(startQuizMsg{ids: m.studyIDs(), mode: store.ModeCram, listed: true, others: m.allIDs()})
		case key.Matches(k, m.keys.Scope):
			m.scope = (m.scope + 1) % scopeCount
			return m.setItems()
		case key.Matches(k, m.keys.Study):
			return m.c.navigate(startQuizMsg{ids: m.studyIDs(), mode: m.quizMode(), listed: true, others: m.allIDs()})
		case key.Matches(k, m.keys.StudyAll):
			return m.c.navigate(startQuizMsg{ids: m.studyIDs(), mode: store.ModeAll, others: m.allIDs()})
		case key.Matches(k, m.keys.Stats):
			return m.c.navigate(openStatsMsg{})
		case key.Matches(k, m.keys.Interview):
			return m.c.navigate(startInterviewMsg{})
		}
	}
	if fm, ok := msg.(filterResultMsg); ok {
		// Two searches can run at once (keys typed together); only the
		// one for the filter as it stands now may set the rows.
		if fm.term != m.list.FilterValue() {
			return nil
		}
		msg = fm.matches
	}
	if _, ok := msg.(list.FilterMatchesMsg); ok {
		m.rowGen++ // the matches, and so the highlights, may change
	}
	opening := !m.capturing()
	before := m.list.Index()
	beforeNote := m.selectedIndex()
	term := m.list.FilterValue()
	m.list, cmd = m.list.Update(msg)
	if m.list.FilterValue() != term || m.capturing() {
		cmd = tagFilter(cmd, m.list.FilterValue())
	}
	if after := m.list.Index(); after < before {
		m.skipHeading(-1)
	} else {
		m.skipHeading(1)
	}
	if opening && m.capturing() {
		// Lower-case the deck for the filter while the learner types.
		search := m.search
		cmd = tea.Batch(cmd, func() tea.Msg { search(); return nil })
	}
	m.layout()
	if m.selectedIndex() != beforeNote {
		cmd = tea.Batch(cmd, m.warmSoon())
	}
	return cmd
}

// updateKeys enables the bindings that apply now, so help shows only them.
func (m *listModel) updateKeys() {
	filtering := m.list.SettingFilter()
	has := len(m.list.VisibleItems()) > 0
	k := &m.keys
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Top, &k.Bottom, &k.Open, &k.Bookmark, &k.Suspend, &k.Reset} {
		b.SetEnabled(!filtering && has)
	}
	// A self-test also starts from an empty scope: it then says when the
	// next note is due and offers the others.
	study := !filtering && len(m.c.deck.Notes) > 0 && (!m.list.IsFiltered() || has)
	k.Study.SetEnabled(study)
	k.StudyAll.SetEnabled(study)
	k.Cram.SetEnabled(study)
	pages := m.list.Paginator.TotalPages > 1
	k.PrevPage.SetEnabled(!filtering && pages)
	k.NextPage.SetEnabled(!filtering && pages)
	k.Filter.SetEnabled(!filtering && len(m.list.Items()) > 0)
	k.ClearFilter.SetEnabled(m.list.IsFiltered())
	k.Scope.SetEnabled(!filtering)
	chapters := !filtering && len(m.chapters) > 0
	k.Chapter.SetEnabled(chapters && has)
	k.PrevChapter.SetEnabled(chapters && (has || m.chapter != ""))
	k.NextChapter.SetEnabled(chapters && (has || m.chapter != ""))
	k.Stats.SetEnabled(!filtering)
	k.Interview.SetEnabled(!filtering && len(m.c.deck.Notes) > 0)
	k.Quit.SetEnabled(!filtering)
	k.Difficulty.SetEnabled(filtering || k.Filter.Enabled())
	k.Tag.SetEnabled(k.Difficulty.Enabled())
	k.AcceptFilter.SetEnabled(filtering && m.list.FilterValue() != "")
	k.CancelFilter.SetEnabled(filtering)
}

// ShortHelp is the one-line help of the list.
func (m *listModel) ShortHelp() []key.Binding {
	g := m.c.keys.Global
	if m.capturing() {
		return []key.Binding{m.keys.AcceptFilter, m.keys.CancelFilter, g.ForceQuit}
	}
	// Arrows are left to full help: the line is too short for everything.
	// Stats and the interview come last so that a narrow line drops them
	// before help and quit.
	return []key.Binding{m.keys.Open, m.keys.Filter, m.keys.ClearFilter,
		m.keys.Bookmark, m.keys.Scope, m.keys.Study, g.helpBinding(m.c.text, m.c.help.ShowAll), m.keys.Quit,
		m.keys.Stats, m.keys.Interview}
}

// FullHelp is the list's help in columns.
func (m *listModel) FullHelp() [][]key.Binding {
	g := m.c.keys.Global
	k := m.keys
	if m.capturing() {
		return [][]key.Binding{{k.AcceptFilter, k.CancelFilter, g.ForceQuit}, {k.Difficulty, k.Tag}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PrevPage, k.NextPage, k.Top, k.Bottom},
		{k.Open, k.Filter, k.Difficulty, k.Tag, k.ClearFilter, k.Bookmark, k.Scope},
		{k.Chapter, k.PrevChapter, k.NextChapter, k.Suspend, k.Reset, k.Cram, k.Interview},
		{k.Study, k.StudyAll, k.Stats, g.helpBinding(m.c.text, m.c.help.ShowAll), k.Quit, g.ForceQuit},
	}
}

// SetSize sets the view's size.
func (m *listModel) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.rowGen++ // shown again (after a self-test, say): draw the rows afresh
	m.layout()
	return nil
}

// layout gives the bubbles list what the header and footer leave. The
// page dots are ours: the list's own reserve their height from the page
// count before it is recomputed, and overflow by a line when paging starts.
func (m *listModel) layout() {
	defer m.drawChrome()
	defer m.fillRows()
	m.updateKeys()
	k := m.layoutKey()
	if k == m.laid && m.width != 0 {
		return
	}
	m.laid = k
	if m.width == 0 {
		// No window size yet (the model is being built): the first
		// WindowSizeMsg lays the list out; measuring now was a third of
		// start-up's work.
		return
	}
	// Twice: the help's height depends on which keys are enabled, and the
	// page keys on how many rows there are; unless the keys came out as
	// they were when the first fit measured the help.
	before := m.enabledKeys()
	m.fit()
	m.updateKeys()
	if m.enabledKeys() != before {
		m.fit()
		m.updateKeys()
	}
}

// enabledKeys is the enabled state of the list's bindings, one bit each.
func (m *listModel) enabledKeys() uint32 {
	k := &m.keys
	var bits uint32
	for i, b := range []*key.Binding{&k.Up, &k.Down, &k.PrevPage, &k.NextPage, &k.Top, &k.Bottom,
		&k.Filter, &k.ClearFilter, &k.AcceptFilter, &k.CancelFilter, &k.Open, &k.Bookmark, &k.Scope,
		&k.Study, &k.StudyAll, &k.Stats, &k.Quit, &k.Difficulty, &k.Chapter, &k.PrevChapter, &k.NextChapter,
		&k.Suspend, &k.Reset, &k.Cram, &k.Interview} {
		if b.Enabled() {
			bits |= 1 << i
		}
	}
	return bits
}

func (m *listModel) fit() {
	m.room = m.helpRoom(m.header(), m.filterLine(), m.c.statusLine(m.width, ""))
	rows := max(1, m.room-lipgloss.Height(m.help(m.room)))
	if len(m.list.VisibleItems()) > rows && rows > 1 {
		rows-- // the dots line
	}
	m.list.SetSize(m.width, rows)
	in := m.c.styles.FilterLine.GetHorizontalFrameSize() + lipgloss.Width(m.list.FilterInput.Prompt) + 1
	m.list.FilterInput.SetWidth(max(1, m.width-in))
}

// minListRows is the least room the rows get before full help gives way.
const minListRows = 4

// View draws the list view.
func (m *listModel) View() string {
	items := m.list.VisibleItems()
	var body string
	if len(items) > 0 {
		body = m.list.View()
	} else {
		msg := map[scope]string{scopeAll: m.c.text.EmptyAll, scopeMarked: m.c.text.EmptyMarked,
			scopeDue: m.c.text.EmptyDue}[m.scope]
		if m.list.FilterState() != list.Unfiltered {
			msg = m.c.text.NoMatches
		}
		st := m.c.styles.Empty
		msg = ansi.Wrap(msg, max(1, m.width-st.GetHorizontalFrameSize()), "")
		body = lipgloss.NewStyle().Height(m.list.Height()).MaxHeight(m.list.Height()).Render(st.Render(msg))
	}
	header, filter := m.header(), m.filterLine()
	parts := []string{header, filter, body}
	if p := m.pages(); p != "" {
		parts = append(parts, p)
	}
	parts = append(parts, m.footer(header, filter))
	return stack(parts...)
}

// nextChapter is the chapter after (dir +1) or before (dir -1) cur in
// chapters, wrapping around.
func nextChapter(chapters []string, cur string, dir int) string {
	i := slices.Index(chapters, cur)
	if i < 0 || len(chapters) == 0 {
		return cur
	}
	return chapters[(i+dir+len(chapters))%len(chapters)]
}

// filterResultMsg is a search's result (list.FilterMatchesMsg) with the
// filter it searched for, set by tagFilter.
type filterResultMsg struct {
	term    string
	matches list.FilterMatchesMsg
}

// tagFilter wraps the bubbles list's commands so that a search's result
// comes back with its term: the list runs each keystroke's search in a
// command of its own, and the results can arrive out of order.
func tagFilter(cmd tea.Cmd, term string) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case list.FilterMatchesMsg:
			return filterResultMsg{term: term, matches: msg}
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = tagFilter(c, term)
			}
			return out
		default:
			return msg
		}
	}
}

// layoutKey is everything the list's layout depends on: the size, the help
// shown, the keys it lists, the rows (the page dots) and the filter box.
type layoutKey struct {
	width, height int
	fullHelp      bool
	keys          uint32
	rows          int
	filter        list.FilterState
	status        bool
}

func (m *listModel) layoutKey() layoutKey {
	return layoutKey{width: m.width, height: m.height, fullHelp: m.c.help.ShowAll, keys: m.enabledKeys(),
		rows: len(m.list.VisibleItems()), filter: m.list.FilterState(), status: m.c.status != "" || m.c.errText != ""}
}

// fillRows draws the page's note rows that the cache lacks, emptying it
// first when what rows show has changed.
func (m *listModel) fillRows() {
	if m.width == 0 {
		return
	}
	stamp := rowStamp{width: m.list.Width(), filter: m.list.FilterState(), day: m.c.tally.day, gen: m.rowGen}
	if stamp != m.rows.stamp || len(m.rows.rows) > maxCachedRows {
		clear(m.rows.rows)
		m.rows.stamp = stamp
	}
	d := noteDelegate{c: m.c}
	l := &m.list // its methods take a copy of it (29 KB) each: call them once
	items, sel, width := l.VisibleItems(), l.Index(), l.Width()
	start, end := l.Paginator.GetSliceBounds(len(items))
	for i := start; i < end; i++ {
		it, ok := items[i].(noteItem)
		if !ok {
			continue
		}
		k := rowKey{it.index, i == sel}
		if _, ok := m.rows.rows[k]; !ok {
			m.rows.rows[k], _ = d.drawRow(it, width, k.selected, l.MatchesForItem(i))
		}
	}
}

// selectedIndex is the deck index of the selected note, or -1.
func (m *listModel) selectedIndex() int {
	if it, ok := m.list.SelectedItem().(noteItem); ok {
		return it.index
	}
	return -1
}
