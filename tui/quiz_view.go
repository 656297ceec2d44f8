package tui

// The self-test's drawing: View and the blocks it is made of.

import (
	"fmt"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/srs"
	"mianjing/store"
	"mianjing/wording"
)

// View draws the current step.
func (q *quizModel) View() string {
	var body string
	ch := q.chrome()
	h := ch.body
	switch q.step {
	case quizLoading:
		body = q.centre(q.c.styles.Status.Render(q.c.text.QuizLoading), h)
	case quizEmpty:
		body = q.centre(q.emptyView(), h)
	case quizQuestion:
		body = q.centre(q.questionBlock(true), h)
	case quizAnswer:
		if q.full {
			return stack(ch.header, q.referenceHeader(), q.vp.View(), ch.footer)
		}
		parts := []string{ch.header, q.answerTitle()}
		if t := q.typedView(); t != "" {
			parts = append(parts, t)
		}
		parts = append(parts, q.referenceHeader(), q.vp.View())
		if !q.noChecklist {
			parts = append(parts, q.pointsView(q.compact), q.gradeView(q.compact))
		}
		return stack(append(parts, ch.footer)...)
	case quizSummary:
		body = q.centre(q.summaryView(), h)
	}
	// The header and the centred body are as wide as the window.
	// The footer's lines are padded to the width already.
	return stack(ch.header, body, ch.footer)
}

// centre places block in the middle of a width×h area, cut to fit.
func (q *quizModel) centre(block string, h int) string {
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = truncate(l, q.width)
	}
	return lipgloss.Place(q.width, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// header is the title bar (mode, save state) and, during questions, the
// progress line.
func (q *quizModel) header() string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.TitleBar.GetHorizontalFrameSize()
	mode := map[store.Mode]string{store.ModeDue: t.ModeDue, store.ModeBookmarked: t.ModeMarked,
		store.ModeAll: t.ModeAll, store.ModeOne: t.ModeOne, store.ModeCram: t.ModeCram}[q.mode]
	bar := s.TitleBar.Width(q.width).Render(truncate(spread(fmt.Sprintf(t.QuizHeaderFmt, mode), q.c.saveState(&q.g), inner), inner))
	if q.step != quizQuestion && q.step != quizAnswer {
		return bar
	}
	return lipgloss.JoinVertical(lipgloss.Left, bar, q.progressLine())
}

// progressLine is the bar, "3 / 11" (this card of all grades the session
// needs, learning steps included) and how many learning steps wait.
func (q *quizModel) progressLine() string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.QuizHead.GetHorizontalFrameSize()
	n := q.g.sess.Counts()
	total := max(1, n.Done+n.Remaining+n.Learning)
	text := fmt.Sprintf(" %d / %d", min(n.Done+1, total), total)
	if n.Learning > 0 {
		text += " · " + fmt.Sprintf(t.LearningFmt, n.Learning)
	}
	if q.ahead {
		text += " · " + t.AheadTag
	}
	line := q.bar.ViewAs(float64(n.Done)/float64(total)) + text
	return s.QuizHead.Width(q.width).Render(truncate(line, inner))
}

// questionBlock is the question alone: title, tags, the typed answer or
// the box to type it in, and a hint.
func (q *quizModel) questionBlock(withInput bool) string {
	s, t := q.c.styles, q.c.text
	if q.note == nil {
		return ""
	}
	w := max(1, q.typeWidth())
	var parts []string
	for _, l := range strings.Split(ansi.Wrap(q.note.Title, w, ""), "\n") {
		parts = append(parts, s.Question.Render(truncate(l, w)))
	}
	var meta []string
	if len(q.note.Tags) > 0 {
		meta = append(meta, "#"+strings.Join(q.note.Tags, " #"))
	}
	if q.note.Difficulty > 0 {
		meta = append(meta, difficultyMarker(q.note.Difficulty))
	}
	if q.c.bookmarked(q.note.ID) {
		meta = append(meta, s.Star.Render("★"))
	}
	if len(meta) > 0 {
		parts = append(parts, s.QuizTags.Render(truncate(strings.Join(meta, "  "), w)))
	}
	switch {
	case q.typing && withInput:
		parts = append(parts, "", s.AnswerBox.Render(q.input.View()))
	case q.answer != "":
		typed := strings.Split(ansi.Wrap(q.answer, w, ""), "\n")
		if len(typed) > maxTypedRows {
			typed = append(typed[:maxTypedRows-1], "…")
		}
		// One block, its lines left-aligned: the block is centred, not
		// each line, so the answer keeps its own line breaks.
		block := []string{s.Label.Render(t.TypedLabel)}
		for _, l := range typed {
			block = append(block, s.Typed.Render(truncate(l, w)))
		}
		parts = append(parts, "", lipgloss.JoinVertical(lipgloss.Left, block...))
	}
	if !q.typing {
		parts = append(parts, "")
		for _, l := range strings.Split(ansi.Wrap(t.RecallHint, w, ""), "\n") {
			parts = append(parts, s.Hint.Render(truncate(l, w)))
		}
	}
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}

