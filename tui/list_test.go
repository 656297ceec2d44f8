package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

func TestListShowsEveryTitleInDeckOrder(t *testing.T) {
	d := newDriver(t, Options{}, 120, 40)
	s := d.screen()
	last := -1
	for i, title := range testTitles {
		at := strings.Index(s, title)
		if at < 0 {
			t.Fatalf("title %d %q missing:\n%s", i+1, title, s)
		}
		if at < last {
			t.Errorf("title %d %q out of deck order", i+1, title)
		}
		last = at
	}
	d.mustContain("大模型面经", "11 题", "新 11", "到期 0", "收藏 0", "全部")
}

func TestListMarkers(t *testing.T) {
	st := newTestStore(t)
	if err := st.SetBookmark("note-02", true, testNow); err != nil {
		t.Fatal(err)
	}
	record := func(id string, c srs.Card) {
		t.Helper()
		if _, err := st.RecordReview(store.Review{NoteID: id, Time: testNow.Add(-48 * time.Hour),
			Rating: srs.Good, After: c, Mode: store.ModeAll}); err != nil {
			t.Fatal(err)
		}
	}
	record("note-01", srs.Card{State: srs.Review, Stability: 3, Due: testNow.Add(-time.Hour)})
	record("note-03", srs.Card{State: srs.Review, Stability: 5, Due: testNow.Add(3 * 24 * time.Hour)})
	record("note-04", srs.Card{State: srs.Review, Stability: 40, Due: testNow.Add(40 * 24 * time.Hour)})
	record("note-05", srs.Card{State: srs.Review, Stability: 12, Due: time.Date(2025, 5, 3, 9, 0, 0, 0, time.UTC)})

	d := newDriver(t, Options{Store: st}, 120, 40)
	row := func(i int) string {
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, testTitles[i]) {
				return l
			}
		}
		t.Fatalf("no row for %q", testTitles[i])
		return ""
	}
	for _, c := range []struct {
		i    int
		want []string
	}{
		{0, []string{"到期", "●○○"}},
		{1, []string{"★", "新", "●●○"}},
		{2, []string{"3天", "●●●"}},
		{3, []string{"已掌握"}},
		{4, []string{"5月3日"}},
	} {
		r := row(c.i)
		for _, w := range c.want {
			if !strings.Contains(r, w) {
				t.Errorf("row %d lacks %q: %q", c.i+1, w, r)
			}
		}
	}
	if strings.Contains(row(0), "★") {
		t.Errorf("row 1 is not bookmarked: %q", row(0))
	}
	d.mustContain("到期 1", "收藏 1")
}

// highlighted returns the characters of a rendered line drawn underlined,
// as a terminal shows them.
func highlighted(t *testing.T, line string, width int) string {
	t.Helper()
	term := vt.NewEmulator(width, 1)
	defer term.Close()
	if _, err := term.Write([]byte(line)); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for x := 0; x < width; x++ {
		c := term.CellAt(x, 0)
		if c != nil && c.Content != "" && c.Style.Underline != 0 {
			out.WriteString(c.Content)
		}
	}
	return out.String()
}

func TestDefaultFilterWouldHighlightWrongRunes(t *testing.T) {
	// Documents why filterNotes exists: the default filter's indices are
	// byte offsets, which the list uses as rune offsets.
	r := list.DefaultFilter("注意", []string{"自注意力"})
	if len(r) != 1 || slices.Equal(r[0].MatchedIndexes, []int{1, 2}) {
		t.Skipf("bubbles' default filter now returns rune indices (%v): filterNotes could go", r)
	}
	got := filterNotes("注意", []string{"自注意力" + filterSep + filterSep})
	if len(got) != 1 || !slices.Equal(got[0].MatchedIndexes, []int{1, 2}) {
		t.Fatalf("filterNotes(注意) = %+v, want rune indices [1 2]", got)
	}
}

// filterTargets returns the filter values of deck's notes, as the list
// filters them, and a function turning ranks into note numbers (from 1).
func filterTargets(deck *notes.Deck) ([]string, func([]list.Rank) []int) {
	targets := make([]string, len(deck.Notes))
	for i := range deck.Notes {
		targets[i] = noteItem{index: i, note: &deck.Notes[i]}.FilterValue()
	}
	return targets, func(rs []list.Rank) []int {
		var out []int
		for _, r := range rs {
			out = append(out, r.Index+1)
		}
		return out
	}
}

