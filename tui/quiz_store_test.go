package tui

// Self-test tests of what reaches the store: grades written, failed
// writes, undo, writes in flight, the I/O queue.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/srs"
	"mianjing/store"
)

func TestQuizGradeWritesTheReview(t *testing.T) {
	for r := srs.Again; r <= srs.Easy; r++ {
		clk := newClock()
		st := quizStore(t)
		d := newQuizDriver(t, st, clk, 100, 30)
		d.keys("s")
		clk.add(7500 * time.Millisecond) // thinking
		d.keys("space")
		revealAt := clk.now()
		sched := testSched()
		before, _, _ := st.Card("note-01")
		want := sched.Review(before, r, revealAt, "note-01")
		label := textFor("zh").interval(sched.IntervalLabel(revealAt, want.Due))
		d.mustContain(fmt.Sprintf("%d %s %s", r, d.quiz().gradeName(r), label))
		d.keys("a", "s")
		clk.add(3 * time.Second) // grading late changes nothing
		d.keys(fmt.Sprint(int(r)))

		log := logOf(t, st)
		if len(log) != 4 {
			t.Fatalf("rating %d: %d reviews", r, len(log))
		}
		got := log[3]
		if got.NoteID != "note-01" || got.Rating != r || got.Duration != 7500 || got.Ticked != 2 ||
			got.Points != 3 || got.Mode != store.ModeDue || got.Answer != "" || !got.Time.Equal(revealAt) {
			t.Errorf("rating %d: review %+v", r, got)
		}
		if !sameCard(got.Before, before) || !sameCard(got.After, want) {
			t.Errorf("rating %d: before %+v after %+v, want %+v → %+v", r, got.Before, got.After, before, want)
		}
		if c, _, _ := st.Card("note-01"); !sameCard(c, want) {
			t.Errorf("rating %d: stored card %+v", r, c)
		}
		d.mustContain("已保存 1")
	}
}

func TestQuizNextQuestionDoesNotWaitForTheStore(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space")
	save := d.press("3")
	if save == nil {
		t.Fatal("grading returned no write")
	}
	d.wantStep(quizQuestion)
	if d.current() == "note-01" {
		t.Fatal("the next question waits for the write")
	}
	d.mustContain("保存中…")
	if n, _ := st.ReviewCount(); n != 3 {
		t.Fatalf("written before its command ran: %d reviews", n)
	}
	d.run(save)
	if n, _ := st.ReviewCount(); n != 4 {
		t.Fatalf("%d reviews after the write", n)
	}
	d.mustContain("已保存 1")
	d.mustNotContain("保存中…")
}

func TestQuizFailedWriteKeepsTheCard(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "i")
	d.typeText("我的答案")
	d.keys("esc", "space", "a")
	st.FailWrites(errors.New("disk full"))
	d.keys("3")
	// Back on the same card, answer shown, typed answer and tick kept.
	d.wantStep(quizAnswer)
	if d.current() != "note-01" {
		t.Fatalf("after a failed write the card is %q", d.current())
	}
	d.mustContain("评分未保存", "disk full", "本题已放回", "要点（已勾选 1/3）", "1 / 9")
	if strings.Contains(d.screen(), "已保存") {
		t.Error("a failed grade is shown as saved")
	}
	if !strings.Contains(d.screen(), "我的答案") || d.quiz().answer != "我的答案" {
		t.Error("the typed answer was lost")
	}
	if n := d.quiz().g.sess.Counts().Done; n != 0 || len(d.quiz().g.history) != 0 {
		t.Errorf("the failed grade counts: done %d, history %d", n, len(d.quiz().g.history))
	}
	if n, _ := st.ReviewCount(); n != 3 {
		t.Fatalf("%d reviews", n)
	}
	st.FailWrites(nil)
	d.keys("3")
	log := logOf(t, st)
	if len(log) != 4 || log[3].NoteID != "note-01" || log[3].Answer != "我的答案" || log[3].Ticked != 1 {
		t.Fatalf("the retried grade: %+v", log[len(log)-1])
	}
	d.mustContain("已保存 1")
}