// answerTitle is the question above its answer.
func (q *quizModel) answerTitle() string {
	s := q.c.styles
	inner := q.width - s.Viewport.GetHorizontalFrameSize()
	if q.note == nil {
		return ""
	}
	title := q.note.Title
	if q.c.bookmarked(q.note.ID) {
		title += " " + s.Star.Render("★")
	}
	return s.Viewport.Render(s.Question.Render(truncate(title, inner)))
}

// pointsView is the checklist of key points, each with its key; one line
// when the window is short.
func (q *quizModel) pointsView(compact bool) string {
	s, t := q.c.styles, q.c.text
	if len(q.ticked) == 0 || q.note == nil {
		return ""
	}
	inner := q.width - s.Viewport.GetHorizontalFrameSize()
	box := func(i int) string {
		if q.ticked[i] {
			return s.PointOn.Render("[x]")
		}
		return "[ ]"
	}
	head := s.Label.Render(fmt.Sprintf(t.PointsFmt, countTicked(q.ticked), len(q.ticked)))
	if compact {
		// The texts if they fit, else at least every key and box.
		line, keys := head, ""
		for i, p := range q.note.Points[:len(q.ticked)] {
			line += "  " + s.PointKey.Render(quizTickKeys[i]) + box(i) + p
			keys += s.PointKey.Render(quizTickKeys[i]) + box(i) + " "
		}
		if lipgloss.Width(line) > inner {
			line = keys + s.Label.Render(fmt.Sprintf("%d/%d", countTicked(q.ticked), len(q.ticked)))
		}
		return s.Viewport.Render(truncate(line, inner))
	}
	lines := []string{head}
	for i, p := range q.note.Points[:len(q.ticked)] {
		st := s.PointOff
		if q.ticked[i] {
			st = s.PointOn
		}
		// A long point wraps under its text, not under its key.
		prefix := s.PointKey.Render(quizTickKeys[i]) + " " + box(i) + " "
		pw := lipgloss.Width(prefix)
		for j, l := range strings.Split(ansi.Wrap(p, max(1, inner-pw), ""), "\n") {
			if j == 0 {
				lines = append(lines, truncate(prefix+st.Render(l), inner))
			} else {
				lines = append(lines, truncate(strings.Repeat(" ", pw)+st.Render(l), inner))
			}
		}
	}
	return s.Viewport.Render(strings.Join(lines, "\n"))
}

// gradeView is the four grade buttons with their intervals, the suggested
// one highlighted, then the suggestion (or the end confirmation). Buttons
// wrap onto a second line in a narrow window.
func (q *quizModel) gradeView(compact bool) string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.Viewport.GetHorizontalFrameSize()
	sug := suggest(q.ticked, q.duration)
	var buttons []string
	for i := range 4 {
		r := srs.Rating(i + 1)
		st := s.Grade
		if r == sug {
			st = s.GradeSuggest
		}
		buttons = append(buttons, st.Render(fmt.Sprintf("%d %s %s", r, q.gradeName(r), q.intervalText(i))))
	}
	var rows []string
	row := ""
	for _, b := range buttons {
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
	switch {
	case q.confirming:
		rows = append(rows, s.Confirm.Render(truncate(t.ConfirmEnd, inner)))
	case !compact:
		rows = append(rows, s.Hint.Render(truncate(fmt.Sprintf(t.SuggestFmt, q.gradeName(sug)), inner)))
	}
	return s.Viewport.Render(strings.Join(rows, "\n"))
}

