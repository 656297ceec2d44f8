package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// quizStep is where a self-test stands.
type quizStep int

const (
	quizLoading  quizStep = iota // reading the store
	quizEmpty                    // nothing to test in the chosen scope
	quizQuestion                 // a question, its answer hidden
	quizAnswer                   // the answer shown, waiting for a grade
	quizSummary                  // the session is over
)

// Layout limits of the self-test.
const (
	maxTypingRows  = 6 // the answer box grows no taller
	minAnswerRows  = 4 // below this the key points fold into one line
	maxTypedRows   = 3 // typed text shown under the question
	summaryPercent = 100
)

// gradedCard is one grade given in this session, saved or on its way.
type gradedCard struct {
	review store.Review // Seq is set once saved
	saved  bool
	ticked []bool
}

// quizModel is the self-test: question, reveal, key points, grade, and a
// summary. Grades are saved in order through common.io; at most one review
// write is in flight, so a failed one is always the newest grade and can
// be put back.
type quizModel struct {
	c     *common
	keys  quizKeys
	notes map[string]*notes.Note
	step  quizStep
	gen   int // which session; results of an older one are stale

	mode    store.Mode
	from    view              // where the session returns
	early   []tea.KeyPressMsg // keys typed while the session was read
	ids     []string          // the notes the session draws from, in deck order
	loadErr error

	sched    srs.Scheduler
	sess     *srs.Session
	cards    map[string]srs.Card // loaded, then updated by every grade
	newToday int

	// The card on screen.
	note       *notes.Note
	ahead      bool
	shownAt    time.Time
	revealAt   time.Time
	duration   time.Duration
	input      textarea.Model
	typing     bool
	answer     string // the typed answer, kept when typing stops
	ticked     []bool
	preview    [4]srs.Card
	confirming bool // asking whether to end with the answer shown

	vp        viewport.Model
	want      renderKey
	rendered  string // the rendering for want, once it came
	loaded    bool
	renderErr error
	compact   bool // key points on one line: the window is short
	bar       progress.Model

	history   []gradedCard
	pending   int              // review writes in flight: 0 or 1
	deferred  *tea.KeyPressMsg // a key that waits for them
	startedAt time.Time
	endedAt   time.Time

	width, height int
}

func newQuiz(c *common) quizModel {
	q := quizModel{c: c, keys: c.keys.Quiz, notes: map[string]*notes.Note{}}
	for i := range c.deck.Notes {
		q.notes[c.deck.Notes[i].ID] = &c.deck.Notes[i]
	}
	q.vp = viewport.New()
	q.vp.KeyMap = q.keys.viewportKeys()
	q.vp.SetHorizontalStep(0)
	q.input = textarea.New()
	q.input.ShowLineNumbers = false
	q.input.Prompt = ""
	q.input.Placeholder = c.text.TypedLabel
	q.input.CharLimit = 0
	q.bar = progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	q.restyle()
	return q
}

// restyle applies the current styles; the answer is rendered again.
func (q *quizModel) restyle() tea.Cmd {
	s := q.c.styles
	q.vp.Style = s.Viewport
	q.input.SetStyles(s.TextArea)
	q.bar.FullColor, q.bar.EmptyColor = s.BarFull, s.BarEmpty
	return q.request()
}

// start begins a session on ids in mode: the store is read first.
func (q *quizModel) start(msg startQuizMsg) tea.Cmd {
	q.gen++
	*q = quizModel{c: q.c, keys: q.c.keys.Quiz, notes: q.notes, gen: q.gen,
		vp: q.vp, input: q.input, bar: q.bar, width: q.width, height: q.height}
	q.input.Reset()
	q.input.Blur()
	q.vp.SetContent("")
	q.vp.SetContentLines(nil) // never the previous card's lines
	q.mode, q.ids, q.from = msg.mode, slices.Clone(msg.ids), msg.from
	keyHelp, _, _ := q.backTexts()
	q.keys.Back.SetHelp(q.keys.Back.Help().Key, keyHelp)
	q.layout()
	if q.c.store == nil {
		return nil
	}
	return q.c.io.add(loadSessionJob(q.c.store, q.gen, q.c.now()))
}

