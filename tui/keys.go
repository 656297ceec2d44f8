package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/viewport"
)

// globalKeys work in every view (help only when no text box has focus).
type globalKeys struct {
	ForceQuit key.Binding
	Help      key.Binding
}

// listKeys are the list view's bindings.
type listKeys struct {
	Up, Down, PrevPage, NextPage, Top, Bottom key.Binding
	Filter, ClearFilter, AcceptFilter         key.Binding
	CancelFilter                              key.Binding
	Open, Bookmark, Scope, Study, Quit        key.Binding
}

// detailKeys are the reading view's bindings.
type detailKeys struct {
	Up, Down, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
	Next, Prev, Bookmark, Test, Back                          key.Binding
}

// keyMap is every binding of the app, with help text in the interface
// language.
type keyMap struct {
	Global globalKeys
	List   listKeys
	Detail detailKeys
}

func newKeyMap(t text) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Global: globalKeys{
			ForceQuit: b("ctrl+c", t.KeyForceQuit, "ctrl+c"),
			Help:      b("?", t.KeyHelp, "?"),
		},
		List: listKeys{
			Up:           b("↑/k", t.KeyUp, "up", "k"),
			Down:         b("↓/j", t.KeyDown, "down", "j"),
			PrevPage:     b("←/pgup", t.KeyPageUp, "left", "h", "pgup"),
			NextPage:     b("→/pgdn", t.KeyPageDown, "right", "l", "pgdown"),
			Top:          b("g/home", t.KeyTop, "g", "home"),
			Bottom:       b("G/end", t.KeyBottom, "G", "end"),
			Filter:       b("/", t.KeyFilter, "/"),
			ClearFilter:  b("esc", t.KeyClearFilter, "esc"),
			AcceptFilter: b("enter", t.KeyApplyFilter, "enter", "tab"),
			CancelFilter: b("esc", t.KeyCancelFilter, "esc"),
			Open:         b("enter", t.KeyOpen, "enter"),
			Bookmark:     b("b", t.KeyBookmark, "b"),
			Scope:        b("f", t.KeyScope, "f"),
			Study:        b("s", t.KeyStudy, "s"),
			Quit:         b("q", t.KeyQuit, "q"),
		},
		Detail: detailKeys{
			Up:       b("↑/k", t.KeyUp, "up", "k"),
			Down:     b("↓/j", t.KeyDown, "down", "j"),
			PageDown: b("space/pgdn", t.KeyPageDown, "space", "pgdown"),
			PageUp:   b("pgup", t.KeyPageUp, "pgup"),
			HalfDown: b("d", t.KeyHalfDown, "d", "ctrl+d"),
			HalfUp:   b("u", t.KeyHalfUp, "u", "ctrl+u"),
			Top:      b("g/home", t.KeyTop, "g", "home"),
			Bottom:   b("G/end", t.KeyBottom, "G", "end"),
			Next:     b("n/→", t.KeyNext, "n", "right"),
			Prev:     b("p/←", t.KeyPrev, "p", "left"),
			Bookmark: b("b", t.KeyBookmark, "b"),
			Test:     b("t", t.KeyTestNote, "t"),
			Back:     b("q/esc", t.KeyBack, "q", "esc"),
		},
	}
}

// helpBinding returns the help key described for the current help state.
func (g globalKeys) helpBinding(t text, showAll bool) key.Binding {
	h := g.Help
	if showAll {
		h.SetHelp("?", t.KeyCloseHelp)
	}
	return h
}

// bubblesListKeys maps our list bindings onto the bubbles list, which does
// the cursor and filter work. Its quit and help keys get no keys at all:
// the root model owns them, and bubbles' defaults (f, b, d, u for paging)
// would steal our commands.
func (k listKeys) bubblesListKeys() list.KeyMap {
	none := key.NewBinding()
	return list.KeyMap{
		CursorUp:             k.Up,
		CursorDown:           k.Down,
		PrevPage:             k.PrevPage,
		NextPage:             k.NextPage,
		GoToStart:            k.Top,
		GoToEnd:              k.Bottom,
		Filter:               k.Filter,
		ClearFilter:          k.ClearFilter,
		CancelWhileFiltering: k.CancelFilter,
		AcceptWhileFiltering: k.AcceptFilter,
		ShowFullHelp:         none,
		CloseFullHelp:        none,
		Quit:                 none,
		ForceQuit:            none,
	}
}

// viewportKeys maps our reading bindings onto the viewport; horizontal
// scrolling is off because notes are wrapped to the width.
func (k detailKeys) viewportKeys() viewport.KeyMap {
	none := key.NewBinding()
	return viewport.KeyMap{
		PageDown:     k.PageDown,
		PageUp:       k.PageUp,
		HalfPageUp:   k.HalfUp,
		HalfPageDown: k.HalfDown,
		Down:         k.Down,
		Up:           k.Up,
		Left:         none,
		Right:        none,
	}
}
