package tui

// The mock interview's drawing, layout and answer rendering.

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/srs"
)

// View draws the current step. Between keys only the countdown's line
// changes, so the terminal redraws that line alone.
func (m *interviewModel) View() string {
	hdr := m.header()
	ftr := m.footer(lipgloss.Height(hdr))
	h := max(1, m.height-lipgloss.Height(hdr)-lipgloss.Height(ftr))
	s, t := m.c.styles, m.c.text
	var body string
	switch m.step {
	case ivLoading:
		body = m.centre(s.Status.Render(t.QuizLoading), h)
	case ivEmpty:
		msg := t.IvEmpty
		if m.loadErr != nil {
			msg = s.Error.Render(fmt.Sprintf(t.ErrLoadFmt, m.loadErr))
		}
		body = m.centre(msg+"\n\n"+s.Hint.Render(t.IvReportBack), h)
	case ivQuestion:
		body = m.centre(m.questionBlock(true), h)
	case ivAnswer:
		return stack(hdr, m.answerTitle(), m.vp.View(), m.pointsView(m.compact), m.gradeView(), ftr)
	case ivReport:
		// A page, left-aligned in the reading column, that scrolls when it
		// is taller than the window.
		return stack(hdr, m.vp.View(), ftr)
	}
	return stack(hdr, body, ftr)
}

// centre places block in the middle of a width×h area, cut to fit.
func (m *interviewModel) centre(block string, h int) string {
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = truncate(l, m.width)
	}
	return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// colWidth is the width of the question column and the report.
func (m *interviewModel) colWidth() int { return max(1, min(readingWidth, m.width-4)) }

// header is the title bar and, during questions, the line with the
// question's number and chapter and the countdown.
func (m *interviewModel) header() string {
	s, t := m.c.styles, m.c.text
	inner := m.width - s.TitleBar.GetHorizontalFrameSize()
	bar := s.TitleBar.Width(m.width).Render(truncate(spread(t.IvTitle, m.c.saveState(&m.g), inner), inner))
	if m.step != ivQuestion && m.step != ivAnswer {
		return bar
	}
	return lipgloss.JoinVertical(lipgloss.Left, bar, m.timerLine())
}

// timerLine is "第 2 / 5 题 · chapter" and, on the right, the countdown:
// M:SS left, or in red the overtime +M:SS once the budget is spent.
func (m *interviewModel) timerLine() string {
	s, t := m.c.styles, m.c.text
	inner := m.width - s.QuizHead.GetHorizontalFrameSize()
	left := fmt.Sprintf(t.IvProgressFmt, m.cur+1, len(m.qs))
	if ch := m.qs[m.cur].note.Chapter; ch != "" {
		left += " · " + ch
	}
	clock := countdown(m.elapsed(), m.budget)
	right := s.Label.Render(clock)
	if strings.HasPrefix(clock, "+") {
		right = s.Error.Render(clock)
	}
	gap := inner - ansi.StringWidth(left) - lipgloss.Width(right)
	if gap < 1 {
		left = truncate(left, max(0, inner-lipgloss.Width(right)-1))
		gap = max(0, inner-ansi.StringWidth(left)-lipgloss.Width(right))
	}
	return s.QuizHead.Width(m.width).Render(left + strings.Repeat(" ", gap) + right)
}

// countdown is what the clock shows after elapsed of budget: the time left
// as M:SS, rounded up so that 3:00 shows for the first second and 0:00
// never shows before the budget is spent; then the overtime as +M:SS.
func countdown(elapsed, budget time.Duration) string {
	if left := budget - elapsed; left > 0 {
		return clockText(left + time.Second - time.Nanosecond)
	}
	return "+" + clockText(elapsed-budget)
}

