package render

import (
	"mianjing/notes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Closing punctuation that must never start a line, and ASCII closing
// punctuation that must not start a line after a CJK character.
const (
	cjkClosers   = "，。、；：！？）》」』】"
	asciiClosers = ",.;:!?)]}"
	openers      = "（《「『【("
)

// textPrefix matches the hanging prefix of a rendered line: indent, quote
// bars, then a list or heading marker and a task box.
var textPrefix = regexp.MustCompile(`^( *(?:[│|](?: +|$))*)((?:•|[0-9]+\.|#{1,6}) +)?(\[[ xX✓]\] +)?`)

// orphan matches a line holding nothing but bars and a list marker.
var orphan = regexp.MustCompile(`^[ │|]*(•|[0-9]+\.|\[[ xX✓]\])$`)

// delimiterRow matches a GFM table delimiter row.
var delimiterRow = regexp.MustCompile(`^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$`)

func readNote(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "note.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// deckNotes returns the bodies of the embedded deck's notes by file name.
func deckNotes(t *testing.T) map[string]string {
	t.Helper()
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, n := range d.Notes {
		bodies[n.File] = n.Body
	}
	return bodies
}

// sig keeps the characters whose survival is checked: CJK ideographs, CJK
// and full-width punctuation, ASCII letters and digits. glamour consumes
// markdown syntax (#, *, `, -, [ ]) and adds bullets, so those are left out.
func sig(s string) string {
	var b strings.Builder
	for _, r := range ansi.Strip(s) {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
			(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cjkSig keeps only CJK ideographs and CJK punctuation: for documents where
// glamour legitimately changes Latin text (renumbered lists, "[x]" shown as
// "[✓]", "Image:" before an image).
func cjkSig(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			return r
		}
		return -1
	}, ansi.Strip(s))
}

// srcTable is a table found in the markdown source by the test.
type srcTable struct {
	cols []string // sig of each column's cells, top to bottom
}

// splitSource returns the source without fence lines and tables, and the
// tables' columns.
func splitSource(md string) (string, []srcTable) {
	lines := strings.Split(md, "\n")
	var text []string
	var tables []srcTable
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			continue
		}
		if strings.Contains(l, "|") && i+1 < len(lines) && delimiterRow.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-") {
			var tb srcTable
			rows := []string{l}
			j := i + 2
			for ; j < len(lines) && strings.TrimSpace(lines[j]) != "" && strings.Contains(lines[j], "|"); j++ {
				rows = append(rows, lines[j])
			}
			for _, row := range rows {
				row = strings.TrimSpace(row)
				row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
				for c, cell := range strings.Split(row, "|") {
					for len(tb.cols) <= c {
						tb.cols = append(tb.cols, "")
					}
					tb.cols[c] += sig(cell)
				}
			}
			tables = append(tables, tb)
			i = j - 1
			continue
		}
		text = append(text, l)
	}
	return strings.Join(text, "\n"), tables
}

// cellSegments splits a stripped table line into its cells.
func cellSegments(line string) []string {
	line = strings.TrimPrefix(line, tableMargin)
	var segs []string
	for _, s := range strings.FieldsFunc(line, func(r rune) bool { return r == '│' || r == '|' }) {
		segs = append(segs, strings.TrimSpace(s))
	}
	// FieldsFunc drops empty fields: count separators instead.
	n := strings.Count(line, "│") + strings.Count(line, "|") + 1
	if len(segs) != n {
		segs = segs[:0]
		for _, s := range strings.Split(strings.ReplaceAll(line, "│", "|"), "|") {
			segs = append(segs, strings.TrimSpace(s))
		}
	}
	return segs
}

func isRule(line string) bool {
	return strings.Trim(line, " ─┼-|") == "" && strings.ContainsAny(line, "─-")
}

// expectedHang is the prefix every continuation line of src must start with.
func expectedHang(src string) string {
	m := textPrefix.FindStringSubmatch(src)
	h := m[1]
	for _, marker := range m[2:] {
		h += strings.Repeat(" ", ansi.StringWidth(marker))
	}
	return h
}

