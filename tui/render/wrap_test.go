package render

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func visible(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = ansi.Strip(l)
	}
	return out
}

func TestWrapLineCases(t *testing.T) {
	cjk := func(n int) string { return strings.Repeat("字", n) }
	cases := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "  • 短句。  ", 40, []string{"  • 短句。"}},
		{"bullet keeps text and hangs", "  • " + cjk(30), 40,
			[]string{"  • " + cjk(18), "    " + cjk(12)}},
		{"numbered item hangs under its text", "  12. " + cjk(20), 30,
			[]string{"  12. " + cjk(12), "      " + cjk(8)}},
		{"closing punctuation is not pushed to a line start", "  " + cjk(19) + "。" + cjk(3), 40,
			[]string{"  " + cjk(18), "  字。" + cjk(3)}},
		{"ASCII closing punctuation after CJK", cjk(9) + ", next", 18,
			[]string{cjk(8), "字, next"}},
		{"opening punctuation does not end a line", cjk(8) + "（括号）", 18,
			[]string{cjk(8), "（括号）"}},
		{"Latin words stay whole", "使用LoRA微调和QLoRA量化方法", 12,
			[]string{"使用LoRA微调", "和QLoRA量化", "方法"}},
		{"break at spaces", "alpha beta gamma delta", 11,
			[]string{"alpha beta", "gamma delta"}},
		{"long Latin word is split", strings.Repeat("x", 25), 10,
			[]string{strings.Repeat("x", 10), strings.Repeat("x", 10), strings.Repeat("x", 5)}},
		{"long URL is cut after a separator", "见 https://arxiv.org/abs/2106.09685。", 20,
			[]string{"见", "https://arxiv.org/", "abs/2106.09685。"}},
		{"inline code padding stays with the code", "字字和\x1b[7m\u00a0代码\u00a0\x1b[m，字", 8,
			[]string{"字字和", "\u00a0代码\u00a0，", "字"}},
		{"no-break space glues", "字字字\u00a0字字", 8, []string{"字字", "字\u00a0字字"}},
		{"quote bars repeat", "  │ │ " + cjk(10), 14,
			[]string{"  │ │ " + cjk(4), "  │ │ " + cjk(4), "  │ │ " + cjk(2)}},
		{"task box", "  [ ] " + cjk(8), 14, []string{"  [ ] " + cjk(4), "      " + cjk(4)}},
		{"tabs expand to stops of 4", "\tab\tc", 40, []string{"    ab  c"}},
		{"code indent kept", "        x = 1  # " + cjk(10), 24,
			[]string{"        x = 1  # " + cjk(3), "        " + cjk(7)}},
		{"deep prefix shrinks", strings.Repeat(" ", 14) + "• " + cjk(10), 20,
			[]string{strings.Repeat(" ", 14) + "• 字字", strings.Repeat(" ", 10) + cjk(5), strings.Repeat(" ", 10) + cjk(3)}},
		{"deep prefix kept when 16 cells remain", strings.Repeat(" ", 22) + "• " + cjk(12), 40,
			[]string{strings.Repeat(" ", 22) + "• " + cjk(8), strings.Repeat(" ", 24) + cjk(4)}},
		{"deeper prefix shrinks to width-16", strings.Repeat(" ", 28) + "x = " + cjk(12), 40,
			[]string{strings.Repeat(" ", 28) + "x = " + cjk(4), strings.Repeat(" ", 24) + cjk(8)}},
		{"width 1 puts one character a line", "字a字", 1, []string{"字", "a", "字"}},
		{"a lone character wider than the line", "字", 1, []string{"字"}},
		{"controls dropped, newline is a space", "a\x00b\nc\u2028d", 40, []string{"ab cd"}},
		{"blank line", "   ", 10, []string{""}},
		{"a short formula moves whole", "取 r ≪ min(d, k)，于是", 16,
			[]string{"取", "r ≪ min(d, k)，", "于是"}},
		{"a number stays with its measure word", cjk(6) + "约 3 亿参数", 16,
			[]string{cjk(6) + "约", "3 亿参数"}},
		{"a number and its unit stay together", cjk(5) + "用 80 GB 显存", 16,
			[]string{cjk(5) + "用", "80 GB 显存"}},
		{"a run wider than the line breaks at its spaces", "式 a + b + c + d + e + f", 12,
			[]string{"式 a + b + c", "+ d + e + f"}},
		{"a run over 20 cells breaks at spaces", "见 alpha beta gamma delta epsilon", 20,
			[]string{"见 alpha beta gamma", "delta epsilon"}},
	}
	for _, c := range cases {
		got := visible(WrapLine(c.in, c.width))
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: WrapLine(%q, %d) =\n%q\nwant\n%q", c.name, c.in, c.width, got, c.want)
		}
	}
}