// questionBlock is the question: title, tags, the typed answer or the box
// to type it in, and a hint.
func (m *interviewModel) questionBlock(withInput bool) string {
	s, t := m.c.styles, m.c.text
	q := m.qs[m.cur]
	w := m.colWidth()
	var parts []string
	for _, l := range strings.Split(ansi.Wrap(q.note.Title, w, ""), "\n") {
		parts = append(parts, s.Question.Render(truncate(l, w)))
	}
	if len(q.note.Tags) > 0 {
		parts = append(parts, s.QuizTags.Render(truncate("#"+strings.Join(q.note.Tags, " #"), w)))
	}
	switch {
	case m.typing && withInput:
		parts = append(parts, "", s.AnswerBox.Render(m.input.View()))
	case q.answer != "":
		typed := strings.Split(ansi.Wrap(q.answer, w, ""), "\n")
		if len(typed) > maxTypedRows {
			typed = append(typed[:maxTypedRows-1], "…")
		}
		parts = append(parts, "", s.Label.Render(t.TypedLabel))
		for _, l := range typed {
			parts = append(parts, s.Typed.Render(truncate(l, w)))
		}
	}
	if !m.typing {
		parts = append(parts, "")
		for _, l := range strings.Split(ansi.Wrap(t.IvHint, w, ""), "\n") {
			parts = append(parts, s.Hint.Render(truncate(l, w)))
		}
	}
	if m.confirming {
		parts = append(parts, "", s.Confirm.Render(truncate(t.IvConfirmEnd, w)))
	}
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}

// answerTitle is the question above its answer.
func (m *interviewModel) answerTitle() string {
	s := m.c.styles
	inner := m.width - s.Viewport.GetHorizontalFrameSize()
	return s.Viewport.Render(s.Question.Render(truncate(m.qs[m.cur].note.Title, inner)))
}

// pointsView is the checklist of key points on one line each, with keys;
// compact, in a short window, only the keys and boxes on one line.
func (m *interviewModel) pointsView(compact bool) string {
	s, t := m.c.styles, m.c.text
	q := m.qs[m.cur]
	if len(q.ticked) == 0 {
		return ""
	}
	inner := m.width - s.Viewport.GetHorizontalFrameSize()
	lines := []string{s.Label.Render(fmt.Sprintf(t.PointsFmt, countTicked(q.ticked), len(q.ticked)))}
	for i, p := range q.note.Points[:len(q.ticked)] {
		box, st := "[ ]", s.PointOff
		if q.ticked[i] {
			box, st = s.PointOn.Render("[x]"), s.PointOn
		}
		if compact {
			lines[0] += " " + s.PointKey.Render(quizTickKeys[i]) + box
			continue
		}
		lines = append(lines, truncate(s.PointKey.Render(quizTickKeys[i])+" "+box+" "+st.Render(p), inner))
	}
	lines[0] = truncate(lines[0], inner)
	return s.Viewport.Render(strings.Join(lines, "\n"))
}

// gradeView is the four grades with their intervals, the suggested one
// highlighted, and the end confirmation when asked.
func (m *interviewModel) gradeView() string {
	s, t := m.c.styles, m.c.text
	q := m.qs[m.cur]
	inner := m.width - s.Viewport.GetHorizontalFrameSize()
	sug := suggest(q.ticked, q.took)
	row := ""
	var rows []string
	for i := range 4 {
		r := srs.Rating(i + 1)
		st := s.Grade
		if r == sug {
			st = s.GradeSuggest
		}
		b := st.Render(fmt.Sprintf("%d %s %s", r, m.gradeName(r), t.interval(m.intervalLabel(i))))
		switch {
		case row == "":
			row = b
		case lipgloss.Width(row)+1+lipgloss.Width(b) <= inner:
			row += " " + b
		default:
			rows = append(rows, truncate(row, inner))
			row = b
		}
	}
	rows = append(rows, truncate(row, inner))
	if m.confirming {
		rows = append(rows, s.Confirm.Render(truncate(t.IvConfirmEnd, inner)))
	}
	return s.Viewport.Render(strings.Join(rows, "\n"))
}