// loadSessionJob reads what a session is built from. New cards started
// today are those whose first review (Before is new) is logged since the
// study day began.
func loadSessionJob(st store.Store, gen int, now time.Time) func() tea.Msg {
	return func() tea.Msg {
		msg := sessionLoadedMsg{gen: gen, bookmarks: st.Bookmarks()}
		var err error
		if msg.settings, err = st.Settings(); err != nil {
			msg.err = err
			return msg
		}
		if msg.cards, err = st.Cards(); err != nil {
			msg.err = err
			return msg
		}
		since := srs.DayStart(now, now.Location(), msg.settings.RolloverHour)
		revs, err := st.ReviewsSince(since)
		if err != nil {
			msg.err = err
			return msg
		}
		fresh := map[string]bool{}
		for _, r := range revs {
			if r.Before.State == srs.New {
				fresh[r.NoteID] = true
			}
		}
		msg.newToday = len(fresh)
		return msg
	}
}

// recordReviewJob saves one grade; on failure the message carries r back.
func recordReviewJob(st store.Store, gen int, r store.Review) func() tea.Msg {
	return func() tea.Msg {
		saved, err := st.RecordReview(r)
		if err != nil {
			return reviewSavedMsg{gen: gen, review: r, err: err}
		}
		return reviewSavedMsg{gen: gen, review: saved}
	}
}

// undoReviewJob takes back the newest logged review.
func undoReviewJob(st store.Store, gen int) func() tea.Msg {
	return func() tea.Msg {
		r, ok, err := st.UndoLastReview()
		return reviewUndoneMsg{gen: gen, review: r, ok: ok, err: err}
	}
}

// quizDoneCmd returns to the screen the session was started from.
func quizDoneCmd() tea.Cmd { return msgCmd(quizDoneMsg{}) }

// backTexts names the way back, to the screen the session was started from:
// the key's help, the hint on the empty screen and on the summary.
func (q quizModel) backTexts() (keyHelp, offer, summary string) {
	t := q.c.text
	switch q.from {
	case viewDetail:
		return t.KeyToNote, t.OfferBackNote, t.SumBackNote
	case viewStats:
		return t.KeyToStats, t.OfferBackStats, t.SumBackStats
	}
	return t.KeyToList, t.OfferBack, t.SumBack
}

// capturing reports whether keys are text for the answer box.
func (q quizModel) capturing() bool { return q.typing }

// Update handles the self-test's keys and its store results.
func (q quizModel) Update(msg tea.Msg) (quizModel, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		cmd = q.loadedSession(msg)
	case reviewSavedMsg:
		cmd = q.saved(msg)
	case reviewUndoneMsg:
		cmd = q.undone(msg)
	case tea.KeyPressMsg:
		cmd = q.key(msg)
	case tea.PasteMsg:
		if q.typing {
			q.input, cmd = q.input.Update(msg)
		}
	case tea.MouseWheelMsg:
		if q.step == quizAnswer {
			q.vp, cmd = q.vp.Update(msg)
		}
	default:
		if q.typing { // the cursor's own messages
			q.input, cmd = q.input.Update(msg)
		}
	}
	q.layout()
	return q, cmd
}

func (q *quizModel) loadedSession(msg sessionLoadedMsg) tea.Cmd {
	if msg.gen != q.gen {
		return nil
	}
	var cmd tea.Cmd
	if msg.err != nil {
		q.loadErr, q.step = msg.err, quizEmpty
	} else {
		q.c.setProgress(nil, msg.bookmarks, msg.settings)
		q.cards = maps.Clone(msg.cards)
		if q.cards == nil {
			q.cards = map[string]srs.Card{}
		}
		q.newToday = msg.newToday
		cmd = q.begin(q.mode)
	}
	// The keys typed meanwhile (space right after s) act now, in order.
	cmds := []tea.Cmd{cmd}
	early := q.early
	q.early = nil
	for _, k := range early {
		cmds = append(cmds, q.key(k))
	}
	return tea.Batch(cmds...)
}

