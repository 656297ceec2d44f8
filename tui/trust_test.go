package tui

import (
	"errors"
	"strings"
	"testing"
)

// Behind the too-small screen no key reaches a view: a, space and 4 at
// 30×10 start nothing and grade nothing (issue 14, defect 1).
func TestNoKeysBehindTheTooSmallScreen(t *testing.T) {
	st := newTestStore(t)
	d := newDriver(t, Options{Store: st}, 30, 10)
	d.mustContain("请放大窗口")
	d.keys("a", "space", "4", "enter", "S", "b", "j")
	d.mustContain("已忽略 7 个按键")
	d.send(sizeMsg(100, 30))
	if d.m.active != viewList {
		t.Fatalf("keys behind the too-small screen switched to view %v:\n%s", d.m.active, d.screen())
	}
	if n, err := st.ReviewCount(); err != nil || n != 0 {
		t.Errorf("%d reviews saved (%v) for cards never shown", n, err)
	}
	if len(st.Bookmarks()) != 0 {
		t.Errorf("bookmarks set behind the too-small screen: %v", st.Bookmarks())
	}
	if id := d.selectedID(); id != "note-01" {
		t.Errorf("the cursor moved to %q behind the too-small screen", id)
	}
	// q quits from it, and says so.
	small := newDriver(t, Options{}, 30, 10)
	small.mustContain("q 退出")
	small.keys("q")
	if !small.quit {
		t.Error("q on the too-small screen does not quit")
	}
}

// A key that switches screens takes effect before the next key is handled,
// however the keys arrive: the next key acts on the new screen (issue 14,
// defect 2). Model-level: each Update returns only after the switch.
func TestViewSwitchesAreImmediate(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	m, _ := d.m.Update(press("enter"))
	d.m = m.(*Model)
	if d.m.active != viewDetail {
		t.Fatalf("enter: active %v before its command ran", d.m.active)
	}
	m, _ = d.m.Update(press("q"))
	d.m = m.(*Model)
	m, _ = d.m.Update(press("S"))
	d.m = m.(*Model)
	if d.m.active != viewStats {
		t.Errorf("q S from the reading view: active %v, want the stats screen", d.m.active)
	}
	if !strings.Contains(d.screen(), d.m.c.text.StatsTitle) {
		t.Errorf("stats not shown:\n%s", d.screen())
	}
}

// An error holding line breaks (a system message can) is shown on the
// status line's one row: the frame keeps the window's height. Found by
// FuzzModel (testdata/fuzz/FuzzModel/664fc2d76bc83ec9).
func TestMultiLineErrorKeepsOneRow(t *testing.T) {
	st := newTestStore(t)
	d := newDriver(t, Options{Store: st}, 80, 24)
	st.FailWrites(errors.New("input/output error\nsecond line"))
	d.keys("b")
	d.checkFits("a two-line error")
	d.mustContain("input/output error second li")
}
