package tui

import (
	"fmt"
	"strings"
	"testing"
)

// answerDriver reveals note-01's answer at w×h, after typing typed (if any).
func answerDriver(t *testing.T, w, h int, typed string) *driver {
	t.Helper()
	d := newQuizDriver(t, quizStore(t), newClock(), w, h)
	d.keys("s")
	if typed != "" {
		d.keys("i")
		d.typeText(typed)
		d.keys("esc")
	}
	d.keys("space")
	d.wantStep(quizAnswer)
	return d
}

// longAnswer is a typed answer of many lines.
const longAnswer = "第一行：先说结论\n第二行：再说原因\n第三行：举例\n第四行：补充\n第五行：追问\n第六行：总结"

// The reference answer gets at least half of the space below the question
// at 100×30 and at least 5 lines at 60×20; the typed answer folds first
// (issue 14, defect 3).
func TestReferenceAnswerGetsTheRoom(t *testing.T) {
	for _, c := range []struct {
		w, h, least int
		half        bool
	}{
		{100, 30, 0, true},
		{60, 20, minReferenceRows, false},
		{200, 50, 0, true},
	} {
		for _, typed := range []string{"", longAnswer} {
			d := answerDriver(t, c.w, c.h, typed)
			q := d.quiz()
			below := q.chrome().body - 1 // under the question's line
			if got := q.vp.Height(); got < c.least || c.half && 2*got < below {
				t.Errorf("%dx%d typed %v: the reference gets %d of %d rows", c.w, c.h, typed != "", got, below)
			}
			d.checkFits("answer")
			if typed != "" {
				d.mustContain("你的回答", "第一行：先说结论")
			}
		}
	}
}

// Key points wrap to a second line, under their text, instead of being cut.
func TestPointsWrap(t *testing.T) {
	deck := testDeck()
	long := "自注意力正是 N×N 交互、O(N²) 的来源，不能用它降复杂度，这是一个很长的要点"
	deck.Notes[0].Points[0] = long
	d := newDriver(t, newClock().opts(Options{Deck: deck, Store: quizStore(t)}), 60, 30)
	d.keys("f", "f", "s", "space")
	d.wantStep(quizAnswer)
	s := d.screen()
	if !strings.Contains(s, "不能用它降复杂度") || !strings.Contains(s, "这是一个很长的要点") {
		t.Fatalf("the long point is cut:\n%s", s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "a [ ] 自注意力") && i+1 < len(lines) {
			next := lines[i+1]
			if strings.HasPrefix(strings.TrimSpace(next), "s [ ]") || strings.Index(next, strings.TrimSpace(next)) < strings.Index(l, "自注意力") {
				t.Errorf("the continuation is not under the point's text:\n%s\n%s", l, next)
			}
		}
	}
	d.checkFits("wrapped points")
}

// z shows the reference alone and back, keeping the ticks; i after the
// reveal opens the answer box, and letters are text there, not commands
// (issue 14, defect 6).
func TestFullAnswerAndTypingAfterReveal(t *testing.T) {
	d := answerDriver(t, 80, 24, "")
	d.keys("a", "z")
	if !d.quiz().full {
		t.Fatal("z did not show the answer full screen")
	}
	d.mustNotContain("要点（")
	d.mustContain("参考答案")
	d.keys("3") // no grade while the checklist is hidden
	d.wantStep(quizAnswer)
	d.keys("z")
	d.mustContain("要点（已勾选 1/3）")

	d.keys("i")
	if !d.m.capturing() {
		t.Fatal("i after the reveal did not open the answer box")
	}
	d.mustContain("输入中")
	d.typeText("b s 3 u")
	d.wantStep(quizAnswer)
	if d.m.c.bookmarked("note-01") || countTicked(d.quiz().ticked) != 1 {
		t.Errorf("typed letters acted as commands: bookmarked %v, ticked %d",
			d.m.c.bookmarked("note-01"), countTicked(d.quiz().ticked))
	}
	d.keys("esc", "3")
	log := logOf(t, d.m.c.store)
	if r := log[len(log)-1]; r.Answer != "b s 3 u" || r.Rating != 3 {
		t.Errorf("graded review: answer %q rating %d", r.Answer, r.Rating)
	}
}

// Typing after the reveal in the smallest window: the box and the
// reference fit, the checklist and the grades (which take no keys while
// the box has focus) give up their rows, and come back with esc. Found by
// FuzzModel (testdata/fuzz/FuzzModel/9c7292439abfbd52).
func TestTypingAfterRevealFitsTheSmallestWindow(t *testing.T) {
	d := answerDriver(t, 40, 12, "")
	d.checkFits("answer at 40x12")
	d.keys("tab")
	if !d.m.capturing() {
		t.Fatal("tab after the reveal did not open the answer box")
	}
	d.checkFits("typing after the reveal at 40x12")
	d.mustContain("输入中", "参考答案")
	d.mustNotContain("1 重来")
	d.keys("esc")
	d.checkFits("after typing at 40x12")
	d.mustContain("1 重来")
}

// The full help fits 60 columns without dropping a key (issue 14, defect 7).
func TestHelpFitsSixtyColumns(t *testing.T) {
	d := newDriver(t, Options{}, 60, 40)
	d.keys("?")
	s := d.screen()
	for _, k := range []string{"s ", "a ", "S ", "q ", "C ", "x "} {
		found := false
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, " "+k) || strings.HasPrefix(strings.TrimSpace(l), strings.TrimSpace(k)+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("full help at 60 columns lacks %q:\n%s", k, s)
		}
	}
	d.checkFits("help at 60 columns")
}

// The self-test's answer step at the four sizes the issue names, with a
// typed multi-line answer and one point ticked, colour stripped.
func TestGoldenSelfTestAnswer(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {100, 30}, {200, 50}} {
		d := answerDriver(t, sz[0], sz[1], "先说结论：缩放点积\n再说原因：方差")
		d.keys("s")
		d.checkFits(fmt.Sprintf("answer %dx%d", sz[0], sz[1]))
		golden(t, fmt.Sprintf("selftest_answer_%dx%d", sz[0], sz[1]), d.screen())
	}
}

// A typed multi-line answer under the question keeps its lines aligned on
// the left, as one block (issue 14, defect 7).
func TestTypedAnswerLeftAligned(t *testing.T) {
	d := newQuizDriver(t, quizStore(t), newClock(), 100, 30)
	d.keys("s", "i")
	d.typeText("短\n这一行比第一行长得多")
	d.keys("esc")
	var cols []int
	for _, l := range strings.Split(d.screen(), "\n") {
		if i := strings.Index(l, "短"); i >= 0 && strings.TrimSpace(l) == "短" {
			cols = append(cols, i)
		}
		if i := strings.Index(l, "这一行"); i >= 0 {
			cols = append(cols, i)
		}
	}
	if len(cols) != 2 || cols[0] != cols[1] {
		t.Errorf("typed lines start at byte columns %v, want one margin:\n%s", cols, d.screen())
	}
}