// checkRender renders md and checks every typesetting property; it returns
// the problems found, so a test can also show that the checks catch faults.
func checkRender(t *testing.T, r *Renderer, md string, width int, style Style) []string {
	t.Helper()
	return checkRenderSig(t, r, md, width, style, sig)
}

func checkRenderSig(t *testing.T, r *Renderer, md string, width int, style Style, sigOf func(string) string) []string {
	t.Helper()
	pieces, err := r.render(md, width, style)
	if err != nil {
		t.Fatalf("width %d %v: %v", width, style, err)
	}
	out, err := r.Render(md, width, style)
	if err != nil {
		t.Fatal(err)
	}
	return checkPieces(md, pieces, out, width, style, sigOf)
}

func checkPieces(md string, pieces []piece, out string, width int, style Style, sigOf func(string) string) []string {
	var bad []string
	fail := func(format string, line string) {
		bad = append(bad, strings.Replace(format, "%q", `"`+line+`"`, 1))
	}
	if style == Plain && strings.IndexByte(out, ansi.ESC) >= 0 {
		bad = append(bad, "plain output holds an escape code")
	}
	for _, l := range strings.Split(out, "\n") {
		s := ansi.Strip(l)
		if w := ansi.StringWidth(s); w > width {
			fail("line wider than width: %q", s)
		}
		if strings.TrimRight(s, " ") != s {
			fail("trailing space: %q", s)
		}
		if strings.ContainsAny(s, "\t\u2028\u2029") {
			fail("tab or line separator left: %q", s)
		}
		if orphan.MatchString(s) {
			fail("marker alone on its line: %q", s)
		}
	}

	srcText, srcTables := splitSource(md)
	var text strings.Builder
	ti := 0
	for _, p := range pieces {
		if p.table {
			bad = append(bad, checkTable(p, srcTables, ti)...)
			ti++
			continue
		}
		for _, l := range p.lines {
			text.WriteString(l)
			text.WriteByte('\n')
		}
		src := ansi.Strip(p.src)
		prefix := textPrefix.FindString(src)
		hang := expectedHang(src)
		for k, l := range p.lines {
			s := ansi.Strip(l)
			if k == 0 {
				if !strings.HasPrefix(s, strings.TrimRight(prefix, " ")) {
					fail("first line lost its prefix: %q", s)
				}
				continue
			}
			rest, ok := strings.CutPrefix(s, hang)
			if p.code {
				// A code line's continuation: its indent, then the mark.
				indent := strings.TrimLeft(src, " │|")
				indent = src[:len(src)-len(indent)]
				after := strings.TrimLeft(s, " │|")
				rest, ok = strings.CutPrefix(after, codeMark+" ")
				lead := ansi.StringWidth(s) - ansi.StringWidth(after)
				ok = ok && (s[:len(s)-len(after)] == indent || lead <= maxHang(width)-2)
			} else if ansi.StringWidth(hang) > maxHang(width) {
				// A deep prefix may be shortened: the text must start within
				// the allowed width, after nothing but indent and bars.
				rest = strings.TrimLeft(s, " │|")
				ok = ansi.StringWidth(s)-ansi.StringWidth(rest) <= maxHang(width)
			}
			if !ok || rest == "" || rest[0] == ' ' {
				fail("continuation line not at the item's text column: %q", s)
				continue
			}
			first, _ := utf8.DecodeRuneInString(rest)
			prevLine := ansi.Strip(p.lines[k-1])
			last, _ := utf8.DecodeLastRuneInString(prevLine)
			if strings.ContainsRune(cjkClosers, first) || (strings.ContainsRune(asciiClosers, first) && ansi.StringWidth(string(last)) == 2) {
				fail("line starts with closing punctuation: %q", s)
			}
			if strings.ContainsRune(openers, last) {
				fail("line ends with opening punctuation: %q", prevLine)
			}
		}
	}
	if ti != len(srcTables) {
		bad = append(bad, "tables in the source and in the output differ in number")
	}
	if got, want := sigOf(text.String()), sigOf(srcText); got != want {
		bad = append(bad, "text characters lost or reordered:\n got "+got+"\nwant "+want)
	}
	return bad
}

