package tui

import (
	"testing"
)

// A note's related notes are listed under its answer, and r followed by a
// number opens one; another key cancels.
func TestFollowRelatedNotes(t *testing.T) {
	deck := testDeck()
	deck.Notes[0].Related = []string{"note-05", "note-09"}
	d := newDriver(t, Options{Deck: deck}, 100, 30)
	d.keys("enter", "G")
	d.mustContain("相关题目", "1. "+testTitles[4], "2. "+testTitles[8])
	d.keys("r")
	d.mustContain("按 1–2 打开相关题目")
	d.keys("x") // not a number: cancels, and suspends nothing
	d.mustContain("已取消")
	if d.m.c.isSuspended("note-01") || d.m.detail.note().ID != "note-01" {
		t.Fatal("the cancelling key acted")
	}
	d.keys("r", "2")
	if n := d.m.detail.note(); n == nil || n.ID != "note-09" {
		t.Fatalf("r 2 opened %v, want note-09", n)
	}
	d.mustContain("9/11", testTitles[8])
	// note-09 lists nothing: r is not offered and does nothing.
	d.keys("r", "1")
	if d.m.detail.relating || d.m.detail.note().ID != "note-09" {
		t.Error("r acted on a note without related notes")
	}
	d.keys("?")
	d.mustNotContain("r 相关题目")
}