// maxEarlyKeys bounds the keys kept while a session is read.
const maxEarlyKeys = 16

// queueInput is what srs builds the session from, at now.
func (q *quizModel) queueInput(now time.Time) srs.QueueInput {
	in := srs.QueueInput{Deck: q.ids, Cards: q.cards, Bookmarks: q.c.bookmarks,
		NewToday: q.newToday, NewPerDay: q.c.settings.NewPerDay, Now: now, Sched: q.sched}
	if len(q.ids) > 0 {
		in.One = q.ids[0]
	}
	return in
}

// begin builds the session for mode from the loaded progress.
func (q *quizModel) begin(mode store.Mode) tea.Cmd {
	now := q.c.now()
	q.mode = mode
	q.sched = q.c.scheduler(now)
	scope := map[store.Mode]srs.Scope{store.ModeDue: srs.ScopeDue, store.ModeBookmarked: srs.ScopeBookmarked,
		store.ModeAll: srs.ScopeAll, store.ModeOne: srs.ScopeOne}[mode]
	q.sess = srs.BuildSession(q.queueInput(now), scope, now.UnixNano())
	t := q.sess.Next(now)
	if t.ID == "" || q.notes[t.ID] == nil {
		q.step = quizEmpty
		return nil
	}
	q.startedAt = now
	q.show(t.ID, t.Ahead, now)
	return nil
}

// show puts a card's question on screen.
func (q *quizModel) show(id string, ahead bool, now time.Time) {
	q.note, q.ahead, q.shownAt = q.notes[id], ahead, now
	q.step, q.typing, q.confirming, q.answer = quizQuestion, false, false, ""
	q.input.Reset()
	q.input.Blur()
	q.ticked = make([]bool, min(len(q.note.Points), len(quizTickKeys)))
	q.want, q.rendered, q.loaded, q.renderErr = renderKey{}, "", false, nil
	q.vp.SetContent("")
	q.vp.SetContentLines(nil) // never the previous card's lines
}

// next shows the session's next card, or the summary.
func (q *quizModel) next() {
	now := q.c.now()
	t := q.sess.Next(now)
	if t.ID == "" || q.notes[t.ID] == nil {
		q.finish(now)
		return
	}
	q.show(t.ID, t.Ahead, now)
}

func (q *quizModel) finish(now time.Time) {
	q.step, q.typing, q.confirming, q.endedAt = quizSummary, false, false, now
	q.input.Blur()
}

// reveal shows the answer: the grade buttons are previewed now, and the
// grade given is scheduled as of now too, so a button's interval is the
// one the card gets.
func (q *quizModel) reveal() tea.Cmd {
	now := q.c.now()
	q.answer = strings.TrimSpace(q.input.Value())
	q.typing = false
	q.input.Blur()
	q.duration = max(0, now.Sub(q.shownAt))
	q.revealAt = now
	q.preview = q.sched.Preview(q.cards[q.note.ID], now, q.note.ID)
	q.step = quizAnswer
	q.vp.GotoTop()
	q.layout()
	return q.request()
}

