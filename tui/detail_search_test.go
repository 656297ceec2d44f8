package tui

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
)

func TestFindMatchesCaseAndWidth(t *testing.T) {
	plain := []string{"  RoPE 与 rope：旋转位置编码", "no match here", "位置编码和位置"}
	got := findMatches(plain, "rOpE")
	// "与" is two cells wide.
	want := []searchMatch{{line: 0, start: 2, end: 6}, {line: 0, start: 10, end: 14}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("rOpE: got %v, want %v", got, want)
	}
	// "位置" starts after "  RoPE 与 rope：旋转", 20 cells.
	got = findMatches(plain, "位置")
	if len(got) != 3 || got[0] != (searchMatch{line: 0, start: 20, end: 24}) || got[1] != (searchMatch{line: 2, start: 0, end: 4}) ||
		got[2] != (searchMatch{line: 2, start: 10, end: 14}) {
		t.Errorf("位置: got %v", got)
	}
	if m := findMatches(plain, "  "); m != nil {
		t.Errorf("a blank query matched %v", m)
	}
	if m := findMatches([]string{"aaaa"}, "aa"); len(m) != 2 {
		t.Errorf("matches overlap: %v", m)
	}
}

// A match the renderer wrapped onto the next line is found, Chinese joined
// without a space and English across the space the wrap dropped, once, and
// never across a blank line.
func TestFindMatchesAcrossAWrap(t *testing.T) {
	for _, c := range []struct {
		plain []string
		query string
		want  []searchMatch
	}{
		{[]string{"  讲的是注意", "  力机制的来历", "  注意力"}, "注意力", []searchMatch{
			{line: 0, start: 8, end: 12, nextStart: 2, nextEnd: 4}, {line: 2, start: 2, end: 8}}},
		{[]string{"  the quick", "  brown fox"}, "QUICK brown", []searchMatch{
			{line: 0, start: 6, end: 11, nextStart: 2, nextEnd: 7}}},
		{[]string{"  注意力注意", "  力"}, "注意力", []searchMatch{
			{line: 0, start: 2, end: 8}, {line: 0, start: 8, end: 12, nextStart: 2, nextEnd: 4}}},
		{[]string{"  注意", "", "  力"}, "注意力", nil},
		{[]string{"  注意", "  力量"}, "注意 力", []searchMatch{{line: 0, start: 2, end: 6, nextStart: 2, nextEnd: 4}}},
		// Latin text breaks only at spaces: these are two words.
		{[]string{"  abc", "  d"}, "abcd", nil},
		{[]string{"  the model can", "  notice the pattern"}, "cannot", nil},
		{[]string{"  用 LoRA", "  微调"}, "lora 微调", []searchMatch{{line: 0, start: 5, end: 9, nextStart: 2, nextEnd: 6}}},
		{[]string{"  注意力", "  attention"}, "力att", []searchMatch{{line: 0, start: 6, end: 8, nextStart: 2, nextEnd: 5}}},
		{[]string{"  ab", "  cd"}, "b", []searchMatch{{line: 0, start: 3, end: 4}}},
	} {
		got := findMatches(c.plain, c.query)
		if len(got) != len(c.want) {
			t.Errorf("%q in %q: got %v, want %v", c.query, c.plain, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q in %q: got %v, want %v", c.query, c.plain, got, c.want)
				break
			}
		}
	}
}

// A wrapped match is highlighted on both its lines.
func TestHighlightWrappedMatch(t *testing.T) {
	plain := []string{"  讲的是注意", "  力机制"}
	m := findMatches(plain, "注意力")
	hl, cur := matchStyles()
	out := highlightMatches(plain, m, 0, hl, cur)
	for i, want := range []string{"注意", "力"} {
		if got := stripped(out[i]); got != plain[i] {
			t.Errorf("line %d: highlighting changed the text: %q", i, got)
		}
		if got := reversedText(out[i]); got != want {
			t.Errorf("line %d: %q in reverse video, want %q: %q", i, got, want, out[i])
		}
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

// reversedText is the text of s drawn in reverse video.
func reversedText(s string) string {
	var b strings.Builder
	sgr := regexp.MustCompile(`\x1b\[(?:[0-9]+;)*7(?:;[0-9]+)*m`)
	for _, run := range sgr.Split(s, -1)[1:] {
		text, _, _ := strings.Cut(run, "\x1b[m")
		b.WriteString(stripped(text))
	}
	return b.String()
}

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

// In a note as rendered, two characters the wrap put on two lines are
// found by a search for both, and the match is scrolled to.
func TestSearchFindsAMatchTheWrapSplit(t *testing.T) {
	deck, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Deck: deck}, 44, 16)
	d.keys("enter")
	plain := d.m.detail.plain
	query := ""
	for i := 0; i+1 < len(plain) && query == ""; i++ {
		a, b := []rune(strings.TrimRight(plain[i], " ")), []rune(strings.TrimLeft(plain[i+1], " "))
		if len(a) > 0 && len(b) > 0 && isHan(a[len(a)-1]) && isHan(b[0]) {
			query = string(a[len(a)-1]) + string(b[0])
		}
	}
	if query == "" {
		t.Fatal("no line of the note wraps between two Chinese characters")
	}
	d.keys("/")
	d.typeText(query)
	wrapped := 0
	for _, m := range d.m.detail.search.matches {
		if m.nextEnd > m.nextStart {
			wrapped++
		}
	}
	if wrapped == 0 {
		t.Fatalf("%q: %d matches, none across the wrap", query, len(d.m.detail.search.matches))
	}
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// The head of a wrapped match ends where its line's text ends, not over
// the spaces after it.
func TestWrappedMatchEndsWithTheText(t *testing.T) {
	got := findMatches([]string{"  讲的是注意  ", "  力"}, "注意力")
	want := searchMatch{line: 0, start: 8, end: 12, nextStart: 2, nextEnd: 4}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %v, want [%v]", got, want)
	}
}

// Opening and closing the search box changes the help's keys, and with the
// full help shown its height: the note's rows follow, so the frame still
// fills the window exactly (FuzzModel found 207 lines in a 200-line one).
func TestSearchBoxKeepsTheFrameInTheWindow(t *testing.T) {
	for _, closer := range []string{"esc", "enter"} {
		d := newDriver(t, Options{}, 120, 40)
		d.keys("enter", "?", "/")
		d.checkFits("search box open, full help")
		d.send(tea.WindowSizeMsg{Width: 500, Height: 200})
		d.typeText("注意")
		d.keys(closer)
		d.checkFits("search box closed with " + closer)
		if n := strings.Count(d.m.View().Content, "\n") + 1; n != 200 {
			t.Errorf("after %s: %d lines in a 200-line window", closer, n)
		}
	}
}
