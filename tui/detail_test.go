package tui

import (
	"errors"
	"strings"
	"testing"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestOpenScrollToTheEndAndBack(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("j", "j", "enter")
	if d.m.active != viewDetail {
		t.Fatal("enter did not open the reading view")
	}
	d.mustContain("3/11", testTitles[2], "这是第 3 题的回答", "0%")
	if d.m.detail.vp.AtBottom() {
		t.Fatal("the note fits on one screen; the test needs one that scrolls")
	}
	d.keys("G")
	if !d.m.detail.vp.AtBottom() {
		t.Error("G did not reach the bottom")
	}
	d.mustContain("100%", "要点", "例子")
	d.mustNotContain("这是第 3 题的回答")
	d.keys("g")
	if d.m.detail.vp.YOffset() != 0 {
		t.Error("g did not go back to the top")
	}
	d.keys("end")
	if !d.m.detail.vp.AtBottom() {
		t.Error("end did not reach the bottom")
	}
	d.keys("home")
	if d.m.detail.vp.YOffset() != 0 {
		t.Error("home did not go to the top")
	}
	d.keys("esc")
	if d.m.active != viewList || d.selectedID() != "note-03" {
		t.Errorf("esc: view %v, selected %q", d.m.active, d.selectedID())
	}
	d.keys("enter", "q")
	if d.quit || d.m.active != viewList {
		t.Error("q in the reading view did not go back")
	}
}

func TestScrollKeysAndWheel(t *testing.T) {
	d := newDriver(t, Options{}, 80, 16)
	d.keys("enter")
	vp := func() int { return d.m.detail.vp.YOffset() }
	if d.m.detail.vp.TotalLineCount() < 2*d.m.detail.vp.Height() {
		t.Fatal("the note is too short to page through")
	}
	h := d.m.detail.vp.Height()
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0},
		{"space", h}, {"pgup", 0}, {"pgdown", h}, {"g", 0},
		{"d", h / 2}, {"u", 0},
	}
	for _, s := range steps {
		d.keys(s.key)
		if vp() != s.want {
			t.Errorf("after %s: offset %d, want %d", s.key, vp(), s.want)
		}
	}
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if vp() != d.m.detail.vp.MouseWheelDelta {
		t.Errorf("wheel down: offset %d", vp())
	}
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if vp() != 0 {
		t.Errorf("wheel up: offset %d", vp())
	}
	if d.m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("the reading view does not ask for mouse events")
	}
	d.keys("esc")
	if d.m.View().MouseMode != tea.MouseModeNone {
		t.Error("the list keeps mouse events on (they stop text selection)")
	}
}

func TestReopenUsesTheRenderCache(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("enter")
	if !d.m.detail.loaded {
		t.Fatal("note not rendered")
	}
	cached := len(d.m.c.renders)
	d.keys("esc")

	// Reopen by hand: enter must show the note at once, with no render
	// command.
	m, cmd := d.m.Update(press("enter"))
	d.m = m.(*Model)
	if d.m.active != viewDetail {
		t.Fatalf("enter left the view at %v", d.m.active)
	}
	for _, msg := range d.exec(cmd) {
		if _, ok := msg.(noteRenderedMsg); ok {
			t.Error("reopening rendered the note again")
		}
	}
	if !d.m.detail.loaded || len(d.m.c.renders) != cached {
		t.Errorf("reopened note: loaded %v, cache %d → %d", d.m.detail.loaded, cached, len(d.m.c.renders))
	}
	d.mustContain("这是第 1 题的回答")
}

func TestResizeRerenders(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("enter")
	first := d.m.detail.shown
	d.send(sizeMsg(120, 40))
	second := d.m.detail.shown
	if second.width == first.width || second.width != d.m.detail.wrapWidth() {
		t.Fatalf("resize: rendering %+v → %+v, wrap width %d", first, second, d.m.detail.wrapWidth())
	}
	if _, ok := d.m.c.renders[first]; !ok {
		t.Error("the first rendering left the cache")
	}
	d.checkFits("after resize")
	// Wide windows cap the wrap width.
	d.send(sizeMsg(200, 50))
	if w := d.m.detail.shown.width; w != readingWidth {
		t.Errorf("wrap width at 200 columns = %d, want %d", w, readingWidth)
	}
	d.checkFits("200 columns")
	// Back to the first width: straight from the cache.
	m, cmd := d.m.Update(sizeMsg(80, 24))
	d.m = m.(*Model)
	if cmd != nil {
		for _, msg := range d.exec(cmd) {
			if _, ok := msg.(noteRenderedMsg); ok {
				t.Error("a cached width was rendered again")
			}
		}
	}
	if d.m.detail.shown != first || !d.m.detail.loaded {
		t.Errorf("back at 80 columns shows %+v", d.m.detail.shown)
	}
}

