package tui

import (
	"slices"
	"strings"
	"testing"
)

// chapterDeck is testDeck in three chapters: notes 1–4, 5–8 and 9–11.
func chapterDeck() Options {
	d := testDeck()
	for i := range d.Notes {
		d.Notes[i].Chapter = []string{"架构", "推理", "应用"}[min(i/4, 2)]
	}
	return Options{Deck: d}
}

// rowLines returns the screen's lines that are list rows or headings.
func headingRows(screen string) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "── ") {
			out = append(out, strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "─")))
		}
	}
	return out
}

func TestListShowsChapterHeadings(t *testing.T) {
	d := newDriver(t, chapterDeck(), 100, 30)
	got := headingRows(d.screen())
	want := []string{"架构 · 4 题", "推理 · 4 题", "应用 · 3 题"}
	if !slices.Equal(got, want) {
		t.Fatalf("headings %q, want %q:\n%s", got, want, d.screen())
	}
	// A deck without chapters has no headings.
	plain := newDriver(t, Options{}, 100, 30)
	if got := headingRows(plain.screen()); len(got) != 0 {
		t.Errorf("headings in a deck without chapters: %q", got)
	}
}

// The cursor never rests on a heading, however it moves.
func TestCursorStepsOverHeadings(t *testing.T) {
	d := newDriver(t, chapterDeck(), 100, 30)
	if id := d.selectedID(); id != "note-01" {
		t.Fatalf("first selection %q, want note-01 (not the heading above it)", id)
	}
	d.keys("k")
	if id := d.selectedID(); id != "note-01" {
		t.Errorf("k on the first note selected %q", id)
	}
	d.keys("j", "j", "j", "j")
	if id := d.selectedID(); id != "note-05" {
		t.Errorf("four j from note 1: %q, want note-05 past the heading", id)
	}
	d.keys("k")
	if id := d.selectedID(); id != "note-04" {
		t.Errorf("k from note 5: %q, want note-04 past the heading", id)
	}
	d.keys("G")
	if id := d.selectedID(); id != "note-11" {
		t.Errorf("G: %q", id)
	}
	d.keys("g")
	if id := d.selectedID(); id != "note-01" {
		t.Errorf("g: %q", id)
	}
	// enter opens the selected note, not the one a heading row shifted to.
	d.keys("j", "j", "j", "j", "enter")
	d.mustContain("5/11", testTitles[4])
}

func TestChapterJumps(t *testing.T) {
	d := newDriver(t, chapterDeck(), 100, 30)
	d.keys("]")
	if id := d.selectedID(); id != "note-05" {
		t.Fatalf("] from chapter 1: %q, want note-05", id)
	}
	d.keys("]")
	if id := d.selectedID(); id != "note-09" {
		t.Fatalf("] from chapter 2: %q, want note-09", id)
	}
	d.keys("]")
	if id := d.selectedID(); id != "note-09" {
		t.Errorf("] in the last chapter moved to %q", id)
	}
	d.mustContain("没有更多章节")
	d.keys("j", "[")
	if id := d.selectedID(); id != "note-09" {
		t.Errorf("[ inside chapter 3: %q, want its first note", id)
	}
	d.keys("[")
	if id := d.selectedID(); id != "note-05" {
		t.Errorf("[ from chapter 3's first note: %q, want note-05", id)
	}
	d.keys("?")
	d.mustContain("上一章", "下一章", "只看本章")
}

// c narrows the list to the selected note's chapter; s then tests exactly
// that chapter; [ and ] change chapter; c again shows everything.
func TestChapterScope(t *testing.T) {
	d := newDriver(t, chapterDeck(), 100, 30)
	d.keys("]", "c")
	d.mustContain("推理 · 全部")
	d.mustNotContain(testTitles[0], testTitles[8])
	for _, title := range testTitles[4:8] {
		d.mustContain(title)
	}
	d.keys("]")
	d.mustContain("应用 · 全部", testTitles[8])
	d.mustNotContain(testTitles[4])
	d.keys("[")
	d.mustContain("推理 · 全部")
	d.keys("s")
	if !slices.Equal(d.m.quiz.ids, []string{"note-05", "note-06", "note-07", "note-08"}) {
		t.Errorf("s in chapter scope draws from %q", d.m.quiz.ids)
	}
	d.keys("ctrl+c")
	d2 := newDriver(t, chapterDeck(), 100, 30)
	d2.keys("c", "c")
	d2.mustContain(testTitles[0], testTitles[10])
	if got := headingRows(d2.screen()); len(got) != 3 {
		t.Errorf("after c twice: headings %q", got)
	}
}

// A filter matches notes, never headings.
func TestFilterHidesHeadings(t *testing.T) {
	d := newDriver(t, chapterDeck(), 100, 30)
	d.keys("/")
	d.typeText("奖励模型")
	d.keys("enter")
	if got := headingRows(d.screen()); len(got) != 0 {
		t.Errorf("headings while filtered: %q\n%s", got, d.screen())
	}
	if id := d.selectedID(); id != "note-04" {
		t.Errorf("selected %q, want the only match note-04", id)
	}
}
