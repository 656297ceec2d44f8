package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestE2EKeysBehindTooSmall: at 30×10, a, space and 4 act on nothing; back
// at 100×30 the list is there and no grade was saved (issue 14, defect 1).
func TestE2EKeysBehindTooSmall(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	db := quizDB(t)
	term := startApp(t, []string{"--db", db}, nil, 30, 10)
	waitText(t, term, "请放大窗口")
	term.Type("a 4")
	term.Key("enter")
	// The screen counts the keys it ignored: all four were read.
	waitText(t, term, "已忽略 4 个按键")
	if err := term.Resize(100, 30); err != nil {
		t.Fatal(err)
	}
	s := waitList(t, term, d)
	if strings.Contains(s, "自测 ·") || strings.Contains(s, "已保存") {
		t.Errorf("a self-test ran behind the too-small screen:\n%s", s)
	}
	quitApp(t, term)
	if log, _ := readLog(t, db); len(log) != 0 {
		t.Errorf("%d grades saved for cards never shown: %+v", len(log), log)
	}
}

// TestE2EKeysInOneWrite: keys that arrive in one read act on the screen
// each one leads to (issue 14, defect 2).
func TestE2EKeysInOneWrite(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)

	t.Run("q S from the reading view opens the stats", func(t *testing.T) {
		t.Parallel()
		term := startApp(t, nil, nil, 100, 30)
		waitList(t, term, d)
		term.Key("enter")
		waitFor(t, term, "the first note", func(s string) bool { return strings.Contains(s, fmt.Sprintf("1/%d", len(d.Notes))) })
		term.Type("qS")
		waitText(t, term, "学习统计")
	})

	t.Run("a space in the list reveals the answer", func(t *testing.T) {
		t.Parallel()
		term := startApp(t, nil, nil, 100, 30)
		waitList(t, term, d)
		term.Type("a ")
		waitText(t, term, "要点（已勾选 0/")
	})

	t.Run("a grade, then S on the summary, then q", func(t *testing.T) {
		t.Parallel()
		db := quizDB(t)
		term := startApp(t, []string{"--db", db}, nil, 100, 30)
		waitList(t, term, d)
		// t on the first note tests it alone; space 4 grades it Easy and
		// the summary follows; enter returns to the reading view, q to
		// the list, S opens the stats: all in one write.
		term.Key("enter")
		waitFor(t, term, "the first note", func(s string) bool { return strings.Contains(s, fmt.Sprintf("1/%d", len(d.Notes))) })
		term.Type("t 4")
		waitText(t, term, "自测结束")
		term.Type("\rqS")
		waitText(t, term, "学习统计")
		term.Key("q")
		waitList(t, term, d)
		quitApp(t, term)
		if log, _ := readLog(t, db); len(log) != 1 {
			t.Errorf("the log holds %d grades, want 1", len(log))
		}
	})
}
