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
	Open, Bookmark, Scope, Study, StudyAll    key.Binding
	Stats, Quit, Interview                    key.Binding
	Chapter, PrevChapter, NextChapter         key.Binding
	Suspend, Reset, Cram                      key.Binding
	// Difficulty only documents the "d:3" filter term in help: its key is
	// the filter's and it is never matched.
	Difficulty key.Binding
	// Tag documents the "#tag" filter term the same way.
	Tag key.Binding
}

// scrollKeys move through a page taller than the window: the reading
// view's and the stats screen's.
type scrollKeys struct {
	Up, Down, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
}

// detailKeys are the reading view's bindings.
type detailKeys struct {
	scrollKeys
	Next, Prev, Bookmark, Test, Back key.Binding
	// Search in the note: / opens the box, enter keeps the query and esc
	// drops it; n/N step through matches and esc clears them.
	Search, AcceptSearch, CancelSearch      key.Binding
	NextMatch, PrevMatch, ClearSearch       key.Binding
	NextHeading, PrevHeading, Answers, Edit key.Binding
	Suspend, Reset                          key.Binding
	// Related starts opening a related note: r, then its number.
	Related key.Binding
}

// statsKeys are the stats screen's bindings.
type statsKeys struct {
	scrollKeys
	Sort, Study, Back key.Binding
}

// quizKeys are the self-test's bindings. Tick stands for the six point
// keys in help; quizTickKeys says which key ticks which point.
type quizKeys struct {
	Type, StopTyping, Reveal                key.Binding
	Tick, Again, Hard, Good, Easy, Accept   key.Binding
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Bookmark, Undo, End, Confirm, Cancel    key.Binding
	StudyMarked, StudyAll, Back             key.Binding
	// Full shows the reference answer alone, full screen, and back.
	Full key.Binding
}

// interviewKeys are the mock interview's bindings; Tick stands for the
// point keys (quizTickKeys), as in the self-test.
type interviewKeys struct {
	Type, StopTyping, Reveal              key.Binding
	Tick, Again, Hard, Good, Easy, Accept key.Binding
	Up, Down, PageUp, PageDown            key.Binding
	Undo, End, Confirm, Cancel, Back      key.Binding
}

// quizTickKeys tick the key points, in order: the home row, which leaves
// b (bookmark), u (undo) and the digits (grades) alone.
var quizTickKeys = [...]string{"a", "s", "d", "f", "g", "h"}

// keyMap is every binding of the app, with help text in the interface
// language.
type keyMap struct {
	Global    globalKeys
	List      listKeys
	Detail    detailKeys
	Quiz      quizKeys
	Stats     statsKeys
	Interview interviewKeys
}

