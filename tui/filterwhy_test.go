package tui

import (
	"slices"
	"strings"
	"testing"
)

// TestFilterByExactTag: "#tag" keeps the notes with that tag, whole and
// case-insensitive, as the list shows tags ("#微调").
func TestFilterByExactTag(t *testing.T) {
	targets, ids := filterTargets(testDeck())
	for _, c := range []struct {
		term string
		want []int
	}{
		{"#微调", []int{3}},
		{"#微", nil}, // a tag is matched whole
		{"#ATTENTION", []int{1, 2, 9}},
		{"#推理 kv", []int{5}}, // with a text term
		{"#attention #推理", []int{9}},
		{"#", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, // still typing: no restriction
	} {
		if got := ids(filterNotes(c.term, targets)); !slices.Equal(got, c.want) {
			t.Errorf("filter %q = %v, want %v", c.term, got, c.want)
		}
	}
}

// rowOf returns the screen line holding s, with its escape codes.
func rowOf(t *testing.T, d *driver, s string) string {
	t.Helper()
	for _, l := range strings.Split(d.m.View().Content, "\n") {
		if strings.Contains(stripForTest(l), s) {
			return l
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, d.screen())
	return ""
}

// TestFilterShowsWhyANoteMatched: a note found by a tag has that tag
// highlighted; one found only in its answer shows the answer's line around
// the match in place of its tags.
func TestFilterShowsWhyANoteMatched(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("/")
	d.typeText("#微调")
	d.keys("enter")
	d.mustContain(testTitles[2])
	if got := highlighted(t, rowOf(t, d, testTitles[2]), 100); got != "#微调" {
		t.Errorf("tag filter highlighted %q, want #微调", got)
	}

	d.keys("esc", "/")
	d.typeText("rlh")
	d.keys("enter")
	// Title and tag both match: the title is highlighted, the tags stay.
	if got := highlighted(t, rowOf(t, d, testTitles[3]), 100); got != "RLH" {
		t.Errorf("title match highlighted %q, want RLH", got)
	}

	d.keys("esc", "/")
	d.typeText("奖励模型")
	d.keys("enter")
	row := rowOf(t, d, testTitles[3])
	if plain := stripForTest(row); !strings.Contains(plain, "奖励模型只在这道题的正文里出现") || strings.Contains(plain, "#对齐") {
		t.Errorf("answer match: row %q lacks the answer's snippet in place of the tags", plain)
	}
	if got := highlighted(t, row, 100); got != "奖励模型" {
		t.Errorf("answer match highlighted %q, want 奖励模型", got)
	}
	d.checkFits("snippet row")

	// A narrow window still shows some of the snippet, on one line.
	d.send(sizeMsg(60, 20))
	if got := highlighted(t, rowOf(t, d, "RLHF"), 60); !strings.HasPrefix(got, "奖励") {
		t.Errorf("at 60 columns the snippet's match is not shown: %q", stripForTest(rowOf(t, d, "RLHF")))
	}
	d.checkFits("snippet row at 60")
}

// TestHelpDocumentsTagFilter: full help names the "#tag" term, like "d:N".
func TestHelpDocumentsTagFilter(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("?")
	d.mustContain("#tag", "按标签精确筛选")
	d = newDriver(t, Options{Lang: "en"}, 100, 30)
	d.keys("?")
	d.mustContain("#tag", "by this exact tag")
}
