package tui

import (
	"fmt"
	"image/color"
	"reflect"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mianjing/tui/render"
)

func TestDetectLang(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"zh", map[string]string{"LANG": "en_US.UTF-8"}, "zh"},
		{"en", map[string]string{"LANG": "zh_CN.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{"", map[string]string{"LANG": "zh_TW.UTF-8"}, "zh"},
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, "en"},
		{"", map[string]string{}, "en"},
		{"", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"},
		{"", map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"},
		// The first set variable decides, as POSIX orders them.
		{"", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"},
		{"", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"},
		{"", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"},
		// LANGUAGE, gettext's list, comes first unless the locale is C.
		{"", map[string]string{"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"},
		{"", map[string]string{"LANGUAGE": "en:zh_CN", "LANG": "zh_CN.UTF-8"}, "en"},
		{"", map[string]string{"LANGUAGE": "fr:de:zh_TW", "LANG": "en_US.UTF-8"}, "zh"},
		{"", map[string]string{"LANGUAGE": "fr", "LANG": "zh_CN.UTF-8"}, "zh"},
		{"", map[string]string{"LANGUAGE": "zh_CN", "LC_ALL": "C"}, "en"},
		{"", map[string]string{"LANGUAGE": "zh_CN", "LANG": "POSIX"}, "en"},
		{"", map[string]string{"LANGUAGE": "zh_CN"}, "en"},
		{"zh", map[string]string{"LANGUAGE": "en"}, "zh"},
	} {
		got := DetectLang(c.flag, func(k string) string { return c.env[k] })
		if got != c.want {
			t.Errorf("DetectLang(%q, %v) = %q, want %q", c.flag, c.env, got, c.want)
		}
	}
	if got := DetectLang("", nil); got != "en" {
		t.Errorf("DetectLang with no environment = %q", got)
	}
}

func TestViewsFitTheWindow(t *testing.T) {
	sizes := [][2]int{{40, 12}, {41, 13}, {60, 20}, {80, 24}, {120, 40}, {200, 60}}
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range sizes {
			d := newDriver(t, Options{Lang: lang}, sz[0], sz[1])
			label := func(what string) string { return lang + " " + what + " " + sizeLabel(sz) }
			d.checkFits(label("list"))
			d.keys("?")
			d.checkFits(label("list, full help"))
			d.keys("?", "/")
			d.typeText("注意")
			d.checkFits(label("filtering"))
			d.keys("enter")
			d.checkFits(label("filtered"))
			d.keys("b")
			d.checkFits(label("status line"))
			d.keys("enter")
			d.checkFits(label("detail"))
			d.keys("?")
			d.checkFits(label("detail, full help"))
			d.keys("?", "G")
			d.checkFits(label("detail, bottom"))
			d.keys("n", "n", "n")
			d.checkFits(label("detail, past the last note"))
			d.keys("esc", "f", "f")
			d.checkFits(label("empty scope"))
		}
	}
}

func sizeLabel(sz [2]int) string { return fmt.Sprintf("%d×%d", sz[0], sz[1]) }

func TestTinyTerminalAsksForMoreRoom(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	for _, sz := range [][2]int{{39, 24}, {80, 11}, {20, 5}, {2, 1}} {
		d.send(sizeMsg(sz[0], sz[1]))
		if sz[0] >= 20 {
			d.mustContain("请放大窗口")
		}
		d.mustNotContain(testTitles[0])
		d.checkFits("tiny " + sizeLabel(sz))
	}
	d.send(sizeMsg(80, 24))
	d.mustNotContain("请放大窗口")
	d.mustContain(testTitles[0], testTitles[10])
	d.checkFits("recovered")

	// The reading view recovers too, with a rendering for the new width.
	d.keys("enter")
	d.send(sizeMsg(30, 10))
	d.mustContain("请放大窗口")
	d.send(sizeMsg(100, 30))
	if !d.m.detail.loaded || d.m.detail.shown.width != d.m.detail.wrapWidth() {
		t.Errorf("reading view not re-rendered after recovery: %+v", d.m.detail.shown)
	}
	d.checkFits("reading view recovered")
}

func TestLanguage(t *testing.T) {
	zh := newDriver(t, Options{Lang: "zh"}, 100, 30)
	zh.mustContain("11 题", "新 11", "到期 0", "按 / 筛选", "打开", "退出")
	en := newDriver(t, Options{Lang: "en"}, 100, 30)
	en.mustContain("11 notes", "11 new", "0 due", "/ to filter", "open", "quit")
	en.mustNotContain("筛选", "退出", "到期")
	en.keys("s")
	en.mustContain("Self-test · all", "show answer")
	en.send(sizeMsg(30, 8))
	en.mustContain("Please enlarge")
}

// colourSGR matches an SGR sequence that sets a foreground or background
// colour.
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;:]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)

func TestNoColor(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 100, 30)
	views := []string{d.m.View().Content}
	d.keys("/")
	d.typeText("注意")
	views = append(views, d.m.View().Content)
	d.keys("enter", "enter")
	views = append(views, d.m.View().Content)
	d.keys("?")
	views = append(views, d.m.View().Content)
	for i, v := range views {
		if loc := colourSGR.FindStringIndex(v); loc != nil {
			t.Errorf("view %d sets a colour under NO_COLOR: %q", i, v[max(0, loc[0]-20):loc[1]])
		}
	}
	if got := d.m.c.renderStyle(); got != render.Plain {
		t.Errorf("NO_COLOR renders notes with style %v", got)
	}
	// A light background answer must not bring colours back.
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if loc := colourSGR.FindStringIndex(d.m.View().Content); loc != nil {
		t.Error("colours after the background answer under NO_COLOR")
	}
}

func TestBackgroundColourPicksStyles(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	if !d.m.c.dark || d.m.c.renderStyle() != render.Dark {
		t.Fatal("the app does not start dark")
	}
	d.keys("enter")
	if d.m.detail.want.style != render.Dark {
		t.Fatalf("first rendering style %v", d.m.detail.want.style)
	}
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.c.dark || d.m.c.renderStyle() != render.Light {
		t.Fatal("a white background did not switch to light")
	}
	if d.m.detail.want.style != render.Light {
		t.Errorf("open note not re-rendered light: want %+v", d.m.detail.want)
	}
	if d.m.detail.err == nil && d.m.detail.shown.style != render.Light {
		t.Errorf("open note shows style %v", d.m.detail.shown.style)
	}
	d.send(tea.BackgroundColorMsg{Color: color.Black})
	if !d.m.c.dark || d.m.detail.want.style != render.Dark {
		t.Error("a black background did not switch back to dark")
	}
}

func TestInitAsksForTheBackground(t *testing.T) {
	m := New(Options{Deck: testDeck(), Store: newTestStore(t), Lang: "zh"})
	// The query must not block: the first frame is drawn dark at once.
	m2, _ := m.Update(sizeMsg(80, 24))
	if !strings.Contains(stripForTest(m2.(*Model).View().Content), testTitles[0]) {
		t.Error("no list before the background answer")
	}
	msgs := (&driver{t: t}).exec(m.Init())
	bgQuery := reflect.TypeOf(tea.RequestBackgroundColor())
	var progress, query bool
	for _, msg := range msgs {
		_, ok := msg.(progressLoadedMsg)
		progress = progress || ok
		query = query || reflect.TypeOf(msg) == bgQuery
	}
	if !progress || !query {
		t.Errorf("Init sends %T; want the progress snapshot and the background query", msgs)
	}
	if v := m.View(); !v.AltScreen {
		t.Error("the view is not in the alternate screen")
	}
}