func TestFilterNotes(t *testing.T) {
	targets, ids := filterTargets(testDeck())
	for _, c := range []struct {
		term string
		want []int // note numbers, best first
	}{
		{"注意力", []int{1, 2}},                             // titles only
		{"attention", []int{9, 1, 2}},                    // title (Flash Attention) first, then tags
		{"ATTENTION", []int{9, 1, 2}},                    // case-insensitive
		{"rlhf", []int{4}},                               // title and tag
		{"奖励模型", []int{4}},                               // body only
		{"推理 kv", []int{5}},                              // every term must match
		{"lora 显存", []int{3}},                            // terms across title parts
		{"不存在的词", nil},                                   // nothing
		{"transformer", []int{1, 6}},                     // title beats tag, then deck order
		{"  ", nil},                                      // blank
		{"位置编码", []int{6}},                               // title and tag
		{"缓解", []int{7}},                                 // CJK substring
		{"flash attention", []int{9}},                    // two terms, both in title
		{"答案", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, // every body, deck order
	} {
		got := ids(filterNotes(c.term, targets))
		if !slices.Equal(got, c.want) {
			t.Errorf("filter %q = %v, want %v", c.term, got, c.want)
		}
	}
	// Highlights are rune indices into the title, for every occurrence.
	r := filterNotes("注意力", targets)
	if !slices.Equal(r[0].MatchedIndexes, []int{19, 20, 21}) {
		t.Errorf("matches in %q = %v", testTitles[0], r[0].MatchedIndexes)
	}
	r = filterNotes("flash attention", targets)
	if !slices.Equal(r[0].MatchedIndexes, []int{3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17}) {
		t.Errorf("matches in %q = %v", testTitles[8], r[0].MatchedIndexes)
	}
}

func TestFilterHighlightsTheMatchedChineseCharacters(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("/")
	d.typeText("注意力")
	if got := d.m.list.list.FilterValue(); got != "注意力" {
		t.Fatalf("filter value %q", got)
	}
	d.keys("enter")
	if d.m.list.list.FilterState() != list.FilterApplied {
		t.Fatalf("filter state %v", d.m.list.list.FilterState())
	}
	var rows []string
	for _, l := range strings.Split(d.m.View().Content, "\n") {
		for _, title := range testTitles[:2] {
			if strings.Contains(stripForTest(l), title) {
				rows = append(rows, l)
			}
		}
	}
	if len(rows) != 2 {
		t.Fatalf("want the 2 notes with 注意力 in the title, got %d rows:\n%s", len(rows), d.screen())
	}
	for _, row := range rows {
		if got := highlighted(t, row, 100); got != "注意力" {
			t.Errorf("highlighted %q in %q, want 注意力", got, stripForTest(row))
		}
	}
	d.mustContain("筛选“注意力”：2/11")
	d.mustNotContain(testTitles[2])

	d.keys("esc")
	if d.m.list.list.FilterState() != list.Unfiltered {
		t.Fatalf("esc left filter state %v", d.m.list.list.FilterState())
	}
	d.mustContain(testTitles[2])
}

func TestHighlightSurvivesTruncation(t *testing.T) {
	c := newCommon(Options{Deck: testDeck(), Lang: "zh"})
	it := noteItem{index: 5, note: &c.deck.Notes[5]} // 位置编码：绝对、相对与 RoPE 的区别
	title := []rune(it.note.Title)
	matches := []int{0, 1, 2, 3, 16, 17, 18, 19} // 位置编码, RoPE
	for _, w := range []int{80, 40, 30} {
		line, _ := noteDelegate{c: c}.drawRow(it, w, true, matches)
		if lw := lipgloss.Width(line); lw > w {
			t.Errorf("width %d: line is %d wide", w, lw)
		}
		// The matched runes of the part of the title still shown.
		plain := stripForTest(line)
		shown := len(title)
		for !strings.Contains(plain, string(title[:shown])) {
			shown--
		}
		var want strings.Builder
		for _, i := range matches {
			if i < shown {
				want.WriteRune(title[i])
			}
		}
		if shown < 2 {
			t.Fatalf("width %d: title not shown in %q", w, plain)
		}
		if got := highlighted(t, line, w); got != want.String() {
			t.Errorf("width %d: highlighted %q in %q, want %q", w, got, plain, want.String())
		}
	}
}

func TestKeysWhileFilteringAreText(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("/")
	d.typeText("bfsq?")
	if d.quit {
		t.Fatal("q in the filter box quit the app")
	}
	if got := d.m.list.list.FilterValue(); got != "bfsq?" {
		t.Errorf("filter value %q, want bfsq?", got)
	}
	if len(d.m.c.bookmarks) != 0 || len(d.m.c.store.Bookmarks()) != 0 {
		t.Error("b in the filter box bookmarked a note")
	}
	if d.m.list.scope != scopeAll || d.m.c.status != "" || d.m.c.help.ShowAll {
		t.Errorf("filter keys ran commands: scope %v, status %q, full help %v",
			d.m.list.scope, d.m.c.status, d.m.c.help.ShowAll)
	}
	d.mustContain("没有匹配的题目。")
	d.keys("esc")
	d.keys("q")
	if !d.quit {
		t.Error("q after the filter closed did not quit")
	}
}

func TestScopeCycling(t *testing.T) {
	st := newTestStore(t)
	for _, id := range []string{"note-03", "note-07"} {
		if err := st.SetBookmark(id, true, testNow); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.RecordReview(store.Review{NoteID: "note-05", Time: testNow.Add(-24 * time.Hour),
		Rating: srs.Good, After: srs.Card{State: srs.Review, Stability: 2, Due: testNow.Add(2 * time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	set := store.DefaultSettings()
	set.NewPerDay = 2
	if err := st.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st}, 100, 30)
	visible := func() []string {
		var ids []string
		order, _ := d.m.list.visibleOrder()
		for _, i := range order {
			ids = append(ids, d.m.c.deck.Notes[i].ID)
		}
		return ids
	}
	if n := len(visible()); n != 11 {
		t.Fatalf("scope all shows %d notes", n)
	}
	d.keys("f")
	if got := visible(); !slices.Equal(got, []string{"note-03", "note-07"}) {
		t.Errorf("bookmarked scope shows %v", got)
	}
	d.mustContain("大模型面经 · 收藏", testTitles[2], testTitles[6])
	d.mustNotContain(testTitles[0])
	d.keys("f")
	// Today's study: the due review and the first new cards within the
	// daily limit, in deck order.
	if got := visible(); !slices.Equal(got, []string{"note-01", "note-02", "note-05"}) {
		t.Errorf("today scope shows %v", got)
	}
	d.mustContain("· 今日", "新 2", "到期 1", testTitles[4])
	d.keys("f")
	if len(visible()) != 11 {
		t.Error("f did not come back to all")
	}
	d.mustContain("· 全部")
}

func TestEmptyScopeSaysSo(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("f")
	d.mustContain("还没有收藏")
	d.checkFits("empty bookmarked scope")
	d.keys("enter", "b") // nothing selected: no effect, no panic
	if d.m.active != viewList || len(d.m.c.store.Bookmarks()) != 0 {
		t.Error("keys acted on an empty list")
	}
	// s still starts a (bookmarked) self-test, which says there is nothing
	// to test and offers the others.
	d.keys("s")
	d.mustContain("还没有收藏的题目", "按 a 自测全部 11 题")
}

func TestBookmarkTogglesThroughTheStore(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("j")
	if d.selectedID() != "note-02" {
		t.Fatalf("selected %q", d.selectedID())
	}
	d.keys("b")
	if !d.m.c.store.IsBookmarked("note-02") {
		t.Fatal("b did not reach the store")
	}
	d.mustContain("★", "已收藏", "收藏 1")
	d.keys("b")
	if d.m.c.store.IsBookmarked("note-02") {
		t.Fatal("second b did not remove the bookmark")
	}
	d.mustNotContain("★")
	d.mustContain("已取消收藏", "收藏 0")
}

func TestUnbookmarkInBookmarkedScopeDropsTheRow(t *testing.T) {
	st := newTestStore(t)
	for _, id := range []string{"note-01", "note-02"} {
		if err := st.SetBookmark(id, true, testNow); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.keys("f", "b")
	if got, _ := d.m.list.visibleOrder(); !slices.Equal(got, []int{1}) {
		t.Errorf("rows after unbookmarking the first: %v", got)
	}
	if d.selectedID() != "note-02" {
		t.Errorf("selected %q", d.selectedID())
	}
}

func TestFailedBookmarkShowsTheError(t *testing.T) {
	st := newTestStore(t)
	st.FailWrites(errors.New("disk full"))
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.keys("b")
	d.mustContain("错误：收藏未保存：", "disk full")
	d.mustNotContain("★")
	if d.m.c.bookmarked("note-01") {
		t.Error("a failed write changed the marker")
	}
	d.keys("j") // the next key clears the line
	d.mustNotContain("disk full")

	// In the reading view too.
	d.keys("enter", "b")
	d.mustContain("disk full")
	d.checkFits("error in the reading view")
}

func TestBookmarkReachesTheBoltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.keys("j", "j", "b")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.IsBookmarked("note-03") {
		t.Error("the bookmark is not in the file after reopening")
	}
}

// failingReads fails the progress snapshot.
type failingReads struct{ store.Store }

func (failingReads) Cards() (map[string]srs.Card, error) { return nil, errors.New("bad page") }

func TestFailedProgressReadShowsTheError(t *testing.T) {
	d := newDriver(t, Options{Store: failingReads{newTestStore(t)}}, 80, 24)
	d.mustContain("读取学习进度失败：bad page", testTitles[0])
}

func TestStudyStartsTheSelfTest(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("s")
	if d.m.active != viewQuiz {
		t.Fatal("s did not open the self-test")
	}
	d.mustContain("自测 · 全部", "1 / 11")
}

func TestQuitFromTheList(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("q")
	if !d.quit {
		t.Error("q did not quit the list")
	}
	d = newDriver(t, Options{}, 80, 24)
	d.keys("/", "ctrl+c")
	if !d.quit {
		t.Error("ctrl+c did not quit while filtering")
	}
}

func TestHelpToggles(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.mustNotContain("下一页")
	d.keys("?")
	d.mustContain("收起帮助", "顶部", "强制退出")
	d.checkFits("full help")
	d.keys("?")
	d.mustNotContain("收起帮助")
}

func stripForTest(s string) string { return ansi.Strip(s) }

func TestLongChineseFilterFits(t *testing.T) {
	d := newDriver(t, Options{}, 40, 12)
	d.keys("/")
	d.typeText("大模型在训练与推理时需要权衡显存速度和效果理解其中的机制")
	d.checkFits("long filter")
	d.send(tea.PasteMsg{Content: "注意力机制注意力机制"})
	d.checkFits("pasted filter")
	if got := d.m.list.list.FilterValue(); !strings.HasSuffix(got, "注意力机制注意力机制") {
		t.Errorf("paste did not reach the filter: %q", got)
	}
}

func TestSecondBookmarkWaitsForTheFirst(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	m, first := d.m.Update(press("b"))
	d.m = m.(*Model)
	m, second := d.m.Update(press("b"))
	d.m = m.(*Model)
	if first == nil || second != nil {
		t.Fatalf("b, b before the write returned: commands %v, %v", first != nil, second != nil)
	}
	d.run(first)
	if !d.m.c.store.IsBookmarked("note-01") || !d.m.c.bookmarked("note-01") {
		t.Fatal("the first write was lost")
	}
	d.keys("b") // the write is back: b works again
	if d.m.c.store.IsBookmarked("note-01") {
		t.Error("b after the write came back did nothing")
	}
}

func TestFilterByDifficulty(t *testing.T) {
	targets, ids := filterTargets(testDeck()) // difficulties 1, 2, 3, 1, 2, 3, …
	for _, c := range []struct {
		term string
		want []int
	}{
		{"d:2", []int{2, 5, 8, 11}},
		{"难度:3", []int{3, 6, 9}},
		{"DIFF:1", []int{1, 4, 7, 10}},
		{"难度：2", []int{2, 5, 8, 11}},                     // a full-width colon
		{"d:1 d:3", []int{1, 3, 4, 6, 7, 9, 10}},         // any of the difficulties named
		{"d:2 注意力", []int{2}},                            // with a text term
		{"注意力 d:1", []int{1}},                            // in either order
		{"attention d:3", []int{9}},                      // notes 1 and 2 have the tag but other difficulties
		{"d:0", nil},                                     // every note of this deck has a difficulty
		{"d:", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, // still being typed: no restriction
		{"d:x", nil},                                     // not a difficulty: text that matches nothing
	} {
		if got := ids(filterNotes(c.term, targets)); !slices.Equal(got, c.want) {
			t.Errorf("filter %q = %v, want %v", c.term, got, c.want)
		}
	}
	// The text terms' highlights are unchanged by a difficulty term; the "d"
	// of "d:2" highlights nothing, the text term "d" does.
	for _, c := range []struct {
		term string
		want []int
	}{
		{"d:2 注意力", []int{3, 4, 5}},
		{"d:2", nil},
		{"d:2 d", []int{14}}, // 为什么注意力分数要除以根号 d_k？
	} {
		r := filterNotes(c.term, targets)
		if len(r) == 0 || r[0].Index != 1 || !slices.Equal(r[0].MatchedIndexes, c.want) {
			t.Errorf("filter %q: first rank %+v, want note 2 with matches %v", c.term, r, c.want)
		}
	}
	// A note without a difficulty is d:0.
	none := noteItem{index: 0, note: &notes.Note{Title: "无难度"}}.FilterValue()
	if got := ids(filterNotes("d:0", []string{none, targets[0]})); !slices.Equal(got, []int{1}) {
		t.Errorf("d:0 = %v, want the note without a difficulty", got)
	}
}

func TestDifficultyFilterInTheList(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("/")
	d.typeText("难度:2 注意力")
	d.keys("enter")
	d.mustContain("筛选“难度:2 注意力”：1/11", testTitles[1])
	d.mustNotContain(testTitles[0])
	for _, l := range strings.Split(d.m.View().Content, "\n") {
		if strings.Contains(stripForTest(l), testTitles[1]) {
			if got := highlighted(t, l, 100); got != "注意力" {
				t.Errorf("highlighted %q in %q, want 注意力", got, stripForTest(l))
			}
		}
	}
	// A self-test draws from the filtered notes.
	d.keys("esc", "/")
	d.typeText("d:3")
	d.keys("enter", "a")
	if d.m.active != viewQuiz || !slices.Equal(d.m.quiz.ids, []string{"note-03", "note-06", "note-09"}) {
		t.Fatalf("a after d:3: active %v, ids %v", d.m.active, d.m.quiz.ids)
	}
	// Full help documents the term.
	d = newDriver(t, Options{}, 100, 30)
	d.keys("?")
	d.mustContain("d:N", "按难度筛选")
}

// A note due next year, as seen in December, gets its month and day, no
// wider than the state column; a note due over a year ahead, its year.
func TestStateLabelAcrossTheYear(t *testing.T) {
	december := time.Date(2026, 12, 4, 12, 0, 0, 0, time.Local)
	for _, lang := range []string{"zh", "en"} {
		d := newDriver(t, Options{Lang: lang, Now: func() time.Time { return december }}, 100, 30)
		c := d.m.c
		for _, tc := range []struct {
			due  time.Time
			want string
		}{
			{december.AddDate(0, 0, 47), map[string]string{"zh": "1月20日", "en": "Jan 20"}[lang]},
			{december.AddDate(1, 1, 0), map[string]string{"zh": "2028年", "en": "2028"}[lang]},
		} {
			c.cards["note-05"] = srs.Card{State: srs.Review, Stability: 5, Due: tc.due}
			_, label := c.studyState("note-05", december)
			if label != tc.want {
				t.Errorf("%s: due %s shows %q, want %q", lang, tc.due.Format("2006-01-02"), label, tc.want)
			}
			if w := ansi.StringWidth(label); w > c.stateWidth() {
				t.Errorf("%s: %q is %d cells in a %d-cell column", lang, label, w, c.stateWidth())
			}
		}
	}
}

// The first key after the study day rolls over shows the new day's state
// markers: the rows are not drawn with yesterday's.
func TestRowsFollowTheStudyDay(t *testing.T) {
	clk := newClock()
	d := newDriver(t, clk.opts(Options{Store: quizStore(t)}), 100, 30)
	row := func() string {
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, testTitles[2]) {
				return l
			}
		}
		t.Fatalf("no row for %q on screen:\n%s", testTitles[2], d.screen())
		return ""
	}
	if r := row(); !strings.Contains(r, fmt.Sprintf(d.m.c.text.DaysFmt, 3)) {
		t.Fatalf("note-03 is not due in 3 days: %q", r)
	}
	clk.add(3 * 24 * time.Hour)
	d.keys("down")
	if r := row(); !strings.Contains(r, d.m.c.text.StateDue) {
		t.Errorf("after the day rolled over, note-03's row is %q; want %q", r, d.m.c.text.StateDue)
	}
}
