package main

// End-to-end tests of the self-test: a session graded, undone and
// finished in a real terminal, then the database read back after the
// process is gone; and grades surviving a kill, a SIGTERM, a hang-up and
// ctrl+c right after the key.

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/termtest"
)

// quizTickKeys tick the key points in order (tui/keys.go).
var quizTickKeys = []string{"a", "s", "d", "f", "g", "h"}

// quizDB returns a database path in a fresh temporary directory.
func quizDB(t testing.TB) string {
	return filepath.Join(t.TempDir(), "mianjing.db")
}

// startQuiz starts the app on db, waits for the list, switches it to
// today's scope (f f) and presses s: today's session over a fresh database
// asks the deck's new notes in deck order.
func startQuiz(t testing.TB, d *notes.Deck, db string) *termtest.Term {
	t.Helper()
	term := startApp(t, []string{"--db", db}, nil, 120, 40)
	waitList(t, term, d)
	term.Key("f")
	waitFor(t, term, "the bookmarked scope", func(s string) bool { return strings.Contains(s, "· 收藏") })
	term.Key("f")
	waitFor(t, term, "today's scope", func(s string) bool { return strings.Contains(s, "· 今日") })
	term.Key("s")
	waitQuestion(t, term, d.Notes[0])
	return term
}

// waitQuestion waits until n's question is shown, answer hidden.
func waitQuestion(t testing.TB, term *termtest.Term, n notes.Note) string {
	t.Helper()
	return waitFor(t, term, "the question of "+n.ID, func(s string) bool {
		return strings.Contains(s, n.Title) && strings.Contains(s, "显示答案") && !strings.Contains(s, "要点（")
	})
}

// reveal presses space on n's question and waits for its answer and
// checklist.
func reveal(t testing.TB, term *termtest.Term, n notes.Note) string {
	t.Helper()
	term.Key("space")
	return waitText(t, term, fmt.Sprintf("要点（已勾选 0/%d）", len(n.Points)))
}

// readLog opens the database after the app has exited and returns its
// review log and cards.
func readLog(t testing.TB, db string) ([]store.Review, map[string]srs.Card) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("reopening %s: %v", db, err)
	}
	defer st.Close()
	var log []store.Review
	if err := st.ForEachReview(func(r store.Review) error { log = append(log, r); return nil }); err != nil {
		t.Fatalf("reading the log: %v", err)
	}
	cards, err := st.Cards()
	if err != nil {
		t.Fatalf("reading the cards: %v", err)
	}
	return log, cards
}

// checkConsistent fails unless the log is numbered 1, 2, 3… and every
// card is the After of its note's newest review.
func checkConsistent(t testing.TB, log []store.Review, cards map[string]srs.Card) {
	t.Helper()
	last := map[string]store.Review{}
	for i, r := range log {
		if r.Seq != uint64(i+1) {
			t.Errorf("review %d has Seq %d", i+1, r.Seq)
		}
		last[r.NoteID] = r
	}
	if len(cards) != len(last) {
		t.Errorf("%d cards for %d reviewed notes", len(cards), len(last))
	}
	for id, r := range last {
		c := cards[id]
		if c.State != r.After.State || !c.Due.Equal(r.After.Due) || c.Reps != r.After.Reps {
			t.Errorf("%s: card %+v is not its last review's After %+v", id, c, r.After)
		}
	}
}

