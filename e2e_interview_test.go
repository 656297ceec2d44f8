package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/termtest"
)

// askedNote waits for question i of n and returns its note.
func askedNote(t *testing.T, term *termtest.Term, d *notes.Deck, i, n int) notes.Note {
	t.Helper()
	var asked notes.Note
	waitFor(t, term, fmt.Sprintf("question %d of %d", i, n), func(s string) bool {
		if !strings.Contains(s, fmt.Sprintf("第 %d / %d 题", i, n)) || strings.Contains(s, "要点（") {
			return false
		}
		for _, nt := range d.Notes {
			if strings.Contains(s, nt.Title) {
				asked = nt
				return true
			}
		}
		return false
	})
	return asked
}

// TestE2EInterview runs a two-question mock interview in a real terminal:
// the countdown ticks, a typed answer, ticks and grades, then the report,
// which is saved and listed by interview --history.
func TestE2EInterview(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	db := filepath.Join(t.TempDir(), "mianjing.db")
	term := startApp(t, []string{"--db", db, "interview", "--questions", "2"}, nil, 120, 40)

	first := askedNote(t, term, d, 1, 2)
	// The countdown runs by itself, without keys.
	waitText(t, term, "2:59")
	term.Key("i")
	waitText(t, term, "完成输入")
	term.Type("先讲结论")
	waitText(t, term, "先讲结论")
	term.Key("esc")
	waitText(t, term, "你的回答")
	term.Key("space")
	waitText(t, term, fmt.Sprintf("要点（已勾选 0/%d）", len(first.Points)))
	waitText(t, term, "参考答案")
	term.Key("a")
	waitText(t, term, fmt.Sprintf("要点（已勾选 1/%d）", len(first.Points)))
	term.Key("3")

	second := askedNote(t, term, d, 2, 2)
	if second.ID == first.ID {
		t.Fatalf("%s asked twice", first.ID)
	}
	waitText(t, term, "3:00")
	term.Key("space")
	waitText(t, term, fmt.Sprintf("要点（已勾选 0/%d）", len(second.Points)))
	term.Key("1")

	s := waitText(t, term, "面试报告")
	// The start of the first missed point, one to a line: the rest may wrap.
	missed := "· " + string([]rune(first.Points[1])[:min(4, len([]rune(first.Points[1])))])
	for _, want := range []string{first.Title, second.Title, "漏掉：", missed,
		fmt.Sprintf("要点 1/%d · 良好", len(first.Points)), fmt.Sprintf("要点 0/%d · 重来", len(second.Points)), "/ 3:00"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
	// The totals end the page, which scrolls when taller than the window.
	term.Key("pgdown")
	term.Key("pgdown")
	waitText(t, term, "共答 2 / 2 题")
	waitText(t, term, "报告已保存")
	term.Key("enter")
	waitList(t, term, d)
	quitApp(t, term)

	res := runPiped(t, []string{"--db", db, "interview", "--history"}, nil)
	if res.code != 0 || strings.Count(res.stdout, "\n") != 2 || !strings.Contains(res.stdout, " 2 ") {
		t.Errorf("interview --history: code %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	log, cards := readLog(t, db)
	if len(log) != 2 || log[0].NoteID != first.ID || log[0].Mode != store.ModeInterview ||
		log[0].Answer != "先讲结论" || log[0].Rating != srs.Good || log[1].Rating != srs.Again {
		t.Fatalf("review log %+v", log)
	}
	if c, ok := cards[first.ID]; !ok || c.State == srs.New {
		t.Errorf("%s is not scheduled: %+v", first.ID, c)
	}
}