func TestWrapCodeLineMarksContinuations(t *testing.T) {
	in := "        s = q @ k.T / q.shape[-1] ** 0.5"
	got := visible(mustWrap(wrapLine(in, 30, wrapCode)))
	want := []string{"        s = q @ k.T /", "        ↪ q.shape[-1] ** 0.5"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	// As prose, the same line would hang without a mark.
	if got := visible(WrapLine(in, 30)); strings.Contains(got[1], codeMark) {
		t.Errorf("prose line marked: %q", got)
	}
}

func mustWrap(lines []string, _ string) []string { return lines }

func TestWrapLineStyles(t *testing.T) {
	const red, bold = "\x1b[31m", "\x1b[1m"
	link := ansi.SetHyperlink("https://example.com")
	in := "  \x1b[2m│ \x1b[m" + red + "红色文字" + bold + "加粗" + link + "链接文字" + ansi.ResetHyperlink() + ansi.ResetStyle
	got := WrapLine(in, 12)
	hang := "  \x1b[2m│ \x1b[m"
	want := []string{
		hang + red + "红色文字" + bold + ansi.ResetStyle,
		hang + red + bold + "加粗" + link + "链接" + ansi.ResetStyle + ansi.ResetHyperlink(),
		hang + link + red + bold + "文字" + ansi.ResetHyperlink() + ansi.ResetStyle,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestFirstClusterShortcut checks the segmenter shortcut against x/ansi.
func TestFirstClusterShortcut(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if fastWide(r) && ansi.StringWidth(string(r)) != 2 {
			t.Fatalf("fastWide(%U) but x/ansi measures %d cells", r, ansi.StringWidth(string(r)))
		}
	}
	for _, s := range []string{"ab", "a\u0301", "字a", "字\u0301", "字字", "。」", "a\u200d", "字\ufe0f", "👍🏽x", "🇨🇳a", "\u1100\u1161"} {
		g1, w1 := firstCluster(s)
		g2, w2 := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if g1 != g2 || w1 != w2 {
			t.Errorf("firstCluster(%q) = %q,%d; x/ansi says %q,%d", s, g1, w1, g2, w2)
		}
	}
}

// injectEscapes turns bytes 1–5 of a fuzz input into well-formed SGR and
// OSC 8 sequences after removing raw ESC bytes, so that the visible text of
// the result is known.
func injectEscapes(s string) string {
	s = strings.ReplaceAll(s, "\x1b", "")
	return strings.NewReplacer(
		"\x01", "\x1b[31m",
		"\x02", "\x1b[m",
		"\x03", ansi.SetHyperlink("https://example.com/x", "id=1"),
		"\x04", ansi.ResetHyperlink(),
		"\x05", "\x1b[1;38;5;252m",
	).Replace(s)
}

// nonSpace keeps the runes that WrapLine must keep: everything but
// whitespace and control characters.
func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// checkWrap checks WrapLine's promises on one input and reports the first
// broken one.
func checkWrap(t *testing.T, in string, width int, content bool) {
	t.Helper()
	lines, hang := wrapLine(in, width, wrapText)
	if len(lines) == 0 {
		t.Fatalf("WrapLine(%q, %d) returned no line", in, width)
	}
	for _, l := range lines {
		s := ansi.Strip(l)
		if strings.ContainsAny(s, "\n\r\t") {
			t.Fatalf("WrapLine(%q, %d): line %q holds a newline or tab", in, width, l)
		}
		if strings.TrimRight(s, " ") != s {
			t.Fatalf("WrapLine(%q, %d): line %q ends with a space", in, width, s)
		}
		if w := ansi.StringWidth(s); w > width {
			// Allowed only for a single grapheme wider than the width.
			g := strings.TrimSpace(s)
			first, gw := ansi.FirstGraphemeCluster(g, ansi.GraphemeWidth)
			if first != g || gw <= width {
				t.Fatalf("WrapLine(%q, %d): line %q is %d cells wide", in, width, s, w)
			}
		}
	}
	if !content {
		return
	}
	h := ansi.Strip(hang)
	if strings.Trim(h, " │|") != "" {
		t.Fatalf("WrapLine(%q, %d): hanging prefix %q holds text", in, width, h)
	}
	src := ansi.Strip(strings.ToValidUTF8(in, "\uFFFD"))
	if !strings.HasPrefix(nonSpace(src), nonSpace(h)) {
		t.Fatalf("WrapLine(%q, %d): hanging prefix %q is not copied from the line's start", in, width, h)
	}
	var got strings.Builder
	for k, l := range lines {
		s := ansi.Strip(l)
		if k > 0 {
			rest, ok := strings.CutPrefix(s, h)
			if !ok {
				t.Fatalf("WrapLine(%q, %d): line %q does not start with the hanging prefix %q", in, width, s, h)
			}
			s = rest
		}
		got.WriteString(s)
	}
	if g, w := nonSpace(got.String()), nonSpace(src); g != w {
		t.Fatalf("WrapLine(%q, %d) = %q: text %q, want %q", in, width, lines, g, w)
	}
}

func FuzzWrapLine(f *testing.F) {
	for _, s := range []string{
		"",
		"  • 低秩假设：预训练模型在适配下游任务时，权重的变化量本质上位于一个很低维的子空间里。",
		"  \x05│ \x02\x05面试提示：回答时先讲动机（全参数微调太贵），再讲方法\x02",
		"    \t\tself.base = base  # 冻结的原始线性层，它的权重在整个微调过程中都不会被更新",
		"更多细节可以参考原论文 \x03LoRA: Low-Rank Adaptation\x04，以及 Hugging Face 的 PEFT 库文档。",
		"  1. QLoRA 和 LoRA 有什么区别？QLoRA 把基座模型量化到 4-bit NormalFloat（NF4）",
		"e\u0301\u0301 👍🏽 🇨🇳🇺🇸 \u200b\u200d a\u00a0b 。。。（（（ ))) 字\x1b[",
		"\x1b]8;;unterminated 文字 \x1bP dcs \x1b\\ \x1b[31;1 文 \x1b(B ok",
		strings.Repeat("x", 300),
		"\xff\xfe 字 \xc2\x9b31m 字",
	} {
		f.Add(s, 40)
		f.Add(s, 1)
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		width := 1 + (w%200+200)%200
		checkWrap(t, s, width, false)
		checkWrap(t, injectEscapes(s), width, true)
	})
}

// TestWrapLineKeepsText runs the fuzz checks on the lines glamour writes
// for the test note, at every width from 1 to 120.
func TestWrapLineKeepsText(t *testing.T) {
	pieces, err := New().render(readNote(t), 1000, Dark)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range pieces {
		if p.table || !utf8.ValidString(p.src) {
			continue
		}
		for width := 1; width <= 120; width++ {
			checkWrap(t, p.src, width, true)
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d lines checked", n)
	}
}

// quoteBreaks returns the lines of a wrapped paragraph that end with an
// opening ASCII quote or start with a closing one, counting quotes in order.
func quoteBreaks(lines []string) []string {
	var bad []string
	n := 0
	for k, l := range lines {
		s := ansi.Strip(l)
		body := strings.TrimLeft(s, " •")
		if k > 0 && strings.HasPrefix(body, `"`) && n%2 == 1 {
			bad = append(bad, "closing quote starts "+strconv.Quote(s))
		}
		n += strings.Count(s, `"`)
		if k+1 < len(lines) && strings.HasSuffix(s, `"`) && n%2 == 1 {
			bad = append(bad, "opening quote ends "+strconv.Quote(s))
		}
	}
	return bad
}

// Chinese text often quotes with ASCII ": in pairs they are kept with the
// text they enclose, at every width.
func TestWrapLinePairsASCIIQuotes(t *testing.T) {
	line := `  • "自"指 Q、K、V 都来自同一个序列，"时间复杂度为 O(N²)"：不完整，"仅加入到输入层"正好相反。`
	// From 12 cells on, every unbreakable run (`O(N²)"：` is 8 cells after
	// the 4-cell hanging prefix) fits, so no break is forced.
	for width := 12; width <= 60; width++ {
		lines := WrapLine(line, width)
		if bad := quoteBreaks(lines); len(bad) > 0 {
			t.Errorf("width %d: %v in %q", width, bad, lines)
		}
		if got, want := strings.Join(lines, ""), line; sig(got) != sig(want) || strings.Count(got, `"`) != 6 {
			t.Errorf("width %d: text changed: %q", width, lines)
		}
	}
}

// With an odd number of ASCII quotes nothing is known of them: they wrap as
// any neutral character (here #) would.
func TestWrapLineUnpairedQuotesAreNeutral(t *testing.T) {
	line := `屏幕是 27" 的显示器，"分辨率"很高，另一个引号没有结束`
	neutral := strings.ReplaceAll(line, `"`, "#")
	for width := 4; width <= 40; width++ {
		got := WrapLine(line, width)
		want := strings.Split(strings.ReplaceAll(strings.Join(WrapLine(neutral, width), "\n"), "#", `"`), "\n")
		if !slices.Equal(got, want) {
			t.Errorf("width %d: %q, as neutral %q", width, got, want)
		}
	}
}

// No line of the deck, at any width from 20 to 100, ends with an opening
// ASCII quote or starts with a closing one.
func TestDeckQuotesStayWithTheirText(t *testing.T) {
	r := New()
	for name, md := range deckNotes(t) {
		for width := 20; width <= 100; width++ {
			pieces, err := r.render(md, width, Plain)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pieces {
				if p.table || strings.Count(p.src, `"`)%2 != 0 {
					continue
				}
				if bad := quoteBreaks(p.lines); len(bad) > 0 {
					t.Fatalf("%s at width %d: %v", name, width, bad)
				}
			}
		}
	}
}