// checkTable checks a table piece against source table i: widths are checked
// with every line; here each column must hold its cells' characters in
// order, and no cell line may start with closing or end with opening
// punctuation.
func checkTable(p piece, srcTables []srcTable, i int) []string {
	var bad []string
	if i >= len(srcTables) {
		return []string{"table in the output that the source lacks"}
	}
	want := srcTables[i].cols
	got := make([]string, len(want))
	for _, l := range p.lines {
		s := ansi.Strip(l)
		if isRule(s) {
			continue
		}
		segs := cellSegments(s)
		if len(segs) != len(want) {
			bad = append(bad, "table line with "+string(rune('0'+len(segs)))+" cells: "+s)
			continue
		}
		for c, seg := range segs {
			got[c] += sig(seg)
			if seg == "" {
				continue
			}
			first, _ := utf8.DecodeRuneInString(seg)
			last, _ := utf8.DecodeLastRuneInString(seg)
			if strings.ContainsRune(cjkClosers, first) || strings.ContainsRune(openers, last) {
				bad = append(bad, "table cell line breaks at punctuation: "+s)
			}
		}
	}
	for c := range want {
		if got[c] != want[c] {
			bad = append(bad, "table column characters lost:\n got "+got[c]+"\nwant "+want[c])
		}
	}
	return bad
}

func reportBad(t *testing.T, name string, width int, style Style, bad []string) {
	t.Helper()
	for i, b := range bad {
		if i == 5 {
			t.Errorf("%s width %d %v: … %d more", name, width, style, len(bad)-5)
			break
		}
		t.Errorf("%s width %d %v: %s", name, width, style, b)
	}
}

func TestRenderNoteAllWidths(t *testing.T) {
	md := readNote(t)
	r := New()
	for _, style := range []Style{Plain, Dark, Light} {
		for width := 40; width <= 120; width++ {
			if style == Light && width%7 != 0 && width != 40 && width != 120 {
				continue // Light differs from Dark only in colours
			}
			reportBad(t, "note.md", width, style, checkRender(t, r, md, width, style))
		}
	}
}

func TestRenderDeckNotes(t *testing.T) {
	bodies := deckNotes(t)
	// The deck grows; the 11 seed notes are its floor.
	if len(bodies) < 11 {
		t.Fatalf("%d deck notes, want at least 11", len(bodies))
	}
	r := New()
	for name, md := range bodies {
		for _, width := range []int{40, 41, 59, 60, 80, 99, 100, 120} {
			for _, style := range []Style{Plain, Dark} {
				reportBad(t, name, width, style, checkRender(t, r, md, width, style))
			}
		}
	}
}

// TestRenderKitchenSink renders most markdown constructs: headings, task
// lists, deep nesting, nested quotes, lists in quotes, code in lists,
// indented code, images, autolinks.
func TestRenderKitchenSink(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "kitchen.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := New()
	for _, style := range []Style{Plain, Dark} {
		for _, width := range []int{40, 41, 44, 59, 60, 80, 99, 100, 120} {
			reportBad(t, "kitchen.md", width, style, checkRenderSig(t, r, string(b), width, style, cjkSig))
		}
	}
}

