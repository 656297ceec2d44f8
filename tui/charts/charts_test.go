package charts

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func dayOf(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// styleSets are the three ways the charts are drawn.
func styleSets() map[string]Styles {
	return map[string]Styles{"dark": NewStyles(true, false), "light": NewStyles(false, false), "plain": NewStyles(true, true)}
}

// maxWidth is the widest line of s once escape codes are stripped.
func maxWidth(s string) int {
	w := 0
	for _, l := range strings.Split(ansi.Strip(s), "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

func TestHeatmapWidth(t *testing.T) {
	if HeatmapWidth(26) > 80 || MaxWeeks(80) < 26 {
		t.Errorf("26 weeks take %d columns; 80 columns fit %d weeks", HeatmapWidth(26), MaxWeeks(80))
	}
	counts := make([]int, 400)
	for i := range counts {
		counts[i] = i % 11
	}
	today := dayOf(2025, 3, 12)
	for name, st := range styleSets() {
		for _, lang := range []string{"en", "zh"} {
			for width := 0; width <= 90; width++ {
				weeks := MaxWeeks(width)
				out := Heatmap(counts, today, weeks, st, lang)
				if weeks == 0 {
					if out != "" {
						t.Errorf("%s %s width %d: zero weeks drew %q", name, lang, width, out)
					}
					continue
				}
				if got := maxWidth(out); got > width || got > HeatmapWidth(weeks) {
					t.Fatalf("%s %s width %d (%d weeks): a line is %d wide:\n%s", name, lang, width, weeks, got, ansi.Strip(out))
				}
				if n := strings.Count(out, "\n") + 1; n != 9 {
					t.Errorf("%s %s width %d: %d lines, want 9", name, lang, width, n)
				}
			}
		}
	}
}

// On Wednesday 12 March 2025 the 26 columns start on Monday 16 September
// 2024; months begin at the columns whose Monday is 7 Oct (column 3),
// 4 Nov (7), 2 Dec (11), 6 Jan (16), 3 Feb (20) and 3 Mar (24). Column c
// starts at 4 + 2c.
func TestHeatmapMonthLabels(t *testing.T) {
	today := dayOf(2025, 3, 12)
	want := map[string][]int{
		"en": {4, 10, 18, 26, 36, 44, 52},
		"zh": {4, 10, 18, 26, 36, 44, 52},
	}
	names := map[string][]string{
		"en": {"Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"},
		"zh": {"9月", "10月", "11月", "12月", "1月", "2月", "3月"},
	}
	for _, lang := range []string{"en", "zh"} {
		line := strings.Split(Heatmap(nil, today, 26, Styles{}, lang), "\n")[0]
		for i, name := range names[lang] {
			x := want[lang][i]
			if got := ansi.Cut(line, x, x+ansi.StringWidth(name)); got != name {
				t.Errorf("%s: at column %d %q, want %q; line %q", lang, x, got, name, line)
			}
		}
		if got := len(strings.Fields(line)); got != len(names[lang]) {
			t.Errorf("%s: %d labels in %q", lang, got, line)
		}
	}
	// Eight weeks from Monday 20 January: the first column is January's,
	// February starts at column 2 (3 Feb), March at column 6 (3 Mar).
	line := strings.Split(Heatmap(nil, today, 8, Styles{}, "en"), "\n")[0]
	if line != "    Jan Feb     Mar" {
		t.Errorf("8 weeks: %q", line)
	}
	// A first column two weeks before a month start gives way when their
	// names would touch: from Monday 24 Feb, "Feb" at 4 would reach "Mar" at 6.
	line = strings.Split(Heatmap(nil, dayOf(2025, 3, 12), 3, Styles{}, "en"), "\n")[0]
	if line != "      Mar" {
		t.Errorf("3 weeks: %q", line)
	}
}

func TestHeatmapToday(t *testing.T) {
	for _, today := range []int{dayOf(2025, 3, 10), dayOf(2025, 3, 12), dayOf(2025, 3, 16)} {
		for name, st := range styleSets() {
			lines := strings.Split(ansi.Strip(Heatmap([]int{1, 2, 3}, today, 10, st, "en")), "\n")
			row := mondayIndex(today)
			for r := range 7 {
				l := lines[1+r]
				marks := strings.Count(l, todayMark)
				if r != row {
					if marks != 0 {
						t.Errorf("%s %v: today mark on row %d: %q", name, dayDate(today), r, l)
					}
					// Days after today are not drawn.
					if r > row && ansi.StringWidth(l) > labelWidth+cellWidth*9 {
						t.Errorf("%s %v: row %d draws the future: %q", name, dayDate(today), r, l)
					}
					continue
				}
				x := labelWidth + cellWidth*9 + 1
				if marks != 1 || ansi.Cut(l, x, x+1) != todayMark {
					t.Errorf("%s %v: row %d %q, want the mark at column %d", name, dayDate(today), r, l, x)
				}
			}
		}
	}
}

// The glyph a plain heatmap draws for each day never gets lighter as the
// count grows, and the busiest day gets the darkest.
func TestHeatmapShadingMonotonic(t *testing.T) {
	for most := 1; most <= 40; most++ {
		prev := 0
		for c := 0; c <= most+3; c++ {
			lv := Level(c, most)
			if lv < prev || (c == 0) != (lv == 0) || lv >= Levels {
				t.Fatalf("Level(%d, %d) = %d after %d", c, most, lv, prev)
			}
			prev = lv
		}
		if Level(most, most) != Levels-1 {
			t.Errorf("Level(%d, %d) = %d", most, most, Level(most, most))
		}
	}
	// 28 days with counts 0…27, in a four-week heatmap ending on a Sunday.
	today := dayOf(2025, 3, 16)
	counts := make([]int, 28)
	for i := range counts {
		counts[i] = i
	}
	lines := strings.Split(Heatmap(counts, today, 4, Styles{}, "en"), "\n")
	rank := func(g string) int { return slices.Index(plainShades[:], g) }
	prev := -1
	for i := range 28 {
		col, row := i/7, i%7
		cell := []rune(strings.TrimSpace(ansi.Cut(lines[1+row], labelWidth+cellWidth*col, labelWidth+cellWidth*col+1)))
		lv := rank(string(cell))
		if lv < prev || lv < 0 {
			t.Fatalf("day %d (count %d): glyph %q after level %d", i, counts[i], string(cell), prev)
		}
		prev = lv
	}
	if prev != Levels-1 {
		t.Errorf("busiest day at level %d", prev)
	}
}

func TestPlainHasNoEscapes(t *testing.T) {
	today := dayOf(2025, 3, 12)
	plain := NewStyles(false, true)
	for _, s := range []string{
		Heatmap([]int{0, 3, 9}, today, 26, plain, "zh"),
		Bars([]int{1, 2, 3}, []string{"a", "b", "c"}, 4, 40, plain),
		RBar(0.5, 20, plain),
	} {
		if strings.ContainsRune(s, '\x1b') {
			t.Errorf("escape code in plain output %q", s)
		}
	}
	if s := Heatmap([]int{0, 3, 9}, today, 26, NewStyles(true, false), "en"); !strings.ContainsRune(s, '\x1b') || !strings.Contains(ansi.Strip(s), colorGlyph) {
		t.Error("colour heatmap has no colour or no glyphs")
	}
}

func TestBars(t *testing.T) {
	values := []int{5, 0, 3, 12, 1, 0, 0, 2, 9, 4, 0, 1, 0, 7}
	labels := make([]string, len(values))
	for i := range labels {
		labels[i] = fmt.Sprint(10 + i)
	}
	labels[0] = "今天"
	for name, st := range styleSets() {
		for width := 1; width <= 60; width++ {
			out := Bars(values, labels, 6, width, st)
			if got := maxWidth(out); got > width {
				t.Fatalf("%s width %d: a line is %d wide:\n%s", name, width, got, ansi.Strip(out))
			}
		}
	}
	out := ansi.Strip(Bars(values, labels, 6, 80, Styles{}))
	lines := strings.Split(out, "\n")
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 8:\n%s", len(lines), out)
	}
	// Columns are 4 wide ("今天"): column i starts at 5i.
	col := func(line string, i int) string { return strings.TrimSpace(ansi.Cut(line, 5*i, 5*i+4)) }
	// The tallest bar (12, column 3) fills all six rows under its count.
	if col(lines[0], 3) != "12" {
		t.Errorf("top row %q", lines[0])
	}
	for r := 1; r <= 6; r++ {
		if col(lines[r], 3) != "████" {
			t.Errorf("row %d of the tallest bar: %q", r, lines[r])
		}
	}
	// 5 of 12 is 20 eighths of 48: two full rows and a half, count above.
	if col(lines[6], 0) != "████" || col(lines[5], 0) != "████" || col(lines[4], 0) != "▄▄▄▄" || col(lines[3], 0) != "5" {
		t.Errorf("bar of 5:\n%s", out)
	}
	// A zero has its count on the bottom row and no bar.
	if col(lines[6], 1) != "0" || col(lines[5], 1) != "" {
		t.Errorf("bar of 0:\n%s", out)
	}
	if !strings.HasPrefix(lines[7], "今天  11   12") {
		t.Errorf("labels %q", lines[7])
	}
	// Narrow: only the columns that fit, from the first.
	narrow := ansi.Strip(Bars(values, labels, 3, 14, Styles{}))
	if got := strings.Fields(strings.Split(narrow, "\n")[4]); !slices.Equal(got, []string{"今天", "11", "12"}) {
		t.Errorf("narrow labels %v:\n%s", got, narrow)
	}
	if Bars(nil, nil, 3, 10, Styles{}) != "" || Bars(values, nil, 0, 10, Styles{}) != "" {
		t.Error("empty input drew something")
	}
}

func TestRBar(t *testing.T) {
	for name, st := range styleSets() {
		for width := 0; width <= 30; width++ {
			prev := -1
			for r := 0.0; r <= 1.0001; r += 0.01 {
				out := RBar(r, width, st)
				plain := ansi.Strip(out)
				if w := ansi.StringWidth(plain); w > width || (width >= 6 && w != width) {
					t.Fatalf("%s RBar(%v, %d) is %d wide: %q", name, r, width, w, plain)
				}
				filled := strings.Count(plain, "█")
				if filled < prev {
					t.Fatalf("%s RBar(%v, %d): %d filled after %d", name, r, width, filled, prev)
				}
				prev = filled
			}
		}
	}
	if got := RBar(0.62, 15, Styles{}); got != "██████░░░░  62%" {
		t.Errorf("RBar(0.62, 15) = %q", got)
	}
	if got := RBar(1, 10, Styles{}); got != "█████ 100%" {
		t.Errorf("RBar(1, 10) = %q", got)
	}
	if got := RBar(-3, 8, Styles{}); got != "░░░   0%" {
		t.Errorf("RBar(-3, 8) = %q", got)
	}
	// Colour runs from red to green.
	red, green := rColor(0), rColor(1)
	r0, g0, _, _ := red.RGBA()
	r1, g1, _, _ := green.RGBA()
	if !(r0 > g0 && g1 > r1) {
		t.Errorf("rColor(0) = %v, rColor(1) = %v", red, green)
	}
}