func newKeyMap(t text) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	scroll := scrollKeys{
		Up:       b("↑/k", t.KeyUp, "up", "k"),
		Down:     b("↓/j", t.KeyDown, "down", "j"),
		PageDown: b("space/pgdn", t.KeyPageDown, "space", "pgdown"),
		PageUp:   b("pgup", t.KeyPageUp, "pgup"),
		HalfDown: b("d", t.KeyHalfDown, "d", "ctrl+d"),
		HalfUp:   b("u", t.KeyHalfUp, "u", "ctrl+u"),
		Top:      b("g/home", t.KeyTop, "g", "home"),
		Bottom:   b("G/end", t.KeyBottom, "G", "end"),
	}
	km := keyMap{
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
			StudyAll:     b("a", t.KeyStudyAll, "a"),
			Stats:        b("S", t.KeyStats, "S"),
			Quit:         b("q", t.KeyQuit, "q"),
			Interview:    b("m", t.KeyInterview, "m"),
			Chapter:      b("c", t.KeyChapter, "c"),
			Suspend:      b("x", t.KeySuspend, "x"),
			Reset:        b("R", t.KeyReset, "R"),
			Cram:         b("C", t.KeyCram, "C"),
			PrevChapter:  b("[", t.KeyPrevChapter, "["),
			NextChapter:  b("]", t.KeyNextChapter, "]"),
			Difficulty:   b("d:N", t.KeyDifficulty, "/"),
			Tag:          b("#tag", t.KeyTag, "/"),
		},
		Detail: detailKeys{
			scrollKeys: scroll,
			Next:       b("n/→", t.KeyNext, "n", "right"),
			Prev:       b("p/←", t.KeyPrev, "p", "left"),
			Bookmark:   b("b", t.KeyBookmark, "b"),
			Test:       b("t", t.KeyTestNote, "t"),
			Suspend:    b("x", t.KeySuspend, "x"),
			Reset:      b("R", t.KeyReset, "R"),
			Back:       b("q/esc", t.KeyBack, "q", "esc"),

			Search:       b("/", t.KeySearch, "/"),
			AcceptSearch: b("enter", t.KeyApplyFilter, "enter"),
			CancelSearch: b("esc", t.KeyCancelFilter, "esc"),
			NextMatch:    b("n", t.KeyNextMatch, "n"),
			PrevMatch:    b("N", t.KeyPrevMatch, "N"),
			ClearSearch:  b("esc", t.KeyClearSearch, "esc"),
			NextHeading:  b("}", t.KeyNextHeading, "}"),
			PrevHeading:  b("{", t.KeyPrevHeading, "{"),
			Answers:      b("h", t.KeyShowAnswers, "h"),
			Related:      b("r", t.KeyRelated, "r"),
			Edit:         b("e", t.KeyEdit, "e"),
		},
		Quiz: quizKeys{
			Type:        b("i/tab", t.KeyType, "i", "tab"),
			StopTyping:  b("esc/tab", t.KeyStopTyping, "esc", "tab"),
			Reveal:      b("space/enter", t.KeyReveal, "space", "enter"),
			Tick:        b("a–h", t.KeyTick, quizTickKeys[:]...),
			Again:       b("1", t.GradeAgain, "1"),
			Hard:        b("2", t.GradeHard, "2"),
			Good:        b("3", t.GradeGood, "3"),
			Easy:        b("4", t.GradeEasy, "4"),
			Accept:      b("space/enter", t.KeyAccept, "space", "enter"),
			Up:          b("↑/k", t.KeyUp, "up", "k"),
			Down:        b("↓/j", t.KeyDown, "down", "j"),
			PageUp:      b("pgup", t.KeyPageUp, "pgup"),
			PageDown:    b("pgdn", t.KeyPageDown, "pgdown"),
			Top:         b("home", t.KeyTop, "home"),
			Bottom:      b("end", t.KeyBottom, "end"),
			Bookmark:    b("b", t.KeyBookmark, "b"),
			Undo:        b("u", t.KeyUndo, "u"),
			End:         b("esc/q", t.KeyEnd, "esc", "q"),
			Confirm:     b("y/enter", t.KeyConfirm, "y", "enter"),
			Cancel:      b("n/esc", t.KeyCancel, "n", "esc"),
			StudyMarked: b("b", t.KeyStudyMarked, "b"),
			StudyAll:    b("a", t.KeyStudyAll, "a"),
			Full:        b("z", t.KeyFull, "z"),
			Back:        b("enter/esc", t.KeyToList, "enter", "esc", "q"),
		},
		Stats: statsKeys{
			scrollKeys: scroll,
			Sort:       b("o", t.KeySort, "o"),
			Study:      b("s", t.KeyStudy, "s"),
			Back:       b("q/esc", t.KeyBack, "q", "esc"),
		},
	}
	// The interview answers, reveals and grades as the self-test does;
	// only ending it says so.
	q := km.Quiz
	km.Interview = interviewKeys{Type: q.Type, StopTyping: q.StopTyping, Reveal: q.Reveal, Tick: q.Tick,
		Again: q.Again, Hard: q.Hard, Good: q.Good, Easy: q.Easy, Accept: q.Accept,
		Up: q.Up, Down: q.Down, PageUp: q.PageUp, PageDown: q.PageDown, Undo: q.Undo,
		End: b("esc/q", t.KeyIvEnd, "esc", "q"), Confirm: q.Confirm, Cancel: q.Cancel, Back: q.Back}
	return km
}

// helpBinding returns the help key described for the current help state.
func (g globalKeys) helpBinding(t text, showAll bool) key.Binding {
	h := g.Help
	if showAll {
		h.SetHelp("?", t.KeyCloseHelp)
	}
	return h
}

// viewportKeys maps the self-test's scrolling bindings onto the answer's
// viewport. Half pages are off: d ticks a point and u undoes.
func (k quizKeys) viewportKeys() viewport.KeyMap {
	none := key.NewBinding()
	return scrollKeyMap(k.Up, k.Down, k.PageUp, k.PageDown, none, none)
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

// viewportKeys maps our scrolling bindings onto a viewport.
func (k scrollKeys) viewportKeys() viewport.KeyMap {
	return scrollKeyMap(k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown)
}

// scrollKeyMap is a viewport key map from our bindings; horizontal
// scrolling is off because notes are wrapped to the width.
func scrollKeyMap(up, down, pageUp, pageDown, halfUp, halfDown key.Binding) viewport.KeyMap {
	none := key.NewBinding()
	return viewport.KeyMap{
		PageDown:     pageDown,
		PageUp:       pageUp,
		HalfPageUp:   halfUp,
		HalfPageDown: halfDown,
		Down:         down,
		Up:           up,
		Left:         none,
		Right:        none,
	}
}