// TestChecksCatchFaults makes sure checkPieces is not blind: damaged output
// must be reported.
func TestChecksCatchFaults(t *testing.T) {
	md := readNote(t)
	r := New()
	const width = 60
	pieces, err := r.render(md, width, Dark)
	if err != nil {
		t.Fatal(err)
	}
	join := func(ps []piece) string {
		var ls []string
		for _, p := range ps {
			ls = append(ls, p.lines...)
		}
		return strings.Join(ls, "\n")
	}
	if bad := checkPieces(md, pieces, join(pieces), width, Dark, sig); len(bad) > 0 {
		t.Fatalf("undamaged output reported: %v", bad)
	}
	clone := func() []piece {
		c := make([]piece, len(pieces))
		for i, p := range pieces {
			c[i] = p
			c[i].lines = append([]string(nil), p.lines...)
		}
		return c
	}
	// find returns the first text piece with a wrapped line containing s.
	find := func(ps []piece, s string) (int, int) {
		for i, p := range ps {
			for k, l := range p.lines {
				if !p.table && len(p.lines) > 1 && strings.Contains(ansi.Strip(l), s) {
					return i, k
				}
			}
		}
		t.Fatalf("no wrapped line contains %q", s)
		return 0, 0
	}
	// Damages work on the visible text of a line: the checks strip escapes.
	edit := func(ps []piece, s string, line int, f func(string) string) {
		i, k := find(ps, s)
		if line >= 0 {
			k = line
		}
		ps[i].lines[k] = f(ansi.Strip(ps[i].lines[k]))
	}
	damages := map[string]func(ps []piece){
		"drop a character": func(ps []piece) {
			edit(ps, "低秩假设", -1, func(l string) string { return strings.Replace(l, "秩", "", 1) })
		},
		"lose the hanging indent": func(ps []piece) {
			edit(ps, "低秩假设", 1, func(l string) string { return strings.Replace(l, "    ", "  ", 1) })
		},
		"orphan bullet": func(ps []piece) {
			edit(ps, "低秩假设", -1, func(l string) string { return strings.Replace(l, "• ", "•\n    ", 1) })
		},
		"overflow": func(ps []piece) {
			edit(ps, "低秩假设", -1, func(l string) string { return l + strings.Repeat("字", width) })
		},
		"closing punctuation first": func(ps []piece) {
			edit(ps, "低秩假设", 1, func(l string) string { return strings.Replace(l, "    ", "    ，", 1) })
		},
		"drop a table character": func(ps []piece) {
			for i := range ps {
				for k, l := range ps[i].lines {
					if ps[i].table && strings.Contains(l, "无") {
						ps[i].lines[k] = strings.Replace(l, "无", "", 1)
						return
					}
				}
			}
			t.Fatal("no table line with 无")
		},
	}
	for name, damage := range damages {
		ps := clone()
		damage(ps)
		if bad := checkPieces(md, ps, join(ps), width, Dark, sig); len(bad) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
}

func TestRenderCodeBlock(t *testing.T) {
	md := readNote(t)
	out, err := New().Render(md, 60, Plain)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	indentOf := func(code string) int {
		for _, l := range lines {
			if strings.Contains(l, code) {
				return len(l) - len(strings.TrimLeft(l, " "))
			}
		}
		t.Fatalf("code %q missing from the output", code)
		return 0
	}
	// The block is indented 4 (margin and code block margin); the class body
	// one tab (4 columns) more, the method body two tabs.
	for code, want := range map[string]int{
		"import torch":           4,
		"class LoRALinear":       4,
		"def forward(self, x):":  8,
		"super().__init__()":     12,
		"self.scale = alpha / r": 12,
	} {
		if got := indentOf(code); got != want {
			t.Errorf("%q indented %d, want %d", code, got, want)
		}
	}
	// The long comment wraps with the line's indent kept.
	var after bool
	for _, l := range lines {
		if strings.Contains(l, "self.base = base") {
			after = true
			continue
		}
		if after {
			if !strings.HasPrefix(l, strings.Repeat(" ", 12)+codeMark+" ") {
				t.Errorf("wrapped comment line %q not marked at the code's indent", l)
			}
			break
		}
	}
}

func TestRenderSoftBreaks(t *testing.T) {
	md := "第一行中文\n第二行中文，English\nword here.\n\n- 项目一\n  继续中文\n  **强调**结尾\n\n> 引用一\n> 引用二\n"
	out, err := New().Render(md, 80, Plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  第一行中文第二行中文，English word here.",
		"  • 项目一继续中文强调结尾", // Plain drops emphasis marks
		"  | 引用一引用二",
	} {
		if !strings.Contains(out, want+"\n") && !strings.HasSuffix(out, want) {
			t.Errorf("output lacks line %q:\n%s", want, out)
		}
	}
}

func TestRenderPlainHasNoEscapes(t *testing.T) {
	md := readNote(t) + "\n\n<https://example.com> 和 ~~删除~~ 与 *强调*。\n"
	out, err := New().Render(md, 80, Plain)
	if err != nil {
		t.Fatal(err)
	}
	if i := strings.IndexByte(out, ansi.ESC); i >= 0 {
		t.Errorf("plain output holds ESC at byte %d: %q", i, out[max(0, i-20):min(len(out), i+20)])
	}
	dark, err := New().Render(md, 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dark, "\x1b[") {
		t.Error("dark output has no colour at all")
	}
}

func TestRenderErrors(t *testing.T) {
	r := New()
	if _, err := r.Render("x", 0, Dark); err == nil || !strings.Contains(err.Error(), "width") {
		t.Errorf("width 0: err = %v, want a width error", err)
	}
	if _, err := r.Render("x", 80, Style(7)); err == nil || !strings.Contains(err.Error(), "style") {
		t.Errorf("style 7: err = %v, want a style error", err)
	}
	out, err := r.Render("", 80, Plain)
	if err != nil || out != "" {
		t.Errorf("empty markdown: %q, %v", out, err)
	}
}

func TestRenderNarrowTableFallsBackToRows(t *testing.T) {
	md := "| 一 | 二 | 三 | 四 | 五 | 六 | 七 | 八 |\n|---|---|---|---|---|---|---|---|\n| 甲乙 | 丙丁 | 戊己 | 庚辛 | 壬癸 | 子丑 | 寅卯 | 辰巳 |\n"
	for _, width := range []int{40, 50} {
		out, err := New().Render(md, width, Plain)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(out, "  • 一 | 二") {
			t.Errorf("width %d: rows not listed:\n%s", width, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > width {
				t.Errorf("width %d: line %q too wide", width, l)
			}
		}
		if got, want := sig(out), sig(md); got != want {
			t.Errorf("width %d: characters lost: %s, want %s", width, got, want)
		}
	}
	// Wide enough, the same table is drawn as a table.
	out, err := New().Render(md, 80, Plain)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "一   | 二") && !strings.Contains(out, "一 | 二") {
		t.Errorf("width 80: no table drawn:\n%s", out)
	}
}

func TestRenderTableAlignmentAndWidths(t *testing.T) {
	md := "| 左 | 中 | 右 |\n|:---|:---:|---:|\n| a | b | c |\n| 甲乙丙 | 丁戊己 | 庚辛壬 |\n"
	out, err := New().Render(md, 80, Plain)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"  左     |   中   |     右",
		"  -------|--------|-------",
		"  a      |   b    |      c",
		"  甲乙丙 | 丁戊己 | 庚辛壬",
	}, "\n")
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestRendererConcurrent renders from many goroutines at once, with the
// cache off (every call goes through glamour) and on; run with -race to check
// the locking. Every result must be the sequential one: byte for byte in
// Plain, and as text in colour (stock chroma breaks ties between equal
// palette colours at random).
func TestRendererConcurrent(t *testing.T) {
	md := readNote(t)
	want := map[Style]string{}
	for _, st := range []Style{Dark, Light, Plain} {
		out, err := New().Render(md, 70, st)
		if err != nil {
			t.Fatal(err)
		}
		want[st] = out
	}
	for _, cache := range []int{0, cacheSize} {
		r := New()
		r.maxCache = cache
		var wg sync.WaitGroup
		errs := make(chan string, 48)
		for g := 0; g < 12; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 4; i++ {
					st := Style((g + i) % 3)
					out, err := r.Render(md, 70, st)
					if err != nil {
						errs <- err.Error()
					} else if ansi.Strip(out) != ansi.Strip(want[st]) || st == Plain && out != want[st] {
						errs <- "concurrent " + st.String() + " render differs"
					}
				}
			}(g)
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("cache %d: %s", cache, e)
		}
	}
}

