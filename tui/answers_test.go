package tui

import (
	"strings"
	"testing"
	"time"

	"mianjing/srs"
	"mianjing/store"
)

func TestAnswersSectionNewestFirst(t *testing.T) {
	st := newTestStore(t)
	for i, a := range []string{"first try", "", "second try\twith a tab"} {
		_, err := st.RecordReview(store.Review{NoteID: "note-01", Time: testNow.Add(time.Duration(i-3) * 24 * time.Hour),
			Rating: srs.Good, Mode: store.ModeOne, Answer: a, Ticked: i, Points: 3})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.RecordReview(store.Review{NoteID: "note-02", Time: testNow.Add(-time.Hour),
		Rating: srs.Good, Mode: store.ModeOne, Answer: "other note"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.keys("enter")
	d.mustNotContain("我以前的回答")
	d.keys("h")
	d.mustContain("我以前的回答", "3月9日 09:00", "要点 2/3")
	d.keys("G")
	d.mustContain("second try    with a tab", "first try", "3月7日 09:00")
	s := d.screen()
	if strings.Index(s, "second try") > strings.Index(s, "first try") {
		t.Error("the older answer is shown first")
	}
	// The section lines up with the note's text.
	if a, b := strings.Index(lineWith(s, "我以前的回答"), "我"), strings.Index(lineWith(s, "• 例子"), "•"); a != b {
		t.Errorf("the section starts at byte %d, the note's text at %d", a, b)
	}
	d.mustNotContain("other note")
	d.keys("?")
	d.mustContain("收起回答")
	d.keys("?")
	// Each note has its own: note 2 one, note 3 none.
	d.keys("n", "G")
	d.mustContain("other note")
	d.mustNotContain("first try")
	d.keys("n", "G")
	d.mustContain("还没有写过这道题的回答")
	d.keys("h")
	d.mustNotContain("我以前的回答")
}

// lineWith returns the first line of s containing sub, or "".
func lineWith(s, sub string) string {
	for l := range strings.SplitSeq(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