// TestE2EQuizSession: a due session in a real terminal (type an answer,
// reveal, tick every point, grade, undo, grade again, finish), then a
// restart shows the new state and the file holds exactly the grades not
// undone.
func TestE2EQuizSession(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	first, second := d.Notes[0], d.Notes[1]
	db := quizDB(t)
	term := startQuiz(t, d, db)
	waitText(t, term, fmt.Sprintf("1 / %d", len(d.Notes)))

	// A typed answer, in Chinese, shown above the reference answer.
	term.Key("i")
	waitText(t, term, "完成输入")
	term.Type("低秩分解 b u 1")
	waitText(t, term, "低秩分解 b u 1")
	term.Key("esc")
	waitText(t, term, "你的回答")
	reveal(t, term, first)
	waitText(t, term, "参考答案")
	for i := range first.Points {
		term.Key(quizTickKeys[i])
		waitText(t, term, fmt.Sprintf("要点（已勾选 %d/%d）", i+1, len(first.Points)))
	}
	// Every point ticked within seconds of the question: Easy suggested.
	waitText(t, term, "建议：简单")

	// Good: a learning step; the next question comes up and is saved.
	term.Key("3")
	waitQuestion(t, term, second)
	waitText(t, term, "已保存 1")

	// Undo: the first note again, answer shown, ticks kept.
	term.Key("u")
	waitFor(t, term, "the first note back, answer shown", func(s string) bool {
		return strings.Contains(s, first.Title) && strings.Contains(s, "已撤销上一次评分") &&
			strings.Contains(s, fmt.Sprintf("要点（已勾选 %d/%d）", len(first.Points), len(first.Points)))
	})
	// Easy this time: graduated, done for the session.
	term.Key("4")
	waitQuestion(t, term, second)
	waitText(t, term, "已保存 1")

	term.Key("esc")
	s := waitText(t, term, "自测结束")
	for _, want := range []string{"复习 1 题，评分 1 次", "简单 1", "评分已保存",
		fmt.Sprintf("要点回忆 %d/%d（100%%）", len(first.Points), len(first.Points))} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	term.Key("enter")
	// Back in today's scope, which the graded note has left; f shows all.
	waitFor(t, term, "today's list without the graded note", func(s string) bool {
		return strings.Contains(s, "· 今日") && strings.Contains(s, second.Title) && !strings.Contains(s, first.Title)
	})
	term.Key("f")
	waitList(t, term, d)
	waitFor(t, term, "the graded note's next review in its row", func(s string) bool {
		row := lineWith(s, first.Title)
		return strings.Contains(row, "天") && !strings.Contains(row, "新")
	})
	quitApp(t, term)

	// A new run shows the same state, once it has read the file (the
	// titles come first).
	term = startApp(t, []string{"--db", db}, nil, 120, 40)
	waitList(t, term, d)
	s = waitFor(t, term, "the graded note's next review in its row", func(s string) bool {
		row := lineWith(s, first.Title)
		return strings.Contains(row, "天") && !strings.Contains(row, "新")
	})
	if row := lineWith(s, second.Title); !strings.Contains(row, "新") {
		t.Errorf("the ungraded second note is not new: %q", row)
	}
	quitApp(t, term)

	log, cards := readLog(t, db)
	checkConsistent(t, log, cards)
	if len(log) != 1 {
		t.Fatalf("the log holds %d reviews, want the one not undone: %+v", len(log), log)
	}
	r := log[0]
	if r.NoteID != first.ID || r.Rating != srs.Easy || r.Mode != store.ModeDue ||
		r.Ticked != len(first.Points) || r.Points != len(first.Points) || r.Answer != "低秩分解 b u 1" {
		t.Errorf("the review: %+v", r)
	}
	now := time.Now()
	if c := cards[first.ID]; c.State != srs.Review || !c.Due.After(now) {
		t.Errorf("the graded note is still due: %+v", c)
	}
	ids := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		ids[i] = n.ID
	}
	sched := srs.NewScheduler()
	for _, id := range srs.BuildQueue(srs.QueueInput{Deck: ids, Cards: cards, NewPerDay: 20, Now: now, Sched: sched}, srs.ScopeDue, 0) {
		if id == first.ID {
			t.Error("the graded note is in today's due queue")
		}
	}
}

// gradeAndWait reveals n, grades it r and waits for the next question.
func gradeAndWait(t testing.TB, term *termtest.Term, n, next notes.Note, r string) {
	t.Helper()
	reveal(t, term, n)
	term.Key(r)
	waitQuestion(t, term, next)
}