// emptyView says why there is nothing to test, when the next note is due,
// and what else can be tested.
func (q *quizModel) emptyView() string {
	s, t := q.c.styles, q.c.text
	w := max(1, q.typeWidth())
	var lines []string
	switch {
	case q.loadErr != nil:
		lines = append(lines, s.Error.Render(fmt.Sprintf(t.ErrLoadFmt, q.loadErr)))
	case q.mode == store.ModeBookmarked:
		lines = append(lines, t.EmptyMarkedQuiz)
	case q.mode == store.ModeAll || q.mode == store.ModeOne:
		lines = append(lines, t.EmptyAllQuiz)
	default:
		lines = append(lines, t.EmptyDueQuiz)
	}
	if q.loadErr == nil {
		lines = append(lines, q.nextDueLine(q.c.now()))
	}
	lines = append(lines, "")
	if n := q.offerMarked(); n > 0 {
		lines = append(lines, fmt.Sprintf(t.OfferMarkedFmt, n))
	}
	if n := q.offerAll(); n > 0 {
		lines = append(lines, fmt.Sprintf(t.OfferAllFmt, n))
	}
	_, offer, _ := q.backTexts()
	lines = append(lines, s.Hint.Render(offer))
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(ansi.Wrap(l, w, ""), "\n")...)
	}
	return strings.Join(out, "\n")
}

// nextDueLine says when the earliest scheduled note after now falls due.
func (q *quizModel) nextDueLine(now time.Time) string {
	t := q.c.text
	var next time.Time
	for _, id := range q.others {
		c, ok := q.g.cards[id]
		if !ok || c.State == srs.New || !c.Due.After(now) {
			continue
		}
		if next.IsZero() || c.Due.Before(next) {
			next = c.Due
		}
	}
	if next.IsZero() {
		return t.NoneScheduled
	}
	sched := q.c.scheduler(now)
	return fmt.Sprintf(t.NextDueFmt, t.interval(sched.IntervalLabel(now, next)), wording.DateTime(t.Lang, next, now))
}

// summaryView sums up the session.
func (q *quizModel) summaryView() string {
	s, t := q.c.styles, q.c.text
	lines := []string{s.SumTitle.Render(t.SummaryTitle), ""}
	var byRating [4]int
	ticked, points := 0, 0
	seen := map[string]bool{}
	marked := 0
	for _, g := range q.g.history {
		byRating[g.review.Rating-1]++
		ticked += g.review.Ticked
		points += g.review.Points
		if !seen[g.review.NoteID] {
			seen[g.review.NoteID] = true
			if q.c.bookmarked(g.review.NoteID) {
				marked++
			}
		}
	}
	if len(q.g.history) == 0 {
		lines = append(lines, t.SumNothing)
	} else {
		lines = append(lines, t.sumCards(len(seen), len(q.g.history)),
			fmt.Sprintf(t.SumTimeFmt, t.duration(q.endedAt.Sub(q.startedAt))))
		var grades []string
		for i, n := range byRating {
			grades = append(grades, fmt.Sprintf("%s %d", q.gradeName(srs.Rating(i+1)), n))
		}
		lines = append(lines, strings.Join(grades, " · "))
		if points > 0 {
			lines = append(lines, fmt.Sprintf(t.SumPointsFmt, ticked, points, ticked*summaryPercent/points))
		}
		if marked > 0 {
			lines = append(lines, fmt.Sprintf(t.SumMarkedFmt, marked))
		}
	}
	now := q.endedAt
	if n := srs.Counts(q.queueInput(now)).DueNow; n > 0 {
		lines = append(lines, fmt.Sprintf(t.SumDueNowFmt, n))
	}
	lines = append(lines, q.nextDueLine(now))
	switch {
	case q.g.pending > 0:
		lines = append(lines, s.Status.Render(t.Saving))
	case len(q.g.history) > 0:
		lines = append(lines, s.Status.Render(count(q.g.savedCount(), t.SumSaved)))
	}
	_, _, summary := q.backTexts()
	lines = append(lines, "", s.Hint.Render(summary))
	w := max(1, q.typeWidth())
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(ansi.Wrap(l, w, ""), "\n")...)
	}
	return strings.Join(out, "\n")
}

// footer is the status line and the help, below a header headerH lines
// high. Full help gives way to short help when it would squeeze the step
// below its least height.
func (q *quizModel) footer(headerH int) string {
	status := q.c.statusLine(q.width, "")
	room := q.height - headerH - lipgloss.Height(status)
	need := minAnswerRows
	if q.step == quizAnswer {
		need += q.answerChrome(true)
	}
	// The status line is as wide as the window.
	return stack(status, q.c.helpView(helpKeys{q.ShortHelp(), q.FullHelp()}, q.width, room, need))
}

// Rendering of the answer.

