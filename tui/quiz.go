package tui

import (
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

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
	listed  bool              // ids are what the list showed: study them all, by priority
	others  []string          // what the empty screen offers instead (a, b), in deck order
	loadErr error

	sched    srs.Scheduler
	g        grader // the session, its grades and writes in flight
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
	// noChecklist: typing in a window too short for the box beside the
	// key points and grades, which take no keys while it has focus.
	noChecklist bool
	full        bool // the reference answer alone, full screen (z)
	typedRows   int  // rows the typed answer gets above the reference
	bar         progress.Model

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
	q.mode, q.ids, q.from, q.listed = msg.mode, slices.Clone(msg.ids), msg.from, msg.listed
	q.others = slices.Clone(msg.others)
	if q.others == nil {
		q.others = q.ids
	}
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
		if msg.newToday, err = newStartedToday(st, now, msg.settings.RolloverHour); err != nil {
			msg.err = err
			return msg
		}
		return msg
	}
}

// recordReviewJob saves one grade of owner's session gen; on failure the
// message carries r back.
func recordReviewJob(st store.Store, owner view, gen int, r store.Review) func() tea.Msg {
	return func() tea.Msg {
		saved, err := st.RecordReview(r)
		if err != nil {
			return reviewSavedMsg{owner: owner, gen: gen, review: r, err: err}
		}
		return reviewSavedMsg{owner: owner, gen: gen, review: saved}
	}
}

// undoReviewJob takes back the newest logged review for owner's session.
func undoReviewJob(st store.Store, owner view, gen int) func() tea.Msg {
	return func() tea.Msg {
		r, ok, err := st.UndoLastReview()
		return reviewUndoneMsg{owner: owner, gen: gen, review: r, ok: ok, err: err}
	}
}

// done returns to the screen the session was started from.
func (q *quizModel) done() tea.Cmd { return q.c.navigate(quizDoneMsg{}) }

