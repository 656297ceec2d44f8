package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Headings are drawn by weight and colour, never with their "#" marks, and
// Plain output carries no markdown emphasis or code marks.
func TestHeadingsWithoutMarks(t *testing.T) {
	md := "正文。\n\n## 补充与勘误\n\n### 勘误\n\n**粗体** 与 *斜体* 与 `code`。"
	for _, st := range []Style{Dark, Light, Plain} {
		out, err := New().Render(md, 60, st)
		if err != nil {
			t.Fatal(err)
		}
		text := ansi.Strip(out)
		if strings.Contains(text, "#") {
			t.Errorf("%s: heading marks in\n%s", st, text)
		}
		if !strings.Contains(text, "▌ 补充与勘误") {
			t.Errorf("%s: h2 without its bar in\n%s", st, text)
		}
		if !strings.Contains(text, "\n  勘误") {
			t.Errorf("%s: h3 not on a line of its own in\n%s", st, text)
		}
		if st == Plain && strings.ContainsAny(text, "*`") {
			t.Errorf("plain output keeps markdown marks:\n%s", text)
		}
		if st != Plain && !strings.Contains(out, "\x1b[") {
			t.Errorf("%s: no colour at all", st)
		}
	}
}

// codeColours counts the distinct foreground colours in out: a highlighted
// Python line has several, a plain one the margin's and the code's.
func codeColours(out string) int {
	seen := map[string]bool{}
	for _, part := range strings.Split(out, "\x1b[")[1:] {
		if i := strings.IndexByte(part, 'm'); i > 0 && strings.HasPrefix(part, "38;") {
			seen[part[:i]] = true
		}
	}
	return len(seen)
}

func TestLargeCodeBlockIsNotHighlighted(t *testing.T) {
	small := "```python\ndef f(x):\n    return x + 1\n```\n"
	line := "x = " + strings.Repeat("1 + ", maxHighlightLine/4) + "1"
	big := "```python\ndef f(x):\n    return x + 1\n" + line + "\n```\n"
	bare := "```\ndef f(x):\n    return x + 1\n" + line + "\n```\n"
	r := New()
	hs, err := r.Render(small, 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	hb, err := r.Render(big, 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	hn, err := r.Render(bare, 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	first := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
	if n := codeColours(first(hs)); n < 4 {
		t.Errorf("small block: %d colours on its first line, want highlighting", n)
	}
	for name, out := range map[string]string{"python": hb, "no language": hn} {
		if n := codeColours(first(out)); n > 2 {
			t.Errorf("block with a %d-byte line (%s): %d colours on its first line, want none", len(line), name, n)
		}
		if !strings.Contains(ansi.Strip(out), "def f(x):") {
			t.Errorf("%s: code lost", name)
		}
	}
}

// A highlighted render that does not finish within the timeout is replaced
// by one without highlighting, and the screen never waits for it.
func TestSlowRenderShownPlain(t *testing.T) {
	r := New()
	block := make(chan struct{})
	defer close(block)
	r.timeout = 50 * time.Millisecond
	r.beforeHighlight = func() { <-block }
	start := time.Now()
	out, err := r.Render("```python\ndef f(x):\n    return x\n```\n", 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("render waited %v for a stuck highlighter", d)
	}
	if !strings.Contains(ansi.Strip(out), "def f(x):") {
		t.Errorf("plain fallback lost the code: %q", out)
	}
	if n := codeColours(out); n > 2 {
		t.Errorf("fallback has %d colours; want code without highlighting", n)
	}
}

// Body text is drawn in the terminal's own foreground, which is readable on
// whatever background the terminal has: no foreground colour is set on it.
func TestBodyTextInTheTerminalsForeground(t *testing.T) {
	md := "正文一段，with English words。\n\n- 列表第一项\n- 列表第二项\n\n| 列 | 值 |\n|---|---|\n| 表格内容 | 1 |\n"
	for _, st := range []Style{Dark, Light} {
		out, err := New().Render(md, 60, st)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out, "\n") {
			plain := ansi.Strip(line)
			if !strings.Contains(plain, "正文") && !strings.Contains(plain, "列表") && !strings.Contains(plain, "表格内容") {
				continue
			}
			if setsForeground(line) {
				t.Errorf("%s: body text with a foreground colour: %q", st, line)
			}
		}
	}
}

// setsForeground reports whether an SGR sequence of line sets a foreground
// colour (30–37, 90–97 or 38;…), an extended background or underline
// colour's parameters aside.
func setsForeground(line string) bool {
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(line, -1) {
		ps := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(ps); i++ {
			switch n, _ := strconv.Atoi(ps[i]); {
			case n == 38, n >= 30 && n <= 37, n >= 90 && n <= 97:
				return true
			case n == 48 || n == 58:
				if i+1 < len(ps) && ps[i+1] == "5" {
					i += 2
				} else {
					i += 4
				}
			}
		}
	}
	return false
}
