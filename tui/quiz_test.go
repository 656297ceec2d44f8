package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/srs"
	"mianjing/store"
)

// clock is a test clock the app reads through Options.Now.
type clock struct{ t time.Time }

func newClock() *clock                  { return &clock{t: testNow} }
func (c *clock) now() time.Time         { return c.t }
func (c *clock) add(d time.Duration)    { c.t = c.t.Add(d) }
func (c *clock) opts(o Options) Options { o.Now = c.now; return o }

// quizStore has note-01 due (a review card), note-03 and note-04 due
// later, note-02 bookmarked, the rest new.
func quizStore(t *testing.T) *store.Memory {
	t.Helper()
	st := newTestStore(t)
	if err := st.SetBookmark("note-02", true, testNow.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		card srs.Card
	}{
		{"note-01", srs.Card{State: srs.Review, Stability: 3, Difficulty: 5, Due: testNow.Add(-time.Hour),
			LastReview: testNow.Add(-72 * time.Hour), Reps: 2}},
		{"note-03", srs.Card{State: srs.Review, Stability: 5, Difficulty: 5, Due: testNow.Add(3 * 24 * time.Hour),
			LastReview: testNow.Add(-48 * time.Hour), Reps: 2}},
		{"note-04", srs.Card{State: srs.Review, Stability: 40, Difficulty: 5, Due: testNow.Add(40 * 24 * time.Hour),
			LastReview: testNow.Add(-48 * time.Hour), Reps: 3}},
	} {
		if _, err := st.RecordReview(store.Review{NoteID: c.id, Time: testNow.Add(-48 * time.Hour),
			Rating: srs.Good, After: c.card}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// logOf returns the store's review log.
func logOf(t *testing.T, st store.Store) []store.Review {
	t.Helper()
	var out []store.Review
	if err := st.ForEachReview(func(r store.Review) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// newQuizDriver starts the app on st with the test deck and clock.
// newQuizDriver starts the app on st with the list in today's scope, so
// that s starts today's session (due cards, then new ones within the daily
// limit).
func newQuizDriver(t *testing.T, st store.Store, clk *clock, w, h int) *driver {
	t.Helper()
	d := newDriver(t, clk.opts(Options{Store: st}), w, h)
	d.keys("f", "f")
	if d.m.list.scope != scopeDue {
		t.Fatalf("f f left the list in scope %v", d.m.list.scope)
	}
	return d
}

func (d *driver) quiz() *quizModel { return &d.m.quiz }

// current is the id of the card on screen.
func (d *driver) current() string {
	if d.m.quiz.note == nil {
		return ""
	}
	return d.m.quiz.note.ID
}

// press delivers one key without running the commands it returns.
func (d *driver) press(name string) tea.Cmd {
	m, cmd := d.m.Update(press(name))
	d.m = m.(*Model)
	return cmd
}

func (d *driver) wantStep(want quizStep) {
	d.t.Helper()
	if d.m.active != viewQuiz || d.m.quiz.step != want {
		d.t.Fatalf("active %v step %v, want the self-test at step %v:\n%s", d.m.active, d.m.quiz.step, want, d.screen())
	}
}

// testSched is the scheduler of the default settings in the test's zone.
func testSched() srs.Scheduler {
	s := srs.NewScheduler()
	s.Loc = testNow.Location()
	return s
}

func sameCard(a, b srs.Card) bool {
	return a.State == b.State && a.Stability == b.Stability && a.Difficulty == b.Difficulty &&
		a.Due.Equal(b.Due) && a.LastReview.Equal(b.LastReview) && a.Step == b.Step &&
		a.Reps == b.Reps && a.Lapses == b.Lapses
}

func TestQuizDueSessionFromTheList(t *testing.T) {
	clk := newClock()
	d := newQuizDriver(t, quizStore(t), clk, 80, 24)
	d.keys("s")
	d.wantStep(quizQuestion)
	q := d.quiz()
	if q.mode != store.ModeDue {
		t.Errorf("mode %q, want due", q.mode)
	}
	// The due review card first, then the 8 new notes: 9 in all.
	if d.current() != "note-01" {
		t.Errorf("first card %q, want the due note-01", d.current())
	}
	d.mustContain("自测 · 今日", "1 / 9", testTitles[0], "#transformer #attention")
	// The question alone: no answer text yet.
	d.mustNotContain("这是第 1 题的回答", "要点（")
}

func TestQuizBookmarkedAndAllSessions(t *testing.T) {
	clk := newClock()
	d := newQuizDriver(t, quizStore(t), clk, 80, 24)
	d.keys("f", "f", "s") // from today's scope to all, then bookmarked
	d.wantStep(quizQuestion)
	if d.quiz().mode != store.ModeBookmarked || d.current() != "note-02" {
		t.Errorf("bookmarked session: mode %q, card %q", d.quiz().mode, d.current())
	}
	d.mustContain("自测 · 收藏", "1 / 1", "★")

	// a tests every note, shuffled; Easy graduates each at once.
	d = newQuizDriver(t, quizStore(t), clk, 80, 24)
	d.keys("f", "a") // the all scope
	d.wantStep(quizQuestion)
	d.mustContain("自测 · 全部", "1 / 11")
	var order []string
	for d.m.quiz.step == quizQuestion {
		order = append(order, d.current())
		d.keys("space", "4")
	}
	d.wantStep(quizSummary)
	sorted := slices.Sorted(slices.Values(order))
	var want []string
	for i := range testTitles {
		want = append(want, fmt.Sprintf("note-%02d", i+1))
	}
	if !slices.Equal(sorted, want) {
		t.Fatalf("all session showed %v", order)
	}
	if slices.Equal(order, want) {
		t.Error("all session was not shuffled")
	}
	for _, r := range logOf(t, d.m.c.store)[3:] {
		if r.Mode != store.ModeAll {
			t.Errorf("review of %s has mode %q", r.NoteID, r.Mode)
		}
	}
}

func TestQuizOneNoteFromTheReadingView(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	d := newQuizDriver(t, st, clk, 80, 24)
	d.keys("f", "g", "j", "j", "enter", "t") // note-03, not due for 3 days
	d.wantStep(quizQuestion)
	if d.current() != "note-03" || d.quiz().mode != store.ModeOne {
		t.Fatalf("t tested %q in mode %q", d.current(), d.quiz().mode)
	}
	d.mustContain("自测 · 单题", "1 / 1", testTitles[2])
	d.keys("space", "3")
	d.wantStep(quizSummary)
	log := logOf(t, st)
	if r := log[len(log)-1]; r.NoteID != "note-03" || r.Mode != store.ModeOne || r.Rating != srs.Good {
		t.Errorf("review %+v", r)
	}
	// The way back leads to the note being read, not the list.
	d.mustContain("按 enter 返回笔记")
	d.mustNotContain("返回列表")
	d.keys("enter")
	if d.m.active != viewDetail || d.m.detail.note().ID != "note-03" {
		t.Fatalf("enter after the summary: view %d:\n%s", d.m.active, d.screen())
	}
	d.mustContain(testTitles[2])
	d.keys("esc")
	if d.m.active != viewList || d.selectedID() != "note-03" {
		t.Errorf("esc from the note: view %d, row %q", d.m.active, d.selectedID())
	}
}

// A session started on the stats screen returns there, with the stats
// read again; one started from the self-test's empty screen keeps that way
// back.
func TestQuizReturnsToTheStatsScreen(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	d := newQuizDriver(t, st, clk, 80, 24)
	d.keys("S")
	if d.m.active != viewStats {
		t.Fatalf("S: view %d", d.m.active)
	}
	before := len(logOf(t, st))
	d.keys("s")
	d.wantStep(quizQuestion)
	d.keys("space", "3", "esc")
	d.wantStep(quizSummary)
	d.mustContain("按 enter 返回统计")
	d.keys("enter")
	if d.m.active != viewStats {
		t.Fatalf("enter after the summary: view %d:\n%s", d.m.active, d.screen())
	}
	if got := len(logOf(t, st)); got != before+1 {
		t.Fatalf("%d reviews logged, want %d", got, before+1)
	}
	if !d.m.stats.loaded || d.m.stats.stats.ReviewsTotal != before+1 {
		t.Errorf("the stats were not read again: %d reviews counted, want %d", d.m.stats.stats.ReviewsTotal, before+1)
	}
}

func TestQuizNothingDueOffersTheOthers(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	s := store.DefaultSettings()
	s.NewPerDay = 0
	if err := st.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	d := newQuizDriver(t, st, clk, 80, 24)
	// note-01 is the only due card: grade it away first.
	d.keys("s", "space", "4")
	d.wantStep(quizSummary)
	d.keys("enter")
	if d.m.active != viewList {
		t.Fatal("enter did not return to the list")
	}
	d.keys("s")
	d.wantStep(quizEmpty)
	// note-03 is due in 3 days.
	d.mustContain("今天没有到期的题目", "下一题 3天后到期（3月13日 09:00）",
		"按 b 自测收藏的 1 题", "按 a 自测全部 11 题", "按 esc 返回列表")
	d.checkFits("nothing due")
	d.keys("b")
	d.wantStep(quizQuestion)
	if d.quiz().mode != store.ModeBookmarked || d.current() != "note-02" {
		t.Errorf("b started mode %q on %q", d.quiz().mode, d.current())
	}

	d.keys("esc", "enter", "s")
	d.wantStep(quizEmpty)
	d.keys("a")
	d.wantStep(quizQuestion)
	if d.quiz().mode != store.ModeAll {
		t.Errorf("a started mode %q", d.quiz().mode)
	}

	d.keys("esc", "enter", "s", "esc")
	if d.m.active != viewList {
		t.Error("esc on the empty screen did not return to the list")
	}
}

func TestQuizEmptyBookmarkedSessionOffersAllOnly(t *testing.T) {
	clk := newClock()
	d := newQuizDriver(t, newTestStore(t), clk, 80, 24)
	d.keys("f", "f", "s") // the bookmarked scope
	d.wantStep(quizEmpty)
	d.mustContain("还没有收藏的题目", "还没有复习过的题目", "按 a 自测全部 11 题")
	d.mustNotContain("按 b 自测收藏")
	d.keys("b") // not offered: nothing happens
	d.wantStep(quizEmpty)
}

func TestQuizTypingTakesEveryKeyAsText(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	d := newQuizDriver(t, st, clk, 80, 24)
	d.keys("s", "i")
	if !d.m.capturing() {
		t.Fatal("i did not open the answer box")
	}
	d.mustContain("完成输入")
	d.mustNotContain("显示答案")
	d.typeText("缩放点积 b u 1 ? q s")
	d.keys("space", "enter")
	d.typeText("第二行")
	d.wantStep(quizQuestion) // space and enter did not reveal
	if n, _ := st.ReviewCount(); n != 3 || len(st.Bookmarks()) != 1 || d.m.c.help.ShowAll {
		t.Fatalf("keys acted while typing: %d reviews, %d bookmarks, help %v", n, len(st.Bookmarks()), d.m.c.help.ShowAll)
	}
	want := "缩放点积 b u 1 ? q s \n第二行"
	if got := d.quiz().input.Value(); got != want {
		t.Fatalf("typed %q, want %q", got, want)
	}
	d.keys("esc")
	if d.m.capturing() {
		t.Fatal("esc did not leave typing")
	}
	d.mustContain("你的回答", "缩放点积 b u 1 ? q s", "第二行")
	d.keys("tab") // tab opens it again, with the text kept
	d.typeText("！")
	d.keys("tab", "space")
	d.wantStep(quizAnswer)
	// Above the reference, folded to what the window leaves (80×24).
	if got := d.screen(); !strings.Contains(got, "你的回答") || !strings.Contains(got, "缩放点积") ||
		!strings.Contains(got, "还有 1 行") || strings.Index(got, "你的回答") > strings.Index(got, "参考答案") {
		t.Errorf("the typed answer is not above the reference answer:\n%s", got)
	}
	if !strings.HasSuffix(d.quiz().answer, "第二行！") {
		t.Errorf("typed answer %q", d.quiz().answer)
	}
	d.keys("3")
	log := logOf(t, st)
	if got := log[len(log)-1].Answer; got != want+"！" {
		t.Errorf("saved answer %q", got)
	}
}

func TestQuizRevealShowsTheAnswerWithoutThePoints(t *testing.T) {
	clk := newClock()
	for _, k := range []string{"space", "enter"} {
		d := newQuizDriver(t, quizStore(t), clk, 80, 24)
		d.keys("s", k)
		d.wantStep(quizAnswer)
		content := ansi.Strip(d.quiz().vp.GetContent())
		if !strings.Contains(content, "这是第 1 题的回答") {
			t.Fatalf("%s: answer not shown:\n%s", k, content)
		}
		if strings.Contains(content, "要点") || strings.Contains(content, "你的回答") {
			t.Errorf("%s: answer shows the points section or an empty typed answer:\n%s", k, content)
		}
		// note-01 is a review card: Again relearns in 10 minutes.
		d.mustContain("要点（已勾选 0/3）", "a [ ] 结论", "s [ ] 原因", "d [ ] 例子",
			"1 重来 10分钟", "3 良好", "4 简单")
	}
}

func TestQuizAnswerScrolls(t *testing.T) {
	d := newQuizDriver(t, quizStore(t), newClock(), 80, 24)
	d.keys("s", "space")
	vp := func() int { return d.quiz().vp.YOffset() }
	d.keys("j", "down")
	if vp() != 2 {
		t.Fatalf("j, down: offset %d", vp())
	}
	d.keys("k")
	if vp() != 1 {
		t.Fatalf("k: offset %d", vp())
	}
	d.keys("pgdown")
	if vp() <= 1 {
		t.Fatalf("pgdown: offset %d", vp())
	}
	d.keys("end")
	if !d.quiz().vp.AtBottom() {
		t.Fatal("end did not reach the bottom")
	}
	d.keys("pgup")
	if d.quiz().vp.AtBottom() {
		t.Fatal("pgup did not move")
	}
	d.keys("home")
	if vp() != 0 {
		t.Fatalf("home: offset %d", vp())
	}
	d.wantStep(quizAnswer) // no scroll key graded
}

func TestQuizTicksAndSuggestion(t *testing.T) {
	d := newQuizDriver(t, quizStore(t), newClock(), 80, 24)
	d.keys("s", "space")
	for _, c := range []struct {
		key  string
		want srs.Rating
		text string
	}{
		{"", srs.Good, "建议：良好"},   // nothing ticked: Good, as in Anki
		{"a", srs.Again, "建议：重来"}, // 1 of 3: fewer than half
		{"d", srs.Hard, "建议：困难"},  // 2 of 3
		{"s", srs.Easy, "建议：简单"},  // all, revealed at once
		{"a", srs.Hard, "建议：困难"},  // unticked again
		{"f", srs.Hard, "建议：困难"},  // no fourth point: nothing
		{"h", srs.Hard, "建议：困难"},
	} {
		if c.key != "" {
			d.keys(c.key)
		}
		if got := suggest(d.quiz().ticked, d.quiz().duration); got != c.want {
			t.Errorf("after %q: suggestion %d, want %d", c.key, got, c.want)
		}
		d.mustContain(c.text)
	}
	d.mustContain("要点（已勾选 2/3）", "a [ ] 结论", "s [x] 原因", "d [x] 例子")
	d.keys("space") // accept: Hard
	log := logOf(t, d.m.c.store)
	// (the grade given is checked below; a slow reveal with every point
	// ticked is Good, see TestSuggestFromTicks)
	if r := log[len(log)-1]; r.Rating != srs.Hard || r.Ticked != 2 || r.Points != 3 {
		t.Errorf("accepted review: rating %d ticked %d/%d", r.Rating, r.Ticked, r.Points)
	}
	if d.current() == "note-01" {
		t.Error("accepting did not move on")
	}
}

func TestQuizSuggestsGoodWithoutPoints(t *testing.T) {
	deck := testDeck()
	n := &deck.Notes[0]
	n.Body = n.Answer()
	n.Points = nil
	st := newTestStore(t)
	d := newDriver(t, Options{Deck: deck, Store: st, Now: newClock().now}, 80, 24)
	d.keys("s", "space")
	d.mustNotContain("要点（")
	d.mustContain("建议：良好")
	d.keys("enter")
	if r := logOf(t, st)[0]; r.Rating != srs.Good || r.Points != 0 || r.Ticked != 0 {
		t.Errorf("review %+v", r)
	}
}

func TestQuizBookmarkAtEachStep(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "b")
	if !st.IsBookmarked("note-01") {
		t.Fatal("b on the question did not bookmark")
	}
	d.mustContain("已收藏", "★")
	d.keys("i", "b", "esc")
	if !st.IsBookmarked("note-01") {
		t.Fatal("b while typing toggled the bookmark")
	}
	d.keys("space", "b")
	if st.IsBookmarked("note-01") {
		t.Fatal("b on the answer did not unbookmark")
	}
	d.wantStep(quizAnswer)
	d.keys("b", "3", "esc")
	d.wantStep(quizSummary)
	d.mustContain("其中已收藏 1 题")
	d.keys("b")
	if !st.IsBookmarked("note-01") || len(st.Bookmarks()) != 2 {
		t.Error("b on the summary changed a bookmark")
	}
}

func TestQuizEscConfirmsWhenTheAnswerIsShown(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "space", "esc")
	d.wantStep(quizAnswer)
	d.mustContain("结束自测？", "y 结束", "n 继续")
	d.keys("3") // not a grade while asking
	d.keys("n")
	d.wantStep(quizAnswer)
	d.mustNotContain("结束自测？")
	d.keys("q", "y")
	d.wantStep(quizSummary)
	d.mustContain("这次没有评分")
	if n, _ := st.ReviewCount(); n != 3 {
		t.Errorf("ending wrote %d reviews", n-3)
	}
	// On a question, esc ends at once.
	d = newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s", "esc")
	d.wantStep(quizSummary)
}

func TestQuizSummary(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	d := newQuizDriver(t, st, clk, 100, 30)
	d.keys("s")
	// note-01 (due): Good with all points; then two new cards.
	clk.add(40 * time.Second)
	d.keys("space", "a", "s", "d", "3") // then note-02, bookmarked
	clk.add(20 * time.Second)
	d.keys("space", "a", "1")
	clk.add(30 * time.Second)
	d.keys("space", "4")
	d.keys("esc")
	d.wantStep(quizSummary)
	d.mustContain("自测结束", "复习 3 题，评分 3 次", "用时 1分30秒",
		"重来 1 · 困难 0 · 良好 1 · 简单 1", "要点回忆 4/9（44%）", "其中已收藏 1 题",
		"3 次评分都已保存", "按 enter 返回列表")
	// The Again card is learning, due a minute after its reveal.
	d.mustContain("下一题 <1分钟后到期（3月10日 09:02）")
	d.checkFits("summary")
}

func TestQuizReturnShowsTheNewStateInTheList(t *testing.T) {
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 100, 30)
	d.mustContain("到期 1")
	d.keys("s", "space", "3")
	// The shared snapshot follows each saved grade, so the list is right
	// even before its reload arrives.
	if stored, _, _ := st.Card("note-01"); !sameCard(d.m.c.cards["note-01"], stored) {
		t.Errorf("snapshot %+v, stored %+v", d.m.c.cards["note-01"], stored)
	}
	d.keys("esc", "enter")
	if d.m.active != viewList {
		t.Fatal("enter did not return to the list")
	}
	d.mustContain("到期 0")
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, testTitles[0]) && strings.Contains(l, "到期") {
			t.Errorf("note-01 still marked due: %q", l)
		}
	}
}

