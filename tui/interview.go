package tui

// The mock interview: questions drawn across chapters, one at a time under
// a countdown, each revealed and graded as a real review, then a report.

import (
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// ivStep is where a mock interview stands.
type ivStep int

const (
	ivLoading  ivStep = iota // reading the store
	ivEmpty                  // nothing to ask
	ivQuestion               // a question under the countdown
	ivAnswer                 // the answer shown, waiting for a grade
	ivReport                 // the interview is over: its report
)

// ivItem is one question of the interview as it goes.
type ivItem struct {
	note     *notes.Note
	revealed bool
	took     time.Duration // shown → revealed, overtime included
	answer   string        // the typed answer
	ticked   []bool
	rating   srs.Rating // 0 until graded
}

// tickFunc makes the countdown's timer command: tea.Tick under Run; nil
// (no timer) where a test drives the model, which sends the ticks itself.
type tickFunc func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// interviewModel is the mock interview. Grades go through grader as in the
// self-test: saved in order, one write at a time, undoable.
type interviewModel struct {
	c     *common
	keys  interviewKeys
	notes map[string]*notes.Note
	step  ivStep
	gen   int // which interview; results of an older one are stale

	asked   int  // questions asked for; 0 is the setting
	from    view // where the interview returns
	early   []tea.KeyPressMsg
	loadErr error

	qs     []ivItem
	cur    int // the question on screen
	budget time.Duration
	sched  srs.Scheduler
	g      grader

	shownAt    time.Time
	revealAt   time.Time
	preview    [4]srs.Card
	input      textarea.Model
	typing     bool
	confirming bool // asking whether to end early

	// The countdown: one timer command at a time, identified by tickID;
	// a tick of an older one is dropped, which stops it.
	tick   tickFunc
	tickID int

	vp        viewport.Model
	want      renderKey
	rendered  string
	loaded    bool
	renderErr error
	compact   bool // key points on one line: the window is short

	startedAt time.Time
	report    store.Interview
	saving    bool
	saveErr   error

	width, height int
}

func newInterview(c *common) interviewModel {
	m := interviewModel{c: c, keys: c.keys.Interview, notes: map[string]*notes.Note{}}
	for i := range c.deck.Notes {
		m.notes[c.deck.Notes[i].ID] = &c.deck.Notes[i]
	}
	m.vp = viewport.New()
	m.vp.KeyMap = c.keys.Quiz.viewportKeys()
	m.vp.SetHorizontalStep(0)
	m.input = textarea.New()
	m.input.ShowLineNumbers = false
	m.input.Prompt = ""
	m.input.Placeholder = c.text.TypedLabel
	m.input.CharLimit = 0
	m.restyle()
	return m
}

// restyle applies the current styles; the answer is rendered again.
func (m *interviewModel) restyle() tea.Cmd {
	m.vp.Style = m.c.styles.Viewport
	m.input.SetStyles(m.c.styles.TextArea)
	return m.request()
}

// start begins an interview of n questions (0: the setting); the store is
// read first.
func (m *interviewModel) start(msg startInterviewMsg) tea.Cmd {
	m.gen++
	*m = interviewModel{c: m.c, keys: m.c.keys.Interview, notes: m.notes, gen: m.gen, tick: m.tick,
		tickID: m.tickID + 1, vp: m.vp, input: m.input, width: m.width, height: m.height,
		asked: msg.questions, from: msg.from}
	m.input.Reset()
	m.input.Blur()
	m.vp.SetContentLines(nil)
	m.layout()
	if m.c.store == nil {
		return nil
	}
	return m.c.io.add(loadInterviewJob(m.c.store, m.gen))
}

// loadInterviewJob reads what the draw needs.
func loadInterviewJob(st store.Store, gen int) func() tea.Msg {
	return func() tea.Msg {
		msg := interviewLoadedMsg{gen: gen, bookmarks: st.Bookmarks(), suspended: st.Suspended()}
		var err error
		if msg.settings, err = st.Settings(); err != nil {
			msg.err = err
			return msg
		}
		msg.cards, msg.err = st.Cards()
		return msg
	}
}

// capturing reports whether keys are text for the answer box.
func (m *interviewModel) capturing() bool { return m.typing }

// writing reports whether a review write is in flight: keys wait for it.
func (m *interviewModel) writing() bool { return m.g.pending > 0 }

// Update handles the interview's keys, its timer and its store results.
func (m *interviewModel) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case interviewLoadedMsg:
		cmd = m.loadedInterview(msg)
	case interviewTickMsg:
		// Only the countdown's line changes: nothing to lay out.
		return m.ticked(msg)
	case reviewSavedMsg:
		cmd = m.saved(msg)
	case reviewUndoneMsg:
		cmd = m.undone(msg)
	case interviewRecordedMsg:
		if msg.gen == m.gen {
			m.saving, m.saveErr = false, msg.err
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case tea.PasteMsg:
		if m.typing {
			m.input, cmd = m.input.Update(msg)
		}
	case tea.MouseWheelMsg:
		if m.step == ivAnswer || m.step == ivReport {
			m.vp, cmd = m.vp.Update(msg)
		}
	default:
		if m.typing {
			m.input, cmd = m.input.Update(msg)
		}
	}
	m.layout()
	return cmd
}