func TestQuizFailedWriteOnTheSummaryComesBack(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("f", "g", "j", "j", "enter", "t", "space")
	save := d.press("4") // the last card: the summary shows at once
	d.wantStep(quizSummary)
	d.mustContain("保存中…")
	// enter waits for the write...
	if cmd := d.press("enter"); cmd != nil || d.m.active != viewQuiz {
		t.Fatal("the summary was left with a write in flight")
	}
	st.FailWrites(errors.New("disk full"))
	d.run(save)
	// ...which failed: the card is back and the held enter dropped.
	d.wantStep(quizAnswer)
	if d.current() != "note-03" {
		t.Fatalf("card %q", d.current())
	}
	d.mustContain("disk full")
}

func TestQuizUndoSeveralSteps(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	d := newQuizDriver(t, st, clk, 80, 24)
	d.keys("s")
	if d.quiz().keys.Undo.Enabled() {
		t.Error("undo offered before any grade")
	}
	type step struct {
		id     string
		rating string
		typed  string
		ticks  []string
	}
	var done []step
	for i, g := range []string{"4", "2", "1"} {
		s := step{id: d.current(), rating: g, typed: fmt.Sprintf("回答%d", i), ticks: []string{"a", "d"}[:i%2+1]}
		d.keys("i")
		d.typeText(s.typed)
		d.keys("esc")
		clk.add(time.Minute)
		d.keys("space")
		d.keys(s.ticks...)
		d.keys(g)
		done = append(done, s)
	}
	if n, _ := st.ReviewCount(); n != 6 {
		t.Fatalf("%d reviews after three grades", n)
	}
	d.mustContain("已保存 3")
	for i := len(done) - 1; i >= 0; i-- {
		s := done[i]
		d.keys("u")
		d.wantStep(quizAnswer)
		if d.current() != s.id {
			t.Fatalf("undo %d: card %q, want %q", len(done)-i, d.current(), s.id)
		}
		if n, _ := st.ReviewCount(); n != 3+i {
			t.Fatalf("undo %d: %d reviews", len(done)-i, n)
		}
		d.mustContain("已撤销上一次评分", fmt.Sprintf("要点（已勾选 %d/3）", len(s.ticks)))
		if !strings.Contains(d.screen(), s.typed) {
			t.Errorf("undo %d: typed answer %q lost", len(done)-i, s.typed)
		}
	}
	// Back at the session's start: the schedules are the stored ones again.
	for _, s := range done {
		c, ok, _ := st.Card(s.id)
		if s.id == "note-01" {
			if !ok || c.State != srs.Review || !c.Due.Equal(testNow.Add(-time.Hour)) {
				t.Errorf("note-01 not restored: %+v", c)
			}
		} else if ok {
			t.Errorf("%s is not new again: %+v", s.id, c)
		}
	}
	if d.quiz().keys.Undo.Enabled() {
		t.Error("undo offered beyond the session's start")
	}
	d.keys("u") // nothing more: the earlier reviews stay
	if n, _ := st.ReviewCount(); n != 3 {
		t.Fatalf("undo went past the session: %d reviews", n)
	}
	// Grade again after undoing.
	d.keys("3")
	log := logOf(t, st)
	if len(log) != 4 || log[3].NoteID != "note-01" || log[3].Rating != srs.Good {
		t.Errorf("regrade: %+v", log[len(log)-1])
	}
}

func TestQuizUndoFromTheSummary(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("f", "g", "j", "j", "enter", "t", "space", "4")
	d.wantStep(quizSummary)
	d.mustContain("u 撤销")
	d.keys("u")
	d.wantStep(quizAnswer)
	if n, _ := st.ReviewCount(); n != 3 || d.current() != "note-03" {
		t.Fatalf("%d reviews, card %q", n, d.current())
	}
}

// TestQuizUndoWaitsForTheWriteInFlight: an undo pressed while a grade is
// being saved must undo that grade, not an older one, and must not run at
// all when the grade failed to save.
func TestQuizUndoWaitsForTheWriteInFlight(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space")
	save := d.press("3")
	if cmd := d.press("u"); cmd != nil {
		t.Fatal("undo ran with a write in flight")
	}
	d.run(save) // the saved grade lets the waiting undo run
	d.wantStep(quizAnswer)
	if n, _ := st.ReviewCount(); n != 3 || d.current() != "note-01" {
		t.Fatalf("after save then undo: %d reviews, card %q", n, d.current())
	}

	// Now the grade fails: the waiting undo must not take back an older
	// review.
	st.FailWrites(errors.New("disk full"))
	save = d.press("3")
	if cmd := d.press("u"); cmd != nil {
		t.Fatal("undo ran with a write in flight")
	}
	d.run(save) // fails
	st.FailWrites(nil)
	log := logOf(t, st)
	if len(log) != 3 || log[2].NoteID != "note-04" {
		t.Fatalf("an older review was undone: %d left", len(log))
	}
	d.wantStep(quizAnswer)
	d.mustContain("disk full")
}

