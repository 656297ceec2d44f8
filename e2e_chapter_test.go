package main

import (
	"fmt"
	"strings"
	"testing"

	"mianjing/notes"
)

// TestE2EChapters drives the built-in deck in a real terminal: chapter
// headings in the list, ] to the next chapter, c to study one chapter, and
// s testing exactly that chapter.
func TestE2EChapters(t *testing.T) {
	t.Parallel()
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	chapters := d.Chapters()
	if len(chapters) < 2 {
		t.Fatalf("the built-in deck has chapters %q", chapters)
	}
	count := map[string]int{}
	var firstOf []notes.Note // each chapter's first note
	for _, n := range d.Notes {
		if count[n.Chapter] == 0 {
			firstOf = append(firstOf, n)
		}
		count[n.Chapter]++
	}
	heading := func(ch string) string { return fmt.Sprintf("%s · %d 题", ch, count[ch]) }

	term := startEmbedded(t, nil, nil, 100, 30)
	waitFor(t, term, "the list under the first chapter's heading", func(s string) bool {
		return strings.Contains(s, heading(chapters[0])) && selected(s, firstOf[0].Title)
	})
	term.Key("]")
	waitFor(t, term, "] on the second chapter's first note", func(s string) bool {
		return strings.Contains(s, heading(chapters[1])) && selected(s, firstOf[1].Title)
	})
	term.Key("c")
	s := waitText(t, term, chapters[1]+" · 全部")
	if strings.Contains(s, firstOf[0].Title) {
		t.Errorf("chapter scope still shows the first chapter:\n%s", s)
	}
	term.Key("s")
	waitText(t, term, fmt.Sprintf("1 / %d", count[chapters[1]]))
	waitText(t, term, firstOf[1].Title)
	term.Key("ctrl+c")
	waitExit(t, term)
}
