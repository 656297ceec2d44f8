package tui

import (
	"regexp"
	"strings"
	"testing"
)

func TestFindMatchesCaseAndWidth(t *testing.T) {
	plain := []string{"  RoPE 与 rope：旋转位置编码", "no match here", "位置编码和位置"}
	got := findMatches(plain, "rOpE")
	// "与" is two cells wide.
	want := []searchMatch{{0, 2, 6}, {0, 10, 14}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("rOpE: got %v, want %v", got, want)
	}
	// "位置" starts after "  RoPE 与 rope：旋转", 20 cells.
	got = findMatches(plain, "位置")
	if len(got) != 3 || got[0] != (searchMatch{0, 20, 24}) || got[1] != (searchMatch{2, 0, 4}) || got[2] != (searchMatch{2, 10, 14}) {
		t.Errorf("位置: got %v", got)
	}
	if m := findMatches(plain, "  "); m != nil {
		t.Errorf("a blank query matched %v", m)
	}
	if m := findMatches([]string{"aaaa"}, "aa"); len(m) != 2 {
		t.Errorf("matches overlap: %v", m)
	}
}

func TestHighlightMatchesKeepsText(t *testing.T) {
	styled := []string{"\x1b[1mhello\x1b[m world", "plain"}
	m := findMatches([]string{"hello world", "plain"}, "o")
	hl, cur := matchStyles()
	out := highlightMatches(styled, m, 1, hl, cur)
	if got := stripped(out[0]); got != "hello world" {
		t.Errorf("highlighting changed the text: %q", got)
	}
	if out[1] != styled[1] {
		t.Errorf("a line without matches changed: %q", out[1])
	}
	if styled[0] != "\x1b[1mhello\x1b[m world" {
		t.Error("highlighting wrote into the lines it was given")
	}
	if n := len(reverseRe.FindAllString(out[0], -1)); n != 2 {
		t.Errorf("two matches, not two reverse-video runs: %q", out[0])
	}
}

// reverseRe matches an SGR sequence that turns reverse video on.
var reverseRe = regexp.MustCompile(`\x1b\[(?:[0-9]+;)*7[;m]`)

func stripped(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == 0x1b:
			in = true
		case in && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestHeadingLinesFindsRenderedHeadings(t *testing.T) {
	body := "## 答案\n\n正文\n\n```\n# not a heading\n```\n\n### Sub `code` head\n\n## 要点\n\n- a\n"
	plain := []string{"  ▌ 答案", "", "  正文", "", "    # not a heading", "", "  Sub \u00a0code\u00a0 head", "", "  ▌ 要点", "", "  • a"}
	got := headingLines(body, plain)
	want := []int{0, 6, 8}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// statusLine is the reading view's status line: the one with the scroll
// percent.
func (d *driver) statusLine() string {
	lines := strings.Split(d.screen(), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "%") {
			return lines[i]
		}
	}
	return ""
}

func TestSearchHighlightsStepsAndClears(t *testing.T) {
	d := newDriver(t, Options{}, 80, 16)
	d.keys("enter")
	d.keys("/")
	if !d.m.capturing() {
		t.Fatal("/ did not focus the search box")
	}
	d.typeText("段?")
	if d.m.c.help.ShowAll {
		t.Fatal("? in the search box opened the help")
	}
	d.mustContain("/段?")
	d.keys("backspace")
	if got := len(d.m.detail.search.matches); got != 6 {
		t.Fatalf("段: %d matches, want 6 (one per paragraph)", got)
	}
	if !strings.Contains(d.statusLine(), "1/6") {
		t.Fatalf("status line lacks the count 1/6: %q", d.statusLine())
	}
	if !reverseRe.MatchString(d.m.View().Content) {
		t.Error("no match is drawn in reverse video")
	}
	d.keys("enter")
	if d.m.capturing() {
		t.Fatal("enter did not leave the search box")
	}
	d.keys("n", "n")
	if !strings.Contains(d.statusLine(), "/段 3/6") {
		t.Errorf("n n: status %q, want /段 3/6", d.statusLine())
	}
	d.mustContain("1/11") // n stepped through matches, not notes
	d.mustContain("第 3 段")
	d.keys("N", "N", "N")
	if !strings.Contains(d.statusLine(), "6/6") {
		t.Errorf("N from the first match did not wrap to the last: %q", d.statusLine())
	}
	// The last match is far down: it was scrolled onto the screen.
	if d.m.detail.vp.YOffset() == 0 {
		t.Error("the sixth match was not scrolled to")
	}
	d.mustContain("第 6 段")
	d.mustContain("n 下一个匹配", "→ 下一题", "esc 清除搜索")
	d.keys("right")
	d.mustContain("2/11")
	if !strings.Contains(d.statusLine(), "/段 1/6") {
		t.Errorf("the next note was not searched: %q", d.statusLine())
	}
	d.keys("esc")
	if d.m.active != viewDetail {
		t.Fatal("esc with a search on left the note instead of clearing the search")
	}
	if reverseRe.MatchString(d.m.View().Content) || strings.Contains(d.statusLine(), "/段") {
		t.Error("esc left the search's highlights or count")
	}
	d.mustContain("n/→ 下一题")
	d.keys("esc")
	if d.m.active != viewList {
		t.Error("esc without a search did not go back")
	}
}

func TestSearchLatinCaseAndNoMatch(t *testing.T) {
	d := newDriver(t, Options{Lang: "en"}, 80, 16)
	d.keys("enter", "/")
	d.typeText("MATH.SQRT")
	if got := len(d.m.detail.search.matches); got != 1 {
		t.Fatalf("MATH.SQRT: %d matches in a note with math.sqrt, want 1", got)
	}
	d.mustContain("math.sqrt", "1/1")
	d.keys("esc")
	if d.m.detail.search.active() || d.m.capturing() {
		t.Fatal("esc in the search box did not cancel the search")
	}
	d.keys("/")
	d.typeText("zebra")
	d.mustContain("no match")
	d.keys("enter", "n")
	d.mustContain("1/11") // n with nothing to find stays put
}

func TestHeadingKeysJump(t *testing.T) {
	d := newDriver(t, Options{}, 80, 16)
	d.keys("enter")
	h := d.m.detail.headings
	if len(h) != 2 {
		t.Fatalf("headings at %v, want 答案 and 要点", h)
	}
	d.keys("}")
	if got := d.m.detail.vp.YOffset(); got != min(h[1], d.m.detail.vp.TotalLineCount()-d.m.detail.vp.Height()) || got == 0 {
		t.Fatalf("} put line %d at the top, want the 要点 heading at %d", got, h[1])
	}
	d.mustContain("要点")
	d.keys("{")
	if got := d.m.detail.vp.YOffset(); got != h[0] {
		t.Errorf("{ went to line %d, want %d", got, h[0])
	}
}
