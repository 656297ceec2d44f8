package tui

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes/deckgen"
	"mianjing/srs"
	"mianjing/store"
)

// statsStore is ten weeks of a learner: eight notes started along the way
// (three never), every due card reviewed from 8:00 with grades from a
// fixed pattern, a day off now and then; note-02 and note-05 bookmarked.
func statsStore(t *testing.T) *store.Memory {
	t.Helper()
	st := newTestStore(t)
	for _, id := range []string{"note-02", "note-05"} {
		if err := st.SetBookmark(id, true, testNow.AddDate(0, 0, -30)); err != nil {
			t.Fatal(err)
		}
	}
	sched := srs.NewScheduler()
	sched.Loc = time.UTC
	pattern := []srs.Rating{srs.Good, srs.Good, srs.Again, srs.Good, srs.Hard, srs.Good, srs.Easy,
		srs.Good, srs.Good, srs.Again, srs.Good}
	cards := map[string]srs.Card{}
	graded := 0
	const days = 70
	started := []int{0, 3, 8, 20, 34, 45, 55, 62} // the day note-01… was first seen
	for day := 0; day <= days; day++ {
		if day%9 == 4 || day%13 == 7 { // days off; today (day 70) is not one
			continue
		}
		at := time.Date(2025, 3, 10-days+day, 8, 0, 0, 0, time.UTC)
		for pass := 0; pass < 3; pass++ {
			for k := 0; k < len(started) && started[k] <= day; k++ {
				id := fmt.Sprintf("note-%02d", k+1)
				if c, seen := cards[id]; seen && c.Due.After(at) {
					continue
				}
				r := pattern[graded%len(pattern)]
				graded++
				next := sched.Review(cards[id], r, at, id)
				if _, err := st.RecordReview(store.Review{NoteID: id, Time: at, Rating: r, After: next,
					Mode: store.ModeDue}); err != nil {
					t.Fatal(err)
				}
				cards[id] = next
				at = at.Add(time.Minute)
			}
		}
	}
	return st
}

