package tui

// Benchmarks of the interface's hot paths, in process: each op is what
// one keypress costs the update loop (Update, the commands it must run
// before the next frame, and View), for the embedded deck with a year of
// reviews and for a generated deck of 10,000 notes with 1,000 bookmarks
// and 100,000 reviews (notes/deckgen), on a real bbolt store. The
// window is 100×30. .ci/bench collects them into one table.

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
	"mianjing/notes/deckgen"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/render"
)

const benchW, benchH = 100, 30

// benchCase is a deck and a store opened on a private copy of its file.
type benchCase struct {
	name string
	deck *notes.Deck
	st   *store.Bolt
}

// benchCases opens the embedded deck with deckgen.Small's progress and
// the 10,000-note deck with deckgen.Large's.
func benchCases(b *testing.B) []benchCase {
	b.Helper()
	emb, embDB, fx, err := deckgen.BenchPair(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	big, err := notes.LoadDir(fx.DeckDir)
	if err != nil {
		b.Fatal(err)
	}
	bigDB := filepath.Join(b.TempDir(), "large.db")
	if err := deckgen.CopyFile(bigDB, fx.DB); err != nil {
		b.Fatal(err)
	}
	var cases []benchCase
	for _, c := range []struct {
		name string
		deck *notes.Deck
		db   string
	}{{"embedded", emb, embDB}, {"10k", big, bigDB}} {
		st, err := store.Open(c.db)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		cases = append(cases, benchCase{c.name, c.deck, st})
	}
	return cases
}

// benchApp returns the app on c at 100×30 with its progress loaded, as
// the first frame shows it.
func benchApp(b *testing.B, c benchCase) *syncRun {
	b.Helper()
	s := newSyncRun(Options{Deck: c.deck, Store: c.st, Lang: "zh", Now: deckgen.Now})
	if err := s.init(); err != nil {
		b.Fatal(err)
	}
	s.must(b, tea.WindowSizeMsg{Width: benchW, Height: benchH})
	if len(s.m.c.bookmarks) == 0 {
		b.Fatal("the progress did not load")
	}
	return s
}

// view draws the frame, as the program does after every Update.
func (s *syncRun) view() string { return s.m.View().Content }

// BenchmarkListMove is one cursor move in the list and the next frame;
// the cursor walks down the whole deck and back up, across pages.
func BenchmarkListMove(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			s := benchApp(b, c)
			// The first and last rows that are notes: the embedded deck's
			// list has chapter headings, which the cursor steps over.
			first, last := -1, -1
			for i, it := range s.m.list.list.Items() {
				if _, ok := it.(noteItem); ok {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			down, up := press("down"), press("up")
			dir := down
			b.ReportAllocs()
			for b.Loop() {
				if i := s.m.list.list.Index(); i >= last {
					dir = up
				} else if i <= first {
					dir = down
				}
				m, _ := s.m.Update(dir)
				s.m = m.(*Model)
				_ = s.view()
			}
		})
	}
}

// BenchmarkFilterKeystroke is one keystroke in the filter box: the box
// holds "注意" and each op types "力" (a backspace, untimed, deletes it
// again), filters the deck (the list's filter command, run before the
// frame as the program would run it) and draws the next frame.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			s := benchApp(b, c)
			s.must(b, press("/"), press("注"), press("意"))
			if !s.m.list.list.SettingFilter() || len(s.m.list.list.VisibleItems()) == 0 {
				b.Fatal("the filter box is not open on matches")
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := s.deliver(press("力")); err != nil {
					b.Fatal(err)
				}
				_ = s.view()
				// Backspace returns to the kept result for "注意"
				// (narrowingFilter): untimed, so that each op is a search.
				b.StopTimer()
				if err := s.deliver(press("backspace")); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkDetailScroll is one line of scrolling in the reading view and
// the next frame, on the deck's longest note, down to its end and back up.
func BenchmarkDetailScroll(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			s := benchApp(b, c)
			longest := 0
			for i, n := range c.deck.Notes {
				if len(n.Body) > len(c.deck.Notes[longest].Body) {
					longest = i
				}
			}
			s.m.list.selectNote(longest)
			s.must(b, press("enter"))
			if s.m.active != viewDetail || !s.m.detail.loaded {
				b.Fatal("the note did not open")
			}
			down, up := press("j"), press("k")
			dir := down
			b.ReportAllocs()
			for b.Loop() {
				if s.m.detail.vp.AtBottom() {
					dir = up
				} else if s.m.detail.vp.AtTop() {
					dir = down
				}
				m, _ := s.m.Update(dir)
				s.m = m.(*Model)
				_ = s.view()
			}
		})
	}
}

