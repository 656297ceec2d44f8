package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/charts"
	"mianjing/tui/render"
	"mianjing/wording"
)

// Layout of the stats screen.
const (
	statsGap      = 3  // columns between blocks side by side
	forecastRows  = 5  // height of the forecast's bars
	recallBarMax  = 30 // widest recall bar, percentage included
	recallBarMid  = 12 // the bar keeps this much while titles keep minTitleWidth
	recallBarMin  = 5  // narrower than 6 RBar draws the percentage alone
	minTitleWidth = 16 // titles keep this much before the bar gives way below recallBarMid
	emptyTextMax  = 60 // wrap width of the empty state's text
	minStatsRows  = 4  // least room the body keeps before full help gives way
)

// statsModel is the stats screen: pictures of the learner's progress, read
// from the store every time it opens. It scrolls as one page: the charts,
// then a row per note; rows are drawn only when on screen, so a deck of
// thousands of notes costs no more per frame than a small one.
type statsModel struct {
	c    *common
	keys statsKeys

	ids     []string       // the deck's note ids, in deck order
	index   map[string]int // note id → deck index
	longest int            // the widest title in cells; 0 until measured

	gen     int // which opening; results of an older one are stale
	loading bool
	err     error
	stats   srs.Stats
	loaded  bool
	// interviews are the past mock interviews, newest first.
	interviews []store.Interview
	deckOrder  bool // per-note rows in deck order rather than weakest first

	// The page, laid out by fill for the width: head is the charts and the
	// notes' headings, rows the notes below them in the chosen order.
	head   []string
	rows   []srs.NoteStats
	cols   noteColumns
	offset int // the first line of the page on screen
	bodyH  int // lines of the page on screen

	width, height int
}

// noteColumns are the widths of a note row's columns.
type noteColumns struct{ num, title, bar, stab, lapses int }

// wheelLines is how far one turn of the mouse wheel scrolls.
const wheelLines = 3

func newStats(c *common) statsModel {
	m := statsModel{c: c, keys: c.keys.Stats, index: map[string]int{}}
	for i, n := range c.deck.Notes {
		m.ids = append(m.ids, n.ID)
		m.index[n.ID] = i
	}
	m.updateKeys()
	return m
}

// open starts reading the store; the read queues behind every write asked
// for before, so a self-test's last grade is counted.
func (m *statsModel) open() tea.Cmd {
	m.gen++
	m.loading, m.loaded, m.err = true, false, nil
	m.stats, m.head, m.rows, m.offset = srs.Stats{}, nil, nil, 0
	if m.c.store == nil { // nothing to read: an empty history
		m.loading, m.loaded = false, true
		m.stats = srs.ComputeStats(srs.StatsInput{Deck: m.ids, Now: m.c.now(), Sched: m.c.scheduler(m.c.now())})
	}
	m.relayout()
	if m.c.store == nil {
		return nil
	}
	return m.c.io.add(loadStatsJob(m.c.store, m.gen, m.ids, m.c.now()))
}

// loadStatsJob reads the store and computes the statistics, off the update
// loop: a long history takes tens of milliseconds.
func loadStatsJob(st store.Store, gen int, deck []string, now time.Time) func() tea.Msg {
	return func() tea.Msg {
		in, err := store.StatsInput(st, deck, now)
		if err != nil {
			return statsLoadedMsg{gen: gen, err: err}
		}
		ivs, err := st.Interviews()
		if err != nil {
			return statsLoadedMsg{gen: gen, err: err}
		}
		return statsLoadedMsg{gen: gen, stats: srs.ComputeStats(in), interviews: ivs}
	}
}

// restyle redraws the charts in the current styles.
func (m *statsModel) restyle() tea.Cmd {
	m.fill()
	return nil
}