// key handles one key press.
func (q *quizModel) key(k tea.KeyPressMsg) tea.Cmd {
	q.updateKeys()
	km := q.keys
	if q.step == quizLoading && !key.Matches(k, km.End) {
		if len(q.early) < maxEarlyKeys {
			q.early = append(q.early, k)
		}
		return nil
	}
	if q.typing {
		if key.Matches(k, km.StopTyping) {
			q.typing = false
			q.answer = strings.TrimSpace(q.input.Value())
			q.input.Blur()
			return nil
		}
		var cmd tea.Cmd
		q.input, cmd = q.input.Update(k)
		return cmd
	}
	if q.confirming {
		switch {
		case key.Matches(k, km.Confirm):
			q.finish(q.c.now())
		case key.Matches(k, km.Cancel):
			q.confirming = false
		}
		return nil
	}
	// Grades, undo and leaving the summary wait for the write in flight:
	// if it fails, its card comes back first.
	if q.pending > 0 && key.Matches(k, km.Again, km.Hard, km.Good, km.Easy, km.Accept, km.Undo, km.Back) {
		q.deferred = &k
		return nil
	}
	if key.Matches(k, km.Undo) {
		q.pending++
		return q.c.io.add(undoReviewJob(q.c.store, q.gen))
	}
	if key.Matches(k, km.Bookmark) {
		return q.c.toggleBookmark(q.note.ID)
	}
	switch q.step {
	case quizLoading:
		if key.Matches(k, km.End) {
			return quizDoneCmd()
		}
	case quizEmpty:
		switch {
		case key.Matches(k, km.StudyMarked):
			return q.begin(store.ModeBookmarked)
		case key.Matches(k, km.StudyAll):
			return q.begin(store.ModeAll)
		case key.Matches(k, km.Back):
			return quizDoneCmd()
		}
	case quizQuestion:
		switch {
		case key.Matches(k, km.Type):
			q.typing = true
			return q.input.Focus()
		case key.Matches(k, km.Reveal):
			return q.reveal()
		case key.Matches(k, km.End):
			q.finish(q.c.now())
		}
	case quizAnswer:
		return q.answerKey(k)
	case quizSummary:
		if key.Matches(k, km.Back) {
			return quizDoneCmd()
		}
	}
	return nil
}

// answerKey handles a key with the answer shown.
func (q *quizModel) answerKey(k tea.KeyPressMsg) tea.Cmd {
	km := q.keys
	for r, b := range []key.Binding{km.Again, km.Hard, km.Good, km.Easy} {
		if key.Matches(k, b) {
			return q.grade(srs.Rating(r + 1))
		}
	}
	switch {
	case key.Matches(k, km.Accept):
		return q.grade(q.suggest())
	case key.Matches(k, km.Tick):
		if i := slices.Index(quizTickKeys[:], k.String()); i >= 0 && i < len(q.ticked) {
			q.ticked[i] = !q.ticked[i]
		}
	case key.Matches(k, km.End):
		q.confirming = true
	case key.Matches(k, km.Top):
		q.vp.GotoTop()
	case key.Matches(k, km.Bottom):
		q.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		q.vp, cmd = q.vp.Update(k)
		return cmd
	}
	return nil
}

func (q quizModel) tickedCount() int {
	n := 0
	for _, t := range q.ticked {
		if t {
			n++
		}
	}
	return n
}

// suggest grades from the checklist: every point Good, at least half Hard,
// fewer Again; Good when the note has no points.
func (q quizModel) suggest() srs.Rating {
	n, t := len(q.ticked), q.tickedCount()
	switch {
	case n == 0 || t == n:
		return srs.Good
	case 2*t >= n:
		return srs.Hard
	default:
		return srs.Again
	}
}

// grade records r for the card on screen and shows the next one at once;
// the store write runs behind it.
func (q *quizModel) grade(r srs.Rating) tea.Cmd {
	id := q.note.ID
	rev := store.Review{
		NoteID:   id,
		Time:     q.revealAt,
		Rating:   r,
		Before:   q.cards[id],
		After:    q.preview[r-1],
		Duration: q.duration.Milliseconds(),
		Mode:     q.mode,
		Answer:   q.answer,
		Ticked:   q.tickedCount(),
		Points:   len(q.ticked),
	}
	q.sess.Graded(id, rev.After, q.revealAt)
	q.cards[id] = rev.After
	q.history = append(q.history, gradedCard{review: rev, ticked: slices.Clone(q.ticked)})
	q.pending++
	save := q.c.io.add(recordReviewJob(q.c.store, q.gen, rev))
	q.next()
	return save
}