// TestE2EQuizKilledAfterAGrade: SIGKILL right after a grade loses at most
// that grade; the file opens cleanly and holds every earlier one, and a
// grade the screen showed as saved.
func TestE2EQuizKilledAfterAGrade(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	db := quizDB(t)
	term := startQuiz(t, d, db)
	gradeAndWait(t, term, d.Notes[0], d.Notes[1], "4")
	waitText(t, term, "已保存 1")
	// The second grade: kill as soon as the next question shows.
	gradeAndWait(t, term, d.Notes[1], d.Notes[2], "2")
	screen := term.ScreenText()
	if err := term.Kill(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if code, err := term.Wait(e2eWait); err != nil || code != -1 {
		t.Fatalf("after SIGKILL: code %d, %v", code, err)
	}
	log, cards := readLog(t, db)
	checkConsistent(t, log, cards)
	switch {
	case len(log) < 1 || log[0].NoteID != d.Notes[0].ID || log[0].Rating != srs.Easy:
		t.Fatalf("the first, saved grade is lost: %+v", log)
	case strings.Contains(screen, "已保存 2") && len(log) != 2:
		t.Fatalf("the screen said 2 saved, the file has %d", len(log))
	case len(log) > 2 || len(log) == 2 && (log[1].NoteID != d.Notes[1].ID || log[1].Rating != srs.Hard):
		t.Fatalf("unexpected log: %+v", log)
	}

	// Again on the same file, killed once the screen confirms the save.
	n := len(log)
	term = startApp(t, []string{"--db", db}, nil, 120, 40)
	waitList(t, term, d)
	term.Key("a") // every note, whatever is due
	s := waitFor(t, term, "a question", func(s string) bool { return strings.Contains(s, "显示答案") })
	var cur notes.Note
	for _, note := range d.Notes {
		if strings.Contains(s, note.Title) {
			cur = note
		}
	}
	if cur.ID == "" {
		t.Fatalf("no title of the deck on the question:\n%s", s)
	}
	reveal(t, term, cur)
	term.Key("3")
	waitText(t, term, "已保存 1")
	if err := term.Kill(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if _, err := term.Wait(e2eWait); err != nil {
		t.Fatal(err)
	}
	log, cards = readLog(t, db)
	checkConsistent(t, log, cards)
	if len(log) != n+1 || log[n].NoteID != cur.ID || log[n].Rating != srs.Good || log[n].Mode != store.ModeAll {
		t.Fatalf("a grade shown as saved is not in the file: %+v", log)
	}
}

// TestE2EQuizQuitRightAfterAGrade: ctrl+c, SIGTERM and SIGHUP (a closed
// terminal) sent the moment the next question shows keep the grade: the
// app finishes its write before closing the file.
func TestE2EQuizQuitRightAfterAGrade(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	for _, how := range []string{"ctrl+c", "SIGTERM", "SIGHUP"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			db := quizDB(t)
			term := startQuiz(t, d, db)
			gradeAndWait(t, term, d.Notes[0], d.Notes[1], "3")
			switch how {
			case "ctrl+c":
				term.Key("ctrl+c")
			case "SIGTERM":
				if err := term.Kill(syscall.SIGTERM); err != nil {
					t.Fatal(err)
				}
			case "SIGHUP":
				if err := term.Kill(syscall.SIGHUP); err != nil {
					t.Fatal(err)
				}
			}
			if code := waitExit(t, term); code != 0 {
				t.Errorf("%s: exit code %d, want 0", how, code)
			}
			log, cards := readLog(t, db)
			checkConsistent(t, log, cards)
			if len(log) != 1 || log[0].NoteID != d.Notes[0].ID || log[0].Rating != srs.Good {
				t.Fatalf("%s lost the grade: %+v", how, log)
			}
		})
	}
}