// smallStore is a history small enough to count by hand, on Monday 10
// March 2025 (study days start at 4:00):
//   - note-01: new on Saturday (Good), Sunday as a review card (Good),
//     today as a review card (Again): stability 2, due tomorrow, 1 lapse.
//   - note-02: once, 40 days ago (Good, as a new card): stability 25
//     (mastered), due in 3 days; bookmarked.
//
// So: 1 review today, 3 in the last 7 days, 4 in all; a 3-day streak, the
// longest too; retention 1 of 2 reviews of review cards (50%); 1 mastered,
// 1 review, 9 new; note-02 is weaker than note-01 (40 days since its
// review, not 0).
func smallStore(t *testing.T) *store.Memory {
	t.Helper()
	st := newTestStore(t)
	if err := st.SetBookmark("note-02", true, testNow); err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 3, 10+d, 8, 0, 0, 0, time.UTC) }
	for _, r := range []store.Review{
		{NoteID: "note-02", Time: day(-40), Rating: srs.Good, After: srs.Card{State: srs.Review, Stability: 25,
			Difficulty: 5, LastReview: day(-40), Due: day(3), Reps: 1}},
		{NoteID: "note-01", Time: day(-2), Rating: srs.Good, After: srs.Card{State: srs.Review, Stability: 1,
			Difficulty: 5, LastReview: day(-2), Due: day(-1), Reps: 1}},
		{NoteID: "note-01", Time: day(-1), Rating: srs.Good, After: srs.Card{State: srs.Review, Stability: 3,
			Difficulty: 5, LastReview: day(-1), Due: day(0), Reps: 2}},
		{NoteID: "note-01", Time: day(0), Rating: srs.Again, After: srs.Card{State: srs.Review, Stability: 2,
			Difficulty: 6, LastReview: day(0), Due: day(1), Reps: 3, Lapses: 1}},
	} {
		if _, err := st.RecordReview(r); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// failingLog is a store whose review log cannot be read.
type failingLog struct {
	store.Store
	err error
}

func (f failingLog) ForEachReviewBrief(fn func(store.ReviewBrief) error) error { return f.err }

// openStats presses S on the list and waits for the statistics.
func (d *driver) openStats() {
	d.t.Helper()
	d.keys("S")
	if d.m.active != viewStats {
		d.t.Fatalf("S opened view %v, not the stats screen:\n%s", d.m.active, d.screen())
	}
	if d.m.stats.loading {
		d.t.Fatalf("the stats are still loading:\n%s", d.screen())
	}
}

// statsContent is the whole page of the stats screen, without escape
// codes.
func (d *driver) statsContent() string {
	var lines []string
	for i := range d.m.stats.lineCount() {
		lines = append(lines, ansi.Strip(d.m.stats.line(i)))
	}
	return strings.Join(lines, "\n")
}

func TestStatsOpensWithSAndGoesBack(t *testing.T) {
	d := newDriver(t, Options{Store: statsStore(t)}, 80, 24)
	d.keys("j", "j")
	d.openStats()
	d.mustContain("学习统计 · 大模型面经", "3月10日", "复习日历 · 近 26 周", "到期预测", "题目 11")
	for _, back := range []string{"esc", "q"} {
		d.keys(back)
		if d.m.active != viewList || d.quit {
			t.Fatalf("%s: active %v, quit %v", back, d.m.active, d.quit)
		}
		if d.selectedID() != "note-03" {
			t.Errorf("%s: back on %q, want the row selected before", back, d.selectedID())
		}
		d.openStats()
	}
	// S no longer starts a self-test; a does.
	d.keys("esc", "a")
	if d.m.active != viewQuiz || d.m.quiz.mode != store.ModeAll {
		t.Fatalf("a: active %v, mode %q", d.m.active, d.m.quiz.mode)
	}
}

func TestStatsNumbersOfAHandCountedHistory(t *testing.T) {
	d := newDriver(t, Options{Store: smallStore(t)}, 120, 40)
	d.openStats()
	d.mustContain("今天 1 · 近 7 天 3", "连续 3 天 · 最长 3 天", "保持率 50%（近 30 天 1/2）",
		"题目 11", "已掌握 1", "复习中 1", "学习中 0", "新题 9")
	st := d.m.stats.stats
	if st.Forecast[1] != 1 || st.Forecast[3] != 1 || st.ReviewsTotal != 4 {
		t.Errorf("forecast %v, %d reviews", st.Forecast, st.ReviewsTotal)
	}
	// The per-note rows: stability, lapses and ★ where they belong.
	rows := notesRows(t, d.statsContent())
	if !strings.HasPrefix(rows[0], " 2 ★ "+testTitles[1]) || !strings.Contains(rows[0], "25天") {
		t.Errorf("weakest row %q", rows[0])
	}
	if !strings.HasPrefix(rows[1], " 1   "+testTitles[0]) || !strings.HasSuffix(rows[1], "2天     1") {
		t.Errorf("second row %q", rows[1])
	}
	if !strings.Contains(rows[2], testTitles[2]) || !strings.Contains(rows[2], "新") {
		t.Errorf("first new row %q", rows[2])
	}

	d = newDriver(t, Options{Store: smallStore(t), Lang: "en"}, 120, 40)
	d.openStats()
	d.mustContain("Progress · 大模型面经", "Mar 10", "reviews today 1 · in 7 days 3",
		"streak 3 days · longest 3", "retention 50% (30 days: 1/2)", "mastered 1", "new 9")
}

// notesRows returns the per-note rows of the stats content, in order.
func notesRows(t *testing.T, content string) []string {
	t.Helper()
	var rows []string
	for _, l := range strings.Split(content, "\n") {
		for _, title := range testTitles {
			if strings.Contains(l, title[:9]) {
				rows = append(rows, l)
				break
			}
		}
	}
	if len(rows) != len(testTitles) {
		t.Fatalf("%d note rows in:\n%s", len(rows), content)
	}
	return rows
}

// rowOrder returns the note numbers of the per-note rows, in order.
func rowOrder(t *testing.T, content string) []int {
	t.Helper()
	var order []int
	for _, r := range notesRows(t, content) {
		var n int
		if _, err := fmt.Sscan(r, &n); err != nil {
			t.Fatalf("row %q: %v", r, err)
		}
		order = append(order, n)
	}
	return order
}

func TestStatsSortToggle(t *testing.T) {
	d := newDriver(t, Options{Store: statsStore(t)}, 100, 30)
	d.openStats()
	order := rowOrder(t, d.statsContent())
	st := d.m.stats.stats
	// Weakest first: reviewed notes by retrievability, then the new ones in
	// deck order.
	var rs []float64
	for _, n := range order[:8] {
		ns := st.Notes[n-1]
		if ns.State == srs.New {
			t.Fatalf("new note %d among the reviewed ones: %v", n, order)
		}
		rs = append(rs, ns.R)
	}
	if !slices.IsSorted(rs) || !slices.Equal(order[8:], []int{9, 10, 11}) {
		t.Errorf("weakest first gave %v (R %v)", order, rs)
	}
	if slices.IsSorted(order[:8]) {
		t.Errorf("weakest first is deck order %v: the history is too even to test the sort", order)
	}
	d.mustContain("每题记忆 · 最弱在前")
	d.keys("o")
	if got := rowOrder(t, d.statsContent()); !slices.Equal(got, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) {
		t.Errorf("deck order gave %v", got)
	}
	d.keys("G")
	d.mustContain("每题记忆 · 题库顺序")
	d.keys("o")
	if got := rowOrder(t, d.statsContent()); !slices.Equal(got, order) {
		t.Errorf("o twice gave %v, want %v", got, order)
	}
}

func TestStatsScroll(t *testing.T) {
	d := newDriver(t, Options{Store: statsStore(t)}, 80, 24)
	d.openStats()
	vp := func() (int, bool) { return d.m.stats.offset, d.m.stats.atBottom() }
	if y, bottom := vp(); y != 0 || bottom {
		t.Fatalf("opened at offset %d, bottom %v", y, bottom)
	}
	d.mustContain("j/k 滚动", "0%")
	last := testTitles[len(testTitles)-1]
	d.mustNotContain(last) // the last note is below the fold
	d.keys("j", "j")
	if y, _ := vp(); y != 2 {
		t.Errorf("j j: offset %d", y)
	}
	d.keys("k")
	if y, _ := vp(); y != 1 {
		t.Errorf("k: offset %d", y)
	}
	d.keys("G")
	if _, bottom := vp(); !bottom {
		t.Error("G did not reach the bottom")
	}
	d.mustContain("100%")
	// The last row in the current order is on screen.
	rows := notesRows(t, d.statsContent())
	d.mustContain(strings.TrimSpace(rows[len(rows)-1]))
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if y, bottom := vp(); bottom || y == 0 {
		t.Errorf("wheel up: offset %d, bottom %v", y, bottom)
	}
	d.keys("g")
	if y, _ := vp(); y != 0 {
		t.Errorf("g: offset %d", y)
	}
	// A taller window needs less scrolling: the offset stays in range.
	d.keys("G")
	d.send(sizeMsg(80, 60))
	if y, bottom := vp(); y != 0 || !bottom {
		t.Errorf("at the bottom, then 80x60: offset %d, bottom %v", y, bottom)
	}
	d.mustContain("复习日历 · 近 26 周", last)
	d.send(sizeMsg(80, 24))
	// Re-opening starts at the top again.
	d.keys("G", "esc")
	d.openStats()
	if y, _ := vp(); y != 0 {
		t.Errorf("reopened at offset %d", y)
	}

	// A big window shows everything: nothing to scroll, no scroll keys.
	d = newDriver(t, Options{Store: statsStore(t)}, 160, 50)
	d.openStats()
	d.mustContain(last)
	d.mustNotContain("j/k", "%\n")
	d.keys("j")
	if y, _ := vp(); y != 0 {
		t.Errorf("j in a window that needs no scrolling moved to %d", y)
	}
}

func TestStatsEmptyState(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.openStats()
	d.mustContain("还没有复习记录", "按 s 开始第一次自测", "题库里的 11 道题都在等你", "按 esc 返回列表")
	if d.m.stats.showsCharts() {
		t.Fatal("an empty history draws charts")
	}
	d.mustNotContain("复习日历 · 近", "每题记忆", "0%", "o 切换排序")
	d.keys("s")
	if d.m.active != viewQuiz || d.m.quiz.mode != store.ModeDue || d.m.quiz.step != quizQuestion {
		t.Fatalf("s from the empty stats: active %v mode %q step %v", d.m.active, d.m.quiz.mode, d.m.quiz.step)
	}

	d = newDriver(t, Options{Lang: "en"}, 80, 24)
	d.openStats()
	d.mustContain("No reviews yet", "Press s for your first self-test", "All 11 notes")
}

func TestStatsLoadErrorIsShown(t *testing.T) {
	st := failingLog{Store: statsStore(t), err: errors.New("disk on fire")}
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.keys("S")
	if d.m.active != viewStats {
		t.Fatalf("active %v", d.m.active)
	}
	d.mustContain("读取复习记录失败：disk on fire")
	d.mustNotContain("复习日历 · 近", "正在统计")
	d.checkFits("error")
	d.keys("esc")
	if d.m.active != viewList {
		t.Fatalf("esc after the error: active %v", d.m.active)
	}
}

func TestStatsLoadingLineAndStaleResults(t *testing.T) {
	d := newDriver(t, Options{Store: smallStore(t)}, 80, 24)
	m, first := d.m.Update(openStatsMsg{})
	d.m = m.(*Model)
	d.mustContain("正在统计…")
	d.mustNotContain("复习日历 · 近")
	// Back and in again before the first read reports: its result is stale.
	d.keys("esc")
	m, second := d.m.Update(openStatsMsg{})
	d.m = m.(*Model)
	stale := d.exec(first)
	d.send(stale...)
	if !d.m.stats.loading {
		t.Fatalf("a stale result ended the loading:\n%s", d.screen())
	}
	d.run(second)
	if d.m.stats.loading || !d.m.stats.loaded {
		t.Fatalf("the current result was not taken:\n%s", d.screen())
	}
	d.mustContain("复习日历", "今天 1 · 近 7 天 3")
}

func TestStatsCountTheGradeJustGiven(t *testing.T) {
	// The stats read queues behind the self-test's write.
	d := newDriver(t, Options{Store: smallStore(t)}, 80, 24)
	d.keys("s", "space", "3", "esc", "esc")
	if d.m.active != viewList {
		t.Fatalf("not back on the list:\n%s", d.screen())
	}
	d.openStats()
	d.mustContain("今天 2 · 近 7 天 4")
}

func TestStatsFitEverySize(t *testing.T) {
	// The charts at the edges of their layouts (side by side or stacked)
	// and of the window's limits; the messages at a few sizes.
	charts := [][]int{{40, 57, 79, 80, 99, 119, 120, 121, 200}, {12, 24, 60}}
	messages := [][]int{{40, 80, 200}, {12, 60}}
	for _, c := range []struct {
		name  string
		sizes [][]int
		store func(*testing.T) store.Store
	}{
		{"history", charts, func(t *testing.T) store.Store { return statsStore(t) }},
		{"empty", messages, func(t *testing.T) store.Store { return newTestStore(t) }},
		{"error", messages, func(t *testing.T) store.Store {
			return failingLog{Store: newTestStore(t), err: errors.New(strings.Repeat("a long error ", 10))}
		}},
	} {
		for _, lang := range []string{"zh", "en"} {
			d := newDriver(t, Options{Store: c.store(t), Lang: lang}, 80, 24)
			d.keys("S")
			for _, w := range c.sizes[0] {
				for _, h := range c.sizes[1] {
					d.send(sizeMsg(w, h))
					label := fmt.Sprintf("%s %s %dx%d", c.name, lang, w, h)
					d.checkFits(label)
					if got := strings.Count(d.m.View().Content, "\n") + 1; got != h {
						t.Errorf("%s: %d lines", label, got)
					}
					d.keys("?")
					d.checkFits(label + " help")
					d.keys("?")
				}
			}
		}
	}
}

func TestStatsRestyleOnBackground(t *testing.T) {
	d := newDriver(t, Options{Store: statsStore(t)}, 80, 24)
	d.openStats()
	dark := d.m.View().Content
	d.send(tea.BackgroundColorMsg{Color: color.White})
	light := d.m.View().Content
	if dark == light || ansi.Strip(dark) != ansi.Strip(light) {
		t.Error("a light background should change the colours and nothing else")
	}
}

func TestGoldenStats(t *testing.T) {
	for _, c := range []struct {
		lang string
		w, h int
		keys []string
	}{
		{"zh", 80, 24, nil},
		{"zh", 80, 24, []string{"G"}},
		{"en", 80, 24, nil},
		{"zh", 120, 40, nil},
		{"en", 120, 40, []string{"o"}},
		{"zh", 40, 12, nil},
	} {
		// Without colour the heatmap and the bars show their shades as
		// characters, which the golden files keep.
		d := newDriver(t, Options{Store: statsStore(t), Lang: c.lang, NoColor: true}, c.w, c.h)
		d.openStats()
		d.keys(c.keys...)
		name := fmt.Sprintf("stats_%s_%dx%d", c.lang, c.w, c.h)
		if len(c.keys) > 0 {
			name += "_" + strings.Join(c.keys, "")
		}
		golden(t, name, d.screen())
	}
	for _, lang := range []string{"zh", "en"} {
		d := newDriver(t, Options{Lang: lang}, 80, 24)
		d.openStats()
		golden(t, "stats_empty_"+lang+"_80x24", d.screen())
	}
}

// BenchmarkStatsLayout measures laying out and drawing the stats screen of
// a 10,000-note deck with a year of 100,000 reviews at 120×40: what a
// resize or a sort toggle costs (the statistics themselves are computed in
// a command).
func BenchmarkStatsLayout(b *testing.B) {
	deck, err := deckgen.Deck(10_000)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(deck.Notes))
	for i, n := range deck.Notes {
		ids[i] = n.ID
	}
	cards, log, marks := deckgen.Log(ids, deckgen.Large())
	in := srs.StatsInput{Deck: ids, Cards: cards, Bookmarks: marks, Now: deckgen.Now(), Sched: srs.NewScheduler()}
	in.Sched.Loc = time.UTC
	for _, r := range log {
		in.Events = append(in.Events, srs.ReviewEvent{NoteID: r.NoteID, Time: r.Time, Rating: r.Rating, StateBefore: r.Before.State})
	}
	m := New(Options{Deck: deck, Store: store.NewMemory(), Now: deckgen.Now})
	m.stats.stats, m.stats.loaded = srs.ComputeStats(in), true
	m.stats.SetSize(120, 40)
	for b.Loop() {
		m.stats.deckOrder = !m.stats.deckOrder
		m.stats.fill()
		_ = m.stats.View()
	}
}