func TestQuizGradesWaitForTheWriteInFlight(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space")
	save := d.press("3")
	second := d.current()
	d.keys("space")
	if cmd := d.press("2"); cmd != nil {
		t.Fatal("a second grade was sent with the first in flight")
	}
	d.wantStep(quizAnswer) // still on the second card
	d.run(save)
	log := logOf(t, st)
	if len(log) != 5 || log[3].NoteID != "note-01" || log[4].NoteID != second || log[4].Rating != srs.Hard {
		t.Fatalf("log after the waiting grade: %d entries", len(log))
	}
}

func TestQuizWithABoltStore(t *testing.T) {
	st := newBoltStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space", "3", "space", "1", "u", "2", "esc", "enter")
	log := logOf(t, st)
	if len(log) != 2 || log[0].Rating != srs.Good || log[1].Rating != srs.Hard {
		t.Fatalf("bolt log: %+v", log)
	}
}

// TestQuitFlushesAQueuedGrade: a grade whose command the program never ran
// (ctrl+c right after the key) is written by the flush Run does on exit.
func TestQuitFlushesAQueuedGrade(t *testing.T) {
	st := newBoltStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space")
	_ = d.press("3") // the command is dropped, as a quitting program drops it
	_ = d.press("ctrl+c")
	if n, _ := st.ReviewCount(); n != 0 {
		t.Fatalf("%d reviews before the flush", n)
	}
	if err := d.m.c.io.flush(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	if log := logOf(t, st); len(log) != 1 || log[0].Rating != srs.Good {
		t.Fatalf("after the flush: %+v", log)
	}
}

func TestIOQueueRunsJobsInOrder(t *testing.T) {
	var q ioQueue
	var ran []int
	var cmds []tea.Cmd
	for i := range 3 {
		cmds = append(cmds, q.add(func() tea.Msg { ran = append(ran, i); return i }))
	}
	// Commands run in any order; jobs run in the order they were queued.
	if msg := cmds[2](); msg != 2 {
		t.Fatalf("third command reported %v", msg)
	}
	if msg := cmds[0](); msg != 0 {
		t.Fatalf("first command reported %v", msg)
	}
	if !slices.Equal(ran, []int{0, 1, 2}) {
		t.Fatalf("jobs ran as %v", ran)
	}
	if err := q.flush(time.Second); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 3 {
		t.Fatalf("a job ran twice: %v", ran)
	}
}

func TestIOQueueFlushIsBounded(t *testing.T) {
	var q ioQueue
	release := make(chan struct{})
	defer close(release)
	q.add(func() tea.Msg { <-release; return nil })
	if err := q.flush(50 * time.Millisecond); !errors.Is(err, errFlushTimeout) {
		t.Fatalf("flush of a stuck write: %v", err)
	}
}

func TestQuizLoadErrorIsShown(t *testing.T) {
	d := newQuizDriver(t, failingReads{newTestStore(t)}, newClock(), 80, 24)
	d.keys("s")
	d.wantStep(quizEmpty)
	d.mustContain("无法开始自测：bad page", "按 esc 返回列表")
	d.mustNotContain("按 a 自测全部")
	d.keys("a") // nothing to offer after a failed read
	d.wantStep(quizEmpty)
	d.keys("esc")
	if d.m.active != viewList {
		t.Error("esc did not return to the list")
	}
}

func TestQuizUndoThatDisagreesStopsUndoing(t *testing.T) {
	d := newQuizDriver(t, oddUndo{quizStore(t)}, newClock(), 80, 24)
	d.keys("s", "space", "3", "u")
	d.wantStep(quizQuestion) // not taken back
	d.mustContain("撤销的记录与本次自测不符")
	if d.quiz().keys.Undo.Enabled() {
		t.Error("undo still offered")
	}
}