func TestQuizLearningStepsComeBack(t *testing.T) {
	st := newTestStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("enter", "t", "space", "1")
	// Again: a one-minute step, shown again early (nothing else is left).
	d.wantStep(quizQuestion)
	if d.current() != "note-01" {
		t.Fatalf("card %q", d.current())
	}
	d.mustContain("提前", "2 / 2")
	d.keys("space", "3", "space", "3")
	d.wantStep(quizSummary)
	log := logOf(t, st)
	if len(log) != 3 || log[2].After.State != srs.Review {
		t.Fatalf("%d reviews, last %+v", len(log), log[len(log)-1].After)
	}
}

func TestQuizCountsNewCardsStartedToday(t *testing.T) {
	st := newTestStore(t)
	s := store.DefaultSettings()
	s.NewPerDay = 3
	if err := st.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	after := testSched().Review(srs.Card{}, srs.Easy, testNow.Add(-2*time.Hour), "note-05")
	// One new card started this study day (from 04:00), one yesterday.
	for _, r := range []store.Review{
		{NoteID: "note-04", Time: testNow.Add(-24 * time.Hour), Rating: srs.Easy, After: after},
		{NoteID: "note-05", Time: testNow.Add(-2 * time.Hour), Rating: srs.Easy, After: after},
	} {
		if _, err := st.RecordReview(r); err != nil {
			t.Fatal(err)
		}
	}
	d := newQuizDriver(t, st, newClock(), 80, 24)
	d.keys("s")
	d.mustContain("1 / 2") // 3 a day, 1 used today
}

