package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/srs"
	"mianjing/store"
)

// tickRecorder stands in for tea.Tick: it records the waits asked for and
// runs nothing, so a test sends the ticks itself after moving its clock.
type tickRecorder struct{ waits []time.Duration }

func (r *tickRecorder) tick(d time.Duration, _ func(time.Time) tea.Msg) tea.Cmd {
	r.waits = append(r.waits, d)
	return nil
}

// newInterviewDriver opens the app in a mock interview of n questions on
// st, as "mianjing interview --questions n" does, with the test clock and
// a recorded timer.
func newInterviewDriver(t *testing.T, st store.Store, clk *clock, n int) (*driver, *tickRecorder) {
	t.Helper()
	o := clk.opts(Options{Deck: testDeck(), Store: st, Lang: "zh", Interview: true, InterviewQuestions: n})
	rec := &tickRecorder{}
	d := &driver{t: t, m: New(o)}
	d.m.interview.tick = rec.tick
	d.run(d.m.Init())
	d.send(sizeMsg(100, 40))
	if d.m.active != viewInterview || d.m.interview.step != ivQuestion {
		t.Fatalf("the app did not open in an interview question: view %v, step %v\n%s",
			d.m.active, d.m.interview.step, d.screen())
	}
	return d, rec
}

// tick delivers the running countdown's tick.
func (d *driver) tick() {
	d.t.Helper()
	iv := d.m.interview
	d.send(interviewTickMsg{gen: iv.gen, id: iv.tickID})
}

// ivNote is the note of the interview question on screen.
func (d *driver) ivNote() string { return d.m.interview.qs[d.m.interview.cur].note.ID }

func TestInterviewFlowAndReport(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	d, _ := newInterviewDriver(t, st, clk, 2)
	d.mustContain("模拟面试", "第 1 / 2 题", "3:00")
	first := d.ivNote()
	if n := len(d.m.interview.qs); n != 2 {
		t.Fatalf("%d questions, want 2", n)
	}

	clk.add(61 * time.Second)
	d.tick()
	d.mustContain("1:59")
	d.keys("i")
	d.typeText("先说结论")
	d.keys("esc", "space")
	d.mustContain("参考答案", "先说结论", "已勾选 0/3", "3 良好")
	d.keys("a", "3")

	d.mustContain("第 2 / 2 题", "3:00")
	second := d.ivNote()
	if second == first {
		t.Fatal("the same note asked twice")
	}
	clk.add(200 * time.Second)
	d.tick()
	d.mustContain("+0:20")
	d.keys("space", "1")

	d.mustContain("面试报告", "用时 1:01 / 3:00 · 要点 1/3 · 良好", "漏掉：", "· 原因", "· 例子",
		"用时 3:20 / 3:00 · 要点 0/3 · 重来", "· 结论",
		"共答 2 / 2 题 · 用时 4:21（预算 6:00）", "要点覆盖 1/6（16%）", "超时 1 题", "报告已保存")
	d.checkFits("report")

	ivs, err := st.Interviews()
	if err != nil || len(ivs) != 1 {
		t.Fatalf("interviews %v, %v; want one", ivs, err)
	}
	qs := ivs[0].Questions
	if len(qs) != 2 || qs[0].NoteID != first || qs[0].Seconds != 61 || qs[0].Budget != 180 ||
		qs[0].Ticked != 1 || qs[0].Points != 3 || qs[0].Rating != srs.Good ||
		qs[1].NoteID != second || qs[1].Seconds != 200 || qs[1].Rating != srs.Again || len(qs[1].Missed) != 3 {
		t.Fatalf("saved report %+v", qs)
	}
	if !ivs[0].Start.Equal(testNow) {
		t.Errorf("report starts %v, want %v", ivs[0].Start, testNow)
	}
	log := logOf(t, st)
	if len(log) != 2 || log[0].Mode != store.ModeInterview || log[0].NoteID != first ||
		log[0].Answer != "先说结论" || log[0].Ticked != 1 || log[1].Rating != srs.Again {
		t.Fatalf("review log %+v", log)
	}
	// A real review: the card is scheduled.
	if c, ok, _ := st.Card(first); !ok || c.State == srs.New {
		t.Fatalf("%s not scheduled: %+v", first, c)
	}

	d.keys("enter")
	if d.m.active != viewList {
		t.Fatalf("enter on the report left view %v", d.m.active)
	}
}