// backTexts names the way back, to the screen the session was started from:
// the key's help, the hint on the empty screen and on the summary.
func (q *quizModel) backTexts() (keyHelp, offer, summary string) {
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
func (q *quizModel) capturing() bool { return q.typing }

// Update handles the self-test's keys and its store results.
func (q *quizModel) Update(msg tea.Msg) tea.Cmd {
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
	return cmd
}

func (q *quizModel) loadedSession(msg sessionLoadedMsg) tea.Cmd {
	if msg.gen != q.gen {
		return nil
	}
	var cmd tea.Cmd
	if msg.err != nil {
		q.loadErr, q.step = msg.err, quizEmpty
	} else {
		q.c.setProgress(nil, msg.bookmarks, msg.settings, msg.newToday)
		q.g = grader{cards: maps.Clone(msg.cards)}
		if q.g.cards == nil {
			q.g.cards = map[string]srs.Card{}
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
	in := srs.QueueInput{Deck: q.ids, Cards: q.g.cards, Bookmarks: q.c.bookmarks,
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
	if q.listed && mode != store.ModeDue {
		scope = srs.ScopeListed
	}
	q.g.sess = srs.BuildSession(q.queueInput(now), scope, now.UnixNano())
	t := q.g.sess.Next(now)
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
	q.step, q.typing, q.confirming, q.answer, q.full = quizQuestion, false, false, "", false
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
	t := q.g.sess.Next(now)
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
	q.preview = q.sched.Preview(q.g.cards[q.note.ID], now, q.note.ID)
	q.step = quizAnswer
	q.vp.GotoTop()
	q.layout()
	// The reveal shows the note's previous answers too, as the interview's.
	return tea.Batch(q.request(), q.c.wantPast(q.note.ID))
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
			q.layout()
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
	// Grades, undo and leaving the summary wait for the write in flight
	// (if it fails, its card comes back first), and so do the keys after
	// them: the root holds them until the store has answered.
	if q.g.pending > 0 && key.Matches(k, km.Again, km.Hard, km.Good, km.Easy, km.Accept, km.Undo, km.Back) {
		q.c.held = append(q.c.held, k)
		return nil
	}
	if key.Matches(k, km.Undo) {
		q.g.undoStart()
		return q.c.io.add(undoReviewJob(q.c.store, viewQuiz, q.gen))
	}
	if key.Matches(k, km.Bookmark) {
		return q.c.toggleBookmark(q.note.ID)
	}
	switch q.step {
	case quizLoading:
		if key.Matches(k, km.End) {
			return q.done()
		}
	case quizEmpty:
		switch {
		case key.Matches(k, km.StudyMarked):
			q.listed, q.ids = false, q.others
			return q.begin(store.ModeBookmarked)
		case key.Matches(k, km.StudyAll):
			q.listed, q.ids = false, q.others
			return q.begin(store.ModeAll)
		case key.Matches(k, km.Back):
			return q.done()
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
			return q.done()
		}
	}
	return nil
}

// answerKey handles a key with the answer shown.
func (q *quizModel) answerKey(k tea.KeyPressMsg) tea.Cmd {
	km := q.keys
	if q.full {
		// The reference alone: scrolling, and z or esc to come back.
		switch {
		case key.Matches(k, km.Full), k.String() == "esc":
			q.full = false
			q.layout()
		default:
			return q.scroll(k)
		}
		return nil
	}
	switch {
	case key.Matches(k, km.Full):
		q.full = true
		q.layout()
		return nil
	case key.Matches(k, km.Type):
		// Back into the answer box: letters are text again, not commands.
		q.typing = true
		q.input.SetValue(q.answer)
		q.layout()
		return q.input.Focus()
	}
	for r, b := range []key.Binding{km.Again, km.Hard, km.Good, km.Easy} {
		if key.Matches(k, b) {
			return q.grade(srs.Rating(r + 1))
		}
	}
	switch {
	case key.Matches(k, km.Accept):
		return q.grade(suggest(q.ticked, q.duration))
	case key.Matches(k, km.Tick):
		if i := slices.Index(quizTickKeys[:], k.String()); i >= 0 && i < len(q.ticked) {
			q.ticked[i] = !q.ticked[i]
		}
	case key.Matches(k, km.End):
		q.confirming = true
	default:
		return q.scroll(k)
	}
	return nil
}

// scroll moves the reference answer: home and end, or the viewport's own
// keys.
func (q *quizModel) scroll(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, q.keys.Top):
		q.vp.GotoTop()
	case key.Matches(k, q.keys.Bottom):
		q.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		q.vp, cmd = q.vp.Update(k)
		return cmd
	}
	return nil
}

// grade records r for the card on screen and shows the next one at once;
// the store write runs behind it.
func (q *quizModel) grade(r srs.Rating) tea.Cmd {
	id := q.note.ID
	rev := store.Review{
		NoteID:   id,
		Time:     q.revealAt,
		Rating:   r,
		Before:   q.g.cards[id],
		After:    q.preview[r-1],
		Duration: q.duration.Milliseconds(),
		Mode:     q.mode,
		Answer:   q.answer,
		Ticked:   countTicked(q.ticked),
		Points:   len(q.ticked),
	}
	if q.mode == store.ModeCram {
		// Cram changes no schedule: the card stays as it was, in the
		// store (which ignores After for cram) and in the session.
		rev.After = rev.Before
	}
	q.g.grade(rev, q.ticked)
	save := q.c.io.add(recordReviewJob(q.c.store, viewQuiz, q.gen, rev))
	q.next()
	return save
}

// saved takes the result of a grade's write. A failed grade is the newest
// (one write at a time): its card comes back, answer shown, to be graded
// again.
func (q *quizModel) saved(msg reviewSavedMsg) tea.Cmd {
	if failed, back := takeSaved(q.c, &q.g, msg.gen, q.gen, msg.review, msg.err); back {
		return q.restore(failed, failed.review.Before)
	}
	// A saved grade drops its note's previous answers; the same note's
	// answer on screen again (learned ahead) asks for them anew.
	if q.step == quizAnswer && q.note != nil && q.note.ID == msg.review.NoteID {
		return q.c.wantPast(q.note.ID)
	}
	return nil
}

// undone takes the result of an undo.
func (q *quizModel) undone(msg reviewUndoneMsg) tea.Cmd {
	if g, back := takeUndone(q.c, &q.g, msg.gen, q.gen, msg.review, msg.ok, msg.err); back {
		return q.restore(g, msg.review.Before)
	}
	return nil
}

// restore puts the newest graded card back on screen, answer shown, with
// its typed answer and ticks, and its schedule back to before.
func (q *quizModel) restore(g gradedCard, before srs.Card) tea.Cmd {
	id, ok := q.g.putBack(before)
	if !ok || q.notes[id] == nil {
		return nil
	}
	now := q.c.now()
	q.show(id, false, now)
	q.answer = g.review.Answer
	q.input.SetValue(g.review.Answer)
	q.ticked = g.ticked
	q.shownAt = now.Add(-time.Duration(g.review.Duration) * time.Millisecond)
	return q.reveal()
}

// writing reports whether a review write is in flight: keys held for it
// wait.
func (q *quizModel) writing() bool { return q.g.pending > 0 }

// updateKeys enables the bindings of the current step, so help shows them.
func (q *quizModel) updateKeys() {
	k := &q.keys
	all := []*key.Binding{&k.Type, &k.StopTyping, &k.Reveal, &k.Tick, &k.Again, &k.Hard, &k.Good, &k.Easy,
		&k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Bookmark, &k.Undo,
		&k.End, &k.Confirm, &k.Cancel, &k.StudyMarked, &k.StudyAll, &k.Back, &k.Full}
	enableOnly(all)
	on := func(bs ...*key.Binding) { enableOnly(nil, bs...) }
	switch {
	case q.typing:
		on(&k.StopTyping)
		return
	case q.confirming:
		on(&k.Confirm, &k.Cancel)
		return
	}
	undo := len(q.g.history) > 0 && q.c.store != nil
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
		if q.full {
			on(&k.Full, &k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom)
			k.Full.SetHelp(k.Full.Help().Key, q.c.text.KeyUnfull)
			return
		}
		k.Full.SetHelp(k.Full.Help().Key, q.c.text.KeyFull)
		on(&k.Again, &k.Hard, &k.Good, &k.Easy, &k.Accept, &k.Up, &k.Down, &k.PageUp, &k.PageDown,
			&k.Top, &k.Bottom, &k.Bookmark, &k.End, &k.Full, &k.Type)
		k.Tick.SetEnabled(len(q.ticked) > 0)
		k.Undo.SetEnabled(undo)
		for r, b := range []*key.Binding{&k.Again, &k.Hard, &k.Good, &k.Easy} {
			b.SetHelp(b.Help().Key, q.gradeName(srs.Rating(r+1))+" "+q.intervalText(r))
		}
	case quizSummary:
		on(&k.Back)
		k.Undo.SetEnabled(undo)
	}
}

// offerMarked is how many bookmarked notes the empty screen offers.
func (q *quizModel) offerMarked() int {
	if q.mode == store.ModeBookmarked || q.loadErr != nil {
		return 0
	}
	n := 0
	for _, id := range q.others {
		if q.c.bookmarked(id) {
			n++
		}
	}
	return n
}

// offerAll is how many notes the empty screen offers to test, shuffled.
func (q *quizModel) offerAll() int {
	if q.mode == store.ModeAll && !q.listed || q.loadErr != nil {
		return 0
	}
	return len(q.others)
}

func (q *quizModel) gradeName(r srs.Rating) string {
	t := q.c.text
	return [...]string{t.GradeAgain, t.GradeHard, t.GradeGood, t.GradeEasy}[r-1]
}

// intervalLabel is how long preview i (rating i+1) puts the card off.
func (q *quizModel) intervalLabel(i int) string {
	return q.sched.IntervalLabel(q.revealAt, q.preview[i].Due)
}

// intervalText is intervalLabel as the learner reads it; a cram grade
// schedules nothing.
func (q *quizModel) intervalText(i int) string {
	if q.mode == store.ModeCram {
		return q.c.text.CramInterval
	}
	return q.c.text.interval(q.intervalLabel(i))
}

// Help.

// ShortHelp is the one-line help of the current step.
func (q *quizModel) ShortHelp() []key.Binding {
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
		if q.full {
			return []key.Binding{k.Full, scroll, k.PageDown, h}
		}
		return []key.Binding{k.Accept, k.Tick, k.Full, k.Type, k.Bookmark, k.Undo, scroll, k.End, h}
	case quizEmpty:
		return []key.Binding{k.StudyMarked, k.StudyAll, k.Back, h}
	case quizSummary:
		return []key.Binding{k.Back, k.Undo, h}
	default:
		return []key.Binding{k.End, h}
	}
}

// FullHelp is the current step's help in columns.
func (q *quizModel) FullHelp() [][]key.Binding {
	k, g := q.keys, q.c.keys.Global
	h := g.helpBinding(q.c.text, q.c.help.ShowAll)
	if q.typing || q.confirming {
		return [][]key.Binding{q.ShortHelp()}
	}
	switch q.step {
	case quizAnswer:
		if q.full {
			return [][]key.Binding{{k.Full, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {h, g.ForceQuit}}
		}
		return [][]key.Binding{
			{k.Again, k.Hard, k.Good, k.Easy, k.Accept, k.Tick},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Full, k.Type, k.Bookmark, k.Undo, k.End, h, g.ForceQuit},
		}
	case quizQuestion:
		return [][]key.Binding{{k.Reveal, k.Type, k.Bookmark}, {k.Undo, k.End, h, g.ForceQuit}}
	default:
		return [][]key.Binding{append(q.ShortHelp(), g.ForceQuit)}
	}
}

// Views.