func TestQuizResizeKeepsTheStep(t *testing.T) {
	sizes := [][2]int{{40, 12}, {120, 40}, {57, 19}, {80, 24}}
	st := quizStore(t)
	d := newQuizDriver(t, st, newClock(), 80, 24)
	check := func(label string, step quizStep) {
		t.Helper()
		for _, sz := range sizes {
			d.send(sizeMsg(sz[0], sz[1]))
			d.wantStep(step)
			d.checkFits(fmt.Sprintf("%s %s", label, sizeLabel(sz)))
			if step == quizAnswer {
				q := d.quiz()
				if !q.loaded || q.want.width != q.wrapWidth() {
					t.Errorf("%s %s: answer not rendered for the width", label, sizeLabel(sz))
				}
			}
		}
	}
	d.keys("s")
	check("question", quizQuestion)
	d.keys("i")
	d.typeText("调整窗口大小时答案框保持原样")
	check("typing", quizQuestion)
	if !d.m.capturing() || d.quiz().input.Value() != "调整窗口大小时答案框保持原样" {
		t.Fatal("resizing lost the typing")
	}
	d.keys("esc", "space", "a", "j")
	check("answer", quizAnswer)
	if !d.quiz().ticked[0] {
		t.Fatal("resizing lost a tick")
	}
	d.keys("esc")
	check("confirm", quizAnswer)
	d.keys("y")
	check("summary", quizSummary)
}