// TestRendererCacheEvicts fills the cache past its size: old entries go and
// rendering stays correct.
func TestRendererCacheEvicts(t *testing.T) {
	r := New()
	for i := range cacheSize + 5 {
		md := "第" + strings.Repeat("一", i+1) + "段。"
		out, err := r.Render(md, 200, Plain)
		if err != nil || out != "  "+md {
			t.Fatalf("render %d: %q, %v", i, out, err)
		}
	}
	r.mu.Lock()
	n, m := r.order.Len(), len(r.cache)
	r.mu.Unlock()
	if n != cacheSize || m != cacheSize {
		t.Errorf("cache holds %d/%d entries, want %d", n, m, cacheSize)
	}
}

// TestRenderNarrowWidths goes below the 40 columns the TUI needs: lines still
// fit (a lone CJK character may overflow width 1) and no character is lost.
func TestRenderNarrowWidths(t *testing.T) {
	md := readNote(t)
	r := New()
	sorted := func(s string) string {
		rs := []rune(cjkSig(s))
		slices.Sort(rs)
		return string(rs)
	}
	src, _ := splitSource(md)
	_, tables := splitSource(md)
	want := cjkSig(src)
	for _, tb := range tables {
		for _, c := range tb.cols {
			want += cjkSig(c)
		}
	}
	want = sorted(want)
	for _, style := range []Style{Plain, Dark} {
		for width := 1; width < 40; width++ {
			out, err := r.Render(md, width, style)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out, "\n") {
				s := ansi.Strip(l)
				if w := ansi.StringWidth(s); w > width && !(width == 1 && w == 2 && utf8.RuneCountInString(strings.TrimSpace(s)) == 1) {
					t.Errorf("width %d %v: line %q is %d wide", width, style, s, w)
				}
			}
			if got := sorted(out); got != want {
				t.Errorf("width %d %v: CJK characters lost or added", width, style)
			}
		}
	}
}