// intervalLabel is how long preview i (rating i+1) puts the card off.
func (m *interviewModel) intervalLabel(i int) string {
	return m.sched.IntervalLabel(m.revealAt, m.preview[i].Due)
}

// footer is the status line and the help below a header headerH high.
func (m *interviewModel) footer(headerH int) string {
	status := m.c.statusLine(m.width, "")
	room := m.height - headerH - lipgloss.Height(status)
	return stack(status, m.c.helpView(helpKeys{m.ShortHelp(), m.FullHelp()}, m.width, room, minAnswerRows))
}

// Rendering of the answer.

func (m *interviewModel) wrapWidth() int {
	return max(1, min(readingWidth, m.vp.Width()-m.vp.Style.GetHorizontalFrameSize()))
}

// request asks for the answer's rendering at the current width and style.
func (m *interviewModel) request() tea.Cmd {
	if m.step != ivAnswer || m.width == 0 {
		return nil
	}
	n := m.qs[m.cur].note
	k := renderKey{id: n.ID, width: m.wrapWidth(), style: m.c.renderStyle(), answer: true}
	if k == m.want && (m.loaded || m.renderErr == nil) {
		m.fill()
		return nil
	}
	m.want, m.loaded, m.renderErr = k, false, nil
	if out, ok := m.c.renders[k]; ok {
		m.rendered, m.loaded = out, true
		m.fill()
		return nil
	}
	m.fill()
	return renderNoteCmd(m.c.renderer, n.Answer(), k)
}

// renderedNote takes a rendering; anything but the wanted one is stale.
func (m *interviewModel) renderedNote(msg noteRenderedMsg) {
	if msg.key != m.want || m.loaded || m.step != ivAnswer {
		return
	}
	if msg.err != nil {
		m.renderErr = msg.err
	} else {
		m.rendered, m.loaded = msg.out, true
	}
	m.fill()
}

// fill puts the typed answer, the reference answer and the previous
// answers in the viewport, keeping the scroll position.
func (m *interviewModel) fill() {
	if m.step != ivAnswer {
		return
	}
	s, t := m.c.styles, m.c.text
	q := m.qs[m.cur]
	w := m.wrapWidth()
	var lines []string
	if q.answer != "" {
		lines = append(lines, s.Label.Render(t.TypedLabel))
		for _, l := range strings.Split(ansi.Wrap(q.answer, w, ""), "\n") {
			lines = append(lines, s.Typed.Render(truncate(l, w)))
		}
		lines = append(lines, "", s.Label.Render(t.ReferenceLabel))
	}
	switch {
	case m.renderErr != nil:
		lines = append(lines, s.Error.Render(truncate(fmt.Sprintf(t.ErrRenderFmt, m.renderErr), w)))
	case !m.loaded:
		lines = append(lines, s.Status.Render(t.Rendering))
	default:
		lines = append(lines, strings.Split(strings.Trim(m.rendered, "\n"), "\n")...)
	}
	lines = append(lines, m.c.pastLines(q.note, w)...)
	pad := strings.Repeat(" ", max(0, (m.vp.Width()-m.vp.Style.GetHorizontalFrameSize()-w)/2))
	for i, l := range lines {
		lines[i] = pad + l
	}
	y := m.vp.YOffset()
	m.vp.SetContentLines(lines)
	m.vp.SetYOffset(y)
}

// Layout.

// SetSize sets the view's size; the answer is rendered again for a new
// width.
func (m *interviewModel) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.layout()
	return m.request()
}