// loadedInterview draws the questions and shows the first.
func (m *interviewModel) loadedInterview(msg interviewLoadedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	if msg.err != nil {
		m.loadErr, m.step = msg.err, ivEmpty
		return nil
	}
	m.c.setProgress(nil, msg.bookmarks, msg.settings, m.c.newToday)
	now := m.c.now()
	m.sched = m.c.scheduler(now)
	m.budget = time.Duration(msg.settings.InterviewSeconds) * time.Second
	n := m.asked
	if n <= 0 {
		n = msg.settings.InterviewQuestions
	}
	in := drawInput{cards: msg.cards, bookmarks: msg.bookmarks, suspended: msg.suspended, sched: m.sched, now: now}
	for _, nt := range m.c.deck.Notes {
		in.notes = append(in.notes, drawCandidate{id: nt.ID, chapter: nt.Chapter})
	}
	ids := drawQuestions(in, n, uint64(now.UnixNano()))
	if len(ids) == 0 {
		m.step = ivEmpty
		return nil
	}
	m.qs = make([]ivItem, len(ids))
	for i, id := range ids {
		m.qs[i] = ivItem{note: m.notes[id]}
	}
	m.g = grader{sess: srs.NewSession(ids), cards: maps.Clone(msg.cards)}
	if m.g.cards == nil {
		m.g.cards = map[string]srs.Card{}
	}
	m.startedAt = now
	cmds := []tea.Cmd{m.show(0, now)}
	early := m.early
	m.early = nil
	for _, k := range early {
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

// show puts question i on screen, its countdown starting now.
func (m *interviewModel) show(i int, now time.Time) tea.Cmd {
	m.cur, m.step, m.shownAt = i, ivQuestion, now
	m.typing, m.confirming = false, false
	q := &m.qs[i]
	*q = ivItem{note: q.note, ticked: make([]bool, min(len(q.note.Points), len(quizTickKeys)))}
	m.input.Reset()
	m.input.Blur()
	m.want, m.rendered, m.loaded, m.renderErr = renderKey{}, "", false, nil
	m.vp.SetContentLines(nil)
	return m.startTicking()
}

// startTicking starts the countdown's timer, replacing any running one.
func (m *interviewModel) startTicking() tea.Cmd {
	m.tickID++
	return m.nextTick()
}

// nextTick asks for a tick when the shown time next changes: on the next
// whole second since the question was shown, so the clock never ticks more
// than once a second and never shows a second late.
func (m *interviewModel) nextTick() tea.Cmd {
	if m.tick == nil {
		return nil
	}
	elapsed := max(0, m.c.now().Sub(m.shownAt))
	wait := time.Second - elapsed%time.Second
	gen, id := m.gen, m.tickID
	return m.tick(wait, func(time.Time) tea.Msg { return interviewTickMsg{gen: gen, id: id} })
}

// ticked takes a tick of the countdown: the next is asked for while the
// question is on screen; any other tick stops the timer.
func (m *interviewModel) ticked(msg interviewTickMsg) tea.Cmd {
	if msg.gen != m.gen || msg.id != m.tickID || m.step != ivQuestion {
		return nil
	}
	return m.nextTick()
}

// elapsed is how long the question on screen has been up.
func (m *interviewModel) elapsed() time.Duration {
	if m.step == ivAnswer || m.cur < len(m.qs) && m.qs[m.cur].revealed {
		return m.qs[m.cur].took
	}
	return max(0, m.c.now().Sub(m.shownAt))
}

// reveal stops the clock and shows the answer, previewing the grades as of
// now.
func (m *interviewModel) reveal() tea.Cmd {
	now := m.c.now()
	q := &m.qs[m.cur]
	q.answer = strings.TrimSpace(m.input.Value())
	q.took = max(0, now.Sub(m.shownAt))
	q.revealed = true
	m.typing = false
	m.input.Blur()
	m.tickID++ // the timer stops at its next tick
	m.revealAt = now
	m.preview = m.sched.Preview(m.g.cards[q.note.ID], now, q.note.ID)
	m.step = ivAnswer
	m.vp.GotoTop()
	m.layout()
	return tea.Batch(m.request(), m.c.wantPast(q.note.ID))
}

// key handles one key press.
func (m *interviewModel) key(k tea.KeyPressMsg) tea.Cmd {
	m.updateKeys()
	km := m.keys
	if m.step == ivLoading {
		if key.Matches(k, km.Back) {
			return m.done()
		}
		if len(m.early) < maxEarlyKeys {
			m.early = append(m.early, k)
		}
		return nil
	}
	if m.typing {
		if key.Matches(k, km.StopTyping) {
			m.typing = false
			m.qs[m.cur].answer = strings.TrimSpace(m.input.Value())
			m.input.Blur()
			return nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(k)
		return cmd
	}
	if m.confirming {
		switch {
		case key.Matches(k, km.Confirm):
			return m.finish(nil)
		case key.Matches(k, km.Cancel):
			m.confirming = false
		}
		return nil
	}
	// Grades, undo and ending wait for the write in flight, as in the
	// self-test: a failed grade comes back first.
	if m.g.pending > 0 && key.Matches(k, km.Again, km.Hard, km.Good, km.Easy, km.Accept, km.Undo, km.End, km.Back) {
		m.c.held = append(m.c.held, k)
		return nil
	}
	if key.Matches(k, km.Undo) {
		m.g.undoStart()
		return m.c.io.add(undoReviewJob(m.c.store, viewInterview, m.gen))
	}
	switch m.step {
	case ivEmpty, ivReport:
		if key.Matches(k, km.Back) {
			return m.done()
		}
		if m.step == ivReport {
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(k)
			return cmd
		}
	case ivQuestion:
		switch {
		case key.Matches(k, km.Type):
			m.typing = true
			return m.input.Focus()
		case key.Matches(k, km.Reveal):
			return m.reveal()
		case key.Matches(k, km.End):
			m.confirming = true
		}
	case ivAnswer:
		return m.answerKey(k)
	}
	return nil
}

// answerKey handles a key with the answer shown.
func (m *interviewModel) answerKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	q := &m.qs[m.cur]
	for r, b := range []key.Binding{km.Again, km.Hard, km.Good, km.Easy} {
		if key.Matches(k, b) {
			return m.grade(srs.Rating(r + 1))
		}
	}
	switch {
	case key.Matches(k, km.Accept):
		return m.grade(suggest(q.ticked, q.took))
	case key.Matches(k, km.Tick):
		if i := slices.Index(quizTickKeys[:], k.String()); i >= 0 && i < len(q.ticked) {
			q.ticked[i] = !q.ticked[i]
		}
	case key.Matches(k, km.End):
		m.confirming = true
	default:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(k)
		return cmd
	}
	return nil
}

// grade records r for the question on screen as a review and moves on.
func (m *interviewModel) grade(r srs.Rating) tea.Cmd {
	q := &m.qs[m.cur]
	id := q.note.ID
	rev := store.Review{NoteID: id, Time: m.revealAt, Rating: r, Before: m.g.cards[id], After: m.preview[r-1],
		Duration: q.took.Milliseconds(), Mode: store.ModeInterview, Answer: q.answer,
		Ticked: countTicked(q.ticked), Points: len(q.ticked)}
	q.rating = r
	m.g.grade(rev, q.ticked)
	save := recordReviewJob(m.c.store, viewInterview, m.gen, rev)
	if m.cur+1 < len(m.qs) {
		return tea.Batch(m.c.io.add(save), m.show(m.cur+1, m.c.now()))
	}
	return m.finish(save)
}

// saved takes the result of a grade's write; a failed grade comes back on
// screen, answer shown, to be graded again.
func (m *interviewModel) saved(msg reviewSavedMsg) tea.Cmd {
	if failed, back := takeSaved(m.c, &m.g, msg.gen, m.gen, msg.review, msg.err); back {
		return m.restore(failed, failed.review.Before)
	}
	// A saved grade drops its note's previous answers; an answer to the
	// same note on screen asks for them anew.
	if m.step == ivAnswer && m.cur < len(m.qs) && m.qs[m.cur].note.ID == msg.review.NoteID {
		return m.c.wantPast(msg.review.NoteID)
	}
	return nil
}

// undone takes the result of an undo.
func (m *interviewModel) undone(msg reviewUndoneMsg) tea.Cmd {
	if g, back := takeUndone(m.c, &m.g, msg.gen, m.gen, msg.review, msg.ok, msg.err); back {
		return m.restore(g, msg.review.Before)
	}
	return nil
}

// restore puts the newest graded question back on screen, answer shown,
// with its answer, ticks and time as they were, ungraded.
func (m *interviewModel) restore(g gradedCard, before srs.Card) tea.Cmd {
	m.saving = false // a report not written: the interview goes on
	id, ok := m.g.putBack(before)
	i := slices.IndexFunc(m.qs, func(q ivItem) bool { return q.note.ID == id })
	if !ok || i < 0 {
		return nil
	}
	m.show(i, m.c.now())
	q := &m.qs[i]
	q.answer, q.ticked = g.review.Answer, slices.Clone(g.ticked)
	m.input.SetValue(g.review.Answer)
	m.shownAt = m.c.now().Add(-time.Duration(g.review.Duration) * time.Millisecond)
	return m.reveal()
}

// finish ends the interview: the report is built from what was done and
// saved. last, when set, writes the grade that ended it: the report is
// written in the same job, after it and only if it succeeded, so that a
// report never holds a grade the review log lacks.
func (m *interviewModel) finish(last func() tea.Msg) tea.Cmd {
	m.step, m.typing, m.confirming = ivReport, false, false
	m.tickID++
	m.input.Blur()
	m.report = m.buildReport()
	m.layout() // the report's page
	m.vp.GotoTop()
	var record func() tea.Msg
	if len(m.report.Questions) > 0 && m.c.store != nil {
		m.saving = true
		record = recordInterviewJob(m.c.store, m.gen, m.report)
	}
	switch {
	case last == nil && record == nil:
		return nil
	case last == nil:
		return m.c.io.add(record)
	case record == nil:
		return m.c.io.add(last)
	}
	return m.c.io.add(func() tea.Msg {
		saved := last()
		if s, ok := saved.(reviewSavedMsg); ok && s.err != nil {
			return saved
		}
		recorded := record()
		return tea.BatchMsg{func() tea.Msg { return saved }, func() tea.Msg { return recorded }}
	})
}

// done returns to the screen the interview was started from.
func (m *interviewModel) done() tea.Cmd {
	m.tickID++
	return m.c.navigate(interviewDoneMsg{})
}