// FuzzRender feeds Render arbitrary markdown: it must not fail, every line
// must fit (a lone two-cell character may overflow width 1), and Plain output
// must hold no escape code.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"",
		"# 标题\n\n- 项目：很长很长的中文\n  继续\n\n> 引用\n\n1. 一\n   - 二\n",
		"| a | 表 |\n|:-:|--:|\n| 中文单元格 | `code` |\n",
		"```go\n\tfmt.Println(\"你好\")\n```\n",
		"中文\n中文 [链接](https://example.com) <https://x.y> ![图](i.png)",
		"- [ ] 任务\n- [x] 完成\n\n---\n\n***粗斜***~~删~~",
		"mianjingtable0\n\n| x |\n|---|\n| y |\n",
		"1. 第一段\n\n   第二段\\\n   硬换行\n\n   | a | 表 |\n   |---|---|\n   | 1 | 中 |\n10. [ ] 任务\n\n    说明\n",
		"> - 项\n>\n>   段\n>\n> | a |\n> |---|\n> | 1 |\n",
		"- | a | 表 |\n  |---|---|\n  | 1 | 中 |\n> 1) | x |\n>    |---|\n>    | y |\n",
	} {
		f.Add(s, 40)
	}
	r := New()
	f.Fuzz(func(t *testing.T, md string, w int) {
		width := 1 + (w%130+130)%130
		for _, style := range []Style{Plain, Dark} {
			out, err := r.Render(md, width, style)
			if err != nil {
				t.Fatalf("Render(%q, %d, %v): %v", md, width, style, err)
			}
			if style == Plain && strings.IndexByte(out, ansi.ESC) >= 0 {
				t.Fatalf("Render(%q, %d, Plain) holds ESC", md, width)
			}
			for _, l := range strings.Split(out, "\n") {
				s := ansi.Strip(l)
				if sw := ansi.StringWidth(s); sw > width {
					g := strings.TrimSpace(s)
					first, gw := ansi.FirstGraphemeCluster(g, ansi.GraphemeWidth)
					if first != g || gw <= width {
						t.Fatalf("Render(%q, %d, %v): line %q is %d wide", md, width, style, s, sw)
					}
				}
			}
		}
	})
}

// A table cell's control characters never reach the terminal: tables are
// laid out by this package, past glamour and WrapLine (found by FuzzRender).
func TestRenderTableDropsControlCharacters(t *testing.T) {
	md := "| 列 | b |\n|---|---|\n| x\x1b]0;pwned\x07y | \x1b[31mred\tz |\n"
	for _, st := range []Style{Plain, Dark} {
		out, err := New().Render(md, 60, st)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\x07") || strings.Contains(out, "\x1b]0;") || strings.Contains(out, "\x1b[31m") {
			t.Errorf("%s: a control sequence from the cell reached the output: %q", st, out)
		}
		if plain := ansi.Strip(out); !strings.Contains(plain, "x]0;pwnedy") || !strings.Contains(plain, "[31mred z") {
			t.Errorf("%s: the cells' text is not kept: %q", st, plain)
		}
	}
}