// layout sizes the answer box and the viewport to what the rest of the
// step leaves.
func (m *interviewModel) layout() {
	m.updateKeys()
	if m.width == 0 {
		return
	}
	m.vp.SetWidth(m.width)
	m.input.SetWidth(max(1, m.colWidth()-m.c.styles.AnswerBox.GetHorizontalFrameSize()))
	hdr := lipgloss.Height(m.header())
	body := max(1, m.height-hdr-lipgloss.Height(m.footer(hdr)))
	switch m.step {
	case ivQuestion:
		room := body - lipgloss.Height(m.questionBlock(false)) - 1 - m.c.styles.AnswerBox.GetVerticalFrameSize()
		m.input.SetHeight(max(1, min(maxTypingRows, room)))
	case ivAnswer:
		fixed := lipgloss.Height(m.answerTitle()) + lipgloss.Height(m.gradeView())
		m.compact = body-fixed-lipgloss.Height(m.pointsView(false)) < minAnswerRows
		m.vp.SetHeight(max(1, body-fixed-lipgloss.Height(m.pointsView(m.compact))))
	case ivReport:
		m.vp.SetHeight(body)
		pad := strings.Repeat(" ", max(0, (m.width-m.colWidth())/2))
		lines := strings.Split(m.reportView(m.colWidth()), "\n")
		for i, l := range lines {
			lines[i] = pad + l
		}
		y := m.vp.YOffset()
		m.vp.SetContentLines(lines)
		m.vp.SetYOffset(y)
	}
}

// Keys and help.

// updateKeys enables the bindings of the current step, so help shows them.
func (m *interviewModel) updateKeys() {
	k := &m.keys
	all := []*key.Binding{&k.Type, &k.StopTyping, &k.Reveal, &k.Tick, &k.Again, &k.Hard, &k.Good, &k.Easy,
		&k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Undo, &k.End, &k.Confirm, &k.Cancel, &k.Back}
	enableOnly(all)
	on := func(bs ...*key.Binding) { enableOnly(nil, bs...) }
	switch {
	case m.typing:
		on(&k.StopTyping)
		return
	case m.confirming:
		on(&k.Confirm, &k.Cancel)
		return
	}
	undo := len(m.g.history) > 0 && m.c.store != nil
	switch m.step {
	case ivLoading, ivEmpty:
		on(&k.Back)
	case ivReport:
		on(&k.Back, &k.Up, &k.Down, &k.PageUp, &k.PageDown)
	case ivQuestion:
		on(&k.Type, &k.Reveal, &k.End)
		k.Undo.SetEnabled(undo)
	case ivAnswer:
		on(&k.Again, &k.Hard, &k.Good, &k.Easy, &k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.End)
		k.Tick.SetEnabled(len(m.qs[m.cur].ticked) > 0)
		k.Undo.SetEnabled(undo)
		t := m.c.text
		for r, b := range []*key.Binding{&k.Again, &k.Hard, &k.Good, &k.Easy} {
			b.SetHelp(b.Help().Key, m.gradeName(srs.Rating(r+1))+" "+t.interval(m.intervalLabel(r)))
		}
	}
}

// ShortHelp is the one-line help of the current step.
func (m *interviewModel) ShortHelp() []key.Binding {
	k, g := m.keys, m.c.keys.Global
	h := g.helpBinding(m.c.text, m.c.help.ShowAll)
	switch {
	case m.typing:
		return []key.Binding{k.StopTyping, g.ForceQuit}
	case m.confirming:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	switch m.step {
	case ivQuestion:
		return []key.Binding{k.Reveal, k.Type, k.Undo, k.End, h}
	case ivAnswer:
		return []key.Binding{k.Accept, k.Tick, k.Undo, k.End, h}
	default:
		return []key.Binding{k.Back, h}
	}
}

// FullHelp is the current step's help in columns.
func (m *interviewModel) FullHelp() [][]key.Binding {
	k, g := m.keys, m.c.keys.Global
	h := g.helpBinding(m.c.text, m.c.help.ShowAll)
	if m.step == ivAnswer && !m.typing && !m.confirming {
		return [][]key.Binding{
			{k.Again, k.Hard, k.Good, k.Easy, k.Accept, k.Tick},
			{k.Up, k.Down, k.PageUp, k.PageDown},
			{k.Undo, k.End, h, g.ForceQuit},
		}
	}
	return [][]key.Binding{append(m.ShortHelp(), g.ForceQuit)}
}