// Update handles the screen's keys, the mouse wheel and its store result.
func (m *statsModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case statsLoadedMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.loading, m.err = false, msg.err
		if msg.err == nil {
			m.stats, m.loaded, m.interviews = msg.stats, true, msg.interviews
		}
		m.relayout()
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Back):
			return m.c.navigate(backMsg{index: -1})
		case key.Matches(msg, k.Study):
			return m.c.navigate(startQuizMsg{ids: slices.Clone(m.ids), mode: store.ModeDue})
		case key.Matches(msg, k.Sort):
			m.deckOrder = !m.deckOrder
			m.fill()
		case key.Matches(msg, k.Up):
			m.scrollTo(m.offset - 1)
		case key.Matches(msg, k.Down):
			m.scrollTo(m.offset + 1)
		case key.Matches(msg, k.PageUp):
			m.scrollTo(m.offset - m.bodyH)
		case key.Matches(msg, k.PageDown):
			m.scrollTo(m.offset + m.bodyH)
		case key.Matches(msg, k.HalfUp):
			m.scrollTo(m.offset - max(1, m.bodyH/2))
		case key.Matches(msg, k.HalfDown):
			m.scrollTo(m.offset + max(1, m.bodyH/2))
		case key.Matches(msg, k.Top):
			m.scrollTo(0)
		case key.Matches(msg, k.Bottom):
			m.scrollTo(m.maxOffset())
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scrollTo(m.offset - wheelLines)
		case tea.MouseWheelDown:
			m.scrollTo(m.offset + wheelLines)
		}
	}
	return nil
}

// showsCharts reports whether the body is the charts (not the loading
// line, an error or the empty state).
func (m *statsModel) showsCharts() bool {
	return m.loaded && !m.stats.Empty
}

// lineCount is the height of the whole page.
func (m *statsModel) lineCount() int { return len(m.head) + len(m.rows) }

func (m *statsModel) maxOffset() int { return max(0, m.lineCount()-m.bodyH) }

func (m *statsModel) scrollTo(offset int) {
	m.offset = min(max(0, offset), m.maxOffset())
}

// scrolls reports whether the page is taller than the screen.
func (m *statsModel) scrolls() bool {
	return m.showsCharts() && m.lineCount() > m.bodyH
}

// atBottom reports whether the page's last line is on screen.
func (m *statsModel) atBottom() bool { return m.offset >= m.maxOffset() }

// SetSize sets the screen's size and lays the page out for it.
func (m *statsModel) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.relayout()
	return nil
}

// relayout lays the page out for the width, then sizes the body and
// enables the keys that apply; twice, since the help's height depends on
// whether the page scrolls.
func (m *statsModel) relayout() {
	m.fill()
	for range 2 {
		m.bodyH = max(1, m.height-lipgloss.Height(m.titleBar())-lipgloss.Height(m.footer()))
		m.updateKeys()
	}
	m.scrollTo(m.offset)
}

// updateKeys enables the bindings that apply, so help shows only them.
func (m *statsModel) updateKeys() {
	k := &m.keys
	scroll := m.scrolls()
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp, &k.Top, &k.Bottom} {
		b.SetEnabled(scroll)
	}
	k.Sort.SetEnabled(m.showsCharts() && len(m.stats.Notes) > 1)
	k.Study.SetEnabled(len(m.ids) > 0)
}

// ShortHelp is the one-line help of the stats screen.
func (m *statsModel) ShortHelp() []key.Binding {
	k := m.keys
	scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", m.c.text.KeyScroll))
	scroll.SetEnabled(m.scrolls())
	// Back before study and help: a narrow line keeps the way out.
	return []key.Binding{scroll, k.Sort, k.Back, k.Study, m.c.keys.Global.helpBinding(m.c.text, m.c.help.ShowAll)}
}

// FullHelp is the stats screen's help in columns.
func (m *statsModel) FullHelp() [][]key.Binding {
	k, g := m.keys, m.c.keys.Global
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp},
		{k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Sort, k.Study, g.helpBinding(m.c.text, m.c.help.ShowAll), k.Back, g.ForceQuit},
	}
}

// View draws the title bar, the body and the footer.
func (m *statsModel) View() string {
	s, t := m.c.styles, m.c.text
	var body string
	switch {
	case m.err != nil:
		body = m.centre(s.Error.Render(fmt.Sprintf(t.ErrStatsFmt, m.err)))
	case m.loading || !m.loaded:
		body = m.centre(s.Status.Render(t.StatsLoading))
	case m.stats.Empty:
		body = m.centre(m.emptyView())
	default:
		body = m.page()
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.titleBar(), body, m.footer())
}

// page draws the lines of the page on screen, bodyH of them.
func (m *statsModel) page() string {
	pad := strings.Repeat(" ", m.c.styles.Viewport.GetPaddingLeft())
	lines := make([]string, m.bodyH)
	for i := range lines {
		if n := m.offset + i; n < m.lineCount() {
			lines[i] = pad + m.line(n)
		}
	}
	return strings.Join(lines, "\n")
}

