package tui

import (
	"errors"
	"image/color"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// freshView draws m's frame with the list's and the reading view's drawn
// chrome thrown away, as the views drew it before they kept it.
func freshView(m *Model) string {
	c := *m
	c.list.chrome = listChrome{}
	c.detail.help = helpCache{}
	return c.View().Content
}

// chromeCurrent reports whether View finds the active view's drawn chrome
// current, and so draws none of it: the point of drawing it in Update.
func chromeCurrent(m *Model) bool {
	switch m.active {
	case viewList:
		l := &m.list
		room := l.helpRoom(l.header(), l.filterLine(), m.c.statusLine(l.width, ""))
		return l.chrome.header != "" && l.chrome.headerKey == l.headerKey() &&
			l.chrome.help.in.same(m.c.helpInput(l.helpKeys(), l.width, room, minListRows))
	case viewDetail:
		d := &m.detail
		return d.help.in.same(m.c.helpInput(d.helpKeys(), d.width, d.helpRoom(d.statusLine()), minReadRows))
	}
	return true
}

// The header and help that the list and the reading view draw in Update
// are what View would draw itself, whatever changed since, and a cursor
// move or a scroll finds them current.
func TestChromeDrawnInUpdateIsNeverStale(t *testing.T) {
	clk := newClock()
	st := quizStore(t)
	o := chapterDeck()
	o.Store = st
	d := newDriver(t, clk.opts(o), 100, 16)
	check := func(label string) {
		t.Helper()
		if got, want := d.m.View().Content, freshView(d.m); got != want {
			t.Fatalf("%s: the frame differs from a fresh draw:\n%s\nwant:\n%s", label, got, want)
		}
		if !chromeCurrent(d.m) {
			t.Errorf("%s: View would draw the chrome again", label)
		}
	}
	check("first frame")
	steps := []struct {
		label string
		do    func()
	}{
		{"cursor moves", func() { d.keys("down", "down", "down") }},
		{"next page", func() { d.keys("pgdown") }},
		{"bookmark", func() { d.keys("b") }},
		{"scope", func() { d.keys("f") }},
		{"scope back", func() { d.keys("f", "f") }},
		{"chapter", func() { d.keys("c") }},
		{"next chapter", func() { d.keys("]") }},
		{"whole deck", func() { d.keys("c") }},
		{"full help", func() { d.keys("?") }},
		{"short help", func() { d.keys("?") }},
		{"filter box", func() { d.keys("/") }},
		{"typing", func() { d.typeText("注意") }},
		{"filter applied", func() { d.keys("enter") }},
		{"filter cleared", func() { d.keys("esc") }},
		{"resize", func() { d.send(sizeMsg(90, 30)) }},
		{"light background", func() { d.send(tea.BackgroundColorMsg{Color: color.White}) }},
		{"the study day rolls over", func() { clk.add(3 * 24 * time.Hour); d.keys("down") }},
		{"failed write", func() { st.FailWrites(errors.New("disk full")); d.keys("b") }},
		{"status cleared", func() { st.FailWrites(nil); d.keys("up") }},
		{"reading view", func() { d.keys("enter") }},
		{"scroll", func() { d.keys("j", "j") }},
		{"full help while reading", func() { d.keys("?") }},
		{"search box", func() { d.keys("/") }},
		{"search typed", func() { d.typeText("显存") }},
		{"search applied", func() { d.keys("enter") }},
		{"next match", func() { d.keys("n") }},
		{"search cleared", func() { d.keys("esc") }},
		{"answers shown", func() { d.keys("h") }},
		{"next note", func() { d.keys("right") }},
		{"dark again", func() { d.send(tea.BackgroundColorMsg{Color: color.Black}) }},
		{"back to the list", func() { d.keys("esc") }},
	}
	for _, s := range steps {
		s.do()
		check(s.label)
	}
}