// BenchmarkOpenNote is enter on a list row until the note's first frame:
// "first" renders the note (a renderer that has rendered another note
// before, but never this one), "cached" shows a rendering made before.
// The way back to the list is not timed.
func BenchmarkOpenNote(b *testing.B) {
	for _, c := range benchCases(b) {
		for _, cached := range []bool{false, true} {
			name := c.name + "/first"
			if cached {
				name = c.name + "/cached"
			}
			b.Run(name, func(b *testing.B) {
				s := benchApp(b, c)
				n := len(c.deck.Notes)
				note := 0
				enter, esc := press("enter"), press("esc")
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					if !cached {
						// A renderer that knows glamour but not this note.
						r := render.New()
						if _, err := r.Render("# warm up", readingWidth, s.m.c.renderStyle()); err != nil {
							b.Fatal(err)
						}
						s.m.c.renderer = r
						clear(s.m.c.renders)
						note = (note + 1) % n
					}
					if !s.m.list.selectNote(note) {
						b.Fatalf("note %d is not in the list", note)
					}
					b.StartTimer()
					s.must(b, enter)
					if !s.m.detail.loaded {
						b.Fatal("the note is not shown")
					}
					_ = s.view()
					b.StopTimer()
					s.must(b, esc)
					b.StartTimer()
				}
			})
		}
	}
}

// BenchmarkGrade is a grade keypress with the answer shown, until the next
// question's frame; the store write it starts is not awaited (it runs,
// untimed, before the next op, as does revealing the next answer).
func BenchmarkGrade(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			s := benchApp(b, c)
			ids := make([]string, len(c.deck.Notes))
			for i, n := range c.deck.Notes {
				ids[i] = n.ID
			}
			start := func() {
				s.must(b, startQuizMsg{ids: ids, mode: store.ModeAll})
			}
			start()
			grade := press("3")
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				if s.m.quiz.step == quizSummary {
					s.must(b, press("esc"))
					start()
				}
				if s.m.quiz.step == quizQuestion {
					s.must(b, press("space"))
				}
				if s.m.quiz.step != quizAnswer || !s.m.quiz.loaded {
					b.Fatalf("no answer shown (step %d)", s.m.quiz.step)
				}
				b.StartTimer()
				m, save := s.m.Update(grade)
				s.m = m.(*Model)
				_ = s.view()
				b.StopTimer()
				if s.m.quiz.step != quizQuestion && s.m.quiz.step != quizSummary {
					b.Fatalf("no next question (step %d)", s.m.quiz.step)
				}
				s.must(b, execCmd(save)...)
				b.StartTimer()
			}
		})
	}
}

// BenchmarkStatsData is what the stats screen reads and computes before it
// can draw (loadStatsJob): cards, bookmarks, settings and the whole review
// log from bbolt, then srs.ComputeStats.
func BenchmarkStatsData(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			ids := make([]string, len(c.deck.Notes))
			for i, n := range c.deck.Notes {
				ids[i] = n.ID
			}
			b.ReportAllocs()
			for b.Loop() {
				in, err := store.StatsInput(c.st, ids, deckgen.Now())
				if err != nil {
					b.Fatal(err)
				}
				if st := srs.ComputeStats(in); st.Empty {
					b.Fatal("no reviews")
				}
			}
		})
	}
}

// BenchmarkFirstFrame is the app's own part of start-up, in process: New,
// Init's progress read, the window size and the first View. The deck and
// the store are loaded and opened already (see BenchmarkStartup at the
// top level for the whole process).
func BenchmarkFirstFrame(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := newSyncRun(Options{Deck: c.deck, Store: c.st, Lang: "zh", Now: deckgen.Now})
				if err := s.init(); err != nil {
					b.Fatal(err)
				}
				s.must(b, tea.WindowSizeMsg{Width: benchW, Height: benchH})
				_ = s.view()
			}
		})
	}
}