// line is line n of the page.
func (m *statsModel) line(n int) string {
	if n < len(m.head) {
		return m.head[n]
	}
	// Cut as a safety net: the columns fit any window the app draws in.
	return truncate(m.noteRow(m.rows[n-len(m.head)]), m.width-m.c.styles.Viewport.GetHorizontalFrameSize())
}

// centre places a short message in the middle of the body, each line
// centred, wrapped and cut to fit.
func (m *statsModel) centre(msg string) string {
	w, h := max(1, m.width), m.bodyH
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		if lipgloss.Width(l) <= w-2 {
			lines = append(lines, l)
			continue
		}
		// WrapLine breaks Chinese between characters; ansi.Wrap only at spaces.
		lines = append(lines, render.WrapLine(l, max(1, w-2))...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// emptyView invites a first self-test instead of drawing empty charts.
func (m *statsModel) emptyView() string {
	s, t := m.c.styles, m.c.text
	w := max(1, min(emptyTextMax, m.width-4))
	lines := []string{s.Section.Render(t.StatsEmptyTitle), ""}
	lines = append(lines, render.WrapLine(t.StatsEmptyBody, w)...)
	if n := len(m.ids); n > 0 {
		lines = append(lines, "", fmt.Sprintf(t.StatsEmptyDeck, n))
	}
	lines = append(lines, "", s.Hint.Render(t.OfferBack))
	return strings.Join(lines, "\n")
}

// titleBar names the screen and the deck, with today's date on the right.
func (m *statsModel) titleBar() string {
	s, t := m.c.styles, m.c.text
	inner := m.width - s.TitleBar.GetHorizontalFrameSize()
	left := t.StatsTitle
	if name := m.c.deck.Name; name != "" {
		left += " · " + name
	}
	right := wording.Date(t.Lang, m.c.now(), m.c.now())
	line := left
	if gap := inner - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= 2 {
		line = left + strings.Repeat(" ", gap) + right
	}
	return s.TitleBar.Width(m.width).Render(truncate(line, inner))
}

// footer is the status line, with the scroll percent when the page
// scrolls, and the help.
func (m *statsModel) footer() string {
	pct := ""
	if m.scrolls() {
		p := float64(m.offset) / float64(max(1, m.maxOffset()))
		pct = m.c.styles.Percent.Render(fmt.Sprintf(m.c.text.ScrollFmt, int(math.Round(p*100))))
	}
	status := m.c.statusLine(m.width, pct)
	room := m.height - lipgloss.Height(m.titleBar()) - lipgloss.Height(status)
	return lipgloss.JoinVertical(lipgloss.Left, status, m.c.helpView(m, m.width, room, minStatsRows))
}

// fill lays the page out for the width: the charts, the notes' headings
// and the order and column widths of their rows.
func (m *statsModel) fill() {
	if !m.showsCharts() || m.width == 0 {
		m.head, m.rows = nil, nil
		return
	}
	width := max(1, m.width-m.c.styles.Viewport.GetHorizontalFrameSize())
	m.rows = m.sortedNotes()
	m.cols = m.columns(width)
	m.head = m.content(width)
	m.scrollTo(m.offset)
}

// content lays the charts out in width cells: heatmap, forecast and the
// summary side by side where they fit, stacked where they do not, then the
// headings of the notes' rows.
func (m *statsModel) content(width int) []string {
	heat, fc := m.heatmapBlock(width), m.forecastBlock(width)
	states, activity := m.statesBlock(), m.activityBlock()
	column := lipgloss.JoinVertical(lipgloss.Left, states, "", activity)
	summary := column
	if fits(width, states, activity) {
		summary = besides(states, activity)
	}
	var rows []string
	switch {
	case fits(width, heat, fc, column):
		rows = []string{besides(heat, fc, column)}
	case fits(width, heat, fc):
		rows = []string{besides(heat, fc), summary}
	case fits(width, heat, column):
		rows = []string{besides(heat, column), fc}
	case fits(width, fc, column):
		rows = []string{heat, besides(fc, column)}
	default:
		rows = []string{heat, fc, summary}
	}
	if len(m.interviews) > 0 {
		rows = append(rows, m.interviewsBlock(width))
	}
	rows = append(rows, m.notesHeading(width))
	var lines []string
	for i, r := range rows {
		if i > 0 {
			lines = append(lines, "")
		}
		for _, l := range strings.Split(r, "\n") {
			lines = append(lines, strings.TrimRight(truncate(l, width), " "))
		}
	}
	return lines
}

// fits reports whether blocks fit side by side in width cells.
func fits(width int, blocks ...string) bool {
	w := statsGap * (len(blocks) - 1)
	for _, b := range blocks {
		w += lipgloss.Width(b)
	}
	return w <= width
}

// besides joins blocks side by side, statsGap apart, tops aligned.
func besides(blocks ...string) string {
	gap := strings.Repeat(" ", statsGap)
	parts := make([]string, 0, 2*len(blocks))
	for i, b := range blocks {
		if i > 0 {
			parts = append(parts, gap)
		}
		parts = append(parts, b)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, parts...)
}

// heatmapBlock is the review calendar: as many of the last 26 weeks as fit.
func (m *statsModel) heatmapBlock(width int) string {
	s, t, st := m.c.styles, m.c.text, m.stats
	weeks := min(srs.HeatmapWeeks, charts.MaxWeeks(width))
	title := s.Section.Render(fmt.Sprintf(t.CalendarFmt, weeks))
	return lipgloss.JoinVertical(lipgloss.Left, title, charts.Heatmap(st.Daily, st.Today, weeks, s.Charts, t.Lang))
}

// forecastBlock is the due forecast, one bar per study day from today.
func (m *statsModel) forecastBlock(width int) string {
	s, t, st := m.c.styles, m.c.text, m.stats
	labels := make([]string, len(st.Forecast))
	for i := range labels {
		labels[i] = strconv.Itoa(srs.DayDate(st.Today + i).Day())
	}
	if len(labels) > 0 {
		labels[0] = t.ForecastToday
	}
	bars := charts.Bars(st.Forecast, labels, forecastRows, width, s.Charts)
	return lipgloss.JoinVertical(lipgloss.Left, s.Section.Render(t.ForecastTitle), bars)
}

// statesBlock is how the deck's notes stand: a bar split mastered, review,
// learning, new, and its legend with the counts.
func (m *statsModel) statesBlock() string {
	s, t, st := m.c.styles, m.c.text, m.stats
	counts := [4]int{st.Mastered, st.Review, st.Learning, st.New}
	names := [4]string{t.StatMastered, t.StatReview, t.StatLearning, t.StatNew}
	item := func(i int) string {
		return s.Tally[i].Render(s.TallyGlyph[i]) + " " + names[i] + " " + s.StatsValue.Render(strconv.Itoa(counts[i]))
	}
	// Two items a line, the first column padded to line up.
	colW := max(lipgloss.Width(item(0)), lipgloss.Width(item(2)))
	pad := func(x string) string { return x + strings.Repeat(" ", colW-lipgloss.Width(x)) }
	legend := []string{pad(item(0)) + "   " + item(1), pad(item(2)) + "   " + item(3)}
	barW := max(lipgloss.Width(legend[0]), lipgloss.Width(legend[1]))
	total := len(st.Notes)
	var bar strings.Builder
	done, sum := 0, 0
	for i, n := range counts {
		sum += n
		end := barW
		if total > 0 {
			end = int(math.Round(float64(sum) * float64(barW) / float64(total)))
		}
		if total == 0 && i < len(counts)-1 {
			end = 0 // an empty deck draws the new part only
		}
		if end > done {
			bar.WriteString(s.Tally[i].Render(strings.Repeat(s.TallyGlyph[i], end-done)))
			done = end
		}
	}
	title := s.Section.Render(fmt.Sprintf(t.NotesStateFmt, total))
	return lipgloss.JoinVertical(lipgloss.Left, title, bar.String(), legend[0], legend[1])
}

// activityBlock is the reviews of today and the week, the streaks and the
// true retention of the last 30 days.
func (m *statsModel) activityBlock() string {
	s, t, st := m.c.styles, m.c.text, m.stats
	retention := t.RetentionNone
	if st.RetentionReviews > 0 {
		retention = fmt.Sprintf(t.RetentionFmt, int(math.Round(st.Retention*100)), st.RetentionPasses, st.RetentionReviews)
	}
	lines := []string{s.Section.Render(t.ActivityTitle),
		fmt.Sprintf(t.ReviewsFmt, st.ReviewsToday, st.ReviewsWeek),
		t.streak(st.CurrentStreak, st.LongestStreak),
		retention}
	if st.CramTotal > 0 {
		lines = append(lines, fmt.Sprintf(t.CramFmt, st.CramToday, st.CramTotal))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// sortedNotes returns the per-note rows: weakest first (srs.WeakestFirst,
// as "mianjing stats" orders them) or in deck order.
func (m *statsModel) sortedNotes() []srs.NoteStats {
	rows := slices.Clone(m.stats.Notes)
	if m.deckOrder {
		return rows
	}
	slices.SortStableFunc(rows, srs.WeakestFirst)
	return rows
}

// columns sizes a note row's columns for width cells: titles get what the
// longest needs and the bar the rest, up to its widest; short of room both
// give way, the bar first.
func (m *statsModel) columns(width int) noteColumns {
	t := m.c.text
	if m.longest == 0 {
		for _, n := range m.c.deck.Notes {
			m.longest = max(m.longest, ansi.StringWidth(n.Title))
		}
	}
	c := noteColumns{num: len(strconv.Itoa(len(m.ids))),
		stab: ansi.StringWidth(t.ColStability), lapses: ansi.StringWidth(t.ColLapses)}
	seen := map[int]bool{} // rounded stabilities measured already
	for _, n := range m.rows {
		if d := int(math.Round(n.Stability)); n.State != srs.New && !seen[d] {
			seen[d] = true
			c.stab = max(c.stab, ansi.StringWidth(m.stabilityLabel(n.Stability)))
		}
		c.lapses = max(c.lapses, len(strconv.Itoa(n.Lapses)))
	}
	avail := width - c.fixed()
	c.bar = min(recallBarMax, max(avail-m.longest, recallBarMin, min(recallBarMid, avail-minTitleWidth)))
	c.title = max(1, min(m.longest, avail-c.bar))
	return c
}

// fixed is the width of a row without its title and bar: number, space,
// star, space, then two spaces before each of bar, stability and lapses.
func (c noteColumns) fixed() int { return c.num + 3 + 2 + 2 + c.stab + 2 + c.lapses }

// notesHeading is the title of the per-note rows, with the sort order,
// and the heads of their columns.
func (m *statsModel) notesHeading(width int) string {
	s, t, c := m.c.styles, m.c.text, m.cols
	title := t.MemoryWeakest
	if m.deckOrder {
		title = t.MemoryDeck
	}
	head := strings.Repeat(" ", c.num+3+c.title+2) + padRight(t.ColRecall, c.bar) + "  " +
		padLeft(t.ColStability, c.stab) + "  " + padLeft(t.ColLapses, c.lapses)
	return s.Section.Render(title) + "\n" + s.StatsLabel.Render(truncate(head, width))
}

// noteRow draws one note: number, ★, title, a bar of its retrievability
// now, stability and lapses; a new note says so in place of the bar.
func (m *statsModel) noteRow(n srs.NoteStats) string {
	s, t, c := m.c.styles, m.c.text, m.cols
	idx := m.index[n.ID]
	star := " "
	if n.Bookmarked {
		star = s.Star.Render("★")
	}
	recall, stab, lapses := s.StateNew.Render(padRight(t.StateNew, c.bar)), "", ""
	if n.State != srs.New {
		recall = charts.RBar(n.R, c.bar, s.Charts)
		stab, lapses = m.stabilityLabel(n.Stability), strconv.Itoa(n.Lapses)
	}
	return s.Number.Render(padLeft(strconv.Itoa(idx+1), c.num)) + " " + star + " " +
		s.Title.Render(padRight(truncate(m.c.deck.Notes[idx].Title, c.title), c.title)) + "  " + recall + "  " +
		padLeft(stab, c.stab) + "  " + padLeft(lapses, c.lapses)
}

// padRight pads x with spaces to w cells; padLeft puts them before it.
func padRight(x string, w int) string { return x + strings.Repeat(" ", max(0, w-ansi.StringWidth(x))) }

func padLeft(x string, w int) string { return strings.Repeat(" ", max(0, w-ansi.StringWidth(x))) + x }

// stabilityLabel renders a stability in days the way intervals are shown:
// "<1天", "12天", "2.5个月".
func (m *statsModel) stabilityLabel(days float64) string {
	return wording.Days(m.c.text.Lang, days)
}