func TestInterviewTimerTicksOncePerSecondAndStops(t *testing.T) {
	clk := newClock()
	d, rec := newInterviewDriver(t, newTestStore(t), clk, 2)
	if len(rec.waits) != 1 || rec.waits[0] != time.Second {
		t.Fatalf("waits %v at the start, want one of 1s", rec.waits)
	}
	// A key between ticks starts no second timer.
	clk.add(300 * time.Millisecond)
	d.keys("i", "x", "esc")
	if len(rec.waits) != 1 {
		t.Fatalf("keys asked for more ticks: %v", rec.waits)
	}
	// The next tick comes on the whole second, never sooner than needed.
	clk.add(900 * time.Millisecond)
	d.tick()
	if w := rec.waits[len(rec.waits)-1]; w != 800*time.Millisecond {
		t.Fatalf("wait after a tick at 1.2s is %v, want 0.8s", w)
	}
	d.mustContain("2:59")
	for range 3 {
		clk.add(time.Minute)
		d.tick()
	}
	d.mustContain("+0:01")
	if !strings.Contains(d.m.View().Content, d.m.c.styles.Error.Render("+0:01")) {
		t.Error("the overtime is not drawn in the error style")
	}
	clk.add(11 * time.Second)
	d.tick()
	d.mustContain("+0:12")
	// A stale tick asks for nothing.
	n := len(rec.waits)
	d.send(interviewTickMsg{gen: d.m.interview.gen, id: d.m.interview.tickID - 1})
	if len(rec.waits) != n {
		t.Fatal("a stale tick started a timer")
	}
	// Revealed, the clock stops: its tick asks for no other.
	d.keys("space")
	d.tick()
	if len(rec.waits) != n {
		t.Fatal("the timer ticks on after the reveal")
	}
	clk.add(time.Minute)
	d.mustContain("+0:12")
	// The next question starts its own.
	d.keys("3")
	if len(rec.waits) != n+1 {
		t.Fatalf("the next question started %d timers", len(rec.waits)-n)
	}
	d.mustContain("3:00")
}

func TestInterviewEarlyEndKeepsGrades(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	d, _ := newInterviewDriver(t, st, clk, 3)
	clk.add(30 * time.Second)
	d.keys("space", "s", "4")
	clk.add(10 * time.Second)
	d.keys("esc")
	d.mustContain("结束面试？")
	d.keys("n")
	d.mustNotContain("结束面试？")
	if d.m.interview.step != ivQuestion {
		t.Fatal("n did not go on with the question")
	}
	d.keys("esc", "y")
	d.mustContain("面试报告", "共答 1 / 3 题", "用时 0:30 / 3:00 · 要点 1/3 · 简单")
	ivs, _ := st.Interviews()
	if len(ivs) != 1 || len(ivs[0].Questions) != 1 || ivs[0].Questions[0].Rating != srs.Easy {
		t.Fatalf("saved %+v", ivs)
	}
	if n := len(logOf(t, st)); n != 1 {
		t.Fatalf("%d reviews logged, want 1", n)
	}
}

func TestInterviewEndedBeforeAnyRevealSavesNothing(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	d, _ := newInterviewDriver(t, st, clk, 2)
	d.keys("q", "y")
	d.mustContain("面试报告", "还没答完一道题")
	if ivs, _ := st.Interviews(); len(ivs) != 0 {
		t.Fatalf("saved %+v", ivs)
	}
}