// saved takes the result of a grade's write. A failed grade is the newest
// (one write at a time): its card comes back, answer shown, to be graded
// again.
func (q *quizModel) saved(msg reviewSavedMsg) tea.Cmd {
	if msg.gen != q.gen {
		if msg.err != nil {
			q.c.setError(q.c.text.ErrSaveFmt, msg.err)
		}
		return nil
	}
	q.pending--
	i := len(q.history) - 1
	if i < 0 || q.history[i].review.NoteID != msg.review.NoteID {
		return nil // cannot happen: writes are answered in order
	}
	if msg.err == nil {
		q.history[i].review.Seq = msg.review.Seq
		q.history[i].saved = true
		q.c.setCard(msg.review.NoteID, msg.review.After) // the list is current on return
		return q.replay()
	}
	g := q.history[i]
	q.history = q.history[:i]
	q.deferred = nil
	q.c.setError(q.c.text.ErrSaveFmt, msg.err)
	return q.restore(g, g.review.Before)
}

// undone takes the result of an undo.
func (q *quizModel) undone(msg reviewUndoneMsg) tea.Cmd {
	if msg.gen != q.gen {
		return nil
	}
	q.pending--
	q.deferred = nil
	if msg.err != nil {
		q.c.setError(q.c.text.ErrUndoFmt, msg.err)
		return nil
	}
	i := len(q.history) - 1
	if !msg.ok || i < 0 || msg.review.Seq != q.history[i].review.Seq || msg.review.NoteID != q.history[i].review.NoteID {
		// The log and the session disagree: stop undoing rather than undo more.
		q.history = nil
		q.c.errText = q.c.text.ErrUndoOdd
		return nil
	}
	g := q.history[i]
	q.history = q.history[:i]
	if b := msg.review.Before; b.State == srs.New && b.Reps == 0 {
		q.c.dropCard(msg.review.NoteID)
	} else {
		q.c.setCard(msg.review.NoteID, b)
	}
	q.c.status = q.c.text.Undone
	return q.restore(g, msg.review.Before)
}

// restore puts the newest graded card back on screen, answer shown, with
// its typed answer and ticks, and its schedule back to before.
func (q *quizModel) restore(g gradedCard, before srs.Card) tea.Cmd {
	id, ok := q.sess.Undo()
	if !ok || q.notes[id] == nil {
		return nil
	}
	q.cards[id] = before
	now := q.c.now()
	q.show(id, false, now)
	q.answer = g.review.Answer
	q.input.SetValue(g.review.Answer)
	q.ticked = g.ticked
	q.shownAt = now.Add(-time.Duration(g.review.Duration) * time.Millisecond)
	return q.reveal()
}

// replay runs a key that waited for the store, now that it answered.
func (q *quizModel) replay() tea.Cmd {
	if q.pending > 0 || q.deferred == nil {
		return nil
	}
	k := *q.deferred
	q.deferred = nil
	return q.key(k)
}

// Rendering of the answer.

// wrapWidth is the width answers are rendered at.
func (q quizModel) wrapWidth() int {
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

// fill puts the typed answer and the reference answer in the viewport,
// keeping the scroll position.
func (q *quizModel) fill() {
	s, t := q.c.styles, q.c.text
	w := q.wrapWidth()
	var lines []string
	if q.answer != "" {
		lines = append(lines, s.Label.Render(t.TypedLabel))
		for _, l := range strings.Split(ansi.Wrap(q.answer, w, ""), "\n") {
			lines = append(lines, s.Typed.Render(truncate(l, w)))
		}
		lines = append(lines, "", s.Label.Render(t.ReferenceLabel))
	}
	switch {
	case q.renderErr != nil:
		lines = append(lines, s.Error.Render(truncate(fmt.Sprintf(t.ErrRenderFmt, q.renderErr), w)))
	case !q.loaded:
		lines = append(lines, s.Status.Render(t.Rendering))
	default:
		lines = append(lines, strings.Split(strings.Trim(q.rendered, "\n"), "\n")...)
	}
	pad := strings.Repeat(" ", max(0, (q.vp.Width()-q.vp.Style.GetHorizontalFrameSize()-w)/2))
	for i, l := range lines {
		lines[i] = pad + l
	}
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
		body := q.chrome().body
		around := q.answerChrome(false)
		q.compact = body-around < minAnswerRows
		if q.compact {
			around = q.answerChrome(true)
		}
		q.vp.SetHeight(max(1, body-around))
	}
}

