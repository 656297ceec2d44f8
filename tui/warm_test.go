package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// When the list's cursor rests on a note, its reading view is rendered
// ahead; enter then shows it with no render command. Moves ask for one
// timer between them, not one each, and a rest cut short by a move
// waits for what is left of it.
func TestRenderAheadOfOpening(t *testing.T) {
	clk := newClock()
	d := newDriver(t, clk.opts(Options{}), 100, 30)
	type timer struct {
		after time.Duration
		fire  func(time.Time) tea.Msg
	}
	var timers []timer
	// The delay's timer, by hand: record what was asked for.
	d.m.c.after = func(after time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		timers = append(timers, timer{after, fn})
		return nil
	}
	fire := func() tea.Cmd {
		t.Helper()
		if len(timers) == 0 {
			t.Fatal("no timer to fire")
		}
		tm := timers[0]
		timers = timers[1:]
		m, cmd := d.m.Update(tm.fire(clk.now()))
		d.m = m.(*Model)
		return cmd
	}
	d.keys("j")
	clk.add(100 * time.Millisecond)
	d.keys("j")
	if len(timers) != 1 || timers[0].after != warmDelay {
		t.Fatalf("two moves asked for %+v; want one timer of %v", timers, warmDelay)
	}
	// The timer ends 150 ms after the first move, 50 ms into the rest on
	// note 3: it waits for the other 100 ms and renders nothing yet.
	clk.add(50 * time.Millisecond)
	if cmd := fire(); cmd != nil {
		t.Error("a rest cut short rendered")
	}
	if len(timers) != 1 || timers[0].after != 100*time.Millisecond {
		t.Fatalf("after a rest cut short, timers %+v; want one of 100ms", timers)
	}
	clk.add(100 * time.Millisecond)
	cmd := fire()
	if cmd == nil {
		t.Fatal("resting on note 3 rendered nothing ahead")
	}
	d.run(cmd)
	k := d.m.c.readingKey(&d.m.c.deck.Notes[2])
	if _, ok := d.m.c.renders[k]; !ok {
		t.Fatalf("no cached rendering for %+v", k)
	}
	m, open := d.m.Update(press("enter"))
	d.m = m.(*Model)
	for _, msg := range d.exec(open) {
		if _, ok := msg.(noteRenderedMsg); ok {
			t.Error("opening the warmed note rendered it again")
		}
	}
	if !d.m.detail.loaded || d.m.detail.shown != k {
		t.Errorf("the note is not shown at once: loaded %v, shown %+v, want %+v", d.m.detail.loaded, d.m.detail.shown, k)
	}
	// A timer that ends in the reading view renders nothing, and the next
	// move in the list asks for a new one.
	d.keys("esc", "j")
	if len(timers) != 1 {
		t.Fatalf("back in the list, a move asked for %d timers; want 1", len(timers))
	}
	d.keys("enter")
	clk.add(time.Second)
	if cmd := fire(); cmd != nil {
		t.Error("a rest ending in the reading view rendered")
	}
	d.keys("esc", "j")
	if len(timers) != 1 {
		t.Errorf("after a timer ended elsewhere, a move asked for %d timers; want 1", len(timers))
	}
}