func TestInterviewUndo(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	d, _ := newInterviewDriver(t, st, clk, 2)
	first := d.ivNote()
	clk.add(40 * time.Second)
	d.keys("i")
	d.typeText("答案")
	d.keys("esc", "space", "d", "2")
	if d.m.interview.cur != 1 {
		t.Fatal("the grade did not move on")
	}
	d.keys("u")
	if d.m.interview.step != ivAnswer || d.ivNote() != first {
		t.Fatalf("undo did not bring back %s's answer", first)
	}
	d.mustContain("已撤销", "答案", "已勾选 1/3", "第 1 / 2 题", "2:20")
	if n := len(logOf(t, st)); n != 0 {
		t.Fatalf("%d reviews left after undo", n)
	}
	if _, ok, _ := st.Card(first); ok {
		t.Fatal("the card stays after undo")
	}
	d.keys("3", "space", "3")
	ivs, _ := st.Interviews()
	if len(ivs) != 1 || ivs[0].Questions[0].Rating != srs.Good || ivs[0].Questions[0].Seconds != 40 ||
		ivs[0].Questions[0].Ticked != 1 {
		t.Fatalf("report after undo %+v", ivs)
	}
	if log := logOf(t, st); len(log) != 2 || log[0].Rating != srs.Good {
		t.Fatalf("log after undo %+v", log)
	}
}