// typeWidth is the width of the question column and the answer box.
func (q quizModel) typeWidth() int {
	return min(readingWidth, q.width-4)
}

// quizChrome is the header and footer of a frame, drawn once for it.
type quizChrome struct {
	header, footer string
	body           int // the height they leave
}

// chrome draws the header and the footer and measures what they leave.
func (q quizModel) chrome() quizChrome {
	hdr := q.header()
	hh := lipgloss.Height(hdr)
	ftr := q.footer(hh)
	return quizChrome{header: hdr, footer: ftr, body: max(1, q.height-hh-lipgloss.Height(ftr))}
}

// answerChrome is the height of the answer step without the viewport.
func (q quizModel) answerChrome(compact bool) int {
	return lipgloss.Height(q.answerTitle()) + lipgloss.Height(q.pointsView(compact)) +
		lipgloss.Height(q.gradeView(compact))
}

// updateKeys enables the bindings of the current step, so help shows them.
func (q *quizModel) updateKeys() {
	k := &q.keys
	all := []*key.Binding{&k.Type, &k.StopTyping, &k.Reveal, &k.Tick, &k.Again, &k.Hard, &k.Good, &k.Easy,
		&k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Bookmark, &k.Undo,
		&k.End, &k.Confirm, &k.Cancel, &k.StudyMarked, &k.StudyAll, &k.Back}
	for _, b := range all {
		b.SetEnabled(false)
	}
	on := func(bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(true)
		}
	}
	switch {
	case q.typing:
		on(&k.StopTyping)
		return
	case q.confirming:
		on(&k.Confirm, &k.Cancel)
		return
	}
	undo := len(q.history) > 0 && q.c.store != nil
	switch q.step {
	case quizLoading:
		on(&k.End)
	case quizEmpty:
		on(&k.Back)
		k.StudyMarked.SetEnabled(q.offerMarked() > 0)
		k.StudyAll.SetEnabled(q.offerAll() > 0)
	case quizQuestion:
		on(&k.Type, &k.Reveal, &k.Bookmark, &k.End)
		k.Undo.SetEnabled(undo)
	case quizAnswer:
		on(&k.Again, &k.Hard, &k.Good, &k.Easy, &k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown,
			&k.Top, &k.Bottom, &k.Bookmark, &k.End)
		k.Tick.SetEnabled(len(q.ticked) > 0)
		k.Undo.SetEnabled(undo)
		t := q.c.text
		for r, b := range []*key.Binding{&k.Again, &k.Hard, &k.Good, &k.Easy} {
			b.SetHelp(b.Help().Key, q.gradeName(srs.Rating(r+1))+" "+t.interval(q.intervalLabel(r)))
		}
	case quizSummary:
		on(&k.Back)
		k.Undo.SetEnabled(undo)
	}
}

// offerMarked is how many bookmarked notes the empty screen offers.
func (q quizModel) offerMarked() int {
	if q.mode == store.ModeBookmarked || q.loadErr != nil {
		return 0
	}
	n := 0
	for _, id := range q.ids {
		if q.c.bookmarked(id) {
			n++
		}
	}
	return n
}

// offerAll is how many notes the empty screen offers to test, shuffled.
func (q quizModel) offerAll() int {
	if q.mode == store.ModeAll || q.loadErr != nil {
		return 0
	}
	return len(q.ids)
}

func (q quizModel) gradeName(r srs.Rating) string {
	t := q.c.text
	return [...]string{t.GradeAgain, t.GradeHard, t.GradeGood, t.GradeEasy}[r-1]
}