// wrapWidth is the width answers are rendered at.
func (q *quizModel) wrapWidth() int {
	return max(1, min(readingWidth, q.vp.Width()-q.vp.Style.GetHorizontalFrameSize()))
}

// request asks for the answer's rendering at the current width and style.
func (q *quizModel) request() tea.Cmd {
	if q.step != quizAnswer || q.note == nil || q.width == 0 {
		return nil
	}
	k := renderKey{id: q.note.ID, width: q.wrapWidth(), style: q.c.renderStyle(), answer: true}
	if k == q.want && (q.loaded || q.renderErr == nil) {
		q.fill()
		return nil
	}
	q.want, q.loaded, q.renderErr = k, false, nil
	if out, ok := q.c.renders[k]; ok {
		q.rendered, q.loaded = out, true
		q.fill()
		return nil
	}
	q.fill()
	return renderNoteCmd(q.c.renderer, q.note.Answer(), k)
}

// renderedNote takes a rendering; anything but the wanted one is stale.
func (q *quizModel) renderedNote(msg noteRenderedMsg) {
	if msg.key != q.want || q.loaded || q.step != quizAnswer {
		return
	}
	if msg.err != nil {
		q.renderErr = msg.err
	} else {
		q.rendered, q.loaded = msg.out, true
	}
	q.fill()
}

// fill puts the reference answer in the viewport, keeping the scroll
// position. It starts at the margin every block of the step shares.
func (q *quizModel) fill() {
	s, t := q.c.styles, q.c.text
	w := q.wrapWidth()
	var lines []string
	switch {
	case q.renderErr != nil:
		lines = append(lines, s.Error.Render(truncate(fmt.Sprintf(t.ErrRenderFmt, q.renderErr), w)))
	case !q.loaded:
		lines = append(lines, s.Status.Render(t.Rendering))
	default:
		lines = append(lines, strings.Split(strings.Trim(q.rendered, "\n"), "\n")...)
	}
	lines = append(lines, q.c.pastLines(q.note, w)...)
	y := q.vp.YOffset()
	q.vp.SetContentLines(lines)
	q.vp.SetYOffset(y)
}

// Layout.

// SetSize sets the view's size; the answer is rendered again for a new
// width.
func (q *quizModel) SetSize(w, h int) tea.Cmd {
	q.width, q.height = w, h
	q.layout()
	return q.request()
}

// layout sizes the viewport, the answer box and the progress bar to what
// the rest of the current step leaves.
func (q *quizModel) layout() {
	q.updateKeys()
	if q.width == 0 {
		return
	}
	q.vp.SetWidth(q.width)
	inner := q.width - q.c.styles.QuizHead.GetHorizontalFrameSize()
	q.bar.SetWidth(max(1, min(40, inner/2)))
	q.input.SetWidth(max(1, q.typeWidth()-q.c.styles.AnswerBox.GetHorizontalFrameSize()))
	q.input.SetHeight(maxTypingRows)
	if q.step == quizQuestion {
		room := q.chrome().body - lipgloss.Height(q.questionBlock(false)) - 1 - q.c.styles.AnswerBox.GetVerticalFrameSize()
		q.input.SetHeight(max(1, min(maxTypingRows, room)))
	}
	if q.step == quizAnswer {
		q.layoutAnswer()
	}
}

// minReferenceRows is the least the reference answer gets, whatever the
// typed answer and the checklist want.
const minReferenceRows = 5

// layoutAnswer shares the answer step's height: the reference answer gets
// at least half of what is below the question (and minReferenceRows), the
// checklist folds onto one line before it gets less, and the typed answer
// takes what is left, folded to fewer lines or one.
func (q *quizModel) layoutAnswer() {
	body := q.chrome().body
	fixedH := func(compact bool) int {
		return lipgloss.Height(q.answerTitle()) + lipgloss.Height(q.referenceHeader()) +
			lipgloss.Height(q.pointsView(compact)) + lipgloss.Height(q.gradeView(compact))
	}
	if q.full {
		q.vp.SetHeight(max(1, body-lipgloss.Height(q.referenceHeader())))
		return
	}
	below := body - lipgloss.Height(q.answerTitle())
	minRef := max(minReferenceRows, (below+1)/2)
	frame := q.c.styles.AnswerBox.GetVerticalFrameSize()
	want := 0 // rows the typed answer would like
	switch {
	case q.typing:
		want = 1 + maxTypingRows + frame
	case q.answer != "":
		want = 1 + len(q.typedLines())
	}
	// The checklist folds onto one line before the reference gets less
	// than its share or the typed answer loses its last line.
	q.compact = body-fixedH(false)-min(want, 1) < minRef
	room := body - fixedH(q.compact)
	q.noChecklist = q.typing && room < 1+1+frame+1 // label, a line, frame, a line of reference
	if q.noChecklist {
		room = body - lipgloss.Height(q.answerTitle()) - lipgloss.Height(q.referenceHeader())
	}
	q.typedRows = min(want, max(0, room-minRef))
	switch {
	case q.typing:
		// The box needs its frame and a line; the reference gives up its
		// share down to minReferenceRows for it.
		rows := max(1, min(maxTypingRows, max(room-minRef, room-minReferenceRows-1-frame)))
		if room-minRef >= 2+frame {
			rows = min(maxTypingRows, room-minRef-1-frame)
		}
		q.input.SetHeight(rows)
		q.typedRows = 1 + rows + frame
	case want > 0 && q.typedRows == 0 && room-1 >= minReferenceRows:
		q.typedRows = 1 // the label and the first line
	}
	q.vp.SetHeight(max(1, room-q.typedRows))
}