func TestInterviewSkipsSuspendedAndHonoursTheSetting(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	for i, n := range testDeck().Notes {
		if i >= 2 {
			if err := st.Suspend(n.ID, true, testNow.Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	set := store.DefaultSettings()
	set.InterviewQuestions, set.InterviewSeconds = 4, 60
	if err := st.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	d, _ := newInterviewDriver(t, st, clk, 0)
	d.mustContain("第 1 / 2 题", "1:00")
	for _, q := range d.m.interview.qs {
		if q.note.ID != "note-01" && q.note.ID != "note-02" {
			t.Fatalf("asked suspended %s", q.note.ID)
		}
	}
}

func TestInterviewFromTheList(t *testing.T) {
	d := newDriver(t, Options{}, 120, 40)
	rec := &tickRecorder{}
	d.m.interview.tick = rec.tick
	d.keys("?")
	d.mustContain("模拟面试")
	d.keys("?", "m")
	if d.m.active != viewInterview || len(d.m.interview.qs) != 5 {
		t.Fatalf("m opened view %v with %d questions", d.m.active, len(d.m.interview.qs))
	}
	d.keys("esc", "y", "enter")
	if d.m.active != viewList {
		t.Fatal("the interview did not return to the list")
	}
}

// answeredStore holds two earlier typed answers to every note of the test
// deck, the newer one a day old.
func answeredStore(t *testing.T) *store.Memory {
	t.Helper()
	st := newTestStore(t)
	sched := srs.NewScheduler()
	for _, days := range []int{3, 1} {
		at := testNow.AddDate(0, 0, -days)
		for _, n := range testDeck().Notes {
			c, _, _ := st.Card(n.ID)
			if _, err := st.RecordReview(store.Review{NoteID: n.ID, Time: at, Rating: srs.Good,
				After: sched.Review(c, srs.Good, at, n.ID), Mode: store.ModeAll,
				Answer: "旧回答" + at.Format("0102"), Ticked: 1, Points: 3}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return st
}

func TestPreviousAnswersAtTheInterviewReveal(t *testing.T) {
	d, _ := newInterviewDriver(t, answeredStore(t), newClock(), 2)
	d.keys("space")
	d.mustContain("我以前的回答（2 次，新的在前）", "3月9日 09:00", "旧回答0309", "旧回答0307")
	s := d.screen()
	if strings.Index(s, "旧回答0309") > strings.Index(s, "旧回答0307") {
		t.Fatal("the older answer comes first")
	}
	// Graded, the answer joins the history the next reveal reads.
	d.keys("3")
	if _, ok := d.m.c.past[d.m.interview.qs[0].note.ID]; ok {
		t.Fatal("the graded note's previous answers were kept")
	}
}

func TestPreviousAnswersAtTheSelfTestReveal(t *testing.T) {
	st := answeredStore(t)
	d := newDriver(t, Options{Store: st}, 100, 40)
	d.keys("a", "space")
	if d.m.quiz.step != quizAnswer {
		t.Fatal("no answer shown")
	}
	d.mustContain("我以前的回答（2 次，新的在前）", "旧回答0309")
}

func TestWeakestChapter(t *testing.T) {
	iv := store.Interview{Questions: []store.InterviewQuestion{
		{Chapter: "A", Ticked: 2, Points: 3, Rating: srs.Good},
		{Chapter: "B", Ticked: 1, Points: 3, Rating: srs.Good},
		{Chapter: "B", Ticked: 3, Points: 3, Rating: srs.Easy},
		{Chapter: "C", Ticked: 2, Points: 3, Rating: srs.Again},
		{Chapter: "", Ticked: 0, Points: 3},
	}}
	// A 2/3, B 4/6, C 2/3: a tie on share, broken by C's lower grade.
	if got := weakestChapter(iv); got != "C" {
		t.Fatalf("weakest %q, want C", got)
	}
	if got := weakestChapter(store.Interview{Questions: []store.InterviewQuestion{{Points: 3}}}); got != "" {
		t.Fatalf("no chapters, weakest %q", got)
	}
}

func TestCountdown(t *testing.T) {
	for _, c := range []struct {
		elapsed time.Duration
		want    string
	}{
		{0, "3:00"}, {999 * time.Millisecond, "3:00"}, {time.Second, "2:59"},
		{179 * time.Second, "0:01"}, {180 * time.Second, "+0:00"}, {192*time.Second + 500*time.Millisecond, "+0:12"},
		{11 * time.Minute, "+8:00"},
	} {
		if got := countdown(c.elapsed, 3*time.Minute); got != c.want {
			t.Errorf("countdown(%v) = %q, want %q", c.elapsed, got, c.want)
		}
	}
}

func TestStatsListPastInterviews(t *testing.T) {
	st, clk := newTestStore(t), newClock()
	d, _ := newInterviewDriver(t, st, clk, 2)
	clk.add(90 * time.Second)
	d.keys("space", "a", "s", "3")
	clk.add(30 * time.Second)
	d.keys("space", "3", "enter")
	d.keys("S")
	if d.m.active != viewStats {
		t.Fatal("S did not open the stats")
	}
	d.mustContain("模拟面试（1 次）", "3月10日 09:00  2 题  要点 33%  用时 2:00")
}

func TestInterviewFitsSmallWindows(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {80, 24}} {
		d, _ := newInterviewDriver(t, newTestStore(t), newClock(), 2)
		d.send(sizeMsg(sz[0], sz[1]))
		label := sizeLabel(sz)
		d.checkFits("question " + label)
		d.keys("i")
		d.typeText("一个很长的回答，一个很长的回答，一个很长的回答")
		d.checkFits("typing " + label)
		d.keys("esc", "space", "a")
		d.checkFits("answer " + label)
		d.keys("esc")
		d.checkFits("confirm " + label)
		d.keys("y")
		d.checkFits("report " + label)
	}
}

// The report is a page: left-aligned in the reading column and scrollable
// when it is taller than the window, so its totals are never cut off.
func TestInterviewReportScrolls(t *testing.T) {
	clk := newClock()
	d := newDriver(t, clk.opts(Options{Store: quizStore(t)}), 60, 14)
	d.keys("m")
	for d.m.interview.step == ivQuestion {
		d.keys("space", "1")
	}
	if d.m.interview.step != ivReport {
		t.Fatalf("step %v, want the report", d.m.interview.step)
	}
	d.mustContain("面试报告")
	d.mustNotContain("要点覆盖")
	d.keys("pgdown", "pgdown", "pgdown", "pgdown")
	d.mustContain("要点覆盖")
	d.checkFits("report")
	// Left-aligned: the two lines of a question start at one margin.
	var cols []int
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "· ") {
			cols = append(cols, strings.Index(l, "· "))
		}
	}
	if len(cols) < 3 {
		t.Fatalf("missed points on screen: %v", cols)
	}
	for _, c := range cols {
		if c != cols[0] {
			t.Errorf("missed points start at columns %v", cols)
			break
		}
	}
}

// reviewsFail is a store whose review writes fail while fail is set; its
// other writes (the interview's report) still work.
type reviewsFail struct {
	*store.Memory
	fail bool
}

func (s *reviewsFail) RecordReview(r store.Review) (store.Review, error) {
	if s.fail {
		return store.Review{}, errors.New("disk full")
	}
	return s.Memory.RecordReview(r)
}

// The last grade's write failing brings the question back and saves no
// report: a report never holds a grade the review log lacks. Graded
// again, the interview ends with a report of what the log holds.
func TestInterviewLastGradeFailingSavesNoReport(t *testing.T) {
	st, clk := &reviewsFail{Memory: newTestStore(t)}, newClock()
	d, _ := newInterviewDriver(t, st, clk, 2)
	d.keys("space", "3")
	d.mustContain("第 2 / 2 题")
	second := d.ivNote()
	st.fail = true
	d.keys("space", "1")
	if ivs, err := st.Interviews(); err != nil || len(ivs) != 0 {
		t.Fatalf("interviews after a failed last grade: %+v, %v; want none", ivs, err)
	}
	if d.m.interview.step != ivAnswer || d.ivNote() != second {
		t.Fatalf("the failed question is not back on screen:\n%s", d.screen())
	}
	d.mustContain("第 2 / 2 题", "要点（已勾选", "disk full")

	st.fail = false
	d.keys("4")
	d.mustContain("面试报告", "报告已保存")
	ivs, err := st.Interviews()
	if err != nil || len(ivs) != 1 {
		t.Fatalf("interviews %+v, %v; want one", ivs, err)
	}
	log := logOf(t, st)
	qs := ivs[0].Questions
	if len(qs) != 2 || len(log) != 2 || qs[1].NoteID != second || qs[1].Rating != srs.Easy || log[1].Rating != srs.Easy {
		t.Fatalf("report %+v, log %+v", qs, log)
	}
}

// The report opens at its top, wherever the last answer was scrolled to,
// and the mouse wheel scrolls it like the keys.
func TestInterviewReportOpensAtItsTop(t *testing.T) {
	clk := newClock()
	d := newDriver(t, clk.opts(Options{Store: quizStore(t)}), 60, 14)
	d.keys("m")
	for d.m.interview.step == ivQuestion {
		d.keys("space")
		if d.m.interview.cur+1 == len(d.m.interview.qs) {
			d.keys("pgdown", "pgdown", "pgdown") // the last answer, scrolled
		}
		d.keys("1")
	}
	if d.m.interview.step != ivReport {
		t.Fatalf("step %v, want the report", d.m.interview.step)
	}
	if y := d.m.interview.vp.YOffset(); y != 0 {
		t.Errorf("the report opened scrolled to line %d", y)
	}
	for d.m.interview.vp.YOffset() > 0 {
		d.keys("up")
	}
	y := d.m.interview.vp.YOffset()
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if d.m.interview.vp.YOffset() <= y {
		t.Error("the mouse wheel did not scroll the report")
	}
	d.keys("up", "up", "up")
	d.mustContain("面试报告")
}

// A grade's write that lands while the same note's answer is on screen
// again (learned ahead, the key typed before the write answered) forgets
// the note's previous answers, as every saved grade does; they are read
// again, not left off the screen.
func TestPreviousAnswersComeBackAfterALateSave(t *testing.T) {
	st := answeredStore(t)
	d := newDriver(t, Options{Store: st}, 100, 40)
	d.keys("a", "space")
	q := &d.m.quiz
	if q.step != quizAnswer {
		t.Fatal("no answer shown")
	}
	id := q.note.ID
	// The state the race leaves: a grade of this note in flight.
	q.g.history = append(q.g.history, gradedCard{review: store.Review{NoteID: id}})
	q.g.pending++
	d.send(reviewSavedMsg{owner: viewQuiz, gen: q.gen, review: store.Review{NoteID: id, Seq: 99}})
	d.mustContain("我以前的回答", "旧回答0309")
}

func TestPreviousAnswersComeBackAfterALateInterviewSave(t *testing.T) {
	d, _ := newInterviewDriver(t, answeredStore(t), newClock(), 2)
	d.keys("space")
	m := &d.m.interview
	if m.step != ivAnswer {
		t.Fatal("no answer shown")
	}
	id := m.qs[m.cur].note.ID
	m.g.history = append(m.g.history, gradedCard{review: store.Review{NoteID: id}})
	m.g.pending++
	d.send(reviewSavedMsg{owner: viewInterview, gen: m.gen, review: store.Review{NoteID: id, Seq: 99}})
	d.mustContain("我以前的回答", "旧回答0309")
}
