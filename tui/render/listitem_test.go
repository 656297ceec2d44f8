package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// plainLines renders md and returns its lines without escape codes, failing
// on any line wider than width.
func plainLines(t *testing.T, r *Renderer, md string, width int, style Style) []string {
	t.Helper()
	out, err := r.Render(md, width, style)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	for _, l := range lines {
		if ansi.StringWidth(l) > width {
			t.Errorf("width %d %v: line %q is wider", width, style, l)
		}
	}
	if got, want := cjkSig(out), cjkSig(md); got != want {
		t.Errorf("width %d %v: characters lost or reordered:\n got %s\nwant %s", width, style, got, want)
	}
	return lines
}

// lineWith returns the index of the first line whose text starts with s.
func lineWith(t *testing.T, lines []string, s string) int {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " │|•"), s) {
			return i
		}
	}
	t.Fatalf("no line starts with %q in\n%s", s, strings.Join(lines, "\n"))
	return -1
}

// column returns the cell at which s starts in line.
func column(line, s string) int {
	i := strings.Index(line, s)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

// A list item's second paragraph, its table and the line after a hard break
// each start on a line of their own at the item's text column (glamour runs
// later paragraphs on after the first, glamour#167, and indents the line
// after a hard break only to the marker).
func TestListItemLaterBlocks(t *testing.T) {
	md := "1. 第一段的文字比较长，需要在窄的宽度下换行显示。\n\n" +
		"   第二段也比较长，同样需要换行，续行要和正文对齐。\n\n" +
		"   | 方法 | 说明 |\n   |---|---|\n   | LoRA | 低秩分解 |\n\n" +
		"   硬换行之前\\\n   硬换行之后\n\n" +
		"10. 下一项\n"
	r := New()
	for _, style := range []Style{Plain, Dark} {
		for _, width := range []int{24, 30, 60} {
			lines := plainLines(t, r, md, width, style)
			first, next := lineWith(t, lines, "1. 第一段"), lineWith(t, lines, "2. 下一项")
			col := column(lines[first], "第一段")
			for _, s := range []string{"第二段", "方法", "LoRA", "硬换行之后"} {
				i := lineWith(t, lines, s)
				if got := column(lines[i], s); got != col {
					t.Errorf("width %d %v: %q starts at column %d, the item's text at %d:\n%s", width, style, s, got, col, strings.Join(lines, "\n"))
				}
			}
			if i := lineWith(t, lines, "第二段"); lines[i-1] != "" {
				t.Errorf("width %d %v: no blank line before the second paragraph: %q", width, style, lines[i-1])
			}
			// Every line of the item, wrapped ones too, is at its text column.
			for _, l := range lines[first+1 : next] {
				if l != "" && (column(l, strings.TrimLeft(l, " ")) != col) {
					t.Errorf("width %d %v: line %q is not at column %d", width, style, l, col)
				}
			}
			if h := lines[lineWith(t, lines, "方法")]; !strings.Contains(h, "说明") {
				t.Errorf("width %d %v: the table's header %q lacks a cell", width, style, h)
			}
		}
	}
}

// Nested items and task items indent their later paragraphs to their own
// text, wherever that is.
func TestListItemLaterParagraphsNested(t *testing.T) {
	md := "- 外层\n  - 内层\n\n    内层第二段\n\n  外层第二段\n- [ ] 任务\n\n  任务说明\n"
	r := New()
	for _, style := range []Style{Plain, Dark} {
		lines := plainLines(t, r, md, 40, style)
		for para, item := range map[string]string{"内层第二段": "内层", "外层第二段": "外层", "任务说明": "任务"} {
			want := column(lines[lineWith(t, lines, item)], item)
			if got := column(lines[lineWith(t, lines, para)], para); got != want {
				t.Errorf("%v: %q at column %d, its item's text at %d:\n%s", style, para, got, want, strings.Join(lines, "\n"))
			}
		}
	}
}

// A table in a quote is drawn inside the quote: after its bars, in their
// colour.
func TestTableInQuote(t *testing.T) {
	md := "> 引用\n>\n> | a | 表头 |\n> |---|---|\n> | 1 | 中文 |\n>\n> 之后\n"
	r := New()
	for _, style := range []Style{Plain, Dark} {
		lines := plainLines(t, r, md, 40, style)
		bar := "  | "
		if style == Dark {
			bar = "  │ "
		}
		for _, s := range []string{"引用", "a", "1", "之后"} {
			l := lines[lineWith(t, lines, s)]
			if !strings.HasPrefix(l, bar) {
				t.Errorf("%v: line %q does not start with the quote's bar %q", style, l, bar)
			}
			// Cells start right after the bar, as in a table at the top
			// (glamour's own table pads them).
			if column(l, s) != ansi.StringWidth(bar) {
				t.Errorf("%v: %q is at column %d in %q, want right after the bar", style, s, column(l, s), l)
			}
		}
		if h := lines[lineWith(t, lines, "a")]; !strings.Contains(h, "表头") {
			t.Errorf("%v: header %q lacks a cell", style, h)
		}
	}
	out, err := r.Render(md, 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	raw := strings.Split(out, "\n")
	before := func(l string) string { return l[:strings.Index(l, "│")] }
	if got, want := before(raw[lineWith(t, strings.Split(ansi.Strip(out), "\n"), "a")]), before(raw[0]); got != want {
		t.Errorf("the table's bar is drawn as %q, the quote's as %q", got, want)
	}
}

// Emphasis after the indent prepare inserts parses as at a line's start:
// "*(强调)*" needs a space or punctuation before it to be emphasis.
func TestListItemIndentKeepsEmphasis(t *testing.T) {
	r := New()
	top, err := r.Render("*(强调)*\n", 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	nested, err := r.Render("- 一\n\n  *(强调)*\n", 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimLeft(top, " "); !strings.Contains(nested, want) {
		t.Errorf("in a list item the emphasis is %q, at the top %q", nested, want)
	}
}

// A note holding every space character prepare could use keeps them all:
// the fix is skipped rather than a character of the note changed.
func TestListItemIndentRuneNotInNote(t *testing.T) {
	all := "\u2008\u2009\u200A\u2007\u2006\u2005\u2004"
	md := "- 一" + all + "\n\n  二\n"
	out, err := New().Render(md, 40, Plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if !strings.ContainsRune(out, r) {
			t.Errorf("U+%04X lost: %q", r, out)
		}
	}
	if indentRune(md) != 0 {
		t.Errorf("indentRune chose a rune the note has")
	}
	md = "- 一\u2008\n\n  二\n"
	out, err = New().Render(md, 40, Plain)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.ContainsRune(out, '\u2008') {
		t.Errorf("the note's U+2008 became a space: %q", out)
	}
	if lines := strings.Split(out, "\n"); len(lines) < 3 || lines[2] != "    二" {
		t.Errorf("with U+2008 in the note, the second paragraph is not indented: %q", out)
	}
}

// A table that is a list item's first block starts on the line after the
// marker, at the item's text column; one whose line does not start with a
// pipe is left to glamour and still renders whole and within the width.
func TestTableFirstInListItem(t *testing.T) {
	r := New()
	for _, style := range []Style{Plain, Dark} {
		for md, next := range map[string]string{
			"- | a | 表头 |\n  |---|---|\n  | 1 | 中文 |\n- 第二项\n":     "第二项",
			"1. | a | 表头 |\n   |---|---|\n   | 1 | 中文 |\n2. 第二项\n": "2. 第二项",
		} {
			lines := plainLines(t, r, md, 40, style)
			col := column(lines[lineWith(t, lines, next)], "第二项")
			for _, s := range []string{"a ", "1 "} {
				if l := lines[lineWith(t, lines, s)]; column(l, s) != col {
					t.Errorf("%v: table line %q does not start at the item's text column %d", style, l, col)
				}
			}
			if h := lines[lineWith(t, lines, "a ")]; !strings.Contains(h, "表头") {
				t.Errorf("%v: the header %q lacks a cell", style, h)
			}
		}
		plainLines(t, r, "- a | 表头\n  --|--\n  1 | 中文\n", 40, style)
	}
}

// A later paragraph is set off by one blank line, whatever block comes
// before it: glamour ends a paragraph's line only at the next block, and
// other blocks' lines itself.
func TestListItemLaterParagraphOneBlankLine(t *testing.T) {
	md := "- 第一项\n\n  ```\n  code\n  ```\n\n  代码之后\n  - 子项\n\n  子列表之后\n\n  段落之后\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n  表格之后\n- 第二项\n"
	r := New()
	for _, style := range []Style{Plain, Dark} {
		lines := plainLines(t, r, md, 40, style)
		for _, s := range []string{"代码之后", "子列表之后", "段落之后", "a ", "表格之后"} {
			i := lineWith(t, lines, s)
			if lines[i-1] != "" || lines[i-2] == "" {
				t.Errorf("%v: %q is not after exactly one blank line:\n%s", style, s, strings.Join(lines, "\n"))
			}
		}
	}
}
