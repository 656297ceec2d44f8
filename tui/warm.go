package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
)

// Rendering ahead: when the list's cursor rests on a note, its reading
// view is rendered in the background, so that enter shows it at once. A
// note's first render takes a few milliseconds to over ten for the longest
// ones; this moves that cost off the keypress.

// warmDelay is how long the cursor must rest on a note before its
// rendering is made: a fast scroll through the list renders nothing.
const warmDelay = 150 * time.Millisecond

// readingKey is the rendering the reading view would ask for n at the
// current window size and style.
func (c *common) readingKey(n *notes.Note) renderKey {
	w := max(1, min(readingWidth, c.width-c.styles.Viewport.GetHorizontalFrameSize()))
	return renderKey{id: n.ID, width: w, style: c.renderStyle()}
}

// warmSoon notes that the cursor moved onto a note now and asks to hear
// when warmDelay has passed, unless it has asked already: a key held
// down sends one message each warmDelay, not one per row (every message
// costs an Update and a View). nil when the clock is off (tests).
func (m *listModel) warmSoon() tea.Cmd {
	if m.c.after == nil {
		return nil
	}
	m.movedAt = m.c.now()
	if m.warmWaiting {
		return nil
	}
	m.warmWaiting = true
	return m.c.after(warmDelay, func(time.Time) tea.Msg { return warmMsg{} })
}

// warm renders the list's selected note ahead once the cursor has rested
// on it for warmDelay, and waits for the rest of the delay if it has not;
// the result is cached like any other rendering.
func (m *Model) warm() tea.Cmd {
	l := &m.list
	l.warmWaiting = false
	if m.active != viewList || m.c.tooSmall() {
		return nil
	}
	if rest := m.c.now().Sub(l.movedAt); rest < warmDelay {
		l.warmWaiting = true
		return m.c.after(warmDelay-rest, func(time.Time) tea.Msg { return warmMsg{} })
	}
	it, ok := l.list.SelectedItem().(noteItem)
	if !ok {
		return nil
	}
	k := m.c.readingKey(it.note)
	if _, ok := m.c.renders[k]; ok {
		return nil
	}
	return renderNoteCmd(m.c.renderer, m.c.withRelated(it.note), k)
}