// intervalLabel is how long preview i (rating i+1) puts the card off.
func (q quizModel) intervalLabel(i int) string {
	return q.sched.IntervalLabel(q.revealAt, q.preview[i].Due)
}

// Help.

// ShortHelp is the one-line help of the current step.
func (q quizModel) ShortHelp() []key.Binding {
	k, g := q.keys, q.c.keys.Global
	h := g.helpBinding(q.c.text, q.c.help.ShowAll)
	scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", q.c.text.KeyScroll))
	switch {
	case q.typing:
		return []key.Binding{k.StopTyping, g.ForceQuit}
	case q.confirming:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	switch q.step {
	case quizQuestion:
		return []key.Binding{k.Reveal, k.Type, k.Bookmark, k.Undo, k.End, h}
	case quizAnswer:
		return []key.Binding{k.Accept, k.Tick, k.Bookmark, k.Undo, scroll, k.End, h}
	case quizEmpty:
		return []key.Binding{k.StudyMarked, k.StudyAll, k.Back, h}
	case quizSummary:
		return []key.Binding{k.Back, k.Undo, h}
	default:
		return []key.Binding{k.End, h}
	}
}

// FullHelp is the current step's help in columns.
func (q quizModel) FullHelp() [][]key.Binding {
	k, g := q.keys, q.c.keys.Global
	h := g.helpBinding(q.c.text, q.c.help.ShowAll)
	if q.typing || q.confirming {
		return [][]key.Binding{q.ShortHelp()}
	}
	switch q.step {
	case quizAnswer:
		return [][]key.Binding{
			{k.Again, k.Hard, k.Good, k.Easy, k.Accept, k.Tick},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Bookmark, k.Undo, k.End, h, g.ForceQuit},
		}
	case quizQuestion:
		return [][]key.Binding{{k.Reveal, k.Type, k.Bookmark}, {k.Undo, k.End, h, g.ForceQuit}}
	default:
		return [][]key.Binding{append(q.ShortHelp(), g.ForceQuit)}
	}
}

// Views.

// View draws the current step.
func (q quizModel) View() string {
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
		// The header and the viewport are as wide as the window.
		return stack(ch.header, q.answerTitle(), q.vp.View(),
			q.pointsView(q.compact), q.gradeView(q.compact), ch.footer)
	case quizSummary:
		body = q.centre(q.summaryView(), h)
	}
	// The header and the centred body are as wide as the window.
	// The footer's lines are padded to the width already.
	return stack(ch.header, body, ch.footer)
}

// centre places block in the middle of a width×h area, cut to fit.
func (q quizModel) centre(block string, h int) string {
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
func (q quizModel) header() string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.TitleBar.GetHorizontalFrameSize()
	mode := map[store.Mode]string{store.ModeDue: t.ModeDue, store.ModeBookmarked: t.ModeMarked,
		store.ModeAll: t.ModeAll, store.ModeOne: t.ModeOne}[q.mode]
	left := fmt.Sprintf(t.QuizHeaderFmt, mode)
	right := ""
	switch {
	case q.pending > 0:
		right = t.Saving
	case len(q.history) > 0:
		right = fmt.Sprintf(t.SavedFmt, q.savedCount())
	}
	line := left
	if gap := inner - ansi.StringWidth(left) - ansi.StringWidth(right); right != "" && gap >= 2 {
		line = left + strings.Repeat(" ", gap) + right
	}
	bar := s.TitleBar.Width(q.width).Render(truncate(line, inner))
	if q.step != quizQuestion && q.step != quizAnswer {
		return bar
	}
	return lipgloss.JoinVertical(lipgloss.Left, bar, q.progressLine())
}

// savedCount is how many of the session's grades are in the store.
func (q quizModel) savedCount() int {
	n := 0
	for _, g := range q.history {
		if g.saved {
			n++
		}
	}
	return n
}

