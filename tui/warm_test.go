package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// When the list's cursor rests on a note, its reading view is rendered
// ahead; enter then shows it with no render command. A cursor that moved
// on before the delay renders nothing.
func TestRenderAheadOfOpening(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	var fired []tea.Msg
	// The delay's timer, by hand: record what it would send.
	d.m.c.after = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { fired = append(fired, fn(time.Now())); return nil }
	}
	d.keys("j", "j")
	if len(fired) != 2 {
		t.Fatalf("%d rests asked for, want one per move", len(fired))
	}
	// The first rest is stale (the cursor moved on): it renders nothing.
	if cmd := d.m.warm(fired[0].(warmMsg)); cmd != nil {
		t.Error("a stale rest rendered")
	}
	cmd := d.m.warm(fired[1].(warmMsg))
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
	if cmd := d.m.warm(warmMsg{id: "note-03"}); cmd != nil {
		t.Error("a rest reaching the reading view rendered")
	}
}