func TestQuizViewsFitTheWindow(t *testing.T) {
	sizes := [][2]int{{40, 12}, {41, 13}, {60, 20}, {80, 24}, {120, 40}, {200, 60}}
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range sizes {
			clk := newClock()
			d := newDriver(t, clk.opts(Options{Lang: lang, Store: quizStore(t)}), sz[0], sz[1])
			label := func(what string) string { return lang + " " + what + " " + sizeLabel(sz) }
			d.keys("s")
			d.checkFits(label("question"))
			d.keys("?")
			d.checkFits(label("question, full help"))
			d.keys("?", "i")
			d.typeText(strings.Repeat("很长的回答", 30))
			d.checkFits(label("typing"))
			d.keys("esc")
			d.checkFits(label("typed"))
			d.keys("space")
			d.checkFits(label("answer"))
			d.keys("?")
			d.checkFits(label("answer, full help"))
			d.keys("?", "a", "b", "esc")
			d.checkFits(label("confirm"))
			st := d.m.c.store.(*store.Memory)
			st.FailWrites(errors.New("磁盘已满，无法写入复习记录"))
			d.keys("n", "3")
			d.checkFits(label("write error"))
			st.FailWrites(nil)
			d.keys("3", "esc")
			d.checkFits(label("summary"))
			d.keys("enter", "f", "f", "s")
			d.checkFits(label("due scope"))
		}
	}
}