// progressLine is the bar, "3 / 11" (this card of all grades the session
// needs, learning steps included) and how many learning steps wait.
func (q quizModel) progressLine() string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.QuizHead.GetHorizontalFrameSize()
	n := q.sess.Counts()
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
func (q quizModel) questionBlock(withInput bool) string {
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
		parts = append(parts, "", s.Label.Render(t.TypedLabel))
		for _, l := range typed {
			parts = append(parts, s.Typed.Render(truncate(l, w)))
		}
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
func (q quizModel) answerTitle() string {
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
func (q quizModel) pointsView(compact bool) string {
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
	head := s.Label.Render(fmt.Sprintf(t.PointsFmt, q.tickedCount(), len(q.ticked)))
	if compact {
		// The texts if they fit, else at least every key and box.
		line, keys := head, ""
		for i, p := range q.note.Points[:len(q.ticked)] {
			line += "  " + s.PointKey.Render(quizTickKeys[i]) + box(i) + p
			keys += s.PointKey.Render(quizTickKeys[i]) + box(i) + " "
		}
		if lipgloss.Width(line) > inner {
			line = keys + s.Label.Render(fmt.Sprintf("%d/%d", q.tickedCount(), len(q.ticked)))
		}
		return s.Viewport.Render(truncate(line, inner))
	}
	lines := []string{head}
	for i, p := range q.note.Points[:len(q.ticked)] {
		st := s.PointOff
		if q.ticked[i] {
			st = s.PointOn
		}
		lines = append(lines, truncate(s.PointKey.Render(quizTickKeys[i])+" "+box(i)+" "+st.Render(p), inner))
	}
	return s.Viewport.Render(strings.Join(lines, "\n"))
}

// gradeView is the four grade buttons with their intervals, the suggested
// one highlighted, then the suggestion (or the end confirmation). Buttons
// wrap onto a second line in a narrow window.
func (q quizModel) gradeView(compact bool) string {
	s, t := q.c.styles, q.c.text
	inner := q.width - s.Viewport.GetHorizontalFrameSize()
	sug := q.suggest()
	var buttons []string
	for i := range 4 {
		r := srs.Rating(i + 1)
		st := s.Grade
		if r == sug {
			st = s.GradeSuggest
		}
		buttons = append(buttons, st.Render(fmt.Sprintf("%d %s %s", r, q.gradeName(r), t.interval(q.intervalLabel(i)))))
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
func (q quizModel) emptyView() string {
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
func (q quizModel) nextDueLine(now time.Time) string {
	t := q.c.text
	var next time.Time
	for _, id := range q.ids {
		c, ok := q.cards[id]
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
	return fmt.Sprintf(t.NextDueFmt, t.interval(sched.IntervalLabel(now, next)), next.In(now.Location()).Format(t.DateFmt))
}

// summaryView sums up the session.
func (q quizModel) summaryView() string {
	s, t := q.c.styles, q.c.text
	lines := []string{s.SumTitle.Render(t.SummaryTitle), ""}
	var byRating [4]int
	ticked, points := 0, 0
	seen := map[string]bool{}
	marked := 0
	for _, g := range q.history {
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
	if len(q.history) == 0 {
		lines = append(lines, t.SumNothing)
	} else {
		lines = append(lines, fmt.Sprintf(t.SumCardsFmt, len(seen), len(q.history)),
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
	case q.pending > 0:
		lines = append(lines, s.Status.Render(t.Saving))
	case len(q.history) > 0:
		lines = append(lines, s.Status.Render(fmt.Sprintf(t.SumSavedFmt, q.savedCount())))
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
func (q quizModel) footer(headerH int) string {
	status := q.c.statusLine(q.width, "")
	room := q.height - headerH - lipgloss.Height(status)
	need := minAnswerRows
	if q.step == quizAnswer {
		need += q.answerChrome(true)
	}
	// The status line is as wide as the window.
	return stack(status, q.c.helpView(helpKeys{q.ShortHelp(), q.FullHelp()}, q.width, room, need))
}
