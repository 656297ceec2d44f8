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

// warmSoon asks to render the list's selected note ahead once the cursor
// has rested on it for warmDelay; nil when the clock is off (tests) or
// nothing is selected.
func (m *listModel) warmSoon() tea.Cmd {
	it, ok := m.list.SelectedItem().(noteItem)
	if !ok || m.c.after == nil {
		return nil
	}
	id := it.note.ID
	return m.c.after(warmDelay, func(time.Time) tea.Msg { return warmMsg{id: id} })
}

// warm renders note id ahead if the cursor is still on it and the
// rendering is not cached yet; the result is cached like any other.
func (m *Model) warm(msg warmMsg) tea.Cmd {
	it, ok := m.list.list.SelectedItem().(noteItem)
	if m.active != viewList || !ok || it.note.ID != msg.id || m.c.tooSmall() {
		return nil
	}
	k := m.c.readingKey(it.note)
	if _, ok := m.c.renders[k]; ok {
		return nil
	}
	return renderNoteCmd(m.c.renderer, m.c.withRelated(it.note), k)
}