func TestQuizHelpFollowsTheStep(t *testing.T) {
	d := newQuizDriver(t, quizStore(t), newClock(), 120, 40)
	d.keys("s")
	d.mustContain("显示答案", "输入答案", "收藏", "结束")
	d.mustNotContain("按建议评分", "撤销")
	d.keys("i")
	d.mustContain("完成输入")
	d.mustNotContain("显示答案")
	d.keys("esc", "space", "?")
	d.mustContain("按建议评分", "勾选要点", "重来 10分钟", "简单 15天", "上一页")
	d.mustNotContain("显示答案")
	d.keys("?", "3")
	d.mustContain("撤销")
}

func TestQuizEnglishIntervals(t *testing.T) {
	d := newDriver(t, newClock().opts(Options{Lang: "en", Store: quizStore(t)}), 100, 30)
	d.keys("s", "space")
	d.mustContain("1 Again 10m", "Suggested: Good (space)", "Key points (0/3 ticked)")
}

func TestIntervalAndDurationText(t *testing.T) {
	zh, en := textFor("zh"), textFor("en")
	for in, want := range map[string]string{"<1m": "<1分钟", "10m": "10分钟", "3h": "3小时", "2d": "2天",
		"1.5mo": "1.5个月", "1.2y": "1.2年"} {
		if got := zh.interval(in); got != want {
			t.Errorf("interval(%q) = %q, want %q", in, got, want)
		}
		if got := en.interval(in); got != in {
			t.Errorf("en interval(%q) = %q", in, got)
		}
	}
	for d, want := range map[time.Duration]string{45 * time.Second: "45秒", 90 * time.Second: "1分30秒",
		65 * time.Minute: "1小时5分"} {
		if got := zh.duration(d); got != want {
			t.Errorf("duration(%v) = %q, want %q", d, got, want)
		}
	}
}

