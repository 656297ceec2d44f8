package tui

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/srs"
	"mianjing/store"
)

// x suspends the selected note: it stays in the all scope, marked, leaves
// today's and the bookmarked scopes and what s studies; x again resumes it.
func TestSuspendFromTheList(t *testing.T) {
	st := newTestStore(t)
	if err := st.SetBookmark("note-01", true, testNow); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st}, 100, 30)
	d.keys("x")
	if _, ok := st.Suspended()["note-01"]; !ok {
		t.Fatal("x did not suspend note-01 in the store")
	}
	d.mustContain("已暂停")
	if row := lineWith(d.screen(), testTitles[0]); !strings.Contains(row, "已暂停") {
		t.Errorf("the suspended row is not marked: %q", row)
	}
	if ids := d.m.list.studyIDs(); slices.Contains(ids, "note-01") || len(ids) != 10 {
		t.Errorf("s would study %q", ids)
	}
	d.keys("f") // bookmarked: note-01 is bookmarked but suspended
	d.mustNotContain(testTitles[0])
	d.keys("f") // today
	d.mustNotContain(testTitles[0])
	d.mustContain("新 10")
	d.keys("f", "g", "x")
	if _, ok := st.Suspended()["note-01"]; ok {
		t.Error("x again did not resume note-01")
	}
	d.mustContain("已恢复", "新 11")
}

// R asks, y resets the note to new through a log entry, u straight after
// undoes it; any other key cancels the question.
func TestResetConfirmAndUndo(t *testing.T) {
	st := newTestStore(t)
	card := srs.Card{State: srs.Review, Stability: 5, Difficulty: 5, Due: testNow.Add(48 * time.Hour),
		LastReview: testNow.Add(-24 * time.Hour), Reps: 2}
	if _, err := st.RecordReview(store.Review{NoteID: "note-01", Time: testNow.Add(-24 * time.Hour),
		Rating: srs.Good, After: card, Mode: store.ModeDue}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st}, 100, 30)
	d.keys("R")
	d.mustContain("重置为新题？按 y 确认")
	d.keys("j") // cancels, and is used up
	d.mustContain("已取消重置")
	if d.selectedID() != "note-01" {
		t.Error("the cancelling key also moved the cursor")
	}
	if _, ok, _ := st.Card("note-01"); !ok {
		t.Fatal("a cancelled reset changed the card")
	}
	d.keys("R", "y")
	if _, ok, _ := st.Card("note-01"); ok {
		t.Fatal("y did not reset the card")
	}
	log := logOf(t, st)
	if last := log[len(log)-1]; last.Mode != store.ModeReset || last.NoteID != "note-01" || len(log) != 2 {
		t.Errorf("the log after a reset: %+v", log)
	}
	d.mustContain("已重置为新题 · 按 u 撤销")
	if row := lineWith(d.screen(), testTitles[0]); !strings.Contains(row, "新") {
		t.Errorf("the reset row: %q", row)
	}
	d.keys("u")
	got, ok, _ := st.Card("note-01")
	if !ok || !sameCard(got, card) {
		t.Errorf("u did not restore the card: %+v", got)
	}
	d.mustContain("已撤销重置")
	if n := len(logOf(t, st)); n != 1 {
		t.Errorf("%d log entries after the undo, want the one review", n)
	}
	// A new note has nothing to reset.
	d.keys("j", "R")
	d.mustContain("还是新题")
}

// C crams what the list shows: grades go to the log as cram and change no
// schedule; the header says so.
func TestCramChangesNoSchedule(t *testing.T) {
	st := quizStore(t)
	before, _ := st.Cards()
	d := newDriver(t, newClock().opts(Options{Store: st}), 100, 30)
	d.keys("C")
	d.wantStep(quizQuestion)
	d.mustContain("突击 · 不改排期", "1 / 11")
	d.keys("space")
	d.mustContain("不改排期")
	d.keys("1")
	d.keys("space", "4")
	log := logOf(t, st)
	n := 0
	for _, r := range log {
		if r.Mode == store.ModeCram {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d cram entries in %+v", n, log)
	}
	after, _ := st.Cards()
	if len(after) != len(before) {
		t.Errorf("cram added cards: %d → %d", len(before), len(after))
	}
	for id, c := range before {
		if !sameCard(after[id], c) {
			t.Errorf("cram changed %s: %+v → %+v", id, c, after[id])
		}
	}
}

// The theme setting wins over the terminal's reported background; auto
// follows it.
func TestThemeSetting(t *testing.T) {
	for _, c := range []struct {
		theme    string
		reported bool // dark
		want     bool // dark
	}{
		{"light", true, false},
		{"dark", false, true},
		{"auto", false, false},
		{"auto", true, true},
	} {
		st := newTestStore(t)
		set := store.DefaultSettings()
		set.Theme = c.theme
		if err := st.SaveSettings(set); err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, Options{Store: st}, 80, 24)
		bg := tea.BackgroundColorMsg{Color: color.White}
		if c.reported {
			bg.Color = color.Black
		}
		d.send(bg)
		if d.m.c.dark != c.want {
			t.Errorf("theme %s, terminal dark %v: styles dark %v", c.theme, c.reported, d.m.c.dark)
		}
	}
}

// The stats screen counts cram grades apart from the reviews.
func TestStatsCountCramApart(t *testing.T) {
	st := quizStore(t)
	d := newDriver(t, newClock().opts(Options{Store: st}), 100, 40)
	d.keys("C", "space", "3", "space", "3", "esc", "enter")
	d.keys("S")
	d.mustContain("突击 今天 2 · 共 2（不计入排期）")
}