func TestResizeKeepsTheReadingPosition(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("enter", "G")
	d.send(sizeMsg(100, 24))
	if !d.m.detail.vp.AtBottom() {
		t.Errorf("a resize lost the position: offset %d", d.m.detail.vp.YOffset())
	}
}

func TestRenderingPlaceholderAndStaleResults(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	m, renderCmd := d.m.Update(press("enter"))
	d.m = m.(*Model)
	d.mustContain("渲染中…", "1/11")
	d.checkFits("placeholder")

	want := d.m.detail.want
	// A result for another width (an earlier size) is cached but not shown.
	stale := want
	stale.width = 33
	d.send(noteRenderedMsg{key: stale, out: "STALE"})
	d.mustContain("渲染中…")
	if d.m.c.renders[stale] != "STALE" {
		t.Error("a stale result was not cached")
	}
	d.run(renderCmd)
	d.mustContain("这是第 1 题的回答")
	d.mustNotContain("渲染中…", "STALE")

	// n before note 2 is rendered, then a late result for note 1.
	m, cmd := d.m.Update(press("n"))
	d.m = m.(*Model)
	d.send(noteRenderedMsg{key: want, out: "LATE NOTE ONE"})
	d.mustContain("2/11", "渲染中…")
	d.mustNotContain("LATE")
	d.run(cmd)
	d.mustContain("这是第 2 题的回答")
}

func TestRenderErrorIsShown(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	m, _ := d.m.Update(press("enter"))
	d.m = m.(*Model)
	d.send(noteRenderedMsg{key: d.m.detail.want, err: errors.New("glamour exploded")})
	d.mustContain("渲染失败：glamour exploded")
	if len(d.m.c.renders) != 0 {
		t.Error("an error was cached")
	}
	// A resize retries.
	d.send(sizeMsg(90, 24))
	d.mustContain("这是第 1 题的回答")
}

func TestNextAndPreviousFollowTheListOrder(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("/")
	d.typeText("attention")
	d.keys("enter") // apply: rows are notes 9, 1, 2
	d.keys("enter")
	d.mustContain("1/3", testTitles[8])
	d.keys("n")
	d.mustContain("2/3", testTitles[0])
	d.keys("right")
	d.mustContain("3/3", testTitles[1])
	d.keys("n")
	d.mustContain("3/3", "已是最后一题")
	d.keys("p", "left")
	d.mustContain("1/3", testTitles[8])
	d.keys("p")
	d.mustContain("已是第一题")
	d.keys("n", "esc")
	if d.m.list.list.FilterState() != list.FilterApplied || d.m.list.list.FilterValue() != "attention" {
		t.Errorf("back lost the filter: %v %q", d.m.list.list.FilterState(), d.m.list.list.FilterValue())
	}
	if d.selectedID() != "note-01" {
		t.Errorf("back selected %q, want the note read last", d.selectedID())
	}
}

func TestBookmarkAndTestFromTheReadingView(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.keys("enter", "b")
	if !d.m.c.store.IsBookmarked("note-01") {
		t.Fatal("b did not reach the store")
	}
	d.mustContain("1/11  什么是 Transformer 中的自注意力机制？ ★", "已收藏")
	d.keys("t")
	d.mustContain("自测 · 单题", "1 / 1")
	d.keys("esc", "enter") // end the self-test, back to the list
	row := ""
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, testTitles[0]) {
			row = l
		}
	}
	if !strings.Contains(row, "★") {
		t.Errorf("list row not marked: %q", row)
	}
}

func TestReadingLinesFitTheWrapWidth(t *testing.T) {
	for _, w := range []int{40, 57, 80, 103, 160} {
		d := newDriver(t, Options{}, w, 30)
		d.keys("enter")
		for pos := 0; pos < 11; pos++ {
			for _, l := range strings.Split(d.m.detail.vp.GetContent(), "\n") {
				if lw := ansi.StringWidth(l); lw > w-d.m.detail.vp.Style.GetHorizontalFrameSize() {
					t.Fatalf("width %d, note %d: line %d wide: %q", w, pos+1, lw, ansi.Strip(l))
				}
			}
			d.keys("n")
		}
	}
}