// A deck note must have its points in the answer checklist only: Answer
// drops them, which the self-test relies on.
func TestTestDeckAnswerDropsThePoints(t *testing.T) {
	n := testDeck().Notes[0]
	if strings.Contains(n.Answer(), "## 要点") || len(n.Points) != 3 {
		t.Fatalf("answer %q, points %v", n.Answer(), n.Points)
	}
}

func TestQuizSessionFollowsTheFilter(t *testing.T) {
	d := newQuizDriver(t, quizStore(t), newClock(), 80, 24)
	d.keys("/")
	d.typeText("attention")
	d.keys("enter", "s")
	d.wantStep(quizQuestion)
	// note-01 (due), then the new note-02 and note-09; not the other notes.
	if !slices.Equal(d.quiz().ids, []string{"note-01", "note-02", "note-09"}) {
		t.Fatalf("session over %v", d.quiz().ids)
	}
	d.mustContain("1 / 3")
}

// oddUndo undoes nothing, as a store whose log another writer emptied would.
type oddUndo struct{ *store.Memory }

func (oddUndo) UndoLastReview() (store.Review, bool, error) { return store.Review{}, false, nil }

func TestQuizResizeOnTheEmptyScreen(t *testing.T) {
	d := newQuizDriver(t, newTestStore(t), newClock(), 80, 24)
	d.keys("f", "f", "s") // the bookmarked scope
	for _, sz := range [][2]int{{40, 12}, {120, 40}, {57, 19}} {
		d.send(sizeMsg(sz[0], sz[1]))
		d.wantStep(quizEmpty)
		d.checkFits("empty " + sizeLabel(sz))
		d.mustContain("按 a 自测全部")
	}
}

// Keys typed while the session is still being read (space right after s)
// act once it is, instead of being lost.
func TestQuizKeysTypedWhileLoadingAreKept(t *testing.T) {
	clk := newClock()
	d := newQuizDriver(t, quizStore(t), clk, 80, 24)
	m, cmd := d.m.Update(press("s"))
	d.m = m.(*Model)
	// The session starts at once; hold back what its store read answers.
	held := d.exec(cmd)
	d.wantStep(quizLoading)
	d.keys("space")
	d.wantStep(quizLoading)
	d.send(held...)
	d.wantStep(quizAnswer)
	d.mustContain("要点（已勾选 0/3）", "1 重来 10分钟")
}