// typedLines is the typed answer wrapped to the reference's width, its own
// line breaks kept.
func (q *quizModel) typedLines() []string {
	return strings.Split(ansi.Wrap(q.answer, max(1, q.wrapWidth()), ""), "\n")
}

// typedView is the learner's answer above the reference, in typedRows
// rows: the label and the text, folded with a count when it is longer,
// or the answer box while typing.
func (q *quizModel) typedView() string {
	s, t := q.c.styles, q.c.text
	if q.typedRows <= 0 {
		return ""
	}
	w := max(1, q.wrapWidth())
	if q.typing {
		label := s.Label.Render(t.TypedLabel) + s.Hint.Render("  "+t.TypingMode)
		return s.Viewport.Render(stack(truncate(label, w), s.AnswerBox.Render(q.input.View())))
	}
	lines := q.typedLines()
	if q.typedRows == 1 {
		// One row: the label and the first line.
		return s.Viewport.Render(truncate(s.Label.Render(t.TypedLabel+"：")+s.Typed.Render(lines[0]), w))
	}
	out := []string{s.Label.Render(t.TypedLabel)}
	show := q.typedRows - 1
	var more string
	if len(lines) > show {
		// The last row shown carries the count of the rows folded away.
		more = s.Hint.Render(" " + fmt.Sprintf(t.TypedMoreFmt, len(lines)-show))
		lines = lines[:show]
	}
	for i, l := range lines {
		if i == len(lines)-1 && more != "" {
			out = append(out, truncate(s.Typed.Render(truncate(l, w-lipgloss.Width(more)))+more, w))
			continue
		}
		out = append(out, s.Typed.Render(truncate(l, w)))
	}
	return s.Viewport.Render(strings.Join(out, "\n"))
}

// referenceHeader labels the reference answer and says how far it is
// scrolled, as the reading view does.
func (q *quizModel) referenceHeader() string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.Viewport.GetHorizontalFrameSize()
	left := s.Label.Render(t.ReferenceLabel)
	right := ""
	if q.vp.TotalLineCount() > q.vp.VisibleLineCount() {
		right = s.Status.Render(fmt.Sprintf(t.ScrollFmt, int(math.Round(q.vp.ScrollPercent()*100))))
	}
	line := left
	if gap := inner - lipgloss.Width(left) - lipgloss.Width(right); right != "" && gap >= 1 {
		line = left + strings.Repeat(" ", gap) + right
	}
	return s.Viewport.Render(truncate(line, inner))
}

// typeWidth is the width of the question column and the answer box.
func (q *quizModel) typeWidth() int {
	return min(readingWidth, q.width-4)
}

// quizChrome is the header and footer of a frame, drawn once for it.
type quizChrome struct {
	header, footer string
	body           int // the height they leave
}

// chrome draws the header and the footer and measures what they leave.
func (q *quizModel) chrome() quizChrome {
	hdr := q.header()
	hh := lipgloss.Height(hdr)
	ftr := q.footer(hh)
	return quizChrome{header: hdr, footer: ftr, body: max(1, q.height-hh-lipgloss.Height(ftr))}
}

// answerChrome is the height of the answer step without the viewport.
func (q *quizModel) answerChrome(compact bool) int {
	return lipgloss.Height(q.answerTitle()) + lipgloss.Height(q.pointsView(compact)) +
		lipgloss.Height(q.gradeView(compact))
}
